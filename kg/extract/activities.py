"""Oversight activities: law inspections, reports heard and the other typed activities.

:func:`extract_events` runs the sentence parsers of :mod:`kg.extract.inspections` and
:mod:`kg.extract.reports` and gives every object found its own ``Event`` with:

* status — the modality of the clause up to the trigger (将/要/拟 … planned, 了/先后 …
  completed), else of the nearest ；/：-part of the sentence up to the trigger that has a
  cue (a part closed by ： speaks with its last cue), else of the introduction of the
  ；-separated list the sentence continues (今年已开展的…有：A；B), else the section's (a
  工作安排 part is planned throughout), else of the whole sentence, else completed.  The
  clause comes first because one sentence may hold a done and a planned item;
* year — a year written in the clause before the trigger, else opening the sentence
  (2023年，将…), else in a heading of a section
  holding the sentence, else None;
* agents — the congress organs named as subject before the trigger (配合市人大… makes the
  higher congress the agent; 与市人大同步/联动 makes it joint); empty means the
  document's own standing committee;
* programme — a programme mention in the trigger's clause.

A law back-reference (该法, 《条例》) is replaced by the title it stands for, and the same
activity on the same law with the same status and organs named again later in the
document (a schedule table) is kept once.
"""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from kg.extract.inspections import find_inspections, find_on_report, find_topic_activities
from kg.extract.inspections import rules as inspection_rules
from kg.extract.reports import BACKREF, TABLE_ROW, TOPIC_FIRST, Hit, clause_cuts, clause_of, find_reports, table_row_report
from kg.extract.rules import derived, load_toml
from kg.records import COMPLETED, Document, Event, Mention, Section, Sentence

try:  # the segmenter owns the modality cue words (kg/data/modality.toml)
    from kg.segment import modality_cue
except ImportError:  # pragma: no cover - only while kg.segment is being written
    def modality_cue(text: str) -> str | None:
        return None

# A sentence holding none of the report words below nor any trigger word of the activity rules
# (kg/data/activities.toml) holds no activity: skip it cheaply. 报告/汇报: a report named
# before its hearing (activities.report.topic_first) has no other trigger.
_REPORT_WORDS = ("听取", "审议", "审查", "询问", "测评", "评议", "委托", "通报", "报告", "汇报")


@derived
def _any_trigger() -> re.Pattern:
    R = inspection_rules()
    words = {*_REPORT_WORDS, *R.words, *(w for _, _, ws, _ in R.extras for w in ws)}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
_LEAD_YEAR = re.compile(r"^[^，。；]{0,4}?((?:19|20)[0-9]{2})年(?:[上下]半年|以来|度)?[，,]")


class _AgentRules:
    def __init__(self, data: dict) -> None:
        a = data["agents"]
        ins = data["inspection"]
        self.congress = re.compile(a["congress"])
        self.not_congress = re.compile(a["not_congress"])
        self.cooperate = re.compile(ins["cooperate"])
        self.joint_after = re.compile(ins["joint_after"])
        self.opinion_law = frozenset(ins["opinion_law_triggers"])
        self.not_subject = re.compile(r"(?:向|对|给|在|于|经|受|由|按照|根据|依照|听取|关于)$")
        # 与市人大…联动, 与南昌、九江、赣州市人大常委会联动 (place names before the organ word)
        self.with_before = re.compile(r"(?:与|同|和|会同)[^，。；：与同和]{0,16}$")


@derived
def _arules() -> _AgentRules:
    return _AgentRules(load_toml("activities.toml"))


def is_congress(label: str) -> bool:
    """Whether an organ label names a people's congress body (the agents of oversight).

    >>> is_congress("市人大常委会"), is_congress("区委常委会"), is_congress("区政府")
    (True, False, False)
    """
    R = _arules()
    return bool(R.congress.search(label)) and not R.not_congress.search(label)


