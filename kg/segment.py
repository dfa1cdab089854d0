"""Segmentation: sections (headings and their levels), sentences, modality, keywords.

This is the only module that imports jieba (lazily, for :func:`keywords`).

Section levels (index 0 is the whole document, level 0, heading ""):

1. part headings on a line of their own: 过去一年的主要工作, 2023年工作安排, 第二部分 …
2. 一、 headings;  3. （一） headings;  4. 1. / 1、 / （1） / ① headings;
5. inline enumerations 一是…二是… (each item runs to the next item or the paragraph end).

Sentences end at 。！？ (with any closing quotes or brackets that follow) and at line
breaks.  Every section start is a sentence boundary too, so a sentence lies in exactly
one innermost section.  A sentence longer than ``LONG_SENTENCE`` characters is also
split after each ；: such sentences are enumerations of separate actions (一是…；二是…；)
whose parts often differ in modality, and extractors work better on the parts.

Modality of sections: a part (level 1) or 一、 (level 2) heading with a plan cue
(工作安排, 今后, 2023年工作任务 …) makes its section and all following ones PLANNED until a
heading with a past-work cue (过去一年, 一年来, 工作回顾, 主要工作 …), which makes them
COMPLETED.  Once a part heading has set the modality, 一、 headings no longer change it
(the 一、二、 headings inside a plan part are plans, whatever they say).  Sections before
any cue get None.  Levels 3–5 inherit, except an inline enumeration opened by a colon,
which takes the cue of its introduction (我们将重点做好以下工作：一是… are plans).

Modality of sentences: :func:`modality_cue` over the sentence text.
"""
from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache

from kg.extract.rules import derived, load_toml, load_tsv
from kg.records import COMPLETED, PLANNED, Document, Section, Sentence

LONG_SENTENCE = 160  # characters; longer sentences are split after ；

# --------------------------------------------------------------------------- modality


class _Unknown(Exception):
    pass


def _first_set(items) -> tuple[set[tuple[int, int]], bool]:
    """Code-point ranges a parsed pattern can start with, and whether it can match empty."""
    from re import _constants as C

    acc: set[tuple[int, int]] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: look at what follows
            continue
        if op is C.LITERAL:
            acc.add((av, av))
            return acc, False
        if op is C.IN:
            for sop, sav in av:
                if sop is C.LITERAL:
                    acc.add((sav, sav))
                elif sop is C.RANGE:
                    acc.add(sav)
                else:  # negated sets, categories: give up
                    raise _Unknown
            return acc, False
        if op in (C.BRANCH, C.SUBPATTERN, C.MAX_REPEAT, C.MIN_REPEAT):
            if op is C.BRANCH:
                branches, at_least = av[1], 1
            elif op is C.SUBPATTERN:
                branches, at_least = [av[-1]], 1
            else:
                branches, at_least = [av[2]], av[0]
            nullable = False
            for branch in branches:
                found, empty = _first_set(branch)
                acc |= found
                nullable |= empty
            if at_least and not nullable:
                return acc, False
            continue
        raise _Unknown
    return acc, True


def _first_chars(pattern: str) -> str | None:
    """A character-class body of the first characters of ``pattern``, None if unknown.

    >>> _first_chars("要|将(?=继续)|(?<=[一-龥])了")
    '了将要'
    """
    try:
        from re import _parser

        ranges, nullable = _first_set(list(_parser.parse(pattern)))
    except (_Unknown, ImportError, AttributeError):
        return None
    if nullable or not ranges:
        return None
    esc = lambda c: re.escape(chr(c))  # noqa: E731
    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in sorted(ranges))


