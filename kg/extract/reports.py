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
  trigger (聚焦A、B等工作听取…), or is dropped;
* a distributive title X关于A、Y关于B的报告 is cut before Y (A from X, B from Y);
* the object may come before the trigger: 对X进行了审议, and X的报告，常委会均进行了听取和
  审议 (``activities.report.fronted``);
* 受X委托，Y向常委会报告了A，Z作了B报告 gives reports of X with no 听取 written
  (``activities.report.delegated``); a congress delegating its own report is none;
* 坚持每半年听取一次…报告 is a rule of practice, not a report (``activities.report.practice``);
* a follow-up topic 审议意见落实情况, or a bare 研究处理情况/落实情况, keeps the subject of
  the 审议意见 it follows, named before the trigger (``activities.report.opinion_title``);
  a bare 落实情况 with no 审议意见 named is dropped;
* a clause ``，以及(organ)关于B的报告`` after a report's clause continues the list
  (``activities.report.continued``); an organ right before 受…委托 (审计厅受省政府委托所作的)
  reports itself, a person speaks for the delegating organ;
* 听取…局长、…局长的述职报告 gives one report per official (``activities.report.duty``);
* a topic named before the hearing (``activities.report.topic_first``): 关于A，以及B，政府及
  审计部门分别向会议作了报告 (分别 gives each reporter its topic, A执行和B执行情况 sharing 情况);
  关于A，审议中…; A、B两个报告由X作了汇报; X关于A的综合报告，(comment) with no trigger in its part;
* a passive deliberation (``activities.report.passive``): X的报告已经常委会第N次会议审议 is done,
  X的报告已提请常委会审议 is planned;
