"""The one projection from the RDF graph to networkx, used by ``kg.analyze`` and ``kg.viz``.

Nodes are entities (organs, instruments, activities, formulas, programmes) and documents,
keyed by IRI; edges are the object properties between them. Every node and edge keeps the
text spans it comes from (``sources``), so a view can always show the sentence behind it.

The store is read with a handful of bulk SPARQL queries over the union of the named
graphs, never one query per node: a corpus of thousands of documents projects in seconds.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph

RK = "https://w3id.org/renda-kg/ns#"
RKD = "https://w3id.org/renda-kg/id/"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"

# Family classes, in the order a node is classified when it (wrongly) carries several.
FAMILIES = ("OversightActivity", "LegalInstrument", "Organ", "Programme", "PoliticalFormula",
            "Document")
FORMATS = ("graphml", "gexf", "csv")

# Object properties projected as edges: predicate IRI → edge name.
EDGE_PREDICATES = {
    RK + "conductedBy": "conductedBy",
    RK + "inspectsLaw": "inspectsLaw",
    RK + "reportedBy": "reportedBy",
    RK + "realises": "realises",
    RK + "jointWith": "jointWith",
    ORG + "subOrganizationOf": "subOrganizationOf",
    RK + "mentions": "mentions",
}

_PREFIXES = f"""
PREFIX rk: <{RK}>
PREFIX rkd: <{RKD}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <{SCHEMA}>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX org: <{ORG}>
"""

# Every typed resource with its named graph: gives classes and documents in one pass.
_Q_TYPES = _PREFIXES + """
SELECT ?g ?e ?t WHERE { GRAPH ?g { ?e rdf:type ?t } FILTER(STRSTARTS(STR(?t), STR(rk:))) }
"""
_Q_LABELS = _PREFIXES + """
SELECT ?e ?p ?l WHERE {
  VALUES ?p { rdfs:label skos:prefLabel dcterms:title }
  ?e ?p ?l
}
"""
_Q_ACTIVITY = _PREFIXES + """
SELECT ?a ?p ?v WHERE {
  VALUES ?p { schema:actionStatus rk:year rk:trigger rk:topic }
  ?a a rk:OversightActivity ; ?p ?v
}
"""
_Q_DOC_YEARS = _PREFIXES + """
SELECT ?d ?y WHERE { ?d a rk:Document ; rk:year ?y }
"""
# Evidence spans: an activity's prov:wasDerivedFrom and every mention's rk:denotes. Kept
# as three plain queries joined in Python: one UNION with nested OPTIONALs took seconds.
_Q_EVIDENCE = _PREFIXES + """
SELECT ?x ?m WHERE {
  { ?x prov:wasDerivedFrom ?m . ?x a rk:OversightActivity } UNION { ?m rk:denotes ?x }
}
"""
_Q_MENTIONS = _PREFIXES + """
SELECT ?m ?d ?s ?start ?end ?exact ?rule WHERE {
  ?m a rk:Mention ; oa:start ?start ; oa:end ?end .
  OPTIONAL { ?m rk:inDocument ?d }
  OPTIONAL { ?m rk:sentence ?s }
  OPTIONAL { ?m oa:exact ?exact }
  OPTIONAL { ?m rk:rule ?rule }
}
"""
_Q_SENTENCES = _PREFIXES + """
SELECT ?s ?text WHERE { ?s a rk:Sentence ; rk:text ?text }
"""
_Q_EDGES = _PREFIXES + """
SELECT ?g ?s ?p ?o WHERE {
  VALUES ?p { %s }
  GRAPH ?g { ?s ?p ?o }
}
""" % " ".join(f"<{p}>" for p in EDGE_PREDICATES)


def doc_id_of(iri: str) -> str:
    """Document id of a document, named-graph or sentence IRI ('' when it is none of these).

    >>> doc_id_of("https://w3id.org/renda-kg/id/graph/004_demo")
    '004_demo'
    >>> doc_id_of("https://w3id.org/renda-kg/id/doc/004_demo/s/3")
    '004_demo'
    >>> doc_id_of("https://w3id.org/renda-kg/id/graph/provenance")
    ''
    """
    if not iri.startswith(RKD):
        return ""
    parts = iri[len(RKD):].split("/")
    if len(parts) >= 2 and parts[0] in ("doc", "graph") and parts[1] != "provenance":
        return parts[1]
    return ""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def _int(term: Any) -> int | None:
    if term is None:
        return None
    try:
        return int(term.value)
    except ValueError:
        return None


def _year(term: Any) -> int | None:
    """Year of an xsd:gYear or xsd:date literal ("2023", "2023-06-27")."""
    head = term.value.lstrip("-")[:4] if term is not None else ""
    return int(head) if head.isdigit() else None


def _sentence_index(iri: str | None) -> int | None:
    tail = (iri or "").rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _query(store: pyoxigraph.Store, sparql: str):
    return store.query(sparql, use_default_graph_as_union=True)


def to_networkx(store: pyoxigraph.Store, *, doc_id: str | None = None) -> nx.MultiDiGraph:
    """Project the store onto a MultiDiGraph of entities and documents.

    Node key = IRI; attributes: ``iri``, ``label``, ``cls`` (specific class local name),
    ``family``, ``docs`` (sorted document ids), ``status`` ("completed"/"planned", for
    activities), ``year`` (int or None), ``sources`` (list of ``{doc, sentence, start, end,
    quote, text, rule}``: ``sentence`` is the sentence index, ``quote`` the exact span,
    ``text`` the whole sentence). Edge key = predicate local name (``conductedBy``,
    ``inspectsLaw``, ``reportedBy``, ``realises``, ``jointWith``, ``subOrganizationOf``,
    ``mentions``); attributes ``predicate``, ``docs`` and ``sources``. With ``doc_id`` only
    what that document's named graph states is kept.

    >>> g = to_networkx(pyoxigraph.Store())
    >>> g.number_of_nodes(), g.is_directed(), g.is_multigraph()
    (0, True, True)
    """
    only = f"{RKD}graph/{doc_id}" if doc_id is not None else None
    types: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    for sol in _query(store, _Q_TYPES):
        graph = sol["g"].value
        if only is not None and graph != only:
            continue
        e = sol["e"]
        if not isinstance(e, pyoxigraph.NamedNode):
            continue
        types[e.value].add(_local(sol["t"].value))
        d = doc_id_of(graph)
        if d:
            docs[e.value].add(d)

    g = nx.MultiDiGraph()
    for iri, classes in sorted(types.items()):
        family = next((f for f in FAMILIES if f in classes), None)
        if family is None:
            continue  # sentences, mentions, counts, jurisdictions: not entities
        specific = sorted(classes - set(FAMILIES)) or [family]
        if iri.startswith(RKD + "doc/") and family == "Document":
            docs[iri].add(doc_id_of(iri))
        g.add_node(iri, iri=iri, label="", cls=specific[0], family=family,
                   docs=sorted(docs[iri]), status=None, year=None, sources=[])
    if not g:
        return g

    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for sol in _query(store, _Q_LABELS):
        iri = sol["e"].value
        if iri in g:
            # Several values of one property: keep the smallest so runs are repeatable.
            prop = _local(sol["p"].value)
            value = sol["l"].value
            old = labels[iri].get(prop)
            labels[iri][prop] = value if old is None else min(old, value)

    act: dict[str, dict[str, Any]] = defaultdict(dict)
    for sol in _query(store, _Q_ACTIVITY):
        iri = sol["a"].value
        if iri not in g:
            continue
        prop, v = _local(sol["p"].value), sol["v"]
        if prop == "actionStatus":
            act[iri]["status"] = "completed" if v.value.endswith("CompletedActionStatus") else "planned"
        elif prop == "year":
            year = _year(v)
            if year is not None:
                act[iri]["year"] = min(year, act[iri].get("year", year))
        else:
            old = act[iri].get(prop)
            act[iri][prop] = v.value if old is None else min(old, v.value)

    doc_years: dict[str, int] = {}
    for sol in _query(store, _Q_DOC_YEARS):
        year = _year(sol["y"])
        if year is not None:
            iri = sol["d"].value
            doc_years[iri] = min(year, doc_years.get(iri, year))

    evidence: dict[str, set[str]] = defaultdict(set)
    for sol in _query(store, _Q_EVIDENCE):
        x = sol["x"].value
        if x in g:
            evidence[sol["m"].value].add(x)
    texts: dict[str, str] = {}
    if evidence:
        texts = {sol["s"].value: sol["text"].value for sol in _query(store, _Q_SENTENCES)}
    sources: dict[str, dict[str, dict]] = defaultdict(dict)
    for sol in _query(store, _Q_MENTIONS) if evidence else ():
        m = sol["m"].value
        if m not in evidence:
            continue
        d = doc_id_of(_value(sol["d"]) or m)
        if doc_id is not None and d != doc_id:
            continue
        sentence = _value(sol["s"])
        src = {
            "doc": d,
            "sentence": _sentence_index(sentence),
            "start": _int(sol["start"]),
            "end": _int(sol["end"]),
            "quote": _value(sol["exact"]) or "",
            "text": texts.get(sentence or "", ""),
            "rule": _value(sol["rule"]) or "",
        }
        for x in evidence[m]:
            sources[x][m] = src

    def sort_key(src: dict) -> tuple:
        return (src["doc"], src["start"] or 0, src["end"] or 0, src["rule"])

    for iri, data in g.nodes(data=True):
        lab = labels.get(iri, {})
        info = act.get(iri, {})
        data["sources"] = sorted(sources.get(iri, {}).values(), key=sort_key)
        data["status"] = info.get("status")
        data["year"] = info.get("year", doc_years.get(iri))
        data["label"] = lab.get("label") or lab.get("prefLabel") or lab.get("title") or ""
        if data["family"] == "OversightActivity":
            data["topic"] = info.get("topic")
            data["trigger"] = info.get("trigger")
        elif data["family"] == "Document" and not data["label"]:
            data["label"] = doc_id_of(iri) or _local(iri)

    edge_docs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for sol in _query(store, _Q_EDGES):
        graph = sol["g"].value
        if only is not None and graph != only:
            continue
        s, o = sol["s"].value, sol["o"].value
        if s in g and o in g:
            edge_docs[(s, EDGE_PREDICATES[sol["p"].value], o)].add(doc_id_of(graph))
    for (s, pred, o), in_docs in sorted(edge_docs.items()):
        if pred == "mentions":
            # The spans in this document that name the entity.
            d = doc_id_of(s)
            src = [x for x in g.nodes[o]["sources"] if x["doc"] == d]
        elif g.nodes[s]["family"] == "OversightActivity":
            src = g.nodes[s]["sources"]
        else:
            src = []
        g.add_edge(s, o, key=pred, predicate=pred, docs=sorted(in_docs - {""}), sources=src)

    # Activities have no rdfs:label: name them by trigger and object (执法检查·水污染防治法),
    # which needs the inspectsLaw edges.
    for iri, data in g.nodes(data=True):
        if not data["label"]:
            data["label"] = _activity_label(g, iri) if data["family"] == "OversightActivity" else _local(iri)
    return g


def _activity_label(g: nx.MultiDiGraph, iri: str) -> str:
    data = g.nodes[iri]
    obj = data.get("topic") or ""
    if not obj:
        laws = sorted(g.nodes[o]["label"] for _, o, k in g.out_edges(iri, keys=True) if k == "inspectsLaw")
        obj = laws[0] if laws else ""
    trigger = data.get("trigger") or data["cls"]
    return f"{trigger}·{obj}" if obj else trigger


def _flat(value: Any) -> str | int | float | bool:
    """A GraphML/GEXF-safe scalar: lists of ids joined by ';', structures as JSON."""
    if isinstance(value, (bool, int, float, str)):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return ";".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Copy of ``g`` whose attributes are all strings or numbers (for GraphML/GEXF/CSV).

    ``None`` values are left out, so a typed attribute (``year``: int) stays one type.

    >>> h = nx.MultiDiGraph(); h.add_node("a", docs=["d1", "d2"], year=None)
    >>> flat_graph(h).nodes["a"]
    {'docs': 'd1;d2'}
    """
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        out.add_node(n, **{k: _flat(v) for k, v in data.items() if v is not None})
    for s, o, k, data in g.edges(keys=True, data=True):
        out.add_edge(s, o, key=k, **{key: _flat(v) for key, v in data.items() if v is not None})
    return out


