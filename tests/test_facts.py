"""kg.facts: facts.json from the named queries, in the SCHEMA.md shape."""
from __future__ import annotations

import json
import re

import pytest

import kg.store
from kg.evaluate import score
from kg.facts import FIELDS, facts_from_store, write_facts

from _paths import SCHEMA


def schema_example() -> dict:
    """The example record of SCHEMA.md, so the test follows the schema document."""
    block = re.search(r"```json\n(.*?)```", SCHEMA.read_text(encoding="utf-8"), re.S).group(1)
    return json.loads(block)


@pytest.fixture
def facts(store):
    return facts_from_store(store)


def test_every_document_is_listed_even_without_facts(facts):
    assert [d["id"] for d in facts] == ["004_demo", "005_plain", "006_policy"]
    plain = facts[1]
    assert all(plain[f] == [] for f in FIELDS)


def test_record_keys_match_the_schema(facts):
    example = schema_example()
    for doc in facts:
        assert set(doc) == set(example)


@pytest.mark.parametrize("field", ["laws_inspected", "reports_heard", "numbers"])
def test_item_keys_match_the_schema(facts, field):
    keys = set(schema_example()[field][0])
    items = [item for doc in facts for item in doc[field]]
    assert items
    assert all(set(item) == keys for item in items)


@pytest.mark.parametrize("field", ["laws_mentioned_other", "institutions", "slogans", "programmes"])
def test_string_fields_are_sorted_unique_strings(facts, field):
    for doc in facts:
        assert all(isinstance(x, str) for x in doc[field])
        assert doc[field] == sorted(set(doc[field]))


def test_demo_document_facts(facts):
    assert facts[0] == {
        "id": "004_demo",
        "laws_inspected": [{"law": "中华人民共和国水污染防治法", "canonical": "中华人民共和国水污染防治法",
                            "status": "completed", "by": "区人大常委会"}],
        "laws_mentioned_other": [],
        "reports_heard": [{"report": "数字经济发展情况", "from": "区政府", "status": "planned"}],
        "institutions": ["代表联络站", "区人大常委会", "区政府"],
        "slogans": ["两个确立"],
        "programmes": ["代表的一天"],
        "numbers": [{"what": "代表联络站", "value": 84, "unit": "个"}],
    }


def test_policy_title_is_its_own_canonical_and_uninspected_laws_are_other(facts):
    policy = facts[2]
    assert policy["laws_inspected"] == [{"law": "关于加强基层治理的意见", "canonical": "关于加强基层治理的意见",
                                         "status": "planned", "by": "区人大常委会"}]
    assert policy["laws_mentioned_other"] == ["某某条例"]
    # the sitting is in the graph (and the institutions query) but, as in the gold
    # convention, sittings are not institutions
    assert policy["institutions"] == []


def test_sittings_stay_in_the_institutions_query(store):
    from kg.query import run

    rows = [r for r in run(store, name="institutions").records() if r["docId"] == "006_policy"]
    assert [(r["label"], r["class"]) for r in rows] == [("区十三届人大常委会第二十三次会议", "Sitting")]


def test_integral_values_are_ints(facts):
    values = [n["value"] for doc in facts for n in doc["numbers"]]
    assert values and all(type(v) is int for v in values)


def test_facts_score_perfectly_against_themselves(facts):
    result = score(facts, facts)
    assert all(r["f1"] == 1.0 for r in result.values() if r["gold"])


def test_write_facts_is_sorted_readable_and_byte_identical(tmp_path, facts):
    a = write_facts(list(reversed(facts)), tmp_path / "a.json")
    b = write_facts(facts, tmp_path / "b.json")
    raw = a.read_bytes()
    assert raw == b.read_bytes()
    assert "代表联络站".encode() in raw  # ensure_ascii=False
    assert raw.decode() == json.dumps({"documents": facts}, ensure_ascii=False, indent=1,
                                      sort_keys=True) + "\n"


def test_a_failed_facts_write_keeps_the_old_file(tmp_path, facts, monkeypatch):
    path = write_facts(facts, tmp_path / "facts.json")
    before = path.read_bytes()

    def boom(fd):
        raise OSError("no space left")

    monkeypatch.setattr(kg.store.os, "fsync", boom)
    with pytest.raises(OSError):
        write_facts(facts[:1], path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]


def test_facts_of_each_graph_alone_equal_the_facts_of_the_whole_store(quads, facts):
    from kg.facts import facts_from_quads

    by_graph = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(q)
    per_graph = [f for qs in by_graph.values() for f in facts_from_quads(qs)]
    assert sorted(per_graph, key=lambda d: d["id"]) == facts