* A情况和B、C工作情况 is split at 和 when both 和-parts are titled (``activities.report.split_conj``).
"""
from __future__ import annotations

import dataclasses

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.rules import derived, load_toml
from kg.records import Mention

OPEN = "（(“‘《〈【[「"
BACKREF = "activities.report.backref"  # a report named again in passing (在审议X报告时)
CLOSE = "）)”’》〉】]」"
# a line break is no cut: the segmenter keeps one inside a sentence only where a hard-wrapped
# line was rejoined (segment.join.wrap)
CUT = "，；。：！？,;:!?"


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
    status: str | None = None  # set when the construction itself says (activities.report.passive)


# ----------------------------------------------------------------------- text helpers


_SPECIAL = re.compile("[" + re.escape(OPEN + CLOSE + CUT) + "]")


def clause_cuts(text: str, protected: list[tuple[int, int]] = ()) -> list[int]:
    """Offsets of clause-ending punctuation outside brackets, quotes and protected spans.

    >>> clause_cuts("听取A（含B，C）报告，审议D。")
    [11, 15]
    """
    return list(_clause_cuts(text, tuple(protected)))


@lru_cache(maxsize=64)
def _clause_cuts(text: str, protected: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    # the parsers of one sentence ask for the same cuts several times: cached; only the
    # punctuation marks are visited
    depth = 0
    cuts = []
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if protected and any(a <= i < b for a, b in protected):
            continue
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            cuts.append(i)
    return tuple(cuts)


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
        self.reporter_groups = {k: tuple(v) for k, v in r.get("reporter_groups", {}).items()}
        self.delegation = re.compile(r["delegation"])
        self.delivered_verb = re.compile(r["delivered_verb"])
        self.delivered_review = re.compile(r["delivered_review"])
        self.delivered_gap = int(r["delivered_gap"])
        self.continue_conj = re.compile(r["continue_conj"])
        self.bare_followup = re.compile(r["bare_followup"])
        self.count_only = re.compile(r["count_only"])
        self.duty_end = re.compile(r["duty_end"])
        self.official = re.compile(r["official"])
        self.item_sep = re.compile(f"、|{r['conj']}|与")
        self.list_sep = re.compile("、")
        self.list_conj = re.compile(f"、|{r['conj']}")
        self.head_conj = re.compile(f"{r['conj']}|与")
        self.split_head_min = int(r["topic_split_head_min"])
        self.standing_trio = re.compile(r["standing_trio"])
        self.conj_only = re.compile(r["conj"])
        self.stop = frozenset(r["stop_topics"])
        self.report_noun = re.compile(r.get("noun", "报告"))
        self.noun_end = re.compile(f"(?:{r.get('noun', '报告')})$")
        self.practice_freq = re.compile(r["practice_freq"])
        self.practice_habit = re.compile(r["practice_habit"])
        self.practice_once = re.compile(r["practice_once"])
        self.fronted_link = re.compile(r["fronted_link"])
        self.delegated_verb = re.compile(r["delegated_verb"])
        self.work_end = re.compile(r["topic_work_end"])
        self.split_min = int(r["topic_split_min"])
        self.split_many_min = int(r["topic_split_many_min"])
        self.organ_work = re.compile(r["organ_work"])
        self.table_cell = re.compile(r["table_cell"])
        self.table_title = re.compile(r["table_title"])
        self.refers_back = re.compile(r["refers_back"])
        self.with_opinion = re.compile(r["with_opinion"])
        self.inspection_report = re.compile(r["inspection_report"])
        self.continue_bare = frozenset(r["continue_bare"])
        self.own_verb = re.compile(r["own_verb"])
        self.backref_before = re.compile(f"(?:{r['backref_before']})$")
        self.organ_kind = re.compile(r["organ_kind"])
        self.tf_verb = re.compile(r["topic_first_verb"])
        self.tf_subject_max = int(r["topic_first_subject_max"])
        self.tf_review = re.compile(r["topic_first_review"])
        self.tf_count = re.compile(r["topic_first_count"])
        self.tf_dept = re.compile(r["topic_first_dept"])
        self.passive_link = re.compile(r["passive_link"])
        self.passive_planned = re.compile(r["passive_planned"])


@derived
def rules() -> _Rules:
    return _Rules(load_toml("activities.toml"))


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
    return text[a:b].strip().replace("\n", ""), start + a, start + b


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
            members = R.reporter_groups.get(word.strip("“”"))
            organ_at[b.start()] = [Mention("organ", base + b.start(), base + b.end(), word, w,
                                           "activities.reporter_word.group" if members else "activities.reporter_word",
                                           sentence)
                                   for w in (members or (word.strip("“”"),))]
    out: list[Hit] = []
    for m in R.trigger.finditer(text):
        if _in_spans(m.start(), masked):
            continue
        if m.group("report"):
            passive = _passive(text, m, cuts, organ_at, law_spans)
            if passive is not None:
                out.extend(passive)
                continue
        if R.not_before.search(text, 0, m.start()):
            continue
        after = text[m.end():]
        if m.group("approval"):
            hit = _approval(text, m, cuts)
            if hit:
                out.append(hit)
            continue
        if R.not_after.match(after) or _practice(text, m, cuts):
            continue
        items = _report_items(text, m, cuts, organ_at, law_spans)
        if items and R.backref_before.search(text, max(0, m.start() - 4), m.start()):
            # 在审议X报告时, 结合审议X报告: named again in passing (activities.dedupe.report)
            items = [_with_rule(h, BACKREF) if h.rule == "activities.report.hear" else h for h in items]
        out.extend(items or _object_before(text, m, cuts, organ_at, law_spans)
                   or _fronted(text, m, cuts, organ_at, law_spans))
    out.extend(_delegated(text, cuts, organ_at, law_spans, masked))
    by_span = {h.topic_span: i for i, h in enumerate(out)}
    for d in _delivered(text, cuts, organ_at, law_spans, masked):
        i = by_span.get(d.topic_span)
        if i is None:
            out.append(d)
        elif not out[i].reporters:  # 审议 read it back (fronted) without its speaker's organ
            out[i] = dataclasses.replace(out[i], reporters=d.reporters)
    out.extend(_topic_first(text, cuts, organ_at, law_spans, masked, base, sentence))
    return [x for x in (_with_opinion_title(text, h, laws, base, cuts) for h in out) if x is not None]


TABLE_ROW = "activities.report.table_row"


def table_row_report(text: str, organs: list[Mention], base: int, sentence: int = 0) -> Hit | None:
    """A row of a schedule table naming one report (activities.report.table_row): cells apart
    by runs of spaces, one cell (not the first) closed by a report noun; the reporter is an organ
    in a later cell.  Whether the row sits in a table is for the caller to say.

    >>> h = table_row_report("3    5月    关于城市供水工作情况的报告    区政府    城建工委", [], 0)
    >>> (h.topic, h.reporters[0].label)
    ('城市供水工作情况', '区政府')
    """
    R = rules()
    if "报告" not in text and "汇报" not in text:
        return None
    cells = []
    pos = 0
    for sep in R.table_cell.finditer(text):
        cells.append((pos, sep.start()))
        pos = sep.end()
    cells.append((pos, len(text)))
    if len(cells) < 3:
        return None
    for k, (a, b) in enumerate(cells[1:], start=1):
        m = R.table_title.fullmatch(text, a, b)
        if not m:
            continue
        ta = m.start("t")
        about = text.find("关于", ta, m.end("t"))
        if 0 <= about - ta <= 20:  # 县人民法院关于X的报告: the organ's name is no topic
            ta = about + 2
        topic, ts, te = clean_topic(text[ta:m.end("t")], ta)
        if len(topic) < 2 or topic in R.stop or R.inspection_report.search(topic) or R.non_report.search(topic):
            return None
        reporters: tuple[Mention, ...] = ()
        for c, d in cells[k + 1:]:
            found = [o for o in organs if c <= o.start - base and o.end - base <= d]
            if found:
                reporters = (max(found, key=lambda o: o.end - o.start),)
                break
            if d - c <= 12 and R.bare_reporter.search(text, c, d):  # a cell naming an organ
                word = text[c:d]
                reporters = (Mention("organ", base + c, base + d, word, word, "activities.reporter_word", sentence),)
                break
        n = max(text.rfind("报告", a, b), text.rfind("汇报", a, b))
        return Hit("ReportDeliberation", TABLE_ROW, n, n + 2, text[n:n + 2], a, b, topic, (ts, te), reporters)
    return None


def _practice(text: str, m: re.Match, cuts: list[int]) -> bool:
    """坚持每半年听取一次…报告: a rule of practice, not a report heard (activities.report.practice)."""
    R = rules()
    cs, _ = clause_of(cuts, m.start(), len(text))
    before = text[cs:m.start()]
    if not R.practice_freq.search(before):
        return False
    return bool(R.practice_habit.search(before) or R.practice_once.match(text, m.end()))


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
        # 市人大常委会执法检查组 also holds 市人大常委会: the longest name is the organ
        longest = max(x.end - x.start for x in found)
        found = [x for x in found if x.end - x.start == longest]
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


def _report_items(text: str, m: re.Match, cuts: list[int], organ_at, law_spans,
                  carry: tuple[Mention, ...] = ()) -> list[Hit]:
    R = rules()
    pos = m.end()
    lead = re.match(r"了|并|，", text[pos:])
    if lead and lead.group() != "，":
        pos += lead.end()
    # 受区政府委托，副区长X所作的关于…: the organ reports, the object starts after 作;
    # also with the speaker first: 区发改委主任受区政府委托所作的关于…
    q = text.find("受", pos, min(len(text), pos + 16))
    if q >= 0 and ("关于" in text[pos:q] or any(c in CUT for c in text[pos:q])):
        q = -1
    if q >= 0:
        group, j = _organ_group(text, q + 1, organ_at)
        if group and text.startswith("委托", j):
            d = R.delegation.match(text, j + 2)
            if d:
                # an organ right before 受 (省审计厅受省政府委托所作的…) is the one that
                # reports; a person (局长, 副县长) speaks for the delegating organ
                speaker = [x for k, ms in organ_at.items() if k >= pos for x in ms if k + x.end - x.start == q]
                carry = tuple(speaker) if speaker else tuple(group)
                pos = d.end()
    hits: list[Hit] = []
    first = True
    continued = False
    while pos < len(text):
        _, end = clause_of(cuts, pos, len(text))
        items = _distribute(text, _pieces(text, pos, end, law_spans), organ_at)
        for a, b, has_noun in items:
            new, carry = _item(text, m, a, b, has_noun, carry, first, cuts, law_spans, organ_at)
            if continued:
                new = [_with_rule(h, "activities.report.continued") if h.rule == "activities.report.hear" else h
                       for h in new]
            hits.extend(new)
            first = False
        # X关于A，关于B；Y关于C: a next clause opening with (organ)关于 continues the list;
        # so does one opened by 以及/及/和 and an organ whose report noun closes the clause
        # (…的报告，以及市法院关于B的报告 / 以及市法院B工作情况的报告) — activities.report.continued
        if end >= len(text) or text[end] not in "，；,;":
            break
        nxt = end + 1
        c = R.continue_conj.match(text, nxt)
        k = c.end() if c else nxt
        group, j = _organ_group(text, k, organ_at)
        if text.startswith("关于", j if group else k):
            pos = k
            continue
        # …的报告，以及2014年度审计工作报告: a 以及-clause closed by a report noun continues the
        # list even with no organ named, when it holds no verb of its own
        ce = clause_of(cuts, k, len(text))[1]
        if c and (group or (c.group() in R.continue_bare and not R.trigger.search(text, k, ce)
                            and not R.own_verb.search(text, k, ce))) and R.noun_end.search(text, j if group else k, ce):
            pos = k
            continued = True
            continue
        break
    return hits


def _with_rule(h: Hit, rule: str) -> Hit:
    return Hit(h.kind, rule, h.trig_start, h.trig_end, h.trigger, h.start, h.end, h.topic, h.topic_span,
               h.reporters, h.law)


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
        if R.with_opinion.match(text, e, b):
            # X执法检查报告及审议意见研究处理情况的报告: one follow-up report on X's report and the
            # opinions on it (activities.report.with_opinion), not two reports
            continue
        out.append((start, e, True))
        sep = re.match(r"、|以及|和|及|与", text[e:b])
        start = e + (sep.end() if sep else 0)
    if start < b:
        rest = text[start:b]
        if not rest.startswith("等"):
            out.append((start, b, False))
    return out


def _distribute(text: str, pieces, organ_at) -> list[tuple[int, int, bool]]:
    """Cut a piece before each further reporting organ of a distributive title:
    旗人民法院关于A、旗人民检察院关于B的报告 is A (法院) and B (检察院); 州中级人民法院执行
    工作、州人民检察院控告申诉工作情况的报告 likewise when the piece opens with an organ.
    A separator right after an organ (法院、检察院关于…) is a joint subject, not a cut."""
    out = []
    for a, b, has_noun in pieces:
        g0, j0 = _organ_group(text, _skip_seps(text, a), organ_at)
        # organ-then-topic style (州中级人民法院执行工作、…): cut at the next reporting organ
        direct = bool(g0) and not text.startswith("关于", j0)
        start = a
        for sep in _JOIN.finditer(text, a, b):
            p = sep.end()
            if sep.start() <= start or _ends_with_organ(text, sep.start(), organ_at):
                continue
            group, j = _organ_group(text, p, organ_at)
            if not group or j >= b:
                continue
            if text.startswith("关于", j) or (direct and all(_REPORTER_LABEL.search(g.label) for g in group)
                                               and not rules().compound.match(text, j)):
                out.append((start, sep.start(), False))
                start = p
        out.append((start, b, has_noun))
    return out


_REPORTER_LABEL = re.compile("政府|法院|检察院|监察委员会|监委|办事处")


def _skip_seps(text: str, i: int) -> int:
    while i < len(text) and text[i] in "、和及与 ":
        i += 1
    return i


def _ends_with_organ(text: str, i: int, organ_at) -> bool:
    return any(m.end - m.start == i - k for k, ms in organ_at.items() if k < i for m in ms)


_BEFORE = re.compile(r"(?<![应面绝相反核比校])对(?P<t>[^，；。：]{4,80}?)(?:进行|开展|作)了?$")
_BEFORE_END = re.compile(r"(?:报告|通报|情况|计划|预算|决算)$")


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
    return _item(text, m, s, e, bool(rules().noun_end.search(text, s, e)), (), True, cuts, law_spans, organ_at,
                 bare=True)[0]


def _fronted(text, m, cuts, organ_at, law_spans) -> list[Hit]:
    """A、B的报告以及C报告，常委会均进行了听取和审议: the reports named in the clause before
    the trigger's clause are its objects (activities.report.fronted)."""
    R = rules()
    cs, ce = clause_of(cuts, m.start(), len(text))
    if text[m.end():ce] not in ("", "了") or cs < 2:
        return []
    lead = text[cs:m.start()]
    if R.report_noun.search(lead) or (lead and not R.fronted_link.search(lead)) or len(lead) > 20:
        return []
    ps, pe = clause_of(cuts, cs - 2, len(text))
    if not R.noun_end.search(text, ps, pe):
        return []
    if text.startswith(("对", "就"), ps):  # 对X的报告，常委会…进行了审议
        ps += 1
    # 副省长X作了关于Y的报告，常委会…进行了审议: the object starts after the verb; when the
    # speaker acts 受…委托 the report is read by _delegated
    d = R.delegated_verb.match(text, ps, pe)
    if d:
        if "委托" in text[max(0, ps - 30):ps]:
            return []
        ps = d.end()
    hits: list[Hit] = []
    carry: tuple[Mention, ...] = ()
    first = True
    for a, b, has_noun in _distribute(text, _pieces(text, ps, pe, law_spans), organ_at):
        new, carry = _item(text, m, a, b, has_noun, carry, first, cuts, law_spans, organ_at, bare=True)
        hits.extend(Hit(h.kind, "activities.report.fronted" if h.rule == "activities.report.hear" else h.rule,
                        h.trig_start, h.trig_end, h.trigger, min(h.start, a), max(h.end, m.end()), h.topic,
                        h.topic_span, h.reporters) for h in new)
        first = False
    return hits


