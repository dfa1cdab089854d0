"""SHACL validation: a hand-made graph that follows docs/ARCHITECTURE.md conforms, and each
way of breaking the contract is reported by the shape that guards it."""
import hashlib
from collections.abc import Callable

import pyoxigraph
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.rdf.namespace import (
    DCTERMS,
    FORMULA_SCHEME,
    OA,
    PROV,
    RDF,
    RDFS,
    RK,
    RKD,
    SCHEMA,
    SH,
    SKOS,
    XSD,
    ontology_path,
)
from kg.rdf.shacl import ValidationResult, Violation, load_union, validate

# rdflib 7.6's own TriG/N-Quads serializers call its deprecated Dataset API.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")

GRAPH = RKD["graph/d1"]
PROV_GRAPH = RKD["graph/provenance"]
DOC = RKD["doc/d1"]
PLACE = RKD["place/某区"]
SENT = RKD["doc/d1/s/0"]
COMMITTEE = RKD["organ/某区/区人大常委会"]
GOV = RKD["organ/某区/区政府"]
LAW = RKD["law/中华人民共和国水污染防治法"]
LAW_M = RKD["doc/d1/m/7-20/中华人民共和国水污染防治法"]
INSPECT_M = RKD["doc/d1/m/2-24/执法检查"]
HEAR_M = RKD["doc/d1/m/30-48/听取和审议"]
COUNT_M = RKD["doc/d1/m/50-56/审议意见"]
INSPECTION = RKD["doc/d1/act/2-24/LawEnforcementInspection/中华人民共和国水污染防治法"]
HEARING = RKD["doc/d1/act/30-48/ReportDeliberation/数字经济发展情况"]
COUNT = RKD["doc/d1/count/50-56/条"]
FORMULA = RKD["formula/两个确立"]
PROGRAMME = RKD["programme/代表统一接待选民日"]

TEXT = "今年，开展《中华人民共和国水污染防治法》执法检查。听取和审议区政府关于数字经济发展情况的报告，提出审议意见47条。"


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _mention(g: Graph, node: URIRef, start: int, end: int, exact: str, rule: str) -> None:
    g.add((node, RDF.type, RK.Mention))
    g.add((node, RK.inDocument, DOC))
    g.add((node, RK.sentence, SENT))
    g.add((node, OA.start, _int(start)))
    g.add((node, OA.end, _int(end)))
    g.add((node, OA.exact, Literal(exact)))
    g.add((node, RK.rule, Literal(rule)))


