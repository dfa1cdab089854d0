"""Political formulas and slogans: made-up sentences of the genre, then the five seeds."""
from __future__ import annotations


import pytest

from kg.extract.formulas import extract_formulas, is_parallel, judge_quote
from kg.records import Document, Sentence

from _paths import official_scorer, seed_documents


def _doc(text: str) -> tuple[Document, list[Sentence]]:
    return Document("t", "t.txt", text, "", (), ""), [Sentence(0, 0, len(text), text, 0, None)]


def labels(text: str) -> list[str]:
    doc, sents = _doc(text)
    return [m.label for m in extract_formulas(doc, sents)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全体干部要牢固树立“四个意识”，坚定“四个自信”，坚决做到“两个维护”。", ["四个意识", "四个自信", "两个维护"]),
        ("深刻领悟两个确立的决定性意义。", ["两个确立"]),
        ("奋力实现第二个百年奋斗目标。", ["第二个百年奋斗目标"]),
        ("自觉接受“一府一委两院”的监督。", ["一府一委两院"]),
        ("完善交办、承办、督办、答复、测评“五个环节”闭环机制。", ["五个环节"]),  # 环节 is no festival
        ("坚决反对“四风”问题。", ["四风"]),  # a known formula before 问题 stays one
        ("围绕“六稳”“六保”要求推动发展。", ["六稳", "六保"]),
        ("全面推进“三个一批”项目建设，争做“五个表率”。", ["三个一批", "五个表率"]),
        ("以有场所、有经费等“八有”为目标。", ["八有"]),
        ("聚焦压实“双减”工作责任。", ["双减"]),
        ("大力弘扬“马上就办、真抓实干”的作风。", ["马上就办、真抓实干"]),
        ("坚持“立法为民、监督为民、服务为民”理念。", ["立法为民、监督为民、服务为民"]),
        ("践行“人民选我当代表，我当代表为人民”的诺言。", ["人民选我当代表，我当代表为人民"]),
        ("坚持“学、研、查、创、建”一体推进。", ["学、研、查、创、建"]),
        ("实现从“要我履职”到“我要履职”的转变。", ["要我履职", "我要履职"]),
        ("推动从“替民作主”向“由民作主”“由民监督”转变。", ["替民作主", "由民作主", "由民监督"]),
        ("采取“请进来”与“走出去”相结合的方式。", ["请进来", "走出去"]),
        ("保障代表“知情知政”。", ["知情知政"]),
        ("以“知情知政”和“代表交流”为主题。", ["知情知政"]),  # 代表交流 is a plain activity label
        ("围绕“互联网+”应用开展调研。", ["互联网+"]),
        ("永葆“赶考”的清醒。", ["赶考"]),
        ("深刻领会“始终坚持人民至上”的精神实质。", ["始终坚持人民至上"]),
        ("充分发挥“法律巡视”监督利剑作用。", ["法律巡视"]),
        ("在打造对党忠诚的“政治机关”中彰显担当。", ["政治机关"]),
        ("巩固“不忘初心、牢记使命”主题教育成果。", ["不忘初心、牢记使命"]),
        ('牢固树立"四个意识"，坚定"四个自信"。', ["四个意识", "四个自信"]),  # half-width quotes
        ("既要“敢于碰硬”，又要“善于协调”。", ["敢于碰硬", "善于协调"]),  # correlative catch-pair
        ("让代表的“意见簿”转化为“成绩单”。", ["意见簿", "成绩单"]),  # a pair joined by a verb of change
        ("建成“1+N”代表联络体系。", ["1+N"]),  # numeric composite formula
        ("心怀“国之大者”，勇于担当。", ["国之大者"]),  # lexicon formula of the 2020s
        ("紧扣州委“2468”发展战略。", ["2468"]),  # a numeric code of a local strategy
        ("以铸牢中华民族共同体意识为主线推进立法。", ["铸牢中华民族共同体意识"]),  # unquoted national formula
        # a formula naming an education campaign is a slogan too (seed 003 practice)
        ("深入开展“两学一做”学习教育。", ["两学一做"]),
        # numbered parts with the last pair joined by 和
        ("严守“三个严禁、八个不准和两个一律”的纪律要求。", ["三个严禁、八个不准和两个一律"]),
        # workflow chain written with dashes
        ("形成“立项—调研—审议—督办”工作链条。", ["立项—调研—审议—督办"]),
        # a numbered formula before 方式 stays a formula
        ("检查组采取“四不两直”方式暗访企业。", ["四不两直"]),
        # a PDF line break inside the quote
        ("落实“十\n年禁渔”要求。", ["十年禁渔"]),
        # actors and their quoted parts: one slogan
        ("真正做到群众“出题”、政府“答题”、人大“阅卷”。", ["群众出题、政府答题、人大阅卷"]),
        # members of the 四个机关, unquoted beside it
        ("按照政治机关、权力机关、工作机关、代表机关“四个机关”的要求。",
         ["四个机关", "政治机关", "权力机关", "工作机关", "代表机关"]),
        # national formulas by era
        ("巩固平等团结互助和谐的社会主义民族关系。", ["平等团结互助和谐"]),
        ("走以生态优先、绿色发展为导向的新路子。", ["生态优先、绿色发展"]),
        ("为“平安奥运”作出贡献。", ["平安奥运"]),
        # formulas.lexicon, 2014-2017 legislation and the content of 两学一做
        ("做好地方性法规的“立改废释”工作。", ["立改废释"]),
        ("健全党委领导、人大主导、政府依托、各方参与的立法工作格局。", ["党委领导、人大主导、政府依托、各方参与"]),
        ("机关支部围绕学党章党规、学系列讲话、做合格党员开展讨论。", ["学党章党规、学系列讲话、做合格党员"]),
        # formulas.parallel.subject_led: the subject written in the first part of a quoted list
        ("组织开展“青年干部讲政策、进农户、解难题”活动。", ["青年干部讲政策、进农户、解难题"]),
    ],
)
def test_extract_formulas_finds_slogans_of_the_genre(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "构筑监督“闭环”体系。",  # emphasis on an ordinary word
        "各地结合“六五环境日”等宣传活动开展普法。",  # an observance day led by its date
        "认真学习贯彻“七一”重要讲话精神。",  # a date
        "承办单位存在“文来文往”现象。",  # a problem described
        "遴选出“关于加快中心城区停车设施建设的建议”“关于推进城镇老旧小区改造的建议”“关于加强农村饮水安全保障的建议”等10件重点督办建议。",  # titles
        "紧扣“公益”主题，做到“建设”有标杆。",  # two-character emphasis
        "在党委和群众之间架起了一座“连心桥”。",  # metaphor after a measure word
        "进一步缓解“大班额”现象，帮助群众实现“微心愿”。",  # quoted nouns
        "进行了“体验式”调研，筑牢“生命保障线”。",
        "各级各部门“一把手”要亲自过问。",  # numeral-led ordinary word
        "听取“八五”普法工作情况报告，实施“十四五”规划。",  # plan periods
        "开展安全生产“一法一条例”执法检查。",  # law formula
        "深化代表“双联系、双提升、双评议”实施办法。",  # part of an instrument title
        "探索完善“五位一体”+问题清单制监督模式。",  # part of a composite model name
        "严格落实“第一议题”制度，深入推进“放管服”改革。",  # programme names
        "开展“员额法官、员额检察官民主评议”活动。",  # unbalanced list: programme name
        "组织开展“两个专项行动”和“代表的一天”活动。",
        "通过支部“三会一课”学习。",  # a known programme
        "习近平总书记强调：“要支持和保证人民通过人民代表大会行使国家权力，丰富民主形式，拓展民主渠道。”",
        "打造过硬政治机关。",  # 政治机关 counts only when quoted
        "“笔杆儿网www.bgzjy.cn”",  # watermark
        "被授予“四星级”代表之家称号。",  # a rating
        "督促政府完成“十件实事”。",  # a programme (the yearly list of practical projects)
        "拨打“12345”热线反映问题。",  # a hotline number, not a strategy code
        "要求“两院”规范司法行为。",  # an abbreviation of organs
        "对未落实的意见实行“一盯到底”，防止“一交了之”。",  # idioms of manner built on 一
        "开展野生动物保护“一法一决定”执法检查。",  # a law and a decision
        "坚持“听取+询问+评议”相结合。",  # a working method: a programme
        "听取关于“一刻钟便民生活圈”建设情况的报告。",  # a service circle, led by a time span
        "“**小区雨污分流改造”“**路人行道提升”“社区食堂建设”等项目已完工。",  # local projects
        "坚持有件必备、有备必审、有错必纠。",  # unquoted, read as plain wording by some annotators
    ],
)
def test_extract_formulas_skips_emphasis_titles_and_programmes(text):
    assert labels(text) == []


