"""Reports heard (听取/审议 …报告) and approvals (审查批准 …), parsed from one sentence.

The parser works on a sentence's text with sentence-local offsets and returns
:class:`Hit` records; :mod:`kg.extract.activities` turns them into ``Event`` records
(status, year, agents).  The small text helpers shared with
:mod:`kg.extract.inspections` (clause cuts, list splitting, masking) live here too.

How a report object is read (rules and patterns in ``kg/data/activities.toml``):

* the object runs from the trigger to the clause end (，；。 outside brackets, quotes and
  book titles); a following clause that starts with (organ)关于 continues it;
* a ``报告`` that closes a title (…情况报告, …的专项报告) ends an item; items separated by
  、和及 are separate reports, and a leftover ``等14个报告`` is only a count;
* an item is ``[organs][关于]topic[tail]``: organs before 关于 report it; an organ heading
  the topic reports it unless it forms a noun compound (政府债务); a bare 关于 carries the
  previous item's organ; an item with neither has no reporter;
* one item holds several topics when its list is closed by 等 (A、B和C等工作报告) or when
  every part ends in a report head (A情况和B意见); otherwise it is one topic;
* an item with an empty topic (听取政府专项报告) takes the topic introduced before the
  trigger (聚焦A、B等工作听取…), or is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.rules import load_toml
from kg.records import Mention

OPEN = "（(“‘《〈【[「"
CLOSE = "）)”’》〉】]」"
CUT = "，；。：！？,;:!?\n"


@dataclass(frozen=True, slots=True)
class Hit:
    """One object found by a sentence parser; offsets are sentence-local."""

    kind: str
    rule: str
    trig_start: int
    trig_end: int
    trigger: str
    start: int  # evidence span (trigger and object)
    end: int
    topic: str | None = None
    topic_span: tuple[int, int] | None = None
    reporters: tuple[Mention, ...] = ()
    law: Mention | None = None


# ----------------------------------------------------------------------- text helpers


def clause_cuts(text: str, protected: list[tuple[int, int]] = ()) -> list[int]:
    """Offsets of clause-ending punctuation outside brackets, quotes and protected spans.

    >>> clause_cuts("听取A（含B，C）报告，审议D。")
    [11, 15]
    """
    inside = _covered(len(text), protected)
    depth = 0
    cuts = []
    for i, ch in enumerate(text):
        if inside[i]:
            continue
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in CUT and depth == 0:
            cuts.append(i)
    return cuts


def _covered(n: int, spans) -> list[bool]:
    flags = [False] * n
    for a, b in spans:
        for i in range(max(a, 0), min(b, n)):
            flags[i] = True
    return flags


def clause_of(cuts: list[int], pos: int, n: int) -> tuple[int, int]:
    """(start, end) of the clause holding ``pos`` given the cut offsets.

    >>> clause_of([3, 7], 5, 10)
    (4, 7)
    """
    start, end = 0, n
    for c in cuts:
        if c < pos:
            start = c + 1
        else:
            end = c
            break
    return start, end


def split_top(text: str, seps: re.Pattern, protected=(), offset: int = 0) -> list[tuple[int, int]]:
    """Spans of ``text`` between separators found outside brackets and protected spans.

    ``protected`` holds absolute spans; ``offset`` is where ``text`` starts.

    >>> split_top("A、B（C、D）和E", re.compile("、|和"))
    [(0, 1), (2, 8), (9, 10)]
    """
    inside = _covered(len(text), [(a - offset, b - offset) for a, b in protected])
    depth = 0
    bounds: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if inside[i]:
            i += 1
            continue
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            m = seps.match(text, i)
            if m and m.end() > i:
                bounds.append((start, i))
                start = m.end()
                i = m.end()
                continue
        i += 1
    bounds.append((start, len(text)))
    return bounds


# ----------------------------------------------------------------------- compiled rules


class _Rules:
    def __init__(self, data: dict) -> None:
        self.source = data
        r = data["report"]
        self.trigger = re.compile(f"(?P<approval>{r['approval']})|(?P<report>{r['trigger']})")
        self.not_before = re.compile(r["not_before"])
        self.not_after = re.compile(r["not_after"])
        self.noun_context = re.compile(r["noun_context"])
        self.noun_follow = re.compile(r["noun_follow"])
        self.tail = re.compile(r["tail"])
        self.lookback = re.compile(r["lookback"])
        self.followup_end = re.compile(r["followup_end"])
        self.followup_topic = re.compile(r["followup_topic"])
        self.non_report = re.compile(r["non_report"])
        self.heads = re.compile(r["heads"])
        self.compound = re.compile(r["reporter_compound"])
        self.bare_reporter = re.compile(r["bare_reporter"])
        self.delegation = re.compile(r["delegation"])
        self.item_sep = re.compile(f"、|{r['conj']}|与")
        self.list_sep = re.compile("、")
        self.list_conj = re.compile(f"、|{r['conj']}")
        self.stop = frozenset(r["stop_topics"])
        self.report_noun = re.compile("报告")


_rules: _Rules | None = None


def rules() -> _Rules:
    # load_toml is cached; a new dict (user lexicon dir added) means recompiling
    global _rules
    data = load_toml("activities.toml")
    if _rules is None or _rules.source is not data:
        _rules = _Rules(data)
    return _rules


_LEAD = re.compile(r"^(?:了|并|、|和|及|以及|关于|的|对|是)+")
_TRAIL = re.compile(r"(?:的|等|、|和)+$")
_YEAR_ONLY = re.compile(r"^[0-9０-９]+$")


def clean_topic(text: str, start: int) -> tuple[str, int, int]:
    """Topic text trimmed of leading particles and trailing 的/等, with its new span.

    >>> clean_topic("了关于老旧小区改造的", 5)
    ('老旧小区改造', 8, 14)
    """
    m = _LEAD.match(text)
    a = m.end() if m else 0
    t = _TRAIL.search(text, a)
    b = t.start() if t else len(text)
    return text[a:b].strip(), start + a, start + b


# ----------------------------------------------------------------------- the parser


def find_reports(text: str, laws: list[Mention], organs: list[Mention], masked: list[tuple[int, int]],
                 base: int, sentence: int = 0) -> list[Hit]:
    """Reports heard and approvals in one sentence (offsets relative to the sentence).

    ``laws`` and ``organs`` are the sentence's mentions (document offsets; ``base`` is the
    sentence start, ``sentence`` its index), ``masked`` are sentence-local spans where no
    trigger may start (inside book titles, organ and programme names).

    >>> hits = find_reports("听取审议了全区数字经济发展情况报告。", [], [], [], 0)
    >>> [(h.kind, h.topic) for h in hits]
    [('ReportDeliberation', '全区数字经济发展情况')]
    """
    R = rules()
    law_spans = [(m.start - base, m.end - base) for m in laws]
    cuts = clause_cuts(text, law_spans)
    organ_at: dict[int, list[Mention]] = {}
    for m in organs:
        organ_at.setdefault(m.start - base, []).append(m)
    taken = law_spans + [(m.start - base, m.end - base) for m in organs]
    for b in R.bare_reporter.finditer(text):
        if not any(a < b.end() and b.start() < z for a, z in taken):
            word = b.group()
            organ_at[b.start()] = [Mention("organ", base + b.start(), base + b.end(), word, word.strip("“”"),
                                           "activities.reporter_word", sentence)]
    out: list[Hit] = []
    for m in R.trigger.finditer(text):
        if _in_spans(m.start(), masked) or R.not_before.search(text, 0, m.start()):
            continue
        after = text[m.end():]
        if m.group("approval"):
            hit = _approval(text, m, cuts)
            if hit:
                out.append(hit)
            continue
        if R.not_after.match(after):
            continue
        items = _report_items(text, m, cuts, organ_at, law_spans)
        out.extend(items or _object_before(text, m, cuts, organ_at, law_spans))
    return out


def _in_spans(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _approval(text: str, m: re.Match, cuts: list[int]) -> Hit | None:
    R = rules()
    _, end = clause_of(cuts, m.end(), len(text))
    raw = text[m.end():end]
    lead = re.match(r"^(?:了|通过了?)?(?:[0-9０-９]+|[一二两三四五六七八九十百]+)?[项个件份]?", raw)
    skip = lead.end() if lead else 0
    topic, a, b = clean_topic(raw[skip:], m.end() + skip)
    if len(topic) < 2 or topic in R.stop:
        return None
    return Hit("Approval", "activities.approval", m.start(), m.end(), m.group(), m.start(), b, topic, (a, b))


def _organ_group(text: str, i: int, organ_at: dict[int, list[Mention]]) -> tuple[list[Mention], int]:
    """Organ mentions starting at ``i`` and any joined to them by 、和及 (distributive),
    with the offset right after the group; a quoted organ (“两院”) counts too."""
    group: list[Mention] = []
    j = pos = i
    while True:
        q = pos + 1 if text[pos:pos + 1] in ("“", "‘") else pos
        found = organ_at.get(q)
        if not found:
            break
        group.extend(found)
        j = q + max(x.end - x.start for x in found)
        if text[j:j + 1] in ("”", "’"):
            j += 1
        sep = _JOIN.match(text, j)
        if not sep:
            break
        nxt = sep.end()
        if not (organ_at.get(nxt) or (text[nxt:nxt + 1] in ("“", "‘") and organ_at.get(nxt + 1))):
            break
        pos = nxt
    return group, j


_JOIN = re.compile(r"、|和|及|以及")


def _report_items(text: str, m: re.Match, cuts: list[int], organ_at, law_spans) -> list[Hit]:
    R = rules()
    pos = m.end()
    lead = re.match(r"了|并|，", text[pos:])
    if lead and lead.group() != "，":
        pos += lead.end()
    carry: tuple[Mention, ...] = ()
    # 受区政府委托，副区长X所作的关于…: the organ reports, the object starts after 作
    if text.startswith("受", pos):
        group, j = _organ_group(text, pos + 1, organ_at)
        if group and text.startswith("委托", j):
            d = R.delegation.match(text, j + 2)
            if d:
                carry = tuple(group)
                pos = d.end()
    hits: list[Hit] = []
    first = True
    while pos < len(text):
        _, end = clause_of(cuts, pos, len(text))
        items = _pieces(text, pos, end, law_spans)
        for a, b, has_noun in items:
            new, carry = _item(text, m, a, b, has_noun, carry, first, cuts, law_spans, organ_at)
            hits.extend(new)
            first = False
        # X关于A，关于B；Y关于C: a next clause opening with (organ)关于 continues the list
        if end >= len(text) or text[end] not in "，；,;":
            break
        nxt = end + 1
        group, j = _organ_group(text, nxt, organ_at)
        if text.startswith("关于", j if group else nxt):
            pos = nxt
            continue
        break
    return hits


def _pieces(text: str, a: int, b: int, law_spans) -> list[tuple[int, int, bool]]:
    """Cut the object [a, b) after each report noun; (start, end, ends_with_noun)."""
    R = rules()
    out = []
    start = a
    for n in R.report_noun.finditer(text, a, b):
        s, e = n.start(), n.end()
        if _in_spans(s, law_spans):
            continue
        if not R.noun_context.search(text[max(a, s - 4):s]) or not R.noun_follow.match(text[e:b]):
            continue
        out.append((start, e, True))
        sep = re.match(r"、|以及|和|及|与", text[e:b])
        start = e + (sep.end() if sep else 0)
    if start < b:
        rest = text[start:b]
        if not rest.startswith("等"):
            out.append((start, b, False))
    return out


_BEFORE = re.compile(r"(?<![应面绝相反核比校])对(?P<t>[^，；。：]{4,80}?)(?:进行|开展|作)了?$")
_BEFORE_END = re.compile(r"(?:报告|情况|计划|预算|决算)$")


def _object_before(text, m, cuts, organ_at, law_spans) -> list[Hit]:
    """对区政府2022年度国有资产管理情况进行了审议: the object precedes the trigger."""
    cs, ce = clause_of(cuts, m.start(), len(text))
    rest = text[m.end():ce]
    if rest not in ("", "了"):
        return []
    b = _BEFORE.search(text, cs, m.start())
    if not b or not _BEFORE_END.search(b.group("t")):
        return []
    s, e = b.start("t"), b.end("t")
    return _item(text, m, s, e, text.endswith("报告", s, e), (), True, cuts, law_spans, organ_at, bare=True)[0]


def _item(text, m, a, b, has_noun, carry, first, cuts, law_spans, organ_at, bare=False):
    """Hits of one report item [a, b) and the reporters to carry to the next item.

    ``bare`` accepts an item without report noun or 关于 (its trigger came after it).
    """
    R = rules()
    while a < b and text[a] in "、和及与 ":
        a += 1
    group, j = _organ_group(text, a, organ_at)
    guanyu = False
    reporters: tuple[Mention, ...] = ()
    body_start = a
    if group and j < b:
        if text.startswith("关于", j):
            guanyu, reporters, body_start = True, tuple(group), j + 2
        elif not R.compound.match(text[j:b]):
            reporters, body_start = tuple(group), j
    elif text.startswith("关于", a):
        guanyu, reporters, body_start = True, carry, a + 2
    elif first and carry:  # delegated report (受…委托，…作的X报告)
        reporters = carry
    body = text[body_start:b]
    closed = False
    if has_noun:
        t = R.tail.search(body)
        if t:
            closed = bool(t.group("etc"))
            body = body[:t.start()]
    else:
        ok = bare or (guanyu and reporters) or R.followup_end.search(body)
        if not ok or R.non_report.search(body):
            return [], reporters
    topic, ts, te = clean_topic(body, body_start)
    spans: list[tuple[int, int, str]]
    if not topic or topic in R.stop:
        spans = _lookback(text, m, cuts, law_spans) if has_noun else []
    else:
        spans = split_topics(text, ts, te, closed, law_spans)
    hits = []
    for s, e, t in spans:
        if len(t) < 2 or t in R.stop or _YEAR_ONLY.match(t):
            continue
        rule = "activities.report.followup" if R.followup_topic.search(t) else "activities.report.hear"
        hits.append(Hit("ReportDeliberation", rule, m.start(), m.end(), m.group(),
                        min(m.start(), s), max(b, e), t, (s, e), reporters))
    return hits, reporters


def _lookback(text, m, cuts, law_spans) -> list[tuple[int, int, str]]:
    R = rules()
    cs, _ = clause_of(cuts, m.start(), len(text))
    pre = text[cs:m.start()]
    lb = R.lookback.search(pre)
    if not lb:
        return []
    s, e = cs + lb.start("t"), cs + lb.end("t")
    return split_topics(text, s, e, bool(lb.group("etc")), law_spans)


def split_topics(text: str, s: int, e: int, closed: bool, law_spans=()) -> list[tuple[int, int, str]]:
    """Topics of the phrase text[s:e]: split when closed by 等 or when every part is a title.

    >>> [t for _, _, t in split_topics("财政、审计和国有资产管理", 0, 12, True)]
    ['财政', '审计', '国有资产管理']
    >>> [t for _, _, t in split_topics("代表议案、建议和意见办理情况", 0, 14, False)]
    ['代表议案、建议和意见办理情况']
    >>> [t for _, _, t in split_topics("甲工作情况和乙实施意见", 0, 11, False)]
    ['甲工作情况', '乙实施意见']
    """
    R = rules()
    phrase = text[s:e]
    whole = [(s, e, phrase)]
    if closed:
        parts = _parts(phrase, s, R.list_conj, law_spans)
        return parts or whole
    for sep in (R.list_conj, R.list_sep):
        parts = _parts(phrase, s, sep, law_spans)
        if len(parts) >= 2 and all(R.heads.search(t) and len(t) >= 4 for _, _, t in parts):
            return parts
    return whole


def _parts(phrase: str, s: int, sep: re.Pattern, law_spans) -> list[tuple[int, int, str]]:
    out = []
    for a, b in split_top(phrase, sep, law_spans, s):
        t, ta, tb = clean_topic(phrase[a:b], s + a)
        if t:
            out.append((ta, tb, t))
    return out
