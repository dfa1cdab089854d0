"""The graph on disk: TriG and Turtle files and an embedded Oxigraph store.

Everything is written beside its final place and renamed in only when complete, so a
build that fails half-way leaves the previous outputs as they were. Serialisations are
sorted and de-duplicated: the same quads always give the same bytes.

Sorting a million quads with a Python key is slow (~10 s); instead pyoxigraph writes
N-Quads in one call and we sort indices by those lines, which are exactly the terms'
canonical text. The canonical order is graph first, then subject, predicate, object.

A build never sorts or serialises the whole graph at once. Each named graph becomes a
``GraphChunk`` (its sorted N-Quads, its TriG block, its Turtle block per subject), made
where the graph is made (in the worker processes; chunks are plain bytes and pickle
cheaply). ``OutputWriter`` then only concatenates: TriG blocks in graph order, Turtle
blocks in subject order (a subject described in several graphs is written once, from
the union of its triples), while a background thread bulk-loads the N-Quads into the
store as they arrive. The bytes are those a one-shot serialisation of the sorted quads
gives (tests/test_store.py compares the two).
"""
from __future__ import annotations

import contextlib
import os
import queue
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph
from pyoxigraph import Quad, RdfFormat

from kg.rdf.namespace import PREFIXES, RKD
from kg.records import safe_key

__all__ = ["StoreError", "FILE_FORMATS", "GraphChunk", "OutputWriter", "graph_chunk",
           "write_outputs", "write_store", "open_store", "serialize", "canonical_order"]

FILE_FORMATS: dict[str, RdfFormat] = {
    "trig": RdfFormat.TRIG,
    "ttl": RdfFormat.TURTLE,
    "nq": RdfFormat.N_QUADS,
    "nt": RdfFormat.N_TRIPLES,
}
STORE_DIR = "store"


class StoreError(Exception):
    """A store or graph file that cannot be opened; the message is one line."""


def canonical_order(quads: Iterable[Quad]) -> tuple[list[Quad], list[str]]:
    """Quads sorted (graph, subject, predicate, object) without duplicates, with their
    N-Quads lines. The default graph sorts first.

    >>> from pyoxigraph import NamedNode, Literal
    >>> g, s, p = NamedNode("http://e/g"), NamedNode("http://e/s"), NamedNode("http://e/p")
    >>> qs, lines = canonical_order([Quad(s, p, Literal("b"), g), Quad(s, p, Literal("a"), g),
    ...                              Quad(s, p, Literal("b"), g)])
    >>> lines
    ['<http://e/s> <http://e/p> "a" <http://e/g> .', '<http://e/s> <http://e/p> "b" <http://e/g> .']
    """
    q, lines, _ = _ordered(quads)
    return q, lines


def _ordered(quads: Iterable[Quad]) -> tuple[list[Quad], list[str], list[str]]:
    quads = quads if isinstance(quads, list) else list(quads)
    if not quads:
        return [], [], []
    text = pyoxigraph.serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8")
    lines = text.split("\n")
    lines.pop()  # the text ends with a newline
    if len(lines) != len(quads):  # N-Quads escapes line breaks, so this cannot happen
        raise AssertionError("N-Quads lines do not match quads")
    graphs = ["" if g == "DEFAULT" else g for g in (str(q.graph_name) for q in quads)]
    order = sorted(range(len(lines)), key=lines.__getitem__)
    order.sort(key=graphs.__getitem__)  # stable: (graph, line)
    out_q: list[Quad] = []
    out_l: list[str] = []
    out_g: list[str] = []
    prev = None
    for i in order:
        line = lines[i]
        if line != prev:  # equal quads are neighbours after the sort
            out_q.append(quads[i])
            out_l.append(line)
            out_g.append(graphs[i])
            prev = line
    return out_q, out_l, out_g


def _triples(quads: list[Quad], lines: list[str], graphs: list[str]) -> list:
    """Distinct triples of all graphs, sorted by their N-Triples text."""
    # A quad line is "<s> <p> <o> <g> ." and a triple line "<s> <p> <o> .".
    keys = [line[: -(len(g) + 3)] if g else line[:-2] for line, g in zip(lines, graphs)]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    out, prev = [], None
    for i in order:
        if keys[i] != prev:
            out.append(quads[i].triple)
            prev = keys[i]
    return out


