"""Law and instrument mentions: made-up sentences of the genre, then the five seed texts."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from kg.extract.laws import extract_laws, is_instrument_title
from kg.records import Document, Sentence

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _sentences(text: str) -> list[Sentence]:
    """Split on 。！？ and line breaks, keeping offsets into the text."""
    out = []
    for m in re.finditer(r"[^。！？\n]+[。！？]?", text):
        out.append(Sentence(len(out), m.start(), m.end(), m.group(), 0, None))
    return out


def _extract(text: str):
    doc = Document("t", "t.txt", text, "", (), "")
    return extract_laws(doc, _sentences(text))


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.attr("form")) for m in _extract(text)]


@pytest.mark.parametrize("text, expected", [
    ("对《中华人民共和国食品安全法》贯彻实施情况开展执法检查。",
     [("中华人民共和国食品安全法", "marked")]),
    # adjacent titles in every joining style
    ("检查《中华人民共和国农业法》《中华人民共和国种子法》、《**省农作物种子条例》和《**市农产品条例》及《某某办法》的实施。",
     [("中华人民共和国农业法", "marked"), ("中华人民共和国种子法", "marked"), ("**省农作物种子条例", "marked"),
      ("**市农产品条例", "marked"), ("某某办法", "marked")]),
    # policy titles and plans in marks
    ("认真贯彻《中共中央关于加强新时代人大工作的意见》和《全区“十四五”生态环境保护规划》。",
     [("中共中央关于加强新时代人大工作的意见", "marked"), ("全区“十四五”生态环境保护规划", "marked")]),
    # books, newspapers and speeches are not instruments
    ("学习《习近平谈治国理政》第四卷和《求是》杂志文章，研读《论中国共产党历史》。", []),
    ("组织学习《习近平新时代中国特色社会主义思想学习纲要》。", []),
    # spaces inside the marks are not part of the title
    ("审议《 **县村庄规划管理办法 》。", [("**县村庄规划管理办法", "marked")]),
])
def test_extract_laws_finds_marked_instrument_titles(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, outer, inner", [
    ("落实《**区人大常委会关于区政府贯彻落实<关于加强社区治理的意见>情况的审议意见》。",
     "**区人大常委会关于区政府贯彻落实<关于加强社区治理的意见>情况的审议意见", "关于加强社区治理的意见"),
    ("落实《市人大常委会关于贯彻〈中华人民共和国村民委员会组织法〉的决定》。",
     "市人大常委会关于贯彻〈中华人民共和国村民委员会组织法〉的决定", "中华人民共和国村民委员会组织法"),
])
def test_extract_laws_gives_outer_and_nested_titles(text, outer, inner):
    found = _extract(text)
    labels = [m.label for m in found]
    assert outer in labels and inner in labels
    for m in found:  # spans are exact and inside the marks
        assert text[m.start:m.end] == m.text
        assert not m.text.startswith("《")


# implementing measures: 省实施《X法》办法 is one title; the law inside is not split out
@pytest.mark.parametrize("text, expected", [
    ("执行《省实施< 中华人民共和国渔业法 >办法》。", [("省实施< 中华人民共和国渔业法 >办法", "laws.title_marks")]),
    ("执行《省实施《中华人民共和国防洪法》办法》。", [("省实施《中华人民共和国防洪法》办法", "laws.title_marks")]),
    ("对《**省实施〈中华人民共和国种子法〉办法》开展了检查。",
     [("**省实施〈中华人民共和国种子法〉办法", "laws.title_marks")]),
    # unmarked outer title around a marked law: the title runs from the place to the measure word
    ("审议了浙江省实施《中华人民共和国归侨侨眷权益保护法》办法（草案）。",
     [("浙江省实施《中华人民共和国归侨侨眷权益保护法》办法（草案）", "laws.implementing")]),
    ("制定了市实施《中华人民共和国村民委员会组织法》细则。",
     [("市实施《中华人民共和国村民委员会组织法》细则", "laws.implementing")]),
    # texts marking titles with 〈〉 only
    ("对某某省实施〈中华人民共和国老年人权益保障法〉办法开展执法检查。",
     [("某某省实施〈中华人民共和国老年人权益保障法〉办法", "laws.implementing")]),
    # no place before 实施: the marked law is an ordinary mention
    ("认真实施《中华人民共和国种子法》办法更多了。", [("中华人民共和国种子法", "laws.title_marks")]),
])
def test_extract_laws_keeps_implementing_measure_as_one_title(text, expected):
    found = _extract(text)
    assert [(m.label, m.rule) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, label, suffix", [
    ("审议了《**市养犬管理条例（草案）》。", "**市养犬管理条例（草案）", "草案"),
    ("审议了《**市养犬管理条例(修订草案)》。", "**市养犬管理条例(修订草案)", "修订草案"),
    ("审议了《**市物业管理条例》（草案）。", "**市物业管理条例（草案）", "草案"),
    ("初审了某某市文明行为促进条例草案。", "某某市文明行为促进条例草案", "草案"),
])
def test_extract_laws_keeps_draft_suffix_and_flags_it(text, label, suffix):
    (m,) = _extract(text)
    assert (m.label, m.attr("draft"), m.attr("suffix")) == (label, "1", suffix)


def test_extract_laws_trial_suffix_is_not_a_draft():
    (m,) = _extract("印发了《**县村级议事协商办法（试行）》。")
    assert m.attr("suffix") == "试行" and m.attr("draft") is None


@pytest.mark.parametrize("text, expected", [
    ("听取和审议了区政府关于环境保护法贯彻实施情况的报告。", ["环境保护法"]),
    ("切实担负起宪法法律赋予的各项职责，自觉维护宪法和法律的尊严。", ["宪法", "宪法"]),
    ("依照宪法规定行使职权。", ["宪法"]),
    ("围绕城市居民最低生活保障条例开展检查。", ["城市居民最低生活保障条例"]),
    ("认真贯彻实施监督法、代表法和地方组织法。", ["监督法", "代表法", "地方组织法"]),
    ("对中华人民共和国水法实施情况进行检查。", ["中华人民共和国水法"]),
    ("学习宪法修正案和民法典。", ["宪法修正案", "民法典"]),
])
def test_extract_laws_finds_bare_registry_names(text, expected):
    found = _extract(text)
    assert [m.label for m in found] == expected
    assert all(m.attr("form") == "bare" and m.rule == "laws.registry" for m in found)


@pytest.mark.parametrize("text", [
    "提出的关于简化表决程序的建议被条例草案二审稿吸收。",  # a passive marker before the title
    "努力使条例立得住、行得通、真管用。",  # a causative verb before the title
    "各工作委员会要细化工作方案，明确责任。",  # a verb of detailing before a generic title
    "两部条例将报请省人民代表大会常务委员会批准。",  # a count of instruments
    "研究部署自治条例修订工作。",  # a verb of placing a task before a generic title
    "（以下简称“一法一决定”）",  # a formula defined as a short name has no stem of its own
    "市人大常委会召开“一法一决定”执法检查汇报会。",  # …nor one after a verb of meeting
    "在全州人大民族工作暨自治条例修订工作座谈会上的讲话。",  # 暨 joins two events
    "改进工作方法，想办法解决问题，这种说法不对。",
    "依法履职，严格执法，开展普法宣传，做到学法守法用法。",
    "组织开展执法检查，执法检查组深入基层。",
    "加强地方立法，推进法治建设，健全法律法规体系。",
    "选举法律顾问，代表法定职责，审计法规清理。",
    "开展安全生产法律法规执法检查。",
    "治水法子很多。",
    "提出了具体整改意见，形成审议意见47条，办法更多、效果更好。",
    "严格执行制度规定，遵守法律规定。",
    "涉及民生领域8部法律法规条例的实施情况。",
    "研究制定和细化落实学习宣传贯彻的工作方案。",
    "做好两法衔接工作。",
])
def test_extract_laws_ignores_false_friends(text):
    assert _extract(text) == []


@pytest.mark.parametrize("text, expected", [
    ("先后制定完善了常委会议事规则、拟任职人员任前考察和法律知识考试实施细则、常委会组成人员履职考核办法、"
     "司法和监察机关依法限制代表人身自由许可暂行办法等4项工作制度。",
     ["常委会议事规则", "拟任职人员任前考察和法律知识考试实施细则", "常委会组成人员履职考核办法",
      "司法和监察机关依法限制代表人身自由许可暂行办法"]),
    ("修订了主任会议议事规则和常委会工作规则，出台了代表联络站管理办法。",
     ["主任会议议事规则", "常委会工作规则", "代表联络站管理办法"]),
    ("着重开展了高标准农田保护条例贯彻实施情况执法检查。", ["高标准农田保护条例"]),
    ("2022年是实施“十四五”规划关键之年。", ["“十四五”规划"]),
    ("听取了关于“七五”普法规划实施情况和“八五”普法规划实施意见的报告。",
     ["“七五”普法规划", "“八五”普法规划实施意见"]),
    ("深化代表“双联系、双评议”实施办法。", ["代表“双联系、双评议”实施办法"]),
    ("研究制定了“人大代表进社区”工作方案。", ["“人大代表进社区”工作方案"]),
    ("制定了代表建议办理工作规定。", ["代表建议办理工作规定"]),
    ("会议作出了关于加强禁毒工作的决议。", ["关于加强禁毒工作的决议"]),
    ("加快开展楼宇经济发展规划研究。", ["楼宇经济发展规划"]),
    # laws.bare_yearly_plan: a yearly plan named as the basis of the work (and one joined to it)
    ("根据全国人大常委会2022年度监督工作计划和省人大常委会2022年度工作要点，开展执法检查。",
     ["全国人大常委会2022年度监督工作计划", "省人大常委会2022年度工作要点"]),
    ("按照常委会2019年工作要点安排，开展专题调研。", ["常委会2019年工作要点"]),
    ("研究提出2011年度监督工作计划。", []),  # a plan being drafted is no mention
    # laws.bare_context: a registry name closing the span is the title, not the clause before it
    ("要督促州人民政府认真研究处理草原法执法检查中发现的问题。", ["草原法"]),
])
def test_extract_laws_finds_bare_local_titles(text, expected):
    found = _extract(text)
    assert [m.label for m in found] == expected
    assert all(m.attr("form") == "bare" for m in found)


@pytest.mark.parametrize("text, expected", [
    ("原原本本学习党的二十大报告和党章。", ["党的二十大报告", "党章"]),
    ("认真学习党的十九大报告。", ["党的十九大报告"]),
    ("自觉遵守中央八项规定精神。", ["中央八项规定"]),
    ("重点抓好市委实施意见的贯彻落实。", ["市委实施意见"]),
])
def test_extract_laws_finds_party_and_policy_documents(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, label, stem, formula", [
    ("开展了安全生产“一法一条例”执法检查。", "安全生产“一法一条例”", "安全生产", "一法一条例"),
    ("开展了高标准农田保护条例、残疾人保障“一法一办法”贯彻实施等执法检查。",
     "残疾人保障“一法一办法”", "残疾人保障", "一法一办法"),
    ("检查消防一法两规定落实情况。", "消防一法两规定", "消防", "一法两规定"),
    # two formulas joined by 和: the second stem starts after the conjunction
    ("开展大气污染防治“一法一条例”和水污染防治“两法一条例”执法检查。",
     "水污染防治“两法一条例”", "水污染防治", "两法一条例"),
])
def test_extract_laws_keeps_formula_as_one_mention_with_stem(text, label, stem, formula):
    found = [m for m in _extract(text) if m.attr("form") == "formula"]
    assert (label, stem, formula) in [(m.label, m.attr("stem"), m.attr("formula")) for m in found]
    assert all(not m.attr("stem").startswith(("和", "及")) for m in found)
    assert not any(m.label.endswith(("一条例", "一办法")) for m in _extract(text) if m.attr("form") != "formula")


@pytest.mark.parametrize("text, expected", [
    ("作出关于加强生态保护的决定。", ["关于加强生态保护的决定"]),
    ("作出了关于召开县第十八届人民代表大会第二次会议的决定。", []),
    # laws.bare_guanyu.adopted: a 关于批准… resolution the organ adopts is one of its acts
    ("依法作出关于批准2022年县本级预算调整方案的决议。", ["关于批准2022年县本级预算调整方案的决议"]),
    ("常委会作出关于批准2021年市级决算的决议、关于加强湿地保护的决定等决议决定4项。",
     ["关于批准2021年市级决算的决议", "关于加强湿地保护的决定"]),
    ("听取关于批准2023年区级决算的决议草案的说明。", []),
    ("会议作出关于接受王某辞去县人民政府副县长职务请求的决定。", []),
])
def test_extract_laws_bare_guanyu_titles_skip_procedural_acts(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("贯彻〈〈中华人民共和国食品安全法〉〉。", ["中华人民共和国食品安全法"]),
    ("执行<**市养犬管理条例>，学习〈论语〉。", ["**市养犬管理条例"]),
])
def test_extract_laws_reads_angle_marks_when_text_has_no_book_marks(text, expected):
    found = _extract(text)
    assert [(m.label, m.attr("form")) for m in found] == [(e, "marked") for e in expected]


def test_extract_laws_splits_law_and_its_implementing_regulation():
    text = "开展《中华人民共和国消防法》及其实施条例执法检查。"
    assert _pairs(text) == [("中华人民共和国消防法", "marked"), ("中华人民共和国消防法实施条例", "coordinated")]


@pytest.mark.parametrize("text, expected", [
    ("对《中华人民共和国水污染防治法》开展执法检查，检查组认为该法实施总体良好。",
     [("中华人民共和国水污染防治法", "marked"), ("中华人民共和国水污染防治法", "backref")]),
    ("审议了《**市物业管理条例》。《条例》明确了业主委员会职责，本条例自公布之日起施行。",
     [("**市物业管理条例", "marked"), ("**市物业管理条例", "backref"), ("**市物业管理条例", "backref")]),
    # the latest antecedent of the right kind wins: 该法 skips the 条例
    ("学习宪法，贯彻《中华人民共和国环境保护法》和《**省环境保护条例》，该法要求严格。",
     [("宪法", "bare"), ("中华人民共和国环境保护法", "marked"), ("**省环境保护条例", "marked"),
      ("中华人民共和国环境保护法", "backref")]),
    ("检查了森林法和草原法，两法实施情况良好。",
     [("森林法", "bare"), ("草原法", "bare"), ("森林法", "backref"), ("草原法", "backref")]),
    # no antecedent, no mention
    ("该法实施情况良好，《条例》也已施行。", []),
])
def test_extract_laws_resolves_back_references(text, expected):
    found = _extract(text)
    assert sorted((m.label, m.attr("form")) for m in found) == sorted(expected)
    for m in found:
        if m.attr("form") == "backref":
            a, b = map(int, m.attr("antecedent").split("-"))
            assert text[a:b].startswith(m.label[:2]) and b <= m.start


def test_extract_laws_attrs_are_sorted_and_spans_exact():
    text = "审议了《某某条例（草案）》，学习宪法，开展安全生产“一法一条例”检查。"
    for m in _extract(text):
        assert list(m.attrs) == sorted(m.attrs)
        assert text[m.start:m.end] == m.text and m.kind == "law" and m.rule.startswith("laws.")


@pytest.mark.parametrize("title, expected", [
    ("中华人民共和国宪法", True), ("某某实施细则", True), ("关于某事的通知", True),
    ("某县国土空间总体规划（2021-2035年）", True), ("习近平谈治国理政", False), ("人民日报", False),
    ("孙子兵法", False),
])
def test_is_instrument_title(title, expected):
    assert is_instrument_title(title) is expected


# ---------------------------------------------------------------- seeds (dev set)

def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"[\s《》〈〉<>“”‘’\"'()（）]", "", s)
    return s.removeprefix("中华人民共和国")


def _seed_scores() -> tuple[float, float, list[str]]:
    from kg.ingest import read_document
    from kg.segment import segment

    gold = json.loads((SHARED / "eval" / "seeds-gold.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    misses = []
    for rec in gold:
        doc = read_document(SHARED / "seeds" / f"{rec['id']}.txt")
        _, sentences = segment(doc)
        want = {_norm(x["law"]) for x in rec["laws_inspected"]} | {_norm(x) for x in rec["laws_mentioned_other"]}
        got = {_norm(m.label) for m in extract_laws(doc, sentences)}
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        misses += [f"{rec['id']}: missed {w}" for w in want - got] + [f"{rec['id']}: extra {g}" for g in got - want]
    return tp / (tp + fp), tp / (tp + fn), misses


def test_extract_laws_scores_on_seed_gold():
    precision, recall, misses = _seed_scores()
    print(f"\nseed laws: precision {precision:.3f} recall {recall:.3f}", *misses, sep="\n")
    assert recall >= 0.9 and precision >= 0.85, misses


# ---------------------------------------------------------------- genre constructions (held-out diagnosis)

@pytest.mark.parametrize("text, expected", [
    # two titles as objects of one clause, joined after a registry law name
    ("由教科文卫委员会牵头，检查了森林法和**省森林条例的实施情况。", ["森林法", "**省森林条例"]),
    ("依照村民委员会组织法和省村民委员会选举办法，指导村委会换届。", ["村民委员会组织法", "省村民委员会选举办法"]),
    ("检查了《中华人民共和国种子法》和《**省农作物种子条例》的实施情况。",
     ["中华人民共和国种子法", "**省农作物种子条例"]),
    # ...but a 司法 or 执法 conjunct names no law: the title stays whole
    ("修订了司法和监察机关依法限制代表人身自由许可暂行办法。", ["司法和监察机关依法限制代表人身自由许可暂行办法"]),
])
def test_extract_laws_splits_coordinated_titles(text, expected):
    found = _extract(text)
    assert [m.label for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, expected", [
    # a named place before a registry name makes a local regulation of the same name
    ("修订了浙江省信访条例和浙江省劳动保障监察条例。", ["浙江省信访条例", "浙江省劳动保障监察条例"]),
    ("对内蒙古自治区信访条例（修订草案）开展立法调研。", ["内蒙古自治区信访条例（修订草案）"]),
    # without a place it is the national regulation
    ("认真贯彻信访条例。", ["信访条例"]),
])
def test_extract_laws_place_named_title_beats_registry_name(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("启动**市养犬管理条例的起草工作。", ["**市养犬管理条例"]),
    ("完成了某某县河道管理条例的调研论证。", ["某某县河道管理条例"]),
    ("提请常委会会议审议某某自治县草原管理条例。", ["某某自治县草原管理条例"]),
    ("将**市物业管理条例列入年度立法计划。", ["**市物业管理条例"]),
])
def test_extract_laws_left_edge_stops_at_law_making_verbs(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("自治条例是我县的“小宪法”，要认真贯彻。", []),
    ("村规民约被群众称为小宪法。", []),
    ("自觉维护宪法权威。", ["宪法"]),
])
def test_extract_laws_constitution_not_inside_a_nickname(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # marked internal rules of congress organs end in 规程, 制度, 流程
    ("修订完善《常委会机关公文处理工作规程》《代表之家接待选民工作流程》和《**镇人大主席团学习制度》。",
     ["常委会机关公文处理工作规程", "代表之家接待选民工作流程", "**镇人大主席团学习制度"]),
    # unmarked, a 制度 is a system (a programme), not an instrument
    ("建立健全代表联系群众制度和代表履职登记制度。", []),
])
def test_extract_laws_marked_internal_rules(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("听取了区政府关于“十四五”生态环境保护规划中期评估情况的报告。", ["“十四五”生态环境保护规划"]),
    ("拟听取“十三五”脱贫攻坚规划实施情况的报告。", ["“十三五”脱贫攻坚规划"]),
    ("今年是“十四五”开局之年的重要一年。", []),
    # a deictic place before a quoted period plan is not part of its title
    ("推进我市“十四五”规划顺利实施。", ["“十四五”规划"]),
    # after 纳入 an unmarked plan is the planning system, unless it is dated or placed
    ("将代表培训纳入干部教育培训总体规划。", []),
    ("将养老设施建设纳入“十四五”规划。", ["“十四五”规划"]),
])
def test_extract_laws_plans(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("认真落实中央八项规定实施细则精神。", ["中央八项规定实施细则"]),
    ("严格落实中央八项规定及其实施细则精神。", ["中央八项规定"]),
    # organs sharing one instrument word: one document each
    ("认真贯彻中央的意见和省委、市委实施意见。", ["省委实施意见", "市委实施意见"]),
    ("落实县委、县政府实施意见。", ["县委实施意见", "县政府实施意见"]),
])
def test_extract_laws_party_documents_and_shared_words(text, expected):
    found = _extract(text)
    assert [m.label for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, expected", [
    # a 审议意见 named by its topic when its follow-up is reported (关于 belongs to the report)
    ("听取了县政府关于城区停车管理审议意见落实情况的报告。", ["城区停车管理审议意见"]),
    ("对审议意见落实情况开展跟踪监督。", []),
    ("停车管理审议意见落实情况报告（财经工委）", []),
    # the issuing sitting with a place is part of the name; a dated own committee is not
    ("对市十五届人大常委会第八次会议关于全市停车管理工作情况报告的审议意见落实情况开展跟踪监督。",
     ["市十五届人大常委会第八次会议关于全市停车管理工作情况报告的审议意见"]),
    ("对2021年常委会关于停车管理工作的审议意见，听取了研究处理情况的报告。", ["关于停车管理工作的审议意见"]),
])
def test_extract_laws_named_review_opinions(text, expected):
    assert [m.label for m in _extract(text)] == expected


def test_extract_laws_draft_and_final_title_share_the_label():
    text = "对《**市养犬管理条例（草案）》开展立法调研。年内制定**市养犬管理条例。"
    found = _extract(text)
    assert [m.label for m in found] == ["**市养犬管理条例", "**市养犬管理条例"]
    draft, final = found
    assert (draft.attr("draft"), draft.attr("suffix"), draft.attr("base")) == ("1", "草案", "**市养犬管理条例")
    assert final.attr("draft") is None and draft.text == "**市养犬管理条例（草案）"


def test_extract_laws_draft_alone_keeps_its_suffix_and_base():
    (m,) = _extract("对《**市养犬管理条例（草案）》开展立法调研。")
    assert (m.label, m.attr("base")) == ("**市养犬管理条例（草案）", "**市养犬管理条例")


@pytest.mark.parametrize("text, word, antecedent", [
    # a bare instrument word in marks is always a back-reference, across sentences
    ("《某某自治县自治条例》是我县的根本大法。常委会组织代表对《条例》贯彻实施情况进行了检查。",
     "条例", "某某自治县自治条例"),
    ("制定了《**市养犬管理条例》和《**市文明行为促进条例》。今年对《条例》实施情况开展检查。",
     "条例", "**市文明行为促进条例"),
    ("出台了《**县村级议事协商实施办法》。《办法》规定了协商程序。", "办法", "**县村级议事协商实施办法"),
])
def test_extract_laws_marked_instrument_word_is_a_back_reference(text, word, antecedent):
    from kg.extract.laws import antecedent as find_antecedent
    found = _extract(text)
    refs = [m for m in found if m.attr("form") == "backref"]
    assert [(m.text, m.label) for m in refs] == [(word, antecedent)]
    assert find_antecedent(refs[0], found).text == antecedent
    assert not any(m.label == word for m in found)


@pytest.mark.parametrize("text, expected", [
    # X的规定 right after a making verb is one title; 决定 followed by its object is a verb
    ("制定了市人大常委会讨论决定重大事项的规定。", ["市人大常委会讨论决定重大事项的规定"]),
    ("修订了常委会讨论决定重大事项规定。", ["常委会讨论决定重大事项规定"]),
    ("制定了相关的规定。", []),
    # 若干措施 is a policy document form, marked or as a 关于…的 title
    ("出台了《关于加强和改进人大代表工作的若干措施》。", ["关于加强和改进人大代表工作的若干措施"]),
    ("县政府印发了关于促进消费的若干措施。", ["关于促进消费的若干措施"]),
])
def test_extract_laws_titles_made_by_a_verb(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # laws.generic.deictic: a deictic place and an instrument word name no title; the law is kept
    ("对劳动法和我省实施办法的贯彻执行情况进行了检查。", ["劳动法"]),
    ("检查统计法及本市实施办法执行情况。", ["统计法"]),
    ("贯彻落实全市实施方案，推动工作落地。", []),
    # ...but a deictic place before a named title keeps the title
    ("制定我市养老服务条例，推动立法工作。", ["我市养老服务条例"]),
    # laws.generic.level_class: level words before a class of legislation name the class
    ("审查批准设区的市报批的地方性法规和自治州、自治县单行条例12件。", []),
    ("批准了市级地方性法规3件。", []),
    # ...but 州自治条例 is the prefecture's own autonomy regulation
    ("修订州自治条例，开展立法调研。", ["州自治条例"]),
])
def test_extract_laws_deictic_and_class_words_name_no_title(text, expected):
    assert [m.label for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted period plan starts at its quote unless a place precedes it
    ("今年是全面建成小康社会和“十三五”规划收官之年。", ["“十三五”规划"]),
    ("明年是实现“十四五”规划目标任务的攻坚之年。", ["“十四五”规划"]),
    # a deictic place (全市, 我县) is the text's own: dropped (deictic_prefixes)
    ("听取了全市“十四五”规划中期评估情况的报告。", ["“十四五”规划"]),
    ("审议湖东县“十五五”规划纲要草案。", ["湖东县“十五五”规划纲要草案"]),
])
def test_extract_laws_quoted_period_plan_starts_at_its_quote(text, expected):
    assert [m.label for m in _extract(text)] == expected


# ---- genre3 round: classes of phenomena (made-up sentences of the genre)

_WRAP = "某" * 24  # a full line of a PDF copy before a hard line break


@pytest.mark.parametrize("text, expected", [
    # laws.wrapped_line: a title or name cut by a PDF's hard line break is read across it
    (f"常委会{_WRAP}围绕新修订的《中华人民共和国消防\n法》开展执法检查。",
     [("中华人民共和国消防法", "marked")]),
    (f"推动市政府出台了{_WRAP}《**市农村生活污水治理\n办法》。", [("**市农村生活污水治理办法", "marked")]),
    (f"会同有关部门{_WRAP}推进土壤污染\n防治法在全市的实施。", [("土壤污染防治法", "bare")]),
    # a blank line or a sentence end is no hard wrap: nothing is joined
    ("一、贯彻《某某\n\n条例》", []),
])
def test_extract_laws_reads_titles_across_hard_line_breaks(text, expected):
    doc = Document("t", "t.txt", text, "", (), "")
    ms = extract_laws(doc, _sentences(text))
    assert [(m.label, m.attr("form")) for m in ms] == expected
    for m in ms:
        assert m.text == text[m.start:m.end]


@pytest.mark.parametrize("text, expected", [
    # laws.generic.conjoined: generic words joined by 和 stay generic
    ("审查批准设区的市报批的法规和自治条例、单行条例6件。", []),
    ("要对《中华人民共和国森林法》和单行条例《**自治县林木管理条例》开展检查。",
     [("中华人民共和国森林法", "marked"), ("**自治县林木管理条例", "marked")]),
    # laws.generic.open_quote: a quoted formula is no title
    ("针对查摆出的问题，制定了“三清单一计划”，逐项整改。", []),
    # a corrective plan after an appraisal is no title (整改 is generic)
    ("被评议单位均已制定整改方案。", []),
    # spreading a draft to villagers: the verb ends the title on the left
    ("在少数民族聚居村组用双语解读条例草案。", []),
    # a research or inspection report in marks is a finding, not an instrument
    ("形成了《自治条例实施情况调研报告》《重点流域视察报告》。", []),
    # a government's emergency plan is an instrument
    ("区政府据此修订了《**区突发环境事件应急预案》。", [("**区突发环境事件应急预案", "marked")]),
])
def test_extract_laws_skips_classes_of_non_instruments(text, expected):
    assert _pairs(text) == expected


# ---- genre4 round: classes of phenomena (made-up sentences of the genre)

@pytest.mark.parametrize("text, expected", [
    # laws.bare_opinion.on_report: an opinion on an inspection or a report is kept as a span
    # (the law inside it stays a mention) but marked as a response, not a document
    ("下半年听取市政府关于水法执法检查审议意见落实情况的报告。",
     [("水法", None), ("水法执法检查审议意见", "report")]),
    ("对县政府关于乡村旅游发展情况报告审议意见的落实情况开展测评。",
     [("乡村旅游发展情况报告审议意见", "report")]),
    ("还将听取关于执法检查审议意见办理情况的报告。", [("执法检查审议意见", "report")]),
    # ...a topic-named opinion stays a document
    ("听取关于城区停车设施建设审议意见落实情况的报告。", [("城区停车设施建设审议意见", None)]),
    # laws.bare_opinion.organ_only: a year and the own committee name all of a year's opinions
    ("对2021年度常委会审议意见落实情况开展回头看。", []),
    ("对2020年常委会审议意见办理情况进行督办。", []),
])
def test_extract_laws_opinions_on_reports_are_responses(text, expected):
    assert [(m.label, m.attr("response")) for m in _extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # laws.generic.counted_class: classes of legislation followed by a count are a tally
    ("依法批准了**自治县自治条例和单行条例各2件。", []),
    ("批准设区的市、自治州法规和单行条例9件。", []),
    ("审查批准某某自治县自治条例1件。", []),
    # ...a named autonomy regulation without a count stays
    ("启动《**自治县自治条例》修订，审议**自治县自治条例修订草案。",
     ["**自治县自治条例", "**自治县自治条例"]),
    # laws.generic.organ_only: an organ alone before an implementing word names no title
    ("认真执行省委、市委、区委实施办法，改进会风文风。", []),
    ("督查组对盟委实施方案的落实情况开展督查。", []),
    ("县政府办公室工作方案已经印发。", []),
    # ...but the seeds' organ opinion (市委实施意见) stays, and an organ's named rules stay
    ("贯彻落实市委实施意见。", ["市委实施意见"]),
    ("修订了县人大常委会议事规则。", ["县人大常委会议事规则"]),
    # laws.generic.deictic: a conjunction after a marked law joins it to a deictic place
    ("对《中华人民共和国种子法》和我省实施办法的实施情况开展检查。", ["中华人民共和国种子法"]),
    ("检查《中华人民共和国畜牧法》及本市实施细则的执行情况。", ["中华人民共和国畜牧法"]),
])
def test_extract_laws_tallies_and_organ_only_words_name_no_title(text, expected):
    assert [m.label for m in _extract(text)] == expected


def test_extract_laws_short_form_takes_the_full_title_of_the_document():
    # laws.short_form: 《**市烟花爆竹管理条例》 … 在修订烟花爆竹管理条例时 is one instrument;
    # 《中华人民共和国噪声污染防治法》 … 噪声污染防治法 likewise
    text = ("常委会制定了《**市烟花爆竹管理条例》。在修订烟花爆竹管理条例过程中召开论证会。"
            "对《中华人民共和国噪声污染防治法》开展检查，推动噪声污染防治法落地。")
    labels = [m.label for m in _extract(text)]
    assert labels == ["**市烟花爆竹管理条例", "**市烟花爆竹管理条例",
                      "中华人民共和国噪声污染防治法", "中华人民共和国噪声污染防治法"]


def test_extract_laws_records_the_national_issuer_of_a_decision():
    # laws.issuer: 全国人大常委会《关于…的决定》
    ms = _extract("检查全国人大常委会《关于加强某某工作的决定》的贯彻实施情况。")
    assert [(m.label, m.attr("issuer")) for m in ms] == [("关于加强某某工作的决定", "全国人民代表大会常务委员会")]