def extract_events(doc: Document, sections: tuple[Section, ...], sentences: tuple[Sentence, ...],
                   mentions: tuple[Mention, ...]) -> list[Event]:
    """One Event per object of every oversight activity in the document.

    >>> from kg.records import Document, Section, Sentence
    >>> text = "2023年，将听取审议区政府关于全区数字经济发展情况的报告。"
    >>> doc = Document("d", "d.txt", text, "", (2023,), "")
    >>> sec = (Section(0, "", 0, 0, len(text), None),)
    >>> sent = (Sentence(0, 0, len(text), text, 0, None),)
    >>> at = text.index("区政府")
    >>> gov = Mention("organ", at, at + 3, "区政府", "区政府", "t", 0)
    >>> [(e.kind, e.topic, e.reporter.label, e.status, e.year)
    ...  for e in extract_events(doc, sec, sent, (gov,))]
    [('ReportDeliberation', '全区数字经济发展情况', '区政府', 'planned', 2023)]
    """
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    section_of = {s.index: s for s in sections}
    intros = _list_intros(doc.text, sentences)
    rows = _table_rows(sentences, by_sentence)
    events: list[Event] = []
    for sent in sentences:
        if sent.index in rows:
            events.append(_row_event(sent, rows[sent.index], section_of, sections))
            continue
        if not _any_trigger().search(sent.text):
            continue
        events.extend(_sentence_events(sent, by_sentence.get(sent.index, []), section_of, sections,
                                       intros.get(sent.index)))
    events = [_antecedent_law(e, mentions) for e in events]
    events = _expand_formulas(events, sentences, by_sentence)
    return _drop_repeats(events)


_EXPAND_LEAD = re.compile(r"(?:围绕|对|就|针对|聚焦|依据)?(?:新修订的|新修改的|修订后的|修改后的|新颁布的)?[《〈<]?")


# between two titles of the chain: a separator and perhaps the issuer of the next one
# (《X法》和全国人大常委会《关于…的决定》)
_EXPAND_GAP = re.compile(r"[》〉>]?(?:、|和|及|以及|与)?(?:全国人大常委会|全国人民代表大会常务委员会|国务院"
                         r"|[^，。；《》]{1,10}(?:人大常委会|人民政府|政府))?[《〈<]?")


def _expand_formulas(events: list[Event], sentences, by_sentence) -> list[Event]:
    """A law formula inspected (开展安全生产“一法一条例”执法检查) and spelt out by the titles
    opening the next sentence (围绕新修改的《X》和《Y》，…) stands for those titles: one event per
    title instead (activities.law.formula_expanded)."""
    out: list[Event] = []
    for e in events:
        if e.law is None or e.law.attr("form") != "formula" or e.sentence + 1 >= len(sentences):
            out.append(e)
            continue
        nxt = sentences[e.sentence + 1]
        laws = sorted((m for m in by_sentence.get(nxt.index, []) if m.kind == "law"), key=lambda m: m.start)
        chain: list[Mention] = []
        lead = _EXPAND_LEAD.match(nxt.text)
        pos = nxt.start + lead.end()
        for m in laws:
            gap = nxt.text[pos - nxt.start:m.start - nxt.start] if pos <= m.start else None
            if gap is None or (chain and not _EXPAND_GAP.fullmatch(gap)) or (
                    not chain and gap):
                break
            chain.append(m)
            pos = m.end
        stem = e.law.attr("stem") or ""
        if len(chain) < 2 or (stem and not all(stem[:2] in m.label for m in chain)):
            out.append(e)
            continue
        for m in chain:
            out.append(Event(e.kind, m.start, m.end, nxt.index, "activities.law.formula_expanded", e.status,
                             e.trigger, m, e.topic, e.topic_span, e.agents, e.reporter, e.joint, e.programme,
                             e.year))
    return out


_CELL_GAP = re.compile(r"\S(?:[ \t\u3000]{2,}|\t)\S")


def _table_rows(sentences: tuple[Sentence, ...], by_sentence) -> dict[int, Hit]:
    """Rows of a schedule table that each name a report (activities.report.table_row): a
    row counts when the row before or after it names one too."""
    found: dict[int, Hit] = {}
    for sent in sentences:
        if _CELL_GAP.search(sent.text):
            organs = [m for m in by_sentence.get(sent.index, []) if m.kind == "organ"]
            hit = table_row_report(sent.text, organs, sent.start, sent.index)
            if hit:
                found[sent.index] = hit
    return {i: h for i, h in found.items() if i - 1 in found or i + 1 in found}


def _row_event(sent: Sentence, h: Hit, section_of, sections) -> Event:
    section = section_of.get(sent.section)
    base = sent.start
    return Event(
        kind=h.kind, start=base + h.start, end=base + h.end, sentence=sent.index, rule=h.rule,
        status=_status(sent.text, 0, 0, sent, section), trigger=h.trigger, topic=h.topic,
        topic_span=(base + h.topic_span[0], base + h.topic_span[1]), reporter=h.reporters[0] if h.reporters else None,
        year=_year(sent.text, 0, 0, sent, sections))


