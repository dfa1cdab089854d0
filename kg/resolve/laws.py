"""Link law mentions to the national registry (``kg/data/laws.tsv``) or scope them locally.

Registry hits become ``law/<full title>`` entities shared by every document, whether the
text wrote the short name, the full title (with or without 中华人民共和国, with spaces)
or a draft or amendment of it (the draft status stays on the mention; the entity is the
law). Everything else is minted under the document's jurisdiction,
``law/<jurisdiction key>/<title>``, and classed by its last instrument word; an unlisted
X法 can only be a national law and keeps a global ``law/中华人民共和国X法`` path.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.extract.rules import derived, load_toml, load_tsv
from kg.records import Entity, Jurisdiction, Mention, safe_key

PRC = "中华人民共和国"
# words that close a formula's stem without belonging to the law's name (消防安全 → 消防法)
_STEM_FIELD_WORDS = ("安全", "工作", "管理", "领域")
_LEVEL_CLASS = {"法律": "NationalLaw", "行政法规": "AdministrativeRegulation", "宪法": "Constitution"}
_NOISE = re.compile(r"[\s《》〈〉<>‹›«»＜＞“”‘’\"'「」『』]")
_SUFFIX = re.compile(
    r"(?:[（(](?:(?:修正|修订)?草案(?:修改稿|征求意见稿|送审稿)?|征求意见稿|送审稿|代拟稿|讨论稿|修正案(?:草案)?"
    r"|试行|暂行|\d{4}年(?:修正|修订)本?)[）)]|(?:修正|修订)?草案)$")
_AMENDMENT = re.compile(r"修正案(?:[（(][^（）()]*[）)])?$")
_TRAIL_PAREN = re.compile(r"[（(][^（）()]*[）)]$")
_PLACE_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}(?:省|市|自治区|自治州|县|旗|盟)|[\u4e00-\u9fff]{2,4}区)")


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One national law, constitution text or administrative regulation."""

    short_name: str
    title: str  # full official title
    level: str  # 法律, 行政法规 or 宪法
    category: str
    version_date: str  # latest version, YYYY-MM-DD or ""
    first_adopted: str
    aliases: tuple[str, ...] = ()


def _key(title: str) -> str:
    """Comparison key: no marks, quotes or spaces, full-width brackets, no 中华人民共和国.

    >>> _key("《中华人民共和国 水污染防治法》") == _key("水污染防治法")
    True
    """
    text = unicodedata.normalize("NFKC", title).replace("(", "（").replace(")", "）")
    return _NOISE.sub("", text).replace(PRC, "")


@derived
def registry() -> dict[str, RegistryEntry]:
    """Every registry entry by comparison key of its title, short name and aliases."""
    index: dict[str, RegistryEntry] = {}
    entries = []
    for row in load_tsv("laws.tsv"):
        row = tuple(row) + ("",) * (7 - len(row))
        aliases = tuple(a for a in row[6].split("|") if a)
        entries.append(RegistryEntry(row[0], row[1], row[2], row[3], row[4], row[5], aliases))
    by_title = {e.title: e for e in entries}
    for e in entries:  # titles and short names first: an alias never hides one of them
        index.setdefault(_key(e.title), e)
        index.setdefault(_key(e.short_name), e)
    for e in entries:
        for a in e.aliases:
            index.setdefault(_key(a), e)
    for row in load_tsv("law_aliases.tsv"):
        if len(row) >= 2 and row[1] in by_title:
            index.setdefault(_key(row[0]), by_title[row[1]])
    return index


def lookup(title: str) -> RegistryEntry | None:
    """The registry entry a title names, or None.

    Tries the title as written, then without a suffix such as （草案）, then without a
    trailing 修正案 (an amendment resolves to the law it amends).

    >>> lookup("水污染防治法").title
    '中华人民共和国水污染防治法'
    >>> lookup("中华人民共和国宪法修正案").level
    '宪法'
    >>> lookup("某某条例") is None
    True
    """
    index = registry()
    key = _key(title)
    for _ in range(3):
        hit = index.get(key)
        if hit is not None:
            return hit
        stripped = _SUFFIX.sub("", key)
        if stripped == key:
            stripped = _AMENDMENT.sub("", key)
        if stripped == key or not stripped:
            return None
        key = stripped
    return index.get(key)


def _rules() -> dict:
    return load_toml("law_rules.toml")


def _props(pairs: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in pairs.items() if v))


def registry_entity(entry: RegistryEntry) -> Entity:
    """The shared entity of a registry law.

    >>> registry_entity(lookup("宪法")).cls
    'Constitution'
    """
    props = {
        "shortName": entry.short_name,
        "registryLevel": entry.level,
        "category": entry.category,
        "versionDate": entry.version_date,
        "firstAdopted": entry.first_adopted,
        "isDraft": "false",
    }
    return Entity(f"law/{safe_key(entry.title)}", _LEVEL_CLASS.get(entry.level, "NationalLaw"), entry.title,
                  _props(props))


def _last_word(core: str, words: list[str]) -> str | None:
    return next((w for w in sorted(words, key=len, reverse=True) if core.endswith(w)), None)


