"""kg.query and kg/queries/*.rq: named queries on the fixture store."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import random

import pyoxigraph
import pytest
from pyoxigraph import Literal, NamedNode

from conftest import make_demo_doc
from kg.query import QueryError, QueryResult, format_result, named_queries, query_columns, run, to_term
from kg.rdf.build import doc_quads
from kg.records import Entity, Mention
from kg.store import open_store, serialize

# docs/ARCHITECTURE.md "Named queries", plus documents (lists every document).
COLUMNS = {
    "laws-inspected": ["docId", "law", "written", "canonical", "lawClass", "status", "by", "year",
                       "quote", "start", "end", "rule", "activity"],
    "laws-mentioned": ["docId", "law", "label", "lawClass", "inspected"],
    "reports-heard": ["docId", "topic", "from", "status", "year", "quote", "start", "end", "rule",
                      "activity"],
    "activities": ["docId", "activity", "class", "topic", "status", "by", "quote", "rule"],
    "institutions": ["docId", "organ", "label", "class", "jurisdiction"],
    "slogans": ["docId", "formula", "label"],
    "programmes": ["docId", "programme", "label", "kind", "activities"],
    "numbers": ["docId", "what", "value", "unit", "approximate", "quote", "start", "end", "rule"],
    "initiative-links": ["source", "sourceLabel", "target", "targetLabel", "via", "viaLabel", "weight"],
    "documents": ["docId", "document", "title", "sourceFile", "charCount", "jurisdiction"],
}
D = "https://w3id.org/renda-kg/id/"


def pick(result, *cols):
    idx = [result.columns.index(c) for c in cols]
    return [tuple(row[i] for i in idx) for row in result.rows]


def test_every_named_query_is_shipped():
    assert sorted(named_queries()) == sorted(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_each_query_file_opens_with_a_documenting_comment(name):
    text = named_queries()[name]
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert header[0].startswith(f"# {name}: ")
    assert any(line.startswith("# Parameters: docId") for line in header)
    assert any(line.startswith(f"# Example: kg query {name}") for line in header)
    assert query_columns(text) == COLUMNS[name]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_each_query_returns_its_documented_columns(store, name):
    assert run(store, name=name).columns == COLUMNS[name]


@pytest.mark.parametrize("name, cols, expected", [
    ("laws-inspected", ("docId", "law", "written", "canonical", "lawClass", "status", "by", "year"), [
        ("004_demo", D + "law/中华人民共和国水污染防治法", "中华人民共和国水污染防治法",
         "中华人民共和国水污染防治法", "NationalLaw", "completed", "区人大常委会", 2023),
        ("006_policy", D + "law/某区/关于加强基层治理的意见", "关于加强基层治理的意见",
         "关于加强基层治理的意见", "PolicyDocument", "planned", "区人大常委会", 2022),
    ]),
    ("laws-inspected", ("quote", "start", "end", "rule"), [
        ("《中华人民共和国水污染防治法》贯彻实施情况开展执法检查", 46, 73, "activities.inspection.enforcement"),
        ("《关于加强基层治理的意见》的贯彻落实情况开展调研", 9, 33, "activities.research.law"),
    ]),
    ("laws-mentioned", ("docId", "label", "lawClass", "inspected"), [
        ("004_demo", "中华人民共和国水污染防治法", "NationalLaw", True),
        ("006_policy", "关于加强基层治理的意见", "PolicyDocument", True),
        ("006_policy", "某某条例", "LocalRegulation", False),
    ]),
    ("reports-heard", ("docId", "topic", "from", "status", "year", "quote", "rule"), [
        ("004_demo", "数字经济发展情况", "区政府", "planned", 2024, "听取和审议区政府关于数字经济发展情况的报告",
         "activities.report.hear"),
    ]),
    ("activities", ("docId", "class", "topic", "status", "by"), [
        ("004_demo", "LawEnforcementInspection", "中华人民共和国水污染防治法", "completed", "区人大常委会"),
        ("004_demo", "ReportDeliberation", "数字经济发展情况", "planned", "区人大常委会"),
        ("006_policy", "Research", "关于加强基层治理的意见", "planned", "区人大常委会"),
    ]),
    ("institutions", ("docId", "label", "class", "jurisdiction"), [
        ("004_demo", "代表联络站", "LiaisonStation", "doc-004_demo"),
        ("004_demo", "区人大常委会", "StandingCommittee", "doc-004_demo"),
        ("004_demo", "区政府", "Government", "doc-004_demo"),
        ("006_policy", "区十三届人大常委会第二十三次会议", "Sitting", "某区"),
    ]),
    ("slogans", ("docId", "formula", "label"), [("004_demo", D + "formula/两个确立", "两个确立")]),
    ("programmes", ("docId", "label", "kind", "activities"), [("004_demo", "代表的一天", "活动", 1)]),
    ("numbers", ("docId", "what", "value", "unit", "approximate", "quote"), [
        ("004_demo", "代表联络站", 84, "个", False, "84个代表联络站"),
        ("006_policy", "接待群众", 100, "人次", True, "100余人次"),
    ]),
    ("initiative-links", ("sourceLabel", "targetLabel", "viaLabel", "weight"), [
        ("数字经济发展情况", "代表的一天", "区政府", 2),
        ("数字经济发展情况", "代表的一天", "代表的一天", 2),
    ]),
    ("documents", ("docId", "title", "charCount", "jurisdiction"), [
        ("004_demo", "**区人大常委会2023年工作报告", 135, "doc-004_demo"),
        ("005_plain", "会议纪要", 13, "某市"),
        ("006_policy", None, 74, "某区"),
    ]),
])
def test_named_query_rows_on_the_fixture_store(store, name, cols, expected):
    assert pick(run(store, name=name), *cols) == expected


def test_initiative_links_leave_out_the_own_congress(store):
    # both activities of 004_demo are conducted by its own standing committee, and the
    # inspection shares nothing else with the report or the programme
    rows = run(store, name="initiative-links").records()
    assert all("LawEnforcementInspection" not in r["source"] + r["target"] for r in rows)
    assert all(not r["via"].endswith("区人大常委会") for r in rows)


def test_initiative_links_share_a_formula_in_the_same_sentence():
    rd = make_demo_doc()
    text = rd.facts.doc.text
    formula = next(m for m in rd.facts.mentions if m.kind == "formula")
    # a programme named in the inspection's sentence, beside the formula 两个确立
    start = text.index("两个确立")
    prog = Mention("programme", start, start + 4, "两个确立", "坚持两个确立", "test", formula.sentence)
    entities = dict(rd.entities)
    entities[prog] = Entity("programme/坚持两个确立", "Programme", "坚持两个确立")
    facts = type(rd.facts)(rd.facts.doc, rd.facts.sections, rd.facts.sentences,
                           (*rd.facts.mentions, prog), rd.facts.events, rd.facts.counts)
    st = pyoxigraph.Store()
    st.extend(doc_quads(type(rd)(facts, rd.jurisdiction, rd.own_congress, entities)))
    rows = pick(run(st, name="initiative-links"), "sourceLabel", "targetLabel", "viaLabel", "weight")
    assert ("中华人民共和国水污染防治法", "坚持两个确立", "两个确立", 2) in rows
    assert ("中华人民共和国水污染防治法", "坚持两个确立", "中华人民共和国水污染防治法", 2) in rows


@pytest.mark.parametrize("name", sorted(COLUMNS))
@pytest.mark.parametrize("doc_id", ["004_demo", "006_policy", "005_plain"])
def test_doc_id_parameter_filters_every_query(store, name, doc_id):
    bound = run(store, name=name, params={"docId": doc_id})
    everything = run(store, name=name)
    if "docId" in bound.columns:
        assert {r["docId"] for r in bound.records()} <= {doc_id}
        assert len(bound.rows) == sum(1 for r in everything.records() if r["docId"] == doc_id)
    else:
        assert len(bound.rows) <= len(everything.rows)


@pytest.mark.parametrize("value", [
    '004_demo" } UNION { ?s ?p ?o',
    "004_demo' } UNION { ?s ?p ?o } #",
    '" . ?activity ?p ?o . "',
    "004_demo\\",
    "} UNION {",
])
@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_a_hostile_parameter_is_only_data(store, name, value):
    assert run(store, name=name, params={"docId": value}).rows == []


@pytest.mark.parametrize("value, term", [
    ("004_340c9bf7fb73703f", Literal("004_340c9bf7fb73703f")),
    ("2023", Literal("2023", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ("-7", Literal("-7", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ('"2023"', Literal("2023")),
    ("<https://w3id.org/renda-kg/id/law/宪法>", NamedNode("https://w3id.org/renda-kg/id/law/宪法")),
    ("https://schema.org/CompletedActionStatus", NamedNode("https://schema.org/CompletedActionStatus")),
    ("rk:Document", NamedNode("https://w3id.org/renda-kg/ns#Document")),
    ("nope:thing", Literal("nope:thing")),
    ("true", Literal("true", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))),
    ("区人大常委会", Literal("区人大常委会")),
])
def test_parameter_values_map_to_rdf_terms(value, term):
    assert to_term(value) == term


@pytest.mark.parametrize("name, params, column, values", [
    ("laws-inspected", {"status": "planned"}, "docId", ["006_policy"]),
    ("activities", {"status": "completed"}, "class", ["LawEnforcementInspection"]),
    ("laws-mentioned", {"inspected": "false"}, "label", ["某某条例"]),
])
def test_a_computed_column_can_be_bound_as_a_filter(store, name, params, column, values):
    assert [r[column] for r in run(store, name=name, params=params).records()] == values


def test_an_iri_parameter_binds_an_entity(store):
    result = run(store, sparql="SELECT ?law ?label WHERE { ?law rdfs:label ?label }",
                 params={"law": "rkd:law/中华人民共和国水污染防治法"})
    assert {r[1] for r in result.rows} == {"中华人民共和国水污染防治法"}


def test_unknown_query_name_lists_the_known_ones(store):
    with pytest.raises(QueryError) as info:
        run(store, name="laws")
    assert "unknown query 'laws'" in str(info.value)
    for name in COLUMNS:
        assert name in str(info.value)


def test_sparql_syntax_error_carries_the_parser_message(store):
    with pytest.raises(QueryError, match=r"SPARQL syntax error: error at 1:\d+"):
        run(store, sparql="SELECT ?x WHERE { ?x ?y }")


@pytest.mark.parametrize("params, message", [
    ({"notThere": "1"}, "'notThere' is not a parameter of this query"),
    ({"bad name": "1"}, "is not a SPARQL variable name"),
])
def test_bad_parameters_are_query_errors(store, params, message):
    with pytest.raises(QueryError, match=message):
        run(store, name="slogans", params=params)


def test_name_and_sparql_are_exclusive(store):
    with pytest.raises(QueryError):
        run(store, name="slogans", sparql="ASK {}")
    with pytest.raises(QueryError):
        run(store)


@pytest.mark.parametrize("sparql, columns, rows", [
    ("ASK { ?d a rk:Document }", ["result"], [[True]]),
    ("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a rk:Document }", ["n"], [[3]]),
    ("CONSTRUCT { ?d a rk:Document } WHERE { ?d dcterms:identifier \"005_plain\" }",
     ["subject", "predicate", "object"],
     [[D + "doc/005_plain", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
       "https://w3id.org/renda-kg/ns#Document"]]),
])
def test_ad_hoc_sparql_sees_all_graphs_with_default_prefixes(store, sparql, columns, rows):
    result = run(store, sparql=sparql)
    assert (result.columns, result.rows) == (columns, rows)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_rows_do_not_depend_on_insertion_order(quads, name):
    shuffled = list(quads)
    random.Random(3).shuffle(shuffled)
    a, b = pyoxigraph.Store(), pyoxigraph.Store()
    a.extend(quads)
    b.extend(shuffled)
    assert run(a, name=name) == run(b, name=name)


@pytest.fixture
def numbers(store):
    return run(store, name="numbers")


def test_format_json_is_a_list_of_objects_with_chinese_intact(numbers):
    text = format_result(numbers, "json")
    assert "代表联络站" in text
    assert json.loads(text) == numbers.records()


def test_format_jsonl_is_one_object_per_line(numbers):
    lines = format_result(numbers, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == numbers.records()


def test_format_csv_has_a_header_and_empty_cells_for_none(numbers):
    rows = list(csv.reader(io.StringIO(format_result(numbers, "csv"))))
    assert rows[0] == numbers.columns
    assert rows[1][:5] == ["004_demo", "代表联络站", "84", "个", "false"]


def test_format_table_shows_headers_and_values(numbers):
    text = format_result(numbers, "table", width=200)
    assert "docId" in text and "接待群众" in text and "100余人次" in text


def test_unknown_format_is_a_query_error(numbers):
    with pytest.raises(QueryError, match="unknown format"):
        format_result(numbers, "xml")


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq"])
def test_named_queries_give_the_same_rows_on_graph_files(tmp_path, quads, store, fmt):
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(serialize(quads, fmt))
    from_file = open_store(path)
    for name in COLUMNS:
        assert run(from_file, name=name) == run(store, name=name), name


def test_shared_entities_do_not_repeat_rows(quads):
    # the same law described in two documents' graphs must still give one row per doc
    rd = make_demo_doc()
    twin = dataclasses.replace(rd, facts=dataclasses.replace(
        rd.facts, doc=dataclasses.replace(rd.facts.doc, id="007_twin")))
    st = pyoxigraph.Store()
    st.extend([*doc_quads(rd), *doc_quads(twin)])
    rows = pick(run(st, name="laws-inspected"), "docId", "law")
    assert rows == [("004_demo", D + "law/中华人民共和国水污染防治法"),
                    ("007_twin", D + "law/中华人民共和国水污染防治法")]
    links = run(st, name="initiative-links").records()
    assert len(links) == 4 and {r["weight"] for r in links} == {2}


def test_format_table_wraps_long_cells_instead_of_cutting_them():
    long = "关于" + "加强生态环境保护" * 12 + "的决议"
    result = QueryResult(["docId", "topic"], [["d1", long]])
    text = format_result(result, "table", width=40)
    assert "…" not in text
    assert "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff") == "".join(
        ch for ch in long if "\u4e00" <= ch <= "\u9fff")


def test_format_table_shortens_iris_to_prefixed_names_and_other_formats_do_not(store):
    result = run(store, name="laws-inspected")
    table = format_result(result, "table", width=400)
    assert "rkd:law/中华人民共和国水污染防治法" in table and D not in table
    assert D + "law/中华人民共和国水污染防治法" in format_result(result, "csv")
    assert to_term("rkd:law/中华人民共和国水污染防治法").value == D + "law/中华人民共和国水污染防治法"
