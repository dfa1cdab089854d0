"""Counted quantities: a number, its unit and what it counts (84个代表联络站, 47条).

A number (Arabic, decimal or Chinese) followed by a unit of ``counts.toml`` is a
candidate; it is dropped when it is masked, a date, an ordinal or session number, part of
a range, inside quotes or a title, part of a formula or programme mention, a numbered
heading, a rhetorical enumeration (四个明显变化), an idiom (24小时), or a Chinese 一 used
as an article.

The article rule: Chinese 一 before a unit is nearly always an article (一批, 一次重要的
活动, 一年来), but a frequency stated in the same clause (每年…专题汇报一次) makes it the
count 1. Arabic 1 (配备1名) is always a count.

A count is also dropped when it refers back to a set already counted or listed: after a
demonstrative (上述两个报告, 这两项), a small Chinese numeral after 对/将/把 whose noun was
named earlier in the sentence (审议了…的报告，并对两个报告进行了测评), or N+unit+noun
repeating the value, unit and noun of an earlier count (票决产生8个项目…目前8个项目均已完工).

Rule ids: ``counts.arabic``, ``counts.chinese``, ``counts.frequency`` (一 with a frequency
cue), ``counts.wan_yu`` (万余元 as 1 万元), ``counts.da`` (三大平台 as 3 个), ``counts.each``
(A和B各1件: one count per item, each with the span from its item to the number).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

import cn2an

from kg.extract.formulas import curly
from kg.extract.rules import derived, load_toml
from kg.records import Count, Document, Mention, Sentence

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CLAUSE = re.compile(r"[，。；：！？、,;:!?\n]")
_WHAT_AFTER = re.compile(r"[\u3400-\u9fff]{1,14}")
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?]")
_NOUN_AFTER = re.compile(r"[\u3400-\u9fff]{2,8}")
_NOUN_CUT = re.compile(r"[和与及等的均都已全]")
_NOUN_BEFORE = re.compile(r"[\u3400-\u9fff]{1,4}$")


@derived
def _config():
    data = load_toml("counts.toml")
    units = sorted(data["units"], key=lambda u: len(u["unit"]), reverse=True)
    unit_alt = "|".join(re.escape(u["unit"]) for u in units)
    approx_b = "|".join(map(re.escape, data["approx_before"]))
    approx_n = "|".join(map(re.escape, data["approx_after_number"]))
    # 1.2万余人次, 1.26万套, 21.6万平方米: a magnitude after digits joins the unit (万套)
    plain = "|".join(re.escape(u["unit"]) for u in units if not u["unit"].startswith(("万", "亿")))
    number = rf"(?P<num>\d+(?:\.\d+)?(?P<mag>[万亿](?=(?:{approx_n})|(?:{plain})))?|[{_CN_DIGITS}]+)"
    return {
        "data": data,
        "title_max": data["run_in_title_max"],
        "repeat_min": data["repeat_value_min"],
        "same_noun": data["repeat_noun_min"],
        "bad": {u["unit"]: tuple(u.get("bad", [])) for u in units},
        "good": {u["unit"]: tuple(u.get("good", [])) for u in units},
        "re": re.compile(rf"(?P<pre>{approx_b})?{number}(?P<approx>{approx_n})?(?P<unit>{unit_alt})"),
        "da": re.compile(r"(?<![零〇一二两三四五六七八九十百千])(?P<num>[两三四五六七八九])大(?=[\u3400-\u9fff]{2})"),
        "heading": re.compile(data["heading_pattern"]),
        "ordinal": tuple(data["ordinal_before"]),
        "rhetorical": tuple(data["rhetorical_after"]),
        "named_after": tuple(data["named_after"]),
        "freq": tuple(data["frequency_cues"]),
        "idioms": {(float(v), u) for v, u in data["idioms"]},
        "year_before": tuple(data["year_cues_before"]),
        "year_after": tuple(data["year_cues_after"]),
        "year_compare": tuple(data["year_comparison_after"]),
        "approx_unit": tuple(data["approx_after_unit"]),
        "ranges": data["range_signs"],
        "demonstratives": tuple(data["back_reference_before"]),
        "ref_preps": tuple(data["back_reference_preps"]),
    }


@lru_cache(maxsize=4096)
def chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral, or None when it is not a well-formed number.

    >>> chinese_number("两"), chinese_number("二十三"), chinese_number("一二三")
    (2.0, 23.0, None)
    """
    try:
        return float(cn2an.cn2an(text.replace("两", "二").replace("〇", "零"), "strict"))
    except (ValueError, KeyError, IndexError):
        return None


