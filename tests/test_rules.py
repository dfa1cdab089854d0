"""User lexicons: `kg build --lexicon DIR` extends the packaged rule files."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli.app import app
from kg.extract import rules
from kg.extract.formulas import extract_formulas
from kg.records import Document, Sentence

TEXT = "全县上下牢固树立青山绿水就是银饭碗的发展理念。"


def _labels(text: str) -> set[str]:
    doc = Document("d", "d.txt", text, "", (), "")
    return {m.label for m in extract_formulas(doc, (Sentence(0, 0, len(text), text, 0, None),))}


@pytest.fixture
def user_lexicon(tmp_path):
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "formulas.tsv").write_text("# a local formula\n青山绿水就是银饭碗\tany\t\tlocal\n", encoding="utf-8")
    yield folder
    rules.reset_user_dirs()


def test_a_user_lexicon_adds_entries_and_recompiles_the_rules(user_lexicon):
    assert "青山绿水就是银饭碗" not in _labels(TEXT)
    rules.add_user_dir(user_lexicon)
    assert "青山绿水就是银饭碗" in _labels(TEXT)
    rules.reset_user_dirs()
    assert "青山绿水就是银饭碗" not in _labels(TEXT)


def test_build_reads_lexicon_folders(user_lexicon, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r.txt").write_text("县人大常委会工作报告\n" + TEXT + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--lexicon", str(user_lexicon),
                                      "--quiet", "--no-validate", "-j", "1"])
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "facts.json").read_text(encoding="utf-8"))["documents"][0]
    assert "青山绿水就是银饭碗" in doc["slogans"]


def test_adding_the_same_folder_twice_counts_its_entries_once(user_lexicon):
    rules.add_user_dir(user_lexicon)
    rules.add_user_dir(user_lexicon / ".." / user_lexicon.name)
    rows = [r for r in rules.load_tsv("formulas.tsv") if r[0] == "青山绿水就是银饭碗"]
    assert len(rows) == 1
