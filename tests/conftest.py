"""Shared fixtures: small resolved documents written by hand with ``kg.records``.

They stand in for the extractors and resolvers so the graph, store, query and facts
tests do not depend on them. Offsets are computed from the text, so the fixtures stay
true when the text is edited.
"""
from __future__ import annotations

import pyoxigraph
import pytest

from kg.records import (
    COMPLETED,
    PLANNED,
    Count,
    DocFacts,
    Document,
    Entity,
    Event,
    Jurisdiction,
    Mention,
    ResolvedDoc,
    Section,
    Sentence,
)

DOC_ID = "004_demo"
PLAIN_ID = "005_plain"
POLICY_ID = "006_policy"

DEMO_TEXT = (
    "**区人大常委会2023年工作报告\n"
    "一、过去一年的主要工作\n"
    "区人大常委会坚持“两个确立”，对《中华人民共和国水污染防治法》贯彻实施情况开展执法检查。"
    "全区建成84个代表联络站。\n"
    "二、2024年工作安排\n"
    "听取和审议区政府关于数字经济发展情况的报告，深化“代表的一天”活动。\n"
)

JURISDICTION = Jurisdiction(key="doc-004_demo", level="区", name="")
OWN_CONGRESS = Entity(
    path="organ/doc-004_demo/区人大常委会",
    cls="StandingCommittee",
    label="区人大常委会",
    props=(("jurisdiction", "doc-004_demo"),),
)
WATER_LAW = Entity(
    path="law/中华人民共和国水污染防治法",
    cls="NationalLaw",
    label="中华人民共和国水污染防治法",
    props=(
        ("category", "环境保护"),
        ("isDraft", "false"),
        ("registryLevel", "法律"),
        ("shortName", "水污染防治法"),
        ("versionDate", "2017-06-27"),
    ),
)
DISTRICT_GOV = Entity(
    path="organ/doc-004_demo/区政府",
    cls="Government",
    label="区政府",
    props=(("jurisdiction", "doc-004_demo"), ("subOrganizationOf", "organ/doc-004_demo/区委")),
)
FORMULA = Entity(path="formula/两个确立", cls="PoliticalFormula", label="两个确立")
PROGRAMME = Entity(
    path="programme/代表的一天", cls="Programme", label="代表的一天", props=(("programmeKind", "活动"),)
)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentences(text: str, sections: tuple[Section, ...]) -> tuple[Sentence, ...]:
    """Split on line breaks and 。, the way the segmenter does for these simple texts."""
    out: list[Sentence] = []
    pos = 0
    while pos < len(text):
        ends = [i for i in (text.find("。", pos), text.find("\n", pos)) if i >= 0]
        end = min(ends) + 1 if ends else len(text)
        chunk = text[pos:end]
        core = chunk.rstrip("\n")
        if core.strip():
            sec = max((s for s in sections if s.start <= pos), key=lambda s: s.start)
            modality = PLANNED if "将" in core else None  # the one cue these texts use
            out.append(Sentence(len(out), pos, pos + len(core), core, sec.index, modality))
        pos = end
    return tuple(out)


def _sentence_of(sentences: tuple[Sentence, ...], start: int) -> int:
    return next(s.index for s in sentences if s.start <= start < s.end)


def _mention(text, sentences, kind, surface, label, rule, after=0, attrs=()):
    start, end = _span(text, surface, after)
    return Mention(kind, start, end, surface, label, rule, _sentence_of(sentences, start), attrs)


def make_demo_doc() -> ResolvedDoc:
    """The main fixture document: one of every record kind."""
    text = DEMO_TEXT
    h1 = _span(text, "一、过去一年的主要工作")[0]
    h2 = _span(text, "二、2024年工作安排")[0]
    sections = (
        Section(0, "", 0, 0, h1, None),
        Section(1, "一、过去一年的主要工作", 1, h1, h2, COMPLETED),
        Section(2, "二、2024年工作安排", 1, h2, len(text), PLANNED),
    )
    sentences = _sentences(text, sections)
    body = text.index("区人大常委会坚持")
    agent = _mention(text, sentences, "organ", "区人大常委会", "区人大常委会", "organs.lexicon", body)
    formula = _mention(text, sentences, "formula", "两个确立", "两个确立", "formulas.quoted")
    law = _mention(text, sentences, "law", "《中华人民共和国水污染防治法》", "中华人民共和国水污染防治法",
                   "laws.title_marks")
    station = _mention(text, sentences, "organ", "代表联络站", "代表联络站", "organs.lexicon")
    gov = _mention(text, sentences, "organ", "区政府", "区政府", "organs.lexicon")
    programme = _mention(text, sentences, "programme", "代表的一天", "代表的一天", "programmes.quoted_activity")
    unresolved = _mention(text, sentences, "organ", "**区人大常委会", "**区人大常委会", "organs.lexicon")
    mentions = (unresolved, agent, formula, law, station, gov, programme)

    ins_start = law.start
    ins_end = _span(text, "执法检查")[1]
    inspection = Event(
        kind="LawEnforcementInspection", start=ins_start, end=ins_end, sentence=law.sentence,
        rule="activities.inspection.enforcement", status=COMPLETED, trigger="执法检查",
        law=law, agents=(agent,), year=2023,
    )
    rep_start, rep_end = _span(text, "听取和审议区政府关于数字经济发展情况的报告")
    topic_span = _span(text, "数字经济发展情况")
    report = Event(
        kind="ReportDeliberation", start=rep_start, end=rep_end, sentence=gov.sentence,
        rule="activities.report.hear", status=PLANNED, trigger="听取和审议",
        topic="数字经济发展情况", topic_span=topic_span, reporter=gov, programme=programme, year=2024,
    )
    c_start, c_end = _span(text, "84个代表联络站")
    count = Count(c_start, c_end, station.sentence, "counts.arabic", 84.0, "个", "代表联络站", target=station)
    doc = Document(DOC_ID, f"{DOC_ID}.txt", text, "**区人大常委会2023年工作报告", (2023, 2024), "ab" * 32)
    facts = DocFacts(doc, sections, sentences, mentions, (inspection, report), (count,))
    station_entity = Entity("organ/doc-004_demo/代表联络站", "LiaisonStation", "代表联络站")
    entities = {agent: OWN_CONGRESS, formula: FORMULA, law: WATER_LAW, station: station_entity,
                gov: DISTRICT_GOV, programme: PROGRAMME}
    return ResolvedDoc(facts, JURISDICTION, OWN_CONGRESS, entities)


