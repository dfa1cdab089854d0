"""Score per-document facts against gold annotations (../shared/eval/SCHEMA.md).

Items of a field are paired one-to-one, most similar pair first, with forgiving string
rules: quotes, brackets, book-title marks and spacing do not count, nor does a leading
中华人民共和国 on a law; a law also matches on its canonical title; report topics and
names match on containment or character-bigram (Dice) similarity. Predicted items are
de-duplicated before pairing. Scores are micro-averaged over documents; ``+status``
rows count only pairs whose planned/completed status agrees. The numbers agree with
``../shared/eval/score.py`` (a test runs both).
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["EvalError", "FIELDS", "load_facts", "score", "misses", "format_scores",
           "similarity"]


class EvalError(ValueError):
    """A facts file that cannot be read or has the wrong shape (one-line message)."""


_IGNORED = re.compile(r"[\s《》〈〉<>“”‘’\"'「」『』()（）\[\]【】]")
_PRC = "中华人民共和国"


def _norm(text: str | None) -> str:
    """Compare form: NFKC, no quotes/brackets/spaces, lower case.

    >>> _norm("《中华人民共和国 水法》")
    '中华人民共和国水法'
    """
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def _norm_law(text: str | None) -> str:
    t = _norm(text)
    return t[len(_PRC):] if t.startswith(_PRC) else t


def _bigrams(s: str) -> list[str]:
    return [s[i:i + 2] for i in range(len(s) - 1)] or [s]


def _dice(a: str, b: str) -> float:
    """Dice coefficient over character-bigram multisets.

    >>> _dice("数字经济", "数字经济发展")
    0.75
    """
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    x, y = _bigrams(a), _bigrams(b)
    common = sum((Counter(x) & Counter(y)).values())
    return 2 * common / (len(x) + len(y))


def _contained(a: str, b: str, ratio: float) -> bool:
    """The shorter string (2+ chars) lies inside the longer and is long enough."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and short in long_ and len(short) / len(long_) >= ratio


def _sim_text(g: str, p: str) -> float:
    a, b = _norm(g), _norm(p)
    if a == b:
        return 1.0
    if _contained(a, b, 0.6):
        return 0.9
    d = _dice(a, b)
    return d if d >= 0.75 else 0.0


def _sim_law(g: dict, p: dict) -> float:
    gc, pc = _norm_law(g.get("canonical")), _norm_law(p.get("canonical"))
    if gc and gc == pc:
        return 1.0
    a, b = _norm_law(g.get("law")), _norm_law(p.get("law"))
    if a == b or (gc and b == gc) or (pc and a == pc):
        return 1.0
    if _contained(a, b, 0.5):
        return 0.8
    d = _dice(a, b)
    return d if d >= 0.8 else 0.0


def _sim_report(g: dict, p: dict) -> float:
    a, b = _norm(g.get("report")), _norm(p.get("report"))
    if a == b:
        return 1.0
    if _contained(a, b, 0.4):
        return 0.85
    d = _dice(a, b)
    return d if d >= 0.6 else 0.0


def _sim_number(g: dict, p: dict) -> float:
    try:
        same_value = float(g.get("value")) == float(p.get("value"))
    except (TypeError, ValueError):
        return 0.0
    return 1.0 if same_value and _norm(g.get("unit")) == _norm(p.get("unit")) else 0.0


# field → (similarity, whether items carry a status)
FIELDS: dict[str, tuple[Callable[[Any, Any], float], bool]] = {
    "laws_inspected": (_sim_law, True),
    "reports_heard": (_sim_report, True),
    "institutions": (_sim_text, False),
    "slogans": (_sim_text, False),
    "programmes": (_sim_text, False),
    "laws_mentioned_other": (_sim_text, False),
    "numbers": (_sim_number, False),
}


def similarity(field: str, gold_item: Any, pred_item: Any) -> float:
    """How well a predicted item matches a gold item of ``field`` (0 = not at all).

    >>> similarity("laws_inspected", {"law": "水污染防治法"}, {"law": "《中华人民共和国水污染防治法》"})
    1.0
    >>> similarity("institutions", "区人大常委会", "区政府")
    0.0
    """
    return FIELDS[field][0](gold_item, pred_item)


