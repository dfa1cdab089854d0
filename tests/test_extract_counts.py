"""Counted quantities: made-up sentences of the genre, exclusions, then the seeds."""
from __future__ import annotations


import pytest

from kg.extract.counts import chinese_number, extract_counts
from kg.extract.formulas import extract_formulas
from kg.extract.programmes import extract_programmes
from kg.records import Document, Mention, Sentence

from _paths import official_scorer, seed_documents


def counts(text: str, mentions=None):
    doc = Document("t", "t.txt", text, "", (), "")
    sents = [Sentence(0, 0, len(text), text, 0, None)]
    if mentions is None:  # the formulas and programmes the pipeline would pass in
        mentions = tuple(extract_formulas(doc, sents) + extract_programmes(doc, sents))
    return extract_counts(doc, sents, mentions)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年共听取和审议专项工作报告12个，提出审议意见86条。", [(12, "个", False), (86, "条", False)]),
        ("累计投资3.5亿元。", [(3.5, "亿元", False)]),
        ("以33票赞成、2票弃权表决通过了条例。", [(33, "票", False), (2, "票", False)]),
        ("全区23个人大代表联络站全部实现规范化运行。", [(23, "个", False)]),  # 个 + 人大, not 个人
        ("走访选民200余人次，开展专题视察100余次。", [(200, "人次", True), (100, "次", True)]),
        ("机关干部捐款物万余元。", [(1, "万元", True)]),
        ("投资12万元发展扶贫联合体。", [(12, "万元", False)]),
        ("户年增收2000元以上。", [(2000, "元", True)]),
        ("连续五年听取环境保护工作报告，9年来坚持接待选民。", [(5, "年", False), (9, "年", False)]),
        ("组建了两个代表小组，引导三户企业代表参与。", [(2, "个", False), (3, "户", False)]),
        ("引导****、****三户企业代表参与试点。", [(3, "户", False)]),
        ("每年向市委专题汇报一次工作。", [(1, "次", False)]),
        ("坚持每月一次的代表接待日。", [(1, "次", False)]),  # 每月 before the number: a frequency, no date
        ("每两个月组织一次代表活动。", [(1, "次", False)]),  # 每两个月 is a frequency, 一次 a count
        ("每个街道配备1名专职工委主任、2名工委委员。", [(1, "名", False), (2, "名", False)]),
        ("16名代表进行3分钟脱稿发言。", [(16, "名", False), (3, "分钟", False)]),
        ("构建信息、交易、结算三大平台。", [(3, "个", False)]),
        ("利用四种电子签到方式考勤。", [(4, "种", False)]),
        ("组织“代表的一天”活动3次。", [(3, "次", False)]),
        ("形成调研报告11篇，涉及8部法律法规。", [(11, "篇", False), (8, "部", False)]),
        ("全镇新装太阳能路灯120盏，修建公厕6座。", [(120, "盏", False), (6, "座", False)]),  # measure words
        ("采购执法车辆4辆，新建安置房200套。", [(4, "辆", False), (200, "套", False)]),
        ("计划收集意见建议不少于20条。", [(20, "条", True)]),  # a stated lower bound
        ("委员每人联系3名以上代表。", [(3, "名", True)]),  # a per-person count
        ('开展"代表走基层"活动5次。', [(5, "次", False)]),  # half-width quotes around a name
        ("建成5个代表小组，5个代表联络站全部投用。", [(5, "个", False), (5, "个", False)]),  # other nouns
        ("对两个乡镇开展视察。", [(2, "个", False)]),
        ("协助排查外来人员2.5万余人次。", [(2.5, "万人次", True)]),  # a decimal with 万余
        ("常委会确定15件重点建议，深入28家重点企业。", [(15, "件", False), (28, "家", False)]),  # Arabic: counts
        ("梳理出问题清单4类19条，该条例共7章45条。",
         [(4, "类", False), (19, "条", False), (7, "章", False), (45, "条", False)]),
        # a magnitude after digits joins any measure word (万套, 万平方米)
        ("全年新建公租房2.35万套，整治违法用地13.8万平方米。", [(2.35, "万套", False), (13.8, "万平方米", False)]),
        # a subset counted with 其中 is a new count
        ("对其中的25名代表予以表扬。", [(25, "名", False)]),
        # 各N after coordinated items: one count per item
        ("批准自治州单行条例和变通规定各2件。", [(2, "件", False), (2, "件", False)]),
        ("每个乡镇配备专职主席、专职副主席各一名。", [(1, "名", False), (1, "名", False)]),
    ],
)
def test_extract_counts_reads_values_units_and_approximation(text, expected):
    assert [(c.value, c.unit, c.approx) for c in counts(text)] == [(float(v), u, a) for v, u, a in expected]