def _serialize_ordered(quads: list[Quad], lines: list[str], graphs: list[str], fmt: str) -> bytes:
    if fmt == "nq":
        return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    if fmt == "trig":
        return pyoxigraph.serialize(quads, format=RdfFormat.TRIG, prefixes=PREFIXES) or b""
    triples = _triples(quads, lines, graphs)
    rdf_format = RdfFormat.TURTLE if fmt == "ttl" else RdfFormat.N_TRIPLES
    prefixes = PREFIXES if fmt == "ttl" else None
    return pyoxigraph.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def serialize(source: pyoxigraph.Store | Iterable[Quad], fmt: str) -> bytes:
    """Serialise quads (or a whole store) deterministically.

    ``fmt`` is one of ``trig``, ``nq`` (named graphs kept), ``ttl``, ``nt`` (every triple
    once, in one default graph). Prefixes are those of ``kg.rdf.namespace.PREFIXES``.

    >>> from pyoxigraph import NamedNode, Literal
    >>> q = Quad(NamedNode("https://w3id.org/renda-kg/id/a"), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ...          Literal("区政府", language="zh"), NamedNode("https://w3id.org/renda-kg/id/graph/d"))
    >>> serialize([q], "nt").decode()
    '<https://w3id.org/renda-kg/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "区政府"@zh .\\n'
    """
    if fmt not in FILE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FILE_FORMATS)}")
    return _serialize_ordered(*_ordered(source), fmt)


@lru_cache(maxsize=None)
def _header(fmt: RdfFormat) -> bytes:
    """The ``@prefix`` lines pyoxigraph writes before the first statement."""
    probe = pyoxigraph.NamedNode("urn:x-kg:probe")
    text = pyoxigraph.serialize([Quad(probe, probe, probe, probe)] if fmt == RdfFormat.TRIG
                                else [pyoxigraph.Triple(probe, probe, probe)],
                                format=fmt, prefixes=PREFIXES)
    end = text.index(b"<urn:x-kg:probe>")
    return text[:end]


def _body(text: bytes, fmt: RdfFormat) -> bytes:
    header = _header(fmt)
    if not text.startswith(header):  # pragma: no cover - a pyoxigraph format change
        raise AssertionError("unexpected serialisation header")
    return text[len(header):]


# A Turtle subject block starts at a line that does not start with a tab; literals are
# written on one line (the serialiser escapes \n, \r and \t).
_BLOCK_START = re.compile(rb"(?<=\n)(?=[^\t])")


@dataclass(frozen=True)
class GraphChunk:
    """One graph, serialised and ready to be concatenated (plain bytes: pickles cheaply).

    ``graph`` is the N-Quads text of the graph name (``""`` for the default graph);
    ``nquads`` its sorted, distinct N-Quads lines; ``trig`` its TriG block and ``turtle``
    one Turtle block per subject in ``subjects`` (N-Triples text, sorted), all without
    ``@prefix`` lines.
    """

    graph: str
    count: int
    nquads: bytes
    trig: bytes
    subjects: tuple[str, ...]
    turtle: tuple[bytes, ...]


def graph_chunk(quads: Iterable[Quad], lines: list[str] | None = None) -> GraphChunk:
    """The chunk of quads that all sit in ONE graph. ``lines``, when given, must be the
    quads' N-Quads lines, sorted and distinct (``kg.rdf.build.doc_quads_with_lines``).

    >>> from pyoxigraph import NamedNode, Literal
    >>> g, s, p = NamedNode("http://e/g"), NamedNode("http://e/s"), NamedNode("http://e/p")
    >>> c = graph_chunk([Quad(s, p, Literal("b"), g), Quad(s, p, Literal("a"), g)])
    >>> c.graph, c.count, c.subjects, c.turtle
    ('<http://e/g>', 2, ('<http://e/s>',), (b'<http://e/s> <http://e/p> "a" , "b" .\\n',))
    """
    if lines is None:
        quads, lines, graphs = _ordered(quads)
        if len(set(graphs)) > 1:
            raise ValueError("graph_chunk takes the quads of one graph")
    else:
        quads = quads if isinstance(quads, list) else list(quads)
    if not quads:
        raise ValueError("graph_chunk needs at least one quad")
    graph_name = quads[0].graph_name
    graph = "" if isinstance(graph_name, pyoxigraph.DefaultGraph) else str(graph_name)
    subjects: list[str] = []
    prev = None
    for line in lines:
        subject = line[:line.index(" ")]
        if subject != prev:
            subjects.append(subject)
            prev = subject
    trig = _body(pyoxigraph.serialize(quads, format=RdfFormat.TRIG, prefixes=PREFIXES), RdfFormat.TRIG)
    ttl = _body(pyoxigraph.serialize([q.triple for q in quads], format=RdfFormat.TURTLE,
                                     prefixes=PREFIXES), RdfFormat.TURTLE)
    blocks = tuple(_BLOCK_START.split(ttl))
    if len(blocks) != len(subjects):  # pragma: no cover - a pyoxigraph format change
        raise AssertionError("Turtle blocks do not match subjects")
    nquads = ("\n".join(lines) + "\n").encode("utf-8")
    return GraphChunk(graph, len(lines), nquads, trig, tuple(subjects), blocks)


