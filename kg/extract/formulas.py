"""Political formulas and slogans (两个确立, “三个一批”, “察民情、解民忧、帮民困”).

Two passes over each sentence:

1. quotes: every “…” is judged by general criteria kept in ``formula_rules.toml``
   (parallel structure, numeral-led, known lexicon, governing verb before it, formula
   words after it); quotes that mark emphasis, cite an instrument or name a programme
   are left out;
2. lexicon: formulas of ``formulas.tsv`` with mode ``any`` found unquoted.

A quoted triplet of actors and their parts (群众“点菜”、政府“端菜”、代表“评菜”) is one slogan;
members of a numbered formula (政治机关 of the 四个机关) count unquoted in a sentence that
names the formula. A single line break inside a sentence (PDF copies break lines every few
dozen characters, also inside quotes: “十\\n年禁渔”) is read as if absent (offsets unchanged).

Rule ids: ``formulas.lexicon``, ``formulas.lexicon_quoted``, ``formulas.parallel``,
``formulas.numbered``, ``formulas.plus``, ``formulas.code``, ``formulas.reduplicated``, ``formulas.series``,
``formulas.governed``, ``formulas.actor_series``, ``formulas.member``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.rules import derived, load_toml, load_tsv
from kg.records import Document, Mention, Sentence

QUOTE = re.compile(r"“([^“”\n]{1,60})”")
_ASCII_QUOTE = re.compile(r'"([^"“”\n]{1,60})"')
_SPACE = re.compile(r"\s+")
_PARTS = re.compile(r"[、，,—→]")
_FINAL_AND = re.compile(r"[和及与]")
_PLUS_WORDS = re.compile(r"[\u3400-\u9fff]{2,8}(?:[+＋][\u3400-\u9fff]{2,8})+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def curly(text: str) -> str:
    """``text`` with paired half-width quotes turned into “…” (same length, same offsets).

    Web copies keep ASCII quotes ("四个意识"); every pass reads quotes as “…”.

    >>> curly('树立"四个意识"，坚定“四个自信”')
    '树立“四个意识”，坚定“四个自信”'
    """
    if '"' not in text:
        return text
    return _ASCII_QUOTE.sub(lambda m: "“" + m.group(1) + "”", text)


def unbreak(text: str) -> tuple[str, list[int] | None]:
    r"""``text`` without single line breaks, and the offset map back into ``text``.

    PDF copies break a sentence every few dozen characters (“十\n年禁渔”, 闭环管\n理机制);
    names and quotes are read across such breaks. The map is None when nothing was removed.

    >>> unbreak("落实“十\n年禁渔”要求")
    ('落实“十年禁渔”要求', [0, 1, 2, 3, 5, 6, 7, 8, 9, 10])
    """
    if "\n" not in text:
        return text, None
    keep = [i for i, ch in enumerate(text) if ch != "\n" or (0 < i < len(text) - 1 and text[i + 1] == "\n")]
    if len(keep) == len(text):
        return text, None
    return "".join(text[i] for i in keep), keep


def span_back(offsets: list[int] | None, a: int, b: int) -> tuple[int, int]:
    """Offsets [a, b) of an unbroken text mapped back to the text with its line breaks."""
    if offsets is None:
        return a, b
    return offsets[a], offsets[b - 1] + 1


def clean_label(text: str) -> str:
    """Normalised label of a quoted or bare formula: quotes and spaces gone, 、 kept.

    >>> clean_label("“不忘初心、 牢记使命”")
    '不忘初心、牢记使命'
    """
    return _SPACE.sub("", text).strip("“”‘’\"'「」")


@derived
def _config():
    rules = load_toml("formula_rules.toml")
    lex: dict[str, tuple[str, str]] = {}  # surface -> (canonical label, mode)
    for row in load_tsv("formulas.tsv"):
        label, mode = row[0], (row[1] if len(row) > 1 and row[1] else "any")
        aliases = [a for a in (row[2].split("|") if len(row) > 2 else []) if a]
        for surface in (label, *aliases):
            lex[surface] = (label, mode)
    bare = sorted((s for s, (_, mode) in lex.items() if mode == "any"), key=len, reverse=True)
    return {
        "rules": rules,
        "lexicon": lex,
        "bare": re.compile("|".join(map(re.escape, bare))) if bare else None,
        "plan": re.compile(rules["plan_period_pattern"]),
        "measure": re.compile(rules["measure_before_pattern"]),
        "numerals": frozenset(rules["numerals"]),
        "stop": frozenset(rules["stop_words"]),
        "verbs": tuple(sorted(rules["governing_verbs"], key=len, reverse=True)),
        "follow": tuple(sorted(rules["formula_followers"], key=len, reverse=True)),
        "prog_follow": tuple(sorted(rules["programme_followers"], key=len, reverse=True)),
        "prog_end": tuple(rules["programme_endings"]),
        "inst_follow": tuple(rules["instrument_followers"]),
        "inst_end": tuple(rules["instrument_endings"]),
        "gaps": frozenset(rules["run_gaps"]),
        "transform": frozenset(rules["transform_gaps"]),
        "corr_gap": re.compile(rules["correlative_gap_pattern"]),
        "corr_head": tuple(rules["correlative_heads"]),
        "rating": re.compile(rules["rating_pattern"]),
        "numeric_plus": re.compile(rules["numeric_plus_pattern"]),
        "code": re.compile(rules["code_pattern"]),
        "code_follow": tuple(rules["code_followers"]),
        "idiom": re.compile(rules["idiom_pattern"]),
        "time_led": re.compile(rules["time_led_pattern"]),
        "observance": re.compile(rules["observance_pattern"]),
        "problem_follow": tuple(rules["problem_followers"]),
        "date_only": re.compile(rules["date_only_pattern"]),
        "title_like": re.compile(rules["title_like_pattern"]),
        "edu_follow": tuple(rules["education_campaign_followers"]),
        "members": _members(lex),
        "actor": re.compile(rules["actor_series_pattern"]),
        "project_tail": re.compile(rules["project_run_tail_pattern"]),
    }


def _members(lex: dict[str, tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    # "quoted>四个机关": a member of 四个机关, also found unquoted where the sentence names it
    out: dict[str, list[str]] = {}
    for surface, (_, mode) in lex.items():
        if ">" in mode:
            out.setdefault(mode.split(">", 1)[1], []).append(surface)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def is_parallel(content: str) -> bool:
    """True for balanced parallel phrases split by 、 or ，.

    >>> is_parallel("察民情、解民忧、帮民困"), is_parallel("员额法官、员额检察官民主评议")
    (True, False)
    """
    cfg = _config()["rules"]
    parts = _PARTS.split(content)
    if len(parts) >= 2 and _FINAL_AND.search(parts[-1]) and all(p[:1] in _config()["numerals"] for p in parts):
        # 五个严禁、十七个不准和五个一律: numbered parts, the last pair joined by 和
        last = _FINAL_AND.split(parts.pop(), 1)
        if last[1][:1] not in _config()["numerals"]:
            return False
        parts += last
    if len(parts) < 2 or any(not p for p in parts):
        return False
    sizes = [len(p) for p in parts]
    return max(sizes) <= cfg["parallel_part_max"] and max(sizes) - min(sizes) <= cfg["max_part_spread"]


def _subject_led(content: str) -> bool:
    """A parallel list whose first part carries the shared subject: the parts after the first
    are of one length k (at least two of them) and the first part is k plus a subject of at
    most subject_led_max characters (“干部带头讲政策、进农户、解难题”).

    >>> _subject_led("干部带头讲政策、进农户、解难题"), _subject_led("员额法官、员额检察官民主评议")
    (True, False)
    """
    rules = _config()["rules"]
    parts = _PARTS.split(content)
    if len(parts) < 3 or not all(parts):
        return False
    rest = {len(p) for p in parts[1:]}
    if len(rest) != 1:
        return False
    k = rest.pop()
    extra = len(parts[0]) - k
    return 2 <= k <= 4 and 1 <= extra <= rules["subject_led_max"] and all(_CJK.match(ch) for ch in parts[0])


def _reduplicated(c: str) -> bool:
    # 知情知政, 敢闯敢干, 提标提速提能力: a character repeated at a stride of two
    return len(c) >= 4 and any(c[i] == c[i + 2] and _CJK.match(c[i]) for i in range(len(c) - 2))


def judge_quote(content: str, before: str, after: str, in_run: bool = False) -> str | None:
    """Rule id when a quoted text is a formula or slogan, else None.

    ``before`` and ``after`` are the sentence text around the quote marks; ``in_run``
    says the quote stands in a run of quotes that enumerate slogans.

    >>> judge_quote("四个意识", "增强", "，坚定")
    'formulas.lexicon'
    >>> judge_quote("闭环", "构筑监督", "体系") is None
    True
    """
    cfg = _config()
    c = clean_label(content)
    rules = cfg["rules"]
    if not c or "。" in c or len(c) > rules["max_len"] or c in cfg["stop"] or cfg["idiom"].match(c):
        return None  # “两院”, “一督到底”, “一交了之”: abbreviations and idioms
    if after.startswith("+") or cfg["plan"].match(c):
        return None  # “五位一体”+问题清单制: part of a composite model name; “八五”: a plan
    if cfg["title_like"].search(c):
        return None  # “关于加快停车设施建设的建议”: the title of a suggestion or report
    if c.endswith(cfg["inst_end"]) or after.startswith(cfg["inst_follow"]):
        return None  # 一法一条例, “双联系、双提升、双评议”实施办法: instruments
    if c.endswith(cfg["prog_end"]) or c in _programme_words():
        return None  # “两个专项行动”, “三会一课”, “十件实事”: programmes
    if cfg["rating"].match(c):
        return None  # “五星级”代表联络站: a rating, not a formula
    if (after.startswith(cfg["problem_follow"]) and c not in cfg["lexicon"]) or cfg["date_only"].match(c):
        return None  # 存在“文来文往”现象: a problem described (“四风”问题 is known); “七一”讲话: a date
    if _PLUS_WORDS.fullmatch(c):
        return None  # “审议+询问+测评”: a working method, a programme (seed 000)
    if is_parallel(c):
        return "formulas.parallel"
    if _subject_led(c):
        return "formulas.parallel.subject_led"  # “党员亮身份、进社区、办实事”: the subject heads part one
    if c in cfg["lexicon"] and after.startswith(cfg["edu_follow"]):
        # “三严三实”专题教育: a campaign named by a formula names the formula too (seed 003)
        return "formulas.lexicon" if cfg["lexicon"][c][1] == "any" else "formulas.lexicon_quoted"
    if after.startswith(cfg["prog_follow"]) and not (after.startswith("方式") and "+" not in c):
        return None  # “第一议题”制度, “放管服”改革; “四不两直”方式 stays a formula
    if cfg["measure"].search(before):
        return None  # 一座“连心桥”
    if c in cfg["lexicon"]:
        return "formulas.lexicon" if cfg["lexicon"][c][1] == "any" else "formulas.lexicon_quoted"
    if c[0] in cfg["numerals"] and 2 <= len(c) <= rules["numbered_max_len"] and not cfg["time_led"].match(c) \
            and not cfg["observance"].search(c):
        return "formulas.numbered"
    if c.endswith("+") and len(c) >= 3:
        return "formulas.plus"  # “互联网+”
    if cfg["numeric_plus"].match(c):
        return "formulas.plus"  # “1+6”联络站点体系, “1+N”
    if cfg["code"].match(c):
        return "formulas.code" if after.startswith(cfg["code_follow"]) else None  # 州委“3815”发展战略
    if len(c) <= 2:
        return None  # “公益”, “闭环”: emphasis on an ordinary word
    if _reduplicated(c):
        return "formulas.reduplicated"
    if in_run:
        return "formulas.series"
    if before.endswith(cfg["verbs"]) or after.startswith(cfg["follow"]):
        return "formulas.governed"
    return None


@derived
def _programme_words() -> frozenset[str]:
    # known programmes that look like numbered formulas (三会一课) belong to programmes
    try:
        data = load_toml("programmes.toml")
    except FileNotFoundError:
        return frozenset()
    return frozenset(entry["label"] for entry in data.get("known", []))


def _runs(matches: list[re.Match], text: str) -> set[int]:
    """Indexes of quotes standing in a run that enumerates slogans.

    A run is three or more quotes in a row, or two in a 从“A”向“B” / “A”与“B”相结合 /
    “A”变成“B” / 既要“A”，又要“B” frame.
    """
    cfg = _config()
    gaps = cfg["gaps"]
    groups: list[list[int]] = []
    for i, m in enumerate(matches):
        if groups and len(groups[-1]) == 1 and _pair_frame(text, matches[groups[-1][-1]], m):
            groups[-1].append(i)  # 既要“A”，又要“B”: a catch-pair across a comma
        elif groups and text[matches[groups[-1][-1]].end():m.start()] in gaps:
            groups[-1].append(i)
        else:
            groups.append([i])
    out: set[int] = set()
    for g in groups:
        if cfg["project_tail"].match(text, matches[g[-1]].end()):
            continue  # “…加装电梯”“…口袋公园建设”等项目: named local projects, not slogans
        if len(g) >= 3:
            out.update(g)
        elif len(g) == 2:
            first, second = matches[g[0]], matches[g[1]]
            gap = text[first.end():second.start()]
            head = text[max(0, first.start() - 12):first.start()]
            tail = text[second.end():second.end() + 6]
            if (gap in ("向", "转向", "到", "变为") and ("从" in head or "由" in head)) \
                    or tail.startswith(("相结合", "并重", "结合")) or gap in cfg["transform"] \
                    or _pair_frame(text, first, second):
                out.update(g)
    return out


def _pair_frame(text: str, first: re.Match, second: re.Match) -> bool:
    # 既要“敢于监督”，又要“善于监督”: the correlative frame makes the two quotes a pair
    cfg = _config()
    gap = text[first.end():second.start()]
    return 0 < len(gap) <= 5 and bool(cfg["corr_gap"].fullmatch(gap)) \
        and text[max(0, first.start() - 4):first.start()].endswith(cfg["corr_head"])


def extract_formulas(doc: Document, sentences: Sequence[Sentence]) -> list[Mention]:
    """Formula and slogan mentions of a document, one per occurrence.

    >>> from kg.records import Document, Sentence
    >>> t = "增强“四个意识”，推进“三心融合”，构筑“闭环”体系。"
    >>> d = Document("x", "x.txt", t, "", (), "")
    >>> [m.label for m in extract_formulas(d, [Sentence(0, 0, len(t), t, 0, None)])]
    ['四个意识', '三心融合']
    """
    cfg = _config()
    out: list[Mention] = []
    for s in sentences:
        text, offsets = unbreak(curly(s.text))

        def add(a: int, b: int, label: str, rule: str, quoted: str) -> None:
            x, y = span_back(offsets, a, b)
            numbered = "1" if label[0] in cfg["numerals"] or label[0].isdigit() or label.startswith("第") else "0"
            out.append(Mention("formula", s.start + x, s.start + y, s.text[x:y], label, rule, s.index,
                               (("numbered", numbered), ("quoted", quoted))))

        taken: list[tuple[int, int]] = []
        if "“" in text:
            for m in cfg["actor"].finditer(text):
                # 群众“点菜”、政府“端菜”、代表“评菜”: actors and their quoted parts, one slogan
                parts = QUOTE.findall(m.group(0))
                actors = re.findall(r"([\u3400-\u9fff]{2})“", m.group(0))
                if len({len(p) for p in parts}) == 1 and not any(
                        p in cfg["lexicon"] or p[0] in cfg["numerals"] for p in parts) \
                        and not any(a in cfg["verbs"] for a in actors):
                    taken.append(m.span())
                    add(m.start(), m.end(), clean_label(m.group(0).replace("“", "").replace("”", "")),
                        "formulas.actor_series", "1")
            matches = [m for m in QUOTE.finditer(text) if not any(a <= m.start() < b for a, b in taken)]
            in_run = _runs(matches, text)
            for i, m in enumerate(matches):
                taken.append(m.span())
                rule = judge_quote(m.group(1), text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 8],
                                   i in in_run)
                if rule is not None:
                    add(m.start(), m.end(), clean_label(m.group(1)), rule, "1")  # resolve folds variants
        if cfg["bare"] is not None:
            for m in cfg["bare"].finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken) or _inside_title(text, m.start()):
                    continue
                taken.append(m.span())
                add(m.start(), m.end(), m.group(0), "formulas.lexicon", "0")
        for parent, members in cfg["members"].items():
            if parent not in text:
                continue
            for member in members:  # 按照政治机关、权力机关…“四个机关”的定位
                for p in _find_all(text, member):
                    if not any(a < p + len(member) and p < b for a, b in taken):
                        taken.append((p, p + len(member)))
                        add(p, p + len(member), member, "formulas.member", "0")
    return out


def _find_all(text: str, word: str) -> list[int]:
    out, p = [], text.find(word)
    while p >= 0:
        out.append(p)
        p = text.find(word, p + 1)
    return out


def _inside_title(text: str, pos: int) -> bool:
    # inside 《…》: part of an instrument's title, not a formula invoked
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)