@pytest.mark.parametrize(
    "text",
    [
        "完成**项重大事项决定和*次人事任免。",  # masked numbers
        "2023年召开第十五次会议。",  # a year and an ordinal
        "在市十五届人大三次会议上，学习市委十一届十次全会精神。",  # session numbers
        "于11月28日召开，会期在11月28人日。",  # dates, even with a typo
        "每个联络站服务3—5名代表。",  # a range
        "召开一次十分重要的会议，解决了一批问题，一年来成效明显。",  # 一 as an article
        "实现四个明显变化，抓好六项重点工作。",  # rhetorical enumerations
        "编制“十四五”规划，开展“八五”普法。",  # numbers in quotes
        "坚持24小时值守，面对10.26突发疫情。",  # an idiom and a date
        "学习《习近平谈治国理政》第四卷。",  # title and ordinal
        "过去五年的成就令人振奋，新时代十年的变革催人奋进。",  # rhetorical years
        "深入学习党的二十大精神，落实中央八项规定精神。",  # congress number, numbered rule
        "增强四个意识，坚定四个自信，做到两个维护。",  # numbered formulas
        "组织开展“两个专项行动”。",  # a quoted programme name
        "听取了两院的工作报告，并对两个报告开展了测评。",  # back-reference to the reports named
        "对上述三个项目开展视察，这两项工作均已完成。",  # demonstratives
        "办好十件民生实事。",  # the count inside a programme name
        '对"十四五"规划开展评估。',  # half-width quotes
        "紧扣“农业稳县、工业强县、旅游兴县”三大战略。",  # the quoted list named again
        "群众满意度为五年来最高，参与人数创三年以来新高。",  # the base of a comparison
    ],
)
def test_extract_counts_skips_masks_dates_ordinals_ranges_and_rhetoric(text):
    assert counts(text) == []


def test_extract_counts_skips_numbered_headings():
    text = "二、坚持以创新为主线，构建三个体系\n全区建成84个代表联络站。"
    doc = Document("t", "t.txt", text, "", (), "")
    cut = text.index("\n")
    sents = [Sentence(0, 0, cut, text[:cut], 0, None), Sentence(1, cut + 1, len(text), text[cut + 1:], 0, None)]
    assert [(c.value, c.unit, c.sentence) for c in extract_counts(doc, sents, ())] == [(84.0, "个", 1)]


def test_extract_counts_reads_the_body_of_a_run_in_heading():
    # a heading line with 。 is a run-in heading: its body after the first comma is text
    text = "（二）完善站点建设，年内新建3个代表联络点。\n（三）建好三个平台，提升履职水平\n"
    doc = Document("t", "t.txt", text, "", (), "")
    cut = text.index("\n") + 1
    sents = [Sentence(0, 0, cut, text[:cut], 0, None), Sentence(1, cut, len(text), text[cut:], 1, None)]
    assert [(c.value, c.unit) for c in extract_counts(doc, sents, ())] == [(3.0, "个")]


def test_extract_counts_drops_a_repeat_of_an_earlier_count():
    text = "依法选举产生镇人大代表45名。\n全镇45名镇人大代表编入6个代表小组，票决产生7个项目，目前7个项目均已开工。"
    doc = Document("t", "t.txt", text, "", (), "")
    cut = text.index("\n") + 1
    sents = [Sentence(0, 0, cut, text[:cut], 0, None), Sentence(1, cut, len(text), text[cut:], 1, None)]
    assert [(c.value, c.unit) for c in extract_counts(doc, sents, ())] == [(45.0, "名"), (6.0, "个"), (7.0, "个")]


def test_extract_counts_reads_a_numbered_item_with_a_long_first_clause():
    # 12．…: a long first clause is the item's body, not a run-in title
    text = "7．镇十九届人大二次会议期间代表提出的86件建议已交办承办单位，计划跟踪督办。\n"
    doc = Document("t", "t.txt", text, "", (), "")
    sents = [Sentence(0, 0, len(text), text, 0, None)]
    assert [(c.value, c.unit) for c in extract_counts(doc, sents, ())] == [(86.0, "件")]


