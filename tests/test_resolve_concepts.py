"""Formulas and programmes resolve to shared concepts keyed by their normalised label."""
from __future__ import annotations

import pytest

from kg.extract.formulas import extract_formulas
from kg.extract.programmes import extract_programmes
from kg.records import Document, Mention, Sentence
from kg.resolve.concepts import concept_key, resolve_formula, resolve_programme


def formula(label: str, text: str | None = None) -> Mention:
    text = text or label
    return Mention("formula", 0, len(text), text, label, "formulas.lexicon", 0)


@pytest.mark.parametrize(
    "a, b",
    [
        ("“两个确立”", "两个确立"),  # quotes
        ("不忘初心、 牢记使命", "不忘初心、牢记使命"),  # spaces
        ("人民选我当代表，我当代表为人民", "人民选我当代表、我当代表为人民"),  # ， vs 、
        ("互联网＋", "互联网+"),  # full vs half width
        ("「赶考」", "赶考"),
    ],
)
def test_resolve_formula_folds_writing_variants_to_one_path(a, b):
    assert resolve_formula(formula(a)).path == resolve_formula(formula(b)).path
    assert resolve_formula(formula(a)).label == resolve_formula(formula(b)).label


@pytest.mark.parametrize("a, b", [("两个确立", "两个维护"), ("四个意识", "四个自信"), ("三个一批", "三个服务")])
def test_resolve_formula_keeps_different_formulas_apart(a, b):
    assert resolve_formula(formula(a)).path != resolve_formula(formula(b)).path


def test_resolve_formula_uses_the_lexicon_label_for_known_aliases():
    ent = resolve_formula(formula("两个一百年奋斗目标"))
    assert (ent.path, ent.label, ent.cls) == ("formula/两个一百年", "两个一百年", "PoliticalFormula")


def test_the_same_formula_in_two_documents_gets_one_path():
    paths = set()
    for i, text in enumerate(["坚决做到“两个维护”。", "始终做到两个维护，增强“四个意识”。"]):
        doc = Document(f"d{i}", f"d{i}.txt", text, "", (), "")
        ms = extract_formulas(doc, [Sentence(0, 0, len(text), text, 0, None)])
        paths |= {resolve_formula(m).path for m in ms if m.label == "两个维护"}
    assert paths == {"formula/两个维护"}


def test_resolve_programme_keeps_the_kind_and_drops_quotes_from_the_path():
    text = "严格落实“第一议题”制度。"
    doc = Document("d", "d.txt", text, "", (), "")
    (m,) = extract_programmes(doc, [Sentence(0, 0, len(text), text, 0, None)])
    ent = resolve_programme(m)
    assert (ent.path, ent.cls, ent.props) == ("programme/第一议题制度", "Programme", (("programmeKind", "制度"),))


@pytest.mark.parametrize(
    "a, b",
    [("“代表的一天”活动", "代表的一天活动"), ("领导干部联系帮包乡镇(街道)工作机制", "领导干部联系帮包乡镇（街道）工作机制"),
     ('"1+6"联络站点体系', "“1+6”联络站点体系")],  # half-width quotes of web copies
)
def test_resolve_programme_folds_quotes_and_bracket_widths(a, b):
    ma = Mention("programme", 0, 1, a, a, "programmes.head", 0, (("kind", "活动"),))
    mb = Mention("programme", 0, 1, b, b, "programmes.head", 0, (("kind", "活动"),))
    assert resolve_programme(ma).path == resolve_programme(mb).path


@pytest.mark.parametrize(
    "label, key",
    [("“三个一批”", "三个一批"), ("总揽全局，协调各方", "总揽全局、协调各方"), ("（街道）", "(街道)")],
)
def test_concept_key_normalises_quotes_separators_and_width(label, key):
    assert concept_key(label) == key