def _delegated(text, cuts, organ_at, law_spans, masked) -> list[Hit]:
    """受州人民政府委托，局长X向常委会报告了A，局长Y作了B报告: reports of the organ that
    delegated them, heard by the congress though no 听取 is written (activities.report.delegated).
    A congress delegating its own report (我受常委会委托，向大会报告工作) is no report heard."""
    R = rules()
    out: list[Hit] = []
    for k in re.finditer("受", text):
        if _in_spans(k.start(), masked):
            continue
        delegator = _delegator(text, k.end(), organ_at)
        if delegator is None:
            continue
        group, pos = delegator
        while pos < len(text) and text[pos] in "，,":
            pos += 1
            cs, ce = clause_of(cuts, pos, len(text))
            v = R.delegated_verb.match(text, pos, ce)
            if not v:
                break
            verb = _VERB.search(v.group())
            if R.report_noun.search(v.group(), 0, verb.start()):
                break  # the speaker part names a report: not a speaker and a verb
            a, b = v.end(), ce
            has_noun = bool(R.noun_end.search(text, a, b))
            if not has_noun and verb.group() != "报告了":
                break
            body = text[a:b]
            if has_noun:
                t = R.tail.search(body)
                body = body[:t.start()] if t else body
            topic, ts, te = clean_topic(body, a)
            if len(topic) >= 2 and topic not in R.stop and not R.non_report.search(topic):
                vs = pos + verb.start()
                for ps, pe, part in split_topics(text, ts, te, False, law_spans):
                    out.append(Hit("ReportDeliberation", "activities.report.delegated", vs, pos + verb.end(),
                                   verb.group(), k.start(), b, part, (ps, pe), tuple(group)))
            pos = ce
    return out


