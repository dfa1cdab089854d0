"""kg.rdf.build: records to quads (IRIs, graph model, provenance)."""
from __future__ import annotations

import dataclasses

import pyoxigraph
import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from conftest import (
    DOC_ID,
    make_demo_doc,
    make_plain_doc,
    make_policy_doc,
)
from kg.rdf.build import doc_quads, provenance_quads
from kg.rdf.namespace import RK, RKD, XSD
from kg.records import Entity

D = str(RKD)
RKNS = str(RK._NS)
TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def rk(name: str) -> NamedNode:
    return NamedNode(RKNS + name)


def rkd(path: str) -> NamedNode:
    return NamedNode(D + path)


def objects(quads, subject, predicate):
    return {q.object for q in quads if q.subject == subject and q.predicate == predicate}


def subjects_of_type(quads, cls):
    return {q.subject for q in quads if q.predicate == TYPE and q.object == cls}


@pytest.fixture
def demo_quads():
    return doc_quads(make_demo_doc())


def test_same_records_give_the_same_quads_twice():
    first = [str(q) for q in doc_quads(make_demo_doc())]
    second = [str(q) for q in doc_quads(make_demo_doc())]
    assert first == second


def test_quads_are_sorted_and_unique(demo_quads):
    keys = [(str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)) for q in demo_quads]
    assert keys == sorted(set(keys))


def test_every_quad_sits_in_the_documents_named_graph(demo_quads):
    assert {q.graph_name for q in demo_quads} == {rkd(f"graph/{DOC_ID}")}


def test_no_blank_nodes_anywhere(quads):
    for q in quads:
        assert not any(isinstance(t, BlankNode) for t in (q.subject, q.object, q.graph_name))


@pytest.mark.parametrize("path", [
    f"doc/{DOC_ID}",
    f"doc/{DOC_ID}/s/2",
    f"doc/{DOC_ID}/m/46-61/中华人民共和国水污染防治法",
    f"doc/{DOC_ID}/act/46-73/LawEnforcementInspection/中华人民共和国水污染防治法",
    f"doc/{DOC_ID}/act/100-121/ReportDeliberation/数字经济发展情况",
    f"doc/{DOC_ID}/count/78-86/个",
    "law/中华人民共和国水污染防治法",
    "organ/doc-004_demo/区政府",
    "formula/两个确立",
    "programme/代表的一天",
    "place/doc-004_demo",
])
def test_readable_iris_follow_the_architecture_table(demo_quads, path):
    assert rkd(path) in {q.subject for q in demo_quads}


def test_iris_carry_no_raw_surface_punctuation(quads):
    for q in quads:
        for term in (q.subject, q.object):
            if isinstance(term, NamedNode):
                assert not any(ch in term.value for ch in "《》“”\" \n")


def test_law_mention_iri_uses_the_label_not_the_surface(demo_quads):
    # the surface is 《中华人民共和国水污染防治法》, the label has no marks
    mention = rkd(f"doc/{DOC_ID}/m/46-61/中华人民共和国水污染防治法")
    assert objects(demo_quads, mention, NamedNode("http://www.w3.org/ns/oa#exact")) == {
        Literal("《中华人民共和国水污染防治法》", language="zh")}


@pytest.mark.parametrize("path, cls, family", [
    ("law/中华人民共和国水污染防治法", "NationalLaw", "LegalInstrument"),
    ("organ/doc-004_demo/区政府", "Government", "Organ"),
    ("organ/doc-004_demo/代表联络站", "LiaisonStation", "Organ"),
    ("formula/两个确立", "PoliticalFormula", "PoliticalFormula"),
    ("programme/代表的一天", "Programme", "Programme"),
    (f"doc/{DOC_ID}/act/46-73/LawEnforcementInspection/中华人民共和国水污染防治法",
     "LawEnforcementInspection", "OversightActivity"),
])
def test_entities_get_specific_and_family_class(demo_quads, path, cls, family):
    assert {rk(cls), rk(family)} <= objects(demo_quads, rkd(path), TYPE)


def test_formula_is_a_skos_concept_in_the_formula_scheme(demo_quads):
    node = rkd("formula/两个确立")
    assert NamedNode("http://www.w3.org/2004/02/skos/core#Concept") in objects(demo_quads, node, TYPE)
    assert objects(demo_quads, node, NamedNode("http://www.w3.org/2004/02/skos/core#inScheme")) == {
        rkd("scheme/formulas")}


