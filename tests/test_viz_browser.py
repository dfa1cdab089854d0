"""HTML views, checked as files and in real headless Chromium (Debian's /usr/bin/chromium).

One browser serves the whole module; each test opens its own page and records console
errors, page errors, dialogs and every request, so a view that reaches for the network or
runs injected markup fails here.
"""
from __future__ import annotations

import json
import math
import re
import urllib.parse
from pathlib import Path

import networkx as nx
import pytest

from kg.analyze import default_keywords, initiative_links
from kg.project import to_networkx
from kg.viz import (
    BIG_PAGE, PLANNED_COLOUR, SPRING_MAX_NODES, check_offline, inspections_page, layout_positions,
    script_json, write_views,
)
from viz_fixtures import CITY, DEMO, EVIL, EVIL_LAW, FOOD, HOSTILE, WATER, fixture_store, iri

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]
SHOTS = Path(__file__).parent / "output"
VIEWS = ["overview.html", "inspections.html", "initiatives.html", "formulas.html",
         f"docs/{DEMO}.html", f"docs/{CITY}.html", f"docs/{EVIL}.html"]


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return to_networkx(fixture_store())


@pytest.fixture(scope="module")
def views(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("views")
    write_views(fixture_store(), out)
    return out


# --- the files -----------------------------------------------------------------------


def test_write_views_writes_every_view_index_and_document_page(views):
    written = sorted(str(p.relative_to(views)) for p in views.rglob("*.html"))
    assert written == sorted(VIEWS + ["index.html"])


@pytest.mark.parametrize("name", VIEWS + ["index.html"])
def test_pages_load_nothing_remote_and_keep_markup_as_data(views, name):
    html = (views / name).read_text(encoding="utf-8")
    check_offline(html)
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html), "everything must be inlined"
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "tom-select", "googleapis"):
        assert cdn not in html.lower()
    # The hostile strings never appear as markup, only escaped.
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "</textarea>" not in html


def test_script_json_cannot_close_the_script_element():
    text = script_json({"label": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text


def test_check_offline_rejects_cdn_scripts_and_stylesheets():
    with pytest.raises(ValueError):
        check_offline('<script src="https://cdnjs.cloudflare.com/vis.js"></script>')
    with pytest.raises(ValueError):
        check_offline('<style>@import url("//fonts.example/x.css");</style>')
    check_offline('<script>var ns = "http://www.w3.org/2000/svg";</script>')


def test_max_nodes_keeps_the_best_connected(tmp_path, graph):
    write_views(fixture_store(), tmp_path, max_nodes=5)
    html = (tmp_path / "overview.html").read_text(encoding="utf-8")
    assert "showing 5 of %d nodes" % graph.number_of_nodes() in html


def _positions(html: str) -> dict[str, tuple[float, float]]:
    data = json.loads(re.search(r"window\.KG_DATA = (.*?);</script>", html).group(1))
    return {n["iri"]: (n["x"], n["y"]) for n in data["nodes"]}


def test_layout_is_the_same_on_every_build_and_finite(views, tmp_path):
    write_views(fixture_store(), tmp_path)
    for name in VIEWS:
        first = _positions((views / name).read_text(encoding="utf-8"))
        assert first == _positions((tmp_path / name).read_text(encoding="utf-8")), name
        assert all(math.isfinite(c) for xy in first.values() for c in xy)
        assert len(set(first.values())) == len(first), f"{name}: two nodes at one spot"


def test_layout_puts_neighbours_closer_than_strangers():
    # Two triangles joined by one edge: within a triangle nodes sit closer than across.
    edges = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)]
    p = layout_positions(6, edges)
    assert p == layout_positions(6, list(edges))
    assert max(math.dist(p[0], p[1]), math.dist(p[4], p[5])) < math.dist(p[0], p[5])
    assert layout_positions(0, []) == [] and len(layout_positions(1, [])) == 1


def test_large_graphs_are_laid_out_by_family_in_linear_time():
    n = SPRING_MAX_NODES + 500
    edges = [(i, (i * 7 + 1) % n, 1.0) for i in range(n)]
    groups = ["Organ" if i % 5 == 0 else "OversightActivity" for i in range(n)]
    p = layout_positions(n, edges, groups=groups)
    assert p == layout_positions(n, edges, groups=groups)
    assert len(p) == n and len(set(p)) == n
    assert all(math.isfinite(c) for xy in p for c in xy)
    # Each family is one disc: its centre is far from the other family's.
    def centre(fam):
        pts = [xy for xy, g in zip(p, groups) if g == fam]
        return (sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts))
    assert math.dist(centre("Organ"), centre("OversightActivity")) > 1000


