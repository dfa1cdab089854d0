"""Law inspections and the other typed activities, parsed from one sentence.

A law is inspected when a trigger (执法检查, 专项检查, 调研, 视察, 检查, 专题询问,
跟踪调研 …) and a law mention share a clause and the law is the trigger's object:

* law before the trigger: 对《X》《Y》等8部法律的实施情况进行了执法检查, 开展《X》实施情况
  执法检查, 围绕《X》贯彻执行情况开展专项调研, 配合市人大对…《X》等开展调研视察;
* law after the trigger: 检查《X》贯彻实施情况, 跟踪调研《…审议意见》落实情况.

A strong trigger (执法检查, 专项检查, 跟踪调研, 专题询问) takes every law before it; a
weak one (调研, 视察, 检查) needs an implementation phrase (…贯彻实施情况) or an object
introducer (对, 围绕, 就) before the law.  Drafts (草案), laws given as a basis
(根据《监督法》) and law-making clauses (立法调研, 修改) are left out.

Triggers without a law give a topic activity when a topic can be read (开展社会治安综合
治理工作情况专项检查, 对审计整改工作进行满意度测评); generic lists of activity names
(专项审议、工作评议、执法检查等) give nothing.  Offsets are sentence-local.
"""
from __future__ import annotations

import re

from kg.extract.reports import Hit, clause_cuts, clause_of, clean_topic, split_topics
from kg.extract.reports import rules as report_rules
from kg.extract.rules import derived, load_toml
from kg.records import Mention


class _Rules:
    def __init__(self, data: dict) -> None:
        ins = data["inspection"]
        words = {t["word"]: t for t in ins["triggers"]}
        for a in data.get("activity", ()):
            words[a["word"]] = {**a, "strong": False, "typed": True}
        self.words = words
        # activity words a programme's name may end with (述职评议, 满意度测评), longest first
        self.tail_words = tuple(sorted((w for w, spec in words.items() if spec.get("typed")), key=len, reverse=True))
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        self.trigger = re.compile(alternation)
        self.not_after = re.compile(ins["not_after"])
        self.not_before = re.compile(f"(?:{ins['not_before']})$")
        self.implementation = re.compile(ins["implementation"])
        self.introducer = re.compile(ins["introducer"])
        self.basis = re.compile(ins["basis"])
        self.draft = re.compile(ins["draft"])
        self.unnamed = re.compile(ins["unnamed"])
        self.yardstick = re.compile(f"(?:{ins['yardstick']})")
        self.yardstick_triggers = frozenset(ins["yardstick_triggers"])
        self.legislative = re.compile(ins["legislative"])
        self.revised = re.compile(ins["revised"])
        self.joint_before = re.compile(ins["joint_before"])
        self.findings_ahead = re.compile(ins["findings_ahead"])
        self.post_list = re.compile(ins["post_list"])
        self.generic_opinion = re.compile(ins["generic_opinion"])
        self.opinion = re.compile(ins["opinion"])
        # between two laws of one list; marked titles' spans exclude their 《》 marks
        self.chain_sep = re.compile(r"^[》〉>]?(?:[，,]?(?:、|和|及|以及|与)|[，,])?[《〈<]?$")
        top = data["topic"]
        self.carrier = re.compile(top["carrier"])
        self.link_tail = re.compile(f"(?:{top['link']})$")
        self.after_end = re.compile(top["after_end"])
        self.topic_stop = re.compile(top["stop"])
        self.max_len = int(top["max_len"])
        self.generic_after = re.compile(r"(?:活动|工作)?(?:、|等)")
        # 执法检查和专题调研: a trigger joined to the one before it shares its object
        self.joined_before = re.compile(f"(?:{alternation})(?:和|及|与|、|并|以及)$")
        self.etc_tail = re.compile(r"等(?:[0-9０-９一二两三四五六七八九十]+[个项件类])?(?:方面|领域|工作|情况|事项|问题)?的?$")
        on = data["on_report"]
        self.on_report_kinds = frozenset(on["kinds"])
        self.on_report_link = re.compile(on["link"])
        self.extras = []
        for key, kind in (("appointment", "Appointment"), ("vote", "Vote"), ("suggestion", "SuggestionHandling")):
            spec = data[key]
            words = spec["word"] if isinstance(spec["word"], list) else [spec["word"]]
            self.extras.append((kind, spec["rule"], tuple(words), re.compile(spec["pattern"])))