class _CueTable:
    """The cue patterns as one compiled alternation (tried in file order), plus the block
    words indexed by each of their characters."""

    def __init__(self, data: dict) -> None:
        parts: list[str] = []
        self.kinds: list[tuple[str | None, int]] = []  # per group: (modality, strength)
        for cue in data.get("cue", ()):
            if re.compile(cue["pattern"]).groups:
                raise ValueError(f"modality cue {cue['id']}: pattern must not capture")
            parts.append(cue["pattern"])
            modality = cue["modality"]
            self.kinds.append((None if modality == "none" else modality, int(cue.get("strength", 1))))
        body = "|".join(f"({p})" for p in parts)
        # re tries every alternative at every position; a lookahead on the characters a
        # cue can start with lets it skip most positions at once
        first = _first_chars(body)
        self.regex = re.compile(f"(?=[{first}])(?:{body})" if first else body)
        # Block words are checked around each match instead of being alternatives of the
        # regex: that keeps the regex small (several times faster on long texts).
        self.blocks: dict[str, list[tuple[int, str]]] = {}
        for word in set(data.get("block", ())):
            for k, char in enumerate(word):
                self.blocks.setdefault(char, []).append((k, word))

    def blocked(self, text: str, start: int) -> bool:
        """Whether a block word occurrence covers ``text[start]``."""
        for k, word in self.blocks.get(text[start], ()):
            if k <= start and text.startswith(word, start - k):
                return True
        return False


@derived
def _cues() -> _CueTable:
    return _CueTable(load_toml("modality.toml"))


def _scan(text: str):
    table = _cues()
    for m in table.regex.finditer(text):
        modality, strength = table.kinds[m.lastindex - 1]
        if modality is not None and not table.blocked(text, m.start()):
            yield m.start(), m.group(), modality, strength


def modality_cues(text: str) -> list[tuple[int, str, str]]:
    """Every modality cue in ``text`` as (offset, cue, modality), in text order.

    Words that merely contain a cue character (要求, 重要, 为了, 将其) are not cues.

    >>> modality_cues("常委会要求区政府开展了自查，明年将继续跟踪")
    [(10, '了', 'completed'), (14, '明年', 'planned'), (16, '将', 'planned')]
    """
    return [(start, cue, modality) for start, cue, modality, _ in _scan(text)]


def modality_cue(text: str) -> str | None:
    """COMPLETED, PLANNED or None for a clause or sentence, from its own wording.

    Rule: the strongest cue wins (grammatical cues such as 了, 已, 要, 将, 拟, 计划 beat
    time adverbials such as 全年, 一年来, 明年, 下一步); among equally strong cues the
    earliest wins.  Pass a single clause for a precise answer.

    >>> modality_cue("常委会要积极推动物流业转型升级")
    'planned'
    >>> modality_cue("全年共听取和审议专项工作报告12个")
    'completed'
    >>> modality_cue("全年计划召开常委会会议6次")
    'planned'
    >>> modality_cue("这是一项重要的要求") is None
    True
    """
    best = None
    for start, _cue, modality, strength in _scan(text):
        if best is None or strength > best[0]:
            best = (strength, modality)
    return best[1] if best else None


# --------------------------------------------------------------------------- headings


class _HeadingRules:
    def __init__(self, data: dict) -> None:
        lv = data["levels"]
        space = r"[ \t\u3000]*"
        self.numbered = [
            (2, re.compile(space + lv["level2"])),
            (3, re.compile(space + lv["level3"])),
            (4, re.compile(space + lv["level4"])),
        ]
        self.enum = re.compile(
            r"(?:^|(?<=[。；：！？，;:]))[ \t\u3000]*([一二三四五六七八九十]{1,2})" + lv["level5_marker"],
            re.M,
        )
        part = data["part"]
        self.part_max = int(part["max_chars"])
        self.part_numbered = re.compile(part["numbered"])
        self.not_part = re.compile(part["not_part"]) if part.get("not_part") else None
        mod = data["modality"]
        self.planned = re.compile("|".join(mod["planned"]))
        self.completed = re.compile("|".join(mod["completed"]))
        self.joins = re.compile(mod.get("joins", "(?!)"))


@derived
def _rules() -> _HeadingRules:
    return _HeadingRules(load_toml("headings.toml"))