def test_sitting_is_described_as_a_sitting_not_an_organ():
    qs = doc_quads(make_policy_doc())
    node = rkd("organ/某区/区十三届人大常委会第二十三次会议")
    assert objects(qs, node, TYPE) == {rk("Sitting")}


@pytest.mark.parametrize("path, prop, expected", [
    ("law/中华人民共和国水污染防治法", "versionDate", Literal("2017-06-27", datatype=NamedNode(str(XSD.date)))),
    ("law/中华人民共和国水污染防治法", "isDraft", Literal("false", datatype=NamedNode(str(XSD.boolean)))),
    ("law/中华人民共和国水污染防治法", "registryLevel", Literal("法律")),
    ("law/中华人民共和国水污染防治法", "shortName", Literal("水污染防治法")),
    ("programme/代表的一天", "programmeKind", Literal("活动")),
    ("organ/doc-004_demo/区政府", "jurisdiction", rkd("place/doc-004_demo")),
])
def test_entity_props_become_typed_rk_properties(demo_quads, path, prop, expected):
    assert objects(demo_quads, rkd(path), rk(prop)) == {expected}


def test_sub_organization_prop_links_to_the_parent_iri(demo_quads):
    assert objects(demo_quads, rkd("organ/doc-004_demo/区政府"),
                   NamedNode("http://www.w3.org/ns/org#subOrganizationOf")) == {rkd("organ/doc-004_demo/区委")}


def test_labels_are_tagged_zh(demo_quads):
    assert objects(demo_quads, rkd("organ/doc-004_demo/区政府"),
                   NamedNode("http://www.w3.org/2000/01/rdf-schema#label")) == {Literal("区政府", language="zh")}


def test_an_undeclared_entity_property_is_refused():
    rd = make_demo_doc()
    bad = Entity("formula/两个确立", "PoliticalFormula", "两个确立", (("notAnOntologyTerm", "x"),))
    entities = {m: (bad if e.path == "formula/两个确立" else e) for m, e in rd.entities.items()}
    with pytest.raises(AttributeError):
        doc_quads(dataclasses.replace(rd, entities=entities))


def test_unresolved_mentions_get_no_node(demo_quads):
    # "**区人大常委会" in the title line was left unresolved in the fixture
    assert not [q for q in demo_quads if "/m/0-" in q.subject.value]


def _text_of(rd):
    return rd.facts.doc.text


@pytest.mark.parametrize("make", [make_demo_doc, make_policy_doc])
def test_every_mention_offsets_point_at_its_exact_quote(make):
    rd = make()
    qs = doc_quads(rd)
    exact, start, end = (NamedNode(f"http://www.w3.org/ns/oa#{p}") for p in ("exact", "start", "end"))
    mentions = subjects_of_type(qs, rk("Mention"))
    assert mentions
    for m in mentions:
        (s,), (e,), (x,) = objects(qs, m, start), objects(qs, m, end), objects(qs, m, exact)
        assert _text_of(rd)[int(s.value):int(e.value)] == x.value


@pytest.mark.parametrize("make", [make_demo_doc, make_policy_doc])
def test_every_activity_and_count_derives_from_a_mention_with_its_rule(make):
    rd = make()
    qs = doc_quads(rd)
    derived = NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    rules = {r.rule for r in (*rd.facts.events, *rd.facts.counts)}
    nodes = subjects_of_type(qs, rk("OversightActivity")) | subjects_of_type(qs, rk("Count"))
    assert len(nodes) == len(rd.facts.events) + len(rd.facts.counts)
    for node in nodes:
        (evidence,) = objects(qs, node, derived)
        assert rk("Mention") in objects(qs, evidence, TYPE)
        (rule,) = objects(qs, evidence, rk("rule"))
        assert rule.value in rules
        assert objects(qs, evidence, rk("sentence"))


def test_activity_without_named_agent_is_conducted_by_own_congress(demo_quads):
    report = rkd(f"doc/{DOC_ID}/act/100-121/ReportDeliberation/数字经济发展情况")
    own = rkd("organ/doc-004_demo/区人大常委会")
    assert objects(demo_quads, report, rk("conductedBy")) == {own}
    assert rk("StandingCommittee") in objects(demo_quads, own, TYPE)


def test_own_congress_is_described_even_when_never_mentioned():
    qs = doc_quads(make_policy_doc())
    own = rkd("organ/某区/区人大常委会")
    assert rk("StandingCommittee") in objects(qs, own, TYPE)
    assert objects(qs, own, rk("jurisdiction")) == {rkd("place/某区")}