def conforming_dataset() -> Dataset:
    """One document's named graph plus the provenance graph, as the rdf stage writes them."""
    ds = Dataset()
    g = ds.graph(GRAPH)

    g.add((DOC, RDF.type, RK.Document))
    g.add((DOC, DCTERMS.title, Literal("某区人大常委会工作报告")))
    g.add((DOC, RK.sourceFile, Literal("d1.txt")))
    g.add((DOC, RK.sha256, Literal(hashlib.sha256(TEXT.encode()).hexdigest())))
    g.add((DOC, RK.charCount, _int(len(TEXT))))
    g.add((DOC, RK.year, Literal("2022", datatype=XSD.gYear)))
    g.add((DOC, RK.jurisdiction, PLACE))
    for entity in (COMMITTEE, GOV, LAW, FORMULA, PROGRAMME):
        g.add((DOC, RK.mentions, entity))

    g.add((PLACE, RDF.type, RK.Jurisdiction))
    g.add((PLACE, RDFS.label, _zh("某区")))
    g.add((PLACE, RK.level, Literal("区")))

    g.add((SENT, RDF.type, RK.Sentence))
    g.add((SENT, RK.inDocument, DOC))
    g.add((SENT, OA.start, _int(0)))
    g.add((SENT, OA.end, _int(len(TEXT))))
    g.add((SENT, RK.text, Literal(TEXT)))
    g.add((SENT, RK.modality, Literal("completed")))

    for organ, cls, label in ((COMMITTEE, RK.StandingCommittee, "区人大常委会"),
                              (GOV, RK.Government, "区政府")):
        g.add((organ, RDF.type, cls))
        g.add((organ, RDF.type, RK.Organ))
        g.add((organ, RDFS.label, _zh(label)))
        g.add((organ, SKOS.prefLabel, _zh(label)))
        g.add((organ, RK.jurisdiction, PLACE))

    g.add((LAW, RDF.type, RK.NationalLaw))
    g.add((LAW, RDF.type, RK.LegalInstrument))
    g.add((LAW, RDFS.label, _zh("中华人民共和国水污染防治法")))
    g.add((LAW, RK.shortName, _zh("水污染防治法")))
    g.add((LAW, RK.isDraft, Literal(False)))

    g.add((FORMULA, RDF.type, RK.PoliticalFormula))
    g.add((FORMULA, RDF.type, SKOS.Concept))
    g.add((FORMULA, RDFS.label, _zh("两个确立")))
    g.add((FORMULA, SKOS.inScheme, FORMULA_SCHEME))

    g.add((PROGRAMME, RDF.type, RK.Programme))
    g.add((PROGRAMME, RDFS.label, _zh("代表统一接待选民日")))
    g.add((PROGRAMME, RK.programmeKind, Literal("日")))

    _mention(g, LAW_M, 7, 20, "中华人民共和国水污染防治法", "laws.title_marks")
    g.add((LAW_M, RK.denotes, LAW))
    _mention(g, INSPECT_M, 2, 24, TEXT[2:24], "activities.inspection.enforcement")
    _mention(g, HEAR_M, 30, 48, TEXT[30:48], "activities.report.hear")
    _mention(g, COUNT_M, 50, 56, TEXT[50:56], "counts.arabic")

    g.add((INSPECTION, RDF.type, RK.LawEnforcementInspection))
    g.add((INSPECTION, RDF.type, RK.OversightActivity))
    g.add((INSPECTION, RK.inDocument, DOC))
    g.add((INSPECTION, PROV.wasDerivedFrom, INSPECT_M))
    g.add((INSPECTION, SCHEMA.actionStatus, SCHEMA.CompletedActionStatus))
    g.add((INSPECTION, RK.trigger, Literal("执法检查")))
    g.add((INSPECTION, RK.conductedBy, COMMITTEE))
    g.add((INSPECTION, RK.inspectsLaw, LAW))
    g.add((INSPECTION, RK.lawMention, LAW_M))
    g.add((INSPECTION, RK.year, Literal("2022", datatype=XSD.gYear)))

    g.add((HEARING, RDF.type, RK.ReportDeliberation))
    g.add((HEARING, RDF.type, RK.OversightActivity))
    g.add((HEARING, RK.inDocument, DOC))
    g.add((HEARING, PROV.wasDerivedFrom, HEAR_M))
    g.add((HEARING, SCHEMA.actionStatus, SCHEMA.PotentialActionStatus))
    g.add((HEARING, RK.trigger, Literal("听取和审议")))
    g.add((HEARING, RK.conductedBy, COMMITTEE))
    g.add((HEARING, RK.topic, _zh("数字经济发展情况")))
    g.add((HEARING, RK.reportedBy, GOV))
    g.add((HEARING, RK.realises, PROGRAMME))

    g.add((COUNT, RDF.type, RK.Count))
    g.add((COUNT, RK.inDocument, DOC))
    g.add((COUNT, PROV.wasDerivedFrom, COUNT_M))
    g.add((COUNT, RDF.value, Literal("47", datatype=XSD.decimal)))
    g.add((COUNT, RK.unit, Literal("条")))
    g.add((COUNT, RK.countOf, Literal("审议意见")))
    g.add((COUNT, RK.approximate, Literal(False)))

    p = ds.graph(PROV_GRAPH)
    build = RKD["build"]
    p.add((GRAPH, PROV.wasDerivedFrom, DOC))
    p.add((GRAPH, PROV.wasGeneratedBy, build))
    p.add((build, RDF.type, PROV.Activity))
    p.add((build, RK.softwareVersion, Literal("0.1.0")))
    return ds