def heading_modality(heading: str) -> str | None:
    """The modality a heading gives to its part: PLANNED, COMPLETED or None.

    >>> heading_modality("2023年工作安排"), heading_modality("过去一年的主要工作")
    ('planned', 'completed')
    >>> heading_modality("一、认真办理代表建议") is None
    True
    """
    rules = _rules()
    if rules.planned.search(heading):
        if rules.completed.search(heading) and _mixed(rules, heading):
            return None
        return PLANNED
    if rules.completed.search(heading):
        return COMPLETED
    return None


def _mixed(rules: _HeadingRules, heading: str) -> bool:
    """Whether the heading joins a past-only half and a plan-only half (headings.modality.mixed).

    >>> _mixed(_rules(), "2024年上半年工作总结及下半年工作打算"), _mixed(_rules(), "2025年上半年工作安排")
    (True, False)
    """
    kinds = set()
    for part in rules.joins.split(heading):
        p, c = bool(rules.planned.search(part)), bool(rules.completed.search(part))
        if p != c:
            kinds.add(p)
    return kinds == {True, False}


_HEAD_END = re.compile(r"[。！？；]")
# sentences, salutations and lines broken off inside a clause are not part headings
_NOT_A_PART = re.compile(r"[。！？]|[；：:，、,]$")
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def _cn_small(num: str) -> int:
    # 1..99 written 一 … 九十九 (only what enumerations use)
    if num == "十":
        return 10
    if "十" in num:
        tens, _, units = num.partition("十")
        return (_CN_DIGITS.get(tens, 1)) * 10 + _CN_DIGITS.get(units, 0)
    return _CN_DIGITS.get(num, 0)


def _line_heading(rules: _HeadingRules, line: str) -> int:
    """Level 1–4 of a heading starting this line, or 0."""
    for level, regex in rules.numbered:
        if regex.match(line):
            return level
    stripped = line.strip()
    if (
        stripped
        and len(stripped) <= rules.part_max
        and not _NOT_A_PART.search(stripped)
        and not (rules.not_part and rules.not_part.search(stripped))
        and (rules.part_numbered.match(stripped) or heading_modality(stripped))
    ):
        return 1
    return 0


def _heading_text(text: str, start: int, end: int) -> str:
    m = _HEAD_END.search(text, start, end)
    return text[start : m.start() if m else end].strip().rstrip("，、,：:")


# --------------------------------------------------------------------------- segment

_SENT_END = re.compile(r"[。！？!?]+[”’」』）)》\"']*|\n")
_SEMI = re.compile(r"[；;]")
_SPACE = " \t\r\n\u3000\xa0"


def _sections(text: str, lines: list[tuple[int, int]] | None = None) -> list[list]:
    """Sections as mutable rows [start, end, level, heading, parent]; row 0 = document.

    ``lines`` are the logical lines (hard-wrapped lines rejoined, see :func:`_logical_lines`);
    only the start of a logical line can open a heading."""
    rules = _rules()
    rows: list[list] = [[0, len(text), 0, "", -1]]
    stack = [0]
    for line_start, line_end in (lines if lines is not None else _logical_lines(text)):
        line = text[line_start:line_end]
        level = _line_heading(rules, line)
        if level:
            lead = len(line) - len(line.lstrip(_SPACE))
            start = line_start + lead
            # a heading's own text ends at its physical line
            nl = text.find("\n", start, line_end)
            head_end = nl if nl >= 0 else line_end
            while rows[stack[-1]][2] >= level:
                rows[stack[-1]][1] = start
                stack.pop()
            rows.append([start, len(text), level, _heading_text(text, start, head_end), stack[-1]])
            stack.append(len(rows) - 1)
        _enumeration(rules, text, line_start, line_end, rows, stack[-1])
    return rows


