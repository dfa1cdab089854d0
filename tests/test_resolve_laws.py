"""Linking law mentions to the national registry, and scoping the rest locally."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.extract.laws import _compiled, extract_laws, registry_names
from kg.extract.rules import load_tsv
from kg.records import Document, Jurisdiction, Mention, Sentence
from kg.resolve.laws import instrument_class, lookup, resolve_law

ROOT = Path(__file__).resolve().parents[1]
from _paths import LAWS_TSV as SOURCE
DISTRICT = Jurisdiction("某区", "区", "某区")
MASKED = Jurisdiction("doc-004_x", "区", "")


def _mention(label: str, form: str = "bare", **attrs: str) -> Mention:
    pairs = tuple(sorted({"form": form, **attrs}.items()))
    return Mention("law", 0, len(label), label, label, f"laws.test.{form}", 0, pairs)


@pytest.mark.parametrize("written, title", [
    ("水污染防治法", "中华人民共和国水污染防治法"),
    ("中华人民共和国水污染防治法", "中华人民共和国水污染防治法"),
    ("《中华人民共和国 水污染防治法》", "中华人民共和国水污染防治法"),
    ("中华人民共和国水污染防治法（修订草案）", "中华人民共和国水污染防治法"),
    ("水污染防治法(修正案)", "中华人民共和国水污染防治法"),
    ("宪法", "中华人民共和国宪法"),
    ("宪法修正案", "中华人民共和国宪法"),
    ("中华人民共和国宪法修正案（2018年）", "中华人民共和国宪法修正案（2018年）"),
    ("监督法", "中华人民共和国各级人民代表大会常务委员会监督法"),
    ("地方组织法", "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法"),
    ("民法典", "中华人民共和国民法典"),
    ("城市居民最低生活保障条例", "城市居民最低生活保障条例"),
    ("中国人民解放军实施<药品管理法>办法", "中国人民解放军实施《中华人民共和国药品管理法》办法"),
])
def test_lookup_finds_registry_title(written, title):
    assert lookup(written).title == title


@pytest.mark.parametrize("written", ["组织法", "某某条例", "高标准农田保护条例", "方法", ""])
def test_lookup_refuses_unknown_or_ambiguous_titles(written):
    assert lookup(written) is None


@pytest.mark.parametrize("a, b", [
    ("环境保护法", "中华人民共和国环境保护法"),
    ("退役军人保障法", "中华人民共和国 退役军人保障法"),
    ("宪法", "中华人民共和国宪法"),
    ("选举法", "全国人民代表大会和地方各级人民代表大会选举法"),
])
def test_short_and_full_names_resolve_to_the_same_entity(a, b):
    ea, eb = resolve_law(_mention(a), DISTRICT), resolve_law(_mention(b, "marked"), MASKED)
    assert ea == eb
    assert ea.path == f"law/{ea.label}" and ea.label.startswith("中华人民共和国")


@pytest.mark.parametrize("label, cls, level", [
    ("环境保护法", "NationalLaw", "法律"),
    ("城市居民最低生活保障条例", "AdministrativeRegulation", "行政法规"),
    ("宪法", "Constitution", "宪法"),
    ("宪法修正案", "Constitution", "宪法"),
])
def test_resolve_law_registry_entity_has_class_and_props(label, cls, level):
    ent = resolve_law(_mention(label), DISTRICT)
    props = dict(ent.props)
    assert ent.cls == cls and props["registryLevel"] == level
    assert props["shortName"] and props["category"] and props["isDraft"] == "false"
    assert "written" not in props and list(ent.props) == sorted(ent.props)


def test_resolve_law_formula_links_through_stem():
    m = _mention("安全生产“一法一条例”", "formula", stem="安全生产", formula="一法一条例")
    ent = resolve_law(m, DISTRICT)
    assert (ent.path, ent.cls) == ("law/中华人民共和国安全生产法", "NationalLaw")


def test_resolve_law_formula_stem_closed_by_a_field_word():
    # laws.formula.stem_trimmed: 消防安全“一法两规定” is the 消防法 and its rules
    m = _mention("消防安全“一法两规定”", "formula", stem="消防安全", formula="一法两规定")
    assert resolve_law(m, DISTRICT).path == "law/中华人民共和国消防法"


def test_resolve_law_formula_with_unknown_stem_stays_local():
    m = _mention("某某事务“一法一办法”", "formula", stem="某某事务", formula="一法一办法")
    ent = resolve_law(m, DISTRICT)
    assert ent.path.startswith("law/某区/") and ent.cls == "OtherInstrument"


@pytest.mark.parametrize("label, jur, path, cls", [
    ("高标准农田保护条例", DISTRICT, "law/某区/高标准农田保护条例", "LocalRegulation"),
    ("**区民生实事项目票决制工作方案", MASKED, "law/doc-004_x/区民生实事项目票决制工作方案", "Plan"),
    ("市国土空间总体规划（2021-2035年）", DISTRICT, "law/某区/市国土空间总体规划-2021-2035年", "Plan"),
    ("关于加强乡镇人大工作的指导意见", DISTRICT, "law/某区/关于加强乡镇人大工作的指导意见", "PolicyDocument"),
    ("**省实施某某办法", DISTRICT, "law/某区/省实施某某办法", "LocalRegulation"),
    ("常委会议事规则", DISTRICT, "law/某区/常委会议事规则", "OtherInstrument"),
    ("中国共产党纪律处分条例", DISTRICT, "law/某区/中国共产党纪律处分条例", "PolicyDocument"),
])
def test_unlinked_instrument_is_scoped_to_jurisdiction(label, jur, path, cls):
    ent = resolve_law(_mention(label, "marked"), jur)
    assert (ent.path, ent.cls, ent.label) == (path, cls, label)
    assert dict(ent.props)["jurisdiction"] == jur.key


def test_unlinked_draft_is_flagged():
    m = _mention("市危险废物污染环境防治条例（草案）", "marked", draft="1", suffix="草案")
    ent = resolve_law(m, DISTRICT)
    assert (ent.cls, dict(ent.props)["isDraft"]) == ("LocalRegulation", "true")


def test_unlisted_national_law_gets_a_global_path():
    ent = resolve_law(_mention("某某新领域促进法（草案）", "marked", draft="1", suffix="草案"), DISTRICT)
    assert ent.cls == "NationalLaw" and ent.path.startswith("law/中华人民共和国某某新领域促进法")


@pytest.mark.parametrize("label, cls", [
    ("党的二十大报告", "PolicyDocument"), ("党章", "PolicyDocument"), ("中央八项规定", "PolicyDocument"),
    ("“十四五”规划", "Plan"), ("“八五”普法规划实施意见", "PolicyDocument"), ("某某工作要点", "Plan"),
    ("某某公约", "OtherInstrument"), ("**市养犬管理条例(草案)", "LocalRegulation"),
    ("北京市某某管理办法", "LocalRegulation"),
    # rules of procedure of congress organs are internal rules, not local regulations
    ("**市人大常委会立法工作规程", "OtherInstrument"), ("某某镇人大主席团工作规则", "OtherInstrument"),
    ("**街道人大工委工作制度", "OtherInstrument"), ("代表联络站接待群众工作流程", "OtherInstrument"),
    ("某某自治州人大常委会自治条例", "LocalRegulation"),
])
def test_instrument_class_by_last_word(label, cls):
    assert instrument_class(label) == cls


def test_resolve_law_ignores_other_kinds():
    m = Mention("organ", 0, 3, "区政府", "区政府", "organs.lexicon", 0)
    assert resolve_law(m, DISTRICT) is None


def test_extracted_seed_like_sentence_resolves_end_to_end():
    text = "对《中华人民共和国水污染防治法》开展执法检查，并检查该法配套的**区水环境保护条例。"
    doc = Document("t", "t.txt", text, "", (), "")
    found = extract_laws(doc, [Sentence(0, 0, len(text), text, 0, None)])
    paths = [resolve_law(m, MASKED).path for m in found]
    assert paths == ["law/中华人民共和国水污染防治法", "law/中华人民共和国水污染防治法",
                     "law/doc-004_x/区水环境保护条例"]


# ---------------------------------------------------------------- the data files


def _derive_module():
    spec = importlib.util.spec_from_file_location("derive_law_registry", ROOT / "scripts" / "derive_law_registry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_registry_file_is_in_sync_with_derivation_script():
    shipped = (ROOT / "kg" / "data" / "laws.tsv").read_text(encoding="utf-8")
    module = _derive_module()
    assert module.COMMAND in shipped  # the header names the command that made it
    if SOURCE.is_file():  # the source lives outside the repository; compare when it is there
        assert module.render(SOURCE) == shipped


def test_registry_has_one_row_per_title_and_prc_free_short_names():
    rows = load_tsv("laws.tsv")
    titles = [r[1] for r in rows]
    assert len(titles) == len(set(titles)) > 900
    assert all("中华人民共和国" not in r[0] for r in rows)


def test_hand_aliases_point_at_registry_titles():
    titles = {r[1] for r in load_tsv("laws.tsv")}
    for alias, title in load_tsv("law_aliases.tsv"):
        assert title in titles and lookup(alias).title == title


def test_no_false_friend_ends_a_registry_name():
    friends = [f for f in _compiled()["false_friends"] if f != "办法"]
    assert not [n for n in registry_names() if n.endswith(tuple(friends))]


def test_draft_that_took_the_final_title_denotes_the_instrument():
    """A draft mention relabelled with the final title (the document names both) and the
    final mention resolve to one entity, which is not a draft."""
    draft = _mention("**市养犬管理条例", "marked", draft="1", suffix="草案", base="**市养犬管理条例")
    final = _mention("**市养犬管理条例", "bare")
    a, b = resolve_law(draft, DISTRICT), resolve_law(final, DISTRICT)
    assert a == b and dict(a.props)["isDraft"] == "false"


def test_draft_alone_keeps_its_draft_entity():
    m = _mention("**市养犬管理条例（草案）", "marked", draft="1", suffix="草案", base="**市养犬管理条例")
    assert dict(resolve_law(m, DISTRICT).props)["isDraft"] == "true"


def test_extracted_genre_sentences_resolve_end_to_end():
    text = ("对《某某州城乡规划条例（草案）》组织立法调研，年内制定某某州城乡规划条例。"
            "检查了义务教育法和某某州义务教育条例的实施情况。")
    sents = [Sentence(i, text.index(p), text.index(p) + len(p), p, 0, None)
             for i, p in enumerate(t + "。" for t in text.split("。") if t)]
    found = extract_laws(Document("d", "d.txt", text, "", (), ""), sents)
    ents = [resolve_law(m, DISTRICT) for m in found]
    assert [e.path for e in ents] == ["law/某区/某某州城乡规划条例", "law/某区/某某州城乡规划条例",
                                      "law/中华人民共和国义务教育法", "law/某区/某某州义务教育条例"]


@pytest.mark.parametrize("label, attrs, path, cls, level", [
    # laws.issuer: an NPCSC decision is a national instrument under its full title
    ("关于加强某某工作的决定", {"form": "marked", "issuer": "全国人民代表大会常务委员会"},
     "law/全国人民代表大会常务委员会关于加强某某工作的决定", "NationalLaw", "法律"),
    # laws.unlisted_national: a 法 missing from the registry keeps its full title and level
    ("中华人民共和国某某促进法", {"form": "marked"}, "law/中华人民共和国某某促进法", "NationalLaw", "法律"),
    ("某某促进法", {"form": "bare"}, "law/中华人民共和国某某促进法", "NationalLaw", "法律"),
])
def test_resolve_law_national_instruments_outside_the_registry(label, attrs, path, cls, level):
    e = resolve_law(_mention(label, **attrs), DISTRICT)
    assert (e.path, e.cls, dict(e.props).get("registryLevel")) == (path, cls, level)
    assert e.label == path.removeprefix("law/")


@pytest.mark.parametrize("label, response, resolved", [
    # laws.bare_opinion.on_report: an opinion marked as a response to a report names no document
    ("湿地保护法执法检查审议意见", "report", False),
    ("农贸市场建设情况报告审议意见", "report", False),
    # ...a topic-named opinion without the mark is a local policy document
    ("农贸市场建设审议意见", None, True),
])
def test_resolve_law_leaves_responses_to_reports_unresolved(label, response, resolved):
    attrs = {"response": response} if response else {}
    assert (resolve_law(_mention(label, **attrs), DISTRICT) is not None) == resolved