def test_big_pages_colour_planned_edges_instead_of_dashing_them(graph):
    """vis-network draws dashes one by one: above BIG_PAGE nodes planned edges get a colour."""
    big = nx.MultiDiGraph(graph)
    for i in range(BIG_PAGE):  # padding: organs conducting nothing but one planned inspection each
        act, organ = f"urn:act{i}", f"urn:organ{i}"
        big.add_node(act, **{**graph.nodes[iri(FOOD)], "iri": act, "label": f"a{i}",
                              "family": "OversightActivity", "cls": "Research", "status": "planned"})
        big.add_node(organ, **{**graph.nodes[iri(FOOD)], "iri": organ, "label": f"o{i}", "family": "Organ",
                               "cls": "Government"})
        big.add_edge(act, iri(FOOD), key="inspectsLaw", sources=[], docs=[])
        big.add_edge(act, organ, key="conductedBy", sources=[], docs=[])
    small, large = inspections_page(graph), inspections_page(big)
    small.finish(None)
    large.finish(None)
    assert len(large.nodes) > BIG_PAGE >= len(small.nodes)
    assert any(e["dashes"] for e in small.edges)
    assert not any(e["dashes"] for e in large.edges)
    assert {e["color"] for e in large.edges if e["status"] == "planned"} == {PLANNED_COLOUR}
    assert PLANNED_COLOUR not in {e["color"] for e in large.edges if e["status"] == "completed"}
    assert [k.get("color") for k in large.edge_keys if "planned" in k["label"]] == [PLANNED_COLOUR]


# --- in the browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield b
    b.close()
    pw.stop()


class Tab:
    """A page with everything it reports recorded."""

    def __init__(self, browser, width=1400, height=850):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.__kg && window.__kg.drawn === true", timeout=20000)
        return self.page

    def click_node(self, iri_: str) -> str:
        """Focus the node, then click it with the mouse; returns the panel text."""
        page = self.page
        node_id = page.evaluate("iri => window.__kg.idOfIri(iri)", iri_)
        assert node_id is not None, f"{iri_} is not in the view"
        page.evaluate("id => window.__kg.network.focus(id, {scale: 1.4, animation: false})", node_id)
        pos = page.evaluate("id => window.__kg.pagePosition(id)", node_id)
        page.mouse.click(pos["x"], pos["y"])
        page.wait_for_function("document.getElementById('kg-panel-body').dataset.kind === 'node'")
        return page.inner_text("#kg-panel-body")

    def close(self):
        self.page.close()


@pytest.fixture
def tab(browser):
    t = Tab(browser)
    yield t
    t.close()


def _expected_nodes(graph: nx.MultiDiGraph, name: str) -> int:
    """Node count of each view, computed from the projection independently of kg.viz."""
    if name == "overview.html":
        return graph.number_of_nodes()
    if name == "inspections.html":
        acts = {s for s, _, k in graph.edges(keys=True) if k == "inspectsLaw"}
        ends = {o for a in acts for _, o, k in graph.out_edges(a, keys=True)
                if k in ("inspectsLaw", "conductedBy", "jointWith")}
        return len(acts | ends)
    if name == "initiatives.html":
        linked = {x for e in initiative_links(graph, keywords=default_keywords()) for x in (e["source"], e["target"])}
        programmes = {n for n, d in graph.nodes(data=True) if d["family"] == "Programme"}
        return len(linked | programmes)
    if name == "formulas.html":
        return sum(1 for _, d in graph.nodes(data=True) if d["family"] == "PoliticalFormula")
    doc = name.removeprefix("docs/").removesuffix(".html")
    return sum(1 for _, d in graph.nodes(data=True) if doc in d["docs"])


@pytest.mark.browser
@pytest.mark.parametrize("name", VIEWS)
def test_view_loads_offline_without_errors_and_shows_every_node(tab, views, graph, name):
    page = tab.open(views / name)
    assert tab.errors == []
    assert [u for u in tab.requests if not u.startswith("file://")] == []
    assert page.evaluate("window.__kg.nodeCount") == _expected_nodes(graph, name)
    assert page.evaluate("window.__kg.visibleCount") == _expected_nodes(graph, name)
    assert page.evaluate("window.__pwned") is None
    assert tab.dialogs == []
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / ("viz-" + name.replace("/", "-") + ".png")))


