"""Plain records passed between pipeline stages.

Every stage is a function over these frozen records; only ``kg.rdf`` turns them into
triples. Offsets are Python string offsets into ``Document.text`` (the normalised text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

COMPLETED = "completed"
PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested text, normalised (simplified characters, full-width punctuation)."""

    id: str  # safe file stem, stable across runs
    source: str  # file name as given (no directory)
    text: str  # normalised text; every offset in the pipeline points into it
    title: str
    years: tuple[int, ...]  # years mentioned, ascending, unique
    sha256: str  # of the raw file bytes


@dataclass(frozen=True, slots=True)
class Section:
    index: int
    heading: str  # heading line as written ("" for the untitled opening section)
    # 0 = document, 1 = part heading (过去一年的主要工作 / 2023年工作安排 / 第一部分), 2 = 一、,
    # 3 = （一）, 4 = 1. / 1、/ （1） / ①, 5 = run-in 一是…二是… item
    level: int
    start: int
    end: int
    modality: str | None  # COMPLETED or PLANNED, inherited from the part it sits in; None if unknown


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # == Document.text[start:end]
    section: int  # index of the innermost Section containing it
    modality: str | None  # cue found in the sentence itself, else None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming something: a law, an organ, a formula or a programme."""

    kind: str  # "law" | "organ" | "formula" | "programme"
    start: int
    end: int
    text: str  # exact surface Document.text[start:end]
    label: str  # normalised label (split forms such as 省、市人大 give 省人大 and 市人大)
    rule: str  # id of the rule that produced it
    sentence: int
    attrs: tuple[tuple[str, str], ...] = ()  # sorted (key, value) pairs, kind-specific

    def attr(self, key: str, default: str | None = None) -> str | None:
        for k, v in self.attrs:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Event:
    """An oversight activity: one record per object (law inspected, report topic, ...)."""

    kind: str  # ontology class local name, e.g. "LawEnforcementInspection", "ReportDeliberation"
    start: int  # evidence span (trigger and object) in Document.text
    end: int
    sentence: int
    rule: str
    status: str  # COMPLETED or PLANNED
    trigger: str  # trigger word as written (执法检查, 听取和审议, 视察 ...)
    law: Mention | None = None  # the instrument inspected (inspections, follow-ups)
    topic: str | None = None  # report topic / activity topic as written
    topic_span: tuple[int, int] | None = None
    agents: tuple[Mention, ...] = ()  # who conducts it; empty = the document's own congress
    reporter: Mention | None = None  # organ that delivers a report heard
    joint: tuple[Mention, ...] = ()  # higher congresses it is run with (配合, 联动, 同步)
    programme: Mention | None = None  # programme or mechanism the activity realises
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Count:
    start: int
    end: int
    sentence: int
    rule: str
    value: float
    unit: str  # 条, 个, 次, 人次, 件, 名, 亿元 ...
    what: str  # what is counted, as a short phrase from the text
    approx: bool = False  # 100余次, 万余元
    target: Mention | None = None  # the entity counted, when one is named (联络站)


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    key: str  # IRI key: place name when the text gives it, else "doc-<document id>"
    level: str  # 全国 省 市 区 县 旗 乡 镇 街道, or "" when unknown
    name: str  # place name as written, "" when masked or absent


@dataclass(frozen=True, slots=True)
class Entity:
    """What a mention resolves to: enough to mint its IRI and describe it."""

    path: str  # IRI path under the data namespace, e.g. "law/中华人民共和国水污染防治法"
    cls: str  # ontology class local name, e.g. "NationalLaw", "StandingCommittee"
    label: str  # zh label
    props: tuple[tuple[str, str], ...] = ()  # sorted (ontology property local name, literal)


@dataclass(frozen=True, slots=True)
class DocFacts:
    """Everything extracted from one document, before resolution."""

    doc: Document
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    counts: tuple[Count, ...]


@dataclass(frozen=True, slots=True)
class ResolvedDoc:
    facts: DocFacts
    jurisdiction: Jurisdiction
    own_congress: Entity  # the document's own standing committee: default agent of activities
    entities: dict[Mention, Entity] = field(default_factory=dict)  # resolved mentions only


_UNSAFE = re.compile(r"[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff._~-]+")


def safe_key(text: str) -> str:
    """Readable, IRI-safe key: CJK, ASCII letters and digits kept, the rest as '-'.

    >>> safe_key("《中华人民共和国水污染防治法》")
    '中华人民共和国水污染防治法'
    >>> safe_key("市国土空间总体规划(2021-2035年)")
    '市国土空间总体规划-2021-2035年'
    """
    # a trailing "." would end a prefixed name in Turtle (rkd:x.), which rdflib rejects
    key = _UNSAFE.sub("-", text).strip("-.")
    return key or "x"