_LIST_INTRO = re.compile(r"^[^：:]{2,40}[：:]")


def _list_intros(text: str, sentences: tuple[Sentence, ...]) -> dict[int, str]:
    """Modality given by a list's introduction to the ；-separated parts after it
    (rule activities.status.list_intro).

    A long sentence ``今年已开展的监督工作有：3月，…；4月，…；`` is cut after each ；
    by the segmenter; the parts after the first inherit the cue of the introduction
    before the colon (已开展… completed, 下半年还将：… planned) when they have none.
    """
    out: dict[int, str] = {}
    head_cue: str | None = None
    prev: Sentence | None = None
    for sent in sentences:
        joined = (prev is not None and prev.text.endswith(("；", ";"))
                  and "\n" not in text[prev.end:sent.start])
        if not joined:
            m = _LIST_INTRO.match(sent.text)
            head_cue = modality_cue(m.group()) if m else None
        elif head_cue:
            out[sent.index] = head_cue
        prev = sent
    return out


def _law_key(label: str) -> str:
    return re.sub(r"^中华人民共和国|[《》〈〉“”\"]", "", label)


def _antecedent_law(e: Event, mentions: tuple[Mention, ...]) -> Event:
    """A back-reference (该法, 《条例》) stands for the title written before it: the event
    keeps that mention so the law is reported as written in full (activities.law.antecedent)."""
    law = e.law
    if law is None or not law.rule.endswith("backref"):
        return e
    before = [m for m in mentions if m.kind == "law" and m.label == law.label and m.end <= law.start
              and not m.rule.endswith("backref")]
    if not before:
        return e
    ante = max(before, key=lambda m: m.start)
    return Event(e.kind, e.start, e.end, e.sentence, e.rule, e.status, e.trigger, ante, e.topic,
                 e.topic_span, e.agents, e.reporter, e.joint, e.programme, e.year)


_TOPIC_KEY = re.compile(r"^关于|[“”\"《》〈〉\s]|(?:的)?(?:专项|专题|综合)?(?:工作)?(?:情况)?$")


def _topic_key(topic: str) -> str:
    return _TOPIC_KEY.sub("", topic)


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is ``long`` or an abbreviation of it: its characters appear in order
    (低保 of 最低生活保障, 乡村振兴衔接 of …同乡村振兴有效衔接)."""
    it = iter(long)
    return len(short) >= 2 and all(c in it for c in short)


def _contains(a: str, b: str) -> bool:
    a, b = a.replace("中华人民共和国", ""), b.replace("中华人民共和国", "")
    return len(min(a, b, key=len)) >= 4 and (a in b or b in a)


def _drop_repeats(events: list[Event]) -> list[Event]:
    """One event per activity: the same kind of activity on the same law (with or without
    中华人民共和国), with the same status and the same organs, named again later in the
    document (a schedule table repeating a plan's items, a summary line) is a repeat
    (activities.dedupe.law).  A report heard is a repeat when an earlier one has the same
    topic (关于, quotes and a closing 工作情况 aside), status and reporter; a report named in
    passing (在审议X报告时, 结合审议X报告, rule activities.report.backref) is a repeat when an
    earlier report, whatever its status, has its topic or one it abbreviates
    (activities.dedupe.report)."""
    seen = set()
    reports: list[Event] = []
    out = []
    for e in events:
        if e.kind == "ReportDeliberation" and e.topic:
            key = (_topic_key(e.topic), e.status, e.reporter.label if e.reporter else None)
            if key in seen:
                continue
            if e.rule == BACKREF and any(_abbreviates(_topic_key(e.topic), _topic_key(r.topic)) for r in reports):
                continue  # 在听取X汇报时，要求…: the cue of the request does not date the report again
            if e.rule == TABLE_ROW and any(  # a schedule table repeating the prose
                    r.status == e.status and _contains(_topic_key(e.topic), _topic_key(r.topic)) for r in reports):
                continue
            seen.add(key)
            reports.append(e)
        if e.law is not None:
            key = (e.kind, _law_key(e.law.label), e.status, tuple(sorted(a.label for a in e.agents)),
                   tuple(sorted(j.label for j in e.joint)))
            if key in seen:
                continue
            seen.add(key)
        out.append(e)
    return out


def _outermost(laws: list[Mention]) -> list[Mention]:
    """Laws not nested in another law's span (《…审议意见》 holding <关于…的意见>)."""
    return [m for m in laws
            if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                       for o in laws)]