def _pairs(gold: Sequence, pred: Sequence, sim) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing, best similarity first; ties go to the later gold
    item, then the later prediction (the order score.py uses)."""
    scored = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = sim(g, p)
            if s > 0:
                scored.append((s, i, j))
    scored.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _unique(items: Sequence) -> list:
    seen, out = set(), []
    for item in items:
        key = json.dumps(item, ensure_ascii=False, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _status(item: Any) -> str:
    return (item.get("status") or "") if isinstance(item, dict) else ""


def _field_pairs(gold_docs: Sequence[dict], pred_docs: Sequence[dict]):
    """Yield (doc id, field, gold items, predicted items, pairs) for every gold doc."""
    by_id = {d.get("id"): d for d in pred_docs}
    for gd in gold_docs:
        pd = by_id.get(gd.get("id"), {})
        for field, (sim, _) in FIELDS.items():
            g = list(gd.get(field) or [])
            p = _unique(pd.get(field) or [])
            yield gd.get("id"), field, g, p, _pairs(g, p, sim)


def score(gold_docs: Sequence[dict], pred_docs: Sequence[dict]) -> dict[str, dict[str, Any]]:
    """Precision, recall and F1 (rounded to 3 places) with matched/predicted/gold
    counts, per field and per ``field+status``. Only gold documents count; a gold
    document missing from the predictions counts as predicting nothing.

    >>> gold = [{"id": "d", "slogans": ["两个确立", "四个意识"]}]
    >>> pred = [{"id": "d", "slogans": ["“两个确立”", "五个表率"]}]
    >>> score(gold, pred)["slogans"]
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'matched': 1, 'predicted': 2, 'gold': 2}
    """
    totals: dict[str, list[int]] = {}
    for _, field, g, p, pairs in _field_pairs(gold_docs, pred_docs):
        rows = [(field, len(pairs))]
        if FIELDS[field][1]:
            agree = sum(1 for i, j in pairs if _status(g[i]) == _status(p[j]))
            rows.append((field + "+status", agree))
        for name, matched in rows:
            t = totals.setdefault(name, [0, 0, 0])
            t[0] += matched
            t[1] += len(p)
            t[2] += len(g)
    result = {}
    for name, (tp, n_pred, n_gold) in totals.items():
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[name] = {"precision": round(precision, 3), "recall": round(recall, 3),
                        "f1": round(f1, 3), "matched": tp, "predicted": n_pred, "gold": n_gold}
    return result


def misses(gold_docs: Sequence[dict], pred_docs: Sequence[dict]) -> list[dict[str, Any]]:
    """Every gold item left unmatched ("missed") and every predicted item left over
    ("extra"), as {doc, field, kind, item}, in document and field order.

    >>> misses([{"id": "d", "slogans": ["两个确立"]}], [{"id": "d", "slogans": ["五个表率"]}])
    [{'doc': 'd', 'field': 'slogans', 'kind': 'missed', 'item': '两个确立'}, {'doc': 'd', 'field': 'slogans', 'kind': 'extra', 'item': '五个表率'}]
    """
    out = []
    for doc, field, g, p, pairs in _field_pairs(gold_docs, pred_docs):
        hit_g = {i for i, _ in pairs}
        hit_p = {j for _, j in pairs}
        out += [{"doc": doc, "field": field, "kind": "missed", "item": item}
                for i, item in enumerate(g) if i not in hit_g]
        out += [{"doc": doc, "field": field, "kind": "extra", "item": item}
                for j, item in enumerate(p) if j not in hit_p]
    return out


def load_facts(path: Path | str) -> list[dict]:
    """Per-document records from a JSON file holding a list or ``{"documents": [...]}``.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "f.json")
    ...     _ = open(p, "w", encoding="utf-8").write('{"documents": [{"id": "a"}]}')
    ...     load_facts(p)
    [{'id': 'a'}]
    """
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{p}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{p}: not a JSON file ({' '.join(str(exc).split())})") from None
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    if not isinstance(data, list) or not all(isinstance(d, dict) and "id" in d for d in data):
        raise EvalError(f"{p}: expected a list of documents with an id, or {{\"documents\": [...]}}")
    return data


_COLUMNS = ("precision", "recall", "f1", "matched", "predicted", "gold")


def format_scores(result: dict[str, dict[str, Any]], fmt: str = "table") -> str:
    """Render scores as ``table`` (aligned text), ``json``, ``jsonl`` or ``csv``.

    >>> print(format_scores({"slogans": {"precision": 0.5, "recall": 1.0, "f1": 0.667,
    ...                                  "matched": 1, "predicted": 2, "gold": 1}}, "csv"), end="")
    field,precision,recall,f1,matched,predicted,gold
    slogans,0.5,1.0,0.667,1,2,1
    """
    rows = [{"field": name, **{c: r[c] for c in _COLUMNS}} for name, r in result.items()]
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=["field", *_COLUMNS], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "table":
        lines = [f"{'field':<26}{'P':>7}{'R':>7}{'F1':>7}{'match':>7}{'pred':>6}{'gold':>6}"]
        for r in rows:
            lines.append(f"{r['field']:<26}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
                         f"{r['matched']:>7}{r['predicted']:>6}{r['gold']:>6}")
        return "\n".join(lines) + "\n"
    raise EvalError(f"unknown format {fmt!r}; expected table, json, jsonl or csv")