def test_extract_counts_reads_a_numbered_item_whose_first_clause_ends_with_a_comma():
    # a run-in title stands as its own sentence; 3．…6次，… is the item's body
    text = "3．全年计划召开常委会会议6次，原则上每两个月召开1次。\n4．加强代表培训。举办培训班2期。\n"
    doc = Document("t", "t.txt", text, "", (), "")
    lines = text.split("\n")
    sents = [Sentence(0, 0, len(lines[0]), lines[0], 0, None),
             Sentence(1, len(lines[0]) + 1, len(lines[0]) + 1 + len(lines[1]), lines[1], 0, None)]
    found = [(c.value, c.unit, c.what) for c in extract_counts(doc, sents, ())]
    assert found == [(6.0, "次", "全年计划召开常委会会议"), (1.0, "次", "原则上每两个月召开"), (2.0, "期", "举办培训班")]


def test_extract_counts_records_a_thing_stated_twice_once():
    text = ("代表提出建议批评和意见245件。截至年底，245件建议已全部办结。\n"
            "由4个代表小组分别认领。\n全镇4个代表小组共开展活动20次。")
    doc = Document("t", "t.txt", text, "", (), "")
    sents, p = [], 0
    for i, part in enumerate(text.split("\n")):
        sents.append(Sentence(i, p, p + len(part), part, i, None))
        p += len(part) + 1
    assert [(c.value, c.unit) for c in extract_counts(doc, sents, ())] == [(245.0, "件"), (4.0, "个"), (20.0, "次")]


def test_extract_counts_links_the_counted_organ_and_says_what():
    text = "在社区层面，建立84个社区级人大代表联络站。"
    start = text.index("社区级人大代表联络站")
    station = Mention("organ", start, start + 10, text[start:start + 10], "社区级人大代表联络站", "organs.lexicon", 0)
    (c,) = counts(text, (station,))
    assert (c.value, c.unit, c.what, c.target) == (84.0, "个", "社区级人大代表联络站", station)
    assert text[c.start:c.end] == "84个" and c.rule == "counts.arabic"


def test_extract_counts_says_what_from_the_clause_before_when_nothing_follows():
    (c,) = counts("区人大常委会召开党组会议6次。")
    assert c.what.endswith("召开党组会议") and c.target is None


@pytest.mark.parametrize("text, value", [("两", 2.0), ("十三", 13.0), ("三百零五", 305.0), ("一二三", None), ("万", None)])
def test_chinese_number_accepts_only_well_formed_numerals(text, value):
    assert chinese_number(text) == value


def test_extract_counts_scores_on_the_seed_texts():
    gold, pred = [], []
    for g, doc, sents in seed_documents():
        gold.append(g)
        mentions = tuple(extract_formulas(doc, sents) + extract_programmes(doc, sents))
        pred.append({"id": g["id"], "numbers": [{"what": c.what, "value": c.value, "unit": c.unit}
                                                for c in extract_counts(doc, sents, mentions)]})
    result = official_scorer().score(gold, pred)["numbers"]
    assert result["f1"] >= 0.9, result


@pytest.mark.parametrize(
    "first, second",
    [
        # a summary line and its section state one quantity: the phrase before the number
        ("全年任免国家机关工作人员92人次，组织执法检查4次。", "依法任免国家机关工作人员92人次，均获通过。"),
        ("全年开展专题询问3次。", "结合审议报告，开展了3次专题询问。"),
        # the head noun again in the same paragraph
        ("代表票决产生了6个民生实事项目，", "票决产生的6个项目分别是道路改造和公厕新建。"),
    ],
)
def test_extract_counts_drops_a_quantity_stated_twice(first, second):
    text = first + "\n" + second if first.endswith("。") else first + second
    doc = Document("t", "t.txt", text, "", (), "")
    cut = len(first) + (1 if first.endswith("。") else 0)
    sents = [Sentence(0, 0, len(first), first, 0, None), Sentence(1, cut, len(text), text[cut:], 1, None)]
    values = [c.value for c in extract_counts(doc, sents, ())]
    assert len(values) == len(set(values)), values


def test_extract_counts_keeps_different_activities_with_the_same_value():
    text = "全年开展视察调研2次。\n开展专题调研2次，形成报告。"
    doc = Document("t", "t.txt", text, "", (), "")
    cut = text.index("\n") + 1
    sents = [Sentence(0, 0, cut, text[:cut], 0, None), Sentence(1, cut, len(text), text[cut:], 1, None)]
    assert [(c.value, c.unit) for c in extract_counts(doc, sents, ())] == [(2.0, "次"), (2.0, "次")]