# ----------------------------------------------------------- hard line breaks (segment.join)
# PDF copies and some web copies break lines at a fixed width, inside sentences and even
# inside book titles (《中华人民共和国安全生产\n法》).  A physical line is joined to the next
# one (rule segment.join.wrap) when it does not end a sentence and the next line does not
# open a heading or an enumeration item, and either
#   * the break is plainly inside a clause: the line ends with ，、 or the next one starts
#     with a clause mark (，。、；：）) ;
#   * the line is prose: longer than a part heading and holding clause punctuation;
#   * the document is hard-wrapped at a fixed width and the line reaches that width.
# Heading lines, table rows (cells separated by runs of spaces or tabs) and lines that are a
# bracketed note or a dash subtitle are never joined.

_TERMINAL_END = re.compile(r"[。！？!?；;：:…][”’」』）)》\"']*$")
_CLAUSE_END = re.compile(r"[，、,]$")
_CLAUSE_START = re.compile(r"^[，。、；：）,;:)]")
_PROSE = re.compile(r"[，。；、！？]")
_TABLE_GAP = re.compile(r"\S(?:[ \u3000]{2,}|\t)\S")
_ENUM_START = re.compile(r"^[一二三四五六七八九十]{1,2}(?:是|要)")
_NOTE_LINE = re.compile(r"^(?:[（(].*[）)]|——.*)$")


def _schedule_row(rules: _HeadingRules, line: str) -> bool:
    return bool(rules.not_part and rules.not_part.search(line))


def _display_width(line: str) -> int:
    return sum(1 if ord(c) < 0x2E80 else 2 for c in line)


def _wrap_width(widths: list[int]) -> int:
    """The width lines are wrapped at (minus a tolerance of 3), or 0 when there is none."""
    if len(widths) < 4:
        return 0
    best = max(set(widths), key=lambda w: (sum(1 for x in widths if w - 2 <= x <= w), w))
    near = sum(1 for x in widths if best - 2 <= x <= best)
    return best - 3 if near >= 4 and near * 2 >= len(widths) else 0


