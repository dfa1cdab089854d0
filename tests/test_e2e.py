"""End to end on the sample corpus: outputs, determinism, provenance, schema and scores."""
from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph
import pytest

from kg.pipeline import build

FIELDS = {"id", "laws_inspected", "laws_mentioned_other", "reports_heard", "institutions", "slogans",
          "programmes", "numbers"}

pytestmark = pytest.mark.slow


def test_build_writes_the_four_outputs(built):
    for name in ("graph.ttl", "graph.trig", "facts.json"):
        assert (built / name).stat().st_size > 0
    assert (built / "store").is_dir()


def test_outputs_parse_with_an_independent_parser(built):
    store = pyoxigraph.Store()
    store.load(path=str(built / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    graphs = {q.graph_name for q in store}
    assert len(graphs) >= 6  # five documents and the provenance graph
    ttl = list(pyoxigraph.parse(path=str(built / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(ttl) == len({(q.subject, q.predicate, q.object) for q in store})


def test_two_builds_are_byte_identical(built, seeds_dir, tmp_path):
    again = tmp_path / "again"
    build([seeds_dir], again, validate=False)
    for name in ("graph.trig", "graph.ttl", "facts.json"):
        assert (again / name).read_bytes() == (built / name).read_bytes(), name


def test_facts_follow_the_schema(built, seeds_dir):
    docs = json.loads((built / "facts.json").read_text(encoding="utf-8"))["documents"]
    assert [d["id"] for d in docs] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    for d in docs:
        assert FIELDS <= set(d)
        for item in d["laws_inspected"]:
            assert {"law", "canonical", "status", "by"} <= set(item)
            assert item["status"] in ("completed", "planned")
        for item in d["reports_heard"]:
            assert {"report", "from", "status"} <= set(item)
        for item in d["numbers"]:
            assert isinstance(item["value"], (int, float)) and item["unit"]


def test_every_activity_and_count_has_provenance_with_offsets(built, seeds_dir):
    store = pyoxigraph.Store()
    store.load(path=str(built / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    rows = list(store.query("""
        PREFIX rk: <https://w3id.org/renda-kg/ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?x ?id ?start ?end ?exact WHERE { GRAPH ?g {
          { ?x a rk:OversightActivity } UNION { ?x a rk:Count }
          OPTIONAL { ?x prov:wasDerivedFrom ?m . ?m oa:start ?start ; oa:end ?end ; oa:exact ?exact ; rk:rule ?rule ;
                        rk:inDocument ?doc . }
          OPTIONAL { ?doc rk:sourceFile ?id }
        } }"""))
    assert len(rows) > 50
    from kg.ingest import read_document

    texts = {}
    for row in rows:
        assert row["start"] is not None, row["x"]
        src = row["id"].value
        if src not in texts:
            texts[src] = read_document(seeds_dir / src).text
        start, end = int(row["start"].value), int(row["end"].value)
        assert texts[src][start:end] == row["exact"].value


def test_official_scorer_runs_on_the_facts(built, gold_path, score_script):
    out = subprocess.run([sys.executable, str(score_script), str(gold_path), str(built / "facts.json"), "--json"],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert set(scores) >= {"laws_inspected+status", "reports_heard+status", "institutions", "slogans",
                           "programmes", "numbers"}


def test_own_scorer_agrees_with_the_official_one(built, gold_path, score_script):
    from kg.evaluate import load_facts, score

    out = subprocess.run([sys.executable, str(score_script), str(gold_path), str(built / "facts.json"), "--json"],
                         capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = score(load_facts(gold_path), load_facts(built / "facts.json"))
    for field, row in theirs.items():
        assert ours[field]["f1"] == pytest.approx(row["f1"], abs=1e-3), field


def test_sittings_reach_the_graph_but_not_the_institutions_field(tmp_path):
    """A sitting (区十三届人大常委会第二十三次会议) is an rk:Sitting in the graph, scoped to
    the document's jurisdiction and traced to its span; facts.json leaves it out of
    institutions, as the gold convention does for sessions and sittings."""
    from kg.facts import facts_from_quads
    from kg.pipeline import process_file
    from kg.query import run
    from kg.rdf.build import doc_quads_with_lines

    text = "**区人大常委会2021年工作总结\n区十三届人大常委会第二十三次会议听取和审议了区政府关于财政工作的报告。\n"
    src = tmp_path / "sit.txt"
    src.write_text(text, encoding="utf-8")
    quads, _ = doc_quads_with_lines(process_file(src))
    store = pyoxigraph.Store()
    store.extend(quads)
    rows = [r for r in run(store, name="institutions").records() if r["class"] == "Sitting"]
    assert [r["label"] for r in rows] == ["区十三届人大常委会第二十三次会议"]
    assert rows[0]["jurisdiction"]
    spans = list(store.query(
        "PREFIX rk: <https://w3id.org/renda-kg/ns#> PREFIX oa: <http://www.w3.org/ns/oa#> "
        "SELECT ?s ?e ?rule WHERE { GRAPH ?g { ?m rk:denotes ?x ; oa:start ?s ; oa:end ?e ; rk:rule ?rule . "
        "?x a rk:Sitting } }"))
    assert len(spans) == 1
    start, end = int(spans[0]["s"].value), int(spans[0]["e"].value)
    assert text[start:end].endswith("第二十三次会议")
    assert spans[0]["rule"].value.startswith("organs.")
    (record,) = facts_from_quads(quads)
    assert "区十三届人大常委会第二十三次会议" not in record["institutions"]
    assert record["reports_heard"] and record["reports_heard"][0]["from"] == "区政府"


@pytest.mark.parametrize("sentence, expected", [
    ("常委会还将听取审议“两院”关于优化法治化营商环境、未成年人司法保护工作的报告。",
     [{"report": "优化法治化营商环境", "from": "市人民法院", "status": "planned"},
      {"report": "未成年人司法保护工作", "from": "市人民检察院", "status": "planned"}]),
    ("会议听取和审议了市人民法院、市人民检察院关于司法公开工作情况的报告。",
     [{"report": "司法公开工作情况", "from": "市人民法院", "status": "completed"},
      {"report": "司法公开工作情况", "from": "市人民检察院", "status": "completed"}]),
])
def test_group_reporters_resolve_to_the_organs_they_stand_for(tmp_path, sentence, expected):
    """“两院” stands for the court and the procuratorate of the document's own level; a
    report several organs deliver together is an item per organ."""
    from kg.pipeline import process_file, render

    src = tmp_path / "groups.txt"
    src.write_text(f"**市人大常委会工作报告\n{sentence}\n", encoding="utf-8")
    (record,) = render(process_file(src)).facts
    def key(r):
        return r["report"], r["from"]

    assert sorted(record["reports_heard"], key=key) == sorted(expected, key=key)
    assert "两院" not in record["institutions"]
    assert {"市人民法院", "市人民检察院"} <= set(record["institutions"])


def test_inspection_teams_have_their_own_class(tmp_path):
    """An organ's 执法检查组 is an rk:InspectionTeam (a Team, an Organ), listed in
    institutions beside the organ that sent it."""
    from kg.facts import facts_from_quads
    from kg.pipeline import process_file
    from kg.query import run
    from kg.rdf.build import doc_quads_with_lines

    src = tmp_path / "team.txt"
    src.write_text("**市人大常委会工作报告\n市人大常委会执法检查组对《中华人民共和国消防法》实施情况开展执法检查。\n",
                   encoding="utf-8")
    quads, _ = doc_quads_with_lines(process_file(src))
    store = pyoxigraph.Store()
    store.extend(quads)
    rows = {r["label"]: r["class"] for r in run(store, name="institutions").records()}
    assert rows.get("市人大常委会执法检查组") == "InspectionTeam"
    (record,) = facts_from_quads(quads)
    assert {"市人大常委会执法检查组", "市人大常委会"} <= set(record["institutions"])