def instrument_class(label: str) -> str:
    """Ontology class of an instrument the registry does not know, from its title.

    >>> [instrument_class(t) for t in ("市危险废物污染环境防治条例（草案）", "市委实施意见",
    ...                               "“十四五”规划", "常委会议事规则", "中央八项规定")]
    ['LocalRegulation', 'PolicyDocument', 'Plan', 'OtherInstrument', 'PolicyDocument']
    """
    cls = _rules()["classes"]
    bare = _key(label)
    core = _SUFFIX.sub("", bare)
    core = _TRAIL_PAREN.sub("", core) or core
    if "宪法" in core and (core.endswith("宪法") or _AMENDMENT.search(core)):
        return "Constitution"
    if core.endswith("法") and not core.endswith(tuple(_rules()["false_friends"])):
        return "NationalLaw"
    party = any(p in core for p in cls["party_markers"])
    if _last_word(core, cls["regulation"]):
        if party:
            return "PolicyDocument"
        prefixes = tuple(_rules()["bare"]["place_prefixes"])
        if core.endswith("条例"):
            return "LocalRegulation"
        if any(p in core for p in cls.get("internal_markers", ())):
            return "OtherInstrument"  # an organ's rules of procedure
        if core.startswith(prefixes) or _PLACE_NAME.match(core):
            return "LocalRegulation"
        return "OtherInstrument"
    if _last_word(core, cls["policy"]):
        return "PolicyDocument"
    if _last_word(core, cls["plan"]):
        return "Plan"
    return "OtherInstrument"


def _is_draft(mention: Mention) -> bool:
    """The entity is a draft only when its label is: a draft mention that took the final
    title (the document names both, kg/extract/laws.py) denotes the instrument itself."""
    if mention.attr("base") and mention.label == mention.attr("base"):
        return False
    return mention.attr("draft") == "1" or bool(re.search(r"草案[）)]?$|征求意见稿[）)]?$", mention.label))


def resolve_law(mention: Mention, jurisdiction: Jurisdiction) -> Entity | None:
    """The entity a law mention denotes: a registry law, or an instrument scoped locally.

    >>> from kg.records import Mention, Jurisdiction
    >>> j = Jurisdiction("某区", "区", "某区")
    >>> m = Mention("law", 0, 5, "环境保护法", "环境保护法", "laws.registry", 0, (("form", "bare"),))
    >>> resolve_law(m, j).path
    'law/中华人民共和国环境保护法'
    >>> m = Mention("law", 0, 6, "某某管理条例", "某某管理条例", "laws.bare_suffix", 0, (("form", "bare"),))
    >>> resolve_law(m, j).path, resolve_law(m, j).cls
    ('law/某区/某某管理条例', 'LocalRegulation')
    """
    if mention.kind != "law" or not mention.label.strip():
        return None
    if mention.attr("response") == "report":
        # laws.bare_opinion.on_report: an unmarked 审议意见 on a report or an inspection
        # (…法执法检查审议意见) is the committee's response to that item, no document of its own
        return None
    if mention.attr("form") == "formula":
        stem = mention.attr("stem") or ""
        entry = lookup(stem + "法") if stem else None
        if entry is None and len(stem) >= 4 and stem.endswith(_STEM_FIELD_WORDS):
            # 消防安全“一法两规定”: the field word closing the stem is no part of the law's
            # name (消防法) — laws.formula.stem_trimmed
            entry = lookup(stem[:-2] + "法")
    else:
        entry = lookup(mention.label)
    if entry is not None:
        return registry_entity(entry)

    label = mention.label.strip()
    draft = "true" if _is_draft(mention) else "false"
    issuer = mention.attr("issuer")
    if issuer and label.startswith("关于"):
        # laws.issuer: 全国人大常委会《关于…的决定》 is the national instrument
        # 全国人民代表大会常务委员会关于…的决定, a decision with the force of law
        full = issuer + _NOISE.sub("", label)
        entry = lookup(full)
        if entry is not None:
            return registry_entity(entry)
        return Entity(f"law/{safe_key(full)}", "NationalLaw", full,
                      _props({"isDraft": draft, "registryLevel": "法律"}))
    cls = instrument_class(label)
    if cls in ("NationalLaw", "Constitution") and mention.attr("form") != "formula":
        # laws are national: one entity whichever document names it. A 法 title is an NPC
        # law by its form (立法法), so an unlisted one (a law newer than the registry:
        # 民营经济促进法) still has level 法律 and its full title 中华人民共和国X法 as label
        # (laws.unlisted_national)
        full = PRC + _NOISE.sub("", label).replace(PRC, "")
        level = "宪法" if cls == "Constitution" else "法律"
        return Entity(f"law/{safe_key(full)}", cls, full, _props({"isDraft": draft, "registryLevel": level}))
    if mention.attr("form") == "formula":
        cls = "OtherInstrument"
    props = {"isDraft": draft, "jurisdiction": jurisdiction.key}
    return Entity(f"law/{safe_key(jurisdiction.key)}/{safe_key(label)}", cls, label, _props(props))