def _delivered(text, cuts, organ_at, law_spans, masked) -> list[Hit]:
    """Reports delivered with 关于 and no 听取 written (activities.report.delivered): the
    delegating organ reports (X受区政府委托作了关于A的报告; 受区政府委托，局长X、局长Y分别作了
    关于A的报告和关于B的报告), or the speaker's organ when the sentence goes on to deliberate
    them (区人民法院院长X作了关于A的报告，常委会均进行了审议)."""
    R = rules()
    out: list[Hit] = []
    for v in R.delivered_verb.finditer(text):
        if _in_spans(v.start(), masked):
            continue
        lo = max(0, v.start() - R.delivered_gap)
        stop = max(text.rfind(c, lo, v.start()) for c in "。；;") + 1
        reporters: tuple[Mention, ...] = ()
        for k in re.finditer("受", text[stop:v.start()]):
            delegator = _delegator(text, stop + k.end(), organ_at)
            if delegator is not None:
                reporters = tuple(delegator[0])
        if not reporters and R.delivered_review.search(text, v.end()):
            cs = clause_of(cuts, v.start(), len(text))[0]
            for p in range(cs, v.start()):
                group, _ = _organ_group(text, p, organ_at)
                if group:
                    if not any(_CONGRESS.search(g.label) for g in group):
                        reporters = tuple(group)
                    break
        if not reporters:
            continue
        out.extend(_with_rule(h, "activities.report.delivered")
                   for h in _report_items(text, v, cuts, organ_at, law_spans, carry=reporters))
    return out


def _delegator(text: str, i: int, organ_at) -> tuple[list[Mention], int] | None:
    """The organs of 受<organs>委托 read from ``i`` (right after 受) and the offset after 委托,
    or None; a congress delegating its own report (受常委会委托) is none."""
    group, j = _organ_group(text, i, organ_at)
    if not group or not text.startswith("委托", j) or any(_CONGRESS.search(g.label) for g in group):
        return None
    return group, j + 2


_CONGRESS = re.compile("人大|常委会|人民代表大会|主席团")
_VERB = re.compile("所作|作了|(?<![工合协操创写运动制])作|报告了")


_OPINION_TOPIC = re.compile("^审议意见")
_OPINION_INTRO = re.compile(r"^对(?:(?:19|20)[0-9]{2}年度?)?(?:[^，；。]{0,8}?(?:审议|听取)过?的)?(?P<t>[^，；。]{4,60}?)(?:的审议意见|的)?$")
# the subject of an 审议意见 named earlier in the sentence: …对2022年州人大常委会关于X审议意见的落实
# 情况开展跟踪监督 (the intro, the year and the issuing congress are not part of it)
_OPINION_LEAD = re.compile(r"^(?:对|就|围绕|针对|聚焦)?(?:(?:19|20)[0-9]{2}年度?)?(?:[^，；。关]{0,8}?(?:审议|听取)过?的)?")
_OPINION_ISSUER = re.compile(r"^(?:[^，；。关《]{0,12}?(?:人大常委会|常委会|人大|主席团)(?:的)?)?")