NODE_COLUMNS = ("id", "label", "cls", "family", "docs", "status", "year", "sources")
EDGE_COLUMNS = ("source", "target", "predicate", "docs", "sources")


def export_network(store: pyoxigraph.Store, fmt: str, out: Path) -> list[Path]:
    """Write the projection as GraphML, GEXF or CSV; returns the files written.

    ``csv`` treats ``out`` as a folder and writes ``nodes.csv`` and ``edges.csv`` (UTF-8,
    header row). List attributes become ';'-joined strings, sources a JSON string.

    >>> import tempfile
    >>> [p.name for p in export_network(pyoxigraph.Store(), "csv", Path(tempfile.mkdtemp()))]
    ['nodes.csv', 'edges.csv']
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown network format {fmt!r}; expected one of {', '.join(FORMATS)}")
    g = flat_graph(to_networkx(store))
    out = Path(out)
    if fmt == "csv":
        out.mkdir(parents=True, exist_ok=True)
        nodes_path, edges_path = out / "nodes.csv", out / "edges.csv"
        with nodes_path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(NODE_COLUMNS)
            for n, data in g.nodes(data=True):
                w.writerow([n] + [data.get(c, "") for c in NODE_COLUMNS[1:]])
        with edges_path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(EDGE_COLUMNS)
            for s, o, data in g.edges(data=True):
                w.writerow([s, o] + [data.get(c, "") for c in EDGE_COLUMNS[2:]])
        return [nodes_path, edges_path]
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    if fmt == "graphml":
        nx.write_graphml(g, tmp, encoding="utf-8")
    else:
        nx.write_gexf(g, tmp, encoding="utf-8")
    tmp.replace(out)
    return [out]