def _logical_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each logical line: physical lines, with hard-wrapped ones rejoined
    (the joined span keeps its line breaks; offsets still point into ``text``).

    >>> t = "一是推动某某法落地实施，由常委会主任任检查组组长，某某委员会具体承办，在本地日报开设专栏，全年刊发稿件\\n160余篇。\\n标题\\n正文。"
    >>> [t[a:b].replace("\\n", "/") for a, b in _logical_lines(t)]
    ['一是推动某某法落地实施，由常委会主任任检查组组长，某某委员会具体承办，在本地日报开设专栏，全年刊发稿件/160余篇。', '标题', '正文。']
    """
    rules = _rules()
    phys: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        phys.append((pos, pos + len(line)))
        pos += len(line) + 1
    stripped = [text[a:b].strip(_SPACE) for a, b in phys]
    levels = [_line_heading(rules, s) if s else 0 for s in stripped]
    heading = [bool(x) for x in levels]

    def open_end(i: int) -> bool:  # could continue on the next line
        s, n = stripped[i], stripped[i + 1]
        # an unnumbered part heading is only a guess: a fragment of a wrapped sentence may
        # look like one (…完成情况的报告，); numbered headings always start a line
        return (bool(s) and bool(n) and not _TERMINAL_END.search(s) and not _TABLE_GAP.search(s)
                and not _TABLE_GAP.search(n) and levels[i + 1] not in (2, 3, 4) and not _ENUM_START.match(n)
                and not _NOTE_LINE.match(s) and not _schedule_row(rules, s) and not _schedule_row(rules, n))

    # the wrap width of a hard-wrapped document: most open lines end near one width,
    # counted in characters or in display columns (half-width digits take one)
    opened = [stripped[i] for i in range(len(phys) - 1) if open_end(i) and not heading[i]]
    wraps = [(_wrap_width([measure(x) for x in opened]), measure) for measure in (len, _display_width)]
    out: list[tuple[int, int]] = []
    start = None
    cont = False  # the current physical line continues the one before
    for i, (a, b) in enumerate(phys):
        if start is None:
            start = a
        join = False
        if i + 1 < len(phys) and open_end(i) and not (heading[i] and not cont and not re.search("[。！？]", stripped[i])):
            s, n = stripped[i], stripped[i + 1]
            join = bool(_CLAUSE_END.search(s) or _CLAUSE_START.match(n)
                        or any(w and measure(s) >= w for w, measure in wraps)
                        or (not heading[i + 1] and len(s) > rules.part_max and _PROSE.search(s)))
        if join:
            cont = True
            continue
        out.append((start, b))
        start = None
        cont = False
    return out


def _enumeration(rules: _HeadingRules, text: str, line_start: int, line_end: int, rows: list, parent: int) -> None:
    # keep only a run 一是, 二是, 三是 … in order; a lone 二是 is not an item
    items: list[tuple[int, int]] = []
    want = 1
    for m in rules.enum.finditer(text, line_start, line_end):
        n = _cn_small(m.group(1))
        if n == want:
            items.append((m.start(1), n))
            want += 1
        elif n == 1:  # a new run in the same paragraph
            if len(items) < 2:
                items = []
            items.append((m.start(1), 1))
            want = 2
    runs: list[list[int]] = []
    for start, n in items:
        if n == 1:
            runs.append([start])
        else:
            runs[-1].append(start)
    for run in runs:
        if len(run) < 2:
            continue
        for i, start in enumerate(run):
            end = run[i + 1] if i + 1 < len(run) else line_end
            # the last item's span ends at the paragraph end; trim trailing spaces
            while end > start and text[end - 1] in _SPACE:
                end -= 1
            rows.append([start, end, 5, _heading_text(text, start, end), parent])


_INTRO_CLAUSE = re.compile(r"[，,；;]")


def _enumeration_intros(text: str, rows: list, modalities: list[str | None]) -> None:
    """An inline enumeration opened by a colon takes the modality of its introduction
    (headings.modality.enumeration_intro): 2024年，我们将重点做好以下工作：一是…；二是…
    are plans, 一年来主要做了以下工作：一是… past work, whatever the part around them says.
    The last clause of the introduction with a cue speaks."""
    i = 0
    while i < len(rows):
        if rows[i][2] != 5:
            i += 1
            continue
        run = [i]
        while (run[-1] + 1 < len(rows) and rows[run[-1] + 1][2] == 5
               and rows[run[-1] + 1][0] == rows[run[-1]][1]):
            run.append(run[-1] + 1)
        i = run[-1] + 1
        end = rows[run[0]][0]
        while end > 0 and text[end - 1] in _SPACE:
            end -= 1
        if text[end - 1:end] not in ("：", ":"):
            continue
        # the introduction: from the last sentence end before the run up to its colon
        opening = max(text.rfind(c, 0, end) for c in "。！？!?\n") + 1
        intro = text[opening:end]
        clauses = [0] + [m.end() for m in _INTRO_CLAUSE.finditer(intro)]
        for c in reversed(clauses):
            cue = modality_cue(intro[c:])
            if cue:
                for k in run:
                    modalities[k] = cue
                break


def _sentence_spans(text: str, cuts: list[int], lines: list[tuple[int, int]] | None = None):
    """(start, end) spans, trimmed, cut at terminators, logical line ends and ``cuts``."""
    bounds = [0]
    for m in _SENT_END.finditer(text):
        bounds.append(m.end())
    if lines is not None:  # a line break inside a logical line is no boundary
        inner = set()
        for a, b in lines:
            k = text.find("\n", a, b)
            while k >= 0:
                inner.add(k + 1)
                k = text.find("\n", k + 1, b)
        if inner:
            bounds = [x for x in bounds if x not in inner]
    bounds.extend(cuts)
    bounds.append(len(text))
    bounds = sorted(set(bounds))
    for a, b in zip(bounds, bounds[1:]):
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if a >= b:
            continue
        if b - a > LONG_SENTENCE:
            last = a
            for m in _SEMI.finditer(text, a, b):
                if m.end() < b:
                    yield last, m.end()
                    last = m.end()
            yield last, b
        else:
            yield a, b


def segment(doc: Document) -> tuple[tuple[Section, ...], tuple[Sentence, ...]]:
    """Sections and sentences of a document, with offsets into ``doc.text``.

    >>> from kg.records import Document
    >>> text = "过去一年的主要工作\\n一、依法监督。开展了执法检查。\\n2023年工作安排\\n要听取审议报告。"
    >>> sections, sentences = segment(Document("d", "d.txt", text, "t", (), ""))
    >>> [(s.level, s.heading, s.modality) for s in sections]
    [(0, '', None), (1, '过去一年的主要工作', 'completed'), (2, '一、依法监督', 'completed'), (1, '2023年工作安排', 'planned')]
    >>> [(s.text, s.section, s.modality) for s in sentences][2:]
    [('开展了执法检查。', 2, 'completed'), ('2023年工作安排', 3, None), ('要听取审议报告。', 3, 'planned')]
    """
    text = doc.text
    lines = _logical_lines(text)
    rows = _sections(text, lines)
    # order by start, outer before inner at the same start (the row order keeps parents first)
    order = sorted(range(len(rows)), key=lambda i: (rows[i][0], rows[i][2]))
    renum = {old: new for new, old in enumerate(order)}
    rows = [rows[i][:4] + [renum.get(rows[i][4], -1)] for i in order]

    # modality: set by level-1 headings, or by level-2 ones until a level-1 one has spoken
    state: str | None = None
    by_part = False
    modalities: list[str | None] = []
    first_line = min((r[0] for r in rows if r[2]), default=-1)
    for start, _end, level, heading, _parent in rows:
        if level == 1 or (level == 2 and not by_part):
            cue = heading_modality(heading)
            if cue:
                state = cue
                # the document's title line (**区人大常委会2024年上半年工作总结) sets the tone
                # but its 一、 parts may still turn to plans (五、下半年工作打算)
                by_part = level == 1 and not (start == first_line and not text[:start].strip())
        modalities.append(state if level else None)
    _enumeration_intros(text, rows, modalities)

    sections = tuple(
        Section(i, heading, level, start, end, modalities[i])
        for i, (start, end, level, heading, _p) in enumerate(rows)
    )

    starts = [r[0] for r in rows]
    sentences = []
    for start, end in _sentence_spans(text, starts[1:], lines):
        # innermost section: the last one starting at or before the sentence that still
        # contains it (walk up the parents; sections nest)
        i = bisect.bisect_right(starts, start) - 1
        while i > 0 and rows[i][1] <= start:
            i = rows[i][4]
        part = text[start:end]
        sentences.append(Sentence(len(sentences), start, end, part, i, modality_cue(part)))
    return sections, tuple(sentences)


# --------------------------------------------------------------------------- keywords


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    # jieba.load_userdict would take the '#' header lines for words, so add them one by one
    for row in load_tsv("jieba_user.txt"):
        word, *rest = row[0].split()
        freq = int(rest[0]) if rest and rest[0].isdigit() else None
        jieba.add_word(word, freq, rest[-1] if len(rest) > 1 else None)
    stop = frozenset(load_toml("headings.toml").get("keywords", {}).get("stop", ()))
    return jieba.analyse, stop


def keywords(text: str, k: int = 8) -> list[str]:
    """Up to ``k`` topic keywords of ``text`` by jieba's TF-IDF, genre stop words left out.

    >>> kw = keywords("听取和审议区政府关于生态环境保护工作情况的报告，开展水污染防治法执法检查，生态环境持续改善", k=3)
    >>> "生态环境" in kw
    True
    """
    analyse, stop = _jieba()
    out: list[str] = []
    for word in analyse.extract_tags(text, topK=k + len(stop)):
        if word not in stop and not word.isdigit():
            out.append(word)
            if len(out) == k:
                break
    return out