def _parse_chunk(data: bytes, fmt: RdfFormat) -> GraphChunk:
    return graph_chunk(pyoxigraph.parse(_header(fmt) + data, format=fmt))


def _merge_turtle(a: bytes, b: bytes) -> bytes:
    """One subject's Turtle block from two blocks describing it (the union of triples)."""
    (block,) = _parse_chunk(a + b, RdfFormat.TURTLE).turtle
    return block


class _StoreLoader:
    """Bulk-loads N-Quads into a new on-disk store from a background thread.

    pyoxigraph releases the GIL while loading, so the store fills while the build goes
    on; ``bulk_load`` per batch of about ``batch_bytes`` keeps memory bounded.
    """

    def __init__(self, path: Path, batch_bytes: int = 16 << 20) -> None:
        self.path = path
        self.batch_bytes = batch_bytes
        self._pending: list[bytes] = []
        self._size = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._ended = False
        self._thread = threading.Thread(target=self._run, name="kg-store-loader", daemon=True)
        self._thread.start()

    def _batches(self):
        while (batch := self._queue.get()) is not None:
            yield batch
        self._ended = True

    def _run(self) -> None:
        try:
            _fill_store(self.path, self._batches())
        except BaseException as exc:  # handed to the writing thread
            self._error = exc
            if not self._ended:  # drain up to the end, so put() never blocks forever
                while self._queue.get() is not None:
                    pass

    def _send(self, data: bytes | None) -> None:
        self._queue.put(data)
        if self._error is not None:
            raise self._error

    def add(self, nquads: bytes) -> None:
        self._pending.append(nquads)
        self._size += len(nquads)
        if self._size >= self.batch_bytes:
            self._send(b"".join(self._pending))
            self._pending, self._size = [], 0

    def finish(self) -> None:
        if self._pending:
            self._send(b"".join(self._pending))
            self._pending, self._size = [], 0
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        self._pending = []
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()


class OutputWriter:
    """Writes ``graph.trig``, ``graph.ttl`` and ``store/`` from graph chunks, in any order.

    Use as a context manager: ``add`` each chunk, then ``commit()``, which swaps the
    outputs in and returns their paths. Leaving the block without ``commit()`` (or an
    error) removes everything staged and leaves the previous outputs as they were.
    ``merged`` is true when two chunks of the same graph were merged.
    """

    def __init__(self, out_dir: Path | str) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.quads = 0
        self.merged = False
        self._trig: dict[str, bytes] = {}
        self._ttl: dict[str, bytes] = {}
        self._new_store = Path(tempfile.mkdtemp(dir=self.out, prefix=f".{STORE_DIR}-new-"))
        os.chmod(self._new_store, 0o777 & ~_umask())
        self._loader: _StoreLoader | None = _StoreLoader(self._new_store)
        self._done = False

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(self, chunk: GraphChunk) -> None:
        if self._loader is None:
            raise RuntimeError("this writer is closed")
        self._loader.add(chunk.nquads)
        old = self._trig.get(chunk.graph)
        if old is None:
            self._trig[chunk.graph] = chunk.trig
            self.quads += chunk.count
        else:  # the same graph again: the union of both (rare; ids are unique)
            self.merged = True
            fmt = RdfFormat.TRIG
            before = _parse_chunk(old, fmt)
            union = graph_chunk([*pyoxigraph.parse(_header(fmt) + old, format=fmt),
                                 *pyoxigraph.parse(chunk.nquads, format=RdfFormat.N_QUADS)])
            self._trig[chunk.graph] = union.trig
            self.quads += union.count - before.count
        ttl = self._ttl
        for subject, block in zip(chunk.subjects, chunk.turtle):
            known = ttl.get(subject)
            if known is None:
                ttl[subject] = block
            elif known != block:
                ttl[subject] = _merge_turtle(known, block)

    def commit(self) -> dict[str, Path]:
        """Finish the store, write the files and swap everything in."""
        if self._loader is None:
            raise RuntimeError("this writer is closed")
        paths = {"trig": self.out / "graph.trig", "ttl": self.out / "graph.ttl",
                 "store": self.out / STORE_DIR}
        staged: list[Path] = []
        try:
            trig = _join(RdfFormat.TRIG, self._trig)
            self._trig.clear()
            staged.append(_stage(paths["trig"], trig))
            del trig
            ttl = _join(RdfFormat.TURTLE, self._ttl)
            self._ttl.clear()
            staged.append(_stage(paths["ttl"], ttl))
            del ttl
            loader, self._loader = self._loader, None
            loader.finish()
            # Only renames from here on: the store first, as a directory swap is the step
            # most likely to fail; then the files, whose renames within one directory do not.
            _swap_in(self._new_store, paths["store"])
            os.replace(staged[0], paths["trig"])
            os.replace(staged[1], paths["ttl"])
        finally:
            for tmp in staged:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            self.close()
        self._done = True
        return paths

    def close(self) -> None:
        """Drop whatever is staged (a no-op after ``commit``)."""
        if self._loader is not None:
            loader, self._loader = self._loader, None
            loader.abort()
        self._trig.clear()
        self._ttl.clear()
        if self._new_store.exists():
            shutil.rmtree(self._new_store, ignore_errors=True)


