"""The RDF → networkx projection and the network exports (GraphML, GEXF, CSV)."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pyoxigraph
import pytest

from kg.project import export_network, flat_graph, to_networkx
from kg.viz import doc_subgraph
from viz_fixtures import (
    CITY, DEMO, DISTRICT_GOV, DISTRICT_PARTY, DOCS, ENTITIES, EVIL, EVIL_LAW, FOOD, HOSTILE, TWO, WATER,
    fixture_store, iri,
)


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return to_networkx(fixture_store())


def _doc_text(doc_id: str) -> str:
    return "\n".join(next(d for d in DOCS if d.id == doc_id).sentences)


def _expected_entities() -> set[str]:
    used = set()
    for d in DOCS:
        used.update(path for _, _, path, _ in d.mentions)
        for a in d.acts:
            used.update(p for p in (a.by, a.law, a.reporter, a.joint, a.realises) if p)
    return {iri(p) for p in used}


def test_nodes_are_entities_activities_and_documents_only(graph):
    activities = sum(len(d.acts) for d in DOCS)
    assert graph.number_of_nodes() == len(_expected_entities()) + len(DOCS) + activities
    assert _expected_entities() <= set(graph)
    families = {d["family"] for _, d in graph.nodes(data=True)}
    assert families == {"Organ", "LegalInstrument", "OversightActivity", "Programme", "PoliticalFormula",
                        "Document"}
    # Sentences, mentions and counts are provenance, not nodes.
    assert not any("/s/" in n or "/m/" in n or "/count/" in n for n in graph)


def test_node_carries_class_family_label_and_sorted_documents(graph):
    water = graph.nodes[iri(WATER)]
    assert water["cls"] == "NationalLaw"
    assert water["family"] == "LegalInstrument"
    assert water["label"] == "中华人民共和国水污染防治法"
    assert water["docs"] == [DEMO, CITY]
    formula = graph.nodes[iri(TWO)]
    assert (formula["cls"], formula["docs"]) == ("PoliticalFormula", [DEMO, CITY])


def test_sources_give_document_sentence_and_offsets_into_the_text(graph):
    sources = graph.nodes[iri(WATER)]["sources"]
    assert [(s["doc"], s["sentence"], s["rule"]) for s in sources] == [
        (DEMO, 1, "laws.title_marks"), (CITY, 2, "laws.bare_suffix")]
    for s in sources:
        text = _doc_text(s["doc"])
        assert text[s["start"]:s["end"]] == s["quote"]
        assert s["quote"] in s["text"]
        assert s["text"] == next(d for d in DOCS if d.id == s["doc"]).sentences[s["sentence"]]


def test_activities_have_status_year_and_a_readable_label(graph):
    acts = {d["label"]: d for _, d in graph.nodes(data=True) if d["family"] == "OversightActivity"}
    food = acts["执法检查·中华人民共和国食品安全法"]
    assert (food["cls"], food["status"], food["year"]) == ("LawEnforcementInspection", "planned", 2024)
    report = acts["听取和审议·数字经济发展情况"]
    assert (report["status"], report["topic"]) == ("planned", "数字经济发展情况")
    assert acts["调研·中华人民共和国水污染防治法"]["status"] == "completed"
    # Evidence span of the activity, from prov:wasDerivedFrom.
    assert food["sources"][0]["quote"] == "《中华人民共和国食品安全法》开展执法检查"


def test_non_activities_have_no_status(graph):
    assert graph.nodes[iri(WATER)]["status"] is None
    assert graph.nodes[iri(DISTRICT_GOV)]["status"] is None


def test_edges_are_the_object_properties_keyed_by_predicate(graph):
    keys = {k for _, _, k in graph.edges(keys=True)}
    assert keys == {"conductedBy", "inspectsLaw", "reportedBy", "realises", "jointWith", "subOrganizationOf",
                    "mentions"}
    assert graph.has_edge(iri(DISTRICT_GOV), iri(DISTRICT_PARTY), key="subOrganizationOf")
    assert graph.has_edge(iri(f"doc/{CITY}"), iri(WATER), key="mentions")
    inspect = [(s, d) for s, o, k, d in graph.edges(keys=True, data=True) if k == "inspectsLaw" and o == iri(FOOD)]
    assert len(inspect) == 1
    act, data = inspect[0]
    assert data["predicate"] == "inspectsLaw"
    assert data["docs"] == [DEMO]
    assert data["sources"] == graph.nodes[act]["sources"]


def test_mentions_edge_sources_are_the_spans_in_that_document(graph):
    data = graph.get_edge_data(iri(f"doc/{CITY}"), iri(WATER), key="mentions")
    assert [s["doc"] for s in data["sources"]] == [CITY]
    assert data["sources"][0]["quote"] == "水污染防治法"


def test_doc_id_keeps_only_what_that_named_graph_states():
    g = to_networkx(fixture_store(), doc_id=CITY)
    assert g.number_of_nodes() > 0
    assert all(d["docs"] == [CITY] for _, d in g.nodes(data=True))
    assert all(s["doc"] == CITY for _, d in g.nodes(data=True) for s in d["sources"])
    assert iri(FOOD) not in g  # inspected in the district document only


def test_doc_subgraph_of_the_projection_equals_projecting_one_document(graph):
    for doc in (DEMO, CITY, EVIL):
        direct = to_networkx(fixture_store(), doc_id=doc)
        derived = doc_subgraph(graph, doc)
        assert dict(direct.nodes(data=True)) == dict(derived.nodes(data=True))
        assert sorted(direct.edges(keys=True)) == sorted(derived.edges(keys=True))


def test_projection_of_the_rdf_builder_output(store):
    """The conftest store comes from kg.rdf.build: the projection reads the real model."""
    g = to_networkx(store)
    by_label = {d["label"]: d for _, d in g.nodes(data=True)}
    inspection = by_label["执法检查·中华人民共和国水污染防治法"]
    assert (inspection["family"], inspection["status"], inspection["year"]) == (
        "OversightActivity", "completed", 2023)
    research = by_label["调研·关于加强基层治理的意见"]
    assert (research["cls"], research["status"]) == ("Research", "planned")
    assert by_label["中华人民共和国水污染防治法"]["sources"][0]["quote"] == "《中华人民共和国水污染防治法》"
    # A document with no facts is still a node.
    assert by_label["会议纪要"]["family"] == "Document"


def test_empty_store_projects_to_empty_graph():
    assert to_networkx(pyoxigraph.Store()).number_of_nodes() == 0


def test_graphml_export_reads_back_with_chinese_and_markup_intact(tmp_path, graph):
    out = tmp_path / "g.graphml"
    assert export_network(fixture_store(), "graphml", out) == [out]
    back = nx.read_graphml(out)
    assert set(back) == set(graph)
    assert back.nodes[iri(EVIL_LAW)]["label"] == HOSTILE
    assert back.nodes[iri(WATER)]["docs"] == f"{DEMO};{CITY}"
    assert json.loads(back.nodes[iri(WATER)]["sources"]) == graph.nodes[iri(WATER)]["sources"]
    assert back.number_of_edges() == graph.number_of_edges()


def test_gexf_export_reads_back(tmp_path, graph):
    out = tmp_path / "g.gexf"
    export_network(fixture_store(), "gexf", out)
    back = nx.read_gexf(out)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert "中华人民共和国水污染防治法" in {d.get("label") for _, d in back.nodes(data=True)}


def test_csv_export_writes_nodes_and_edges_with_headers(tmp_path, graph):
    paths = export_network(fixture_store(), "csv", tmp_path / "net")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    with paths[0].open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with paths[1].open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == graph.number_of_nodes()
    assert len(edges) == graph.number_of_edges()
    row = next(r for r in nodes if r["id"] == iri(EVIL_LAW))
    assert row["label"] == HOSTILE
    assert {r["predicate"] for r in edges} >= {"inspectsLaw", "mentions"}


def test_flat_graph_turns_lists_and_sources_into_strings(graph):
    flat = flat_graph(graph)
    assert all(isinstance(v, (str, int, float, bool)) for _, d in flat.nodes(data=True) for v in d.values())
    assert all(isinstance(v, (str, int, float, bool)) for *_, d in flat.edges(keys=True, data=True)
               for v in d.values())


def test_export_rejects_an_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="graphml"):
        export_network(fixture_store(), "dot", tmp_path / "x.dot")


def test_fixture_entities_are_all_reachable():
    """Guard on the fixture itself: every declared entity is used by some document."""
    assert {iri(p) for p in ENTITIES} == _expected_entities()
