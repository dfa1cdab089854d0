"""Interactive HTML views of the graph, written with pyvis and vis-network.

Every page opens offline from disk: vis-network and the page script are inlined, no CDN,
no Bootstrap, no tom-select. Graph data enters a page only as JSON with ``<``, ``>`` and
``&`` escaped (:func:`script_json`), and the page script writes text with ``textContent``
only, so a label such as ``</script><img onerror=…>`` stays text.

Layouts are computed here once (fixed seed) and drawn with physics off, so large graphs
draw at once instead of simulating in the browser: ``networkx.spring_layout`` up to
``SPRING_MAX_NODES`` nodes, a linear-time arrangement by family above (networkx's force
layouts take tens of seconds on 5,000 nodes).
"""
from __future__ import annotations

import colorsys
import importlib.resources
import json
import math
import re
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyoxigraph
from pyvis.network import Network

from kg.analyze import default_keywords, initiative_links
from kg.project import to_networkx
from kg.records import safe_key

SEED = 7
SPRING_MAX_NODES = 1000  # above this, spring_layout takes seconds: the spiral arrangement is used
SPACING = 140.0  # distance between neighbouring nodes, in canvas pixels
BIG_PAGE = 1000  # nodes; larger pages draw planned edges coloured, not dashed, and hide edges on drag
EDGE_COLOUR = "#9ca3af"
PLANNED_COLOUR = "#14b8a6"  # teal, no family's hue: planned edges on big pages (dashes cost seconds there)
FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'

# Family → (hue of its colours, vis shape). Classes of a family share the hue.
FAMILY_STYLE = {
    "Organ": (0.60, "dot"),
    "LegalInstrument": (0.99, "square"),
    "OversightActivity": (0.36, "triangle"),
    "Programme": (0.78, "star"),
    "PoliticalFormula": (0.10, "diamond"),
    "Document": (0.58, "hexagon"),
}
FAMILY_ZH = {
    "Organ": "机构", "LegalInstrument": "法律文件", "OversightActivity": "监督活动",
    "Programme": "项目机制", "PoliticalFormula": "政治表述", "Document": "文档",
}
VIEWS = {
    "overview": ("总览 Overview", "所有实体，按类别着色 every entity, coloured by class"),
    "inspections": ("执法检查 Inspections",
                    "机构 → 检查活动 → 法律；计划为虚线 organs → inspections → laws; planned dashed"),
    "initiatives": ("项目与活动 Initiatives",
                    "项目、活动按共享的法律、机构、表述、关键词相连 linked by what they share"),
    "formulas": ("政治表述 Formulas", "同一文档中共现的表述 formulas co-occurring in documents"),
}