@pytest.mark.browser
@pytest.mark.parametrize("name", ["overview.html", "inspections.html", f"docs/{CITY}.html"])
def test_clicking_a_law_shows_its_source_sentence_with_document_and_offsets(tab, views, graph, name):
    tab.open(views / name)
    text = tab.click_node(iri(WATER))
    assert "中华人民共和国水污染防治法" in text
    assert "NationalLaw" in text
    src = next(s for s in graph.nodes[iri(WATER)]["sources"] if s["doc"] == CITY)
    assert src["text"] in text  # 配合全国人大常委会对水污染防治法实施情况开展调研。
    assert f"文档 {CITY}" in text
    assert f"[{src['start']}, {src['end']})" in text
    marks = tab.page.eval_on_selector_all("#kg-panel-body mark", "els => els.map(e => e.textContent)")
    assert src["quote"] in marks


@pytest.mark.browser
def test_clicking_an_edge_shows_the_activity_sentence(tab, views, graph):
    page = tab.open(views / "inspections.html")
    ids = page.evaluate("""iri => {
        const kg = window.__kg, law = kg.idOfIri(iri);
        const e = kg.edges.get().find(e => e.to === law);
        return [e.from, e.to];
    }""", iri(FOOD))
    page.evaluate("ids => window.__kg.network.fit({nodes: ids, animation: false})", ids)
    a = page.evaluate("id => window.__kg.pagePosition(id)", ids[0])
    b = page.evaluate("id => window.__kg.pagePosition(id)", ids[1])
    page.mouse.click((a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
    page.wait_for_function("document.getElementById('kg-panel-body').dataset.kind === 'edge'")
    text = page.inner_text("#kg-panel-body")
    assert "inspectsLaw" in text
    assert "2024年，将对《中华人民共和国食品安全法》开展执法检查。" in text
    assert "planned" in text


@pytest.mark.browser
@pytest.mark.parametrize("name", ["overview.html", "inspections.html", f"docs/{EVIL}.html"])
def test_hostile_labels_stay_text_and_never_run(tab, views, name):
    page = tab.open(views / name)
    text = tab.click_node(iri(EVIL_LAW))
    assert page.inner_text("#kg-panel-body .kg-label") == HOSTILE
    assert HOSTILE in text
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('#kg-panel-body img, #kg-panel-body script').length") == 0
    assert tab.dialogs == []
    assert [u for u in tab.requests if not u.startswith("file://")] == []
    if name.startswith("docs/"):
        assert page.title() == f"{EVIL} · {HOSTILE}"


@pytest.mark.browser
def test_search_box_finds_and_focuses_a_node_by_label(tab, views):
    page = tab.open(views / "overview.html")
    # Two labels contain it (the law and its inspection): the closest, shorter one wins.
    page.fill("#kg-search", "食品安全法")
    page.press("#kg-search", "Enter")
    assert page.inner_text("#kg-panel-body .kg-label") == "中华人民共和国食品安全法"
    selected = page.evaluate("window.__kg.network.getSelectedNodes()")
    assert selected == [page.evaluate("iri => window.__kg.idOfIri(iri)", iri(FOOD))]
    assert "found" in page.inner_text("#kg-search-status")


@pytest.mark.browser
def test_class_checkbox_hides_that_class(tab, views, graph):
    page = tab.open(views / "overview.html")
    laws = sum(1 for _, d in graph.nodes(data=True) if d["cls"] == "NationalLaw")
    page.uncheck("#kg-classes input[value=NationalLaw]")
    assert page.evaluate("window.__kg.visibleCount") == graph.number_of_nodes() - laws
    page.check("#kg-classes input[value=NationalLaw]")
    assert page.evaluate("window.__kg.visibleCount") == graph.number_of_nodes()


@pytest.mark.browser
def test_year_and_document_filters_narrow_the_inspections(tab, views):
    page = tab.open(views / "inspections.html")
    page.select_option("#kg-year", "2024")
    # The planned food-safety inspection, its law and the district committee.
    assert page.evaluate("window.__kg.visibleCount") == 3
    page.select_option("#kg-year", "")
    page.select_option("#kg-doc", CITY)
    # The research of the water law, the law, the city committee and the NPCSC it joined.
    assert page.evaluate("window.__kg.visibleCount") == 4


@pytest.mark.browser
def test_planned_inspections_are_dashed_and_completed_solid(tab, views):
    page = tab.open(views / "inspections.html")
    dashes = page.evaluate("""() => {
        const kg = window.__kg, out = {};
        for (const e of kg.edges.get()) out[e.id] = e.dashes;
        return out;
    }""")
    statuses = page.evaluate("() => Object.fromEntries(KG_DATA.edges.map(e => [e.id, e.status]))")
    assert set(statuses.values()) == {"planned", "completed"}
    for eid, status in statuses.items():
        assert dashes[eid] == (status == "planned")


@pytest.mark.browser
def test_document_page_lists_its_activities(tab, views):
    page = tab.open(views / f"docs/{DEMO}.html")
    rows = page.locator("#kg-facts tbody tr")
    assert rows.count() == 3
    assert "《中华人民共和国水污染防治法》贯彻实施情况开展执法检查" in page.inner_text("#kg-facts")


@pytest.mark.browser
def test_index_links_every_view_and_document_page(tab, views):
    page = tab.page
    page.goto((views / "index.html").as_uri())
    hrefs = page.eval_on_selector_all("a", "els => els.map(a => a.getAttribute('href'))")
    targets = {urllib.parse.unquote(h) for h in hrefs}
    assert targets == set(VIEWS)
    for h in targets:
        assert (views / h).is_file()
    assert HOSTILE in page.inner_text("#kg-documents")  # shown as text
    assert page.evaluate("window.__pwned") is None
    assert tab.errors == [] and tab.dialogs == []


# --- the real build: sample corpus plus a hostile text --------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory, seeds_dir):
    """Build ../shared/seeds plus a hostile .txt with kg.pipeline, then write the views."""
    import shutil

    from kg.pipeline import build
    from kg.store import open_store

    corpus = tmp_path_factory.mktemp("corpus")
    for f in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(f, corpus / f.name)
    (corpus / "hostile.txt").write_text(
        f"{HOSTILE}\n区人大常委会对《{HOSTILE}条例》贯彻实施情况开展执法检查。\n坚定“两个确立”，{HOSTILE}。\n",
        encoding="utf-8")
    out = tmp_path_factory.mktemp("real")
    report = build([corpus], out / "build", validate=False)
    assert "hostile" in report.documents and not report.errors
    store = open_store(report.outputs["store"])
    write_views(store, out / "viz")
    return {"views": out / "viz", "graph": to_networkx(store), "seeds": [f.stem for f in seeds_dir.glob("*.txt")]}


REAL_VIEWS = ["overview.html", "inspections.html", "initiatives.html", "formulas.html", "docs/hostile.html"]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", REAL_VIEWS)
def test_real_build_views_load_offline_with_every_node(tab, real, name):
    page = tab.open(real["views"] / name)
    assert tab.errors == []
    assert [u for u in tab.requests if not u.startswith("file://")] == []
    assert page.evaluate("window.__kg.nodeCount") == _expected_nodes(real["graph"], name) > 0
    assert page.evaluate("window.__pwned") is None and tab.dialogs == []
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / ("real-" + name.replace("/", "-") + ".png")))


