"""Namespaces of the renda-kg graph: the ``rk:`` ontology terms, the ``rkd:`` data IRIs
and the community vocabularies the ontology aligns with.

``RK`` is a closed namespace (``_fail = True``): a misspelt term raises at import or
call time instead of silently minting an IRI the ontology does not declare. A test keeps
the annotations below and ``ontology/renda.ttl`` in step, in both directions.

>>> RK.Document
rdflib.term.URIRef('https://w3id.org/renda-kg/ns#Document')
>>> RKD["law/中华人民共和国水污染防治法"]
rdflib.term.URIRef('https://w3id.org/renda-kg/id/law/中华人民共和国水污染防治法')
"""
# No ``from __future__ import annotations``: DefinedNamespace reads the class
# annotations at run time and expects them to be the URIRef type, not strings.
import importlib.resources
from pathlib import Path

import rdflib.namespace as _rdflib_ns
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS

# rdflib's XSD and SDO only warn on unknown names, and pytest probes every module-level
# class for mock attributes; exposing them here would flood test runs with warnings.
# A closed SCHEMA (below) and a plain XSD namespace avoid that.
XSD = Namespace(str(_rdflib_ns.XSD))

__all__ = [
    "RK", "RKD", "ORG", "PROV", "ELI", "SKOS", "SCHEMA", "OA", "DCTERMS", "CV", "XSD",
    "RDF", "RDFS", "OWL", "SH", "PREFIXES", "FORMULA_SCHEME", "bind_prefixes",
    "ontology_path",
]


class RK(_rdflib_ns.DefinedNamespace):
    """The renda-kg ontology (``ontology/renda.ttl``)."""

    _NS = Namespace("https://w3id.org/renda-kg/ns#")
    _fail = True

    # --- texts and spans
    Document: URIRef  # a text of a congress: work report, speech, plan
    Sentence: URIRef  # a sentence of a document, with its character offsets
    Mention: URIRef  # a text span naming something; position and quote selector
    Jurisdiction: URIRef  # the administrative area an organ or document belongs to
    Count: URIRef  # a counted quantity stated in the text (47条审议意见)
    Sitting: URIRef  # a sitting of a session (区十三届人大常委会第二十三次会议)

    # --- organs
    Organ: URIRef  # family class of every institution, body, station or team
    PeoplesCongress: URIRef  # 人民代表大会
    StandingCommittee: URIRef  # 人大常委会
    CongressWorkingBody: URIRef  # 专门委员会, 工作委员会, 街道工委, 机关, 办公室
    Government: URIRef  # 人民政府
    GovernmentDepartment: URIRef  # 公安机关, 审计机关, 教育部门
    Court: URIRef  # 人民法院
    Procuratorate: URIRef  # 人民检察院
    SupervisoryCommission: URIRef  # 监察委员会
    PartyCommittee: URIRef  # 党中央, 省委, 区委, 区委常委会
    PartyGroup: URIRef  # 党组, 党组理论学习中心组, 支部
    LiaisonStation: URIRef  # 代表联络站, 代表之家, 代表工作室
    TrainingBase: URIRef  # 培训基地
    Team: URIRef  # 代表小组, 志愿服务团队
    InspectionTeam: URIRef  # 执法检查组, 视察组, 调研组 (ad hoc)
    OtherOrgan: URIRef  # an organ of no more specific class

    # --- instruments
    LegalInstrument: URIRef  # family class of laws, regulations, policy documents, plans
    Constitution: URIRef  # 宪法
    NationalLaw: URIRef  # 法律 adopted by the NPC or its standing committee
    AdministrativeRegulation: URIRef  # 行政法规 of the State Council
    LocalRegulation: URIRef  # 地方性法规, 条例 of a local congress
    PolicyDocument: URIRef  # 意见, 办法, 决定 and other policy documents
    Plan: URIRef  # 规划, 方案, 计划
    OtherInstrument: URIRef  # an instrument of no more specific class

    # --- oversight activities
    OversightActivity: URIRef  # family class of the congress's oversight work
    LawEnforcementInspection: URIRef  # 执法检查, 专项检查 of a law
    ReportDeliberation: URIRef  # 听取, 审议 a report
    Approval: URIRef  # 审查批准
    InspectionVisit: URIRef  # 视察
    Research: URIRef  # 调研
    LegislativeEvaluation: URIRef  # 立法后评估
    SpecialInquiry: URIRef  # 专题询问
    SatisfactionRating: URIRef  # 满意度测评
    WorkAppraisal: URIRef  # 工作评议
    DutyAppraisal: URIRef  # 述职评议
    Vote: URIRef  # 票决
    Appointment: URIRef  # 人事任免
    SuggestionHandling: URIRef  # 代表建议办理

    # --- concepts
    Programme: URIRef  # a named programme, campaign, system or mechanism
    PoliticalFormula: URIRef  # a political formula or slogan (两个维护)

    # --- properties of documents, sentences and mentions
    year: URIRef  # a year (xsd:gYear) a document mentions or an activity happens in
    sourceFile: URIRef  # file name the document was read from
    sha256: URIRef  # SHA-256 of the raw file bytes
    charCount: URIRef  # length of the normalised text
    jurisdiction: URIRef  # the jurisdiction of a document, organ or instrument
    inDocument: URIRef  # the document a sentence, mention, activity or count is in
    text: URIRef  # the text of a sentence
    modality: URIRef  # "completed" or "planned", when the sentence or section says
    sectionHeading: URIRef  # heading of the section holding a sentence
    sentence: URIRef  # the sentence a mention is in
    rule: URIRef  # id of the extraction rule that produced a mention
    denotes: URIRef  # the entity a mention resolves to
    surfaceLabel: URIRef  # normalised label of a mention
    mentions: URIRef  # an entity a document mentions

    # --- properties of entities
    shortName: URIRef  # short name of an instrument (环境保护法)
    registryLevel: URIRef  # level in the law registry (法律, 行政法规, 宪法)
    category: URIRef  # category in the law registry
    versionDate: URIRef  # date of the version in force (xsd:date)
    firstAdopted: URIRef  # first adoption, as the registry states it
    isDraft: URIRef  # the instrument is a draft (草案)
    programmeKind: URIRef  # 活动, 制度, 机制, 模式, 年, 日, 工程 ...
    level: URIRef  # level of a jurisdiction: 全国 省 市 区 县 乡 镇 街道

    # --- properties of activities
    trigger: URIRef  # trigger word as written (执法检查, 听取和审议)
    conductedBy: URIRef  # organ carrying out an activity
    inspectsLaw: URIRef  # instrument whose implementation an activity inspects
    lawMention: URIRef  # mention of the inspected instrument
    topic: URIRef  # topic of a report heard or of an activity (@zh)
    reportedBy: URIRef  # organ delivering a report heard
    jointWith: URIRef  # organ an activity is run jointly with
    realises: URIRef  # programme an activity realises

    # --- properties of counts and builds
    unit: URIRef  # unit of a count (条, 个, 次, 人次, 件, 名, 亿元)
    countOf: URIRef  # what is counted, as a phrase from the text
    approximate: URIRef  # the count is approximate (100余次)
    counts: URIRef  # the entity counted, when one is named
    softwareVersion: URIRef  # version of renda-kg that made a build