@derived
def rules() -> _Rules:
    return _Rules(load_toml("activities.toml"))


def _mask(text: str, spans) -> str:
    """Text with the spans blanked, so words inside book titles are not matched."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(a, 0), min(b, len(chars))):
            chars[i] = "□"
    return "".join(chars)


def find_inspections(text: str, laws: list[Mention], masked: list[tuple[int, int]], base: int) -> list[Hit]:
    """Law inspections in one sentence: one Hit per (trigger, law) pair, law set.

    >>> from kg.records import Mention
    >>> s = "围绕《城市居民最低生活保障条例》贯彻执行情况开展执法检查"
    >>> law = Mention("law", 3, 15, "城市居民最低生活保障条例", "城市居民最低生活保障条例", "t", 0)
    >>> [(h.kind, h.law.label) for h in find_inspections(s, [law], [(3, 15)], 0)]
    [('LawEnforcementInspection', '城市居民最低生活保障条例')]
    """
    R = rules()
    local = sorted(((m.start - base, m.end - base, m) for m in laws), key=lambda x: x[0])
    spans = [(a, b) for a, b, _ in local]
    cuts = clause_cuts(text, spans)
    plain = _mask(text, spans)
    # 新修订的《X》, 修改后的《X》 describe the law checked, not law-making (activities.inspection.revised)
    plain = R.revised.sub(lambda m: "□" * len(m.group()), plain)
    out: list[Hit] = []
    for t in R.trigger.finditer(text):
        spec = R.words[t.group()]
        if spec.get("typed") or _inside(t.start(), masked) or not _trigger_ok(text, t):
            continue
        cs, ce = clause_of(cuts, t.start(), len(text))
        pre_laws = [x for x in local if cs <= x[0] and x[1] <= t.start()]
        framed = False
        if not pre_laws and cs >= 2:
            ps = clause_of(cuts, cs - 2, len(text))[0]
            prev = [x for x in local if ps <= x[0] and x[1] <= cs]
            if prev and not R.introducer.search(text, cs, t.start()) and (
                    len(text[cs:t.start()].strip()) <= 6 or _fronted_object(text, plain, ps, cs, t, ce, spec, local)):
                # 对《X》，开展执法检查: the object sits in the clause before
                cs, pre_laws = ps, prev
            elif prev and _law_frame(plain, ps, cs, prev):
                # 围绕《X》的实施情况，…对辖区设施进行了调研: the clause before frames the activity
                # by the law's implementation (activities.inspection.framed)
                cs, pre_laws, framed = ps, prev, True
        if pre_laws:
            # a list of laws that runs on across a comma (…统计法，以及老年人权益保障法和《X》的
            # 实施情况进行检查): the laws before the comma are objects too
            i = local.index(pre_laws[0])
            while i > 0 and _chained(between := text[local[i - 1][1]:local[i][0]]) \
                    and not re.fullmatch(r"[》〉>]?[，,][《〈<]?", between):
                i -= 1
            if local[i] is not pre_laws[0]:
                cs = clause_of(cuts, local[i][0], len(text))[0]
                pre_laws = [x for x in local if local[i][0] <= x[0] and x[1] <= t.start()]
        if R.legislative.search(plain, cs, t.start()) or R.legislative.match(plain, t.end()):
            continue
        for a, b, law in pre_laws:
            if _law_ok(text, plain, cs, a, b, t.start(), bool(spec["strong"]), local):
                out.append(Hit(spec["kind"], "activities.inspection.framed" if framed else spec["rule"], t.start(), t.end(), t.group(),
                               min(a, t.start()), t.end(), law=law))
        chain, rule = _post_chain(text, local, t, ce, bool(spec["strong"]))
        for a, b, law in chain:
            out.append(Hit(spec["kind"], rule or spec["rule"], t.start(), t.end(), t.group(), t.start(), b, law=law))
        if t.group() in R.yardstick_triggers:
            out.extend(_yardstick(text, cuts, local, t, spec, {id(h.law) for h in out}))
    return out


def _yardstick(text, cuts, local, t, spec, taken) -> list[Hit]:
    """Laws given as the yardstick of a visit or check (activities.inspection.yardstick):
    对照《X》(的规定) in the trigger's clause or the clause just before or after it."""
    R = rules()
    n = len(text)
    cs, ce = clause_of(cuts, t.start(), n)
    lo = clause_of(cuts, cs - 2, n)[0] if cs >= 2 else cs
    hi = clause_of(cuts, ce + 1, n)[1] if ce + 1 < n else ce
    out = []
    for a, b, law in local:
        if id(law) in taken or not (lo <= a and b <= hi):
            continue
        if not R.yardstick.search(text, max(0, a - 4), a):
            continue
        if R.draft.search(law.label) or _DRAFT_AFTER.match(text, b):
            continue
        out.append(Hit(spec["kind"], "activities.inspection.yardstick", t.start(), t.end(), t.group(),
                       min(a, t.start()), max(b, t.end()), law=law))
    return out