def _sentence_events(sent: Sentence, ms: list[Mention], section_of, sections, intro: str | None = None) -> list[Event]:
    text, base = sent.text, sent.start
    laws = _outermost([m for m in ms if m.kind == "law"])
    # organs named inside a title (《**区人大常委会关于…》) act in nothing here
    organs = [m for m in ms if m.kind == "organ"
              and not any(l.start <= m.start and m.end <= l.end for l in laws)]
    programmes = [m for m in ms if m.kind == "programme"]
    law_spans = [(m.start - base, m.end - base) for m in laws]
    masked = [(m.start - base, m.end - base - _trigger_tail(m)) for m in ms
              if m.kind in ("law", "organ", "programme", "formula")]
    inspections = _one_per_law(find_inspections(text, laws, masked, base), base)
    inspections = [_opinion_law(h, ms) for h in inspections]
    used = {h.trig_start for h in inspections}
    hits = inspections + find_reports(text, laws, organs, masked, base, sent.index)
    hits += find_topic_activities(text, masked, law_spans, used)
    hits += find_on_report(text, hits, masked)
    if not hits:
        return []
    cuts = clause_cuts(text, law_spans)
    section = section_of.get(sent.section)
    out = []
    seen = set()
    for h in hits:
        key = (h.kind, h.trig_start, h.law.start if h.law else None, h.topic_span)
        # the same report found twice (a fronted object and a delegated one): keep the first
        rkey = (h.kind, h.topic, tuple(r.label for r in h.reporters)) if h.kind == "ReportDeliberation" else None
        if key in seen or (rkey and rkey in seen):
            continue
        seen.add(key)
        if rkey:
            seen.add(rkey)
        agents, joint = _agents(text, base, organs, h.trig_start)
        cs, ce = clause_of(cuts, h.trig_start, len(text))
        out.append(Event(
            kind=h.kind, start=base + h.start, end=base + h.end, sentence=sent.index, rule=h.rule,
            status=h.status or _status(text, cs, h.trig_end, _no_cue(sent) if h.rule == TOPIC_FIRST else sent, section, intro), trigger=h.trigger, law=h.law,
            topic=h.topic.replace("\n", "") if h.topic else None, topic_span=(base + h.topic_span[0], base + h.topic_span[1]) if h.topic_span else None,
            agents=agents, reporter=h.reporters[0] if h.reporters else None, joint=joint,
            programme=next((p for p in programmes if cs <= p.start - base < ce), None),
            year=_year(text, cs, h.trig_start, sent, sections),
        ))
        # distributive reporters (法院、检察院关于X): one event per further organ
        for extra in h.reporters[1:]:
            out.append(_replace_reporter(out[-1], extra))
    return out


def _trigger_tail(m: Mention) -> int:
    """Length of an activity word closing a programme's name (述职评议, …工作评议): the
    practice is also the activity performed, so its trigger stays visible."""
    if m.kind != "programme":
        return 0
    return next((len(w) for w in inspection_rules().tail_words if m.text.endswith(w)), 0)


def _no_cue(sent: Sentence) -> Sentence:
    """The sentence without its own modality: a report named as the subject of a comment
    (activities.report.topic_first) is not dated by the comment's cues (首次将…一并报告)."""
    return dataclasses.replace(sent, modality=None)


_INSPECTION_OPINION = re.compile("执法检查(?:报告)?(?:的)?审议意见$")


def _opinion_law(h: Hit, ms: list[Mention]) -> Hit:
    """An 审议意见 on a law's inspection followed up by a check (对长江保护法执法检查审议意见的落实
    情况开展跟踪检查) is a new check of that law (activities.inspection.opinion_law): the law named
    inside the opinion's span is the one inspected."""
    if h.law is None or not _INSPECTION_OPINION.search(h.law.label) or h.trigger not in _arules().opinion_law:
        return h
    inner = [m for m in ms if m.kind == "law" and h.law.start <= m.start and m.end <= h.law.end and m is not h.law
             and not m.label.endswith("审议意见")]
    if not inner:
        return h
    law = min(inner, key=lambda m: m.start)
    return Hit(h.kind, "activities.inspection.opinion_law", h.trig_start, h.trig_end, h.trigger, h.start, h.end,
               h.topic, h.topic_span, h.reporters, law)


