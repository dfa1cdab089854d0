"""Named programmes, campaigns, systems, mechanisms and recurring activities.

Passes over each sentence (word lists in ``programmes.toml``):

* ``programmes.quoted_named``: quoted text that names a programme by itself
  (“干部执行力提升年”, “代表双活动日”, “两个专项行动”);
* ``programmes.quoted_head``: a quote followed by a head word (“第一议题”制度,
  “扫黑除恶”专项斗争, “放管服”改革);
* ``programmes.head``: an unquoted name ending in a head word, its left boundary found by
  scanning back to the nearest governing verb (开展, 落实, 建立 …), punctuation, 的 or a
  conjunction; what is required of the boundary depends on the head's mode;
* ``programmes.enumerated``: a list closed by a count and a head (履职承诺、履职考勤和
  述职评议三项机制);
* ``programmes.coordinated``: an unquoted 活动 coordinated with a quoted one
  (“万名党员下基层”和机关干部进社区活动);
* ``programmes.quoted_governed``: a run of quoted coined names after a verb and before
  工作/活动/行动/品牌 (积极参与“挂包帮”“转走访”工作);
* ``programmes.quoted_object``: a coined quoted name built or upgraded (深化“家站点”建设,
  对“户户通”入户路建设进行视察);
* ``programmes.known`` and ``programmes.campaign``: names from the data file, including
  national campaigns by era (党史学习教育, 大兴调查研究, 中央环境保护督察, 十件实事) and the
  appointment procedures (宪法宣誓, 任前法律知识考试).

Quoted names may also be programmes by their shape (“冲刺90天”, “15分钟履职服务圈”). A
、-list of levels closed by N级 stays inside a name (省、州、县三级人大联动监督机制); a
strategy whose core is a quoted slogan (州委“3815”发展战略) is left to the formula pass; a
list closed by 等制度 splits coordinated practices (供职发言和颁发任命书) and drops items made
only of generic words (履职监督).

A meeting held again and again is a programme when a recurrence cue comes before it or a
count of sittings right after it (召开全市人大工作座谈会2次). A 、-list of two-character steps
stays inside the name it stands in (审议意见交办、承办、反馈、评价全流程闭环管理机制). A quoted
name run as a series (举办“人大讲堂”6期) is a programme (``programmes.quoted_series``). Single
line breaks inside a sentence (PDF copies) are read as if absent.

Half-width quotes of web copies are read as “…” (offsets unchanged). Names may hold
和/与/、 up to the clause's verb (代表视察和调查制度), a 、-list closed by 等 and a head
gives one name per item, and a short form takes the one longer name of the document that
it ends (人大代表票决制 → 民生实事项目人大代表票决制), or, when quoted, whose characters it
keeps in order (“百千万工程” → 百县千镇万村高质量发展工程).

Rejections: a head that is the predicate noun of 把/以…(作)为 (``programmes.copula``), a
campaign word after a count of persons (``programmes.campaign.counted``: 安排12名代表述职), a
core that is a quantifier (各项制度) or a 、-list of two-character acts (视察、调研、评议活动).
A verb's complement (落实好, 抓实) is read as part of the verb.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kg.extract.formulas import QUOTE, curly, span_back, unbreak
from kg.extract.rules import derived, load_toml
from kg.records import Document, Mention, Sentence

_CJK = re.compile(r"[\u3400-\u9fff]")
_STOP = frozenset("，。；：！？,.;:!?\n《》<>【】[]—-…")
_SPACE = re.compile(r"\s+")
_NUMBERED_CORE = re.compile(r"[一二两三四五六七八九十]+大")
_NUM_HEAD = re.compile(r"([一二两三四五六七八九十\d]+)[项个种条](机制|制度)")
_ETC_HEAD = re.compile(r"等(机制|制度)")
_LEAD_COUNT = re.compile(r"[一二两三四五六七八九十\d]+[次个项场期届]")
_NUMERALS = frozenset("一二两三四五六七八九十双")
_HARD_STOP = frozenset("，。；：！？,.;:!?\n《》<>【】[]—…的*")
_COORD = re.compile(r"“([^“”]{2,20})”(?:和|与|及|、)([\u4e00-\u9fff]{2,12}活动)")
_PLAN = re.compile(r"^[一二三四五六七八九十]+五$")
_INSTRUMENT_END = ("规则", "细则", "办法", "条例", "规定", "意见", "方案", "规划", "纲要")
# 召开…座谈会2次, 每年…3场: a count of sittings after a meeting's name shows that it recurs
_SITTINGS = re.compile(r"(?:[2-9]|[1-9]\d|[两二三四五六七八九十]+)[次场期]")
# 举办“人大讲堂”6期: a quoted name run as a numbered series
_SERIES_AFTER = re.compile(r"[\d一二两三四五六七八九十]+[期讲场]")
_SERIES_VERBS = ("举办", "开办", "开设", "开讲", "举行")
_STEP_LIST = re.compile(r"[\u4e00-\u9fff]{2}、")


def _overlapping(words) -> re.Pattern:
    # a lookahead finds the words at every position, overlapping ones included
    return re.compile("(?=(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + "))")


@derived
def _config():
    data = load_toml("programmes.toml")
    heads = {h["word"]: h for h in data["heads"]}
    words = sorted(heads, key=len, reverse=True)
    known = {k["label"]: k["kind"] for k in data.get("known", [])}
    return {
        "data": data,
        "heads": heads,
        "head_re": re.compile("|".join(map(re.escape, words))),
        "verbs": tuple(sorted(data["governing_verbs"], key=len, reverse=True)),
        # boundary words by priority (a cue before a conjunction ending at the same place);
        # date copulas stop a name like punctuation does
        "mark_res": [(kind, _overlapping(data[key])) for kind, key in
                     (("cue", "recurrence_cues"), ("punct", "date_copulas"), ("conj", "conjunctions"),
                      ("prep", "prepositions"))],
        "verb_re": _overlapping(data["governing_verbs"]),
        "nominal": tuple(data["nominalisers"]),
        "complements": frozenset(data["verb_complements"]),
        "copula": re.compile(data["copula_pattern"]),
        "count_before": re.compile(data["count_before_pattern"]),
        "not_verbs": tuple(data["not_verbs"]),
        "cues": tuple(sorted(data["recurrence_cues"], key=len, reverse=True)),
        "generic": frozenset(data["generic_cores"]),
        "filler": re.compile("|".join(map(re.escape, data["filler_words"]))),
        "excluded": frozenset(data["excluded_labels"]),
        "excl_end": tuple(data["excluded_core_endings"]),
        "bad_all": tuple(data["bad_followers_all"]),
        "self_end": tuple(data["quoted_self_endings"]),
        "day_kw": tuple(data["day_keywords"]),
        "known": known,
        "known_re": re.compile("|".join(map(re.escape, sorted(known, key=len, reverse=True)))) if known else None,
        "campaigns": [(re.compile(c["pattern"]), c["kind"], tuple(c.get("anchors", ()))) for c in data.get("campaign", [])],
        "coord_heads": frozenset(h["word"] for h in data["heads"] if h.get("coord")),
        "after_de_heads": frozenset(data.get("after_de_heads", ())),
        "prep_ok": frozenset(h["word"] for h in data["heads"] if h.get("prep_ok")),
        "object_follow": tuple(data["object_followers"]),
        "q_gov_verbs": tuple(sorted(data["quoted_governing_verbs"], key=len, reverse=True)),
        "q_gov_follow": tuple(data["quoted_governed_followers"]),
        "q_gov_between": re.compile("(?:{})?".format("|".join(
            map(re.escape, sorted(data.get("quoted_governed_between", []), key=len, reverse=True))))),
        "q_gov_stop": frozenset(data["quoted_governed_stop"]),
        "review_quotes": frozenset(data.get("review_quotes", ())),
        "coord_bad_first": tuple(data["coordination_bad_first_endings"]),
        "generic_words": tuple(sorted(data["generic_cores"], key=len, reverse=True)),
        "self_patterns": [(re.compile(x["pattern"]), x["kind"]) for x in data.get("quoted_self_patterns", [])],
        "gap_followers": tuple(data["quoted_object_followers"]),
        "level_list": re.compile(data["level_list_pattern"]),
        "formula_core_heads": frozenset(h["word"] for h in data["heads"] if h.get("formula_core") is False),
        "chain_verbs": tuple(data["chain_verbs"]),
        "q_subject_heads": frozenset(data["quoted_subject_heads"]),
        "gap_heads": re.compile(r"[\u4e00-\u9fff]{1,6}?(?:" + "|".join(map(re.escape, data["quoted_gap_heads"])) + ")"),
    }


def clean_label(text: str) -> str:
    """Label as written, without spaces (quotes inside a name are kept).

    >>> clean_label("“第一议题” 制度")
    '“第一议题”制度'
    """
    return _SPACE.sub("", text)


@lru_cache(maxsize=512)
def _verb_ends(text: str) -> dict[int, int]:
    """End offset -> start offset of every governing verb in ``text`` (computed once)."""
    cfg = _config()
    ends: dict[int, int] = {}
    for m in cfg["verb_re"].finditer(text):
        a = m.start()
        v = m.group(1)
        if text.startswith(cfg["not_verbs"], a):
            continue
        ends.setdefault(a + len(v), a)
    return ends


def _verb_end(text: str, p: int) -> int | None:
    """Start of a governing verb (with an optional 了) ending at ``p``, else None."""
    q = p - 1 if p > 0 and text[p - 1] == "了" else p
    return _verb_ends(text).get(q)


def scan_left(text: str, head_start: int) -> tuple[int, str]:
    """Left edge of a name ending at ``head_start`` and what stopped the scan.

    The boundary is one of "verb", "cue", "punct", "conj", "de", "prep", "long".

    >>> t = "认真落实领导干部联系帮包乡镇工作机制"
    >>> left, why = scan_left(t, t.index("机制")); t[left:], why
    ('领导干部联系帮包乡镇工作机制', 'verb')
    """
    cfg = _config()
    limit = cfg["data"]["max_core"]
    verbs, marks = _verb_ends(text), _marks(text)
    p = head_start
    in_quote = False
    while p > 0:
        if head_start - p > limit:
            return p, "long"
        ch = text[p - 1]
        if ch == "”":
            in_quote = True
        elif ch == "“":
            in_quote = False
        if not in_quote:
            q = p - 1 if ch in cfg["complements"] and p - 1 in verbs else p
            q = p - 1 if ch == "了" else q
            if q in verbs and not text.startswith(cfg["nominal"], p):
                return p, "verb"
            if ch == "、" and _chained(text, p - 1):
                p -= 1
                continue  # A联系B、B联系C制度: one chained name (programmes.chain)
            if ch in _STOP or ch.isdigit() or ch == "、" or ch == "*":
                return p, "punct"
            mark = marks.get(p)
            if mark is not None:
                kind, start = mark
                if kind == "conj" and text[start:p] in ("与", "和") and _verb_end(text, start) is not None:
                    pass  # 建立与政府工作互动机制: 与 opens the name
                else:
                    return p, kind
            if ch == "的":
                return p, "de"
        p -= 1
    return 0, "punct"


def _chained(text: str, comma: int) -> bool:
    """Whether the 、 at ``comma`` links "A联系B、B联系C": both parts hold a relation verb and
    the part after 、 begins with the object that ends the part before."""
    verbs = _config()["chain_verbs"]
    seg = max(text.rfind(c, 0, comma) for c in "，。；：、\n“”") + 1
    before = text[seg:comma]
    after = text[comma + 1:comma + 16]
    for n in (4, 3, 2):
        obj = before[-n:]
        if len(obj) == n and _CJK.match(obj[0]) and after.startswith(obj):
            rest = after[n:n + 4]
            return any(v in before[:-n] for v in verbs) and any(rest.startswith(v) or rest[1:].startswith(v) for v in verbs)
    return False


@lru_cache(maxsize=512)
def _marks(text: str) -> dict[int, tuple[str, int]]:
    """End offset -> (boundary kind, start) of cues, date copulas, conjunctions, prepositions."""
    cfg = _config()
    out: dict[int, tuple[str, int]] = {}
    for kind, rx in cfg["mark_res"]:
        for m in rx.finditer(text):
            out.setdefault(m.start() + len(m.group(1)), (kind, m.start()))
    return out


def _extend_over_de(text: str, de: int) -> tuple[int, str] | None:
    """Extend a name left over 的 for X化的 (层级化的) and balanced 、-lists.

    ``de`` is the offset of 的; returns the new left edge and boundary, or None.
    """
    if de >= 3 and text[de - 1] == "化" and all(_CJK.match(c) for c in text[de - 3:de - 1]):
        left = de - 3
        return left, "adjectival"
    # 领导牵头督办、部门分件承办、委室综合协调的办理机制: the list starts after a verb
    seg = max(text.rfind(c, 0, de) for c in "，。；：\n") + 1
    for p in range(seg + 1, de):
        if _verb_end(text, p) is None or text[p] == "了":
            continue
        parts = text[p:de].split("、")
        sizes = [len(x) for x in parts]
        if len(parts) >= 2 and min(sizes) >= 3 and max(sizes) <= 10 and max(sizes) - min(sizes) <= 2:
            return p, "verb"
    return None


def _extend_coordination(text: str, left: int, hs: int, head_word: str) -> tuple[int, str] | None:
    """Left edge of a name whose scan stopped at a conjunction or 、 inside a noun compound.

    ``left`` is where the scan stopped (just after 和/与/、). Two cases:

    * the first conjunct ends with the same head (坚持A制度和B制度): B takes the shared
      verb, the name starts at ``left``;
    * it does not (落实代表视察和调查制度, 完善代表建议交办、督办和办理结果反馈机制): the
      name runs left over the conjunctions to the governing verb of the clause.
    """
    cfg = _config()
    marks, verbs = _marks(text), _verb_ends(text)
    comma = text[left - 1] == "、"
    q = left - 1 if comma else marks[left][1]
    if text[:q].endswith(head_word):
        return left, "verb"
    if comma or text[q:left] not in ("和", "与", "及", "以及"):
        return None  # a bare 、-list (宣传教育、责任体系机制) or 等 closing a list: several names
    conj = q
    limit = cfg["data"]["max_core"]
    while q > 0 and hs - q <= limit:
        ch = text[q - 1]
        if ch in _HARD_STOP or ch.isdigit() or ch in "“”":
            return None
        if q in verbs and not text.startswith(cfg["nominal"], q):
            core = text[q:hs]
            if text[q:conj].endswith(cfg["coord_bad_first"]):
                return None  # 开展学习型机关建设和专题学习制度: the first conjunct is a noun of its own
            if cfg["head_re"].search(core) and not core.startswith(head_word):
                # a head inside (开展执法检查和代表视察制度) joins two names, not one
                inner = [m.group(0) for m in cfg["head_re"].finditer(core)]
                if any(w in ("制度", "机制", "模式", "票决制", "活动", "工程", "试点") for w in inner):
                    return None
            return q, "verb"
        mark = marks.get(q)
        if mark is not None and mark[0] in ("cue", "punct", "prep"):
            return None
        q -= 1
    return None


def _specific(core: str) -> bool:
    cfg = _config()
    bare = core.replace("“", "").replace("”", "")
    if bare in cfg["generic"] or bare.endswith(cfg["excl_end"]) or _all_generic(bare):
        return False
    return len(cfg["filler"].sub("", bare)) >= 2


def _all_generic(text: str) -> bool:
    """True when ``text`` is only generic words run together (履职监督, 工作考核).

    >>> _all_generic("履职监督"), _all_generic("宪法宣誓")
    (True, False)
    """
    words = _config()["generic_words"]
    p = 0
    while p < len(text):
        w = next((w for w in words if text.startswith(w, p)), None)
        if w is None:
            return False
        p += len(w)
    return bool(text)


def _formula_core(core: str) -> bool:
    """True when a core is a quoted formula, perhaps after an organ and before 发展/三大.

    州委“3815”发展战略, “工业强区、城建兴区、生态美区”三大战略: the strategy is the slogan.
    """
    m = re.search(r"“([^“”]+)”([^“”]*)$", core)
    if m is None:
        return False
    rest = m.group(2)
    if rest and not re.fullmatch(r"发展|[两三四五六七八九十]大(?:发展)?", rest):
        return False
    content = m.group(1)
    if content.isdigit() or _is_formula_word(content) or ("、" in content and len(content) >= 7):
        return True
    from kg.extract.formulas import judge_quote

    # 市委“一城两区三基地”发展战略: a numbered formula is the strategy itself
    return content[:1] in _NUMERALS and judge_quote(content, "", "") == "formulas.numbered"


def _predicative(text: str, left: int, core: str) -> bool:
    """True when the head is the predicate noun of 把/以…(作)为 (programmes.copula).

    把治水作为全镇头号工程, 以“三会一课”为基本制度: the head names a role, not a programme.
    """
    m = _config()["copula"].search(core)
    if m is None:
        return False
    seg = max(text.rfind(c, 0, left) for c in "，。；：\n") + 1
    return m.group(0).startswith("作为") or "以" in text[seg:left + m.start()] or "把" in text[seg:left + m.start()]


def _generic_list(core: str) -> bool:
    """A 、-list of generic methods or a quantifier (视察、调研、评议活动, 机关各项制度)."""
    if re.search("(?:各项|各类|各种|有关|相关)(?:规章|工作|管理)?$", core) or "被" in core:
        return True  # 机关各项规章制度: a quantifier; 被评议…: a passive clause, no name
    parts = [x for x in core.split("、") if x]
    # each item a two-character act (视察、调研、评议): a list of methods, not one name
    return "、" in core and all(len(x) <= 2 or _all_generic(x) for x in parts)


def _recurring_before(text: str, left: int, he: int | None = None) -> bool:
    """A recurrence cue shortly before the name, or a count of sittings right after it."""
    window = text[max(0, left - 10):left + 2]
    if any(c in window for c in _config()["cues"]):
        return True
    return he is not None and bool(_SITTINGS.match(text, he))


def _in_quote(text: str, pos: int) -> bool:
    # inside quotes: short quotes are judged whole by the quote pass, long ones are
    # cited speech whose wording is not the speaker's programme
    return text.rfind("“", 0, pos) > text.rfind("”", 0, pos)


def _judge_head(text: str, hs: int, he: int, head: dict) -> tuple[int, str] | None:
    """Left edge and rule of a name ending with the head at [hs, he), or None."""
    cfg = _config()
    after = text[he:he + 4]
    if after.startswith(tuple(head["follow"])) or after.startswith(cfg["bad_all"]):
        return None
    if hs >= 2 and text[hs - 1] in "项个种条" and (text[hs - 2] in _CN_SMALL or text[hs - 2].isdigit()):
        return None  # 三项制度: an enumerated list, judged by the enumeration pass
    left, why = scan_left(text, hs)
    if why == "punct" and left > 0 and text[left - 1] == "、":
        for lv in cfg["level_list"].finditer(text, max(0, left - 12), hs):
            if lv.start() < left <= lv.end():
                left, why = scan_left(text, lv.start())  # 省、州、县三级人大联动监督机制
                break
    if why == "punct" and left > 0 and text[left - 1] == "、":
        q, steps = left, 0
        while q >= 3 and text[q - 1] == "、" and _STEP_LIST.fullmatch(text, q - 3, q):
            q -= 3
            steps += 1
        if steps >= 2 and q > 0 and _CJK.match(text[q - 1]):
            # 审议意见交办、承办、反馈、评价全流程闭环管理机制: the steps of one procedure
            left, why = scan_left(text, q)
    if why in ("conj", "punct") and head["word"] in cfg["coord_heads"] and left > 0 \
            and (text[left - 1] == "、" or why == "conj"):
        ext = _extend_coordination(text, left, hs, head["word"])
        if ext is not None:
            left, why = ext
    if why in ("prep", "de") and head["mode"] == "verb" and (
            head["word"] in cfg["prep_ok"] and why == "prep" or text.startswith(cfg["object_follow"], he)):
        why = "verb"  # 把党史学习教育作为…, 关于新型农村合作医疗制度实施情况的报告
    lead = _LEAD_COUNT.match(text, left)
    if lead and hs - lead.end() >= head["min_core"]:
        left = lead.end()  # 召开一次工委例会: the count is not part of the name
    if why == "de" and head["mode"] in ("verb", "adjectival"):
        ext = _extend_over_de(text, left - 1)
        if ext is None:
            # 建立由副市长担任召集人的土壤污染防治联席会议制度: a long name after a relative
            # clause stands by itself (programmes.head.after_de)
            if len(text[left:hs]) < cfg["data"].get("min_core_after_de", 99) or head["word"] not in cfg["after_de_heads"]:
                return None
            ext = (left, "after_de")
        left, why = ext
    core = text[left:hs]
    if why == "long" or len(core.replace("“", "").replace("”", "")) < head["min_core"]:
        return None
    if "了" in core.replace("了解", "").replace("了之", ""):
        return None  # 代表视察了…工程: a finished act, not a name (programmes.head)
    if _NUMBERED_CORE.fullmatch(core):
        return None  # 三大攻坚战, 两大战略: a numbered formula, left to the formula pass
    if head["word"] in cfg["formula_core_heads"] and _formula_core(core):
        return None  # 市委“工业强市、生态立市”发展战略: a slogan, recorded by the formula pass
    if _predicative(text, left, core) or _generic_list(core):
        return None
    mode = head["mode"]
    if mode == "adjectival":
        return (left, "programmes.head") if why == "adjectival" else None
    if not _specific(core):
        return None
    if mode == "verb":
        if why == "after_de":
            return left, "programmes.head.after_de"
        return (left, "programmes.head") if why == "verb" else None
    if mode == "recurring":
        return (left, "programmes.recurring") if _recurring_before(text, left, he if head.get("sittings") else None) \
            else None
    if mode == "day":
        if any(ch.isdigit() for ch in core) or "月" in core or not any(k in core for k in cfg["day_kw"]):
            return None
        return left, "programmes.day"
    if mode == "quoted":
        return (left, "programmes.head") if ("“" in core and why == "verb") else None
    return left, "programmes.head"  # mode "any"


def _quoted_self(content: str) -> str | None:
    """Kind when quoted text names a programme by itself, else None."""
    cfg = _config()
    for end in cfg["self_end"]:
        if content.endswith(end) and len(content) > len(end):
            return "行动" if end.endswith("行动") else ("主题教育" if end.endswith("教育") else end)
    if len(content) >= 4 and content.endswith("年") and not any(ch.isdigit() for ch in content) \
            and _CJK.match(content[-2]) and content[-2] not in "一二三四五六七八九十百千今明去前":
        return "年"
    if len(content) >= 4 and content.endswith("日") and any(k in content for k in cfg["day_kw"]):
        return "日"
    for rx, kind in cfg["self_patterns"]:
        if rx.search(content):
            return kind
    return None


def extract_programmes(doc: Document, sentences: Sequence[Sentence]) -> list[Mention]:
    """Programme mentions of a document, one per occurrence.

    >>> from kg.records import Document, Sentence
    >>> t = "严格落实“第一议题”制度，深入开展“干部执行力提升年”活动，建立长效机制。"
    >>> d = Document("x", "x.txt", t, "", (), "")
    >>> [m.label for m in extract_programmes(d, [Sentence(0, 0, len(t), t, 0, None)])]
    ['“第一议题”制度', '干部执行力提升年']
    """
    cfg = _config()
    out: list[Mention] = []
    for s in sentences:
        found: list[tuple[int, int, str, str, str]] = []  # start, end, label, rule, kind
        raw = s.text
        text, offsets = unbreak(curly(raw))  # web copies keep half-width quotes ("…"); PDF line breaks

        def add(a: int, b: int, label: str, rule: str, kind: str) -> None:
            label = clean_label(label)
            if label.replace("“", "").replace("”", "") in cfg["excluded"]:
                return
            if any(x <= a and b <= y for x, y, *_ in found):
                return  # already inside a longer name
            # a longer name found later (a known campaign) replaces the shorter ones inside it
            found[:] = [f for f in found if not (a <= f[0] and f[1] <= b)]
            found.append((a, b, label, rule, kind))

        quotes = list(QUOTE.finditer(text)) if "“" in text else []
        for m in quotes:
            content = m.group(1).strip()
            if len(content) > 30 or "。" in content:
                continue
            after = text[m.end():m.end() + 8]
            kind = _quoted_self(content)
            if kind:
                end = m.end()
                if after.startswith(("活动", "制度")):  # “代表双活动日”活动: the day names it
                    end += 2
                add(m.start(), end, content, "programmes.quoted_named", kind)
                continue
            if _SERIES_AFTER.match(text, m.end()) and text[max(0, m.start() - 4):m.start()].endswith(_SERIES_VERBS) \
                    and 2 <= len(content) <= 12 and not _is_formula_word(content):
                add(m.start(), m.end(), content, "programmes.quoted_series", "系列")  # 举办“人大讲堂”6期
                continue
            hm = cfg["head_re"].match(text, m.end())
            if not hm:
                continue
            head = cfg["heads"][hm.group(0)]
            tail = text[hm.end():hm.end() + 4]
            if tail.startswith(tuple(head["follow"])) or tail.startswith(cfg["bad_all"]):
                continue
            if _PLAN.match(content) and head["word"] != "普法":
                continue
            if head["word"] == "方式" and "+" not in content:
                continue
            if head["word"] == "日":
                continue  # “X”日 is rare
            start, rule = m.start(), "programmes.quoted_head"
            if head["word"] in cfg["q_subject_heads"] and m.start() > 0 and _CJK.match(text[m.start() - 1]):
                # 建立议案建议办理“三见面”制度: the noun phrase after the verb belongs to the name
                left, why = scan_left(text, m.start())
                if why == "verb" and 0 < m.start() - left <= cfg["data"]["max_quoted_subject"] \
                        and not any(c in text[left:m.start()] for c in "“、"):
                    start, rule = left, "programmes.quoted_head.subject"
            if start == m.start() and len(content) < head["min_core"]:
                continue  # “闭环”体系 is emphasis, not a name; 推行代表“包河”制度 has a subject
            add(start, hm.end(), text[start:hm.end()], rule, head["kind"])

        if quotes:
            _quoted_gap(text, quotes, add)
            _quoted_governed(text, quotes, add)
            _subject_review(text, quotes, add)

        for m in (_COORD.finditer(text) if quotes else ()):
            add(m.start(2), m.end(2), m.group(2), "programmes.coordinated", "活动")
            add(m.start(), m.start() + len(m.group(1)) + 2, m.group(1), "programmes.coordinated", "活动")

        if "机制" in text or "制度" in text:
            for m in _NUM_HEAD.finditer(text):
                _enumerated(text, m, add)
            for m in _ETC_HEAD.finditer(text):
                _enumerated_etc(text, m, add)

        for m in cfg["head_re"].finditer(text):
            hs, he = m.span()
            if hs > 0 and text[hs - 1] == "”":
                continue  # handled with its quote
            if _in_quote(text, hs):
                continue
            head = cfg["heads"][m.group(0)]
            res = _judge_head(text, hs, he, head)
            if res is None:
                continue
            left, rule = res
            add(left, he, text[left:he], rule, head["kind"])

        if cfg["known_re"] is not None:
            for m in cfg["known_re"].finditer(text):
                add(m.start(), m.end(), m.group(0), "programmes.known", cfg["known"][m.group(0)])
        for rx, kind, anchors in cfg["campaigns"]:
            if anchors and not any(w in text for w in anchors):
                continue  # none of the pattern's words in the sentence
            for m in rx.finditer(text):
                if cfg["count_before"].search(text, max(0, m.start() - 8), m.start()):
                    continue  # 安排12名区人大代表述职: the act of counted persons, not the programme
                add(m.start(), m.end(), m.group(0), "programmes.campaign", kind)

        for a, b, label, rule, kind in sorted(found):
            a, b = span_back(offsets, a, b)
            out.append(Mention("programme", s.start + a, s.start + b, raw[a:b], label, rule, s.index,
                               (("kind", kind),)))
    return fold_short_forms(merge_variants(out))


def _quoted_gap(text: str, quotes: list[re.Match], add) -> None:
    """A quote, a short noun and a head: “1+6”联络站点体系, “双联系”工作机制."""
    cfg = _config()
    for m in quotes:
        content = m.group(1).strip()
        if not 1 <= len(content) <= 12 or _is_formula_word(content) or content.endswith(("式", "型", "化")):
            continue  # “一站式”服务体系: a manner word, not a name
        g = cfg["gap_heads"].match(text, m.end())
        if g is None:
            continue
        mid = g.group(0)
        if cfg["copula"].match(mid) or any(ch in mid for ch in "的和与及并或") or any(v in mid for v in cfg["verbs"]):
            continue
        tail = text[g.end():g.end() + 4]
        if tail.startswith(cfg["bad_all"]) or tail.startswith(("建设", "改革", "创新")):
            continue
        kind = next(h for h in ("体系", "机制", "制度", "模式") if mid.endswith(h))
        add(m.start(), g.end(), text[m.start():g.end()], "programmes.quoted_head", kind)


def _subject_review(text: str, quotes: list[re.Match], add) -> None:
    """A review named after what it reviews (programmes.quoted_review): 开展代表建议办理“回头看”,
    结合中央环境保护督察“回头看”. The quote (“回头看”) must follow its subject, a noun phrase
    right after the governing verb; a bare 开展“回头看” names the method only."""
    cfg = _config()
    for m in quotes:
        if m.group(1).strip() not in cfg["review_quotes"]:
            continue
        left, why = scan_left(text, m.start())
        subject = text[left:m.start()]
        if why == "verb" and 4 <= len(subject) <= 14 and all(_CJK.match(c) for c in subject) \
                and not subject.startswith(("对", "就", "围绕")):
            add(left, m.end(), text[left:m.end()], "programmes.quoted_review", "回头看")


def _quoted_governed(text: str, quotes: list[re.Match], add) -> None:
    """Quoted coined names governed by a verb and followed by 工作/活动/行动/品牌.

    积极参与“挂包帮”“转走访”工作: each quote of the run names a campaign.
    """
    cfg = _config()
    i = 0
    while i < len(quotes):
        j = i
        while j + 1 < len(quotes) and text[quotes[j].end():quotes[j + 1].start()] in ("", "、", "和"):
            j += 1
        run = quotes[i:j + 1]
        i = j + 1
        before = text[max(0, run[0].start() - 6):run[0].start()]
        before = before[:-1] if before.endswith("了") else before
        if not before.endswith(cfg["q_gov_verbs"]) and not before.endswith("对"):
            continue
        gap = cfg["q_gov_between"].match(text, run[-1].end()).end()
        if not text.startswith(cfg["q_gov_follow"], gap):
            if len(run) == 1:
                _quoted_object(text, run[0], before.endswith("对"), add)
            continue
        if before.endswith("对"):
            continue
        for m in run:
            content = m.group(1).strip()
            if not 2 <= len(content) <= 12 or content in cfg["q_gov_stop"] or _is_formula_word(content) \
                    or content[0] in _NUMERALS:
                continue  # “三个一批”工作: a numbered formula, left to the formula pass
            add(m.start(), m.end(), content, "programmes.quoted_governed", "活动")


def _quoted_object(text: str, m: re.Match, after_dui: bool, add) -> None:
    """A coined quoted name as the object of building or upgrading (programmes.quoted_object).

    深化“家站点”建设, 持续推进“家站点”提质增效, 对“户户通”入户路建设进行视察: the quote (with
    a short noun after it) names the programme; after 对 the phrase must go on to 进行/开展.
    """
    cfg = _config()
    content = m.group(1).strip()
    if not 2 <= len(content) <= 10 or content in cfg["q_gov_stop"] or _is_formula_word(content) \
            or content[0] in _NUMERALS:
        return
    g = re.compile(r"([\u4e00-\u9fff]{0,4}?)(" + "|".join(map(re.escape, cfg["gap_followers"])) + ")").match(text, m.end())
    if g is None:
        return
    noun = g.group(1)
    if any(ch in noun for ch in "的和与及并或对") or any(v in noun for v in cfg["verbs"]):
        return
    if after_dui and not text.startswith(("进行", "开展", "情况"), g.end()):
        return
    if noun:
        add(m.start(), g.start(2), text[m.start():g.start(2)], "programmes.quoted_object", "工程")
    else:
        add(m.start(), m.end(), content, "programmes.quoted_object", "工程")


def _is_formula_word(content: str) -> bool:
    # quotes that are slogans (“两个维护”, “放管服”, parallel phrases) are not coined programme names
    from kg.extract.formulas import _config as formula_config
    from kg.extract.formulas import is_parallel

    return content in formula_config()["lexicon"] or is_parallel(content) or bool(_PLAN.match(content))


def fold_short_forms(mentions: list[Mention]) -> list[Mention]:
    """Give a short form the label of the one longer name in the document it ends.

    民生实事项目人大代表票决制 … 实行人大代表票决制: the short form names the same programme.

    >>> a = Mention("programme", 0, 13, "", "民生实事项目人大代表票决制", "r", 0, (("kind", "票决制"),))
    >>> b = Mention("programme", 20, 27, "", "人大代表票决制", "r", 1, (("kind", "票决制"),))
    >>> [m.label for m in fold_short_forms([b, a])]
    ['民生实事项目人大代表票决制', '民生实事项目人大代表票决制']
    """
    labels = {_fold(m.label): m for m in mentions}
    out = []
    for m in mentions:
        key = _fold(m.label)
        system = next((key + h for h in _SYSTEM_HEADS if key + h in labels), None)
        if system is not None and len(key) >= 3:
            # 健全工委例会制度，每月召开工委例会1次: the practice and its system are one programme
            prior = labels[system]
            out.append(Mention(m.kind, m.start, m.end, m.text, prior.label, m.rule, m.sentence, prior.attrs))
            continue
        longer = [k for k in labels if len(k) > len(key) and k.endswith(key)]
        if not longer and m.text[:1] in "“\"" and len(key) >= 4:
            # “百千万工程”: a quoted abbreviation keeps the full name's characters in order
            longer = [k for k in labels if len(k) > len(key) + 1 and k[0] == key[0]
                      and k[-2:] == key[-2:] and _subsequence(key, k)]
            if len(longer) == 1:
                prior = labels[longer[0]]
                m = Mention(m.kind, m.start, m.end, m.text, prior.label, m.rule, m.sentence, prior.attrs)
                out.append(m)
                continue
        if len(key) >= 5 and len(longer) == 1:
            prior = labels[longer[0]]
            m = Mention(m.kind, m.start, m.end, m.text, prior.label, m.rule, m.sentence, prior.attrs)
        out.append(m)
    return out


_SYSTEM_HEADS = ("制度", "机制")


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(ch in it for ch in short)


def _fold(label: str) -> str:
    return label.replace("“", "").replace("”", "")


def merge_variants(mentions: list[Mention]) -> list[Mention]:
    """Give variant writings of one programme in a document the first one's label.

    Texts name a programme once in full and again with another head (“代表统一接待选民”
    制度 … “代表统一接待选民日”活动; …监督模式 … …监督工作机制): two labels sharing a
    prefix of at least 80% of the shorter one (and 6 characters) are one programme.

    >>> a = Mention("programme", 0, 9, "", "“五位一体”+问题清单制监督模式", "r", 0)
    >>> b = Mention("programme", 20, 31, "", "“五位一体”+问题清单制监督工作机制", "r", 1)
    >>> [m.label for m in merge_variants([a, b])]
    ['“五位一体”+问题清单制监督模式', '“五位一体”+问题清单制监督模式']
    """
    firsts: list[Mention] = []
    out = []
    settled: dict[str, Mention] = {}  # a label met before: the mention its first one became
    for m in mentions:
        key = _fold(m.label)
        if key in settled:
            p = settled[key]
            out.append(Mention(m.kind, m.start, m.end, m.text, p.label, m.rule, m.sentence, p.attrs)
                       if p.label != m.label else m)
            continue
        for prior in firsts:
            pk = _fold(prior.label)
            n = 0
            while n < min(len(key), len(pk)) and key[n] == pk[n]:
                n += 1
            if key != pk and n >= 6 and n >= 0.8 * min(len(key), len(pk)):
                # the kind follows the label so that one programme has one kind
                m = Mention(m.kind, m.start, m.end, m.text, prior.label, m.rule, m.sentence, prior.attrs)
                break
        else:
            firsts.append(m)
        settled[key] = m
        out.append(m)
    return out


_CN_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_CN_SMALL["两"] = 2


def _enumerated_etc(text: str, m: re.Match, add) -> None:
    """A list closed by 等 and a head: 建立健全A、B等机制 gives A and B."""
    cs = max(text.rfind(c, 0, m.start()) for c in "，。；：\n") + 1
    verbs = _verb_ends(text)
    starts = set(verbs.values())
    first_sep = text.find("、", cs, m.start())
    ends = sorted(e for e in verbs if cs < e <= first_sep and verbs[e] >= cs and e not in starts)
    # the verb nearest before the list governs it (推动…建立A、B等制度), after a chain such as 建立健全
    start = ends[-1] if ends else None
    if start is None:
        return
    items = text[start:m.start()].split("、")
    if len(items) < 2 or any(not 3 <= len(x) <= 12 or not all(_CJK.match(c) for c in x)
                             or x.endswith(_INSTRUMENT_END) for x in items):
        return
    pos = start
    for item in items:
        # 任前法律知识考试、供职发言和颁发任命书等制度: coordinated practices are one item each
        parts = re.split(r"(和|及|以及)", item)
        subs = parts[::2]
        if len(subs) < 2 or any(len(x) < 4 for x in subs):
            parts, subs = [item], [item]
        p = pos
        for i, sub in enumerate(subs):
            if not _all_generic(sub):  # 履职监督: generic words, no name
                add(p, p + len(sub), sub, "programmes.enumerated", m.group(1))
            p += len(sub) + (len(parts[2 * i + 1]) if 2 * i + 1 < len(parts) else 0)
        pos += len(item) + 1


def _enumerated(text: str, m: re.Match, add) -> None:
    """A list closed by its count and a head: 完善A、B和C三项机制 gives A, B and C."""
    n_text = m.group(1)
    n = int(n_text) if n_text.isdigit() else _CN_SMALL.get(n_text)
    if not n or n < 2:
        return
    p = m.start()
    while p > 0 and (_CJK.match(text[p - 1]) or text[p - 1] in "、"):
        p -= 1
    # the list starts right after a governing verb near the clause's left edge
    start = next((p + i for i in range(1, min(8, m.start() - p)) if _verb_end(text, p + i) is not None), None)
    if start is None:
        return
    items = re.split(r"、|和|及", text[start:m.start()])
    if len(items) != n or any(not 2 <= len(x) <= 10 or x.endswith(_INSTRUMENT_END) for x in items):
        return  # the count must match the list, and instruments (…办法) are not programmes
    pos = start
    kind = m.group(2)
    for item in items:
        a = text.index(item, pos)
        add(a, a + len(item), item, "programmes.enumerated", kind)
        pos = a + len(item)