def _opinion_subject(text: str, h: Hit, laws, base: int, cuts) -> str | None:
    titles = [m for m in laws if m.label.endswith("审议意见") and m.end - base <= h.trig_start]
    if titles:
        subject = max(titles, key=lambda m: m.start).label[: -len("审议意见")]
        k = subject.find("关于")  # the issuer (区人大常委会关于…) is not part of the subject
        return subject[k + 2:] if k >= 0 else subject
    cs, _ = clause_of(cuts, h.trig_start, len(text))
    # an 审议意见 written earlier in the sentence, not as a title
    at = text.rfind("审议意见", 0, cs)
    if at >= 0:
        ps, _ = clause_of(cuts, at, len(text))
        frag = text[ps:at]
        frag = frag[_OPINION_LEAD.match(frag).end():]
        k = frag.find("关于")
        if k >= 0:
            frag = frag[k + 2:]
        else:
            frag = frag[_OPINION_ISSUER.match(frag).end():]
        return frag if len(frag.strip("的")) >= 2 else None
    if cs >= 2:
        ps, pe = clause_of(cuts, cs - 2, len(text))
        m = _OPINION_INTRO.match(text[ps:pe])
        if m:
            return m.group("t")
    return None


def _with_opinion_title(text: str, h: Hit, laws, base: int, cuts) -> Hit | None:
    """关于审议意见落实情况的报告 names the 审议意见 it follows up: the topic keeps its
    subject, from the 审议意见 title before the trigger (…关于X的审议意见), from the
    对X，clause opening the sentence, or from an 审议意见 written earlier in the sentence
    (对…关于X执法检查报告审议意见的落实情况开展跟踪监督，听取…研究处理情况的报告); a bare
    follow-up (研究处理情况, 落实情况) gets 审议意见 inserted (activities.report.opinion_title).
    A bare 落实情况 with no subject names nothing and is dropped."""
    R = rules()
    if h.kind != "ReportDeliberation" or not h.topic:
        return h
    bare = bool(R.bare_followup.match(h.topic))
    if not bare and not _OPINION_TOPIC.match(h.topic):
        return h
    subject = _opinion_subject(text, h, laws, base, cuts)
    if not subject:
        return None if h.topic in R.stop else h
    subject = subject.removesuffix("的")
    topic = subject + ("审议意见" if bare else "") + h.topic
    return Hit(h.kind, "activities.report.opinion_title", h.trig_start, h.trig_end, h.trigger, h.start, h.end,
               topic, h.topic_span, h.reporters, h.law)


def _item(text, m, a, b, has_noun, carry, first, cuts, law_spans, organ_at, bare=False):
    """Hits of one report item [a, b) and the reporters to carry to the next item.

    ``bare`` accepts an item without report noun or 关于 (its trigger came after it).
    """
    R = rules()
    while a < b and text[a] in "、和及与 ":
        a += 1
    if has_noun and R.duty_end.search(text, a, b):
        return _duty_items(text, m, a, b, organ_at), ()
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
    if has_noun and R.inspection_report.search(topic):
        # 听取和审议执法检查报告: the check is the activity, its report is no report heard
        # (activities.report.inspection_report)
        return [], reporters
    spans: list[tuple[int, int, str]]
    followup = False
    if not topic and has_noun and reporters and R.organ_work.fullmatch(text, body_start, b):
        # 听取和审议了镇人民政府工作报告: the organ's own work report (activities.report.organ_work)
        kind = R.organ_kind.search(reporters[0].label)
        if kind:
            t = kind.group() + "工作报告"
            return [Hit("ReportDeliberation", "activities.report.organ_work", m.start(), m.end(), m.group(),
                        min(m.start(), a), b, t, (a, b), reporters)], reporters
    if not topic or topic in R.stop:
        spans = _lookback(text, m, cuts, law_spans) if has_noun else []
        if not spans and topic and R.bare_followup.match(topic):
            # 听取区政府落实情况的报告: titled by _with_opinion_title, or dropped there
            spans, followup = [(ts, te, topic)], True
    else:
        spans = split_topics(text, ts, te, closed, law_spans)
        if len(reporters) > 1 and len(spans) == 1:
            parts = split_top(topic, R.list_sep, law_spans, ts)
            if len(parts) == len(reporters):  # 法院、检察院关于A、B: one topic each
                spans = [(ts + x, ts + y, topic[x:y]) for x, y in parts]
    # as many organs as topics: each organ reports its own, in order; otherwise every
    # organ reports every topic
    respective = len(reporters) > 1 and len(spans) == len(reporters)
    hits = []
    for k, (s, e, t) in enumerate(spans):
        if len(t) < 2 or (t in R.stop and not followup) or R.count_only.match(t):
            continue
        rule = "activities.report.followup" if R.followup_topic.search(t) else "activities.report.hear"
        who = (reporters[k],) if respective else reporters
        hits.append(Hit("ReportDeliberation", rule, m.start(), m.end(), m.group(),
                        min(m.start(), s), max(b, e), t, (s, e), who))
    return hits, reporters


