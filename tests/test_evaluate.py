"""kg.evaluate: scoring must agree with ../shared/eval/score.py, number for number."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluate import EvalError, format_scores, load_facts, misses, score, similarity

from _paths import GOLD as GOLD_PATH, SCORER

GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def _items(doc, field):
    return doc.get(field) or []


def drop_every_other(docs):
    out = copy.deepcopy(docs)
    for d in out:
        for f in ("laws_inspected", "reports_heard", "institutions", "slogans", "numbers"):
            d[f] = _items(d, f)[::2]
    return out


def flip_statuses(docs):
    out = copy.deepcopy(docs)
    for d in out:
        for f in ("laws_inspected", "reports_heard"):
            for i, item in enumerate(_items(d, f)):
                if i % 2 == 0:
                    item["status"] = "planned" if item.get("status") == "completed" else "completed"
    return out


def alter_strings(docs):
    out = copy.deepcopy(docs)
    for d in out:
        for item in _items(d, "laws_inspected"):
            law = item["law"]
            item["law"] = f"《中华人民共和国{law}》" if not law.startswith("中华") else law[7:]
            item["canonical"] = None
        d["reports_heard"] = [dict(r, report=r["report"][: max(2, len(r["report"]) * 2 // 3)])
                              for r in _items(d, "reports_heard")]
        d["institutions"] = [f"“{x}”" if i % 3 == 0 else x[:-1] for i, x in enumerate(_items(d, "institutions"))]
        d["slogans"] = [f"坚持{x}" for x in _items(d, "slogans")]
        d["programmes"] = [x.replace("人大", "政府") for x in _items(d, "programmes")]
    return out


def add_extras_and_duplicates(docs):
    out = copy.deepcopy(docs)
    for d in out:
        d["institutions"] = _items(d, "institutions") * 2 + ["区法院", "某某委员会"]
        d["laws_mentioned_other"] = _items(d, "laws_mentioned_other") + ["中华人民共和国宪法", "某条例"]
        d["numbers"] = _items(d, "numbers") + [{"what": "x", "value": 47.0, "unit": "条"},
                                               {"what": "y", "value": "abc", "unit": "个"}]
        d["reports_heard"] = _items(d, "reports_heard") + [{"report": "财政预算执行情况", "from": None,
                                                            "status": "completed"}]
    return out


def change_numbers(docs):
    out = copy.deepcopy(docs)
    for d in out:
        d["numbers"] = [dict(n, value=n["value"] + (i % 2)) if i % 3 else dict(n, unit="项")
                        for i, n in enumerate(_items(d, "numbers"))]
    return out


def drop_and_add_documents(docs):
    out = copy.deepcopy(docs[1:])
    out.append({"id": "999_unknown", "institutions": ["区政府"]})
    return out


def empty_fields(docs):
    return [{"id": d["id"]} for d in docs]


PERTURBATIONS = [lambda d: copy.deepcopy(d), drop_every_other, flip_statuses, alter_strings,
                 add_extras_and_duplicates, change_numbers, drop_and_add_documents, empty_fields,
                 lambda d: add_extras_and_duplicates(alter_strings(flip_statuses(d)))]
IDS = ["identity", "drop", "flip-status", "alter-strings", "extras-dupes", "numbers",
       "documents", "empty", "combined"]


def reference(gold_path: Path, pred_path: Path, *flags: str) -> str:
    proc = subprocess.run([sys.executable, str(SCORER), str(gold_path), str(pred_path), *flags],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    return proc.stdout


@pytest.mark.parametrize("perturb", PERTURBATIONS, ids=IDS)
@pytest.mark.parametrize("wrapped", [False, True], ids=["list", "documents-object"])
def test_scores_agree_with_the_reference_scorer(tmp_path, perturb, wrapped):
    pred = perturb(GOLD)
    gold_path, pred_path = tmp_path / "gold.json", tmp_path / "pred.json"
    gold_path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    pred_path.write_text(json.dumps({"documents": pred} if wrapped else pred, ensure_ascii=False),
                         encoding="utf-8")
    expected = json.loads(reference(gold_path, pred_path, "--json"))
    got = score(load_facts(gold_path), load_facts(pred_path))
    assert got == expected
    assert list(got) == list(expected)  # same field order


# flip-status only changes the +status rows, which list no misses
_LOSSY = [(p, i) for p, i in zip(PERTURBATIONS, IDS) if i not in ("identity", "flip-status")]


@pytest.mark.parametrize("perturb", [p for p, _ in _LOSSY], ids=[i for _, i in _LOSSY])
def test_misses_agree_with_the_reference_verbose_listing(tmp_path, perturb):
    pred = perturb(GOLD)
    gold_path, pred_path = tmp_path / "gold.json", tmp_path / "pred.json"
    gold_path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    pred_path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    listed = re.findall(r"^  (MISSED|EXTRA) +(\S+) (\w+): (.*)$", reference(gold_path, pred_path, "--verbose"),
                        re.M)
    expected = sorted((kind.lower(), doc, field, item) for kind, doc, field, item in listed)
    got = sorted((m["kind"], m["doc"], m["field"], json.dumps(m["item"], ensure_ascii=False))
                 for m in misses(GOLD, pred))
    assert got == expected
    assert got  # every perturbation here loses or adds something


def test_perfect_prediction_scores_one_everywhere():
    result = score(GOLD, GOLD)
    assert all(r["f1"] == 1.0 and r["matched"] == r["gold"] for r in result.values() if r["gold"])
    assert misses(GOLD, GOLD) == []


@pytest.mark.parametrize("field, gold, pred, matches", [
    ("laws_inspected", {"law": "水污染防治法"}, {"law": "中华人民共和国水污染防治法"}, True),
    ("laws_inspected", {"law": "安全生产“一法一条例”", "canonical": "中华人民共和国安全生产法"},
     {"law": "安全生产法"}, True),
    ("laws_inspected", {"law": "水法"}, {"law": "森林法"}, False),
    ("reports_heard", {"report": "数字经济发展情况"}, {"report": "关于数字经济发展情况的报告"}, True),
    ("reports_heard", {"report": "数字经济发展情况"}, {"report": "财政预算"}, False),
    ("institutions", "区人大常委会", "（区人大常委会）", True),
    ("institutions", "区人大常委会", "区政府", False),
    ("numbers", {"value": 47, "unit": "条"}, {"value": 47.0, "unit": "条"}, True),
    ("numbers", {"value": 47, "unit": "条"}, {"value": 47, "unit": "件"}, False),
    ("numbers", {"value": 47, "unit": "条"}, {"value": None, "unit": "条"}, False),
])
def test_similarity_rules(field, gold, pred, matches):
    assert (similarity(field, gold, pred) > 0) is matches


@pytest.mark.parametrize("content, ok", [
    ('[{"id": "a"}]', True),
    ('{"documents": [{"id": "a"}]}', True),
    ('{"id": "a"}', False),
    ('[{"name": "a"}]', False),
    ("not json", False),
])
def test_load_facts_accepts_a_list_or_documents_object(tmp_path, content, ok):
    path = tmp_path / "f.json"
    path.write_text(content, encoding="utf-8")
    if ok:
        assert load_facts(path) == [{"id": "a"}]
    else:
        with pytest.raises(EvalError, match=re.escape(str(path))):
            load_facts(path)


def test_load_facts_missing_file_is_an_eval_error(tmp_path):
    with pytest.raises(EvalError, match="no such file"):
        load_facts(tmp_path / "missing.json")


def test_format_scores_table_matches_the_reference_layout(tmp_path):
    pred = drop_every_other(GOLD)
    gold_path, pred_path = tmp_path / "gold.json", tmp_path / "pred.json"
    gold_path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    pred_path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    assert format_scores(score(GOLD, pred), "table") == reference(gold_path, pred_path)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_format_scores_machine_formats_carry_every_field(fmt):
    result = score(GOLD, drop_every_other(GOLD))
    text = format_scores(result, fmt)
    for name in result:
        assert name in text
    if fmt == "json":
        assert json.loads(text) == result


def test_format_scores_rejects_unknown_formats():
    with pytest.raises(EvalError):
        format_scores({}, "xml")
