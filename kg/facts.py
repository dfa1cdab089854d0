"""Per-document facts (the shape of ../shared/eval/SCHEMA.md), read from the graph.

Built only from the named queries, so facts.json says exactly what the graph says and
anyone can reproduce a field with ``kg query``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyoxigraph

from kg.query import run

__all__ = ["FIELDS", "facts_from_store", "facts_from_quads", "write_facts"]

FIELDS = ("laws_inspected", "laws_mentioned_other", "reports_heard", "institutions",
          "slogans", "programmes", "numbers")
_MARKS = str.maketrans("", "", "《》〈〉")
# in the graph, but not institutions in the gold convention: sittings of a session
_NOT_INSTITUTIONS = frozenset({"Sitting"})


def _rows(store: pyoxigraph.Store, name: str) -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in run(store, name=name).records():
        by_doc[rec["docId"]].append(rec)
    return by_doc


def _sorted_unique(items: list) -> list:
    """De-duplicated and sorted; dicts by their canonical JSON text."""
    if items and isinstance(items[0], dict):
        keyed = {json.dumps(i, ensure_ascii=False, sort_keys=True): i for i in items}
        return [keyed[k] for k in sorted(keyed)]
    return sorted(set(items))


def _agents(names: set[str]) -> str | None:
    # GROUP_CONCAT gives no order guarantee: sort the names for stable output.
    return "、".join(sorted(names)) or None


def _one_per_law(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One item per law and status: a law inspected in several sentences (or named again
    as 该法, 一法一条例) is one fact whose ``by`` joins every organ named, written as its
    canonical title when one of the writings is that title, else as its longest writing.

    >>> rows = [{"law": "L", "written": "种子法", "canonical": "中华人民共和国种子法", "status": "planned", "by": "省人大常委会"},
    ...         {"law": "L", "written": "中华人民共和国种子法", "canonical": "中华人民共和国种子法", "status": "planned",
    ...          "by": "全国人大常委会"}]
    >>> _one_per_law(rows)
    [{'law': '中华人民共和国种子法', 'canonical': '中华人民共和国种子法', 'status': 'planned', 'by': '全国人大常委会、省人大常委会'}]
    """
    merged: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        written = (r["written"] or "").translate(_MARKS)
        item = merged.setdefault((r["law"], r["status"]), {"writings": set(), "by": set(), "row": r})
        item["writings"].add(written)
        item["by"].update(n for n in (r["by"] or "").split(" | ") if n)
    out = []
    for (_, status), item in merged.items():
        canonical = item["row"]["canonical"]
        writings = sorted(item["writings"], key=lambda w: (-len(w), w))
        law = canonical if canonical in item["writings"] else writings[0]
        out.append({"law": law, "canonical": canonical, "status": status, "by": _agents(item["by"])})
    return out


def _number(value: Any) -> int | float | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def facts_from_store(store: pyoxigraph.Store) -> list[dict[str, Any]]:
    """One dict per rk:Document (even one with no facts), sorted by id, in the shape
    of SCHEMA.md: id, laws_inspected, laws_mentioned_other, reports_heard,
    institutions, slogans, programmes, numbers.

    >>> facts_from_store(pyoxigraph.Store())
    []
    """
    docs = sorted({r["docId"] for r in run(store, name="documents").records()})
    inspected = _rows(store, "laws-inspected")
    mentioned = _rows(store, "laws-mentioned")
    reports = _rows(store, "reports-heard")
    institutions = _rows(store, "institutions")
    slogans = _rows(store, "slogans")
    programmes = _rows(store, "programmes")
    numbers = _rows(store, "numbers")
    out = []
    for doc in docs:
        out.append({
            "id": doc,
            "laws_inspected": _sorted_unique(_one_per_law(inspected.get(doc, []))),
            "laws_mentioned_other": _sorted_unique([
                r["label"] for r in mentioned.get(doc, []) if not r["inspected"] and r["label"]]),
            "reports_heard": _sorted_unique([
                {"report": r["topic"], "from": r["from"], "status": r["status"]}
                for r in reports.get(doc, [])]),
            "institutions": _sorted_unique([r["label"] for r in institutions.get(doc, [])
                                           if r["label"] and r["class"] not in _NOT_INSTITUTIONS]),
            "slogans": _sorted_unique([r["label"] for r in slogans.get(doc, []) if r["label"]]),
            "programmes": _sorted_unique([r["label"] for r in programmes.get(doc, []) if r["label"]]),
            "numbers": _sorted_unique([
                {"what": r["what"] or "", "value": _number(r["value"]), "unit": r["unit"]}
                for r in numbers.get(doc, [])]),
        })
    return out


def facts_from_quads(quads) -> list[dict[str, Any]]:
    """``facts_from_store`` over an in-memory store of ``quads``.

    The named queries match inside one named graph at a time, so the facts of a
    document read from its own graph alone are those read from the whole store: a
    build computes them per document, in the worker that built the graph.

    >>> facts_from_quads([])
    []
    """
    store = pyoxigraph.Store()
    store.extend(quads)
    return facts_from_store(store)


def write_facts(docs: list[dict[str, Any]], path: Path | str) -> Path:
    """Write ``{"documents": [...]}`` (sorted by id) as UTF-8 JSON with
    ``ensure_ascii=False, indent=1, sort_keys=True``, through a temporary file renamed
    into place. Returns the path.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = write_facts([{"id": "b"}, {"id": "a"}], os.path.join(d, "facts.json"))
    ...     [x["id"] for x in json.loads(p.read_text(encoding="utf-8"))["documents"]]
    ['a', 'b']
    """
    from kg.store import _write_atomic

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {"documents": sorted(docs, key=lambda d: d["id"])}
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    _write_atomic(target, text.encode("utf-8"))
    return target