def _duty_items(text, m, a, b, organ_at) -> list[Hit]:
    """听取了县公安局局长、县民政局局长的述职报告: one report per official named, from the
    organ heading it (activities.report.duty); a 述职 of anyone else (代表述职) is none."""
    R = rules()
    d = R.duty_end.search(text, a, b)
    who, ws, _ = clean_topic(text[a:d.start()], a)
    if not R.official.search(who):
        return []
    parts = split_top(who, R.list_conj, (), ws)
    if not all(R.official.search(who[x:y]) for x, y in parts):
        parts = [(0, len(who))]
    hits = []
    for x, y in parts:
        t, s, e = clean_topic(who[x:y], ws + x)
        if len(t) < 2:
            continue
        group, _ = _organ_group(text, s, organ_at)
        hits.append(Hit("ReportDeliberation", "activities.report.duty", m.start(), m.end(), m.group(),
                        min(m.start(), s), b, t + "述职", (s, e), tuple(group[:1])))
    return hits


def _lookback(text, m, cuts, law_spans) -> list[tuple[int, int, str]]:
    R = rules()
    cs, _ = clause_of(cuts, m.start(), len(text))
    pre = text[cs:m.start()]
    lb = R.lookback.search(pre)
    if not lb:
        return []
    s, e = cs + lb.start("t"), cs + lb.end("t")
    return split_topics(text, s, e, bool(lb.group("etc")), law_spans)


_TRAIL_NOTE = re.compile(r"[（(][^（()）]{1,8}[）)]$")


def _head(t: str) -> bool:
    """Whether a topic ends in a report head, a trailing note (（草案）, （试行）) aside."""
    return bool(rules().heads.search(_TRAIL_NOTE.sub("", t)))


def split_topics(text: str, s: int, e: int, closed: bool, law_spans=()) -> list[tuple[int, int, str]]:
    """Topics of the phrase text[s:e]: split when closed by 等 or when every part is a title.

    >>> [t for _, _, t in split_topics("财政、审计和国有资产管理", 0, 12, True)]
    ['财政', '审计', '国有资产管理']
    >>> [t for _, _, t in split_topics("代表议案、建议和意见办理情况", 0, 14, False)]
    ['代表议案、建议和意见办理情况']
    >>> [t for _, _, t in split_topics("甲工作情况和乙实施意见", 0, 11, False)]
    ['甲工作情况', '乙实施意见']
    >>> [t for _, _, t in split_topics("甲预算执行情况、乙工作情况以及丙管理情况", 0, 20, False)]
    ['甲预算执行情况', '乙工作情况', '丙管理情况']
    """
    return [x for part in _split_topics(text, s, e, closed, law_spans) for x in _trio(*part)]


def _trio(s: int, e: int, topic: str) -> list[tuple[int, int, str]]:
    """计划、预算执行和审计工作 as its three reports (activities.report.split_trio)."""
    m = rules().standing_trio.fullmatch(topic)
    if m is None:
        return [(s, e, topic)]
    tail = "执行" + (m["q"] or "")
    return [(s + m.start("a"), s + m.start("b") - 1, m["a"] + tail),
            (s + m.start("b"), s + m.start("c") - 1, m["b"] + tail),
            (s + m.start("c"), s + m.end("c"), m["c"])]


def _split_topics(text: str, s: int, e: int, closed: bool, law_spans=()) -> list[tuple[int, int, str]]:
    R = rules()
    phrase = text[s:e]
    whole = [(s, e, phrase)]
    if closed:
        parts = _parts(phrase, s, R.list_conj, law_spans)
        return parts or whole
    # A情况和B、C工作情况: the 和-parts are titled though the 、-parts are not
    # (activities.report.split_conj)
    for sep in (R.list_conj, R.list_sep, R.conj_only):
        parts = _parts(phrase, s, sep, law_spans)
        if len(parts) >= 2 and all(_head(t) and len(t) >= 5 for _, _, t in parts):
            if sep is R.list_sep:  # A情况、B情况以及C情况: a part may hold a 以及/和 list
                parts = [q for p in parts
                         for q in (_titled_parts(text, p, law_spans) or _work_pair(text, p, law_spans) or [p])]
            return parts
    # A和B执行情况与C草案: the conjunctions inside a title stay; cut only where the text
    # before ends in a report head (activities.report.split_head_bounded)
    parts = _head_bounded(phrase, s, law_spans)
    if parts:
        return parts
    # A、B情况 where A ends like a topic of work (危房改造、蒙医药事业发展情况): two topics
    parts = _parts(phrase, s, R.list_sep, law_spans)
    if len(parts) >= 2 and _head(parts[-1][2]):
        worklike = sum(1 for _, _, t in parts[:-1] if R.work_end.search(t) or _head(t))
        if (all(len(t) >= R.split_min for _, _, t in parts) and worklike == len(parts) - 1) or (
                # a longer list of fields of work, most of them ending like one (学前教育发展、
                # 养老服务体系建设、食品药品安全、就业创业工作情况): one topic each
                # (activities.report.split_majority)
                len(parts) >= 3 and all(len(t) >= R.split_many_min for _, _, t in parts)
                and 2 * worklike >= len(parts) - 1):
            return parts[:-1] + (_work_pair(text, parts[-1], law_spans) or [parts[-1]])
    return whole


def _head_bounded(phrase: str, s: int, law_spans) -> list[tuple[int, int, str]]:
    """Topics cut at the 和/与/及 after which the text so far ends in a head, when every
    topic so cut is titled and long enough (2021年国民经济和社会发展计划执行情况与2022年计划草案).

    >>> [t for _, _, t in _head_bounded("2021年国民经济和社会发展计划执行情况与2022年计划草案", 0, ())]
    ['2021年国民经济和社会发展计划执行情况', '2022年计划草案']
    >>> _head_bounded("代表意见和建议办理情况", 0, ())
    []
    """
    R = rules()
    pieces = split_top(phrase, R.head_conj, law_spans, s)
    if len(pieces) < 2:
        return []
    out, start = [], None
    for a, b in pieces:
        start = a if start is None else start
        if _head(phrase[start:b]):
            out.append((start, b))
            start = None
    if start is not None or len(out) < 2:
        return []
    parts = []
    for a, b in out:
        t, ta, tb = clean_topic(phrase[a:b], s + a)
        if len(t) < R.split_head_min:
            return []
        parts.append((ta, tb, t))
    return parts


