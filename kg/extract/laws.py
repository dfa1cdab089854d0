"""Law and instrument mentions: titles in marks, bare names, formulas and back-references.

Spans: a marked title's span is the text *inside* the book-title marks (the marks are
not part of ``Mention.text``), so ``text`` is the title as written. A suffix written
after the closing mark (《…条例》（草案）) goes into the label, not the span.

Forms (attr ``form``), tried in this order; a later form never overlaps an earlier one:

- ``marked``: 《…》, with nested 〈〉 <> ‹› 《《》》 titles giving the inner title too;
  only titles ending in an instrument word (``law_rules.toml: instrument_words``).
- ``bare``: lexicon documents (党章, 党的二十大报告, 市委实施意见), registry names
  (环境保护法, 宪法), 关于…的意见 titles, unmarked local titles ending in a compound
  suffix (…议事规则, …考核办法, “十四五”规划) cut on the left at punctuation or a
  governing verb, and unlisted X法 followed by 实施情况 / 执法检查.
- ``formula``: 安全生产“一法一条例”, one mention with attrs stem and formula.
- ``coordinated``: X法及其实施条例 gives X法实施条例 as well.
- ``backref``: 该法, 本条例, 上述法律, 两法, 《条例》 take the label of the latest
  earlier title of the same kind; with none, no mention.

Rule ids: laws.title_marks, laws.title_marks.nested, laws.title_marks.backref,
laws.lexicon.<id>, laws.lexicon.organ_opinion.split (省委、市委实施意见: one each),
laws.formula, laws.registry, laws.bare_guanyu, laws.bare_suffix, laws.bare_period
(“十三五”脱贫攻坚规划), laws.bare_opinion (…审议意见落实情况), laws.bare_made (plain
办法/规定… right after 制定/出台…), laws.bare_context, laws.coordinated, laws.backref,
laws.implementing (江西省实施《…法》办法: one title, the law inside not split out),
laws.bare_guanyu.adopted (作出关于批准…决算的决议: a procedural 决议 the organ adopts).
Filters (no mention): laws.generic.deictic (我省实施办法: a deictic place and an instrument
word name no title), laws.generic.level_class (自治州、自治县单行条例: a class of
legislation); a quoted period plan starts at its quote unless a place precedes it
(全面建成小康社会和“十三五”规划 -> “十三五”规划).
Words and patterns live in ``kg/data/law_rules.toml``.

Also: a 法 registry name before 和/及/、 ends a conjunct (义务教育法和…条例 are two); a named
place before a registry name makes a local title (江西省信访条例); a draft mention carries
its final title in attr ``base`` and takes it as label when the document also names the
instrument without the draft suffix; ``antecedent(m, mentions)`` gives a back-reference's
full title.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from kg.extract.rules import derived, load_toml, load_tsv
from kg.records import Document, Mention, Sentence

_KIND = "law"
_OPEN, _CLOSE = "《", "》"
_INNER = re.compile(r"[〈<‹«＜]\s*([^〈〉<>‹›«»＜＞《》]+?)\s*[〉>›»＞]")
_QUOTE_OPEN = set("“‘\"「『")
_QUOTE_PAIRS = {"”": "“", "’": "‘", '"': '"', "」": "「", "』": "『"}
_EDGE_CHARS = set("，。；：！？、,.;:!?（）()【】[]《》〈〉<>\n\t \u3000/|·…—-")
_CJK = re.compile(r"[\u3400-\u9fff*＊]")
_TRAIL_PAREN = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
_MAX_BARE = 40


def _rules() -> dict:
    return load_toml("law_rules.toml")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@derived
def _compiled() -> dict:
    """Every regex and word set of the rules file, built once."""
    r = _rules()
    bare = r["bare"]
    suffix_alt = "|".join(f"(?:{t['pattern']})" for t in r["title_suffix"])
    draft_re = re.compile("|".join(f"(?:{t['pattern']})" for t in r["title_suffix"] if t.get("draft")))
    instrument = sorted(set(r["instrument_words"]), key=len, reverse=True)
    c = {
        "instrument": instrument,
        "false_friends": tuple(r["false_friends"]),
        "backref_titles": set(r["backref_titles"]),
        # （草案） inside or after the marks; 草案 bare right after the marks or a bare title
        "suffix_paren": re.compile(rf"[（(]\s*(?P<s>{suffix_alt})\s*[）)]"),
        "suffix_end": re.compile(rf"[（(]\s*(?P<s>{suffix_alt})\s*[）)]\s*$"),
        "suffix_bare": re.compile(r"(?P<s>(?:修正|修订)?草案|修正案(?:草案)?)"),
        "draft": draft_re,
        "governing": set(bare["governing_words"]),
        "gov_lens": sorted({len(w) for w in bare["governing_words"]}, reverse=True),
        "conj": sorted(bare["conjunctions"], key=len, reverse=True),
        "conj_enders": tuple(bare["conjunct_enders"]),
        # a left conjunct ending like a title is one: 议事规则和工作规则 are two
        "title_enders": tuple(w for w in set(r["instrument_words"]) | set(bare["suffixes"]) if len(w) >= 2),
        "stem_edges": frozenset(r["formula"]["stem_edges"]),
        "generic": re.compile(rf"^(?:{_alt(bare['generic_words'])}|[0-9０-９])+$"),
        "suffix_re": re.compile(rf"(?:{_alt(bare['suffixes'])})"),
        "weak_re": re.compile(rf"(?:{_alt(bare['weak_suffixes'])})"),
        "strong": tuple(bare["strong_verbs"]),
        "weak_followers": set(bare["weak_followers"]),
        "not_instruments": tuple(r["not_instruments"]),
        "after_quote": re.compile(rf"(?<=[”\"’])(?:{_alt(bare['after_quote'])})"),
        "place_prefixes": tuple(sorted(bare["place_prefixes"], key=len, reverse=True)),
        "guanyu": re.compile(
            r"关于(?:(?!关于)[^，。；：！？,;:!?\n《》]){2,60}?的"
            r"(?:实施意见|指导意见|若干意见|审议意见|实施办法|实施细则|若干措施|意见|决定|决议|通知|规定|办法|规划|方案|条例)"
            r"(?!建议)"),
        "guanyu_skip": tuple(bare["guanyu_skip"]),
        "adopt_verbs": tuple(bare.get("adopt_verbs", ())),
        "adopt_unskips": tuple(bare.get("adopt_unskips", ())),
        "level_class": re.compile(
            rf"^(?:(?:{_alt(bare.get('level_class_levels', ['省']))})级?[、和及与]?)+"
            rf"(?:{_alt(bare.get('level_class_words', ['单行']))})+$"),
        "period_quote": re.compile(r'[“"‘](?:十[一二三四五六七八九]五|[一二三四五六七八九]五)[”"’]'),
        "context": re.compile(rf"法(?=(?:{_alt(r['context']['after'])}))"),
        "right_stop": set(r["registry"]["right_stop"]),
        "guard_len": int(r["registry"]["guard_len"]),
        "guard_exempt": set(r["registry"]["guard_exempt"]),
        "exempt_left_stop": set(r["registry"].get("exempt_left_stop", "")),
        "place_suffixes": tuple(sorted(bare["place_suffixes"], key=len, reverse=True)),
        "deictic": tuple(bare.get("deictic_prefixes", ())),
        "period_plan": re.compile(r["period_plan"]["pattern"]),
        "yearly_plan": re.compile(r["yearly_plan"]["pattern"]),
        "yearly_basis": re.compile(r["yearly_plan"]["basis"]),
        "yearly_joined": re.compile(r["yearly_plan"]["joined"]),
        "opinion": re.compile(rf"审议意见(?=的?(?:{_alt(r['opinion']['after'])}))"),
        "issuer_enders": tuple(r["opinion"]["issuer_enders"]),
        "opinion_heads": tuple(r["opinion"]["heads"]),
        "opinion_report_topics": tuple(r["opinion"].get("report_topics", ())),
        "opinion_organ_only": re.compile(r["opinion"].get("organ_only", "(?!)")),
        "counted_class": re.compile(bare.get("counted_class", "(?!)")),
        "organ_only": re.compile(bare.get("organ_only_re", "(?!)")),
        "organ_only_words": tuple(bare.get("organ_only_words", ())),
        "generic_plan_heads": tuple(bare["generic_plan_heads"]),
        "generic_plan_words": tuple(bare["generic_plan_words"]),
        "organ_split": re.compile(
            rf"(?P<run>(?:{r['organ_split']['organ']}(?:以及|[、和及]))+){r['organ_split']['organ']}"
            rf"(?P<w>{r['organ_split']['word']})"),
        "organ_one": re.compile(r["organ_split"]["organ"]),
        "implementing": re.compile(rf"(?:{_alt(r['implementing']['words'])})"),
        "implementing_inner": re.compile(
            rf"实施\s*[〈<‹«＜《][^〈〉<>‹›«»＜＞《》]+[〉>›»＞》]\s*(?:{_alt(r['implementing']['words'])})$"),
        # one pass per sentence: each entry is a named group of one alternation
        "lexicon": re.compile("|".join(f"(?P<g{i}>{e['pattern']})" for i, e in enumerate(r["lexicon"]))),
        "lexicon_rules": {f"g{i}": f"laws.lexicon.{e['id']}" for i, e in enumerate(r["lexicon"])},
        "backrefs": re.compile("|".join(f"(?P<g{i}>{e['pattern']})" for i, e in enumerate(r["backref"]))),
        "backref_info": {f"g{i}": (e.get("word"), int(e.get("count", 1))) for i, e in enumerate(r["backref"])},
        "formula": re.compile(r["formula"]["pattern"]),
        "issuers": dict(r.get("issuers", {})),
        "issuer_re": re.compile(rf"(?:{_alt(r.get('issuers', {}) or ['(?!)'])})$"),
    }
    # every rule needs one of these characters: the last one of an instrument word,
    # a book-title mark, or the 该/本/此/两/上述 of a back-reference
    ends = {w[-1] for w in r["instrument_words"] + bare["suffixes"] + bare["weak_suffixes"]}
    ends |= set(_OPEN) | set("该本此两述") | {n[-1] for n in registry_names()}
    c["hint"] = re.compile(f"[{re.escape(''.join(sorted(ends)))}]")
    return c


@lru_cache(maxsize=1)
def registry_names() -> frozenset[str]:
    """Every name the bare-name rule looks for: short names, full titles and aliases.

    >>> {"环境保护法", "中华人民共和国环境保护法", "宪法"} <= registry_names()
    True
    """
    names: set[str] = set()
    for row in load_tsv("laws.tsv"):
        names.update(row[:2])
        if len(row) > 6 and row[6]:
            names.update(row[6].split("|"))
    names.update(row[0] for row in load_tsv("law_aliases.tsv") if row and row[0])
    # names with marks inside are only ever written marked, and one-character names are noise
    return frozenset(n for n in names if len(n) >= 2 and _OPEN not in n)


@lru_cache(maxsize=1)
def _registry_index() -> tuple[re.Pattern, dict[str, tuple[int, ...]]]:
    """Names indexed by their last two characters: one cheap probe per candidate end."""
    ends: dict[str, set[int]] = {}
    for n in registry_names():
        ends.setdefault(n[-2:], set()).add(len(n))
    last = "".join(sorted({k[-1] for k in ends}))
    return re.compile(f"[{re.escape(last)}]"), {k: tuple(sorted(v, reverse=True)) for k, v in ends.items()}


# ---------------------------------------------------------------- small helpers


def _split_suffix(title: str) -> tuple[str, str | None]:
    """(title without a trailing （草案）-like suffix, the suffix or None).

    >>> _split_suffix("市危险废物污染环境防治条例(草案)")
    ('市危险废物污染环境防治条例', '草案')
    >>> _split_suffix("市国土空间总体规划（2021-2035年）")
    ('市国土空间总体规划（2021-2035年）', None)
    """
    c = _compiled()
    m = c["suffix_end"].search(title)
    if m:
        return title[: m.start()].rstrip(), m["s"]
    for word in ("修正草案", "修订草案", "草案"):
        if title.endswith(word) and len(title) > len(word) + 1:
            return title[: -len(word)], word
    return title, None


def _instrument_word(core: str) -> str | None:
    """The instrument word a title ends with (after any parenthesised note), or None."""
    c = _compiled()
    bare = _TRAIL_PAREN.sub("", core)
    if bare.endswith(c["not_instruments"]):
        return None
    for word in c["instrument"]:
        if bare.endswith(word):
            if word == "法" and bare.endswith(c["false_friends"]):
                return None
            return word
    return None


def is_instrument_title(title: str) -> bool:
    """True when a marked title names an instrument rather than a book or speech.

    >>> is_instrument_title("中华人民共和国水污染防治法"), is_instrument_title("习近平谈治国理政")
    (True, False)
    >>> is_instrument_title("某某条例（草案）"), is_instrument_title("工作方法")
    (True, False)
    """
    core, _ = _split_suffix(title.strip())
    return _instrument_word(core) is not None


def _attrs(form: str, suffix: str | None = None, **extra: str) -> tuple[tuple[str, str], ...]:
    out = {"form": form, **extra}
    if suffix:
        out["suffix"] = suffix
        if _compiled()["draft"].fullmatch(suffix):
            out["draft"] = "1"
    return tuple(sorted(out.items()))


def _core(label: str) -> str:
    return _split_suffix(label)[0]


def _left_edge(s: str, pos: int, floor: int = 0, extra: frozenset[str] = frozenset()) -> int:
    """Start of the unmarked title that ends at ``pos``: scan left to an edge.

    Edges: punctuation, digits (unless a year 2023年), a governing word, 的, and a
    conjunction whose left conjunct is a report, task or title (…情况和…, …规则和…), and
    any word of ``extra``. Quoted stretches
    (“双联系、双提升”) are stepped over whole.

    >>> s = "制定完善了常委会议事规则"
    >>> s[_left_edge(s, len(s) - 4):]
    '常委会议事规则'
    """
    c = _compiled()
    gov, lens = c["governing"], c["gov_lens"]
    lo = max(floor, pos - _MAX_BARE - 1)
    i = pos
    while i > lo:
        ch = s[i - 1]
        if ch in _QUOTE_PAIRS:
            j = s.rfind(_QUOTE_PAIRS[ch], lo, i - 1)
            if j < 0:
                break
            i = j
            continue
        if ch.isdigit():
            if s[i:i + 1] != "年":
                break
            while i > lo and s[i - 1].isdigit():
                i -= 1
            continue
        if ch in _EDGE_CHARS or ch == "的":
            break
        if any(s[i - n:i] in gov for n in lens if i - n >= lo):
            break
        conj = next((w for w in c["conj"] if s[i - len(w):i] == w), None)
        if conj and (s[:i - len(conj)].endswith(c["conj_enders"] + c["title_enders"])
                     or _ends_with_law(s, i - len(conj))):
            break
        if extra and any(s[i - n:i] in extra for n in (2, 3, 4) if i - n >= lo):
            break
        i -= 1
    return i


def _ends_with_law(s: str, j: int) -> bool:
    """A registry law name of three or more characters ends at ``j``: 义务教育法和… is a
    left conjunct of its own (but not 司法和…, whose 司法 names no law).

    >>> _ends_with_law("依据选举法和", 5), _ends_with_law("司法和", 2)
    (True, False)
    """
    _end_re, ends = _registry_index()
    names = registry_names()
    ff = _compiled()["false_friends"]
    for n in ends.get(s[max(0, j - 2):j], ()):
        if n >= 3 and j - n >= 0 and s[j - n:j] in names and not s[j - n:j].endswith(ff):
            return True
    return False


def _is_place(x: str) -> bool:
    """Text before a title names a place: 省, 本市, **县, 江西省, 内蒙古自治区."""
    c = _compiled()
    return bool(x) and (x.startswith(c["place_prefixes"]) or x.endswith(c["place_suffixes"]))


def _is_generic(x: str) -> bool:
    """Text before a suffix that names no instrument: 相关, 8部, 我省 (laws.generic.deictic),
    自治县单行 (laws.generic.level_class).

    >>> _is_generic("有关"), _is_generic("我省"), _is_generic("自治州、自治县单行"), _is_generic("我省养老服务")
    (True, True, True, False)
    """
    c = _compiled()
    plain = re.sub(r"[“”‘’\"「」『』]", "", x)
    # a conjunction at the edge after a marked title (《…法》和我省实施办法) joins, it names nothing
    plain = plain[next((len(w) for w in c["conj"] if plain.startswith(w) and len(plain) > len(w)), 0):]
    deictic = next((d for d in c["deictic"] if plain.startswith(d)), "")
    if deictic:
        plain = plain[len(deictic):]
        if not plain:
            return True
    return len(plain) < 2 or bool(c["generic"].match(plain)) or bool(c["level_class"].match(plain)) \
        or bool(_COUNTED.match(plain))


# 两部条例, 三项办法: a count of instruments, no title (laws.generic)
_COUNTED = re.compile(r"^[两二三四五六七八九十几多]+[部项个件条]$")


def _has_place_prefix(x: str) -> bool:
    return x.startswith(_compiled()["place_prefixes"])


# ---------------------------------------------------------------- the passes


class _Sent:
    """One scanning unit: a sentence, or the sentences of one hard-wrapped paragraph
    (``_units``), with the stretches already taken. Offsets ``a``/``b`` are into the
    unit's text: the pieces' texts joined without the hard line breaks between them."""

    def __init__(self, pieces, doc_text: str):
        self.pieces = pieces  # (document offset, text, sentence index)
        self.s = pieces[0]
        self.doc_text = doc_text
        self.text = pieces[0][1] if len(pieces) == 1 else "".join(p[1] for p in pieces)
        self.vstarts = [0]
        for p in pieces[:-1]:
            self.vstarts.append(self.vstarts[-1] + len(p[1]))
        self.taken = bytearray(len(self.text))
        self.found: list[Mention] = []

    def _piece(self, a: int) -> int:
        return bisect_right(self.vstarts, a) - 1 if len(self.pieces) > 1 else 0

    def pos(self, a: int) -> int:
        """Document offset of unit offset ``a`` (a start)."""
        j = self._piece(a)
        return self.pieces[j][0] + a - self.vstarts[j]

    def end_pos(self, b: int) -> int:
        """Document offset of unit offset ``b`` (an end, exclusive)."""
        return self.pos(b - 1) + 1 if b > 0 else self.pos(0)

    def free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def take(self, a: int, b: int) -> None:
        self.taken[a:b] = b"\x01" * (b - a)

    def add(self, a: int, b: int, label: str, rule: str, attrs) -> Mention:
        if len(self.pieces) == 1:
            base, _t, index = self.s
            m = Mention(_KIND, base + a, base + b, self.text[a:b], label, rule, index, attrs)
        else:
            start, end = self.pos(a), self.end_pos(b)
            m = Mention(_KIND, start, end, self.doc_text[start:end], label, rule,
                        self.pieces[self._piece(a)][2], attrs)
        self.found.append(m)
        return m


_FINAL = set("。！？；：!?;:")
_WRAP_MIN = 20
_NEWLINE = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")


def _units(doc_text: str, sentences) -> list[list[tuple[int, str, int]]]:
    """laws.wrapped_line: text copied from a PDF carries hard line breaks (every ~38
    characters), also inside titles (《中华人民共和国安全生产\n法》) and names (长江\n保护法).
    A line break is a hard wrap when the line before it is long (a full text line, not a
    heading), does not end a sentence and the next line is not blank; the text is scanned
    with such breaks removed, whether they fall inside a sentence or between two. Each unit
    is a list of pieces (document offset, text, sentence index)."""
    out: list[list[tuple[int, str, int]]] = []
    prev = None
    for s in sorted(sentences, key=lambda x: x.start):
        pieces = _pieces(doc_text, s)
        if prev is not None and out and _hard_wrap(doc_text, prev.end, s.start):
            out[-1].extend(pieces)
        else:
            out.append(pieces)
        prev = s
    return out


def _pieces(doc_text: str, s: Sentence) -> list[tuple[int, str, int]]:
    if "\n" not in s.text:
        return [(s.start, s.text, s.index)]
    out, k = [], 0
    for m in _NEWLINE.finditer(s.text):
        if _hard_wrap(doc_text, s.start + m.start(), s.start + m.end()):
            out.append((s.start + k, s.text[k:m.start()], s.index))
            k = m.end()
    out.append((s.start + k, s.text[k:], s.index))
    return [p for p in out if p[1]] or [(s.start, s.text, s.index)]


def hard_wraps(text: str) -> list[tuple[int, int]]:
    r"""Spans of the hard line breaks of a text (see ``_units``), in order.

    >>> hard_wraps("常委会带领省" + "某" * 20 + "\n发展改革委。\n\n二、")
    [(26, 27)]
    """
    return [m.span() for m in _NEWLINE.finditer(text) if _hard_wrap(text, m.start(), m.end())]


def _hard_wrap(text: str, end: int, nxt: int) -> bool:
    """The stretch text[end:nxt] is one hard line break."""
    gap = text[end:nxt]
    if gap.count("\n") != 1 or gap.strip() or end == 0 or text[end - 1] in _FINAL or nxt >= len(text):
        return False
    if text[nxt].isspace():
        return False
    line_start = text.rfind("\n", 0, end) + 1
    return end - line_start >= _WRAP_MIN


def _after_suffix(text: str, pos: int) -> tuple[str | None, int]:
    """A suffix written right after a title: （草案） or bare 草案. Returns (suffix, end)."""
    c = _compiled()
    m = c["suffix_paren"].match(text, pos)
    if m:
        return m["s"], m.end()
    m = c["suffix_bare"].match(text, pos)
    if m:
        return m["s"], m.end()
    return None, pos


def _marked(st: _Sent, backrefs: list) -> None:
    """《…》 titles, nested ones included; 《条例》-style titles become back-references."""
    text = st.text
    if _OPEN not in text:
        _angle_only(st)
        return
    stack: list[int] = []
    pairs: list[tuple[int, int, int]] = []  # (open, close, depth)
    for i, ch in enumerate(text):
        if ch == _OPEN:
            stack.append(i)
        elif ch == _CLOSE and stack:
            o = stack.pop()
            pairs.append((o, i, len(stack)))
    if not pairs:
        return
    c = _compiled()
    for o, cl, depth in sorted(pairs):
        a, b = o + 1, cl
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        title = text[a:b]
        if depth == 0:
            st.take(o, cl + 1)
            if _implementing(st, o, cl):
                continue
        elif o >= 2 and text[o - 2:o] == "实施" and c["implementing"].match(text, cl + 1):
            continue  # 《省实施《X法》办法》: the law an implementing measure names is not split out
        core, suffix = _split_suffix(title)
        label = title
        if suffix is None and depth == 0:
            suffix, _end = _after_suffix(text, cl + 1)
            if suffix:
                label = f"{title}（{suffix}）"
        if core in c["backref_titles"]:
            backrefs.append((st.pos(a), st.end_pos(b), st, a, b, core, 1, "laws.title_marks.backref"))
            continue
        if _instrument_word(core) is None:
            continue
        rule = "laws.title_marks" if depth == 0 else "laws.title_marks.nested"
        issuer = _issuer(text, o) if depth == 0 and title.startswith("关于") else None
        m = st.add(a, b, label, rule, _attrs("marked", suffix, **({"issuer": issuer} if issuer else {})))
        _coordinated(st, cl + 1, m)
        # titles nested with 〈〉 <> ‹› inside this one (not the law an 实施〈X〉办法 implements)
        if c["implementing_inner"].search(core):
            continue
        for inner in _INNER.finditer(text, a, b):
            ia, ib = inner.span(1)
            it = inner[1]
            icore, isuf = _split_suffix(it)
            if _instrument_word(icore) is not None and icore not in c["backref_titles"]:
                st.add(ia, ib, it, "laws.title_marks.nested", _attrs("marked", isuf))


def _issuer(text: str, o: int) -> str | None:
    """laws.issuer: the full name of a national organ written right before a 关于… title.

    >>> _issuer("全国人大常委会《关于某某的决定》", 7)
    '全国人民代表大会常务委员会'
    """
    c = _compiled()
    m = c["issuer_re"].search(text, max(0, o - 16), o)
    return c["issuers"][m[0]] if m else None


def _implementing(st: _Sent, o: int, cl: int) -> bool:
    """江西省实施《中华人民共和国残疾人保障法》办法: one unmarked title around a marked law.

    The title starts at a place right before 实施 and ends with a measure word right after
    the closing mark; the law inside is part of the title, not a mention of its own.
    """
    c = _compiled()
    text = st.text
    m = c["implementing"].match(text, cl + 1)
    j = o - 2
    if not m or j < 1 or text[j:o] != "实施":
        return False
    a = _left_edge(text, j)
    if not _is_place(text[a:j]) or j - a > 12 or not st.free(a, j):
        return False
    suffix, end = _after_suffix(text, m.end())
    if not suffix:
        end = m.end()
    st.add(a, end, text[a:end], "laws.implementing", _attrs("marked", suffix))
    st.take(a, end)
    return True


_DOUBLE_ANGLE = re.compile(r"(?:〈〈|<<|＜＜)\s*([^《》<>〈〉＜＞]{2,80}?)\s*(?:〉〉|>>|＞＞)")


def _angle_only(st: _Sent) -> None:
    """Texts without 《》 that mark titles with 〈〈…〉〉, <<…>> or single 〈…〉 instead."""
    c = _compiled()
    text = st.text
    for rx in (_DOUBLE_ANGLE, _INNER):
        for m in rx.finditer(text):
            a, b = m.span(1)
            if st.free(*m.span()) and _implementing(st, m.start(), m.end() - 1):
                continue
            core, suffix = _split_suffix(m[1])
            if not st.free(*m.span()) or core in c["backref_titles"] or _instrument_word(core) is None:
                continue
            st.add(a, b, m[1], "laws.title_marks", _attrs("marked", suffix))
            st.take(*m.span())


_COORD = re.compile(r"(?:及其|和|及)(?P<w>实施条例|实施细则|实施办法)")


def _coordinated(st: _Sent, pos: int, law: Mention) -> None:
    """X法及其实施条例: the companion instrument named by the shared stem."""
    m = _COORD.match(st.text, pos)
    core = _core(law.label)
    if m and core.endswith("法"):
        st.add(m.start("w"), m.end("w"), core + m["w"], "laws.coordinated", _attrs("coordinated"))
        st.take(m.start(), m.end())


def _lexicon(st: _Sent) -> None:
    c = _compiled()
    # 省委、市委实施意见: one document per organ; the last one's span holds the shared word
    for m in c["organ_split"].finditer(st.text):
        if not st.free(*m.span()):
            continue
        organs = list(c["organ_one"].finditer(st.text, m.start(), m.start("w")))
        for i, o in enumerate(organs):
            b = m.end() if i == len(organs) - 1 else o.end()
            st.add(o.start(), b, o[0] + m["w"], "laws.lexicon.organ_opinion.split", _attrs("bare"))
        st.take(*m.span())
    for m in c["lexicon"].finditer(st.text):
        a, b = m.span()
        if st.free(a, b):
            st.add(a, b, m[0], c["lexicon_rules"][m.lastgroup], _attrs("bare"))
            st.take(a, b)


def _formulas(st: _Sent) -> None:
    """安全生产“一法一条例”: one mention, stem and formula in attrs."""
    c = _compiled()
    for m in c["formula"].finditer(st.text):
        a, b = m.span()
        if not st.free(a, b):
            continue
        start = _left_edge(st.text, a, floor=st.taken.rfind(1, 0, a) + 1, extra=c["stem_edges"])
        conj = next((w for w in c["conj"] if st.text.startswith(w, start)), None)
        if conj and st.taken.rfind(1, 0, a) + 1 == start > 0:
            start += len(conj)  # …“一法一条例”和水污染防治“两法一条例”: the conjunction joins two formulas
        stem = st.text[start:a]
        stem_key = stem[:-1] if stem.endswith("法") else stem
        if _is_generic(stem_key):
            continue
        formula = m[0].strip("“”\"‘’")
        st.add(start, b, st.text[start:b], "laws.formula",
               _attrs("formula", stem=stem_key, formula=formula))
        st.take(start, b)


def _registry_hits(st: _Sent) -> list[tuple[int, int, str | None]]:
    """Bare registry names, longest at each end, guarded against longer words."""
    c = _compiled()
    names = registry_names()
    end_re, ends = _registry_index()
    text = st.text
    hits: list[tuple[int, int, str | None]] = []
    for m in end_re.finditer(text):
        e = m.end()
        lens = ends.get(text[e - 2:e])
        if not lens:
            continue
        for n in lens:
            a = e - n
            if a < 0 or text[a:e] not in names:
                continue
            nxt = text[e:e + 1]
            if nxt in c["right_stop"] or (nxt == "规" and text[e + 1:e + 2] != "定"):
                break
            if n <= c["guard_len"] and text[a:e] not in c["guard_exempt"] and a > 0 \
                    and _CJK.match(text[a - 1]) and not any(text[:a].endswith(g) for g in c["governing"]):
                break
            if a > 0 and text[a:e] in c["guard_exempt"] and text[a - 1] in c["exempt_left_stop"]:
                break  # 小宪法: a nickname, not the constitution
            if st.free(a, e):
                hits.append((a, e, None))
            break
    # a name inside a longer name (土地管理法 in 土地管理法实施条例) is not a mention of its own
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str | None]] = []
    for h in hits:
        if kept and h[0] >= kept[-1][0] and h[1] <= kept[-1][1]:
            continue
        kept.append(h)
    return kept


def _bare_candidates(st: _Sent) -> list[tuple[int, int, str]]:
    """Unmarked titles: 关于…的意见, X+compound suffix, “…”规划, X法+实施情况."""
    c = _compiled()
    text = st.text
    out: list[tuple[int, int, str]] = []
    for m in c["guanyu"].finditer(text):
        rule = "laws.bare_guanyu"
        if text.startswith(c["guanyu_skip"], m.start() + 2):
            # 关于批准…的决议 is an act, unless the organ is said to adopt it (作出关于批准…的决议)
            if not (text.startswith(c["adopt_unskips"], m.start() + 2)
                    and text[:m.start()].removesuffix("了").endswith(c["adopt_verbs"])):
                continue
            rule = "laws.bare_guanyu.adopted"
        if st.free(*m.span()):
            a = m.start()
            if m[0].endswith("审议意见") and text[:a].endswith(c["issuer_enders"]):
                # the issuing sitting or committee is part of a 审议意见's name
                left = _left_edge(text, a)
                if left < a and st.free(left, a) and _has_place_prefix(text[left:a]):
                    a = left
            out.append((a, m.end(), rule))
    for m in c["period_plan"].finditer(text):
        if st.free(*m.span()):
            out.append((m.start(), m.end(), "laws.bare_period"))
    last_plan_end = -1
    for m in c["yearly_plan"].finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        based = c["yearly_basis"].search(before) or (
            last_plan_end >= 0 and c["yearly_joined"].fullmatch(text, last_plan_end, m.start()))
        if based and st.free(*m.span()):
            out.append((m.start(), m.end(), "laws.bare_yearly_plan"))
            last_plan_end = m.end()
    for m in c["opinion"].finditer(text):
        a = _left_edge(text, m.start())
        x = text[a:m.start()]
        if m.start() - a > _MAX_BARE or len(x) < 4 or _is_generic(x) or not st.free(a, m.end()):
            continue
        if not text[:a].endswith(c["opinion_heads"]):
            continue  # a short form in a schedule line (养老服务审议意见落实情况报告) names nothing new
        if c["opinion_organ_only"].match(x):
            continue  # laws.bare_opinion.organ_only: 2018年度常委会审议意见 is all of a year's opinions
        if x.endswith(c["opinion_report_topics"]):
            # laws.bare_opinion.on_report: the committee's response to a report or inspection is
            # kept as a span (the law inside it is the object of a follow-up check) but marked
            # response=report, which names no document (kg/resolve/laws.py leaves it unresolved)
            out.append((a, m.end(), "laws.bare_opinion.on_report"))
            continue
        out.append((a, m.end(), "laws.bare_opinion"))
    for rx in (c["suffix_re"], c["after_quote"]):
        for m in rx.finditer(text):
            a = _left_edge(text, m.start())
            q = c["period_quote"].search(text, a, m.start())
            if q and q.start() > a and not _is_place(text[a:q.start()]):
                a = q.start()  # 全面建成小康社会和“十三五”规划: the plan starts at its quote
            x = text[a:m.start()]
            if m.start() - a > _MAX_BARE or _is_generic(x) or not st.free(a, m.end()):
                continue
            if m[0] in c["organ_only_words"] and c["organ_only"].match(x):
                continue  # laws.generic.organ_only: 县委实施办法 names no title of its own
            if m[0].endswith(c["generic_plan_words"]) and text[:a].endswith(c["generic_plan_heads"]) \
                    and not (_has_place_prefix(x) or _QUOTE_OPEN & set(x) or re.search(r"\d", x)):
                continue  # 纳入…总体规划: the planning system, not a document
            out.append((a, m.end(), "laws.bare_suffix"))
    for m in c["weak_re"].finditer(text):
        nxt = text[m.end():m.end() + 1]
        if nxt and _CJK.match(nxt) and nxt not in c["weak_followers"]:
            continue  # 讨论决定重大事项, 规划建设: a verb or a modifier, not a title's end
        a = _left_edge(text, m.start())
        if text[a - 1:a] == "的" and a >= 2:
            # 制定了市人大常委会讨论决定重大事项的规定: after a making verb the object is the title
            a2 = _left_edge(text, a - 1)
            if text[:a2].removesuffix("了").endswith(c["strong"]) and a - 1 - a2 >= 4:
                a = a2
        head = text[:a].removesuffix("了")
        if not head.endswith(c["strong"]) or m.start() - a > _MAX_BARE or _is_generic(text[a:m.start()]):
            continue
        if st.free(a, m.end()):
            out.append((a, m.end(), "laws.bare_made"))
    names = registry_names()
    for m in c["context"].finditer(text):
        a = _left_edge(text, m.start())
        cand = text[a:m.end()]
        # a registry name closing the span is the title; what the scan took before it is
        # the sentence (督促州人民政府认真研究处理草原法): laws.bare_context.registry_tail
        tail = next((k for k in range(a + 1, m.end() - 2) if text[k:m.end()] in names), None)
        if tail is not None and cand not in names:
            a, cand = tail, text[tail:m.end()]
        # short X法 are either in the registry or ambiguous (组织法): only long ones here
        if len(cand) < 5 or cand.endswith(c["false_friends"]) or _is_generic(cand[:-1]):
            continue
        if st.free(a, m.end()):
            out.append((a, m.end(), "laws.bare_context"))
    return out


def _open_quote(text: str, a: int, b: int) -> bool:
    """An unmarked title cannot end inside a quotation: a span with an opening quote not
    closed before its end (制定了“两方案一计划”) is a quoted formula or catchword.

    >>> _open_quote("制定了“两方案一计划”", 3, 10), _open_quote("“十四五”规划", 0, 7)
    (True, False)
    """
    depth = 0
    for ch in text[a:b]:
        if ch in "“‘「『":
            depth += 1
        elif ch in "”’」』" and depth:
            depth -= 1
    return depth > 0


def _bare(st: _Sent) -> None:
    """Registry names and unmarked titles, overlaps settled (registry first, then longest)."""
    text = st.text
    reg = _registry_hits(st)
    cands = _bare_candidates(st)
    chosen: list[tuple[int, int, str]] = []
    reg_ends = {b: a for a, b, _ in reg}
    for a, b, rule in sorted(cands, key=lambda t: (-(t[1] - t[0]), t[0])):
        if _open_quote(text, a, b):
            continue  # laws.generic.open_quote: “两方案一计划” ends inside a quoted formula
        if rule != "laws.registry" and _compiled()["counted_class"].match(text, b):
            continue  # laws.generic.counted_class: 自治条例和单行条例各1件 is a tally of classes
        ra = reg_ends.get(b)
        if ra is not None:
            # same ending as a registry name: only a place prefix makes it a local instrument
            if a >= ra or not _is_place(text[a:ra]):
                continue
        if any(a < cb and ca < b for ca, cb, _ in chosen):
            continue
        chosen.append((a, b, rule))
    local_ends = {b for a, b, _ in chosen}
    for a, b, _ in reg:
        if b in local_ends and any(ca < a for ca, cb, _ in chosen if cb == b):
            continue
        chosen.append((a, b, "laws.registry"))
    for a, b, rule in sorted(chosen):
        deictic = next((d for d in _compiled()["deictic"] if text.startswith(d, a)), None)
        if deictic and text[a + len(deictic):a + len(deictic) + 1] in _QUOTE_OPEN:
            a += len(deictic)  # 我县“十一五”规划 is the “十一五”规划
        # unmarked, the suffix (草案, （修正案）) is simply part of the span
        suffix, end = _after_suffix(text, b)
        if suffix and st.free(b, end):
            b = end
        else:
            suffix = None
        extra = {"response": "report"} if rule == "laws.bare_opinion.on_report" else {}
        m = st.add(a, b, text[a:b], rule, _attrs("bare", suffix, **extra))
        st.take(a, b)
        _coordinated(st, b, m)


def _bare_backrefs(st: _Sent, backrefs: list) -> None:
    c = _compiled()
    for m in c["backrefs"].finditer(st.text):
        a, b = m.span()
        word, count = c["backref_info"][m.lastgroup]
        if st.free(a, b):
            st.take(a, b)
            backrefs.append((st.pos(a), st.end_pos(b), st, a, b, word or m[0][-2:], count, "laws.backref"))


def _matches_kind(label: str, word: str) -> bool:
    core = _TRAIL_PAREN.sub("", _core(label))
    if not core.endswith(word):
        return False
    # 该法 refers to a law, never to a 办法
    return not (word == "法" and core.endswith(("办法", "方法")))


def _resolve_backrefs(primaries: list[Mention], backrefs: list) -> None:
    primaries = sorted((m for m in primaries if m.attr("form") in ("marked", "bare", "coordinated")),
                       key=lambda m: m.start)
    starts = [m.start for m in primaries]
    for start, _end, st, a, b, word, count, rule in sorted(backrefs, key=lambda t: t[0]):
        k = bisect_right(starts, start)
        seen: list[Mention] = []
        for m in reversed(primaries[:k]):
            if m.end <= start and _matches_kind(m.label, word) and all(m.label != s.label for s in seen):
                seen.append(m)
                if len(seen) == count:
                    break
        for ante in seen:
            extra = {k2: v for k2, v in ante.attrs if k2 in ("draft", "suffix")}
            attrs = tuple(sorted({"form": "backref", "antecedent": f"{ante.start}-{ante.end}", **extra}.items()))
            st.add(a, b, ante.label, rule, attrs)


def _merge_drafts(states: list[_Sent]) -> None:
    """A draft is the instrument in another state: every draft mention carries its title
    without the suffix in attr ``base``, and where the document also names the instrument
    without a draft suffix, the draft mention takes that title as its label (one
    instrument, one label); attrs draft and suffix stay on the mention.
    """
    found = [m for st in states for m in st.found]
    finals = {m.label for m in found if m.attr("draft") is None and m.attr("form") in ("marked", "bare")}
    for st in states:
        for i, m in enumerate(st.found):
            if m.attr("draft") != "1":
                continue
            base = _core(m.label)
            attrs = dict(m.attrs)
            attrs["base"] = base
            label = base if base in finals else m.label
            st.found[i] = replace(m, label=label, attrs=tuple(sorted(attrs.items())))


_PLACE_HEAD = re.compile(
    r"^(?:中华人民共和国|[*＊]*(?:[\u4e00-\u9fff]{0,10}?(?:自治区|自治州|自治县|自治旗|省|市|县|区|旗|盟|州))?)$")


def _merge_short_forms(states: list[_Sent]) -> None:
    """laws.short_form: a document that names an instrument in full (《中华人民共和国大气
    污染防治法》, 《**市养犬管理条例》) and elsewhere by its short form without the state
    or place (大气污染防治法, 在制定养犬管理条例过程中) names one instrument: the short
    mention takes the full title as its label. Only a place (中华人民共和国, **市,
    江西省, **彝族苗族自治县) may stand before the short form in the full title, and only
    one full title may end so."""
    found = [m for st in states for m in st.found]
    fulls = {m.label for m in found if m.attr("form") == "marked" and m.attr("draft") is None}
    if not fulls:
        return
    by_end: dict[str, set[str]] = {}
    for full in fulls:
        for k in range(1, min(len(full) - 3, 24)):
            head = full[:k]
            if _PLACE_HEAD.match(head):
                by_end.setdefault(full[k:], set()).add(full)
    for st in states:
        for i, m in enumerate(st.found):
            if m.attr("form") not in ("bare", "marked") or m.attr("draft") is not None:
                continue
            cands = by_end.get(m.label)
            if cands and len(cands) == 1 and len(m.label) >= 4:
                st.found[i] = replace(m, label=next(iter(cands)))


def antecedent(mention: Mention, mentions) -> Mention | None:
    """The full title a back-reference (该法, 《条例》) stands for, among ``mentions``.

    Activities naming a law through a back-reference can report the law as written where
    it was named in full (环境保护法 rather than 该法).

    >>> from kg.records import Document, Sentence
    >>> t = "制定了《某某县自治条例》。对《条例》实施情况进行了检查。"
    >>> doc = Document("d", "d.txt", t, "", (), "")
    >>> ms = extract_laws(doc, [Sentence(0, 0, 13, t[:13], 0, None), Sentence(1, 13, len(t), t[13:], 0, None)])
    >>> [(m.text, antecedent(m, ms).text) for m in ms if m.attr("form") == "backref"]
    [('条例', '某某县自治条例')]
    """
    span = mention.attr("antecedent")
    if not span:
        return None
    a, b = (int(x) for x in span.split("-"))
    return next((m for m in mentions if m.start == a and m.end == b and m.kind == _KIND), None)


def extract_laws(doc: Document, sentences: tuple[Sentence, ...] | list[Sentence]) -> list[Mention]:
    """Law and instrument mentions of one document (kind "law"), in text order.

    >>> from kg.records import Document, Sentence
    >>> t = "对《中华人民共和国水污染防治法》开展执法检查，该法实施情况良好。"
    >>> doc = Document("d", "d.txt", t, "", (), "")
    >>> [(m.label, m.attr("form")) for m in extract_laws(doc, [Sentence(0, 0, len(t), t, 0, None)])]
    [('中华人民共和国水污染防治法', 'marked'), ('中华人民共和国水污染防治法', 'backref')]
    """
    backrefs: list = []
    states = []
    hint = _compiled()["hint"]
    for unit in _units(doc.text, sentences):
        if not any(hint.search(p[1]) for p in unit):  # most sentences name no instrument at all
            continue
        st = _Sent(unit, doc.text)
        _marked(st, backrefs)
        _lexicon(st)
        _formulas(st)
        _bare(st)
        _bare_backrefs(st, backrefs)
        states.append(st)
    _merge_drafts(states)
    _merge_short_forms(states)
    primaries = [m for st in states for m in st.found]
    _resolve_backrefs(primaries, backrefs)
    out = [m for st in states for m in st.found]
    return sorted(out, key=lambda m: (m.start, m.end, m.label))