def test_extract_formulas_keeps_half_width_quotes_in_the_exact_text():
    text = '紧扣"强产业、优生态、惠民生"的发展思路。'
    doc, sents = _doc(text)
    (m,) = extract_formulas(doc, sents)
    assert m.label == "强产业、优生态、惠民生" and m.text == doc.text[m.start:m.end] == '"强产业、优生态、惠民生"'


def test_extract_formulas_splits_a_run_of_quotes_and_records_offsets():
    text = "推动民生实事从“为民作主”向“由民作主”“由民监督”“由民评价”转变。"
    doc, sents = _doc(text)
    found = extract_formulas(doc, sents)
    assert [m.label for m in found] == ["为民作主", "由民作主", "由民监督", "由民评价"]
    for m in found:
        assert doc.text[m.start:m.end] == m.text == f"“{m.label}”"
        assert m.kind == "formula" and m.attr("quoted") == "1" and m.attr("numbered") == "0"


@pytest.mark.parametrize(
    "text, numbered, quoted",
    [("争做“五个表率”。", "1", "1"), ("深刻领悟两个确立。", "1", "0"), ("践行“不忘初心、牢记使命”。", "0", "1")],
)
def test_extract_formulas_sets_numbered_and_quoted_attrs(text, numbered, quoted):
    doc, sents = _doc(text)
    (m,) = extract_formulas(doc, sents)
    assert (m.attr("numbered"), m.attr("quoted")) == (numbered, quoted)