def _work_pair(text: str, part: tuple[int, int, str], law_spans) -> list[tuple[int, int, str]]:
    """The last part of a split list, A和B情况, is two topics when A ends like a topic of
    work and B, titled, does not point back (其他…): 设施建设运营和新型农村合作医疗工作情况
    (activities.report.split_majority)."""
    R = rules()
    sub = _parts(text[part[0]:part[1]], part[0], R.list_conj, law_spans)
    if (len(sub) == 2 and R.work_end.search(sub[0][2]) and len(sub[0][2]) >= R.split_min
            and _head(sub[1][2]) and len(sub[1][2]) >= R.split_min and not R.refers_back.match(sub[1][2])):
        return sub
    return []


def _titled_parts(text: str, part: tuple[int, int, str], law_spans) -> list[tuple[int, int, str]]:
    """A 和/以及-list inside one part, when each of its items is a titled topic itself."""
    R = rules()
    sub = _parts(text[part[0]:part[1]], part[0], R.list_conj, law_spans)
    if len(sub) >= 2 and all(_head(t) and len(t) >= 4 for _, _, t in sub):
        return sub
    return []


def _parts(phrase: str, s: int, sep: re.Pattern, law_spans) -> list[tuple[int, int, str]]:
    out = []
    for a, b in split_top(phrase, sep, law_spans, s):
        t, ta, tb = clean_topic(phrase[a:b], s + a)
        if t:
            out.append((ta, tb, t))
    return out


PASSIVE = "activities.report.passive"
TOPIC_FIRST = "activities.report.topic_first"


def _passive(text, m, cuts, organ_at, law_spans) -> list[Hit] | None:
    """区政府关于A的报告已经常委会第九次会议审议: the report is the subject of a passive
    deliberation (activities.report.passive); done with 已经/已, planned when it is only
    submitted (已提请常委会审议).  None when the clause is no such construction."""
    R = rules()
    cs, ce = clause_of(cuts, m.start(), len(text))
    if text[m.end():ce] not in ("", "了", "通过"):
        return None
    noun = None
    for n in R.report_noun.finditer(text, cs, m.start()):
        if not _in_spans(n.start(), law_spans) and R.noun_context.search(text[max(cs, n.start() - 4):n.start()]):
            noun = n
    if noun is None:
        return None
    link = R.passive_link.match(text[noun.end():m.start()])
    if not link:
        return None
    a = cs + 1 if text.startswith(("对", "就"), cs) else cs
    hits, _ = _item(text, m, a, noun.end(), True, (), True, cuts, law_spans, organ_at, bare=True)
    status = "planned" if R.passive_planned.search(link.group("by")) else "completed"
    return [Hit(h.kind, PASSIVE if h.rule == "activities.report.hear" else h.rule, h.trig_start, h.trig_end,
                h.trigger, h.start, h.end, h.topic, h.topic_span, h.reporters, h.law, status) for h in hits]


def _subject_reporters(text: str, a: int, b: int, organ_at, base: int, sentence: int) -> list[Mention]:
    """The reporters named in a subject [a, b) (政府及财政、审计部门): organ mentions, organ
    words and department words; a shared head (财政、审计部门) is given to each part."""
    R = rules()
    parts = split_top(text[a:b], _JOIN, (), a)
    head = R.tf_dept.search(text, a, b)
    out = []
    for x, y in parts:
        x, y = a + x, a + y
        group, j = _organ_group(text, x, organ_at)
        if group and j >= y:
            out.extend(group[:1])
            continue
        word = text[x:y]
        if not word:
            continue
        if R.bare_reporter.fullmatch(word) or R.tf_dept.search(word):
            label = word
        elif head and y < b and len(word) <= 4:
            label = word + head.group()
        else:
            return []
        out.append(Mention("organ", base + x, base + y, word, label, "activities.reporter_word", sentence))
    return out


def _topic_first(text, cuts, organ_at, law_spans, masked, base, sentence) -> list[Hit]:
    """Reports whose topic is named before the hearing (activities.report.topic_first):
    关于A，以及B，政府及审计部门分别向会议作了报告; 关于A，审议中…; A、B两个报告也由X向常委会
    作了汇报; X关于A的专项报告，首次…."""
    R = rules()
    out: list[Hit] = []
    n = len(text)
    starts = [0] + [i + 1 for i in cuts if text[i] in "；;"]
    for p in starts:
        while p < n and text[p] in " \u3000":
            p += 1
        if _in_spans(p, masked) and not organ_at.get(p):
            continue
        group, j = _organ_group(text, p, organ_at)
        if text.startswith("关于", p):
            out.extend(_about_first(text, p, cuts, organ_at, law_spans, base, sentence))
        elif group and text.startswith("关于", j):
            out.extend(_nominal_first(text, p, j, group, cuts, law_spans, organ_at))
    for c in R.tf_count.finditer(text):
        if _in_spans(c.start(), masked):
            continue
        cs, ce = clause_of(cuts, c.start(), n)
        if c.end() != ce and text[c.end():ce] not in ("了",):
            continue
        lead = text[cs:c.start()]
        spans = _parts(lead, cs, R.list_conj, law_spans)
        count = _count_value(c.group("n"))
        if len(spans) < 2 or (count and count != len(spans)) or any(len(t) < 4 for _, _, t in spans):
            continue
        s = c.start("s")
        reporters = _subject_reporters(text, s, c.end("s"), organ_at, base, sentence)
        v = c.end("s")
        for ts, te, t in spans:
            if t in R.stop or R.non_report.search(t):
                continue
            out.append(Hit("ReportDeliberation", TOPIC_FIRST, v, c.end(), text[v:c.end()], ts, c.end(), t,
                           (ts, te), tuple(reporters[:1]), status=_verb_status(text, s, c.end())))
    return out