_OFFLINE_BREACH = re.compile(
    r"<(?:script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|@import\s+(?:url\()?\s*[\"']?\s*(?:https?:)?//"
    r"|url\(\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def script_json(obj: Any) -> str:
    """JSON safe to place inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (still the same JSON
    value), so no string can close the script or open a comment; U+2028/2029 are escaped
    for older JavaScript parsers.

    >>> script_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> json.loads(script_json(["两个确立"]))
    ['两个确立']
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def check_offline(html: str) -> None:
    """Raise ValueError if the page would fetch anything over the network.

    >>> check_offline('<script>var svg = "http://www.w3.org/2000/svg";</script>')
    >>> check_offline('<link rel="stylesheet" href="https://cdn.example/x.css">')
    Traceback (most recent call last):
    ...
    ValueError: page loads a remote resource: <link rel="stylesheet" href="https://
    """
    m = _OFFLINE_BREACH.search(html)
    if m:
        raise ValueError(f"page loads a remote resource: {m.group(0)}")


# --- layout --------------------------------------------------------------------------


def spiral_layout(groups: Sequence[str], order: Sequence[float], *, spacing: float = SPACING
                  ) -> list[tuple[float, float]]:
    """Linear-time layout: one sunflower spiral per group, groups around a circle.

    Within a group, nodes with a larger ``order`` value (e.g. degree) sit nearer the
    centre. Used for graphs too large for :func:`networkx.spring_layout`.

    >>> pos = spiral_layout(["a", "a", "b"], [1, 2, 1])
    >>> len(pos), pos[1] != pos[0]
    (3, True)
    """
    members: dict[str, list[int]] = defaultdict(list)
    for i, grp in enumerate(groups):
        members[grp].append(i)
    ordered = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    radius = {g: spacing * math.sqrt(len(ix) + 1) for g, ix in ordered}
    ring = sum(2 * r + spacing for r in radius.values()) / (2 * math.pi) if len(ordered) > 1 else 0.0
    pos: list[tuple[float, float]] = [(0.0, 0.0)] * len(groups)
    golden = math.pi * (3 - math.sqrt(5))
    angle = 0.0
    for g, ix in ordered:
        r = radius[g]
        if ring:
            angle += (r + spacing / 2) / ring
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        if ring:
            angle += (r + spacing / 2) / ring
        for k, i in enumerate(sorted(ix, key=lambda i: (-order[i], i))):
            rr = spacing * 0.9 * math.sqrt(k + 0.5)
            pos[i] = (round(cx + rr * math.cos(k * golden), 1), round(cy + rr * math.sin(k * golden), 1))
    return pos


def layout_positions(n: int, edges: Iterable[tuple[int, int, float]], *, groups: Sequence[str] | None = None,
                     seed: int = SEED, spacing: float = SPACING) -> list[tuple[float, float]]:
    """Canvas positions (pixels, rounded to 0.1) for nodes ``0..n-1``; same input, same output.

    Up to ``SPRING_MAX_NODES`` nodes: :func:`networkx.spring_layout` (Fruchterman–Reingold,
    fixed ``seed``) on the undirected graph, parallel edges adding up their weight (capped
    at 3 so a heavy pair does not collapse). Its ``force`` method for a connected graph
    under 500 nodes (a document page: tens of milliseconds), its ``energy`` method
    otherwise: slower, but its gravity keeps separate components (the hostile document,
    unrelated inspections) near the main one instead of flung to the corners, and above
    500 nodes it is networkx's own choice. Scaled so that nearest neighbours sit about
    0.5–0.9 × ``spacing`` apart. Above ``SPRING_MAX_NODES`` (seconds per 1,000 nodes,
    growing quadratically): :func:`spiral_layout` by ``groups``, hubs in the middle.

    >>> p = layout_positions(3, [(0, 1, 1.0), (1, 2, 1.0)])
    >>> p == layout_positions(3, [(0, 1, 1.0), (1, 2, 1.0)])
    True
    >>> math.dist(p[0], p[1]) < math.dist(p[0], p[2])
    True
    """
    h = nx.Graph()
    h.add_nodes_from(range(n))
    for a, b, w in edges:
        if a == b:
            continue
        if h.has_edge(a, b):
            h[a][b]["weight"] += w
        else:
            h.add_edge(a, b, weight=w)
    if n < 2:
        return [(0.0, 0.0)] * n
    if n > SPRING_MAX_NODES:
        return spiral_layout(groups or [""] * n, [h.degree(i) for i in range(n)], spacing=spacing)
    for _, _, data in h.edges(data=True):
        data["weight"] = min(data["weight"], 3.0)
    method = "force" if n < 500 and nx.is_connected(h) else "energy"
    pos = nx.spring_layout(h, seed=seed, weight="weight", scale=spacing * math.sqrt(n), method=method)
    return [(round(float(pos[i][0]), 1), round(float(pos[i][1]), 1)) for i in range(n)]


# --- page data -----------------------------------------------------------------------


def class_colours(classes: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A colour per class: the family's hue, a different lightness for each class.

    >>> c = class_colours([("Organ", "Court"), ("Organ", "Government"), ("Document", "Document")])
    >>> len(set(c.values())), c["Court"].startswith("#")
    (3, True)
    """
    by_family: dict[str, set[str]] = defaultdict(set)
    for family, cls in classes:
        by_family[family].add(cls)
    out = {}
    for family, members in by_family.items():
        hue = FAMILY_STYLE.get(family, (0.0, "dot"))[0]
        ordered = sorted(members)
        for i, cls in enumerate(ordered):
            light = 0.42 + 0.3 * (i / max(len(ordered) - 1, 1)) if len(ordered) > 1 else 0.5
            sat = 0.12 if family == "Document" else 0.7
            r, g, b = colorsys.hls_to_rgb(hue, light, sat)
            out[cls] = "#%02x%02x%02x" % (round(r * 255), round(g * 255), round(b * 255))
    return out


def _short(label: str, n: int = 16) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def _years(data: dict) -> list[int]:
    return [data["year"]] if data.get("year") is not None else []


def _vis_options(n_nodes: int, directed: bool) -> dict:
    big = n_nodes > BIG_PAGE
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": SEED},
        "interaction": {"hover": False, "tooltipDelay": 3600000, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "navigationButtons": False, "multiselect": False},
        "nodes": {"font": {"face": FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1,
                  "scaling": {"label": {"enabled": True, "drawThreshold": 6}}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
                  "font": {"face": FONT, "size": 11}, "selectionWidth": 2},
    }


class _Page:
    """Nodes and edges of one view, in the shape ``view.js`` reads."""

    def __init__(self, view: str, title: str):
        self.view, self.title = view, title
        self.nodes: list[dict] = []
        self.edges: list[dict] = []
        self.index: dict[str, int] = {}
        self.note = ""
        self.facts: dict | None = None
        self.edge_keys: list[dict] = []
        self.doc_pages: dict[str, str] = {}
        self.directed = True

    def add_node(self, key: str, data: dict, *, years: list[int] | None = None,
                 docs: list[str] | None = None, size: float = 14.0) -> int:
        if key in self.index:
            return self.index[key]
        i = len(self.nodes)
        self.index[key] = i
        info = [[k, data[k]] for k in ("trigger", "topic") if data.get(k)]
        self.nodes.append({
            "id": i, "iri": data.get("iri", key), "label": data["label"], "short": _short(data["label"]),
            "cls": data["cls"], "family": data["family"], "status": data.get("status"),
            "years": sorted(set(years if years is not None else _years(data))),
            "docs": list(docs if docs is not None else data.get("docs", [])),
            "sources": data.get("sources", []), "info": info, "size": size,
            "shape": FAMILY_STYLE.get(data["family"], (0, "dot"))[1],
            "docId": data["docs"][0] if data["family"] == "Document" and data.get("docs") else None,
        })
        return i

    def add_edge(self, a: str, b: str, predicate: str, *, sources: list | None = None,
                 docs: list[str] | None = None, years: list[int] | None = None, status: str | None = None,
                 weight: float = 1, via: list[str] | None = None, width: float = 1.0) -> None:
        self.edges.append({
            "id": len(self.edges), "from": self.index[a], "to": self.index[b], "predicate": predicate,
            "sources": sources or [], "docs": docs or [], "years": years or [], "status": status,
            "weight": weight, "via": via or [], "dashes": status == "planned", "width": width,
            "color": EDGE_COLOUR,
        })

    def finish(self, max_nodes: int | None) -> None:
        """Trim to the ``max_nodes`` best-connected nodes, colour, and lay out."""
        total = len(self.nodes)
        if max_nodes is not None and total > max_nodes:
            deg = Counter()
            for e in self.edges:
                deg[e["from"]] += 1
                deg[e["to"]] += 1
            keep = sorted(range(total), key=lambda i: (-deg[i], self.nodes[i]["label"], i))[:max_nodes]
            remap = {old: new for new, old in enumerate(sorted(keep))}
            self.nodes = [dict(self.nodes[old], id=new) for old, new in sorted(remap.items(), key=lambda x: x[1])]
            self.edges = [dict(e, **{"from": remap[e["from"]], "to": remap[e["to"]]})
                          for e in self.edges if e["from"] in remap and e["to"] in remap]
            for i, e in enumerate(self.edges):
                e["id"] = i
            self.note = f"显示 {len(self.nodes)} / {total} 个节点（按连接数）showing {len(self.nodes)} of {total} nodes, best connected first"
        if len(self.nodes) > BIG_PAGE and any(e["dashes"] for e in self.edges):
            # vis-network draws a dashed line dash by dash, in canvas units: on a large
            # layout that is most of the drawing time. A colour says "planned" for free.
            for e in self.edges:
                if e["dashes"]:
                    e["dashes"], e["color"] = False, PLANNED_COLOUR
            self.edge_keys = [dict(k, dashed=False, color=PLANNED_COLOUR) if k.get("dashed") else k
                              for k in self.edge_keys]
        colours = class_colours((n["family"], n["cls"]) for n in self.nodes)
        for n in self.nodes:
            n["color"] = colours[n["cls"]]
        pos = layout_positions(len(self.nodes), ((e["from"], e["to"], float(e["weight"])) for e in self.edges),
                                 groups=[n["family"] for n in self.nodes])
        for n, (x, y) in zip(self.nodes, pos):
            n["x"], n["y"] = x, y

    def classes(self) -> list[dict]:
        count = Counter((n["family"], n["cls"]) for n in self.nodes)
        colour = {n["cls"]: n["color"] for n in self.nodes}
        order = list(FAMILY_STYLE)
        return [{"cls": cls, "family": fam, "label": f"{cls}（{FAMILY_ZH.get(fam, fam)}）",
                 "color": colour[cls], "count": c}
                for (fam, cls), c in sorted(count.items(), key=lambda kv: (order.index(kv[0][0])
                                                                           if kv[0][0] in order else 99, kv[0][1]))]

    def payload(self) -> dict:
        years = sorted({y for n in self.nodes for y in n["years"]})
        docs = sorted({d for n in self.nodes for d in n["docs"]})
        return {
            "view": self.view, "title": self.title, "nodes": self.nodes, "edges": self.edges,
            "classes": self.classes(), "edgeKeys": self.edge_keys, "note": self.note,
            "years": years, "docs": [{"value": d, "label": d} for d in docs],
            "facts": self.facts, "docPages": self.doc_pages,
            "options": _vis_options(len(self.nodes), self.directed),
        }


def _assets() -> Path:
    return Path(str(importlib.resources.files("kg.data") / "viz"))


_ASSET_CACHE: dict[str, str] = {}


def _asset(name: str) -> str:
    if name not in _ASSET_CACHE:
        _ASSET_CACHE[name] = (_assets() / name).read_text(encoding="utf-8")
    return _ASSET_CACHE[name]


def render_page(page: _Page, *, home: str = "index.html") -> str:
    """HTML of one view: pyvis holds the network, our template renders it offline."""
    net = Network(height="100%", width="100%", directed=page.directed, cdn_resources="in_line",
                  heading=page.title)
    # Bulk assignment: pyvis's add_node/add_edge check membership in lists, which is
    # quadratic (tens of seconds for 20,000 nodes).
    net.nodes = page.nodes
    net.node_ids = [n["id"] for n in page.nodes]
    net.node_map = {n["id"]: n for n in page.nodes}
    net.edges = page.edges
    net.set_template_dir(str(_assets()) + "/", "page.html")
    env = net.templateEnv
    env.filters["kgjson"] = script_json
    env.globals.update(kg=page.payload(), kg_css=_asset("view.css"), kg_js=_asset("view.js"),
                       vis_js=_asset("vis-network.min.js"), kg_home=home)
    html = net.generate_html(name="view.html")
    check_offline(html)
    return html


# --- views ---------------------------------------------------------------------------


def overview_page(g: nx.MultiDiGraph, title: str | None = None) -> _Page:
    """Every entity and document, coloured by class; edges are the graph's own."""
    page = _Page("overview", title or VIEWS["overview"][0])
    for n, d in g.nodes(data=True):
        page.add_node(n, d, size=10 + 3 * math.sqrt(g.degree(n)))
    for s, o, k, d in g.edges(keys=True, data=True):
        page.add_edge(s, o, k, sources=d.get("sources"), docs=d.get("docs"),
                      status=g.nodes[s].get("status") if g.nodes[s]["family"] == "OversightActivity" else None,
                      years=_years(g.nodes[s]))
    page.edge_keys = [{"label": "计划 planned (activity)", "dashed": True},
                      {"label": "已完成或陈述 completed / stated", "dashed": False}]
    return page


def inspections_page(g: nx.MultiDiGraph) -> _Page:
    """Organs → inspection activities → laws; planned activities dashed."""
    page = _Page("inspections", VIEWS["inspections"][0])
    acts = sorted({s for s, _, k in g.edges(keys=True) if k == "inspectsLaw"})
    years: dict[str, set[int]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    for a in acts:
        ad = g.nodes[a]
        for _, o, k in g.out_edges(a, keys=True):
            if k in ("inspectsLaw", "conductedBy", "jointWith"):
                years[o].update(_years(ad))
                docs[o].update(ad["docs"])
    for a in acts:
        page.add_node(a, g.nodes[a], size=12)
    for o in sorted(years.keys() | docs.keys()):
        d = g.nodes[o]
        page.add_node(o, d, years=sorted(years[o]), docs=sorted(docs[o]),
                      size=12 + 4 * math.sqrt(len([1 for s, _, k in g.in_edges(o, keys=True) if s in page.index])))
    for a in acts:
        ad = g.nodes[a]
        for _, o, k, ed in g.out_edges(a, keys=True, data=True):
            common = dict(sources=ed.get("sources"), docs=ad["docs"], years=_years(ad), status=ad["status"])
            if k == "inspectsLaw":
                page.add_edge(a, o, "inspectsLaw", **common)
            elif k in ("conductedBy", "jointWith"):
                page.add_edge(o, a, k, **common)  # drawn organ → activity
    page.edge_keys = [{"label": "计划 planned", "dashed": True}, {"label": "已完成 completed", "dashed": False}]
    return page


def initiatives_page(g: nx.MultiDiGraph, *, keywords=None) -> _Page:
    """Programmes and activities linked by shared laws, organs, formulas, topic keywords."""
    page = _Page("initiatives", VIEWS["initiatives"][0])
    page.directed = False
    links = initiative_links(g, keywords=keywords)
    linked = {x for e in links for x in (e["source"], e["target"])}
    for n, d in g.nodes(data=True):
        if d["family"] == "Programme" or n in linked:
            page.add_node(n, d, size=12 if d["family"] != "Programme" else 20)
    for e in links:
        page.add_edge(e["source"], e["target"], "shares", weight=e["weight"], via=e["via"],
                      width=1 + 1.5 * min(e["weight"], 6),
                      docs=sorted(set(g.nodes[e["source"]]["docs"]) | set(g.nodes[e["target"]]["docs"])))
    page.edge_keys = [{"label": "线宽 = 共享数 width = things shared", "dashed": False}]
    return page


def formulas_page(g: nx.MultiDiGraph) -> _Page:
    """Formulas linked when they occur in the same documents; weight = shared documents."""
    page = _Page("formulas", VIEWS["formulas"][0])
    page.directed = False
    formulas = sorted(n for n, d in g.nodes(data=True) if d["family"] == "PoliticalFormula")
    by_doc: dict[str, list[str]] = defaultdict(list)
    for f in formulas:
        page.add_node(f, g.nodes[f], size=10 + 5 * math.sqrt(len(g.nodes[f]["docs"])))
        for d in g.nodes[f]["docs"]:
            by_doc[d].append(f)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d, fs in sorted(by_doc.items()):
        for i, a in enumerate(fs):
            for b in fs[i + 1:]:
                shared[(a, b)].append(d)
    for (a, b), ds in sorted(shared.items()):
        page.add_edge(a, b, "coOccurs", weight=len(ds), docs=ds, width=1 + 1.5 * min(len(ds), 6),
                      via=ds)
    page.edge_keys = [{"label": "线宽 = 共同文档数 width = shared documents", "dashed": False}]
    return page


def doc_subgraph(g: nx.MultiDiGraph, doc_id: str) -> nx.MultiDiGraph:
    """What one document states: its nodes and edges, sources limited to it.

    Same result as ``to_networkx(store, doc_id=...)`` without querying the store again.
    """
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        if doc_id in d["docs"]:
            h.add_node(n, **{**d, "docs": [doc_id], "sources": [s for s in d["sources"] if s["doc"] == doc_id]})
    for s, o, k, d in g.edges(keys=True, data=True):
        if s in h and o in h and doc_id in d["docs"]:
            h.add_edge(s, o, key=k, **{**d, "docs": [doc_id],
                                       "sources": [x for x in d["sources"] if x["doc"] == doc_id]})
    return h


def document_page(g: nx.MultiDiGraph, doc_id: str) -> _Page:
    """One document's entities and activities, with a table of its activities."""
    h = doc_subgraph(g, doc_id)
    doc_iri = next((n for n, d in h.nodes(data=True) if d["family"] == "Document"), None)
    title = h.nodes[doc_iri]["label"] if doc_iri else doc_id
    page = overview_page(h, title=f"{doc_id} · {title}")
    page.view = "document"
    rows = []
    for n, d in sorted(h.nodes(data=True), key=lambda x: min((s["start"] or 0 for s in x[1]["sources"]), default=0)):
        if d["family"] != "OversightActivity":
            continue
        objs = "、".join(h.nodes[o]["label"] for _, o, k in h.out_edges(n, keys=True) if k != "conductedBy")
        by = "、".join(h.nodes[o]["label"] for _, o, k in h.out_edges(n, keys=True) if k == "conductedBy")
        src = d["sources"][0] if d["sources"] else {}
        rows.append([d["cls"], d.get("status") or "", d.get("year") or "", by, objs,
                     src.get("quote", ""), f"[{src.get('start')}, {src.get('end')})" if src else ""])
    page.facts = {"columns": ["活动 activity", "状态 status", "年份 year", "主体 by", "对象 object",
                              "原文 quote", "位置 offsets"], "rows": rows}
    return page


def _doc_file(doc_id: str) -> str:
    return safe_key(doc_id) + ".html"


def _write(path: Path, html: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path


def write_views(store: pyoxigraph.Store, out_dir: Path, *, max_nodes: int | None = None) -> list[Path]:
    """Write every view as self-contained HTML under ``out_dir``; returns the paths.

    ``index.html`` links ``overview.html``, ``inspections.html``, ``initiatives.html``,
    ``formulas.html`` and one ``docs/<doc id>.html`` per document. ``max_nodes`` keeps the
    best-connected nodes of each view when it is larger.

    >>> import tempfile
    >>> [p.name for p in write_views(pyoxigraph.Store(), Path(tempfile.mkdtemp()))]
    ['overview.html', 'inspections.html', 'initiatives.html', 'formulas.html', 'index.html']
    """
    out_dir = Path(out_dir)
    g = to_networkx(store)
    return write_views_from_graph(g, out_dir, max_nodes=max_nodes, keywords=default_keywords())


def write_views_from_graph(g: nx.MultiDiGraph, out_dir: Path, *, max_nodes: int | None = None,
                           keywords=None) -> list[Path]:
    """:func:`write_views` over an existing projection."""
    documents = sorted(((d["docs"][0] if d["docs"] else n), n) for n, d in g.nodes(data=True)
                       if d["family"] == "Document")
    doc_pages = {doc: "docs/" + urllib.parse.quote(_doc_file(doc)) for doc, _ in documents}
    written: list[Path] = []
    listed = []
    pages = [overview_page(g), inspections_page(g), initiatives_page(g, keywords=keywords), formulas_page(g)]
    for page in pages:
        page.doc_pages = doc_pages
        page.finish(max_nodes)
        written.append(_write(out_dir / f"{page.view}.html", render_page(page)))
        listed.append({"href": f"{page.view}.html", "title": VIEWS[page.view][0], "about": VIEWS[page.view][1],
                       "nodes": len(page.nodes), "edges": len(page.edges)})
    doc_rows = []
    for doc, iri in documents:
        page = document_page(g, doc)
        page.doc_pages = {d: "../" + h for d, h in doc_pages.items()}
        page.finish(max_nodes)
        written.append(_write(out_dir / "docs" / _doc_file(doc), render_page(page, home="../index.html")))
        doc_rows.append({"id": doc, "href": doc_pages[doc], "title": g.nodes[iri]["label"],
                         "entities": len(page.nodes) - 1, "activities": len(page.facts["rows"])})
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_assets())), autoescape=True)
    fam = Counter(d["family"] for _, d in g.nodes(data=True))
    summary = (f"{fam['Document']} 文档 documents · {g.number_of_nodes() - fam['Document']} 实体 entities · "
               f"{g.number_of_edges()} 关系 edges")
    html = env.get_template("index.html").render(views=listed, documents=doc_rows, summary=summary,
                                                 kg_css=_asset("view.css"))
    check_offline(html)
    written.append(_write(out_dir / "index.html", html))
    return written
