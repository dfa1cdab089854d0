"""SHACL validation of a renda-kg graph against ``ontology/shapes.ttl``.

pySHACL validates one graph, so every input (rdflib Graph or Dataset, an RDF file, an
Oxigraph store directory or an open ``pyoxigraph.Store``) is first flattened into one
rdflib Graph holding the union of its default and named graphs: a document's facts and
the provenance graph are checked together.

>>> from rdflib import Graph, Literal
>>> g = Graph()
>>> doc = RKD["doc/d1"]
>>> _ = g.add((doc, RDF.type, RK.Document))
>>> validate(g).conforms
False
>>> for v in validate(g).violations:
...     print(v.path, "|", v.message)
dcterms:title | a document has exactly one dcterms:title
rk:sha256 | a document has exactly one rk:sha256 of 64 lower-case hex digits
rk:sourceFile | a document has exactly one rk:sourceFile string
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyoxigraph
import pyshacl
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.graph import ConjunctiveGraph

from kg.rdf.namespace import PREFIXES, RDF, RK, RKD, SH, ontology_path  # noqa: F401  (RK, RKD used by doctests)

__all__ = ["Violation", "ValidationResult", "ValidationReport", "validate", "load_union"]

# Shape IRIs are reported as rks:<name>; they are not ontology terms, so they live apart.
SHAPES_NS = "https://w3id.org/renda-kg/shapes#"
_COMPACT = sorted([("rks", SHAPES_NS), *PREFIXES.items()], key=lambda p: -len(p[1]))

DataInput = Graph | Dataset | str | os.PathLike | pyoxigraph.Store


class Violation(NamedTuple):
    """One SHACL result, with IRIs of the vocabularies shortened to prefixed names."""

    focus: str  # the node that failed: a full IRI, or _:id for a blank node
    path: str  # property path as a prefixed name, "" for node-level constraints
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    shape: str  # the shape that failed, e.g. "rks:OversightActivity-status"
    component: str  # the constraint component, e.g. "sh:MinCountConstraintComponent"


@dataclass(frozen=True)
class ValidationResult:
    """Outcome of :func:`validate`: ``conforms``, sorted ``violations`` and a ``text`` summary."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0  # size of the validated union graph

    @property
    def text(self) -> str:
        """Human-readable summary: a count line, then one line per result.

        >>> print(ValidationResult(True, [], 3).text)
        Conforms: 3 triples, 0 results
        """
        head = "Conforms" if self.conforms else "Does not conform"
        lines = [f"{head}: {self.triples} triples, {len(self.violations)} results"]
        for v in self.violations:
            where = f" {v.path}" if v.path else ""
            lines.append(f"{v.severity}: <{v.focus}>{where}: {v.message} [{v.shape}]")
        return "\n".join(lines)


# docs/ARCHITECTURE.md calls it ValidationReport; both names mean the same class.
ValidationReport = ValidationResult


def _compact(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, iri in _COMPACT:
            if text.startswith(iri) and len(text) > len(iri):
                return f"{prefix}:{text[len(iri):]}"
    return text


def _node(term: object) -> str:
    # Focus nodes stay full IRIs: they are data, looked up and pasted as they are.
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _from_oxigraph(quads) -> Graph:
    # Oxigraph writes N-Triples (dropping graph names is exactly the union we want) and
    # rdflib's own parser reads them: oxrdflib's parser types plain strings as
    # xsd:string, which rdflib then holds unequal to the plain "completed" in sh:in.
    data = pyoxigraph.serialize((q.triple for q in quads), format=pyoxigraph.RdfFormat.N_TRIPLES)
    graph = Graph()
    if data:
        graph.parse(data=data, format="nt")
    return graph


def load_union(data: DataInput) -> Graph:
    """One rdflib Graph holding every triple of ``data``, whatever graph it sits in.

    ``data`` is an rdflib Graph or Dataset, a path to an RDF file (format from its
    extension: .ttl, .trig, .nq, .nt, .jsonld, .rdf), an Oxigraph store directory or an
    open ``pyoxigraph.Store``.

    >>> from rdflib import Dataset, Literal
    >>> ds = Dataset()
    >>> _ = ds.graph(RKD["graph/a"]).add((RKD["doc/a"], RDF.type, RK.Document))
    >>> _ = ds.graph(RKD["graph/b"]).add((RKD["doc/b"], RDF.type, RK.Document))
    >>> len(load_union(ds))
    2
    """
    if isinstance(data, (Dataset, ConjunctiveGraph)):
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    if isinstance(data, Graph):
        return data
    if isinstance(data, pyoxigraph.Store):
        return _from_oxigraph(data.quads_for_pattern(None, None, None, None))
    path = Path(data)
    if path.is_dir():
        store = pyoxigraph.Store.read_only(str(path))
        return _from_oxigraph(store.quads_for_pattern(None, None, None, None))
    if not path.is_file():
        raise FileNotFoundError(f"no RDF file or Oxigraph store at {path}")
    fmt = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path.name} from its extension")
    return _from_oxigraph(pyoxigraph.parse(path=str(path), format=fmt))


def _shapes_graph(shapes: Graph | str | os.PathLike | None) -> Graph:
    if isinstance(shapes, Graph):
        return shapes
    return Graph().parse(str(shapes or ontology_path("shapes.ttl")), format="turtle")


def validate(data: DataInput, *, shapes: Graph | str | os.PathLike | None = None) -> ValidationResult:
    """Validate the union of all graphs in ``data`` against the renda-kg SHACL shapes.

    ``shapes`` defaults to ``ontology/shapes.ttl``. No inference is run: the data must
    assert family classes (rk:Organ, ...) itself, as the queries rely on them. The
    caller's rdflib Graph is never modified.

    >>> validate(Graph()).conforms
    True
    """
    graph = load_union(data)
    # pySHACL only reads the data graph when inference is off, so no defensive copy.
    conforms, results, _ = pyshacl.validate(
        graph,
        shacl_graph=_shapes_graph(shapes),
        inference="none",
        inplace=True,
        advanced=False,
        meta_shacl=False,
    )
    violations = sorted(
        Violation(
            focus=_node(results.value(r, SH.focusNode)),
            path=_compact(results.value(r, SH.resultPath)),
            message=str(results.value(r, SH.resultMessage) or ""),
            severity=_compact(results.value(r, SH.resultSeverity)).removeprefix("sh:"),
            shape=_compact(results.value(r, SH.sourceShape)),
            component=_compact(results.value(r, SH.sourceConstraintComponent)),
        )
        for r in results.subjects(RDF.type, SH.ValidationResult)
    )
    return ValidationResult(conforms=bool(conforms), violations=violations, triples=len(graph))