def _count_value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}.get(s)


def _about_first(text, p, cuts, organ_at, law_spans, base, sentence) -> list[Hit]:
    """关于A，以及B，S分别向会议作了报告 / 关于A，审议中…"""
    R = rules()
    n = len(text)
    pieces = []
    a = p + 2
    while True:
        _, e = clause_of(cuts, a, n)
        if e >= n or text[e] not in "，,":
            return []
        pieces.append((a, e))
        nxt = e + 1
        c = re.match("以及|及", text[nxt:])
        if c:
            a = nxt + c.end()
            continue
        break
    vs, ve = clause_of(cuts, nxt, n)
    verb = R.tf_verb.search(text, nxt, ve)
    review = R.tf_review.match(text, nxt, ve)
    reporters: list[Mention] = []
    if verb and verb.start() - nxt <= R.tf_subject_max:
        reporters = _subject_reporters(text, nxt, verb.start(), organ_at, base, sentence)
        if not reporters and verb.start() > nxt:
            return []  # a subject that names no reporter (某某同志作了报告): not this construction
        trig = verb
    elif review:
        trig = re.compile("审议").search(text, nxt, ve)
    else:
        return []
    spans: list[tuple[int, int, str]] = []
    for a, e in pieces:
        if any(text.startswith(w, a) for w in ("对", "就")):
            return []
        t, ts, te = clean_topic(text[a:e], a)
        if len(t) < 2:
            continue
        parts = split_topics(text, ts, te, False, law_spans)
        if len(parts) == 1 and verb and "分别" in verb.group():
            parts = _shared_head(text, ts, te, law_spans) or parts
        spans.extend(parts)
    spans = [x for x in spans if x[2] not in R.stop and not R.non_report.search(x[2]) and len(x[2]) >= 2]
    if not spans:
        return []
    distribute = verb is not None and "分别" in verb.group() and len(reporters) == len(spans)
    hits = []
    for k, (ts, te, t) in enumerate(spans):
        who = (reporters[k],) if distribute else tuple(reporters[:1]) if len(reporters) == 1 else ()
        hits.append(Hit("ReportDeliberation", TOPIC_FIRST, trig.start(), trig.end(), trig.group(), p, trig.end(), t,
                        (ts, te), who, status=_verb_status(text, nxt, trig.end())))
    return hits


def _shared_head(text, s, e, law_spans) -> list[tuple[int, int, str]]:
    """A执行和B执行情况 reported separately (分别): two topics, the head 情况 shared."""
    R = rules()
    parts = _parts(text[s:e], s, R.list_conj, law_spans)
    if (len(parts) < 2 or not _head(parts[-1][2]) or R.refers_back.match(parts[-1][2])
            or any(len(t) < 4 or _head(t) for _, _, t in parts[:-1])):
        return []
    head = R.heads.search(parts[-1][2]).group()
    return [(a, b, t + head) for a, b, t in parts[:-1]] + [parts[-1]]


def _verb_status(text: str, a: int, b: int) -> str | None:
    """The status said by the reporting clause itself (由区政府作了汇报): the topic named before
    it may hold words that read as cues (营养改善计划) and must not decide."""
    from kg.segment import modality_cue
    return modality_cue(text[a:b])


def _nominal_first(text, p, j, group, cuts, law_spans, organ_at) -> list[Hit]:
    """X关于A的专项报告，首次…: a report named as the subject of a comment, in a part of the
    sentence with no trigger of its own (a trigger later in it reads the report as its object)."""
    R = rules()
    n = len(text)
    _, e = clause_of(cuts, j, n)
    if e >= n or text[e] not in "，,":
        return []
    part_end = next((c for c in cuts if c > e and text[c] in "；;。"), n)
    if not R.noun_end.search(text, j, e) or R.trigger.search(text, p, part_end) or R.own_verb.search(text, p, e):
        return []
    if "受" in text[p:e] or "委托" in text[p:e]:
        return []
    hits: list[Hit] = []
    carry: tuple[Mention, ...] = ()
    first = True
    for a, b, has_noun in _distribute(text, _pieces(text, p, e, law_spans), organ_at):
        if not has_noun:
            return []
        new, carry = _item(text, _Span(b - 2, b, text[b - 2:b]), a, b, has_noun, carry, first, cuts, law_spans,
                           organ_at, bare=True)
        for h in new:
            if R.inspection_report.search(h.topic or ""):
                continue
            hits.append(Hit(h.kind, TOPIC_FIRST if h.rule == "activities.report.hear" else h.rule, h.trig_start,
                            h.trig_end, h.trigger, p, e, h.topic, h.topic_span, h.reporters))
        first = False
    return hits


class _Span:
    """A match-like stand-in for a trigger: the report noun closing a title."""

    def __init__(self, a: int, b: int, word: str) -> None:
        self._a, self._b, self._w = a, b, word

    def start(self) -> int:
        return self._a

    def end(self) -> int:
        return self._b

    def group(self) -> str:
        return self._w
