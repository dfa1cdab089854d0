"""Jurisdiction detection, the document's own congress, and organ IRIs scoped to it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.organs import extract_organs
from kg.records import DocFacts, Document, Jurisdiction, Mention, Sentence, safe_key
from kg.resolve.organs import jurisdiction_of, own_congress, resolve_organ

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _facts(text: str, doc_id: str = "t") -> DocFacts:
    sentences = tuple(
        Sentence(i, m.start(), m.end(), m.group(), 0, None)
        for i, m in enumerate(re.finditer(r"[^。！？\n]+[。！？]?", text))
    )
    doc = Document(doc_id, f"{doc_id}.txt", text, "", (), "")
    return DocFacts(doc, (), sentences, tuple(extract_organs(doc, sentences)), (), ())


def _seed_facts(doc_id: str) -> DocFacts:
    from kg.ingest import read_document
    from kg.segment import segment

    doc = read_document(SEEDS / f"{doc_id}.txt")
    sections, sentences = segment(doc)
    return DocFacts(doc, sections, sentences, tuple(extract_organs(doc, sentences)), (), ())


@pytest.mark.parametrize(
    ("doc_id", "level"),
    [
        ("000_cb3ec1dd0a2a5db2", "区"),  # speech of the **区第五届人大常委会 at a city forum
        ("001_972b5afd0ef4ca2a", "区"),
        ("002_5f5bb8b142f71b20", "市"),  # a city's speech that also names 省委 and *市委
        ("003_5e48c5fc0d78b9ec", "区"),  # names 市人大常委会 and 省人大常委会 too
        ("004_340c9bf7fb73703f", "区"),  # 我受**区第六届人民代表大会常务委员会委托
    ],
)
def test_jurisdiction_of_seeds_is_the_masked_level_of_their_own_congress(doc_id, level):
    assert jurisdiction_of(_seed_facts(doc_id)) == Jurisdiction(f"doc-{doc_id}", level, "")


@pytest.mark.parametrize(
    ("text", "level", "name"),
    [
        ("郑州市金水区人大常委会2023年工作报告\n各位代表：\n市人大常委会、市人大常委会和市委高度重视。",
         "区", "郑州市金水区"),
        ("各位代表：\n我受长阳土家族自治县第九届人民代表大会常务委员会委托，向大会报告工作。\n"
         "州人大常委会、州人大常委会、州人大常委会给予指导。", "县", "长阳土家族自治县"),
        # the title's 自治州 and the body's 州 are one level (organs.level_label)
        ("大理白族自治州人民代表大会常务委员会工作报告\n各位代表：\n州人大常委会在州委领导下工作。"
         "省人大常委会给予指导。", "州", "大理白族自治州"),
        ("各位代表：\n我受城关镇第十八届人民代表大会主席团委托，报告工作。\n县人大常委会给予指导。",
         "镇", "城关镇"),
        ("乌鲁木齐市人大常委会工作要点\n市人大常委会要加强监督。", "市", "乌鲁木齐市"),
    ],
)
def test_jurisdiction_of_reads_unmasked_places_in_openings(text, level, name):
    j = jurisdiction_of(_facts(text))
    assert (j.level, j.name, j.key) == (level, name, safe_key(name))


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("区委高度重视，区政府、区委积极推进。", "区"),  # no congress organ: commonest level
        ("旗人大常委会开展执法检查。", "旗"),
        ("今天天气很好。", ""),
    ],
)
def test_jurisdiction_of_falls_back_to_other_organs_or_nothing(text, level):
    j = jurisdiction_of(_facts(text, "d9"))
    assert (j.level, j.key, j.name) == (level, "doc-d9", "")


@pytest.mark.parametrize(
    ("level", "label", "cls"),
    [
        ("区", "区人大常委会", "StandingCommittee"),
        ("自治州", "自治州人大常委会", "StandingCommittee"),
        ("全国", "全国人大常委会", "StandingCommittee"),
        ("镇", "镇人大主席团", "CongressWorkingBody"),
        ("街道", "街道人大工委", "CongressWorkingBody"),
    ],
)
def test_own_congress_names_the_standing_body_of_the_level(level, label, cls):
    ent = own_congress(Jurisdiction("k", level, ""))
    assert (ent.label, ent.cls) == (label, cls)


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        ("区人大常委会", "区人大常委会", "StandingCommittee"),
        ("市人民代表大会", "市人大", "PeoplesCongress"),
        ("县人民政府", "县政府", "Government"),
        ("区法院", "区人民法院", "Court"),
        ("区人民检察院", "区人民检察院", "Procuratorate"),
        ("区监委", "区监察委员会", "SupervisoryCommission"),
        ("区委常委会", "区委常委会", "PartyCommittee"),
        ("区人大常委会党组", "区人大常委会党组", "PartyGroup"),
        ("党组理论学习中心组", "党组理论学习中心组", "PartyGroup"),
        ("法制工作委员会", "法制工作委员会", "CongressWorkingBody"),
        ("街道工委", "街道工委", "CongressWorkingBody"),
        ("教育部门", "教育部门", "GovernmentDepartment"),
        ("公安机关", "公安机关", "GovernmentDepartment"),
        ("检察机关", "检察机关", "Procuratorate"),
        ("社区级人大代表联络站", "社区级人大代表联络站", "LiaisonStation"),
        ("人大代表培训基地", "人大代表培训基地", "TrainingBase"),
        ("代表小组", "代表小组", "Team"),
        ("区政协", "区政协", "OtherOrgan"),
    ],
)
def test_resolve_organ_gives_the_class_of_each_kind(text, label, cls):
    facts = _facts(text)
    organs = [m for m in facts.mentions if m.kind == "organ" and m.label == label]
    ent = resolve_organ(organs[0], Jurisdiction("k", "区", ""))
    assert (ent.label, ent.cls, ent.path) == (label, cls, f"organ/k/{label}")


def test_resolve_organ_scopes_local_organs_to_each_document():
    a, b = _facts("区政府要加强监督。", "a"), _facts("**区人民政府要加强监督。", "b")
    ja, jb = jurisdiction_of(a), jurisdiction_of(b)
    ea, eb = resolve_organ(a.mentions[0], ja), resolve_organ(b.mentions[0], jb)
    assert ea.label == eb.label == "区政府"
    assert (ea.path, eb.path) == ("organ/doc-a/区政府", "organ/doc-b/区政府")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("以习近平同志为核心的党中央", "党中央"),
        ("执行中央、省委的决策部署", "中央"),
        ("全国人大常委会", "全国人大常委会"),
        ("国务院", "国务院"),
        ("赴全国人大深圳和成都培训基地学习", "全国人大成都培训基地"),
    ],
)
def test_resolve_organ_gives_national_organs_one_path_for_all_documents(text, label):
    paths = set()
    for doc_id in ("a", "b"):
        facts = _facts(text, doc_id)
        m = next(m for m in facts.mentions if m.label == label)
        paths.add(resolve_organ(m, jurisdiction_of(facts)).path)
    assert paths == {f"organ/全国/{label}"}


def test_resolve_organ_links_sub_units_to_their_organ():
    facts = _facts("区人大常委会党组坚持党的领导。")
    j = Jurisdiction("金水区", "区", "金水区")
    group = next(m for m in facts.mentions if m.label == "区人大常委会党组")
    ent = resolve_organ(group, j)
    assert dict(ent.props) == {"jurisdiction": "金水区", "level": "区",
                               "subOrganizationOf": "organ/金水区/区人大常委会"}


def test_resolve_organ_own_congress_mentions_share_the_own_congress_path():
    facts = _seed_facts("004_340c9bf7fb73703f")
    j = jurisdiction_of(facts)
    own = own_congress(j)
    paths = {resolve_organ(m, j).path for m in facts.mentions if m.label == "区人大常委会"}
    assert paths == {own.path} == {"organ/doc-004_340c9bf7fb73703f/区人大常委会"}


def test_resolve_organ_keeps_a_masked_other_place_apart():
    facts = _facts("做到党中央、省委、市委、*市委重大决策部署到哪里。")
    j = Jurisdiction("k", "市", "")
    paths = {m.label: resolve_organ(m, j).path for m in facts.mentions}
    assert paths["市委"] == "organ/k/市委"
    assert paths["*市委"] == "organ/k/某市委"


def test_resolve_organ_types_sittings_and_ignores_other_kinds():
    facts = _facts("在区十三届人大常委会第二十三次会议上述职。")
    j = Jurisdiction("doc-t", "区", "")
    sitting = next(m for m in facts.mentions if m.kind == "sitting")
    ent = resolve_organ(sitting, j)
    assert (ent.cls, ent.path) == ("Sitting", "organ/doc-t/区十三届人大常委会第二十三次会议")
    law = Mention("law", 0, 3, "宪法", "宪法", "laws.registry", 0)
    assert resolve_organ(law, j) is None


@pytest.mark.parametrize(
    ("label", "level", "expected", "cls"),
    [
        ("政府", "区", "区政府", "Government"),
        ("人民政府", "县", "县政府", "Government"),
        ("常委会", "市", "市人大常委会", "StandingCommittee"),
        ("法院", "区", "区人民法院", "Court"),
        ("政府", "", "政府", "OtherOrgan"),  # level unknown: left as written
        ("党委", "区", "党委", "OtherOrgan"),  # 党委 alone is generic, never the own one
    ],
)
def test_resolve_organ_reads_bare_cores_as_the_documents_own(label, level, expected, cls):
    m = Mention("organ", 0, len(label), label, label, "reports.reporter", 0)
    ent = resolve_organ(m, Jurisdiction("doc-x", level, ""))
    assert (ent.label, ent.cls, ent.path) == (expected, cls, f"organ/doc-x/{expected}")


@pytest.mark.parametrize(
    ("label", "level", "expected", "parent"),
    [
        # organs.own_sub_unit: 常委会<sub-unit> is the document's own standing committee's
        ("常委会党组", "州", "州人大常委会党组", "organ/doc-x/州人大常委会"),
        ("常委会机关", "县", "县人大常委会机关", "organ/doc-x/县人大常委会"),
        ("常委会法制工作委员会", "市", "市人大常委会法制工作委员会", "organ/doc-x/市人大常委会"),
        # a township has no standing committee: left as written
        ("常委会党组", "镇", "常委会党组", None),
    ],
)
def test_resolve_organ_reads_bare_standing_committee_sub_units_as_the_documents_own(
        label, level, expected, parent):
    m = Mention("organ", 0, len(label), label, label, "organs.sub_unit", 0, (("kind", "党组"),))
    ent = resolve_organ(m, Jurisdiction("doc-x", level, ""))
    assert (ent.label, ent.path) == (expected, f"organ/doc-x/{expected}")
    assert dict(ent.props).get("subOrganizationOf") == parent


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        # organs.own_sub_unit: the document's own council of chairpersons is named bare
        ("由常委会主任会议成员领衔督办。", "区", "主任会议"),
        ("县人大常委会主任会议研究决定。", "县", "主任会议"),
        # another level's council keeps its organ
        ("列席市人大常委会主任会议。", "区", "市人大常委会主任会议"),
    ],
)
def test_resolve_organ_names_the_own_council_of_chairpersons_bare(text, level, expected):
    facts = _facts(text)
    councils = [m for m in facts.mentions if m.kind == "organ" and m.attr("kind") == "主任会议"]
    ent = resolve_organ(councils[0], Jurisdiction("doc-x", level, ""))
    assert (ent.label, ent.path, ent.cls) == (expected, f"organ/doc-x/{expected}", "CongressWorkingBody")
    if expected == "主任会议":
        assert dict(ent.props)["subOrganizationOf"] == f"organ/doc-x/{level}人大常委会"


@pytest.mark.parametrize(
    ("text", "level", "label"),
    [
        # organs.presidium: the presidium gives the township's level to its report
        ("各位代表：\n我受桐溪乡第十六届人民代表大会主席团委托，向大会报告工作。\n县人大常委会给予指导。",
         "乡", "乡人大主席团"),
    ],
)
def test_jurisdiction_of_a_township_report_comes_from_its_presidium(text, level, label):
    facts = _facts(text)
    assert jurisdiction_of(facts).level == level
    assert label in {m.label for m in facts.mentions if m.kind == "organ"}
    assert "乡人大" not in {m.label for m in facts.mentions if m.kind == "organ"}


def test_resolve_organ_keeps_a_bracketed_alternative_level_out_of_the_jurisdiction():
    facts = _facts("州人大常委会工作报告\n州人大常委会委托8个县(市)人大常委会同步检查，县(市)人大常委会配合。")
    j = jurisdiction_of(facts)
    assert j.level == "州"
    alt = next(m for m in facts.mentions if m.rule == "organs.level_alternative")
    ent = resolve_organ(alt, j)
    assert (ent.label, ent.cls) == ("县(市)人大常委会", "StandingCommittee")


@pytest.mark.parametrize(
    ("jurisdiction", "label"),
    [
        # organs.working_committee_written: a street's own committee written in full is the
        # own organ 街道人大工委; another level's keeps the written form
        (Jurisdiction("doc-s", "街道", ""), "街道人大工委"),
        (Jurisdiction("doc-d", "区", ""), "街道人大工作委员会"),
    ],
)
def test_resolve_organ_street_working_committee_written_in_full(jurisdiction, label):
    m = Mention("organ", 0, 9, "街道人大工作委员会", "街道人大工作委员会", "organs.level", 0,
                (("kind", "工作委员会"), ("level", "街道"), ("rank", "街道")))
    assert resolve_organ(m, jurisdiction).label == label
