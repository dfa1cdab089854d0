"""Organ extraction: made-up sentences of the genre at every level, and the five seeds
scored against their gold institutions with the matching rules of the shared scorer."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from kg.extract.organs import extract_organs, organ_labels
from kg.records import Document, Sentence

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds-gold.json"


def _doc(text: str) -> tuple[Document, list[Sentence]]:
    """A document split into sentences on 。！？ and line breaks, offsets kept."""
    sentences = []
    for m in re.finditer(r"[^。！？\n]+[。！？]?", text):
        sentences.append(Sentence(len(sentences), m.start(), m.end(), m.group(), 0, None))
    return Document("t", "t.txt", text, "", (), ""), sentences


def _organs(text: str) -> list:
    doc, sentences = _doc(text)
    return [m for m in extract_organs(doc, sentences) if m.kind == "organ"]


def _labels(text: str) -> set[str]:
    return {m.label for m in _organs(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自治区人大常委会听取自治区人民政府关于生态环境保护工作的报告。", {"自治区人大常委会", "自治区政府"}),
        ("省人大常委会组织开展执法检查，省高级人民法院和省人民检察院配合。",
         {"省人大常委会", "省高级人民法院", "省人民检察院"}),
        ("州人大常委会督促州政府整改落实。", {"州人大常委会", "州政府"}),
        ("盟委、盟行政公署高度重视，盟人大常委会积极配合。", {"盟委", "盟行署", "盟人大常委会"}),
        ("市中级人民法院、市人民检察院、市监察委员会负责同志列席会议。",
         {"市中级人民法院", "市人民检察院", "市监察委员会"}),
        ("县人大常委会审议县人民检察院工作报告，县监委列席。", {"县人大常委会", "县人民检察院", "县监察委员会"}),
        ("旗人大常委会在旗委常委会的领导下开展工作。", {"旗人大常委会", "旗委常委会"}),
        # organs.presidium: a township presidium is one organ named whole (no 镇人大 from it)
        ("镇人大主席团组织代表视察，镇党委、镇政府参加。", {"镇人大主席团", "镇党委", "镇政府"}),
        ("乡人大主席团在乡党委领导下开展工作。", {"乡人大主席团", "乡党委"}),
        # a post after 人大 (专职副主席, 主席) names a person, not the congress (genre3 notes)
        ("我受乡第十五届人民代表大会主席团委托报告工作，乡人大专职副主席参加。", {"乡人大主席团"}),
        ("街道人大工委组织辖区代表开展活动，街道党工委书记出席。", {"街道人大工委", "街道党工委"}),
        ("区纪委监委派员参加，区委组织部协助。", {"区纪委", "区监察委员会", "区委", "区委组织部"}),
        # departments under their names of before the 2008/2018 reforms
        ("对市劳动和社会保障局、市建设局、市工商行政管理局开展工作评议。",
         {"市劳动和社会保障局", "市建设局", "市工商行政管理局"}),
        ("县监察局、县人事局参加。", {"县监察局", "县人事局"}),
        ("开创城市建设局面。", set()),  # 局面 is no bureau
        # a generic working committee (有关工作委员会, 各工作委员会) names no committee
        ("市人大常委会有关工作委员会要会同代表开展跟踪检查。", {"市人大常委会"}),
        # organs.sub_unit_list: bare sub-units listed after one named with its organ share it
        ("县委组织部、宣传部负责人参加。", {"县委", "县委组织部", "县委宣传部"}),
        ("区人大常委会办公室、研究室联合举办培训班。", {"区人大常委会", "区人大常委会办公室", "区人大常委会研究室"}),
        # a sub-unit word that starts a verb phrase (组织部分代表, 宣传部署) is none
        ("盟人大工委组织部分自治区人大代表视察。", {"盟人大工委"}),
        ("县委组织部、宣传部署了工作。", {"县委", "县委组织部"}),
        # organs.department.full_name: a department's short name is labelled with its full name
        ("区市场监管局、区公安分局和区发改委参加检查。", {"区市场监督管理局", "区公安分局", "区发展和改革委员会"}),
        ("走访了区妇联、县住建局。", {"区妇女联合会", "县住房和城乡建设局"}),
        # public media and health bodies named with their level
        ("县电视台、市疾病预防控制中心参加。", {"县电视台", "市疾病预防控制中心"}),
        # the organs of a 地区 named bare (地委, 行署)
        ("在地委的领导下，行署认真落实。", {"地委", "行署"}),
        # organs.court_by_level: a province's court is its 高级人民法院
        ("督促省法院完善行政审判工作，市法院、县人民法院参加。", {"省高级人民法院", "市人民法院", "县人民法院"}),
        ("要求教育部门加大投入，公安机关加强队伍建设。", {"教育部门", "公安机关"}),
        ("听取检察机关、审计机关和监察机关的专项报告。", {"检察机关", "审计机关", "监察机关"}),
        ("在区政协和区总工会的支持下。", {"区政协", "区总工会"}),
        ("以习近平同志为核心的党中央，国务院、最高人民法院、最高人民检察院。",
         {"党中央", "国务院", "最高人民法院", "最高人民检察院"}),
        # committees keep the form written (organs.committee): no expansion of 财经委
        ("市人大财经委、市人大常委会预算工委提前介入。",
         {"市人大", "市人大财经委", "市人大常委会", "市人大常委会预算工委"}),
        ("法制工作委员会和监察和司法委员会分别审议。", {"法制工作委员会", "监察和司法委员会"}),
        ("市人大常委会代表联络工作委员会牵头。", {"市人大常委会", "市人大常委会代表联络工作委员会"}),
        ("区人大及其常委会依法行使职权。", {"区人大", "区人大常委会"}),
        ("人大常委会机关每周三下午开展集体学习，常委会办公室负责。", {"人大常委会机关", "常委会办公室"}),
        ("召开党组理论学习中心组学习会，机关党支部开展主题党日。", {"党组理论学习中心组", "机关党支部"}),
        ("组建人大代表宣讲团和代表专业小组，组织代表小组活动。", {"人大代表宣讲团", "代表专业小组", "代表小组"}),
        ("与市乡村实用人才培训学院合作创建人大代表培训基地。", {"市乡村实用人才培训学院", "人大代表培训基地"}),
        ("全国人大常委会法工委基层立法联系点设在我区。",
         {"全国人大常委会", "全国人大常委会法工委", "基层立法联系点"}),
        ("依托代表之家、代表联络站和代表专业工作室开展活动。", {"代表之家", "代表联络站", "代表专业工作室"}),
    ],
)
def test_extract_organs_finds_organs_at_every_level(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("配合省、市人大开展调研视察。", ["省人大", "市人大"]),
        ("认真贯彻中央和省市委人大工作会议精神。", ["中央", "省委", "市委"]),
        ("按照中央和省、市、区委统一部署。", ["中央", "省委", "市委", "区委"]),
        ("在省市区委的正确领导下。", ["省委", "市委", "区委"]),
        ("市、区两级人大常委会联动开展执法检查。", ["市人大常委会", "区人大常委会"]),
        # a township member of a list is every township: dropped (organs.shared_ending)
        ("市、乡两级人大常委会要加强联系。", ["市人大常委会"]),
        ("执行中央、省委、市委的决策部署。", ["中央", "省委", "市委"]),
        ("督促区县政府抓好落实。", ["区政府", "县政府"]),
    ],
)
def test_extract_organs_splits_shared_endings(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区人大常委会主任在区人大常委会党建工作推进会议上的讲话", ["区人大常委会"]),
        ("市委书记调研讲话精神。", ["市委"]),
        ("县人大常委会副主任、县政府副县长出席。", ["县人大常委会", "县政府"]),
        ("旗人大常委会党组书记主持会议。", ["旗人大常委会", "旗人大常委会党组"]),
    ],
)
def test_extract_organs_reads_organs_inside_job_titles(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("跟踪审议《**区人大常委会关于全区现代物流产业发展情况调研报告的审议意见》落实情况。", ["区人大常委会"]),
        ("贯彻落实省人大常委会《关于加强全省人大代表联络站建设工作的指导意见》。",
         ["省人大常委会", "代表联络站"]),
        ("制定《县人民政府关于加强乡镇人大工作的意见》。", ["县政府"]),
    ],
)
def test_extract_organs_reads_organs_inside_document_titles(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**区第五届人大常委会聚焦新任务。", ["区人大常委会"]),
        ("我受**区第六届人民代表大会常务委员会委托，向大会报告工作。", ["区人大常委会"]),
        ("**市**区人大常委会主任会议研究决定。", ["区人大常委会", "区人大常委会主任会议"]),
        ("听取**区人民法院工作报告，**县法院列席。", ["区人民法院", "县人民法院"]),
        # the masked 市委 listed after 市委 is another city's: the mask is kept
        ("做到党中央、省委、市委、*市委重大决策部署到哪里。", ["党中央", "省委", "市委", "*市委"]),
    ],
)
def test_extract_organs_drops_masked_places_unless_they_tell_organs_apart(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "及时报告上级人大来访情况，各级人大要围绕地方党委的决策部署。",
        "督促有关部门、相关部门和政府部门限期整改并报告落实情况。",
        "乡镇人大要加强规范化建设，苏木乡镇人大要发挥作用。",
        # 县乡人大 / 县乡两级人大 is the fixed term for a tier of congresses
        "县乡人大是基层国家政权的重要组成部分，县乡两级人大要加强联系。",
        "推动县乡人大工作高质量发展，做好县乡两级人民代表大会换届选举。",
        # 人大机关 (the congress offices in general) and 代表家站 (homes and stations together)
        "全面加强人大机关建设，推动代表家站从有形覆盖向有效覆盖转变。",
        # 中央 inside the names of central rules and inspections
        "严格遵守中央八项规定及其实施细则精神，认真整改中央环境保护督察反馈问题。",
        "16名市人大代表进行述职，市、区两级人大代表参加评议。",
        "驻区全国、省、市、区四级人大代表开展专题视察。",
        "学习中央、省、市两会精神，用好中央财政资金。",
        "全区人大工作取得新进展，始终坚持党委中心工作。",
        "社区党委、小区党支部、园区管委会积极配合。",
        "切实加强对“一府一委两院”的监督，建设数字政府。",
        "配足配强市、乡两级人大力量，开展区人大党建+工作。",
        "各区县人大常委会要加强联系，各市州人大常委会也要配合，省市人大代表参加。",
        "在全市人大工作高质量发展座谈会上的发言",
    ],
)
def test_extract_organs_skips_generic_references(text):
    assert _organs(text) == []


@pytest.mark.parametrize(
    ("text", "sitting", "organ"),
    [
        ("在区十三届人大常委会第二十三次会议上述职。", "区十三届人大常委会第二十三次会议", "区人大常委会"),
        ("市人大常委会第十二次主任会议研究。", "市人大常委会第十二次主任会议", "市人大常委会"),
        ("深入贯彻市委十一届十次全会精神。", "市委十一届十次全会", "市委"),
    ],
)
def test_extract_organs_gives_sittings_and_their_organ(text, sitting, organ):
    doc, sentences = _doc(text)
    found = extract_organs(doc, sentences)
    sittings = [m for m in found if m.kind == "sitting"]
    assert [m.label for m in sittings] == [sitting]
    assert sittings[0].attr("organ") == organ
    assert organ in {m.label for m in found if m.kind == "organ"}


@pytest.mark.parametrize(
    ("text", "sitting", "organ"),
    [
        ("**县第十七届人民代表大会第三次会议胜利召开。", "县第十七届人民代表大会第三次会议", "县人大"),
        ("听取区政府关于区十六届人大二次会议代表建议办理情况的报告。", "区十六届人大二次会议", "区人大"),
    ],
)
def test_extract_organs_gives_a_congress_session_as_a_sitting_only(text, sitting, organ):
    doc, sentences = _doc(text)
    found = extract_organs(doc, sentences)
    sittings = [m for m in found if m.kind == "sitting"]
    assert [m.label for m in sittings] == [sitting]
    assert sittings[0].attr("organ") == organ
    assert organ not in {m.label for m in found if m.kind == "organ"}


def test_extract_organs_gives_a_sitting_without_level_but_no_organ():
    doc, sentences = _doc("听取关于五届人大一次会议代表建议办理情况的报告。")
    found = extract_organs(doc, sentences)
    assert [(m.kind, m.label) for m in found] == [("sitting", "五届人大一次会议")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在社区层面，建立84个社区级人大代表联络站。", ["社区级人大代表联络站"]),
        ("探索建立9个行业人大代表联络站。", ["行业人大代表联络站"]),
        # a station of no tier is the plain type, written with or without 人大
        ("全区共建成人大代表之家12个、代表联络站56个。", ["代表之家", "代表联络站"]),
        ("全旗嘎查村代表联络站实现全覆盖。", ["嘎查村代表联络站"]),
        ("设立街道代表联络站，每个街道配备专职工委主任。", ["街道代表联络站"]),
        # a township tier is every township's: the plain type (乡镇人大代表之家 -> 代表之家)
        ("建成3个乡镇代表联络站和20个村级代表联络点。", ["代表联络站", "村级代表联络点"]),
        ("新建乡镇人大代表之家9个，全县代表之家全覆盖。", ["代表之家"]),
        ("全旗苏木乡镇代表联络站实现全覆盖。", ["代表联络站"]),
        # rooms for deputies as stations; inside a list of rooms they are a station's facilities
        ("新建代表活动室15个，实现乡镇全覆盖。", ["代表活动室"]),
        ("依托人大代表接待室收集群众意见。", ["代表接待室"]),
        ("代表联络站要设有代表议事厅、代表接待室、代表活动室和资料阅览室。", ["代表联络站"]),
    ],
)
def test_extract_organs_finds_stations_after_counts(text, expected):
    assert organ_labels(_organs(text)) == expected


def test_extract_organs_merges_station_variants_within_a_document():
    text = "建立84个社区级人大代表联络站。代表在社区代表联络站接待选民。行业代表联络站每两个月活动一次，9个行业人大代表联络站。"
    assert organ_labels(_organs(text)) == ["社区级人大代表联络站", "行业人大代表联络站"]


def test_extract_organs_splits_training_bases_and_keeps_their_parent():
    found = _organs("组织部分人大代表赴全国人大深圳和成都培训基地参加轮训学习。")
    assert organ_labels(found) == ["全国人大", "全国人大深圳培训基地", "全国人大成都培训基地"]
    assert {m.attr("parent") for m in found if m.rule == "organs.sub_unit"} == {"全国人大"}


@pytest.mark.parametrize(
    ("text", "label", "attrs"),
    [
        ("**区第六届人民代表大会常务委员会", "区人大常委会", {"kind": "人大常委会", "level": "区", "rank": "区", "term": "六"}),
        ("郑州市金水区人大常委会2023年工作报告\n正文。", "区人大常委会",
         {"kind": "人大常委会", "level": "区", "rank": "区", "place": "郑州市金水区"}),
        ("我受金水区第十六届人民代表大会常务委员会委托。", "区人大常委会",
         {"kind": "人大常委会", "level": "区", "rank": "区", "term": "十六", "place": "金水区"}),
        # organs.level_label: an autonomous county's organs are the 县's (县委, 县人大常委会)
        ("中共长阳土家族自治县委员会召开全会。", "县委",
         {"kind": "党委", "level": "县", "rank": "县", "place": "长阳土家族自治县"}),
        ("红河哈尼族彝族自治州人民代表大会常务委员会工作报告\n正文。", "州人大常委会",
         {"kind": "人大常委会", "level": "州", "rank": "市", "place": "红河哈尼族彝族自治州"}),
        ("自治区人民政府", "自治区政府", {"kind": "政府", "level": "自治区", "rank": "省"}),
        ("要求区政府认真研究处理。", "区政府", {"kind": "政府", "level": "区", "rank": "区"}),
        ("坚定落实区委决策\n正文。", "区委", {"kind": "党委", "level": "区", "rank": "区"}),
        ("公安机关", "公安机关", {"kind": "执法机关"}),
        ("党中央", "党中央", {"kind": "党委", "level": "全国", "rank": "全国"}),
    ],
)
def test_extract_organs_records_kind_level_term_and_unmasked_place(text, label, attrs):
    found = _organs(text)
    assert found[0].label == label
    assert dict(found[0].attrs) == attrs


def test_extract_organs_spans_point_into_the_text_and_sentences():
    text = "一年来，区人大常委会在区委领导下工作。\n我受**区第六届人民代表大会常务委员会委托报告。"
    doc, sentences = _doc(text)
    found = extract_organs(doc, sentences)
    assert found
    for m in found:
        assert text[m.start:m.end] == m.text
        s = sentences[m.sentence]
        assert s.start <= m.start and m.end <= s.end
    assert [m.text for m in found] == ["区人大常委会", "区委", "**区第六届人民代表大会常务委员会"]
    assert [m.rule for m in found] == ["organs.level"] * 3


def _scorer():
    spec = importlib.util.spec_from_file_location("seed_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seed_predictions() -> tuple[list, list]:
    from kg.ingest import read_document
    from kg.segment import segment

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pred = []
    for g in gold:
        doc = read_document(SEEDS / f"{g['id']}.txt")
        _, sentences = segment(doc)
        pred.append({"id": g["id"], "institutions": organ_labels(extract_organs(doc, sentences))})
    gold_inst = [{"id": g["id"], "institutions": g["institutions"]} for g in gold]
    return gold_inst, pred


def test_extract_organs_scores_at_least_090_on_the_seeds():
    gold, pred = _seed_predictions()
    result = _scorer().score(gold, pred)["institutions"]
    print(f"seed institutions: P={result['precision']} R={result['recall']} F1={result['f1']}")
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.9
    assert result["f1"] >= 0.9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # organs.place_end: a city named X州 before 市/区 is a place, not the list 州、市
        ("与温州、台州市人大常委会开展联动监督。", ["市人大常委会"]),
        ("会同徐州市人民政府和通州区人民政府推进合作。", ["市政府", "区政府"]),
        # a real list of 州 and 市 after a count or 各 stays a list or a generic reference
        # organs.same_rank_tier: levels of one rank written together name the tier
        # (genre3 notes: 市州人大常委会 is recorded whole)
        ("全省14个州市人大常委会同步开展检查。", ["州市人大常委会"]),
        ("各州市人大常委会要加强工作交流。", []),
        ("在省市区委的坚强领导下。", ["省委", "市委", "区委"]),
    ],
)
def test_extract_organs_drops_place_names_that_end_in_a_level_character(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # working committees as written (organs.committee), abbreviated or not
        ("区人大常委会城建环资工委牵头开展调研，社会建设工委配合。",
         ["区人大常委会", "区人大常委会城建环资工委", "社会建设工委"]),
        ("由监察和司法工委、预算工委分别提出审议意见。", ["监察和司法工委", "预算工委"]),
        ("省人大教科文卫委员会和省人大常委会法工委联合调研。",
         ["省人大", "省人大教科文卫委员会", "省人大常委会", "省人大常委会法工委"]),
        # organs.committee_list: the committees listed after the first share its organ
        ("市人大常委会财经委、代表工委、农业农村工委参加。",
         ["市人大常委会", "市人大常委会财经委", "市人大常委会代表工委", "市人大常委会农业农村工委"]),
        # …and after a bare 常委会X (the own committee's), which resolve reads as the own congress's
        ("常委会预算工作委员会、代表工作委员会牵头。", ["常委会预算工作委员会", "常委会代表工作委员会"]),
        # organs.committee_alias: …工委 abbreviating a working committee named in full
        ("由常委会预算工作委员会、代表工作委员会（以下分别简称预工委、代表工委）牵头。",
         ["常委会预算工作委员会", "常委会代表工作委员会"]),
        # a verb of setting up is not part of the body's name (organs.sub_unit)
        ("县人大常委会抓紧组建社会建设工作委员会。", ["县人大常委会", "县人大常委会社会建设工作委员会"]),
        ("常委会新设立了代表工作委员会，充实了工作力量。", ["常委会代表工作委员会"]),
        # the council of chairpersons, township presidia as a type of body
        ("全年召开常委会会议8次、主任会议16次。", ["主任会议"]),
        ("修订了主任会议议事规则，各乡镇人大主席团工作进一步规范。", ["主任会议", "乡镇人大主席团"]),
        ("两个乡镇人大主席团作了交流发言。", ["乡镇人大主席团"]),
        # the subdistrict's office and the street working committee, as written
        ("街道人大工委组织代表视察，督促街道办事处限期整改。", ["街道人大工委", "街道办事处"]),
        # groups an organ sends; a bare 检查组 names no one
        ("做好省人大常委会执法检查组来县检查的服务保障。", ["省人大常委会", "省人大常委会执法检查组"]),
        ("组织部分代表参加了检查组在我镇的检查活动。", []),
        # 中央 issuing a document in book-title marks, and 中共中央 as 党中央
        ("贯彻中央《关于加强县乡人大工作和建设的若干意见》。", ["中央"]),
        ("认真落实中共中央《关于新时代坚持和完善人民代表大会制度的意见》。", ["党中央"]),
    ],
)
def test_extract_organs_keeps_bodies_as_written(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # organs.tier_list: three or more levels before 三级人大 are the tiered system
        ("实现了省、市、县三级人大联动全覆盖。", []),
        ("深化省市县三级人大联动监督机制。", []),
        ("建立市、县两级人大联动机制。", []),
        # two levels acting, and standing committees, are bodies
        ("市、县两级人大同步开展执法检查。", ["市人大", "县人大"]),
        ("省、市、县三级人大常委会同步开展检查。", ["省人大常委会", "市人大常委会", "县人大常委会"]),
    ],
)
def test_extract_organs_reads_a_tier_of_congresses_as_a_system(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # organs.level_alternative: a bracketed alternative level, kept as written
        ("委托6个县(市)人大常委会同步开展检查。", ["县(市)人大常委会"]),
        ("督促县（市、区）人民法院加强执行工作。", ["县（市、区）人民法院"]),
        # a township alternative (乡（镇）) is every township: generic
        ("指导乡（镇）人大依法开展工作。", []),
    ],
)
def test_extract_organs_keeps_a_bracketed_alternative_level_as_written(text, expected):
    found = _organs(text)
    assert organ_labels(found) == expected
    assert all(m.attr("level") is None for m in found)  # it weighs in no jurisdiction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # organs.team: numbered groups are named groups
        ("第二代表小组围绕乡村旅游开展调研，第五代表小组参加。", ["第二代表小组", "第五代表小组"]),
        # organs.team_formed: a group set up of named members
        ("组建由***等7名代表组成的监督小组，全程跟踪项目建设。", ["监督小组"]),
        ("成立调研小组，赴外地学习考察。", ["调研小组"]),
        # organs.residents_council: a street's residents' council
        ("召开街道居民议政会3次，听取街道办事处工作情况的报告。", ["街道居民议政会", "街道办事处"]),
    ],
)
def test_extract_organs_finds_numbered_and_formed_groups_and_councils(text, expected):
    assert organ_labels(_organs(text)) == expected


# ---- genre3 round: classes of phenomena (made-up sentences of the genre)

_WRAP = "某" * 24  # a full line of a PDF copy before a hard line break


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # departments and offices answering a 专题询问 (organs.department, .level_only)
        ("副区长和区住房保障局、区规划国土分局、区发展改革委负责同志到会应询。",
         ["区住房保障局", "区规划国土分局", "区发展改革委"]),
        ("县扶贫开发办公室、县民族宗教事务局作了回答。", ["县扶贫开发办公室", "县民族宗教事务局"]),
        # township stations and units of a 站所评议; a mask stands for the place
        ("对乡财政所、乡农业综合服务中心、乡卫生院和乡中心小学开展评议。",
         ["乡财政所", "乡农业综合服务中心", "乡卫生院", "乡中心小学"]),
        ("对街道综合行政执法中队、**司法所开展专项评议。", ["街道综合行政执法中队", "司法所"]),
        # without a level or mask these words are not organs
        ("建设数据中心和文化站。", []),
        # a Party committee's inspection office; the election committee; Party departments
        ("县委督查室要跟踪督办。", ["县委", "县委督查室"]),
        ("依法成立了县选举委员会。", ["县选举委员会"]),
        ("宣传部门要加强人大新闻宣传。", ["宣传部门"]),
    ],
)
def test_extract_organs_finds_departments_offices_and_township_units(text, expected):
    assert organ_labels(_organs(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # organs.group_named: a working group set up under its own name
        ("常委会成立了乡镇人大换届选举工作指导小组。", ["乡镇人大换届选举工作指导小组"]),
        ("县人大常委会设立单行条例清理工作领导小组。", ["县人大常委会", "单行条例清理工作领导小组"]),
        # organs.station_quoted: a station named in quotes keeps its name
        ("在5个村试点建设“民族团结代表联络点”。", ["民族团结代表联络点"]),
        # organs.level_tier: a tier below the document's own, kept as written
        ("加强与县级人大常委会的工作联系。", ["县级人大常委会"]),
        # organs.level_alternative after 各
        ("委托各县（市、区）人大常委会同步检查。", ["县（市、区）人大常委会"]),
        # organs.in_law_title: organs inside a law's title are part of its name
        ("学习《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》。", []),
        # a publication or a post of the congress is not the congress; 兄弟省市 is generic
        ("在省、市人大刊物发表稿件，接待兄弟省区市人大考察团。", []),
        ("镇人大主席  ***", []),
    ],
)
def test_extract_organs_finds_named_groups_and_skips_non_organs(text, expected):
    assert organ_labels(_organs(text)) == expected


def test_extract_organs_reads_names_across_hard_line_breaks():
    # organs.wrapped_line: 省\n发展改革委 cut by a PDF line break is one name
    text = f"常委会开展专题询问，副省长{_WRAP}带领省\n发展改革委负责同志到会应询。"
    ms = _organs(text)
    assert [m.label for m in ms] == ["省发展改革委"]
    assert ms[0].text == text[ms[0].start:ms[0].end] == "省\n发展改革委"


def test_extract_organs_gives_one_label_to_an_organ_written_two_ways():
    # organs.working_committee_written and organs.committee_parent
    text = ("**街道人大工作委员会召开会议。街道人大工委组织代表视察。"
            "邀请市人大常委会法制工作委员会辅导，法制工作委员会作了说明。")
    assert organ_labels(_organs(text)) == ["街道人大工委", "市人大常委会", "市人大常委会法制工作委员会"]
    # written only in full (another level's committee in a district text): kept as written
    assert organ_labels(_organs("加强对镇人大和街道人大工作委员会的指导。")) == ["镇人大", "街道人大工作委员会"]


@pytest.mark.parametrize(
    ("rule", "text", "present", "absent"),
    [
        # organs.dispatched: the dispatched unit is one body; its sender is not recorded
        ("organs.dispatched", "机关干部自觉接受市纪委派驻第二纪检组的监督。",
         {"市纪委派驻第二纪检组"}, {"市纪委"}),
        ("organs.dispatched", "州监察委员会派驻监察室列席了会议。", {"州监察委员会派驻监察室"}, {"州监察委员会"}),
        # organs.direct_organs_committee: 市直机关工委 is one body after its level word
        ("organs.level", "党支部被县直机关工委评为先进党支部。", {"县直机关工委"}, set()),
        # organs.committee_short_form: every listed committee is also written short
        ("organs.committee", "请监察和司法委牵头起草。", {"监察和司法委"}, set()),
        # organs.committee_list: committees listed after one named with its organ share it
        ("organs.committee_list", "邀请省人大常委会预算工委、农业与农村工委的同志参加调研。",
         {"省人大常委会预算工委", "省人大常委会农业与农村工委"}, {"农村工委", "农业与农村工委"}),
        ("organs.committee_list", "常委会办公室、法工委认真做好服务。", {"法工委"}, {"常委会办公室法工委"}),
        # organs.department_shared: sectors listed before one 部门 share it
        ("organs.department_shared", "政府及民政、审计部门分别作了说明。", {"民政部门", "审计部门"}, set()),
        # organs.department: the short sector forms 食品药品监管, 行政审批服务
        ("organs.department", "县行政审批服务局负责人到会。", {"县行政审批服务局"}, set()),
        ("organs.department", "州食品药品监管局作了说明。", {"州食品药品监管局"}, set()),
        # organs.court_short: 中级法院 / 高级法院 written short are the same courts
        ("organs.level", "盟中级法院和区高级法院派员列席。", {"盟中级人民法院", "区高级人民法院"}, {"盟中级法院"}),
        # organs.sub_unit_in_title: a unit named as the scope of its own rules
        ("organs.sub_unit_in_title", "会议修订了《市人大常委会办公室公文处理办法》。",
         {"市人大常委会"}, {"市人大常委会办公室"}),
        # organs.committee_alias: an abbreviation of a committee named in full is that committee
        ("organs.committee_alias", "市人大教育科学文化卫生委员会开展调研。附表：报告单位 市政府 教科卫委",
         {"市人大教育科学文化卫生委员会"}, {"教科卫委"}),
    ],
)
def test_construction_rules(rule, text, present, absent):
    labels = _labels(text)
    assert present <= labels, labels
    assert not (absent & labels), labels