def test_extract_formulas_does_not_double_count_a_quoted_lexicon_formula():
    doc, sents = _doc("坚定捍卫“两个确立”、坚决做到“两个维护”。")
    found = extract_formulas(doc, sents)
    assert [(m.label, m.rule) for m in found] == [("两个确立", "formulas.lexicon"), ("两个维护", "formulas.lexicon")]


@pytest.mark.parametrize(
    "content, expected",
    [("察民情、解民忧、帮民困", True), ("不忘初心，牢记使命", True), ("员额法官、员额检察官民主评议", False), ("两个确立", False)],
)
def test_is_parallel_requires_balanced_parts(content, expected):
    assert is_parallel(content) is expected


@pytest.mark.parametrize(
    "content, before, after, expected",
    [
        ("四个自信", "坚定", "，", "formulas.lexicon"),
        ("三心融合", "推进", "，", "formulas.numbered"),
        ("大班额", "缓解", "现象", None),
        ("始终坚持人民至上", "深刻领会", "的精神实质", "formulas.governed"),
        ("村干部访民情、听民意、解民忧", "开展", "活动", "formulas.parallel.subject_led"),
        ("员额法官、员额检察官民主评议", "开展", "。", None),
    ],
)
def test_judge_quote_names_the_rule(content, before, after, expected):
    assert judge_quote(content, before, after) == expected


def test_extract_formulas_scores_on_the_seed_texts():
    from kg.resolve.concepts import resolve_formula

    gold, pred = [], []
    for g, doc, sents in seed_documents():
        gold.append(g)
        pred.append({"id": g["id"], "slogans": sorted({resolve_formula(m).label for m in extract_formulas(doc, sents)})})
    result = official_scorer().score(gold, pred)["slogans"]
    assert result["f1"] >= 0.9, result
