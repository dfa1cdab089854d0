"""The graph on disk: TriG and Turtle files and an embedded Oxigraph store.

Everything is written beside its final place and renamed in only when complete, so a
build that fails half-way leaves the previous outputs as they were. Serialisations are
sorted and de-duplicated: the same quads always give the same bytes.

Sorting a million quads with a Python key is slow (~10 s); instead pyoxigraph writes
N-Quads in one call and we sort indices by those lines, which are exactly the terms'
canonical text. The canonical order is graph first, then subject, predicate, object —
the order ``kg.rdf.build`` already emits, so already-ordered input sorts in linear time.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyoxigraph import Quad, RdfFormat

from kg.rdf.namespace import PREFIXES, RKD
from kg.records import safe_key

__all__ = ["StoreError", "FILE_FORMATS", "write_outputs", "write_store", "open_store",
           "serialize", "canonical_order"]

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


def _fill_store(path: Path, quads: list[Quad]) -> None:
    """Bulk-load quads into a fresh on-disk store and close it."""
    store = pyoxigraph.Store(str(path))
    if quads:
        # bulk_extend of the quads measured faster than bulk_load of their N-Quads.
        store.bulk_extend(quads)
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
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ordered = _ordered(quads)
    trig = _serialize_ordered(*ordered, "trig")
    ttl = _serialize_ordered(*ordered, "ttl")
    paths = {"trig": out / "graph.trig", "ttl": out / "graph.ttl", "store": out / STORE_DIR}
    staged: list[Path] = []
    new_store = Path(tempfile.mkdtemp(dir=out, prefix=f".{STORE_DIR}-new-"))
    try:
        os.chmod(new_store, 0o777 & ~_umask())
        _fill_store(new_store, ordered[0])
        staged.append(_stage(paths["trig"], trig))
        staged.append(_stage(paths["ttl"], ttl))
        # Only renames from here on: the store first, as a directory swap is the step
        # most likely to fail; then the files, whose renames within one directory do not.
        _swap_in(new_store, paths["store"])
        os.replace(staged[0], paths["trig"])
        os.replace(staged[1], paths["ttl"])
    finally:
        for tmp in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        if new_store.exists():
            shutil.rmtree(new_store, ignore_errors=True)
    return paths


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