def _inside(text: str, pos: int, open_: str, close: str, reach: int) -> bool:
    # inside a short pair of marks (quotes, book-title marks) around pos
    op = text.rfind(open_, max(0, pos - reach), pos)
    if op < 0 or text.rfind(close, op, pos) >= 0:
        return False
    cl = text.find(close, pos, pos + reach)
    return cl >= 0


def _what(text: str, start: int, end: int) -> str:
    """What is counted: the noun phrase after the unit, else the clause before the number."""
    m = _WHAT_AFTER.match(text, end)
    if m and not m.group(0).startswith(_config()["approx_unit"]):
        return m.group(0)
    clause = _CLAUSE.split(text[:start])[-1]
    clause = _config()["heading"].sub("", clause, count=1)  # 3．全年…: the item number is no part
    return clause[-20:].strip()


def _in_heading(doc_text: str, pos: int, heading: re.Pattern, title_max: int = 20) -> bool:
    """True when ``pos`` lies in the title part of a numbered heading.

    A heading line without 。 is a title throughout (（一）突出立法重点，质量进一步提高); a line
    with 。 is a run-in heading whose title ends at the first comma or stop ((四) 提升站点
    效能，年内新建2个联络点。), the rest being body text.
    """
    line_start = doc_text.rfind("\n", 0, pos) + 1
    head = doc_text[line_start:pos]
    if not heading.match(head) or "。" in head:
        return False
    line_end = doc_text.find("\n", pos)
    line = doc_text[line_start:line_end if line_end >= 0 else len(doc_text)]
    if "。" in line:
        title = head[heading.match(head).end():]
        # a run-in title is a short phrase; a long first clause is the item's body
        # (12．区十八届人大四次会议期间代表提出的128件建议已交办承办单位，…)
        body = line[len(head) - len(title):]
        clause = _CLAUSE_END.split(body)[0]
        # …and a title stands as its own sentence (1．加强代表工作。…): a first clause closed
        # by a comma (3．全年计划召开常委会会议6次，…) is the item's body
        closed_by = body[len(clause):len(clause) + 1]
        return not _CLAUSE_END.search(title) and len(clause) <= title_max and closed_by != "，"
    return True


def extract_counts(doc: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention] = ()) -> list[Count]:
    """Counts of a document; ``mentions`` give the targets and the spans to skip.

    >>> from kg.records import Document, Sentence
    >>> t = "建立84个社区级人大代表联络站，开展专题视察100余次，**名，2022年，3—5名。"
    >>> d = Document("x", "x.txt", t, "", (), "")
    >>> [(c.value, c.unit, c.approx) for c in extract_counts(d, [Sentence(0, 0, len(t), t, 0, None)])]
    [(84.0, '个', False), (100.0, '次', True)]
    """
    cfg = _config()
    all_blocked = sorted((m.start, m.end) for m in mentions if m.kind in ("formula", "programme", "law"))
    all_targets = sorted((m for m in mentions if m.kind in ("organ", "programme")), key=lambda m: m.start)
    blocked_starts = [x for x, _ in all_blocked]
    target_starts = [t.start for t in all_targets]
    longest = max((y - x for x, y in all_blocked), default=0)
    out: list[Count] = []
    seen: dict[tuple[float, str], list[tuple[str, str, int, str]]] = {}  # (value, unit) -> earlier counts
    for s in sentences:
        text = curly(s.text)  # web copies keep half-width quotes ("…")
        # the spans and targets that can touch this sentence (targets may start just after it);
        # found by bisection, so a long document costs no more per sentence than a short one
        lo = bisect_left(blocked_starts, s.start - longest)
        hi = bisect_left(blocked_starts, s.end)
        blocked = [(x, y) for x, y in all_blocked[lo:hi] if s.start < y]
        targets = all_targets[bisect_left(target_starts, s.start):bisect_right(target_starts, s.end + 4)]
        for m in cfg["re"].finditer(text):
            num, unit = m.group("num"), m.group("unit")
            a, b = m.start("num"), m.end()
            if m.group("mag"):  # 1.2万余人次: the magnitude joins the unit (1.2 万人次)
                num, unit = num[:-1], m.group("mag") + unit
            elif num in ("万", "亿") and a > 0 and text[a - 1].isdigit():
                continue  # the 万 of 1.2万余人次, already counted with its number
            value, rule = _value(num, unit, text, a, b)
            if value is None:
                continue
            if rule == "counts.wan_yu":
                unit = num + unit
            if not _keep(text, a, b, value, unit, num, cfg):
                continue
            if any(x < s.start + b and s.start + a < y for x, y in blocked):
                continue
            if _in_heading(doc.text, s.start + a, cfg["heading"], cfg["title_max"]):
                continue
            each = _each_items(text, m.start()) if text[m.start() - 1:m.start()] == "各" else []
            if num == "一" and not each and not any(c in _CLAUSE.split(text[:a])[-1] for c in cfg["freq"]):
                continue  # 一批, 一次重要活动: an article, no frequency stated
            if num == "一" and not each:
                rule = "counts.frequency"
            approx = bool(m.group("pre") or m.group("approx")) or text.startswith(cfg["approx_unit"], b)
            para = doc.text.rfind("\n", 0, s.start + a)
            if _back_reference(text, a, b, num, value, unit, para, seen, cfg):
                continue
            if each:
                # 自治条例和单行条例各1件, 主席、副主席各一名: one count per coordinated item
                for x, item in each:
                    out.append(Count(s.start + x, s.start + b, s.index, "counts.each", value, unit, item, approx))
                continue
            out.append(_count(s, text, m.start(), b, a, rule, value, unit, approx, targets))
        for m in cfg["da"].finditer(text):
            a, b = m.start(), m.end()
            if text[max(0, a - 2):a] == "党的" or any(x < s.start + b and s.start + a < y for x, y in blocked):
                continue
            if _inside(text, a, "“", "”", 30) or _inside(text, a, "《", "》", 60):
                continue
            if text.startswith(cfg["rhetorical"], b) or _in_heading(doc.text, s.start + a, cfg["heading"], cfg["title_max"]):
                continue
            if a > 0 and text[a - 1] in "”\"":
                continue  # “工业强区、城建兴区、生态美区”三大战略: the quoted list named again
            value = chinese_number(m.group("num"))
            out.append(_count(s, text, a, b, a, "counts.da", value, "个", False, targets))
    return out