@pytest.mark.slow
def test_real_build_has_a_page_per_document(real):
    pages = {p.stem for p in (real["views"] / "docs").glob("*.html")}
    assert pages == set(real["seeds"]) | {"hostile"}


@pytest.mark.browser
@pytest.mark.slow
def test_real_build_clicking_an_inspected_law_shows_its_sentence(tab, real):
    g = real["graph"]
    laws = sorted((n for n, d in g.nodes(data=True) if d["family"] == "LegalInstrument" and d["sources"]
                   and "hostile" not in d["docs"] and any(k == "inspectsLaw" for *_, k in g.in_edges(n, keys=True))),
                  key=lambda n: (-len(g.nodes[n]["sources"]), n))
    assert laws, "the sample corpus inspects some law"
    law = laws[0]
    tab.open(real["views"] / "inspections.html")
    text = tab.click_node(law)
    src = g.nodes[law]["sources"][0]
    assert g.nodes[law]["label"] in text
    assert src["text"] in text
    assert f"[{src['start']}, {src['end']})" in text


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", ["inspections.html", "docs/hostile.html"])
def test_real_build_hostile_text_stays_inert(tab, real, name):
    g = real["graph"]
    evil = next(n for n, d in g.nodes(data=True) if d["family"] == "LegalInstrument" and HOSTILE in d["label"])
    page = tab.open(real["views"] / name)
    text = tab.click_node(evil)
    assert HOSTILE in text
    assert page.evaluate("window.__pwned") is None
    assert tab.dialogs == [] and tab.errors == []
