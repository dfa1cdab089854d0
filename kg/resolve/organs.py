"""Organs to entities, and each document's own jurisdiction.

Local organs are named without their place (区政府), so they are scoped to the
jurisdiction of the document that names them: ``organ/<jurisdiction key>/<label>``,
never merged across documents by label alone. National organs (全国人大常委会, 党中央,
国务院, 最高人民法院 ...) share one IRI: ``organ/全国/<label>``. Sittings
(区十三届人大常委会第二十三次会议) resolve to ``Sitting`` entities scoped the same way.
Classes come from ``[classes]`` in ``kg/data/organs.toml``.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from kg.extract.organs import level_label
from kg.extract.rules import load_toml
from kg.records import DocFacts, Entity, Jurisdiction, Mention, safe_key

NATIONAL = "全国"
_CONGRESS_KINDS = {"人大常委会": 3, "主席团": 3, "工作委员会": 2, "人大": 1}
_TOWNSHIP = {"乡", "镇"}
# the opening lines, where a report names the body that delivers it
_OPENING = 300


@lru_cache(maxsize=1)
def _classes() -> dict:
    return dict(load_toml("organs.toml")["classes"])


@lru_cache(maxsize=1)
def _cores() -> dict:
    return {k: tuple(v) for k, v in load_toml("organs.toml")["cores"].items()}


@lru_cache(maxsize=1)
def _own_bare_subs() -> tuple:
    return tuple(load_toml("organs.toml").get("resolve", {}).get("own_bare_subs", ()))


def _segment(label: str) -> str:
    """Path segment of a label; a kept mask (*市委: another city's) reads 某."""
    return safe_key(label.replace("*", "某").replace("＊", "某").replace("×", "某"))


def _jurisdiction_key(facts: DocFacts, place: str) -> str:
    return safe_key(place) if place else f"doc-{safe_key(facts.doc.id)}"


def jurisdiction_of(facts: DocFacts) -> Jurisdiction:
    """The document's own level and place, from the congress organ it speaks for.

    The congress organ the document speaks for weighs most (我受**区第六届人民代表大会
    常务委员会委托; the title line), then the opening lines, then how often each level's
    congress organ is named; standing committees count more than congresses. With no congress organ, the commonest level
    of any local organ is used. ``key`` is the unmasked place when written, else
    ``doc-<document id>``.

    >>> from kg.records import DocFacts, Document
    >>> doc = Document("d1", "d1.txt", "", "", (), "")
    >>> jurisdiction_of(DocFacts(doc, (), (), (), (), ()))
    Jurisdiction(key='doc-d1', level='', name='')
    """
    text = facts.doc.text
    lead = len(text) - len(text.lstrip())
    title_end = text.find("\n", lead)
    title_end = len(text) if title_end < 0 else title_end
    scores: Counter = Counter()
    fallback: Counter = Counter()
    places: dict[str, Counter] = {}
    for m in facts.mentions:
        level = m.attr("level") or ""
        if m.kind != "organ" or not level or level == NATIONAL:
            continue
        kind = m.attr("kind")
        fallback[level] += 1
        if m.attr("parent") or kind not in _CONGRESS_KINDS:
            continue
        weight = _CONGRESS_KINDS[kind]
        if m.start < title_end:
            weight += 10  # the title names the body whose text this is
        elif m.start < _OPENING:
            weight += 2
        if text[max(0, m.start - 2):m.start].endswith(("受", "受我")):
            weight += 20  # 受…委托: the body whose report this is
        scores[level] += weight
        if m.attr("place"):
            places.setdefault(level, Counter())[m.attr("place")] += 1
    ranked = scores or fallback
    if not ranked:
        return Jurisdiction(_jurisdiction_key(facts, ""), "", "")
    # ties go to the level named first, Counter keeps insertion order
    level = max(ranked, key=lambda lv: ranked[lv])
    place = places[level].most_common(1)[0][0] if level in places else ""
    return Jurisdiction(_jurisdiction_key(facts, place), level, place)


def _own_label(level: str) -> tuple[str, str]:
    if level in _TOWNSHIP:  # townships have a presidium, not a standing committee
        return f"{level}人大主席团", "主席团"
    if level == "街道":  # subdistricts: the working committee of the district's SC, named
        return "街道人大工委", "工作委员会"  # as street reports write it (街道人大工委)
    return f"{level}人大常委会", "人大常委会"


def _entity(label: str, kind: str, level: str, jurisdiction: Jurisdiction, parent: str = "") -> Entity:
    national = level == NATIONAL
    scope = NATIONAL if national else jurisdiction.key
    # national organs belong to no document's jurisdiction node
    props = [] if national else [("jurisdiction", scope)]
    if level:
        props.append(("level", level))
    if parent:
        parent_scope = NATIONAL if national else jurisdiction.key
        props.append(("subOrganizationOf", f"organ/{parent_scope}/{_segment(parent)}"))
    cls = _classes().get(kind, "OtherOrgan")
    return Entity(f"organ/{scope}/{_segment(label)}", cls, label, tuple(sorted(props)))


def own_congress(jurisdiction: Jurisdiction) -> Entity:
    """The document's own standing committee (township: 人大主席团): the default agent.

    >>> own_congress(Jurisdiction("doc-004", "区", "")).path
    'organ/doc-004/区人大常委会'
    >>> own_congress(Jurisdiction("某镇", "镇", "某镇")).label
    '镇人大主席团'
    """
    label, kind = _own_label(jurisdiction.level)
    return _entity(label, kind, jurisdiction.level, jurisdiction)


def resolve_organ(mention: Mention, jurisdiction: Jurisdiction) -> Entity | None:
    """The entity an organ or sitting mention denotes, or None for other kinds.

    >>> from kg.records import Mention
    >>> j = Jurisdiction("doc-7", "区", "")
    >>> m = Mention("organ", 0, 8, "区人大常委会党组", "区人大常委会党组", "organs.sub_unit", 0,
    ...             (("kind", "党组"), ("level", "区"), ("parent", "区人大常委会")))
    >>> e = resolve_organ(m, j)
    >>> e.path, e.cls, dict(e.props)["subOrganizationOf"]
    ('organ/doc-7/区人大常委会党组', 'PartyGroup', 'organ/doc-7/区人大常委会')
    """
    if mention.kind == "sitting":
        level = mention.attr("level") or ""
        scope = NATIONAL if level == NATIONAL else jurisdiction.key
        props = ([] if scope == NATIONAL else [("jurisdiction", scope)]) + ([("level", level)] if level else [])
        return Entity(f"organ/{scope}/{_segment(mention.label)}", "Sitting", mention.label, tuple(sorted(props)))
    if mention.kind != "organ":
        return None
    level = mention.attr("level") or ""
    label, kind = mention.label, mention.attr("kind") or ""
    parent = mention.attr("parent") or ""
    if level == "街道" == jurisdiction.level and label == "街道人大工作委员会":
        label = "街道人大工委"  # organs.working_committee_written: a street's own committee
    if parent and level and level == jurisdiction.level and label[len(parent):] in _own_bare_subs():
        # organs.own_sub_unit: the document's own 区人大常委会主任会议 is its 主任会议
        return _entity(label[len(parent):], kind, level, jurisdiction, parent)
    if not level and jurisdiction.level and jurisdiction.level != NATIONAL:
        # a bare 政府 / 常委会 (听取政府专项报告) is the document's own one
        if label in ("常委会", "本级人大常委会"):
            return own_congress(jurisdiction)
        own_label, own_kind = _own_label(jurisdiction.level)
        if label.startswith("常委会") and own_kind == "人大常委会":
            # organs.own_sub_unit: a bare 常委会党组 / 常委会机关 / 常委会法制工作委员会 is
            # a sub-unit of the document's own standing committee; 常委会主任会议 is
            # named bare (organs.toml [resolve] own_bare_subs)
            sub = label[len("常委会"):]
            return _entity(sub if sub in _own_bare_subs() else own_label + sub, kind, jurisdiction.level,
                           jurisdiction, own_label)
        core = _cores().get(label)
        if core and core[1] not in ("党委", "党委常委会"):
            label, kind, level = level_label(jurisdiction.level, core[0]), core[1], jurisdiction.level
    return _entity(label, kind, level, jurisdiction, mention.attr("parent") or "")
