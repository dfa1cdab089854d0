"""Rankings over the projection: degree, PageRank, communities, initiatives, laws, formulas."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from kg.analyze import analyze, analyze_graph, format_analysis, initiative_links
from kg.project import to_networkx
from viz_fixtures import DAY, FOUR, HOSTILE, TWO, WATER, fixture_store, iri


@pytest.fixture(scope="module")
def graph():
    return to_networkx(fixture_store())


@pytest.fixture(scope="module")
def result(graph):
    return analyze_graph(graph, top=50)


def test_laws_inspected_counts_every_activity_with_inspects_law_split_by_status(result):
    rows = {r["label"]: r for r in result["laws_inspected"]}
    water = rows["中华人民共和国水污染防治法"]
    # One LawEnforcementInspection and one Research (调研) of the law: both count.
    assert (water["inspections"], water["completed"], water["planned"], water["documents"]) == (2, 2, 0, 2)
    food = rows["中华人民共和国食品安全法"]
    assert (food["inspections"], food["completed"], food["planned"]) == (1, 0, 1)
    assert result["laws_inspected"][0]["label"] == "中华人民共和国水污染防治法"
    assert rows[HOSTILE]["inspections"] == 1


def test_formulas_ranked_by_number_of_documents(result):
    assert [(r["label"], r["documents"]) for r in result["formulas"]] == [("两个确立", 2), ("四个意识", 1)]
    assert result["formulas"][0]["iri"] == iri(TWO)
    assert result["formulas"][1]["iri"] == iri(FOUR)


def test_degree_ranking_lists_entities_not_documents_in_order(result, graph):
    rows = result["degree"]
    assert all(r["family"] != "Document" for r in rows)
    assert [r["degree"] for r in rows] == sorted((r["degree"] for r in rows), reverse=True)
    water = next(r for r in rows if r["iri"] == iri(WATER))
    # Two documents mention it, two activities inspect it: four distinct neighbours.
    assert water["degree"] == 4
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


def test_top_limits_every_table(graph):
    small = analyze_graph(graph, top=2)
    assert all(len(rows) <= 2 for rows in small.values())
    assert len(small["degree"]) == 2


def _entity_graph(edges) -> nx.MultiDiGraph:
    """A projection-shaped graph of organs only (no documents), from plain edges."""
    g = nx.MultiDiGraph()
    for a, b in edges:
        for n in (a, b):
            g.add_node(n, label=f"n{n}", family="Organ", cls="Government", docs=[], sources=[])
        g.add_edge(a, b, key="subOrganizationOf")
    return g


def test_pagerank_sums_to_one_and_ranks_the_hub_first():
    star = [(0, i) for i in range(1, 6)] + [(6, 7)]
    rows = analyze_graph(_entity_graph(star), top=50)["pagerank"]
    assert len(rows) == 8
    assert sum(r["pagerank"] for r in rows) == pytest.approx(1, abs=1e-5)
    assert rows[0]["label"] == "n0"
    score = {r["label"]: r["pagerank"] for r in rows}
    assert score["n6"] == pytest.approx(score["n7"])
    assert all(score["n0"] > score[f"n{i}"] for i in range(1, 8))


def test_pagerank_counts_parallel_edges_as_weight():
    # b–c twice, a–c once: c's weight to b is double, so b outranks a.
    rows = analyze_graph(_entity_graph([("a", "c"), ("b", "c"), ("c", "b")]), top=50)["pagerank"]
    assert [r["label"] for r in rows] == ["nc", "nb", "na"]


def test_pagerank_is_the_same_on_every_run(graph):
    assert analyze_graph(graph, top=50)["pagerank"] == analyze_graph(graph, top=50)["pagerank"]


def test_pagerank_table_is_sorted_and_excludes_documents(result):
    values = [r["pagerank"] for r in result["pagerank"]]
    assert values == sorted(values, reverse=True)
    assert all(r["family"] != "Document" for r in result["pagerank"])


def test_communities_are_deterministic_and_cover_connected_nodes(graph):
    first = analyze_graph(graph, top=50)["communities"]
    second = analyze_graph(to_networkx(fixture_store()), top=50)["communities"]
    assert first == second
    assert sum(c["size"] for c in first) == graph.number_of_nodes()
    assert all(c["size"] > 1 for c in first)
    # The hostile document shares nothing with the others: it is a community of its own.
    assert any(HOSTILE in c["members"] and "两个确立" not in c["members"] for c in first)


def test_initiative_links_join_activities_inspecting_the_same_law(graph):
    links = initiative_links(graph)
    labels = {(graph.nodes[e["source"]]["label"], graph.nodes[e["target"]]["label"]): e for e in links}
    pair = {"执法检查·中华人民共和国水污染防治法", "调研·中华人民共和国水污染防治法"}
    found = [e for (a, b), e in labels.items() if {a, b} == pair]
    assert len(found) == 1
    assert found[0]["via"] == ["中华人民共和国水污染防治法"]
    assert found[0]["weight"] == 1


def test_an_activity_links_to_the_programme_it_realises(graph):
    links = initiative_links(graph)
    assert any(iri(DAY) in (e["source"], e["target"]) and "代表的一天" in e["via"] for e in links)


def test_topic_keywords_add_links_and_weight(graph):
    def fake_keywords(text, k):
        return ["数字经济"] if "数字经济" in text else []

    without = {(e["source"], e["target"]): e for e in initiative_links(graph)}
    with_kw = initiative_links(graph, keywords=fake_keywords)
    kw = [e for e in with_kw if "数字经济" in e["via"]]
    # 听取和审议·数字经济发展情况 and 视察·城市数字经济发展情况 share nothing else.
    assert len(kw) == 1
    assert (kw[0]["source"], kw[0]["target"]) not in without


def test_things_shared_by_too_many_initiatives_are_skipped(graph):
    assert initiative_links(graph, max_share=1) == []


def test_per_node_keeps_only_the_strongest_links(graph):
    every = initiative_links(graph, per_node=None)
    few = initiative_links(graph, per_node=1)
    assert 0 < len(few) < len(every)
    assert few[0] == every[0]


def test_initiatives_ranking_counts_linked_initiatives(result):
    rows = {r["label"]: r for r in result["initiatives"]}
    water = rows["执法检查·中华人民共和国水污染防治法"]
    assert water["linked"] >= 1
    assert "中华人民共和国水污染防治法" in water["via"]


def test_analyze_reads_the_store():
    out = analyze(fixture_store(), top=3)
    assert sorted(out) == ["communities", "degree", "formulas", "initiatives", "laws_inspected", "pagerank"]
    assert out["laws_inspected"][0]["iri"] == iri(WATER)


def test_json_format_keeps_chinese_unescaped(result):
    text = format_analysis(result, "json")
    assert "两个确立" in text and "\\u" not in text
    assert json.loads(text) == result


def test_csv_format_gives_one_parsable_block_per_table(result):
    blocks = format_analysis(result, "csv").strip("\n").split("\n\n")
    assert len(blocks) == len(result)
    for block, (name, rows) in zip(blocks, result.items()):
        parsed = list(csv.DictReader(io.StringIO(block)))
        assert len(parsed) == len(rows)
        assert all(r["table"] == name for r in parsed)
    laws = list(csv.DictReader(io.StringIO(blocks[list(result).index("laws_inspected")])))
    assert laws[0]["label"] == "中华人民共和国水污染防治法" and laws[0]["completed"] == "2"


def test_table_format_renders_titles_and_labels(result):
    text = format_analysis(result, "table")
    for name in result:
        assert name in text
    assert "中华人民共和国食品安全法" in text
    assert "\x1b[" not in text  # plain text, no terminal colour codes


def test_unknown_format_is_an_error(result):
    with pytest.raises(ValueError, match="table"):
        format_analysis(result, "xml")