def _fronted_object(text, plain, ps, cs, t, ce, spec, local) -> bool:
    """The laws of the clause before are the object of a trigger whose own clause names none
    (activities.inspection.fronted): 围绕《X》贯彻执行情况，组织代表小组开展专项调研 (the clause
    before opens with an introducer and names the implementation), 对去年检查过的《X》，常委会开展了
    “回头看”, 《X》施行后，常委会迅速组织开展执法检查 (a strong trigger with nothing after it)."""
    R = rules()
    opens = bool(R.introducer.match(plain, ps)) or bool(re.match(r"[一二三四五六七八九十]+是", plain[ps:ps + 3]))
    first = min(x[0] for x in local if ps <= x[0])
    if opens or R.introducer.search(plain, ps, first):
        last = max(x[1] for x in local if x[1] <= cs)
        if spec["strong"] or R.implementation.search(plain, last, cs):
            return True
    tail = text[t.end():ce].strip("”’了 ")
    return bool(spec["strong"]) and not tail


def _law_frame(plain: str, ps: int, cs: int, prev) -> bool:
    """A clause that is only a frame: an introducer opening it, the laws, and an
    implementation phrase closing it (围绕《X》的实施情况，)."""
    intro = rules().introducer.match(plain, ps)
    if intro is None or plain[intro.end():prev[0][0]].strip("《〈< "):
        return False
    tail = plain[prev[-1][1]:cs].strip("》〉> ，,")
    return bool(re.fullmatch(r"的?(?:贯彻)?(?:实施|执行|落实|施行)情况", tail))


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _trigger_ok(text: str, t: re.Match) -> bool:
    R = rules()
    return not R.not_after.match(text, t.end()) and not R.not_before.search(text, 0, t.start()) \
        and not R.findings_ahead.match(text, t.end())


def _chain_start(text: str, local, i: int) -> int:
    """Start of the run of laws (《A》《B》、C) that the i-th law closes."""
    start = local[i][0]
    j = i - 1
    while j >= 0 and _chained(text[local[j][1]:start]):
        start = local[j][0]
        j -= 1
    return start


def _chained(between: str) -> bool:
    return bool(rules().chain_sep.match(between))


_DRAFT_AFTER = re.compile(r"[》〉>]?[（(]?(?:修订|修正)?草案")