_EACH_SPLIT = re.compile(r"和|与|及|、")


def _each_items(text: str, pos: int) -> list[tuple[int, str]]:
    """Items coordinated before 各 at ``pos - 1`` (自治条例和单行条例各1件), with their offsets.

    The items are the clause part before 各 split on 和/与/及/、; fewer than two, or more than
    six, or an item of one character or of more than twelve, give no items.
    """
    start = max(text.rfind(c, 0, pos - 1) for c in "，。；：！？,;:\n") + 1
    part = text[start:pos - 1]
    items, p = [], start
    for piece in _EACH_SPLIT.split(part):
        items.append((p, piece))
        p += len(piece) + 1
    if not 2 <= len(items) <= 6 or any(not 2 <= len(x) <= 12 for _, x in items):
        return []
    return items


def _back_reference(text: str, a: int, b: int, num: str, value: float, unit: str, para: int,
                    seen: dict[tuple[float, str], list[tuple[str, str, int, str]]], cfg) -> bool:
    """True for a count that refers back to a set already counted or listed; records it.

    ``seen`` maps (value, unit) to (noun before, noun after, paragraph, phrase before) of
    earlier counts, so only counts of the same value and unit are compared. A
    repeat must name the same noun: the earlier count's noun after the unit (8个项目 …
    8个项目均已完工) or before the number (人大代表62名 … 62名镇人大代表). Within a paragraph
    any value from 2 repeats; across paragraphs only values from 10, which rarely recur by
    chance.
    """
    before2 = text[max(0, a - 2):a]
    after = _NOUN_AFTER.match(text, b)
    noun_after = _NOUN_CUT.split(after.group(0))[0] if after else ""
    noun_before = before2 if len(before2) == 2 and all("\u3400" <= c <= "\u9fff" for c in before2) else ""
    lead = _NOUN_BEFORE.search(text, max(0, a - 4), a)
    phrase = lead.group(0) if lead else ""  # up to four characters right before the number
    if text[:a].endswith(cfg["demonstratives"]):
        return True  # 上述两个报告, 这两项
    if not num[0].isdigit() and value <= 10 and text[:a].endswith(cfg["ref_preps"]) \
            and len(noun_after) >= 2 and noun_after[:2] in text[:a]:
        return True  # …的报告，并对两个报告进行了满意度测评
    same = seen.setdefault((value, unit), [])
    repeat = len(noun_after) >= 2 and value >= 2 and any(
        (p == para or value >= 10)
        and ((nb and nb in noun_after) or (len(na) >= 2 and (noun_after.startswith(na) or na.startswith(noun_after))))
        for nb, na, p, _ in same)
    # 6个代表小组 … 6个代表小组: the same noun phrase with the same number, anywhere in the text;
    # 意见318件 … 318件建议已全部办结: a large exact value again in one paragraph
    repeat = repeat or value >= 2 and any(
        _common_prefix(na, noun_after) >= cfg["same_noun"]
        or (p == para and value >= cfg["repeat_min"] and num[0].isdigit())
        for nb, na, p, _ in same)
    # 任免国家机关工作人员136人次 … 全年任免国家机关工作人员136人次: the same phrase of at least
    # three characters before the same value and unit, anywhere in the text (a summary line
    # and its section), or four of them after it (开展专题询问2次 … 开展了2次专题询问);
    # 8个民生实事项目 … 8个项目分别是: the head noun again in the paragraph
    repeat = repeat or value >= 2 and any(
        (len(phrase) >= 3 and ph == phrase and not (na and noun_after and _common_prefix(na, noun_after) < 2))
        or (len(ph) >= 4 and noun_after.startswith(ph)) or (len(phrase) >= 4 and na.startswith(phrase))
        or (p == para and len(noun_after) >= 2 and len(na) > 2 and na.endswith(noun_after[:2]))
        for nb, na, p, ph in same)
    same.append((noun_before, noun_after, para, phrase))
    return repeat  # 产生8个项目…目前8个项目均已完工; 人大代表62名…62名镇人大代表


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _value(num: str, unit: str, text: str, a: int, b: int) -> tuple[float | None, str]:
    if num[0].isdigit():
        return float(num), "counts.arabic"
    if num in ("万", "亿") and text[b - len(unit) - 1:b - len(unit)] in ("余", "多"):
        return 1.0, "counts.wan_yu"  # 万余元 = more than 1 万元
    return chinese_number(num), "counts.chinese"


