"""The ontology, the shapes and kg.rdf.namespace agree with each other and the contract."""
import re

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef

import kg
from kg.rdf.namespace import (
    CV,
    DCTERMS,
    ELI,
    FORMULA_SCHEME,
    OA,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RK,
    RKD,
    SCHEMA,
    SKOS,
    XSD,
    bind_prefixes,
    ontology_path,
)

ONTOLOGY_IRI = URIRef("https://w3id.org/renda-kg/ns")
TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("renda.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def namespace_terms() -> list[str]:
    return sorted(n for n in RK.__annotations__ if not n.startswith("_"))


def declared_terms(onto: Graph) -> set[str]:
    base = str(RK._NS)
    return {
        str(s)[len(base):]
        for t in TERM_TYPES
        for s in onto.subjects(RDF.type, t)
        if str(s).startswith(base)
    }


@pytest.mark.parametrize("name", ["renda.ttl", "shapes.ttl"])
def test_ontology_files_parse_alike_in_rdflib_and_pyoxigraph(name):
    path = ontology_path(name)
    rdflib_count = len(Graph().parse(path, format="turtle"))
    oxigraph_count = len(list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)))
    assert rdflib_count == oxigraph_count > 100


def test_every_namespace_term_is_declared_in_the_ontology(onto):
    assert sorted(set(namespace_terms()) - declared_terms(onto)) == []


def test_every_ontology_term_is_in_the_namespace_module(onto):
    assert sorted(declared_terms(onto) - set(namespace_terms())) == []


def test_no_rk_iri_in_the_ontology_is_left_undeclared(onto):
    # Catches a typo in a domain, range or subClassOf that names a term nobody declared.
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and t in RK}
    undeclared = {t for t in used if str(t)[len(str(RK._NS)):] not in declared_terms(onto)}
    assert sorted(undeclared) == []


@pytest.mark.parametrize("name", namespace_terms())
def test_each_term_has_one_owl_type_zh_and_en_labels_and_an_en_comment(onto, name):
    term = RK[name]
    assert len(set(onto.objects(term, RDF.type)) & TERM_TYPES) == 1
    label_langs = sorted(lbl.language for lbl in onto.objects(term, RDFS.label))
    assert label_langs == ["en", "zh"]
    comments = list(onto.objects(term, RDFS.comment))
    assert [c.language for c in comments] == ["en"] and len(comments[0]) > 5
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in onto


def test_unknown_rk_term_raises_because_the_namespace_is_closed():
    with pytest.raises(AttributeError):
        RK.LawInspection  # noqa: B018