@pytest.mark.parametrize("act, status", [
    ("act/46-73/LawEnforcementInspection/中华人民共和国水污染防治法", "CompletedActionStatus"),
    ("act/100-121/ReportDeliberation/数字经济发展情况", "PotentialActionStatus"),
])
def test_status_maps_to_schema_action_status(demo_quads, act, status):
    assert objects(demo_quads, rkd(f"doc/{DOC_ID}/{act}"), NamedNode("https://schema.org/actionStatus")) == {
        NamedNode(f"https://schema.org/{status}")}


def test_inspection_links_law_and_its_mention(demo_quads):
    act = rkd(f"doc/{DOC_ID}/act/46-73/LawEnforcementInspection/中华人民共和国水污染防治法")
    assert objects(demo_quads, act, rk("inspectsLaw")) == {rkd("law/中华人民共和国水污染防治法")}
    assert objects(demo_quads, act, rk("lawMention")) == {
        rkd(f"doc/{DOC_ID}/m/46-61/中华人民共和国水污染防治法")}


def test_report_links_reporter_programme_topic_and_year(demo_quads):
    act = rkd(f"doc/{DOC_ID}/act/100-121/ReportDeliberation/数字经济发展情况")
    assert objects(demo_quads, act, rk("reportedBy")) == {rkd("organ/doc-004_demo/区政府")}
    assert objects(demo_quads, act, rk("realises")) == {rkd("programme/代表的一天")}
    assert objects(demo_quads, act, rk("topic")) == {Literal("数字经济发展情况", language="zh")}
    assert objects(demo_quads, act, rk("year")) == {Literal("2024", datatype=NamedNode(str(XSD.gYear)))}


@pytest.mark.parametrize("value, lexical", [(84.0, "84"), (2.5, "2.5"), (0.0001, "0.0001"),
                                            (1e16, "10000000000000000")])
def test_count_value_is_an_xsd_decimal_without_exponent(value, lexical):
    rd = make_demo_doc()
    count = dataclasses.replace(rd.facts.counts[0], value=value)
    rd = dataclasses.replace(rd, facts=dataclasses.replace(rd.facts, counts=(count,)))
    qs = doc_quads(rd)
    (node,) = subjects_of_type(qs, rk("Count"))
    assert objects(qs, node, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#value")) == {
        Literal(lexical, datatype=NamedNode(str(XSD.decimal)))}


@pytest.mark.parametrize("modality_sentence, expected", [(2, "completed"), (5, "planned")])
def test_sentence_modality_falls_back_to_its_section(demo_quads, modality_sentence, expected):
    node = rkd(f"doc/{DOC_ID}/s/{modality_sentence}")
    assert objects(demo_quads, node, rk("modality")) == {Literal(expected)}


def test_document_node_carries_id_years_and_jurisdiction(demo_quads):
    doc = rkd(f"doc/{DOC_ID}")
    assert objects(demo_quads, doc, NamedNode("http://purl.org/dc/terms/identifier")) == {Literal(DOC_ID)}
    assert {y.value for y in objects(demo_quads, doc, rk("year"))} == {"2023", "2024"}
    assert objects(demo_quads, doc, rk("jurisdiction")) == {rkd("place/doc-004_demo")}


def test_provenance_graph_links_each_graph_to_its_document_and_the_build():
    rds = [make_demo_doc(), make_plain_doc()]
    qs = provenance_quads(rds, version="9.9")
    assert {q.graph_name for q in qs} == {rkd("graph/provenance")}
    derived = NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    for rd in rds:
        key = rd.facts.doc.id
        assert objects(qs, rkd(f"graph/{key}"), derived) == {rkd(f"doc/{key}")}
    assert objects(qs, rkd("build"), rk("softwareVersion")) == {Literal("9.9")}
    assert qs == provenance_quads(list(reversed(rds)), version="9.9")


def test_quads_load_into_oxigraph(quads):
    store = pyoxigraph.Store()
    store.extend(quads)
    assert len(store) == len(set(quads))


def test_lines_are_the_n_quads_of_the_quads(resolved_docs):
    from pyoxigraph import RdfFormat, serialize

    from kg.rdf.build import doc_quads_with_lines

    for rd in resolved_docs:
        qs, lines = doc_quads_with_lines(rd)
        assert qs == doc_quads(rd) and lines == sorted(set(lines))
        assert [serialize([q], format=RdfFormat.N_QUADS).decode().rstrip("\n") for q in qs] == lines
