"""Rankings over the graph: central entities, communities, linked initiatives, laws most
often inspected, formulas most widely invoked.

Everything is computed from the one projection (``kg.project.to_networkx``). Documents stay
in the graph, so entities that many documents mention weigh more, but rankings list
entities only: a document mentioning fifty things says nothing about itself.
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx
import pyoxigraph

from kg.project import to_networkx

SEED = 42  # communities are deterministic: same graph, same partition
FORMATS = ("table", "json", "csv")
INITIATIVES = ("Programme", "OversightActivity")


def simple_undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """Collapse parallel and reverse edges; ``weight`` = how many edges were merged.

    >>> m = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    >>> sorted(simple_undirected(m).edges(data="weight"))
    [('a', 'b', 2), ('a', 'c', 1)]
    """
    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    for s, o in g.edges():
        if s == o:
            continue
        if h.has_edge(s, o):
            h[s][o]["weight"] += 1
        else:
            h.add_edge(s, o, weight=1)
    return h


def default_keywords() -> Callable[[str, int], list[str]] | None:
    """``kg.segment.keywords`` (jieba TF-IDF), or None when that module is unavailable.

    Guarded because segmentation is another stage: without it topics add no keywords.

    >>> default_keywords() is None or callable(default_keywords())
    True
    """
    try:
        from kg.segment import keywords
    except ImportError:
        return None
    return keywords


def initiative_features(g: nx.MultiDiGraph, *, keywords: Callable[[str, int], list[str]] | None = None,
                        k: int = 3) -> dict[str, set[tuple[str, str]]]:
    """What each programme or activity touches: ``(kind, key)`` pairs.

    Activities: laws inspected, organs (conductedBy, reportedBy, jointWith), programmes
    realised, formulas named in the same sentence, keywords of the topic. Programmes:
    themselves (so the activities realising them link to them), formulas in the same
    sentence, keywords of the label.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", family="OversightActivity", label="a", sources=[], topic=None)
    >>> g.add_node("l", family="LegalInstrument", label="l", sources=[])
    >>> g.add_edge("a", "l", key="inspectsLaw")
    'inspectsLaw'
    >>> initiative_features(g)
    {'a': {('law', 'l')}}
    """
    # Formulas by (document, sentence) of the spans that name them.
    formulas_at: dict[tuple[str, Any], set[str]] = defaultdict(set)
    for n, data in g.nodes(data=True):
        if data.get("family") == "PoliticalFormula":
            for src in data.get("sources", ()):
                formulas_at[(src["doc"], src["sentence"])].add(n)
    kinds = {"inspectsLaw": "law", "conductedBy": "organ", "reportedBy": "organ", "jointWith": "organ",
             "realises": "programme"}
    out: dict[str, set[tuple[str, str]]] = {}
    for n, data in g.nodes(data=True):
        family = data.get("family")
        if family not in INITIATIVES:
            continue
        feats: set[tuple[str, str]] = set()
        text = ""
        if family == "Programme":
            feats.add(("programme", n))
            text = data.get("label") or ""
        else:
            for _, o, key in g.out_edges(n, keys=True):
                if key in kinds:
                    feats.add((kinds[key], o))
            text = data.get("topic") or ""
        for src in data.get("sources", ()):
            feats.update(("formula", f) for f in formulas_at.get((src["doc"], src["sentence"]), ()))
        if keywords and text:
            feats.update(("keyword", w) for w in keywords(text, k))
        out[n] = feats
    return out


def initiative_links(g: nx.MultiDiGraph, *, keywords: Callable[[str, int], list[str]] | None = None,
                     max_share: int = 30, per_node: int | None = 8) -> list[dict[str, Any]]:
    """Pairs of initiatives (programmes, activities) linked by what they share.

    ``weight`` = number of shared laws, organs, programmes, formulas and topic keywords;
    ``via`` = their labels. A thing shared by more than ``max_share`` initiatives (the
    document's own standing committee conducts nearly everything) is skipped as saying
    nothing about a pair. With ``per_node``, each initiative keeps only its strongest links,
    so a large corpus stays drawable.

    >>> g = nx.MultiDiGraph()
    >>> for a in "xy":
    ...     g.add_node(a, family="OversightActivity", label=a, sources=[], topic=None)
    >>> g.add_node("l", family="LegalInstrument", label="水法", sources=[])
    >>> _ = g.add_edge("x", "l", key="inspectsLaw"); _ = g.add_edge("y", "l", key="inspectsLaw")
    >>> initiative_links(g)
    [{'source': 'x', 'target': 'y', 'weight': 1, 'via': ['水法']}]
    """
    feats = initiative_features(g, keywords=keywords)
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n, fs in feats.items():
        for f in fs:
            holders[f].append(n)
    shared: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for f, ns in holders.items():
        if len(ns) < 2 or len(ns) > max_share:
            continue
        ns.sort()
        for i, a in enumerate(ns):
            for b in ns[i + 1:]:
                shared[(a, b)].append(f)

    def label(f: tuple[str, str]) -> str:
        return f[1] if f[0] == "keyword" else g.nodes[f[1]].get("label", f[1])

    links = [{"source": a, "target": b, "weight": len(fs), "via": sorted({label(f) for f in fs})}
             for (a, b), fs in shared.items()]
    links.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    if per_node is None:
        return links
    kept, count = [], Counter()
    for e in links:  # strongest first: a link stays if either end still has room
        if count[e["source"]] < per_node or count[e["target"]] < per_node:
            kept.append(e)
            count[e["source"]] += 1
            count[e["target"]] += 1
    return kept


def _numbered(rows: Iterable[dict]) -> list[dict]:
    # rank first, the long IRI last: tables read left to right.
    return [{"rank": i, **{k: v for k, v in r.items() if k != "iri"}, "iri": r["iri"]}
            for i, r in enumerate(rows, 1)]


def _rank(rows: Iterable[dict], key: str, top: int) -> list[dict]:
    return _numbered(sorted(rows, key=lambda r: (-r[key], r["label"], r["iri"]))[:top])


def analyze_graph(g: nx.MultiDiGraph, *, top: int = 20,
                  keywords: Callable[[str, int], list[str]] | None = None) -> dict[str, list[dict]]:
    """:func:`analyze` over an existing projection (so callers project only once)."""
    h = simple_undirected(g)
    entities = [n for n, d in g.nodes(data=True) if d["family"] != "Document"]

    def base(n: str) -> dict:
        d = g.nodes[n]
        return {"label": d["label"], "family": d["family"], "cls": d["cls"], "iri": n}

    degree = _rank(({**base(n), "degree": h.degree(n), "documents": len(g.nodes[n]["docs"])}
                    for n in entities), "degree", top)
    pr = nx.pagerank(h, weight="weight") if h else {}
    ranked = _rank(({**base(n), "pagerank": round(pr.get(n, 0.0), 6)} for n in entities), "pagerank", top)

    communities = []
    if h.number_of_edges():
        parts = nx.community.louvain_communities(h, weight="weight", seed=SEED)
        parts = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
        for i, part in enumerate(p for p in parts if len(p) > 1):
            members = sorted(part, key=lambda n: (-h.degree(n), g.nodes[n]["label"], n))
            fam = Counter(g.nodes[n]["family"] for n in part)
            communities.append({
                "community": i + 1, "size": len(part),
                "members": "、".join(g.nodes[n]["label"] for n in members[:8]),
                "families": ", ".join(f"{f} {c}" for f, c in sorted(fam.items(), key=lambda x: (-x[1], x[0]))),
            })
        communities = communities[:top]

    links = initiative_links(g, keywords=keywords, per_node=None)
    linked: dict[str, set[str]] = defaultdict(set)
    weight: Counter = Counter()
    via: dict[str, Counter] = defaultdict(Counter)
    for e in links:
        for a, b in ((e["source"], e["target"]), (e["target"], e["source"])):
            linked[a].add(b)
            weight[a] += e["weight"]
            via[a].update(e["via"])
    initiatives = [
        {**base(n), "linked": len(linked[n]), "shared": weight[n],
         "via": "、".join(v for v, _ in sorted(via[n].items(), key=lambda x: (-x[1], x[0]))[:5])}
        for n in linked
    ]
    initiatives = _numbered(
        sorted(initiatives, key=lambda r: (-r["linked"], -r["shared"], r["label"], r["iri"]))[:top])

    laws = []
    for n in entities:
        if g.nodes[n]["family"] != "LegalInstrument":
            continue
        acts = {s for s, _, k in g.in_edges(n, keys=True) if k == "inspectsLaw"}
        if not acts:
            continue
        status = Counter(g.nodes[a]["status"] for a in acts)
        docs = {d for a in acts for d in g.nodes[a]["docs"]}
        laws.append({**base(n), "inspections": len(acts), "completed": status["completed"],
                     "planned": status["planned"], "documents": len(docs)})
    formulas = [{**base(n), "documents": len(g.nodes[n]["docs"])}
                for n in entities if g.nodes[n]["family"] == "PoliticalFormula"]

    return {
        "degree": degree,
        "pagerank": ranked,
        "communities": communities,
        "initiatives": initiatives,
        "laws_inspected": _rank(laws, "inspections", top),
        "formulas": _rank(formulas, "documents", top),
    }


def analyze(store: pyoxigraph.Store, *, top: int = 20) -> dict[str, list[dict]]:
    """Ranking tables of the graph, each a list of row dicts (at most ``top`` rows).

    Keys: ``degree`` and ``pagerank`` (entities by distinct neighbours / weighted PageRank
    on the undirected projection: ``networkx.pagerank``, alpha 0.85), ``communities``
    (Louvain, fixed seed), ``initiatives`` (programmes and activities by how many others
    share a law, organ, programme, formula or topic keyword with them), ``laws_inspected``
    (instruments by number of inspection activities — any activity with rk:inspectsLaw —
    split into completed and planned), ``formulas`` (by number of documents invoking them).

    >>> sorted(analyze(pyoxigraph.Store()))
    ['communities', 'degree', 'formulas', 'initiatives', 'laws_inspected', 'pagerank']
    """
    return analyze_graph(to_networkx(store), top=top, keywords=default_keywords())


def format_analysis(result: dict[str, list[dict]], fmt: str = "table") -> str:
    """Render :func:`analyze` output as rich tables, JSON (``ensure_ascii=False``) or CSV.

    CSV gives one block per table, separated by a blank line; each block has a header
    row and starts every row with the table name.

    >>> print(format_analysis({"formulas": [{"rank": 1, "label": "两个确立", "documents": 2}]}, "csv"))
    table,rank,label,documents
    formulas,1,两个确立,2
    <BLANKLINE>
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=1)
    if fmt == "csv":
        blocks = []
        for name, rows in result.items():
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            cols = list(rows[0]) if rows else ["rank"]
            w.writerow(["table", *cols])
            for r in rows:
                w.writerow([name, *(r.get(c, "") for c in cols)])
            blocks.append(buf.getvalue())
        return "\n".join(blocks)
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=160, color_system=None, force_terminal=False)
    for name, rows in result.items():
        cols = [c for c in (list(rows[0]) if rows else []) if c != "iri"]
        table = Table(title=name, title_justify="left")
        for c in cols or ["(none)"]:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in cols))
        console.print(table)
    return buf.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}" if not math.isnan(value) else ""
    return "" if value is None else str(value)
