"""How fast the views build and draw. Prints figures; not a test.

    .venv/bin/python benchmarks/bench_viz.py [--nodes 5000] [--no-browser] [--no-corpus]

1. A synthetic store following the ARCHITECTURE.md model (documents, sentences, mentions,
   organs, laws, activities, formulas, programmes) sized to about ``--nodes`` entities:
   projection time, time to build the overview page, time for every view.
2. That overview in headless Chromium: page load until vis-network's first
   ``afterDrawing`` (window.__kg.drawnAt, ms since navigation start).
3. The sample corpus (../shared/seeds) through kg.pipeline, then its views.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.project import to_networkx
from kg.viz import overview_page, render_page, write_views_from_graph

RK = "https://w3id.org/renda-kg/ns#"
RKD = "https://w3id.org/renda-kg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


def rk(name: str) -> ox.NamedNode:
    return ox.NamedNode(RK + name)


def rkd(path: str) -> ox.NamedNode:
    return ox.NamedNode(RKD + path)


def synthetic_store(target_nodes: int, seed: int = 1) -> ox.Store:
    """About ``target_nodes`` entities: per document 1 doc, 8 organs, 40 activities, ~5 laws."""
    rng = random.Random(seed)
    per_doc = 1 + 8 + 40 + 6
    docs = max(1, target_nodes // per_doc)
    laws = [f"law/法{i}" for i in range(docs * 5)]
    formulas = [f"formula/表述{i}" for i in range(40)]
    programmes = [f"programme/项目{i}" for i in range(docs * 2)]
    organ_classes = ["StandingCommittee", "Government", "Court", "Procuratorate", "LiaisonStation",
                     "PartyCommittee", "CongressWorkingBody", "GovernmentDepartment"]
    act_classes = ["LawEnforcementInspection", "ReportDeliberation", "Research", "InspectionVisit", "Vote"]
    quads: list[ox.Quad] = []
    for d in range(docs):
        did = f"{d:04d}_synthetic"
        g = rkd(f"graph/{did}")
        doc = rkd(f"doc/{did}")

        def add(s, p, o):
            quads.append(ox.Quad(s, p, o, g))

        def typed(node, cls, family, label):
            add(node, RDF_TYPE, rk(cls))
            add(node, RDF_TYPE, rk(family))
            add(node, LABEL, ox.Literal(label, language="zh"))
            add(doc, rk("mentions"), node)

        add(doc, RDF_TYPE, rk("Document"))
        add(doc, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(f"某区人大常委会工作报告{d}", language="zh"))
        add(doc, rk("year"), ox.Literal(str(2018 + d % 6), datatype=ox.NamedNode(XSD + "gYear")))
        organs = []
        for i, cls in enumerate(organ_classes):
            o = rkd(f"organ/doc-{did}/机构{i}")
            typed(o, cls, "Organ", f"区{cls}{i}")
            organs.append(o)
        pos = 0
        for a in range(40):
            sent = rkd(f"doc/{did}/s/{a}")
            text = f"第{a}句：区人大常委会对某法开展执法检查，听取和审议有关报告。"
            add(sent, RDF_TYPE, rk("Sentence"))
            add(sent, rk("text"), ox.Literal(text, language="zh"))
            cls = rng.choice(act_classes)
            act = rkd(f"doc/{did}/act/{pos}-{pos + 10}/{cls}/x{a}")
            m = rkd(f"doc/{did}/m/{pos}-{pos + 10}/x{a}")
            for node, k, f in ((m, "Mention", None), (act, cls, "OversightActivity")):
                add(node, RDF_TYPE, rk(k))
                if f:
                    add(node, RDF_TYPE, rk(f))
            add(m, rk("sentence"), sent)
            add(m, rk("inDocument"), doc)
            add(m, ox.NamedNode("http://www.w3.org/ns/oa#start"), ox.Literal(str(pos), datatype=ox.NamedNode(XSD + "integer")))
            add(m, ox.NamedNode("http://www.w3.org/ns/oa#end"), ox.Literal(str(pos + 10), datatype=ox.NamedNode(XSD + "integer")))
            add(m, ox.NamedNode("http://www.w3.org/ns/oa#exact"), ox.Literal(text[:10]))
            add(m, rk("rule"), ox.Literal(f"activities.{cls}"))
            add(act, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), m)
            add(act, ox.NamedNode("https://schema.org/actionStatus"),
                ox.NamedNode("https://schema.org/" + rng.choice(["CompletedActionStatus", "PotentialActionStatus"])))
            add(act, rk("year"), ox.Literal(str(2018 + d % 6), datatype=ox.NamedNode(XSD + "gYear")))
            add(act, rk("conductedBy"), organs[0])
            if cls in ("LawEnforcementInspection", "Research"):
                law = rkd(rng.choice(laws))
                typed(law, "NationalLaw", "LegalInstrument", "中华人民共和国" + law.value.rsplit("/", 1)[-1])
                add(act, rk("inspectsLaw"), law)
            elif cls == "ReportDeliberation":
                add(act, rk("reportedBy"), rng.choice(organs[1:4]))
                add(act, rk("topic"), ox.Literal(rng.choice(["财政预算", "生态环境", "数字经济", "教育"]), language="zh"))
            if rng.random() < 0.15:
                p = rkd(rng.choice(programmes))
                typed(p, "Programme", "Programme", p.value.rsplit("/", 1)[-1])
                add(act, rk("realises"), p)
            pos += 40
        for f in rng.sample(formulas, 4):
            typed(rkd(f), "PoliticalFormula", "PoliticalFormula", f.rsplit("/", 1)[-1])
    store = ox.Store()
    store.extend(quads)
    return store


def draw_time(html: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        remote = []
        page.on("request", lambda r: r.url.startswith("file://") or remote.append(r.url))
        started = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_function("window.__kg && window.__kg.drawn === true", timeout=120000)
        wall = time.perf_counter() - started
        drawn_ms = page.evaluate("window.__kg.drawnAt")
        # Usable: a search round trip (find, focus, redraw) after the first drawing.
        t0 = time.perf_counter()
        page.evaluate("() => { const ids = window.__kg.find('中华人民共和国'); window.__kg.focus(ids[0]); }")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        search = time.perf_counter() - t0
        nodes = page.evaluate("window.__kg.nodeCount")
        browser.close()
    assert not remote, remote
    return {"nodes": nodes, "drawn_s": drawn_ms / 1000, "wall_s": wall, "search_s": search}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench_viz_"))

    t = time.perf_counter()
    store = synthetic_store(args.nodes)
    print(f"synthetic store: {len(store)} quads in {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    g = to_networkx(store)
    print(f"projection: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges in {time.perf_counter() - t:.2f} s")

    t = time.perf_counter()
    page = overview_page(g)
    page.finish(None)
    html = render_page(page)
    built = time.perf_counter() - t
    path = out / "overview.html"
    path.write_text(html, encoding="utf-8")
    print(f"overview page: {len(page.nodes)} nodes, {len(page.edges)} edges built in {built:.2f} s "
          f"({len(html) / 1e6:.1f} MB)")

    t = time.perf_counter()
    paths = write_views_from_graph(g, out / "all")
    print(f"all views ({len(paths)} files, one page per document): {time.perf_counter() - t:.2f} s")

    if not args.no_browser:
        r = draw_time(path)
        print(f"chromium: {r['nodes']} nodes drawn {r['drawn_s']:.2f} s after navigation start "
              f"(wall {r['wall_s']:.2f} s); search + focus + redraw {r['search_s']:.2f} s")

    if not args.no_corpus:
        seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
        try:
            from kg.pipeline import build
            from kg.store import open_store
            from kg.viz import write_views

            t = time.perf_counter()
            report = build([seeds], out / "seeds", validate=False)
            print(f"sample corpus: {len(report.documents)} documents built in {time.perf_counter() - t:.2f} s")
            store = open_store(report.outputs.get("store", out / "seeds" / "store"))
            t = time.perf_counter()
            paths = write_views(store, out / "seeds" / "viz")
            print(f"sample corpus views: {len(paths)} files in {time.perf_counter() - t:.2f} s")
        except Exception as exc:  # the pipeline is built in parallel: report, do not hide
            print(f"sample corpus: not measured ({type(exc).__name__}: {exc})", file=sys.stderr)
    print(f"output: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