class ELI(_rdflib_ns.DefinedNamespace):
    """The ELI terms the ontology aligns with (European Legislation Identifier)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: URIRef  # a work in a legislative corpus
    jurisdiction: URIRef  # the jurisdiction a legal resource comes from


class OA(_rdflib_ns.DefinedNamespace):
    """The Web Annotation terms used for text spans."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    TextPositionSelector: URIRef  # selects a span by start and end offsets
    TextQuoteSelector: URIRef  # selects a span by its exact text
    start: URIRef  # start offset (inclusive)
    end: URIRef  # end offset (exclusive)
    exact: URIRef  # the exact text selected


class SCHEMA(_rdflib_ns.DefinedNamespace):
    """The schema.org terms renda-kg uses (https, as schema.org publishes them)."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    Action: URIRef  # an action performed by an agent
    Legislation: URIRef  # a legal document such as an act or decree
    AdministrativeArea: URIRef  # a region under a government's jurisdiction
    CreativeWork: URIRef  # the most generic kind of creative work
    Event: URIRef  # an event happening at a certain time and place
    actionStatus: URIRef  # the current disposition of an Action
    CompletedActionStatus: URIRef  # an action that has already taken place
    PotentialActionStatus: URIRef  # an action that is supported but has not happened
    mentions: URIRef  # a creative work refers to a thing
    domainIncludes: URIRef  # a class a property is expected to be used on
    rangeIncludes: URIRef  # a class a property's values are expected to have


class CV(_rdflib_ns.DefinedNamespace):
    """The EU Core Public Organisation Vocabulary terms used."""

    _NS = Namespace("http://data.europa.eu/m8g/")
    _fail = True

    PublicOrganisation: URIRef  # an organisation exercising public authority


RKD = Namespace("https://w3id.org/renda-kg/id/")
FORMULA_SCHEME = RKD["scheme/formulas"]

PREFIXES: dict[str, str] = {
    "rk": str(RK._NS),
    "rkd": str(RKD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sh": str(SH),
    "org": str(ORG),
    "prov": str(PROV),
    "eli": str(ELI._NS),
    "skos": str(SKOS),
    "schema": str(SCHEMA._NS),
    "oa": str(OA._NS),
    "dcterms": str(DCTERMS),
    "cv": str(CV._NS),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every renda-kg prefix on an rdflib Graph or Dataset; returns the graph.

    ``replace=True`` so rdflib's own defaults (``schema`` → http://schema.org/) give way.

    >>> g = bind_prefixes(Graph())
    >>> dict(g.namespaces())["rk"]
    rdflib.term.URIRef('https://w3id.org/renda-kg/ns#')
    >>> dict(g.namespaces())["schema"]
    rdflib.term.URIRef('https://schema.org/')
    """
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
    return graph


def ontology_path(name: str) -> Path:
    """Path of ``ontology/<name>`` (``renda.ttl``, ``shapes.ttl``).

    The repository's ``ontology/`` folder wins when the package runs from a checkout;
    an installed wheel falls back to the copies shipped in the ``kg.data`` package.
    Raises FileNotFoundError when neither exists.

    >>> ontology_path("renda.ttl").name
    'renda.ttl'
    """
    repo = Path(__file__).resolve().parents[2]
    candidate = repo / "ontology" / name
    if candidate.is_file() and (repo / "pyproject.toml").is_file():
        return candidate
    packaged = importlib.resources.files("kg.data") / name
    if packaged.is_file():
        # Wheels install as plain directories, so the resource is a real file.
        return Path(str(packaged))
    raise FileNotFoundError(f"ontology file {name!r} not found in {candidate.parent} or kg.data")