def _set(node, prop, value) -> Callable[[Graph], None]:
    return lambda g: g.set((node, prop, value))


def _drop(node, prop, value=None) -> Callable[[Graph], None]:
    return lambda g: g.remove((node, prop, value))


def _add(node, prop, value) -> Callable[[Graph], None]:
    return lambda g: g.add((node, prop, value))


# (case id, how to break the graph, shape expected to report it, focus node it reports)
BREAKAGES = [
    ("document-without-title", _drop(DOC, DCTERMS.title), "rks:Document-title", DOC),
    ("document-with-two-titles", _add(DOC, DCTERMS.title, Literal("另一标题")), "rks:Document-title", DOC),
    ("document-without-source-file", _drop(DOC, RK.sourceFile), "rks:Document-sourceFile", DOC),
    ("document-sha256-not-hex", _set(DOC, RK.sha256, Literal("not-a-digest")), "rks:Document-sha256", DOC),
    ("document-without-sha256", _drop(DOC, RK.sha256), "rks:Document-sha256", DOC),
    ("document-char-count-as-string", _set(DOC, RK.charCount, Literal("51")), "rks:Document-charCount", DOC),
    ("document-year-as-integer", _set(DOC, RK.year, _int(2022)), "rks:Document-year", DOC),
    ("document-jurisdiction-untyped", _set(DOC, RK.jurisdiction, RKD["place/x"]), "rks:Document-jurisdiction", DOC),
    ("sentence-without-document", _drop(SENT, RK.inDocument), "rks:Sentence-inDocument", SENT),
    ("sentence-start-after-end", _set(SENT, OA.start, _int(500)), "rks:Sentence-start", SENT),
    ("sentence-without-end", _drop(SENT, OA.end), "rks:Sentence-end", SENT),
    ("sentence-modality-unknown", _set(SENT, RK.modality, Literal("done")), "rks:Sentence-modality", SENT),
    ("mention-start-equals-end", _set(LAW_M, OA.start, _int(20)), "rks:Mention-start", LAW_M),
    ("mention-start-after-end", _set(LAW_M, OA.start, _int(25)), "rks:Mention-start", LAW_M),
    ("mention-start-negative", _set(LAW_M, OA.start, _int(-1)), "rks:Mention-start", LAW_M),
    ("mention-start-as-string", _set(LAW_M, OA.start, Literal("7")), "rks:Mention-start", LAW_M),
    ("mention-without-end", _drop(LAW_M, OA.end), "rks:Mention-end", LAW_M),
    ("mention-end-as-double", _set(LAW_M, OA.end, Literal(20.0)), "rks:Mention-end", LAW_M),
    ("mention-exact-empty", _set(LAW_M, OA.exact, Literal("")), "rks:Mention-exact", LAW_M),
    ("mention-without-exact", _drop(LAW_M, OA.exact), "rks:Mention-exact", LAW_M),
    ("mention-exact-as-integer", _set(LAW_M, OA.exact, _int(13)), "rks:Mention-exact", LAW_M),
    ("mention-exact-empty-zh", _set(LAW_M, OA.exact, _zh("")), "rks:Mention-exact", LAW_M),
    ("mention-without-rule", _drop(LAW_M, RK.rule), "rks:Mention-rule", LAW_M),
    ("mention-rule-not-dotted-id", _set(LAW_M, RK.rule, Literal("laws title")), "rks:Mention-rule", LAW_M),
    ("mention-without-document", _drop(LAW_M, RK.inDocument), "rks:Mention-inDocument", LAW_M),
    ("mention-without-sentence", _drop(LAW_M, RK.sentence), "rks:Mention-sentence", LAW_M),
    ("mention-sentence-not-a-sentence", _set(LAW_M, RK.sentence, DOC), "rks:Mention-sentence", LAW_M),
    ("activity-without-status", _drop(INSPECTION, SCHEMA.actionStatus), "rks:OversightActivity-status", INSPECTION),
    ("activity-status-wrong-iri", _set(INSPECTION, SCHEMA.actionStatus, SCHEMA.Action), "rks:OversightActivity-status", INSPECTION),
    ("activity-status-http-schema", _set(INSPECTION, SCHEMA.actionStatus, URIRef("http://schema.org/CompletedActionStatus")), "rks:OversightActivity-status", INSPECTION),
    ("activity-status-as-string", _set(INSPECTION, SCHEMA.actionStatus, Literal("completed")), "rks:OversightActivity-status", INSPECTION),
    ("activity-both-statuses", _add(INSPECTION, SCHEMA.actionStatus, SCHEMA.PotentialActionStatus), "rks:OversightActivity-status", INSPECTION),
    ("activity-without-provenance", _drop(INSPECTION, PROV.wasDerivedFrom), "rks:OversightActivity-evidence", INSPECTION),
    ("activity-derived-from-document", _set(INSPECTION, PROV.wasDerivedFrom, DOC), "rks:OversightActivity-evidence", INSPECTION),
    ("activity-without-document", _drop(INSPECTION, RK.inDocument), "rks:OversightActivity-inDocument", INSPECTION),
    ("activity-in-two-documents", _add(INSPECTION, RK.inDocument, RKD["doc/d2"]), "rks:OversightActivity-inDocument", INSPECTION),
    ("activity-without-agent", _drop(INSPECTION, RK.conductedBy), "rks:OversightActivity-conductedBy", INSPECTION),
    ("activity-conducted-by-a-law", _set(INSPECTION, RK.conductedBy, LAW), "rks:OversightActivity-conductedBy", INSPECTION),
    ("activity-inspects-an-organ", _set(INSPECTION, RK.inspectsLaw, GOV), "rks:OversightActivity-inspectsLaw", INSPECTION),
    ("activity-law-mention-is-the-law", _set(INSPECTION, RK.lawMention, LAW), "rks:OversightActivity-lawMention", INSPECTION),
    ("activity-reported-by-a-law", _set(HEARING, RK.reportedBy, LAW), "rks:OversightActivity-reportedBy", HEARING),
    ("activity-joint-with-a-law", _add(HEARING, RK.jointWith, LAW), "rks:OversightActivity-jointWith", HEARING),
    ("activity-realises-a-formula", _set(HEARING, RK.realises, FORMULA), "rks:OversightActivity-realises", HEARING),
    ("activity-topic-untagged", _set(HEARING, RK.topic, Literal("数字经济发展情况")), "rks:OversightActivity-topic", HEARING),
    ("activity-year-as-integer", _set(INSPECTION, RK.year, _int(2022)), "rks:OversightActivity-year", INSPECTION),
    ("count-without-value", _drop(COUNT, RDF.value), "rks:Count-value", COUNT),
    ("count-value-as-double", _set(COUNT, RDF.value, Literal(47.0)), "rks:Count-value", COUNT),
    ("count-without-unit", _drop(COUNT, RK.unit), "rks:Count-unit", COUNT),
    ("count-without-provenance", _drop(COUNT, PROV.wasDerivedFrom), "rks:Count-evidence", COUNT),
    ("count-in-two-documents", _add(COUNT, RK.inDocument, RKD["doc/d2"]), "rks:Count-inDocument", COUNT),
    ("count-approximate-as-string", _set(COUNT, RK.approximate, Literal("否")), "rks:Count-approximate", COUNT),
    ("organ-label-in-english-only", _set(GOV, RDFS.label, Literal("district government", lang="en")), "rks:LabelledEntity-zhLabel", GOV),
    ("instrument-without-label", _drop(LAW, RDFS.label), "rks:LabelledEntity-zhLabel", LAW),
    ("programme-label-untagged", _set(PROGRAMME, RDFS.label, Literal("代表统一接待选民日")), "rks:LabelledEntity-zhLabel", PROGRAMME),
    ("formula-without-label", _drop(FORMULA, RDFS.label), "rks:LabelledEntity-zhLabel", FORMULA),
    ("formula-without-scheme", _drop(FORMULA, SKOS.inScheme), "rks:PoliticalFormula-inScheme", FORMULA),
    ("formula-in-another-scheme", _set(FORMULA, SKOS.inScheme, RKD["scheme/other"]), "rks:PoliticalFormula-inScheme", FORMULA),
    ("formula-not-a-skos-concept", _drop(FORMULA, RDF.type, SKOS.Concept), "rks:PoliticalFormula", FORMULA),
    ("organ-jurisdiction-untyped", _set(GOV, RK.jurisdiction, RKD["place/x"]), "rks:Organ-jurisdiction", GOV),
    ("organ-without-family-class", _drop(GOV, RDF.type, RK.Organ), "rks:OrganFamily", GOV),
    ("instrument-without-family-class", _drop(LAW, RDF.type, RK.LegalInstrument), "rks:InstrumentFamily", LAW),
    ("activity-without-family-class", _drop(HEARING, RDF.type, RK.OversightActivity), "rks:ActivityFamily", HEARING),
]


