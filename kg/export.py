"""Take the graph elsewhere: RDF files (Turtle, TriG, N-Quads, JSON-LD) and, through
``kg.project``, network files (GraphML, GEXF, CSV edge lists).

Every RDF export is deterministic: the same store gives the same bytes.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph

from kg.rdf.namespace import PREFIXES
from kg.store import _write_atomic, serialize

__all__ = ["RDF_FORMATS", "NETWORK_FORMATS", "FORMATS", "export", "ExportError"]

RDF_FORMATS = ("ttl", "trig", "nq", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf", "csv")
FORMATS = RDF_FORMATS + NETWORK_FORMATS


class ExportError(ValueError):
    """An export that cannot be made (unknown format); the message is one line."""


def _canonical(value: Any, key: str | None = None) -> Any:
    """JSON with every unordered array sorted (JSON-LD arrays are sets, @list aside)."""
    if isinstance(value, dict):
        return {k: _canonical(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def _jsonld(store: pyoxigraph.Store) -> bytes:
    # rdflib compacts with our prefixes as @context; its node order follows Python set
    # order (varies per process), hence the canonical re-sort.
    import rdflib

    dataset = rdflib.Dataset()
    nquads = serialize(store, "nq")
    if nquads:
        dataset.parse(data=nquads.decode("utf-8"), format="nquads")
    text = dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    data = _canonical(json.loads(text))
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def export(store: pyoxigraph.Store, fmt: str, out: Path | str | None = None) -> bytes | list[Path] | None:
    """Export the whole graph as ``fmt``; write it to ``out`` (through a temporary file)
    and return None, or return the bytes when ``out`` is None. Network formats need
    ``out`` and return the files written.

    ``ttl`` puts every triple once in one default graph; ``trig``, ``nq`` and ``jsonld``
    keep the named graphs. ``graphml``, ``gexf`` and ``csv`` are network projections made
    by ``kg.project.export_network``.

    >>> from pyoxigraph import Quad, NamedNode, Literal
    >>> st = pyoxigraph.Store()
    >>> st.add(Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("人大"), NamedNode("http://e/g")))
    >>> export(st, "nq")
    b'<http://e/s> <http://e/p> "\\xe4\\xba\\xba\\xe5\\xa4\\xa7" <http://e/g> .\\n'
    """
    if fmt in NETWORK_FORMATS:
        if out is None:
            raise ExportError(f"format {fmt} writes files: give an output path")
        from kg.project import export_network  # heavy (networkx): only when asked

        return export_network(store, fmt, Path(out))
    if fmt == "jsonld":
        data = _jsonld(store)
    elif fmt in RDF_FORMATS:
        data = serialize(store, fmt)
    else:
        raise ExportError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if out is None:
        return data
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(target, data)
    return None