def _keep(text: str, a: int, b: int, value: float, unit: str, num: str, cfg) -> bool:
    """False for masks, dates, ordinals, ranges, quotes, titles, idioms and rhetoric."""
    before = text[max(0, a - 2):a]
    if before.endswith(cfg["ordinal"]) and not (before.endswith("*") and not num[0].isdigit()) \
            and not text[:a].endswith(cfg["freq"]):  # 每月一次: a frequency, not a date
        return False  # 第三, 11月28人日, *2名; but ****三户 names masked companies, then counts
    if not num[0].isdigit() and text.startswith(cfg["named_after"], b):
        return False  # 八项规定, 六项禁令: a numbered name, not a count
    if unit == "次" and "届" in text[max(0, a - 4):a]:
        return False  # 五届人大一次会议: a session number
    base_unit = unit[-1] if unit.startswith(("万", "亿")) and len(unit) > 1 and unit != "万人次" else unit
    if (text.startswith(cfg["bad"].get(unit, ()), b) or text.startswith(cfg["bad"].get(base_unit, ()), b)) \
            and not text.startswith(cfg["good"].get(unit, ()), b):
        return False
    if before.endswith(tuple(cfg["ranges"])) and a >= 2 and (text[a - 2].isdigit() or text[a - 2] in _CN_DIGITS):
        return False  # right end of 3—5名
    after_num = text[a + len(num):a + len(num) + 1]
    if after_num and after_num in cfg["ranges"]:
        return False  # left end of 3—5名
    if (value, unit) in cfg["idioms"]:
        return False
    if unit == "年":
        if value >= 100 or not (text[:a].endswith(cfg["year_before"]) or text.startswith(cfg["year_after"], b)):
            return False
        if text.startswith(cfg["year_compare"], b):
            return False  # 为三年来最高, 五年来首次: the base of a comparison, not a span counted
    if not num[0].isdigit() and text.startswith(cfg["rhetorical"], b):
        return False  # 四个明显变化; but 12件重点建议, 32家重点排污企业 count things
    if _inside(text, a, "“", "”", 30) or _inside(text, a, "《", "》", 60):
        return False
    return value > 0


def _count(s: Sentence, text: str, start: int, end: int, num_start: int, rule: str, value: float,
           unit: str, approx: bool, targets: list[Mention]) -> Count:
    abs_end = s.start + end
    target = None
    for t in targets:
        if abs_end <= t.start <= abs_end + 4 and (target is None or (t.start, -t.end) < (target.start, -target.end)):
            target = t
    return Count(s.start + start, abs_end, s.index, rule, value, unit, _what(text, num_start, end), approx, target)