def test_hand_made_graph_following_the_architecture_conforms():
    result = validate(conforming_dataset())
    assert result.violations == []
    assert result.conforms
    assert result.text.startswith("Conforms:")


@pytest.mark.parametrize("breaks, shape, focus", [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES])
def test_each_broken_contract_is_reported_by_its_shape(breaks, shape, focus):
    ds = conforming_dataset()
    breaks(ds.graph(GRAPH))
    result = validate(ds)
    assert not result.conforms
    assert (str(focus), shape) in {(v.focus, v.shape) for v in result.violations}
    assert all(v.severity == "Violation" for v in result.violations)
    assert shape in result.text


def _constraint_shapes() -> set[str]:
    # A shape that only gathers targets and property shapes cannot fail by itself.
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    structural = {RDF.type, SH.targetClass, SH.property, SH.message}
    prefix = "https://w3id.org/renda-kg/shapes#"
    return {
        "rks:" + str(s)[len(prefix):]
        for s in set(shapes.subjects())
        if isinstance(s, URIRef) and str(s).startswith(prefix)
        and set(shapes.predicates(s)) - structural - {SH.path}
    }


@pytest.mark.parametrize("node, prop, value", [
    (LAW_M, OA.exact, _zh("中华人民共和国水污染防治法")),
    (DOC, DCTERMS.title, _zh("某区人大常委会工作报告")),
    (COUNT, RDF.value, Literal("47.5", datatype=XSD.decimal)),
    (SENT, RK.modality, Literal("planned")),
], ids=["exact-tagged-zh", "title-tagged-zh", "fractional-count", "planned-sentence"])
def test_contract_variants_the_rdf_stage_may_write_still_conform(node, prop, value):
    ds = conforming_dataset()
    ds.graph(GRAPH).set((node, prop, value))
    assert validate(ds).violations == []


