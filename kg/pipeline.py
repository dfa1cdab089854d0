"""The whole build: files → documents → facts → graph → store, facts.json and SHACL report.

Each document is a pure map: a worker process ingests, extracts and resolves it, builds
its named graph, serialises that graph (``kg.store.GraphChunk``: N-Quads, TriG and
Turtle blocks, as bytes) and reads its facts with the named queries. The parent only
concatenates chunks and loads the store (in a background thread, as chunks arrive), so
its share of the work stays linear in the corpus. Outputs go to temporary paths that
replace the previous ones only when everything has been written.
"""
from __future__ import annotations

import contextlib
import os
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg import __version__
from kg.ingest import IngestError, discover, read_document
from kg.records import ResolvedDoc, safe_key

if TYPE_CHECKING:
    from kg.store import GraphChunk

DEFAULT_OUT = Path("extracted")


@dataclass
class BuildReport:
    documents: list[str] = field(default_factory=list)  # ids built
    errors: list[str] = field(default_factory=list)  # "<file>: <reason>", one per unreadable file
    quads: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)  # SHACL messages, empty when it conforms
    validated: bool = False
    seconds: float = 0.0
    text_chars: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.violations


def process_file(path: Path, doc_id: str | None = None) -> ResolvedDoc:
    """Ingest, segment, extract and resolve one file (raises IngestError when unreadable).

    >>> from pathlib import Path
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.txt"
    >>> _ = p.write_text("区人大常委会听取和审议了区政府关于财政工作的报告。", encoding="utf-8")
    >>> rd = process_file(p)
    >>> rd.facts.doc.id
    't'
    """
    from dataclasses import replace

    from kg.extract import extract
    from kg.resolve import resolve
    from kg.segment import segment

    doc = read_document(path)
    if doc_id and doc_id != doc.id:
        doc = replace(doc, id=doc_id)
    sections, sentences = segment(doc)
    return resolve(extract(doc, sections, sentences))


@dataclass(frozen=True)
class DocResult:
    """What a worker sends back for one document: small, picklable, no pyoxigraph terms."""

    doc_id: str
    text_chars: int
    chunk: GraphChunk
    facts: list[dict]


def render(rd: ResolvedDoc) -> DocResult:
    """The graph chunk and facts of one resolved document (what ``build`` writes).

    >>> from kg.records import Document, DocFacts, Jurisdiction, Entity
    >>> doc = Document("d1", "d1.txt", "正文。", "标题", (2023,), "0" * 64)
    >>> rd = ResolvedDoc(DocFacts(doc, (), (), (), (), ()), Jurisdiction("某区", "区", "某区"),
    ...                  Entity("organ/某区/区人大常委会", "StandingCommittee", "区人大常委会"))
    >>> r = render(rd)
    >>> r.doc_id, r.chunk.graph, [f["id"] for f in r.facts]
    ('d1', '<https://w3id.org/renda-kg/id/graph/d1>', ['d1'])
    """
    from kg.facts import facts_from_quads
    from kg.rdf.build import doc_quads_with_lines
    from kg.store import graph_chunk

    quads, lines = doc_quads_with_lines(rd)
    return DocResult(rd.facts.doc.id, len(rd.facts.doc.text), graph_chunk(quads, lines),
                     facts_from_quads(quads))


def _work(args: tuple[str, str, tuple[str, ...]]) -> DocResult | str:
    path, doc_id, lexicons = args
    if lexicons:
        from kg.extract.rules import add_user_dir

        for d in lexicons:
            add_user_dir(Path(d))
    try:
        return render(process_file(Path(path), doc_id))
    except IngestError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not sink the corpus
        # a bug met by one text: say where, build the rest, and let the exit code show it
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return (f"{path}: extraction failed ({type(exc).__name__}: {' '.join(str(exc).split())} "
                f"at {Path(where.filename).name}:{where.lineno}); the rest of the corpus was built")


def assign_ids(files: Sequence[Path]) -> list[str]:
    """Stable document ids: the safe file stem, widened with parent folders on a clash.

    >>> assign_ids([Path("a/x.txt"), Path("b/x.txt"), Path("c/y.txt")])
    ['a-x', 'b-x', 'y']
    """
    stems = [safe_key(f.stem) for f in files]
    ids = []
    for f, stem in zip(files, stems):
        if stems.count(stem) == 1:
            ids.append(stem)
            continue
        parts, key = list(f.parent.parts), stem
        while parts and (key in ids or key == stem):
            key = safe_key(parts.pop()) + "-" + key
        ids.append(key)
    return ids


def build(
    paths: Sequence[Path | str],
    out_dir: Path | str = DEFAULT_OUT,
    *,
    validate: bool = True,
    workers: int | None = None,
    lexicons: Sequence[Path | str] = (),
    progress: Callable[[int, int, str], None] | None = None,
) -> BuildReport:
    """Build the graph of every readable file under ``paths`` into ``out_dir``.

    Writes ``graph.trig``, ``graph.ttl``, ``facts.json`` and the Oxigraph ``store/``.
    Unreadable files are reported in ``BuildReport.errors``; the rest still builds.
    Raises IngestError only when ``paths`` itself names something that is not there.
    """
    from kg.facts import facts_from_store, write_facts
    from kg.rdf.build import provenance_quads_for
    from kg.store import OutputWriter, graph_chunk, open_store

    started = time.perf_counter()
    out = Path(out_dir)
    report = BuildReport()
    files = discover([Path(p) for p in paths])
    ids = assign_ids(files)
    lex = tuple(str(Path(d).resolve()) for d in lexicons)
    if lex:
        from kg.extract.rules import add_user_dir

        for d in lex:
            add_user_dir(Path(d))
    jobs = [(str(f), i, lex) for f, i in zip(files, ids)]
    n = len(jobs)
    workers = workers if workers is not None else (min(os.cpu_count() or 1, 8) if n >= 16 else 1)

    results: Iterable[DocResult | str]
    pool = None
    if workers > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        results = pool.map(_work, jobs, chunksize=max(1, min(16, n // (workers * 8))))
    else:
        results = map(_work, jobs)
    facts: list[dict] = []
    fresh_out = not out.exists()
    try:
        with OutputWriter(out) as writer:
            for k, res in enumerate(results, 1):
                if isinstance(res, str):
                    report.errors.append(res)
                    label = res.split(":", 1)[0]
                else:
                    report.documents.append(res.doc_id)
                    report.text_chars += res.text_chars
                    writer.add(res.chunk)
                    facts.extend(res.facts)
                    label = res.doc_id
                if progress:
                    progress(k, n, label)
            if not report.documents:
                if fresh_out:  # nothing built: leave no empty output folder behind
                    with contextlib.suppress(OSError):
                        out.rmdir()
                report.seconds = time.perf_counter() - started
                return report
            writer.add(graph_chunk(provenance_quads_for(report.documents, version=__version__)))
            report.quads = writer.quads
            report.outputs = writer.commit()
            merged = writer.merged
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if merged:  # two documents in one graph: per-graph facts may differ, ask the store
        store = open_store(report.outputs["store"])
        facts = facts_from_store(store)
        del store
    facts_path = out / "facts.json"
    write_facts(facts, facts_path)
    report.outputs["facts"] = facts_path
    if validate:
        from kg.rdf.shacl import validate as shacl_validate

        result = shacl_validate(report.outputs.get("trig", out / "graph.trig"))
        report.validated = True
        report.violations = [v if isinstance(v, str) else " | ".join(str(x) for x in v) for v in result.violations]
    report.seconds = time.perf_counter() - started
    return report