def _replace_reporter(e: Event, reporter: Mention) -> Event:
    return Event(e.kind, e.start, e.end, e.sentence, e.rule, e.status, e.trigger, e.law, e.topic,
                 e.topic_span, e.agents, reporter, e.joint, e.programme, e.year)


def _one_per_law(hits: list[Hit], base: int = 0) -> list[Hit]:
    # 执法检查和专题调研 of the same laws: the first trigger after the law names the activity
    # (law offsets are document offsets, trigger offsets sentence-local)
    best: dict[tuple[int, int], Hit] = {}
    for h in hits:
        key = (h.law.start, h.law.end)
        if key not in best or (abs(h.trig_start - (h.law.end - base))
                               < abs(best[key].trig_start - (best[key].law.end - base))):
            best[key] = h
    return sorted(best.values(), key=lambda h: (h.start, h.law.start))


def _status(text: str, cs: int, trig_end: int, sent: Sentence, section: Section | None,
            intro: str | None = None) -> str:
    end = trig_end + 1 if text[trig_end:trig_end + 1] == "了" else trig_end
    cue = modality_cue(text[cs:end]) or _nearest_part_cue(text, end)
    if cue:
        return cue
    if intro:
        return intro
    if section is not None and section.modality:
        return section.modality
    return sent.modality or COMPLETED


_PART_END = re.compile("[；;：:]")
_CLAUSE_END = re.compile("[，,]")


def _nearest_part_cue(text: str, end: int) -> str | None:
    """The cue of the nearest ；/：-delimited part of the sentence up to the trigger
    (rule activities.status.nearest_part).

    A sentence may hold a done part and a planned part (上半年听取了A；下半年将对B开展执法检查，听取C):
    the part holding the trigger speaks first, then the parts before it, nearest first.  A part
    closed by a colon introduces a list (监督工作要点已经区委同意，要把…贯穿其中：上半年，听取…；
    下半年，对…开展执法检查): its last clause with a cue governs the list, not its opening.
    """
    bounds = [m.end() for m in _PART_END.finditer(text, 0, end)]
    starts = [0] + bounds
    ends = bounds + [end]
    for a, b in zip(reversed(starts), reversed(ends)):
        part = text[a:b]
        if part.endswith(("：", ":")):
            clauses = [0] + [m.end() for m in _CLAUSE_END.finditer(part)]
            for i in range(len(clauses) - 1, -1, -1):
                cue = modality_cue(part[clauses[i]:])
                if cue:
                    return cue
            continue
        cue = modality_cue(part)
        if cue:
            return cue
    return None


def _year(text: str, cs: int, trig: int, sent: Sentence, sections) -> int | None:
    m = None
    for m in _YEAR.finditer(text, cs, trig):
        pass
    if m is None:  # a sentence opening with its year (2023年，将…) dates all of it
        m = _LEAD_YEAR.match(text)
    if m:
        return int(m.group(1))
    holding = sorted((s for s in sections if s.level and s.start <= sent.start < s.end), key=lambda s: -s.level)
    for s in holding:
        y = _YEAR.search(s.heading)
        if y:
            return int(y.group(1))
    return None


def _agents(text: str, base: int, organs: list[Mention], trig: int) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    R = _arules()
    # an organ right before a title issued it (全国人大常委会《关于…的决定》): not an agent
    cands = [o for o in organs if o.end - base <= trig and is_congress(o.label)
             and not _ISSUER_AFTER.match(text, o.end - base)]
    if not cands:
        return (), ()
    last = max(cands, key=lambda o: (o.end, -o.start))
    group = [o for o in cands if o.start == last.start or (o.end - base <= trig and _joined(text, base, o, last))]
    start = min(o.start for o in group) - base
    end = max(o.end for o in group) - base
    pre = text[:start]
    if R.cooperate.search(pre):
        return tuple(group), ()
    if R.with_before.search(pre) and R.joint_after.match(text[end:]):
        return (), tuple(group)
    if R.not_subject.search(pre):
        return (), ()
    return tuple(group), ()


_ISSUER_AFTER = re.compile(r"[《〈<]|关于")


def _joined(text: str, base: int, o: Mention, last: Mention) -> bool:
    # 省、市人大 written as two mentions: 省 … 、 … 市人大
    return o.end <= last.start and text[o.end - base:last.start - base] in ("、", "和", "及")


__all__ = ["extract_events", "is_congress"]