def test_every_constraint_shape_has_a_breaking_case():
    assert sorted(_constraint_shapes() - {b[2] for b in BREAKAGES}) == []


def test_status_violation_names_path_message_and_component():
    ds = conforming_dataset()
    ds.graph(GRAPH).set((INSPECTION, SCHEMA.actionStatus, SCHEMA.Action))
    [v] = validate(ds).violations
    assert v == Violation(
        focus=str(INSPECTION),
        path="schema:actionStatus",
        message="an activity has exactly one schema:actionStatus, "
                "schema:CompletedActionStatus or schema:PotentialActionStatus",
        severity="Violation",
        shape="rks:OversightActivity-status",
        component="sh:InConstraintComponent",
    )


def test_violations_are_sorted_and_text_lists_each_one():
    ds = conforming_dataset()
    g = ds.graph(GRAPH)
    g.remove((COUNT, RK.unit, None))
    g.remove((DOC, DCTERMS.title, None))
    g.remove((INSPECTION, PROV.wasDerivedFrom, None))
    result = validate(ds)
    assert [v.shape for v in result.violations] == [
        "rks:Document-title", "rks:OversightActivity-evidence", "rks:Count-unit",
    ]
    assert result.violations == sorted(result.violations)
    lines = result.text.splitlines()
    assert lines[0].startswith("Does not conform:") and lines[0].endswith("3 results")
    assert len(lines) == 4