def _law_ok(text, plain, cs, a, b, trig, strong, local) -> bool:
    R = rules()
    i = next(k for k, x in enumerate(local) if x[0] == a and x[1] == b)
    if R.draft.search(local[i][2].label) or R.draft.search(text, a, b) or _DRAFT_AFTER.match(text, b):
        return False
    if R.generic_opinion.search(local[i][2].label) or R.unnamed.search(local[i][2].label):
        return False
    if _opinion_object(plain, b, trig):
        return False
    chain = _chain_start(text, local, i)
    if R.basis.search(plain, cs, chain):
        return False
    if strong:
        return True
    return bool(R.implementation.search(plain, b, trig) or R.introducer.search(plain, cs, chain))


def _opinion_object(plain: str, b: int, trig: int) -> bool:
    """The object is an earlier 审议意见, not the law (activities.inspection.opinion_object):
    the law only names the subject of that opinion (对…关于《X法》执法检查报告审议意见的落实情况
    开展跟踪监督) — following up an opinion on an earlier inspection is a report heard, not a
    new inspection of the law.  (The 审议意见 itself, as a title, stays the object.)"""
    return bool(rules().opinion.search(plain, b, trig))


def _post_chain(text: str, local, t: re.Match, ce: int, strong: bool):
    """Laws right after a trigger (检查《X》《Y》贯彻实施情况), when an implementation follows;
    after 同步/一并 (同步检查《X》) or a list word (执法检查，即《A》和《B》) without one
    (activities.inspection.joint_object). Returns the laws and the rule id when not the trigger's."""
    R = rules()
    listed = R.post_list.match(text, t.end()) if strong else None
    trig_end = listed.end() if listed else t.end()
    lead = re.match(r"(?:了|对)*[《〈<]?", text[trig_end:])
    pos = trig_end + lead.end()
    chain = []
    for a, b, law in local:
        if a < pos:
            continue
        if a == pos or (chain and _chained(text[chain[-1][1]:a])):
            chain.append((a, b, law))
            pos = b
        else:
            break
    if chain and R.implementation.search(text, chain[-1][1], min(ce, chain[-1][1] + 12)):
        return chain, None
    if chain and (listed or R.joint_before.search(text, max(0, t.start() - 3), t.start())):
        if not text[chain[-1][1]:ce].strip("》〉>”’ 等"):  # the laws close the clause
            return chain, "activities.inspection.joint_object"
    return [], None


# ----------------------------------------------------------------------- topic activities


def find_topic_activities(text: str, masked: list[tuple[int, int]], law_spans: list[tuple[int, int]],
                          skip: set[int]) -> list[Hit]:
    """Typed activities with a topic instead of a law (视察, 调研, 专项检查, 满意度测评 …).

    ``skip`` holds trigger starts that already produced a law inspection.

    >>> [(h.kind, h.topic) for h in find_topic_activities("对审计整改工作进行满意度测评", [], [], set())]
    [('SatisfactionRating', '审计整改工作')]
    """
    R = rules()
    cuts = clause_cuts(text, law_spans)
    out: list[Hit] = []
    for t in R.trigger.finditer(text):
        if t.start() in skip or _inside(t.start(), masked) or not _trigger_ok(text, t):
            continue
        if (t.start() > 0 and text[t.start() - 1] == "、") or R.generic_after.match(text, t.end()):
            continue  # a list of activity names, not an activity
        if R.joined_before.search(text, max(0, t.start() - 10), t.start()):
            continue  # 执法检查和专题调研 of the laws before: no topic of its own
        spec = R.words[t.group()]
        cs, ce = clause_of(cuts, t.start(), len(text))
        ts = t.start()
        while ts > cs and text[ts - 1] in "“‘「":  # 开展“回头看”: the quote opens the trigger
            ts -= 1
        for s, e, topic in _topics(text, cs, ts, t.end(), ce, law_spans):
            out.append(Hit(spec["kind"], _topic_rule(spec), t.start(), t.end(), t.group(),
                           min(s, t.start()), max(e, t.end()), topic, (s, e)))
    for kind, rule, words, rx in R.extras:
        for m in rx.finditer(text):
            if _inside(m.start(), masked):
                continue
            # the topic after the trigger (group t) or before it (group pre: 对X进行票决)
            g = "t" if m.group("t") is not None else "pre"
            # a year and a count before the items (对2023年度10件民生实事项目进行票决) are no topic
            lead = _EXTRA_LEAD.match(m.group(g))
            topic, s, e = clean_topic(m.group(g)[lead.end():], m.start(g) + lead.end())
            found = [(m.group().find(w), w) for w in words if w in m.group()]
            if _topic_fine(topic) and found:
                w, word = min(found)
                out.append(Hit(kind, rule, m.start() + w, m.start() + w + len(word), word, m.start(), m.end(),
                               topic, (s, e)))
    return out