def _join(fmt: RdfFormat, blocks: dict[str, bytes]) -> bytes:
    """The prefix lines, then the blocks sorted by key (graph or subject text)."""
    if not blocks:
        return b""
    return _header(fmt) + b"".join([blocks[k] for k in sorted(blocks)])


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a synced temporary file beside ``path``; returns its path."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); outputs get the usual permissions.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over ``path``."""
    tmp = _stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _fill_store(path: Path, batches: Iterable[bytes]) -> None:
    """Bulk-load batches of N-Quads into a fresh on-disk store and close it."""
    store = pyoxigraph.Store(str(path))
    for batch in batches:
        # The N-Quads come from pyoxigraph's own serialiser: no need to re-validate IRIs.
        store.bulk_load(input=batch, format=RdfFormat.N_QUADS, lenient=True)
    store.flush()
    store.optimize()
    del store  # releases the RocksDB handle before the directory is renamed


def _swap_in(new: Path, target: Path) -> None:
    """Replace directory ``target`` by ``new``; on failure the old one is put back."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-old-"))
        old.rmdir()
        os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        if old is not None:
            os.rename(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_outputs(quads: Iterable[Quad], out_dir: Path | str) -> dict[str, Path]:
    """Write ``graph.trig`` (named graphs), ``graph.ttl`` (every triple once, one default
    graph) and the Oxigraph store ``store/`` into ``out_dir``; returns their paths.

    All three are built beside their final place first; nothing is replaced until every
    one of them is complete, so a failure leaves the previous outputs intact.

    >>> import tempfile
    >>> from pyoxigraph import NamedNode, Literal
    >>> q = Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("一"), NamedNode("http://e/g"))
    >>> with tempfile.TemporaryDirectory() as d:
    ...     paths = write_outputs([q], d)
    ...     len(open_store(paths["store"]))
    1
    """
    by_graph: dict[str, list[Quad]] = {}
    for q in quads:
        g = q.graph_name
        by_graph.setdefault("" if isinstance(g, pyoxigraph.DefaultGraph) else str(g), []).append(q)
    with OutputWriter(out_dir) as writer:
        for key in sorted(by_graph):
            writer.add(graph_chunk(by_graph[key]))
        return writer.commit()


# The name docs/ARCHITECTURE.md uses for the same step.
write_store = write_outputs

_FILE_SUFFIXES = {".ttl": RdfFormat.TURTLE, ".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS,
                  ".nt": RdfFormat.N_TRIPLES}


def _is_store_dir(path: Path) -> bool:
    # RocksDB keeps a CURRENT file pointing at its manifest.
    return (path / "CURRENT").is_file()


def open_store(path: Path | str, *, read_only: bool = True) -> pyoxigraph.Store:
    """Open the graph at ``path``: a store directory, a build directory holding
    ``store/``, or a ``.ttl``/``.trig``/``.nq``/``.nt`` file (loaded into memory; the
    triples of a ``.ttl``/``.nt`` file go to one named graph ``rkd:graph/<file stem>``).

    Raises StoreError "<path>: no store here (run kg build first)" when there is none.

    >>> open_store("/nonexistent")
    Traceback (most recent call last):
    ...
    kg.store.StoreError: /nonexistent: no store here (run kg build first)
    """
    p = Path(path)
    if p.is_file() and p.suffix.lower() in _FILE_SUFFIXES:
        store = pyoxigraph.Store()
        fmt = _FILE_SUFFIXES[p.suffix.lower()]
        # Named queries match inside named graphs (GRAPH ?g): plain triples go to one.
        graph = None
        if fmt in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES):
            graph = pyoxigraph.NamedNode(f"{RKD}graph/{safe_key(p.stem)}")
        try:
            store.bulk_load(path=str(p), format=fmt, to_graph=graph)
        except SyntaxError as exc:
            raise StoreError(f"{p}: {' '.join(str(exc).split())}") from None
        return store
    if not _is_store_dir(p) and _is_store_dir(p / STORE_DIR):
        p = p / STORE_DIR
    if not _is_store_dir(p):
        raise StoreError(f"{path}: no store here (run kg build first)")
    try:
        return pyoxigraph.Store.read_only(str(p)) if read_only else pyoxigraph.Store(str(p))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open store: {' '.join(str(exc).split())}") from None