def make_plain_doc() -> ResolvedDoc:
    """A document with no facts at all: it must still show up in facts.json."""
    text = "会议纪要\n今天天气很好。\n"
    sections = (Section(0, "", 0, 0, len(text), None),)
    sentences = _sentences(text, sections)
    doc = Document(PLAIN_ID, f"{PLAIN_ID}.txt", text, "会议纪要", (), "cd" * 32)
    jur = Jurisdiction(key="某市", level="市", name="某市")
    own = Entity("organ/某市/市人大常委会", "StandingCommittee", "市人大常委会")
    return ResolvedDoc(DocFacts(doc, sections, sentences, (), (), ()), jur, own, {})


def make_policy_doc() -> ResolvedDoc:
    """A 关于…的意见 inspected (research) by a committee: canonical is the title itself.

    Also carries a mention of a local regulation that is not inspected, a sitting, and an
    approximate count, and the activity has no named agent.
    """
    text = ("2022年，将围绕《关于加强基层治理的意见》的贯彻落实情况开展调研，"
            "并在区十三届人大常委会第二十三次会议上审议某某条例草案，接待群众100余人次。\n")
    sections = (Section(0, "", 0, 0, len(text), None),)
    sentences = _sentences(text, sections)
    jur = Jurisdiction(key="某区", level="区", name="某区")
    own = Entity("organ/某区/区人大常委会", "StandingCommittee", "区人大常委会")
    policy = _mention(text, sentences, "law", "《关于加强基层治理的意见》", "关于加强基层治理的意见",
                      "laws.title_marks")
    local = _mention(text, sentences, "law", "某某条例", "某某条例", "laws.bare_suffix")
    sitting = _mention(text, sentences, "sitting", "区十三届人大常委会第二十三次会议",
                       "区十三届人大常委会第二十三次会议", "organs.sitting")
    start = policy.start
    end = _span(text, "开展调研")[1]
    research = Event(kind="Research", start=start, end=end, sentence=0, rule="activities.research.law",
                     status=PLANNED, trigger="调研", law=policy, year=2022)
    c_start, c_end = _span(text, "100余人次")
    count = Count(c_start, c_end, 0, "counts.arabic", 100.0, "人次", "接待群众", approx=True)
    doc = Document(POLICY_ID, f"{POLICY_ID}.txt", text, "", (2022,), "ef" * 32)
    entities = {
        policy: Entity("law/某区/关于加强基层治理的意见", "PolicyDocument", "关于加强基层治理的意见",
                       (("jurisdiction", "某区"),)),
        local: Entity("law/某区/某某条例", "LocalRegulation", "某某条例", (("isDraft", "true"),)),
        sitting: Entity("organ/某区/区十三届人大常委会第二十三次会议", "Sitting",
                        "区十三届人大常委会第二十三次会议"),
    }
    facts = DocFacts(doc, sections, sentences, (policy, local, sitting), (research,), (count,))
    return ResolvedDoc(facts, jur, own, entities)


@pytest.fixture
def resolved_docs() -> list[ResolvedDoc]:
    """Three hand-made resolved documents (demo, empty, policy)."""
    return [make_demo_doc(), make_plain_doc(), make_policy_doc()]


@pytest.fixture
def quads(resolved_docs):
    """All quads of the fixture documents, provenance graph included."""
    from kg.rdf.build import doc_quads, provenance_quads

    out = [q for rd in resolved_docs for q in doc_quads(rd)]
    return out + provenance_quads(resolved_docs, version="0.0-test")


@pytest.fixture
def store(quads) -> pyoxigraph.Store:
    """An in-memory Oxigraph store holding the fixture quads."""
    st = pyoxigraph.Store()
    st.extend(quads)
    return st