def test_ontology_header_has_titles_description_and_the_package_version(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    titles = {t.language for t in onto.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert titles == {"en", "zh"}
    assert onto.value(ONTOLOGY_IRI, DCTERMS.description) is not None
    assert str(onto.value(ONTOLOGY_IRI, OWL.versionInfo)) == kg.__version__


ALIGNMENTS = [
    (RK.Organ, RDFS.subClassOf, ORG.Organization),
    (RK.StandingCommittee, RDFS.subClassOf, CV.PublicOrganisation),
    (RK.PeoplesCongress, RDFS.subClassOf, CV.PublicOrganisation),
    (RK.Government, RDFS.subClassOf, CV.PublicOrganisation),
    (RK.Court, RDFS.subClassOf, CV.PublicOrganisation),
    (RK.Procuratorate, RDFS.subClassOf, CV.PublicOrganisation),
    (RK.SupervisoryCommission, RDFS.subClassOf, CV.PublicOrganisation),
    (RK.LiaisonStation, RDFS.subClassOf, ORG.OrganizationalUnit),
    (RK.CongressWorkingBody, RDFS.subClassOf, ORG.OrganizationalUnit),
    (RK.OversightActivity, RDFS.subClassOf, PROV.Activity),
    (RK.OversightActivity, RDFS.subClassOf, SCHEMA.Action),
    (RK.LegalInstrument, RDFS.subClassOf, ELI.LegalResource),
    (RK.LegalInstrument, RDFS.subClassOf, SCHEMA.Legislation),
    (RK.Programme, RDFS.subClassOf, PROV.Plan),
    (RK.PoliticalFormula, RDFS.subClassOf, SKOS.Concept),
    (RK.Document, RDFS.subClassOf, PROV.Entity),
    (RK.Document, RDFS.subClassOf, SCHEMA.CreativeWork),
    (RK.Jurisdiction, RDFS.subClassOf, SCHEMA.AdministrativeArea),
    (RK.Sitting, RDFS.subClassOf, SCHEMA.Event),
    (RK.Mention, RDFS.subClassOf, OA.TextPositionSelector),
    (RK.Mention, RDFS.subClassOf, OA.TextQuoteSelector),
    (RK.conductedBy, RDFS.subPropertyOf, PROV.wasAssociatedWith),
    (RK.inspectsLaw, RDFS.subPropertyOf, PROV.used),
    (RK.jurisdiction, RDFS.subPropertyOf, ELI.jurisdiction),
]


@pytest.mark.parametrize("triple", ALIGNMENTS, ids=lambda t: f"{t[0].split('#')[1]}-{t[2]}")
def test_design_alignment_is_asserted(onto, triple):
    assert triple in onto


FAMILIES = {
    RK.Organ: ["PeoplesCongress", "StandingCommittee", "CongressWorkingBody", "Government",
               "GovernmentDepartment", "Court", "Procuratorate", "SupervisoryCommission",
               "PartyCommittee", "PartyGroup", "LiaisonStation", "TrainingBase", "Team",
               "OtherOrgan"],
    RK.LegalInstrument: ["Constitution", "NationalLaw", "AdministrativeRegulation",
                         "LocalRegulation", "PolicyDocument", "Plan", "OtherInstrument"],
    RK.OversightActivity: ["LawEnforcementInspection", "ReportDeliberation", "Approval",
                           "InspectionVisit", "Research", "LegislativeEvaluation", "SpecialInquiry",
                           "SatisfactionRating", "WorkAppraisal", "DutyAppraisal", "Vote",
                           "Appointment", "SuggestionHandling"],
}


@pytest.mark.parametrize("family", list(FAMILIES), ids=lambda f: f.split("#")[1])
def test_specific_classes_are_exactly_the_subclasses_of_their_family(onto, family):
    assert sorted(str(s)[len(str(RK._NS)):] for s in onto.subjects(RDFS.subClassOf, family)) \
        == sorted(FAMILIES[family])


@pytest.mark.parametrize("prop, datatype", [
    (RK.year, XSD.gYear),
    (RK.charCount, XSD.integer),
    (RK.sha256, XSD.string),
    (RK.rule, XSD.string),
    (RK.versionDate, XSD.date),
    (RK.isDraft, XSD.boolean),
    (RK.approximate, XSD.boolean),
    (RK.topic, RDF.langString),
])
def test_datatype_property_has_its_xsd_range(onto, prop, datatype):
    assert (prop, RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(prop, RDFS.range) == datatype


@pytest.mark.parametrize("prop, range_", [
    (RK.conductedBy, RK.Organ),
    (RK.inspectsLaw, RK.LegalInstrument),
    (RK.inDocument, RK.Document),
    (RK.sentence, RK.Sentence),
    (RK.lawMention, RK.Mention),
    (RK.realises, RK.Programme),
    (RK.jurisdiction, RK.Jurisdiction),
])
def test_object_property_points_at_its_class(onto, prop, range_):
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(prop, RDFS.range) == range_


def test_datatype_properties_never_range_over_classes_and_object_properties_never_over_literals(onto):
    literal_ranges = {str(XSD), str(RDFS.Literal), str(RDF.langString)}
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        for r in onto.objects(prop, RDFS.range):
            assert str(r).startswith(str(XSD)) or str(r) in literal_ranges, prop
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        for r in onto.objects(prop, RDFS.range):
            assert not str(r).startswith(str(XSD)) and r != RDFS.Literal, prop


def test_formula_scheme_is_a_labelled_concept_scheme(onto):
    assert FORMULA_SCHEME == RKD["scheme/formulas"]
    assert (FORMULA_SCHEME, RDF.type, SKOS.ConceptScheme) in onto
    assert {lbl.language for lbl in onto.objects(FORMULA_SCHEME, SKOS.prefLabel)} == {"zh", "en"}


def test_shapes_use_only_rk_terms_the_ontology_declares(onto, shapes):
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t in RK}
    assert used  # the shapes do talk about rk: terms
    assert sorted(t for t in used if (t, RDFS.label, None) not in onto) == []


def test_shapes_target_only_classes_the_ontology_declares(onto, shapes):
    sh = URIRef("http://www.w3.org/ns/shacl#")
    targets = set(shapes.objects(None, URIRef(sh + "targetClass"))) | {
        o for o in shapes.objects(None, URIRef(sh + "class")) if not isinstance(o, BNode)
    }
    external = {SKOS.Concept}
    assert sorted(t for t in targets - external if (t, RDF.type, OWL.Class) not in onto) == []


def _declared_prefixes(path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    return dict(re.findall(r"@prefix\s+(\w+):\s+<([^>]+)>", text))


@pytest.mark.parametrize("name", ["renda.ttl", "shapes.ttl"])
def test_turtle_prefixes_agree_with_the_namespace_module(name):
    declared = _declared_prefixes(ontology_path(name))
    shared = {p: iri for p, iri in declared.items() if p in PREFIXES}
    assert shared and shared == {p: PREFIXES[p] for p in shared}


def test_prefixes_map_the_architecture_namespaces():
    assert PREFIXES["rk"] == "https://w3id.org/renda-kg/ns#"
    assert PREFIXES["rkd"] == "https://w3id.org/renda-kg/id/"
    assert PREFIXES["schema"] == "https://schema.org/"
    assert PREFIXES["cv"] == "http://data.europa.eu/m8g/"
    assert PREFIXES["eli"] == "http://data.europa.eu/eli/ontology#"
    assert PREFIXES["oa"] == "http://www.w3.org/ns/oa#"
    expected = {"rk", "rkd", "org", "prov", "eli", "skos", "schema", "oa", "dcterms", "xsd",
                "rdfs", "owl", "sh", "cv", "rdf"}
    assert set(PREFIXES) == expected


def test_bind_prefixes_makes_turtle_use_rk_and_https_schema():
    g = bind_prefixes(Graph())
    g.add((RKD["doc/d1"], RDF.type, RK.Document))
    g.add((RKD["doc/d1/act/0-4/Vote/x"], SCHEMA.actionStatus, SCHEMA.CompletedActionStatus))
    g.add((RKD["doc/d1"], DCTERMS.title, Literal("报告", lang="zh")))
    text = g.serialize(format="turtle")
    assert "rk:Document" in text and "schema:CompletedActionStatus" in text
    assert "@prefix schema: <https://schema.org/>" in text


@pytest.mark.parametrize("name", ["renda.ttl", "shapes.ttl"])
def test_ontology_path_finds_the_shipped_files(name):
    path = ontology_path(name)
    assert path.is_file() and path.name == name


def test_ontology_path_raises_for_an_unknown_file():
    with pytest.raises(FileNotFoundError):
        ontology_path("no-such-ontology.ttl")