_EXTRA_LEAD = re.compile(r"(?:(?:19|20)[0-9]{2}年度?的?)?(?:[0-9]+[件个项名批])?")


def _topic_rule(spec: dict) -> str:
    if spec.get("typed"):
        return spec["rule"]
    return "activities.topic." + spec["rule"].rsplit(".", 1)[-1]


def _topics(text, cs, ts, te, ce, law_spans) -> list[tuple[int, int, str]]:
    R = rules()
    pre = text[cs:ts]
    carriers = list(R.carrier.finditer(pre))
    intros = list(R.introducer.finditer(pre))
    cands: list[tuple[int, int]] = []
    if carriers and (not intros or carriers[-1].start() > intros[-1].start()):
        cands.append((cs + carriers[-1].end(), ts))
    if intros:
        s = cs + intros[-1].end()
        link = R.link_tail.search(text, s, ts)
        cands.append((s, link.start() if link else ts))
    for s, e in cands:
        raw = text[s:e]
        closed = bool(R.etc_tail.search(raw))
        if closed:
            raw = raw[:R.etc_tail.search(raw).start()]
        topic, a, b = clean_topic(raw, s)
        if _topic_fine(topic):
            parts = split_topics(text, a, b, closed, law_spans)
            return [p for p in parts if _topic_fine(p[2])]
    lead = re.match(r"了?", text[te:ce])
    topic, a, b = clean_topic(text[te + lead.end():ce], te + lead.end())
    if _topic_fine(topic) and R.after_end.search(topic) and not R.carrier.search(topic):
        return [(a, b, topic)]
    return []


def _topic_fine(topic: str) -> bool:
    R = rules()
    return (2 <= len(topic) <= R.max_len and not R.topic_stop.search(topic)
            and topic not in report_rules().stop and "+" not in topic and "□" not in topic)


def find_on_report(text: str, hits: list[Hit], masked: list[tuple[int, int]]) -> list[Hit]:
    """听取…的报告并进行专题询问 / ，并对报告开展满意度测评: a special inquiry or a rating
    joined to the report just heard takes that report's topic (activities.topic.on_report).

    >>> h = Hit("ReportDeliberation", "r", 0, 2, "听取", 0, 18, "城区供水工作情况", (7, 15))
    >>> [(x.kind, x.topic) for x in find_on_report("听取县政府关于城区供水工作情况的报告并进行专题询问", [h], [])]
    [('SpecialInquiry', '城区供水工作情况')]
    """
    R = rules()
    reports = [h for h in hits if h.kind == "ReportDeliberation" and h.topic]
    if not reports:
        return []
    taken = {h.trig_start for h in hits}
    out: list[Hit] = []
    for t in R.trigger.finditer(text):
        spec = R.words[t.group()]
        if spec["kind"] not in R.on_report_kinds or t.start() in taken or _inside(t.start(), masked):
            continue
        before = [h for h in reports if h.end <= t.start()]
        if not before:
            continue
        last = max(before, key=lambda h: h.end)
        if not R.on_report_link.match(text[last.end:t.start()]):
            continue
        for h in before:
            if h.end == last.end and h.trig_start == last.trig_start:
                out.append(Hit(spec["kind"], "activities.topic.on_report", t.start(), t.end(), t.group(),
                               h.start, t.end(), h.topic, h.topic_span))
    return out
