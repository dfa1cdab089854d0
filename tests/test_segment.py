"""Segment: sentences and their offsets, section headings and levels, modality, keywords."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.ingest import read_document
from kg.records import COMPLETED, PLANNED, Document
from kg.segment import LONG_SENTENCE, heading_modality, keywords, modality_cue, modality_cues, segment

from _paths import SEEDS as SEED_DIR

SEEDS = sorted(SEED_DIR.glob("*.txt"))
C, P = COMPLETED, PLANNED


def _doc(text: str) -> Document:
    return Document("t", "t.txt", text, "", (), "")


# --------------------------------------------------------------------------- modality cues


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # planned: modal 要 / 将, 拟, 计划 as a verb, 力争, 下一步, 明年
        ("常委会要积极推动物流业转型升级", P),
        ("一要加强学习，二要改进作风", P),
        ("区人大常委会将继续开展执法检查", P),
        ("常委会将以新发展理念为指导", P),
        ("今年还将开展两项专题询问", P),
        ("拟安排在6月听取和审议区政府关于营商环境的报告", P),
        ("计划于三季度开展专题询问", P),
        ("力争实现代表联络站全覆盖", P),
        ("下一步，围绕乡村振兴组织代表视察", P),
        ("明年重点围绕乡村振兴开展调研", P),
        # completed: perfective 了, 已, 先后, 累计, 共, 全年, 一年来, 过去
        ("常委会听取了区政府关于环境保护工作的报告", C),
        ("已完成年度立法计划", C),
        ("先后组织开展执法检查3次", C),
        ("累计收到代表建议120件", C),
        ("共召开常委会会议12次", C),
        ("全年审议专项工作报告8个", C),
        ("一年来，常委会依法履职", C),
        ("半年来，代表联络站接待群众", C),
        ("过去五年，常委会依法履职", C),
        # words that contain a cue character but are no cue
        ("常委会要求区政府认真整改", None),
        ("这是一项重要工作", None),
        ("充分发挥主要领导的作用", None),
        ("需要各方共同努力", None),
        ("把握要点，精简会议要素", None),
        ("只要群众有需求", None),
        ("为了更好地了解民情", None),
        ("坚持以人民为中心，共建共享共治", None),
        ("认真审议国民经济和社会发展计划执行情况的报告", None),
        # 将 as the object marker
        ("将人大工作作为重点纳入全局", None),
        ("现将有关工作进展情况汇报如下", None),
        ("将其纳入年度监督计划", None),
        # grammatical cues beat time adverbials; among equals the earliest wins
        ("全年计划召开常委会会议6次", P),
        ("明年已列入计划的项目", C),
        ("今年已开展视察2次，明年将继续跟踪", C),
        ("常委会将跟踪审议意见的落实，已于上月启动", P),
        # a past time inside a relative clause with 过的 describes the object (modality.none.relative_past)
        ("对去年检查过的种子法开展“回头看”", None),
        ("对上年视察过的项目，明年继续跟踪", P),
    ],
)
def test_modality_cue(sentence, expected):
    assert modality_cue(sentence) == expected


def test_modality_cues_give_offsets_of_the_cue_words():
    text = "过去一年开展了执法检查，明年要继续开展"
    cues = modality_cues(text)
    assert cues == [(0, "过去", C), (6, "了", C), (12, "明年", P), (14, "要", P)]
    assert all(text[i : i + len(cue)] == cue for i, cue, _ in cues)


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("过去一年的主要工作", C),
        ("一年来的工作回顾", C),
        ("一、过去五年工作回顾", C),
        ("主要工作", C),
        ("2023年工作安排", P),
        ("2024年的主要任务", P),
        ("今后五年的工作建议", P),
        ("下一步工作打算", P),
        ("二、明年工作思路", P),
        ("一、认真办理代表建议，提高建议质量", None),
        ("二、坚持依法监督，推动高质量发展", None),
        ("二、2019年工作任务", P),
        # half-year summaries (headings.modality completed list)
        ("一、上半年工作开展情况", C),
        ("一、前三季度工作完成情况", C),
        # a plan cue beats a past cue in one phrase, but a title joining a past half and a
        # plan half says nothing (headings.modality.mixed)
        ("2025年上半年工作安排", P),
        ("2023年上半年工作总结及下半年工作打算", None),
        ("过去一年工作回顾和今年工作安排", None),
        ("三、突出重点，扎实推进今年的监督工作", P),  # a speech's part on the year ahead
        ("一、今年以来的主要工作", C),
    ],
)
def test_heading_modality(heading, expected):
    assert heading_modality(heading) == expected


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_sentence_offsets_point_into_the_text_for_every_seed(path):
    doc = read_document(path)
    sections, sentences = segment(doc)
    assert sentences and sections[0].level == 0 and sections[0].end == len(doc.text)
    previous_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
        inner = sections[s.section]
        assert inner.start <= s.start and s.end <= inner.end
        # innermost: no deeper section also holds the sentence start
        assert not any(
            x.level > inner.level and x.start <= s.start < x.end for x in sections
        )
    # nothing but whitespace falls between sentences
    covered = "".join("".join(s.text.split()) for s in sentences)
    assert covered == "".join(doc.text.split())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("他说：“要加强监督。”随后散会。", ["他说：“要加强监督。”", "随后散会。"]),
        ("标题行\n  正文一句。\n\n正文二句", ["标题行", "正文一句。", "正文二句"]),
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
        ("分号；不在短句中切分。", ["分号；不在短句中切分。"]),
    ],
)
def test_sentences_split_at_terminators_and_line_breaks(text, expected):
    _, sentences = segment(_doc(text))
    assert [s.text for s in sentences] == expected


_WRAPPED = (
    "（一）执法检查\n"
    "一是推动某某保护法实施。《中华人民共和国某某保护法》于2021年3\n"
    "月1日施行，常委会将其列为年度重点检查项目，由常委会主任任检查组\n"
    "组长，环境与资源保护委员会具体承办，与沿江各市州人大常委会联动开\n"
    "展检查，并委托沿江县（市、区）人大常委会同步开展检查。\n"
    "二是推动某某促进法全面实施。《中华人民共和国某某促进法》施行后，\n"
    "常委会迅速组织开展执法检查，检查组赴6个市州实地检查，提出审议意\n"
    "见6条。"
)


@pytest.mark.parametrize("text, expected", [
    # segment.join.wrap: a document hard-wrapped at a fixed width (PDF copies): lines rejoined
    (_WRAPPED, ["（一）执法检查",
                "一是推动某某保护法实施。",
                "《中华人民共和国某某保护法》于2021年3\n月1日施行，常委会将其列为年度重点检查项目，由常委会主任任检查组\n"
                "组长，环境与资源保护委员会具体承办，与沿江各市州人大常委会联动开\n展检查，并委托沿江县（市、区）人大常委会同步开展检查。",
                "二是推动某某促进法全面实施。",
                "《中华人民共和国某某促进法》施行后，\n常委会迅速组织开展执法检查，检查组赴6个市州实地检查，提出审议意\n见6条。"]),
    # a single break inside a long prose line (a web copy): rejoined
    ("常委会坚持党组中心组学习制度，全年集中学习12次。加强人大宣传工作，在本地报纸开设专栏，全年刊发稿件\n160余篇。",
     ["常委会坚持党组中心组学习制度，全年集中学习12次。",
      "加强人大宣传工作，在本地报纸开设专栏，全年刊发稿件\n160余篇。"]),
    # short title lines, headings, schedule rows and table rows stay lines of their own
    ("某县人民代表大会常务委员会工作报告\n——2024年1月10日在某县第十届人民代表大会第三次会议上\n一、过去一年的工作\n正文。",
     ["某县人民代表大会常务委员会工作报告", "——2024年1月10日在某县第十届人民代表大会第三次会议上",
      "一、过去一年的工作", "正文。"]),
    ("序号  时间  报告名称  报告单位\n1    3月    关于城乡供水工作情况的报告    县政府",
     ["序号  时间  报告名称  报告单位", "1    3月    关于城乡供水工作情况的报告    县政府"]),
    ("9月 法院、检察院专项工作报告，城市供水工作情况报告（城建工委）\n10月 国有资产管理情况报告（预算工委）",
     ["9月 法院、检察院专项工作报告，城市供水工作情况报告（城建工委）", "10月 国有资产管理情况报告（预算工委）"]),
])
def test_hard_wrapped_lines_are_rejoined(text, expected):
    sections, sentences = segment(_doc(text))
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_a_line_broken_off_inside_a_clause_is_no_part_heading():
    # headings.part: a wrapped fragment ending with ， that holds a cue word (完成情况) is no heading
    text = "听取和审议了县政府关于2023年度环境状况和环境保护目标完成情况的报告，\n依法开展了专题询问。"
    sections, sentences = segment(_doc(text))
    assert [s.level for s in sections[1:]] == []
    assert len(sentences) == 1


def test_long_sentence_is_split_after_semicolons():
    part = "听取和审议区政府关于生态环境保护工作情况的报告并提出审议意见" * 2
    text = "；".join([part] * 3) + "。"
    assert len(text) > LONG_SENTENCE
    _, sentences = segment(_doc(text))
    assert [s.text for s in sentences] == [part + "；", part + "；", part + "。"]


# --------------------------------------------------------------------------- sections


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "过去一年的主要工作\n一、加强监督\n（一）依法开展执法检查。正文。\n1.检查食品安全法。\n（2）检查水法。\n2023年工作安排\n一、继续监督",
            [
                (1, "过去一年的主要工作"),
                (2, "一、加强监督"),
                (3, "（一）依法开展执法检查"),
                (4, "1.检查食品安全法"),
                (4, "（2）检查水法"),
                (1, "2023年工作安排"),
                (2, "一、继续监督"),
            ],
        ),
        ("第一部分 回顾\n正文。\n第二部分 任务\n正文。", [(1, "第一部分 回顾"), (1, "第二部分 任务")]),
        ("①开展视察。\n②组织调研。", [(4, "①开展视察"), (4, "②组织调研")]),
        # run-in enumeration 一是…二是…三是…
        (
            "常委会坚持三点：一是加强学习。二是改进作风，三是提升质效。",
            [(5, "一是加强学习"), (5, "二是改进作风"), (5, "三是提升质效")],
        ),
        # a lone 二是, a 一是 without a 二是, and numbers that are not headings are not sections
        ("这就是二是的用法。\n统一是关键。\n10.26事件后。\n2023.5.1召开。", []),
        # long lines ending like sentences are not part headings
        ("常委会今后要继续加强监督。", []),
        # rows of a schedule table are not part headings (headings.part.not_part)
        ("三、工作安排表\n5月 城市供水工作情况报告（城建环资工委）\n6月 下半年工作计划（办公室）",
         [(2, "三、工作安排表")]),
    ],
)
def test_headings_and_levels(text, expected):
    sections, _ = segment(_doc(text))
    assert [(s.level, s.heading) for s in sections[1:]] == expected
    for s in sections:
        assert text[s.start : s.start + len(s.heading)] == s.heading


def test_section_spans_nest_and_end_at_the_next_heading_of_the_same_level():
    text = "一、甲\n（一）子甲。正文。\n（二）子乙。正文。\n二、乙\n正文。"
    sections, _ = segment(_doc(text))
    by_heading = {s.heading: s for s in sections}
    assert text[by_heading["一、甲"].start : by_heading["一、甲"].end].rstrip() == "一、甲\n（一）子甲。正文。\n（二）子乙。正文。"
    assert text[by_heading["（二）子乙"].start : by_heading["（二）子乙"].end].rstrip() == "（二）子乙。正文。"
    assert by_heading["二、乙"].end == len(text)


def test_enumeration_item_ends_at_the_paragraph_end():
    text = "一是加强学习；二是改进作风。\n下一段落。"
    sections, sentences = segment(_doc(text))
    last = sections[-1]
    assert text[last.start : last.end] == "二是改进作风。"
    assert sentences[-1].text == "下一段落。" and sentences[-1].section == 0


SEED_004 = SEED_DIR / "004_340c9bf7fb73703f.txt"


def test_yearly_report_plan_part_is_planned_and_past_part_completed():
    doc = read_document(SEED_004)
    sections, sentences = segment(doc)
    past = next(s for s in sections if s.heading == "过去一年的主要工作")
    plan = next(s for s in sections if s.heading == "2023年工作安排")
    assert (past.level, past.modality, plan.level, plan.modality) == (1, C, 1, P)
    assert past.end == plan.start and plan.end == len(doc.text)
    for s in sections[1:]:
        assert s.modality == (P if s.start >= plan.start else C)
    # the 一、…八、 headings inside the plan part are plans, whatever their wording
    assert sum(1 for s in sections if s.level == 2 and s.modality == P) == 8
    # sentences before the first part heading have no section modality
    assert all(sections[x.section].modality is None for x in sentences if x.end <= past.start)
    # the plan part speaks mostly in planned cues
    cues = [x.modality for x in sentences if x.start >= plan.start and x.modality]
    assert cues.count(P) > 3 * cues.count(C)


def test_summary_and_plan_title_leaves_the_parts_to_decide():
    text = ("某街道人大工委2023年上半年工作总结及下半年工作打算\n一、上半年工作开展情况\n（一）加强监督\n"
            "开展视察。\n二、下半年工作打算\n（一）继续监督\n开展调研。")
    sections, _ = segment(_doc(text))
    assert [(s.heading, s.modality) for s in sections[1:]] == [
        ("一、上半年工作开展情况", C),
        ("（一）加强监督", C),
        ("二、下半年工作打算", P),
        ("（一）继续监督", P),
    ]


def test_a_summary_titled_document_turns_to_plans_at_its_plan_part():
    text = ("某区人大常委会2024年上半年工作总结\n开头。\n一、依法监督\n开展了执法检查。\n"
            "二、下半年工作打算\n一是听取报告；二是开展执法检查。")
    sections, _ = segment(_doc(text))
    assert [(s.heading, s.modality) for s in sections if s.level in (1, 2)] == [
        ("某区人大常委会2024年上半年工作总结", C), ("一、依法监督", C), ("二、下半年工作打算", P)]


def test_a_kick_off_speech_speaks_of_work_to_come():
    text = "在全市执法检查和部门工作评议动员大会上的讲话\n今年对三个部门开展工作评议。\n去年开展了执法检查。"
    sections, sentences = segment(_doc(text))
    assert sections[1].modality == P
    assert sentences[-1].modality == C  # a past cue in the sentence still speaks first


def test_a_label_and_value_line_is_no_part_heading():
    text = ("某市人大常委会2014年度监督工作计划\n一、听取和审议专项工作报告\n3月 听取报告\n"
            "监督重点：年度计划开工任务的完成情况\n二、执法检查\n对某法开展执法检查。")
    sections, _ = segment(_doc(text))
    assert {s.modality for s in sections[1:]} == {P}
    assert not any(s.heading.startswith("监督重点") for s in sections)


def test_plan_document_stays_planned_through_its_schedule_table():
    text = ("某区人大常委会2025年度监督工作计划\n一、监督项目\n拟于5月开展执法检查。\n二、工作安排表\n"
            "5月 城市供水工作情况报告（城建环资工委）\n6月 种子法执法检查（农业农村工委）")
    sections, _ = segment(_doc(text))
    assert {s.modality for s in sections[1:]} == {P}


def test_numbered_parts_with_plan_cue_switch_modality():
    text = "一、过去五年工作回顾\n开展了执法检查。\n二、今后五年的工作建议\n要继续开展执法检查。\n（一）加强监督。"
    sections, _ = segment(_doc(text))
    assert [(s.heading, s.modality) for s in sections[1:]] == [
        ("一、过去五年工作回顾", C),
        ("二、今后五年的工作建议", P),
        ("（一）加强监督", P),
    ]


@pytest.mark.parametrize("text, expected", [
    # headings.modality.enumeration_intro: the introduction's cue, over the part's modality
    ("一、2023年工作回顾\n2024年，我们将重点做好以下工作：一是听取报告；二是开展执法检查。", P),
    ("二、2024年工作安排\n一年来，主要做了以下工作：一是听取报告；二是开展执法检查。", C),
    ("下半年，常委会要抓好三项工作：一是听取报告，二是开展视察，三是组织调研。", P),
])
def test_an_enumeration_opened_by_a_colon_takes_its_introductions_modality(text, expected):
    sections, _ = segment(_doc(text))
    items = [s for s in sections if s.level == 5]
    assert len(items) >= 2 and {s.modality for s in items} == {expected}


def test_an_enumeration_without_a_colon_keeps_the_parts_modality():
    text = "一、2023年工作回顾\n常委会将继续努力。一是听取报告；二是开展执法检查。"
    sections, _ = segment(_doc(text))
    assert {s.modality for s in sections if s.level == 5} == {C}


# --------------------------------------------------------------------------- keywords


def test_keywords_are_topics_without_genre_words():
    text = read_document(SEED_004).text
    kw = keywords(text, k=10)
    assert 0 < len(kw) <= 10 and len(set(kw)) == len(kw)
    assert not {"工作", "人大", "常委会", "人大常委会"} & set(kw)
    assert all(w in text for w in kw)


def test_keywords_use_the_genre_dictionary():
    kw = keywords("组织代表联络站开展专题询问，代表联络站接待选民，专题询问聚焦民生", k=3)
    assert "代表联络站" in kw and "专题询问" in kw


def test_jieba_is_initialised_quietly():
    code = "from kg.segment import keywords; keywords('听取和审议生态环境保护工作报告')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr == ""