def test_named_graphs_are_validated_as_one_union():
    # The mention an activity derives from is typed in another named graph: only the
    # union shows it is an rk:Mention.
    ds = conforming_dataset()
    g, other = ds.graph(GRAPH), ds.graph(RKD["graph/d1-mentions"])
    for triple in list(g.triples((INSPECT_M, None, None))):
        g.remove(triple)
        other.add(triple)
    assert validate(ds).conforms
    alone = Graph()
    for triple in g:
        alone.add(triple)
    assert "rks:OversightActivity-evidence" in {v.shape for v in validate(alone).violations}


def test_validate_leaves_the_callers_graph_unchanged():
    g = load_union(conforming_dataset())
    before = len(g)
    validate(g)
    assert len(g) == before


def _store(ds: Dataset) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(ds.serialize(format="nquads").encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def _write(ds: Dataset, tmp_path, form: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    if form == "store":
        return _store(ds)
    if form == "store-dir":
        path = tmp_path / "store"
        disk = pyoxigraph.Store(str(path))
        disk.extend(_store(ds))
        disk.flush()
        del disk  # release the write lock before the read-only open
        return path
    if form == "ttl":
        path = tmp_path / "graph.ttl"
        load_union(ds).serialize(path, format="turtle")
        return path
    path = tmp_path / f"graph.{form}"
    ds.serialize(path, format={"trig": "trig", "nq": "nquads"}[form])
    return str(path)  # a plain string path is accepted too


@pytest.mark.parametrize("form", ["ttl", "trig", "nq", "store", "store-dir"])
def test_files_and_oxigraph_stores_validate_like_the_rdflib_dataset(tmp_path, form):
    good = _write(conforming_dataset(), tmp_path / "good", form) if form != "store-dir" else None
    if good is not None:
        assert validate(good).conforms
    broken = conforming_dataset()
    broken.graph(GRAPH).remove((HEARING, SCHEMA.actionStatus, None))
    result = validate(_write(broken, tmp_path, form))
    assert not result.conforms
    assert [(v.focus, v.shape) for v in result.violations] == [
        (str(HEARING), "rks:OversightActivity-status")
    ]
    assert result.triples == len(load_union(broken))


def test_conforming_oxigraph_store_directory_validates(tmp_path):
    # Regression: strings read back from Oxigraph came typed xsd:string and failed the
    # plain-literal sh:in ("completed" "planned") of rk:modality.
    assert validate(_write(conforming_dataset(), tmp_path, "store-dir")).conforms


@pytest.mark.parametrize("bad, error", [
    ("missing.ttl", FileNotFoundError),
    ("graph.unknown", ValueError),
])
def test_unreadable_inputs_raise(tmp_path, bad, error):
    path = tmp_path / bad
    if bad.endswith(".unknown"):
        path.write_text("x", encoding="utf-8")
    with pytest.raises(error):
        validate(path)


def test_custom_shapes_graph_replaces_the_default():
    shapes = Graph()
    shape = URIRef("https://example.org/shapes#Doc")
    prop = BNode()
    shapes.add((shape, RDF.type, SH.NodeShape))
    shapes.add((shape, SH.targetClass, RK.Document))
    shapes.add((shape, SH.property, prop))
    shapes.add((prop, SH.path, RK.charCount))
    shapes.add((prop, SH.maxInclusive, Literal(10)))
    result = validate(conforming_dataset(), shapes=shapes)
    assert not result.conforms
    assert [v.component for v in result.violations] == ["sh:MaxInclusiveConstraintComponent"]


def test_validation_result_text_of_a_clean_graph_counts_triples():
    assert ValidationResult(True, [], 7).text == "Conforms: 7 triples, 0 results"
