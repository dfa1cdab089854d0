"""A small graph in the ARCHITECTURE.md model, written by hand as TriG, for projection,
analysis and view tests.

Three documents, each in its named graph ``rkd:graph/<id>``: a district work report, a city
work plan and a hostile document whose title, a law label and a sentence carry markup that
must never run in a view. Offsets are computed from the sentence texts, so they stay true
when a sentence is edited.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from kg.records import safe_key

RK = "https://w3id.org/renda-kg/ns#"
RKD = "https://w3id.org/renda-kg/id/"

HOSTILE = '<script>window.__pwned=1</script>"quotes"</textarea><img src=x onerror=window.__pwned=2>'
DEMO, CITY, EVIL = "001_demo", "002_city", "666_hostile"

WATER = "law/中华人民共和国水污染防治法"
FOOD = "law/中华人民共和国食品安全法"
EVIL_LAW = "law/666_hostile/" + safe_key(HOSTILE)
DISTRICT_SC = "organ/某区/区人大常委会"
DISTRICT_GOV = "organ/某区/区政府"
DISTRICT_PARTY = "organ/某区/区委"
CITY_SC = "organ/某市/市人大常委会"
NPCSC = "organ/全国/全国人大常委会"
EVIL_SC = "organ/doc-666_hostile/区人大常委会"
TWO = "formula/两个确立"
FOUR = "formula/四个意识"
DAY = "programme/代表的一天"
VOTE = "programme/民生实事项目人大代表票决制"

# path → (specific class, family class, label, extra (property, object) pairs)
ENTITIES: dict[str, tuple[str, str, str, tuple[tuple[str, str], ...]]] = {
    WATER: ("NationalLaw", "LegalInstrument", "中华人民共和国水污染防治法",
            (("rk:shortName", '"水污染防治法"'),)),
    FOOD: ("NationalLaw", "LegalInstrument", "中华人民共和国食品安全法", ()),
    EVIL_LAW: ("PolicyDocument", "LegalInstrument", HOSTILE, ()),
    DISTRICT_SC: ("StandingCommittee", "Organ", "区人大常委会", ()),
    DISTRICT_GOV: ("Government", "Organ", "区政府", (("org:subOrganizationOf", f"<{RKD}{DISTRICT_PARTY}>"),)),
    DISTRICT_PARTY: ("PartyCommittee", "Organ", "区委", ()),
    CITY_SC: ("StandingCommittee", "Organ", "市人大常委会", ()),
    NPCSC: ("StandingCommittee", "Organ", "全国人大常委会", ()),
    EVIL_SC: ("StandingCommittee", "Organ", "区人大常委会", ()),
    TWO: ("PoliticalFormula", "PoliticalFormula", "两个确立", (("rdf:type", "skos:Concept"),)),
    FOUR: ("PoliticalFormula", "PoliticalFormula", "四个意识", (("rdf:type", "skos:Concept"),)),
    DAY: ("Programme", "Programme", "代表的一天", (("rk:programmeKind", '"活动"@zh'),)),
    VOTE: ("Programme", "Programme", "民生实事项目人大代表票决制", (("rk:programmeKind", '"制度"@zh'),)),
}


@dataclass
class Act:
    """An activity: evidence is a substring of its sentence."""

    cls: str
    sentence: int
    evidence: str
    status: str  # "completed" | "planned"
    year: int
    trigger: str
    by: str | None = None
    law: str | None = None
    law_surface: str | None = None
    reporter: str | None = None
    joint: str | None = None
    realises: str | None = None
    topic: str | None = None


@dataclass
class Doc:
    id: str
    title: str
    years: tuple[int, ...]
    sentences: list[str]
    mentions: list[tuple[int, str, str, str]]  # (sentence, surface, entity path, rule)
    acts: list[Act] = field(default_factory=list)


DOCS = [
    Doc(DEMO, "某区人大常委会2023年工作报告", (2023, 2024), [
        "某区人大常委会2023年工作报告",
        "区人大常委会坚持“两个确立”，对《中华人民共和国水污染防治法》贯彻实施情况开展执法检查。",
        "2024年，将对《中华人民共和国食品安全法》开展执法检查。",
        "听取和审议区政府关于数字经济发展情况的报告，深化“代表的一天”活动。",
        "坚持区委对人大工作的全面领导。",
    ], [
        (1, "区人大常委会", DISTRICT_SC, "organs.lexicon"),
        (1, "两个确立", TWO, "formulas.quoted"),
        (1, "《中华人民共和国水污染防治法》", WATER, "laws.title_marks"),
        (2, "《中华人民共和国食品安全法》", FOOD, "laws.title_marks"),
        (3, "区政府", DISTRICT_GOV, "organs.lexicon"),
        (3, "代表的一天", DAY, "programmes.quoted_activity"),
        (4, "区委", DISTRICT_PARTY, "organs.lexicon"),
    ], [
        Act("LawEnforcementInspection", 1, "《中华人民共和国水污染防治法》贯彻实施情况开展执法检查",
            "completed", 2023, "执法检查", by=DISTRICT_SC, law=WATER, law_surface="《中华人民共和国水污染防治法》"),
        Act("LawEnforcementInspection", 2, "《中华人民共和国食品安全法》开展执法检查", "planned", 2024,
            "执法检查", by=DISTRICT_SC, law=FOOD, law_surface="《中华人民共和国食品安全法》"),
        Act("ReportDeliberation", 3, "听取和审议区政府关于数字经济发展情况的报告", "planned", 2024,
            "听取和审议", by=DISTRICT_SC, reporter=DISTRICT_GOV, realises=DAY, topic="数字经济发展情况"),
    ]),
    Doc(CITY, "某市人大常委会2022年工作要点", (2022,), [
        "某市人大常委会2022年工作要点",
        "增强“四个意识”，坚定“两个确立”。",
        "配合全国人大常委会对水污染防治法实施情况开展调研。",
        "推行民生实事项目人大代表票决制，视察城市数字经济发展情况。",
    ], [
        (1, "四个意识", FOUR, "formulas.quoted"),
        (1, "两个确立", TWO, "formulas.quoted"),
        (2, "全国人大常委会", NPCSC, "organs.lexicon"),
        (2, "水污染防治法", WATER, "laws.bare_suffix"),
        (3, "民生实事项目人大代表票决制", VOTE, "programmes.system"),
    ], [
        Act("Research", 2, "对水污染防治法实施情况开展调研", "completed", 2022, "调研", by=CITY_SC,
            law=WATER, law_surface="水污染防治法", joint=NPCSC),
        Act("InspectionVisit", 3, "视察城市数字经济发展情况", "completed", 2022, "视察", by=CITY_SC,
            realises=VOTE, topic="城市数字经济发展情况"),
    ]),
    Doc(EVIL, HOSTILE, (2023,), [
        HOSTILE,
        "区人大常委会对《" + HOSTILE + "》开展执法检查。",
    ], [
        (1, "《" + HOSTILE + "》", EVIL_LAW, "laws.title_marks"),
    ], [
        Act("LawEnforcementInspection", 1, "《" + HOSTILE + "》开展执法检查", "completed", 2023, "执法检查",
            by=EVIL_SC, law=EVIL_LAW, law_surface="《" + HOSTILE + "》"),
    ]),
]

_PREFIXES = f"""@prefix rk: <{RK}> .
@prefix rkd: <{RKD}> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix org: <http://www.w3.org/ns/org#> .
"""


def _lit(text: str, lang: str | None = "zh") -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def _iri(path: str) -> str:
    return f"<{RKD}{path}>"


def _int(n: int) -> str:
    return f'"{n}"^^xsd:integer'


def _doc_triples(doc: Doc) -> list[str]:
    text = "\n".join(doc.sentences)
    starts = []
    pos = 0
    for s in doc.sentences:
        starts.append(pos)
        pos += len(s) + 1
    d = _iri(f"doc/{doc.id}")
    out = [f"{d} a rk:Document ; dcterms:title {_lit(doc.title)} ; rk:charCount {_int(len(text))} ;"
           f" rk:sourceFile {_lit(doc.id + '.txt', None)} ."]
    out += [f'{d} rk:year "{y}"^^xsd:gYear .' for y in doc.years]
    for i, s in enumerate(doc.sentences):
        si = _iri(f"doc/{doc.id}/s/{i}")
        out.append(f"{si} a rk:Sentence ; rk:inDocument {d} ; oa:start {_int(starts[i])} ;"
                   f" oa:end {_int(starts[i] + len(s))} ; rk:text {_lit(s)} .")

    def span(sent: int, surface: str) -> tuple[int, int]:
        start = starts[sent] + doc.sentences[sent].index(surface)
        return start, start + len(surface)

    def mention(sent: int, surface: str, label: str, rule: str, denotes: str | None) -> str:
        start, end = span(sent, surface)
        m = _iri(f"doc/{doc.id}/m/{start}-{end}/{safe_key(label)}")
        out.append(f"{m} a rk:Mention ; rk:inDocument {d} ; rk:sentence {_iri(f'doc/{doc.id}/s/{sent}')} ;"
                   f" oa:start {_int(start)} ; oa:end {_int(end)} ; oa:exact {_lit(surface, None)} ;"
                   f" rk:rule {_lit(rule, None)} .")
        if denotes:
            out.append(f"{m} rk:denotes {_iri(denotes)} .")
        return m

    used: set[str] = set()
    for sent, surface, path, rule in doc.mentions:
        mention(sent, surface, ENTITIES[path][2], rule, path)
        out.append(f"{d} rk:mentions {_iri(path)} .")
        used.add(path)
    for act in doc.acts:
        used.update(p for p in (act.by, act.law, act.reporter, act.joint, act.realises) if p)
    for path in sorted(used):
        cls, family, label, extra = ENTITIES[path]
        e = _iri(path)
        out.append(f"{e} a rk:{cls}, rk:{family} ; rdfs:label {_lit(label)} ; skos:prefLabel {_lit(label)} .")
        out += [f"{e} {p} {o} ." for p, o in extra]
    for act in doc.acts:
        start, end = span(act.sentence, act.evidence)
        obj = act.topic or ENTITIES[act.law][2] if (act.topic or act.law) else act.trigger
        a = _iri(f"doc/{doc.id}/act/{start}-{end}/{act.cls}/{safe_key(obj)}")
        ev = mention(act.sentence, act.evidence, act.evidence, f"activities.{act.cls}", None)
        status = "CompletedActionStatus" if act.status == "completed" else "PotentialActionStatus"
        out.append(f"{a} a rk:{act.cls}, rk:OversightActivity ; rk:inDocument {d} ;"
                   f" prov:wasDerivedFrom {ev} ; schema:actionStatus schema:{status} ;"
                   f" rk:trigger {_lit(act.trigger)} ; rk:year \"{act.year}\"^^xsd:gYear .")
        if act.by:
            out.append(f"{a} rk:conductedBy {_iri(act.by)} .")
        if act.law:
            lm = mention(act.sentence, act.law_surface, ENTITIES[act.law][2], "laws.title_marks", act.law)
            out.append(f"{a} rk:inspectsLaw {_iri(act.law)} ; rk:lawMention {lm} .")
        if act.reporter:
            out.append(f"{a} rk:reportedBy {_iri(act.reporter)} .")
        if act.joint:
            out.append(f"{a} rk:jointWith {_iri(act.joint)} .")
        if act.realises:
            out.append(f"{a} rk:realises {_iri(act.realises)} .")
        if act.topic:
            out.append(f"{a} rk:topic {_lit(act.topic)} .")
    # A count: not an entity, the projection leaves it out.
    c = _iri(f"doc/{doc.id}/count/0-1/个")
    out.append(f'{c} a rk:Count ; rk:inDocument {d} ; rdf:value "1"^^xsd:decimal ; rk:unit "个" .')
    return out


def fixture_trig() -> str:
    """The whole fixture dataset as a TriG document."""
    parts = [_PREFIXES]
    for doc in DOCS:
        body = "\n  ".join(_doc_triples(doc))
        parts.append(f"{_iri('graph/' + doc.id)} {{\n  {body}\n}}\n")
    prov = "\n  ".join(f"{_iri('graph/' + d.id)} prov:wasDerivedFrom {_iri('doc/' + d.id)} ." for d in DOCS)
    parts.append(f"{_iri('graph/provenance')} {{\n  {prov}\n}}\n")
    return "\n".join(parts)


def fixture_store() -> pyoxigraph.Store:
    """An in-memory Oxigraph store loaded with :func:`fixture_trig`."""
    store = pyoxigraph.Store()
    store.load(fixture_trig().encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG)
    return store


def iri(path: str) -> str:
    """Full data IRI of a fixture path."""
    return RKD + path
