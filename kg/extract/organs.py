"""Organ (institution) mentions: congresses, governments, courts, Party committees, their
working bodies, liaison stations, teams and training bases, at every level.

One compiled regex scans the whole document once. Its branches, tried in this order at
each position:

- ``party_centre``: 中央 when it denotes the Party centre (中央、省委; 中央关于…).
- ``shared_ending``: a list of level words sharing one organ (省、市人大; 省市区委;
  市、区两级人大) gives one mention per level, all on the list's span.
- ``level``: [mask or place][term]<level word>[term]<core>[sitting | sub-unit]
  (**区第六届人民代表大会常务委员会, 区委常委会, 区十三届人大常委会第二十三次会议,
  区人大常委会党组). A sitting also gives a ``sitting`` mention; a sub-unit gives the
  organ and the compound (区人大常委会, 区人大常委会党组).
- ``college``: <level word><name><学院|党校> (市乡村实用人才培训学院).
- ``sitting``: a sitting written without a level (五届人大一次会议).
- unprefixed organs: the lexicon (党中央, 国务院, 公安机关, 党组理论学习中心组),
  常委会 + sub-unit (人大常委会机关), tiered stations, teams and training bases
  (社区级人大代表联络站, 代表小组, 人大代表培训基地), departments (教育部门) and
  committees (法制工作委员会).

Labels drop the place and the term (**区第五届人大常委会 -> 区人大常委会) and use short
standard forms (区人民政府 -> 区政府, 区法院 -> 区人民法院); an autonomous prefecture, county
or banner takes the short level its texts use (``organs.level_label``: 楚雄彝族自治州人大常委会
-> 州人大常委会). Committees and working bodies keep the form written (财经工委,
省人大教科文卫委员会); a verb of setting up between an organ and its new body is not part of
the name (常委会抓紧组建法制工作委员会 -> 常委会法制工作委员会). A place name that ends in a
level character (赣州市, 通州区: ``organs.place_end``) is dropped whole, not read as the list
州、市. A township member of a shared-ending list (市、乡两级人大) stands for every township
and is dropped; a list without separator holding one (县乡人大, 县乡两级人大) is the fixed
term for a tier and gives nothing. A mask right before a level
word stands for the place and is dropped, except when the same organ was just listed
unmasked (省委、市委、*市委: the masked one is another city's), where it is kept.
Generic references (上级人大, 各级人大, 有关部门, 党委, 乡镇人大, 人大机关, 代表家站,
人大代表, a bare 检查组) have no level word or lexicon entry and are not matched; named
bodies without a level are (主任会议, 乡镇人大主席团, <organ>执法检查组). A township's
presidium is one organ named whole (乡人大主席团 does not also give 乡人大:
``organs.presidium``); a list of three or more levels before 三级人大 is the tiered system
(``organs.tier_list``); a bracketed alternative level keeps the form written
(县（市）人大常委会: ``organs.level_alternative``); numbered and formed teams (第三代表小组,
由…代表组成的监督小组: ``organs.team``, ``organs.team_formed``); rooms listed beside
other rooms are a station's facilities (代表议事厅、代表活动室: no mention); a township tier
before a station is the plain type (乡镇人大代表之家 -> 代表之家). A unit an organ sends
(市纪委派驻纪检组) is one body, its sender not recorded (``organs.dispatched``); committees
listed after one named with its organ share it (``organs.committee_list``); a table's
abbreviation of a committee named in full is that committee (``organs.committee_alias``);
sectors listed before one 部门 share it (``organs.department_shared``); bare sub-units listed
after one named with its organ share it (县委组织部、宣传部: ``organs.sub_unit_list``); a sub-unit named as
the scope of its own rules (《…机关工作规则》) is no mention (``organs.sub_unit_in_title``). Rules and lexicons: ``kg/data/organs.toml``,
``organ_committees.tsv``, ``organ_sectors.tsv``, ``organ_place_stop.tsv``.

Mention attrs: ``kind`` (人大常委会, 政府, 党委, 联络站 ...), ``level`` (the level word as
written: 区, 自治区, 全国; "" when none), ``rank`` (省 市 县 区 旗 乡 镇 街道 全国),
``term`` (届, digits as written), ``place`` (unmasked place name, when read),
``parent`` (label of the organ a sub-unit belongs to). Sitting mentions have kind
"sitting" and attr ``organ``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from kg.extract.laws import hard_wraps
from kg.extract.rules import derived, load_lines, load_toml, load_tsv
from kg.records import Document, Mention

_KIND = "organ"
_SITTING = "sitting"
_CJK = r"[\u3400-\u9fff]"
# characters that cannot be inside an unmasked place name read before a level word
_NOT_PLACE = set("的了是在对等年月日来这其我们各全本该把被将以为与和及或并也都还就已所之于从到让使给由要")
# characters that cannot be inside a committee name read after its organ
_NOT_NAME = "的了和在对与及等是为把被将向从于"
# station kinds merged within a document when they differ only by 人大 / 级
_VARIANT_KINDS = {"联络站", "代表之家", "工作室"}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Rules:
    regex: re.Pattern
    levels: dict  # written level word -> rank
    level_labels: dict  # written level word -> label prefix (自治州 -> 州)
    level_finder: re.Pattern
    cores: dict  # surface -> (label, kind)
    subs: dict
    sub_stop: re.Pattern
    full_names: dict  # a department's short name -> its full name (发改委 -> 发展和改革委员会)
    court_by_level: dict  # level word -> the court of that level (省 -> 高级人民法院)
    named: dict  # surface -> (label, kind, scope)
    committees: dict  # surface -> (label, kind)
    station: re.Pattern
    team: re.Pattern
    base: re.Pattern  # fullmatch of a training-base sub-unit, names in group "names"
    dept: re.Pattern
    dept_lv: re.Pattern  # offices, stations and units read only after a level word or mask
    units: tuple
    list_sep: re.Pattern
    place_stop: tuple
    mask: re.Pattern
    place_ends: str  # level characters that also end place names (赣州市)
    tier_stop: tuple  # words after <list>N级人大 that make it the tiered system (三级人大联动)
    room_words: tuple  # station words naming a room (代表活动室)
    room_ends: str  # last characters of room nouns in a list of rooms (议事厅, 阅览室)


@derived
def _rules() -> _Rules:
    cfg = load_toml("organs.toml")
    pat = cfg["patterns"]
    levels = dict(cfg["levels"])
    level_labels = {w: str(cfg.get("level_labels", {}).get(w, w)) for w in levels}
    blockers = cfg["blockers"]
    mask, num, sep = pat["mask_re"], pat["num_re"], pat["list_sep_re"]
    term = f"第?{num}届"
    sitting = f"(?:第?{num}次(?:全体|主任)?(?:会议|全会)|{num}中全会)"

    # organs.place_end: 赣州市 is a place name ending in 州, not the list 州、市. The end
    # character is no level there, and the level word after it is not blocked by it.
    pe = {w: a for w, a in cfg.get("place_end", {}).items() if w != "place_end_list_cues"}
    cues = cfg.get("place_end", {}).get("place_end_list_cues", "")

    def not_list(w: str) -> str:  # characters before w that make it a list's first word
        return re.escape(blockers.get(w, "") + cues + "".join(sorted(_NOT_PLACE)))

    place_end = "|".join(f"(?<=[\u3400-\u9fff])(?<![{not_list(w)}]){re.escape(w)}(?=[{re.escape(a)}])"
                         for w, a in pe.items())
    place_end_guard = f"(?!{place_end})" if place_end else ""

    def level_word(w: str) -> str:
        blk = blockers.get(w, "")
        if not blk:
            return re.escape(w)
        after_place = [f"(?<=[\u3400-\u9fff]{re.escape(e)})(?<![{not_list(e)}]{re.escape(e)})"
                       for e, a in pe.items() if w in a]
        ok = "|".join([f"(?<![{re.escape(blk)}])", *after_place])
        return f"(?:{ok}){re.escape(w)}"

    ordered = sorted(levels, key=lambda w: (-len(w), w))
    level_finder_re = re.compile(_alt(levels))
    level_lb = "(?:" + "|".join(level_word(w) for w in ordered) + ")"
    level_plain = f"(?:{_alt(levels)})"

    st = cfg["stations"]
    station = f"(?:人大)?代表(?:{_alt(st['words'])})"
    team = f"(?:人大)?代表(?:{_alt(st['team_middles'])})?(?:{_alt(st['team_words'])})"
    # organs.team_formed: 由…代表组成的监督小组, 成立调研小组
    formed_heads = "|".join(f"(?<={re.escape(h)})" for h in st.get("team_formed_heads", []))
    team_formed = (f"(?:{formed_heads})(?:{_alt(st['team_middles'])})(?:{_alt(st['team_formed_words'])})"
                   if formed_heads else "(?!)")
    base = f"(?:{_alt(st['base_prefixes'])})(?:{_alt(st['base_words'])})"
    name = r"(?:(?![和及与、])[\u3400-\u9fff]){2,3}"
    base_sub = f"(?:{name}(?:{sep}{name})*)?(?:{_alt(st['base_prefixes'])})?(?:{_alt(st['base_words'])})"
    tiers = _alt(st["tiers"])
    college = _alt(st["college_words"])

    dep = cfg["departments"]
    sectors = load_lines("organ_sectors.tsv")
    dept = f"(?:(?:{_alt(sectors)})(?:{_alt(dep['suffixes'])})|{_alt(dep['abbreviations'])})(?!{dep['not_after']})"
    # organs.department.level_only: <sector>办公室/所/站/执法中队 and units (卫生院)
    dept_lv = (f"(?:{_alt(sectors)})(?:{_alt(dep.get('level_suffixes', []))})"
               f"|{_alt(dep.get('level_units', []))}")

    committees = {row[0]: (row[1], row[2]) for row in load_tsv("organ_committees.tsv") if len(row) >= 3}
    # organs.committee_short_form: every listed committee is also written short, the
    # working committee as <name>工委 and the special committee as <name>委 (农业与农村
    # 工作委员会 -> 农业与农村工委, 监察和司法委员会 -> 监察和司法委); the short label is as written
    for surface, (_, kind) in list(committees.items()):
        for full, short in (("工作委员会", "工委"), ("委员会", "委")):
            if surface.endswith(full) and len(surface) - len(full) >= 2:
                if full == "委员会" and surface.endswith("工作委员会"):
                    break
                committees.setdefault(surface[: -len(full)] + short, (surface[: -len(full)] + short, kind))
                break
    committee = _alt(committees)

    congress_stop = _alt(cfg["congress"]["stop_after"])
    party_stop = _alt(cfg["congress"]["party_stop_after"])
    cores = {k: tuple(v) for k, v in cfg["cores"].items()}

    def core_alt(surface: str) -> str:
        if surface in ("人大", "人民代表大会"):
            return f"{re.escape(surface)}(?!{congress_stop})"
        if surface == "委":
            return f"委(?!{party_stop})"
        return re.escape(surface)

    core_lex = "|".join(core_alt(s) for s in sorted(cores, key=lambda w: (-len(w), w)))
    core = f"(?:{station}|{team}|{base}|{dept}|{dept_lv}|{committee}|{core_lex})"
    subs = {k: tuple(v) for k, v in cfg["subs"].items()}
    # after an organ, any <name>工作委员会 is one of its working committees
    # (市人大常委会代表联络工作委员会); without an organ only listed names count
    est = cfg.get("establish", {})
    verbs = _alt(est.get("verbs", [])) or "(?!)"
    adverbs = _alt(est.get("adverbs", [])) or "(?!)"
    establish = f"(?:{adverbs})?(?:{verbs})(?:{_alt(est.get('suffix', [])) or '(?!)'})?"
    # 有关工作委员会, 各工作委员会 name no committee (generic references)
    working = (rf"(?!有关|相关|各|其他|其它)(?:(?!{verbs}|{adverbs})(?![{_NOT_NAME}])[\u3400-\u9fff]){{2,10}}?"
               r"(?:工作委员会|工委)")
    # organs.dispatched: 派驻[第N]<unit> after the sending organ (市纪委派驻纪检组)
    dispatched = f"派驻(?:第{num})?(?:{_alt(cfg.get('dispatched', {}).get('units', []))})"
    sub = f"(?:{dispatched}|{_alt(subs)}|{committee}|{station}|{team}|{base_sub}|{working})(?!{cfg['patterns']['sub_not_after']})"
    named = {k: tuple(v) for k, v in cfg["named"].items()}
    centre_after = f"{sep}{level_plain}(?:{sep}?{level_plain})*(?:党委|委)|{_alt(cfg['patterns']['party_centre_after'])}"
    not_place = "".join(sorted(_NOT_PLACE))

    # every branch starts with one of these characters: checking it first lets the scan
    # skip most positions with one test instead of trying every branch
    starts = [*levels, *cores, *named, *committees, *sectors, *dep["abbreviations"], *st["tiers"],
              *dep.get("level_units", []),
              *st["base_prefixes"], *st["team_middles"], "中", "人", "常", "代", "第", "*", "＊", "×"]
    first = "".join(sorted({w[0] for w in starts} | set("一二三四五六七八九十百零〇两0123456789")))
    # a named organ that starts with a level word (乡镇人大主席团) is read whole, not as a
    # list (乡、镇人大) or a level organ
    named_lv = [k for k in named if level_finder_re.match(k)]
    named_guard = f"(?!{_alt(named_lv)})" if named_lv else ""
    regex = rf"""(?=[{re.escape(first)}])(?:
    (?P<C>(?<!党)(?<!中共)中央(?={centre_after}))
    |(?P<G>{named_guard}(?P<g_lv>(?<=各){level_plain}|{level_lb})[(（](?P<g_alt>{level_plain}(?:{sep}{level_plain})*)[)）](?P<g_core>{core_lex}))
    |(?P<B>{named_guard}{place_end_guard}(?P<b_list>{level_lb}(?:{sep}?{level_plain})+)(?:[两三四五]级)?(?P<b_core>{core_lex}))
    |(?P<A>{named_guard}(?P<a_pre>(?:{mask}{level_plain})*{mask})?(?P<a_t1>{term})?(?P<a_lv>{level_lb})(?P<a_ji>级(?={core_lex}))?(?P<a_t2>{term})?
        (?P<a_core>{core})(?:(?P<a_sit>(?:{term})?{sitting})|(?:{establish})?(?P<a_sub>{sub}))?)
    |(?P<F>(?P<f_pre>{mask})?(?P<f_lv>{level_lb})(?P<f_name>(?:(?![{not_place}])[\u3400-\u9fff]){{2,8}}?)(?P<f_suf>{college}))
    |(?P<E>(?:{term})?(?:人民代表大会常务委员会|人民代表大会|人大常委会|人大|常委会)(?:{term})?{sitting})
    |(?P<D>(?P<d_sc>(?:人大)?常委会)(?:{establish})?(?P<d_scsub>{sub})
        |(?P<d_dept>{dept})
        |(?<=[*＊×])(?P<d_deptlv>{dept_lv})
        |(?P<d_named>{_alt(named)})
        |(?P<d_st>(?:第{num}(?={team})|(?:{tiers})级?)?(?:{station}|{team}|{base}))
        |(?P<d_ft>{team_formed})
        |(?P<d_com>{committee})))
    """
    return _Rules(
        regex=re.compile(regex, re.VERBOSE),
        levels=levels,
        level_labels=level_labels,
        level_finder=level_finder_re,
        cores=cores,
        subs=subs,
        sub_stop=re.compile(cfg["patterns"]["sub_not_after"]),
        full_names=dict(cfg["departments"].get("full_names", {})),
        court_by_level=dict(cfg["resolve"].get("court_by_level", {})),
        named=named,
        committees=committees,
        station=re.compile(station),
        team=re.compile(team),
        base=re.compile(f"(?P<names>{name}(?:{sep}{name})*)?(?P<rest>(?:{_alt(st['base_prefixes'])})?(?:{_alt(st['base_words'])}))"),
        dept=re.compile(dept),
        dept_lv=re.compile(dept_lv),
        units=tuple(dep.get("level_units", [])),
        list_sep=re.compile(sep),
        place_stop=tuple(load_lines("organ_place_stop.tsv")),
        mask=re.compile(mask),
        place_ends="".join(pe),
        tier_stop=tuple(cfg["congress"].get("tier_stop_after", ())),
        room_words=tuple(st.get("room_words", ())),
        room_ends=str(st.get("room_ends", "")),
    )


def _unit_kind(text: str, r: _Rules) -> str | None:
    """Kind of a station, team, base or department written as is, else None."""
    if r.station.fullmatch(text):
        if text.endswith(("之家", "家站")):
            return "代表之家"
        if text.endswith("工作室"):
            return "工作室"
        if text.endswith(("联系点",)):
            return "联系点"
        return "联络站"
    if r.team.fullmatch(text):
        return "小组" if text.endswith("小组") else "团队"
    if r.base.fullmatch(text):
        return "培训基地"
    if r.dept.fullmatch(text):
        return "部门" if text.endswith("部门") else "局"
    if r.dept_lv.fullmatch(text):
        return "事业单位" if text in r.units else "站所"
    return None


def _classify(text: str, r: _Rules, lexicon: dict) -> list[tuple[str, str]]:
    """(label, kind) pairs of a core or sub-unit; a list because some split in two. A
    department's short name is labelled with its full name (organs.department.full_name)."""
    return [(r.full_names.get(label, label), kind) for label, kind in _classify_written(text, r, lexicon)]


def _classify_written(text: str, r: _Rules, lexicon: dict) -> list[tuple[str, str]]:
    if text in lexicon:
        label, kind = lexicon[text][:2]
        if kind == "纪委监委":  # one office, two organs
            return [("纪委", "纪委"), ("监察委员会", "监察委员会")]
        return [(label, kind)]
    if text in r.committees:
        return [r.committees[text]]
    if text.endswith(("工作委员会", "工委")) and len(text) > 2:
        return [(text, "工作委员会")]
    m = r.base.fullmatch(text)
    if m and m["names"]:  # 深圳和成都培训基地: one base per city
        return [(n + m["rest"], "培训基地") for n in r.list_sep.split(m["names"])]
    kind = _unit_kind(text, r)
    return [(text, kind)] if kind else []


def level_label(level: str, core: str) -> str:
    """An organ's label from its level word and core: 省 + 人民法院 is the province's
    高级人民法院 (organs.court_by_level).

    >>> level_label("省", "人民法院"), level_label("市", "人民法院"), level_label("省", "政府")
    ('省高级人民法院', '市人民法院', '省政府')
    """
    if core == "人民法院":
        core = _rules().court_by_level.get(level, core)
    return level + core


def _term(text: str | None) -> str:
    return text.lstrip("第").rstrip("届") if text else ""


def _place_before(text: str, pos: int, r: _Rules) -> str:
    """An unmasked place name written right before ``pos`` (a level word), or "".

    Read only where a name is likely: a short line (title, heading) that starts with it,
    after 受 (我受…委托) or after 中共. Names are not in a gazetteer, so anything else is
    left alone rather than guessed.

    >>> _place_before("郑州市金水区人大常委会工作报告", 5, _rules())
    '郑州市金水'
    >>> _place_before("要求区政府整改", 2, _rules())
    ''
    """
    k = pos
    while k > 0 and pos - k < 12 and re.match(_CJK, text[k - 1]):
        k -= 1
    seg = text[k:pos]
    if not seg:
        return ""
    for cue in ("中共", "受"):
        i = seg.rfind(cue)
        if i >= 0:
            seg = seg[i + len(cue):]
            break
    else:
        line_start = text.rfind("\n", 0, k) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if k != line_start or line_end - line_start > 50:
            return ""
    if not seg or len(seg) > 10 or any(c in _NOT_PLACE for c in seg) or seg.startswith(r.place_stop):
        return ""
    # the name of the unit itself (after any higher units: 郑州市|金水) is short, except
    # before an autonomous level (长阳土家族|自治县)
    own = r.level_finder.split(seg)[-1]
    if not own and seg[-1] in r.place_ends:  # 郑州|市: the name ends in a level character
        own = seg
    if not own or len(own) > (8 if text.startswith("自治", pos) else 4):
        return ""
    return seg


class _Collector:
    """Builds mentions of one document, mapping spans to sentences."""

    def __init__(self, doc: Document, sentences) -> None:
        # organs.wrapped_line: the hard line breaks of a PDF copy (省\n发展改革委) are
        # removed before the scan; offsets are mapped back to the document
        self.doc_text = doc.text
        self.cuts = hard_wraps(doc.text) if "\n" in doc.text else []
        self.text = doc.text
        self.vcuts: list[int] = []  # scan offset at which each removed break was
        self.shift: list[int] = [0]  # characters removed before each piece
        if self.cuts:
            parts, k = [], 0
            for a, b in self.cuts:
                parts.append(doc.text[k:a])
                self.vcuts.append(sum(map(len, parts)))
                self.shift.append(self.shift[-1] + b - a)
                k = b
            parts.append(doc.text[k:])
            self.text = "".join(parts)
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.out: list[Mention] = []
        self.masked: dict[int, str] = {}  # index in out -> mask written before it

    def sentence(self, start: int) -> int | None:
        i = bisect_right(self.starts, start) - 1
        if i < 0 or start >= self.sentences[i].end:
            return None
        return self.sentences[i].index

    def doc_pos(self, v: int, end: bool = False) -> int:
        """Document offset of scan offset ``v`` (an exclusive end maps from its last char)."""
        if not self.cuts:
            return v
        if end and v > 0:
            return self.doc_pos(v - 1) + 1
        return v + self.shift[bisect_right(self.vcuts, v)]

    def add(self, kind, start, end, label, rule, attrs: dict, mask: str = "") -> None:
        if self.cuts:
            start, end = self.doc_pos(start), self.doc_pos(end, end=True)
        sent = self.sentence(start)
        if sent is None:
            return
        pairs = tuple(sorted((k, v) for k, v in attrs.items() if v))
        if mask:
            self.masked[len(self.out)] = mask
        self.out.append(Mention(kind, start, end, self.doc_text[start:end], label, rule, sent, pairs))


def _level_attrs(lv: str, kind: str, r: _Rules, **extra) -> dict:
    return {"level": r.level_labels.get(lv, lv), "rank": r.levels.get(lv, ""), "kind": kind, **extra}


def _on_level(m: re.Match, col: _Collector, r: _Rules) -> None:
    written, pre = m["a_lv"], m["a_pre"] or ""
    start = m.start("A")
    place = ""
    if not pre and not m["a_t1"]:
        name = _place_before(col.text, start, r)
        if name:
            place, start = name + written, start - len(name)
    lv = r.level_labels.get(written, written)  # organs.level_label: 自治州 -> 州
    if m["a_ji"]:
        # organs.level_tier: 县级人大常委会, 县级人民政府 name the bodies of a tier below the
        # document's own (加强与县级人大常委会的工作联系), kept as written; like 县（市、区）
        # 人大常委会 they name no level of their own (attr level "")
        for core_label, kind in _classify(m["a_core"], r, r.cores):
            col.add(_KIND, start, m.end("a_core"), f"{written}级{core_label}", "organs.level_tier",
                    {"kind": kind, "rank": r.levels.get(written, "")})
        return
    term = _term(m["a_t1"] or m["a_t2"])
    parents = _classify(m["a_core"], r, r.cores)
    # 区十七届人大三次会议 names a session of the congress, not the congress acting: only the
    # sitting is recorded (a standing committee's sitting still names its organ).
    session_only = bool(m["a_sit"]) and all(kind == "人大" for _, kind in parents)
    if m["a_sub"] and m["a_sub"].startswith("派驻") and parents:
        # organs.dispatched: the dispatched unit is one body named whole; its sender is
        # written only as the sender and is not recorded from this phrase
        parent = lv + parents[0][0]
        attrs = _level_attrs(lv, "派驻机构", r, term=term, place=place, parent=parent)
        col.add(_KIND, start, m.end(), parent + m["a_sub"], "organs.dispatched", attrs, pre)
        return
    for core_label, kind in ([] if session_only else parents):
        label = level_label(lv, core_label)
        attrs = _level_attrs(lv, kind, r, term=term, place=place)
        col.add(_KIND, start, m.end("a_core"), label, "organs.level", attrs, pre)
    if m["a_sit"]:
        written_from = m.start("a_t1") if m["a_t1"] else m.start("a_lv")
        organ = lv + parents[0][0] if parents else ""
        col.add(_SITTING, start, m.end(), col.text[written_from:m.end()], "organs.sitting",
                {"level": lv, "rank": r.levels.get(written, ""), "kind": _SITTING, "organ": organ, "term": term,
                 "place": place})
    if m["a_sub"] and parents:
        parent = lv + parents[0][0]
        for sub_label, kind in _classify(m["a_sub"], r, r.subs):
            if m["a_sub"] == "及其常委会":
                if parents[0][1] != "人大":
                    continue
                label = lv + sub_label
            else:
                label = parent + sub_label
            attrs = _level_attrs(lv, kind, r, term=term, place=place, parent=parent)
            col.add(_KIND, start, m.end(), label, "organs.sub_unit", attrs, pre)


def _on_list(m: re.Match, col: _Collector, r: _Rules) -> None:
    """organs.shared_ending. A township member (乡, 镇) of a list stands for every
    township of the area, a generic reference, and is dropped; a list written without a
    separator that holds one (县乡人大, 县乡两级人大, 乡镇人大) is the fixed term for a tier
    of congresses and gives nothing (市、乡两级人大 still names the city's own)."""
    written = m["b_list"]
    words = r.level_finder.findall(written)
    township = [w for w in words if r.levels.get(w) in ("乡", "镇")]
    if township and not r.list_sep.search(written):
        return
    if not r.list_sep.search(written) and len({r.levels.get(w) for w in words}) == 1 \
            and not re.search("[两三四五]级", m["B"]):
        # organs.same_rank_tier: levels of one rank written together (8个市州人大常委会,
        # 各县市区人民法院) name the tier of units of that rank, kept as written; like
        # 县（市、区）人大常委会 it names no level of its own
        for core_label, kind in _classify(m["b_core"], r, r.cores):
            col.add(_KIND, m.start(), m.end(), written + core_label, "organs.same_rank_tier",
                    {"kind": kind, "rank": r.levels.get(words[0], "")})
        return
    tier = re.search("([两三四五])级", m["B"])
    if tier and m["b_core"] in ("人大", "人民代表大会") \
            and (tier[1] != "两" or col.text.startswith(r.tier_stop, m.end())):
        return  # organs.tier_list: 省、州、县三级人大联动 is the tiered system, not three bodies
    for lv in words:
        if lv in township:
            continue
        for core_label, kind in _classify(m["b_core"], r, r.cores):
            label = r.level_labels.get(lv, lv) + core_label
            col.add(_KIND, m.start(), m.end(), label, "organs.shared_ending", _level_attrs(lv, kind, r))


def _on_unprefixed(m: re.Match, col: _Collector, r: _Rules) -> None:
    start, end = m.start(), m.end()
    if m["d_sc"]:
        for sub_label, kind in _classify(m["d_scsub"], r, r.subs):
            col.add(_KIND, start, end, m["d_sc"] + sub_label, "organs.sub_unit", {"kind": kind})
    elif m["d_named"]:
        label, kind, scope = r.named[m["d_named"]]
        col.add(_KIND, start, end, label, "organs.named",
                {"kind": kind, "level": scope, "rank": scope})
    elif m["d_ft"]:
        col.add(_KIND, start, end, m["d_ft"], "organs.team_formed", {"kind": "小组" if m["d_ft"].endswith("小组") else "团队"})
    elif m["d_st"]:
        written = m["d_st"]
        if written.endswith(r.room_words) and _in_room_list(col.text, start, end, r):
            return
        quoted = _QUOTED_NAME.search(col.text, max(0, start - 10), start)
        if quoted and col.text[end:end + 1] in "”\"":
            # organs.station_quoted: a station named in quotes keeps its name
            # (“民族团结代表联络点”, “老兵代表工作室”)
            col.add(_KIND, quoted.start(1), end, quoted[1] + written, "organs.station_quoted",
                    {"kind": _unit_kind(written[written.find("代表"):], r) or "联络站"})
            return
        rule = {"小组": "organs.team", "团队": "organs.team", "培训基地": "organs.training_base"}
        # the tier is not part of the unit: classify what follows it
        for i in range(len(written)):
            kind = _unit_kind(written[i:], r)
            if kind:
                col.add(_KIND, start, end, written, rule.get(kind, "organs.station"), {"kind": kind})
                break
    elif m["d_com"]:
        label, kind = r.committees[m["d_com"]]
        col.add(_KIND, start, end, label, "organs.committee", {"kind": kind})
    elif m["d_dept"]:
        kind = "部门" if m["d_dept"].endswith("部门") else "局"
        if kind == "部门":
            # organs.department_shared: sectors listed before one 部门 share it (财政、
            # 审计部门; 教育和卫生部门): one department per sector, on the list's span
            k = start
            while True:
                lead = _SECTOR_BEFORE(r).search(col.text, max(0, k - 12), k)
                if not lead:
                    break
                k = lead.start()
                col.add(_KIND, k, end, lead["s"] + "部门", "organs.department_shared", {"kind": kind})
        col.add(_KIND, start, end, m["d_dept"], "organs.department", {"kind": kind})
    elif m["d_deptlv"]:  # **市场监管所: the mask is the place and is dropped
        col.add(_KIND, start, end, m["d_deptlv"], "organs.department.level_only",
                {"kind": _unit_kind(m["d_deptlv"], r) or "站所"})


_SECTOR_RE: dict = {}


def _SECTOR_BEFORE(r: _Rules) -> re.Pattern:
    """<sector><separator> right before a position (end-anchored search)."""
    if id(r) not in _SECTOR_RE:
        sectors = load_lines("organ_sectors.tsv")
        _SECTOR_RE.clear()
        _SECTOR_RE[id(r)] = re.compile(f"(?P<s>{_alt(sectors)})[、和及与]$")
    return _SECTOR_RE[id(r)]


_QUOTED_NAME = re.compile(r"[“\"]([\u3400-\u9fff]{2,8})$")
# organs.group_named: a working group set up under its own name (成立了县乡两级人大换届选举
# 工作指导小组, 成立自治条例修订工作领导小组) is a body; 领导小组/指导小组/工作专班 are only
# ever names of set-up bodies. Read after a verb of setting up, which bounds the name.
_GROUP_NAMED = re.compile(
    r"(?:成立|组建|设立|调整充实)了?(?P<n>(?:(?![的和了，。；、])[\u3400-\u9fff]){2,18}?"
    r"(?:领导小组|指导小组|工作专班|协调小组))")


def _in_room_list(text: str, start: int, end: int, r: _Rules) -> bool:
    """代表议事厅、代表接待室、代表活动室和图书阅览室: a room listed beside another room
    (a noun ending in 室 or 厅) is a facility of a station, not a station of its own.

    >>> _in_room_list("设立代表议事厅、代表活动室。", 8, 13, _rules())
    True
    >>> _in_room_list("新建代表活动室28个。", 2, 7, _rules())
    False
    """
    seps = "、和及与"
    if start >= 2 and text[start - 1] in seps and text[start - 2] in r.room_ends:
        return True
    if end < len(text) and text[end] in seps:
        m = re.match(r"[\u3400-\u9fff]{1,8}", text[end + 1:])
        if m and any(text[end + 1 + k] in r.room_ends and (k + 1 == len(m[0]) or text[end + 2 + k] in seps)
                     for k in range(len(m[0]))):
            return True
    return False


def _on_alternative(m: re.Match, col: _Collector, r: _Rules) -> None:
    """organs.level_alternative: 县（市）人大常委会, 县（市、区）人民法院: the organ of each
    unit of one tier, whatever it is called, kept as written. It names no level of its own
    (attr level ""), so it never weighs in the document's jurisdiction. A township tier
    (乡（镇）人大) is every township's, a generic reference, and gives nothing."""
    rank = r.levels.get(m["g_lv"], "")
    if rank in ("乡", "镇", "街道"):
        return
    for core_label, kind in _classify(m["g_core"], r, r.cores):
        label = col.text[m.start("g_lv"):m.start("g_core")] + core_label
        col.add(_KIND, m.start(), m.end(), label, "organs.level_alternative",
                {"kind": kind, "rank": rank, "alt": m["g_alt"]})


def _keep_distinct_masks(col: _Collector) -> list[Mention]:
    """省委、市委、*市委: a masked organ listed right after the same organ unmasked is
    another place's; its label keeps the mask so the two stay apart."""
    out = list(col.out)
    for i, mask in col.masked.items():
        cur = out[i]
        for j in range(i - 1, -1, -1):
            prev = out[j]
            if prev.end <= cur.start:
                gap = col.doc_text[prev.end:cur.start]
                if prev.label == cur.label and j not in col.masked and len(gap) <= 1 \
                        and (not gap or gap in "、和及与"):
                    out[i] = Mention(cur.kind, cur.start, cur.end, cur.text, mask + cur.label, cur.rule,
                                     cur.sentence, cur.attrs)
                break
    return out


def _merge_variants(mentions: list[Mention]) -> list[Mention]:
    """社区代表联络站 and 社区级人大代表联络站 in one document are one tier of stations:
    both take the fullest form written. A station of no tier is labelled without 人大
    (人大代表之家 -> 代表之家, 人大代表联络站 -> 代表联络站), as the annotations of the genre
    record the generic type."""
    def key(m: Mention) -> str:
        return m.label.replace("人大", "").replace("级", "")

    best: dict[str, str] = {}
    for m in mentions:
        if m.kind == _KIND and m.attr("kind") in _VARIANT_KINDS:
            k = key(m)
            if k.startswith("代表"):  # no tier: the plain type
                best[k] = k
            elif len(m.label) > len(best.get(k, "")):
                best[k] = m.label
    out = []
    for m in mentions:
        if m.kind == _KIND and m.attr("kind") in _VARIANT_KINDS and best[key(m)] != m.label:
            m = Mention(m.kind, m.start, m.end, m.text, best[key(m)], m.rule, m.sentence, m.attrs)
        out.append(m)
    return out


_TITLE = re.compile(r"《[^《》\n]{2,120}?法(?:[（(][^《》]{1,12}[）)])?》")


def _outside_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """organs.in_law_title: an organ named inside the title of a law is part of the law's
    name (《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》, 《…人民法院
    组织法》, 《各级人民代表大会常务委员会监督法》): the text does not name that body. The
    organ at the title's start stays (《**省人大常委会…办法》), as do organs inside policy
    titles (《关于加强全省人大代表联络站建设工作的指导意见》 names the stations it is about).
    """
    return _drop_inside_titles(text, mentions, _TITLE,
                               lambda m, a, b: m.kind == _KIND and m.start > a + 1 and m.end < b)


def _drop_inside_titles(text: str, mentions: list[Mention], titles: re.Pattern, inside) -> list[Mention]:
    """Mentions without those that ``inside(mention, start, end)`` places in a title span."""
    if "《" not in text:
        return mentions
    spans = [(t.start(), t.end()) for t in titles.finditer(text)]
    if not spans:
        return mentions
    opens = [a for a, _ in spans]
    out = []
    for m in mentions:
        i = bisect_right(opens, m.start) - 1
        if i >= 0 and inside(m, *spans[i]):
            continue
        out.append(m)
    return out


def _merge_written_forms(mentions: list[Mention]) -> list[Mention]:
    """One label per organ where a document writes it two ways:

    - organs.working_committee_written: 街道人大工作委员会 and 街道人大工委 in one text are
      one committee, labelled with the short form;
    - organs.committee_parent: a bare committee (法制工作委员会) of a text that also names
      it with its organ (市人大常委会法制工作委员会) is that committee, when only one
      organ's committee ends so.
    """
    short = {m.label for m in mentions if m.kind == _KIND and m.label.endswith("人大工委")}
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == _KIND and m.attr("parent") and m.attr("kind") in ("工作委员会", "专门委员会"):
            full.setdefault(m.label[len(m.attr("parent")):], set()).add(m.label)
    if not short and not full:
        return mentions
    out = []
    for m in mentions:
        if m.kind == _KIND and m.label.endswith("人大工作委员会"):
            s = m.label[: -len("人大工作委员会")] + "人大工委"
            if s in short:
                m = replace(m, label=s)
        elif m.kind == _KIND and m.rule == "organs.committee" and len(full.get(m.label, ())) == 1:
            m = replace(m, label=next(iter(full[m.label])))
        out.append(m)
    return out


_COMMITTEE_KINDS = ("工作委员会", "专门委员会")


def _committee_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """organs.committee_list: committees listed after one named with its organ share the
    organ (市人大常委会法工委、预算工委和社会建设工委 are three of the 市人大常委会's
    committees): a bare committee right after such a committee (one separator between)
    takes its parent. A list after a bare 常委会 (常委会办公室、法工委) stays as written.
    """
    out: list[Mention] = []
    prev: Mention | None = None
    for m in mentions:
        if m.kind == _KIND and prev is not None and m.rule == "organs.committee" \
                and m.attr("kind") in _COMMITTEE_KINDS and 0 < m.start - prev.end <= 1 \
                and text[prev.end:m.start] in "、和及与":
            # a bare 常委会X before it: the listed one is the own committee's too (常委会X、Y)
            parent = prev.attr("parent") or _BARE_OWN
            attrs = dict(prev.attrs)
            attrs["kind"] = m.attr("kind")
            m = Mention(m.kind, m.start, m.end, m.text, parent + m.label, "organs.committee_list", m.sentence,
                        tuple(sorted(attrs.items())))
        if m.kind == _KIND:
            ok = m.attr("kind") in _COMMITTEE_KINDS and (
                (m.attr("parent") and m.attr("level")) or (m.label.startswith(_BARE_OWN) and not m.attr("level")))
            prev = m if ok else (prev if prev is not None and m.end <= prev.end else None)
        out.append(m)
    return out


_BARE_OWN = "常委会"


def _sub_unit_lists(text: str, mentions: list[Mention], r: _Rules) -> list[Mention]:
    """organs.sub_unit_list: bare sub-units listed right after one named with its organ
    share the organ (县委组织部、宣传部; 区人大常委会办公室、研究室): each takes the parent
    of the one before it when nothing else was found there."""
    subs = sorted(r.subs, key=len, reverse=True)
    starts = {m.start for m in mentions if m.kind == _KIND}
    out: list[Mention] = []
    for m in mentions:
        out.append(m)
        prev = m
        while (prev.kind == _KIND and prev.attr("parent") and prev.rule in _LISTABLE
               and text[prev.end:prev.end + 1] in ("、", "和", "及")):
            at = prev.end + 1
            word = next((w for w in subs if text.startswith(w, at)), None)
            if word is None or at in starts or r.sub_stop.match(text, at + len(word)):
                break
            label, kind = r.subs[word]
            parent = prev.attr("parent")
            attrs = dict(prev.attrs)
            attrs["kind"] = kind
            prev = Mention(_KIND, at, at + len(word), word, parent + label, "organs.sub_unit_list",
                           m.sentence, tuple(sorted(attrs.items())))
            starts.add(at)
            out.append(prev)
    return out


_LISTABLE = frozenset({"organs.sub_unit", "organs.sub_unit_list", "organs.committee_list"})


def _is_subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(c in it for c in short)


def _committee_aliases(mentions: list[Mention]) -> list[Mention]:
    """organs.committee_alias: a special committee abbreviated to the first characters of
    its words (城建委 for 城乡建设委员会, 教文委 for 教育文化委员会), in a text that names
    it in full with its organ, is that committee: the abbreviation's characters come in
    order in the full name, starting with its first, and only one such committee is named.
    A working committee abbreviated to …工委 (预工委 for 预算工作委员会) is matched among the
    working committees the same way; the two kinds are never mixed."""
    full = {(m.label, m.attr("parent") or (_BARE_OWN if m.label.startswith(_BARE_OWN) else ""))
            for m in mentions if m.kind == _KIND and m.label.endswith("委员会")
            and (m.attr("parent") or m.label.startswith(_BARE_OWN))
            and m.attr("kind") in _COMMITTEE_KINDS}
    if not full:
        return mentions
    out = []
    for m in mentions:
        if m.kind == _KIND and m.rule == "organs.committee" and m.label.endswith("委") and len(m.label) >= 3:
            working = m.label.endswith("工委")
            stem, tail = (m.label[:-2], 5) if working else (m.label[:-1], 3)
            hits = {label for label, parent in full
                    if label.endswith("工作委员会") == working and len(label) > len(parent) + tail
                    and label[len(parent)] == stem[0] and _is_subsequence(stem, label[len(parent):-tail])
                    and (working or label[len(parent):-tail] != stem)}
            if len(hits) == 1:
                m = replace(m, label=next(iter(hits)), rule="organs.committee_alias")
        out.append(m)
    return out


_ANY_TITLE = re.compile(r"《([^《》\n]{2,60}?(?:规则|办法|规定|细则|守则))》")


def _sub_units_in_rule_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """organs.sub_unit_in_title: the rules of an organ's own unit (《州人大常委会机关工作
    规则》, 《市人大常委会办公室公文处理办法》) name the unit as the scope of the document:
    the sub-unit compound inside such a title is no mention (the organ at the title's start
    still is)."""
    return _drop_inside_titles(text, mentions, _ANY_TITLE,
                               lambda m, a, b: m.kind == _KIND and m.rule == "organs.sub_unit"
                               and bool(m.attr("parent")) and m.start > a and m.end < b - 1)


def extract_organs(doc: Document, sentences) -> list[Mention]:
    """Organ mentions (kind "organ") and sittings (kind "sitting") of one document.

    >>> from kg.records import Document, Sentence
    >>> t = "配合省、市人大开展调研，督促区政府整改。"
    >>> d = Document("x", "x.txt", t, "", (), "")
    >>> [m.label for m in extract_organs(d, [Sentence(0, 0, len(t), t, 0, None)])]
    ['省人大', '市人大', '区政府']
    """
    r = _rules()
    col = _Collector(doc, sorted(sentences, key=lambda s: s.start))
    if not col.sentences:
        return []
    for m in r.regex.finditer(col.text):
        branch = next(g for g in "ABCDEFG" if m[g] is not None)
        if branch == "G":
            _on_alternative(m, col, r)
        elif branch == "A":
            _on_level(m, col, r)
        elif branch == "B":
            _on_list(m, col, r)
        elif branch == "C":
            col.add(_KIND, m.start(), m.end(), "中央", "organs.party_centre",
                    {"kind": "党委", "level": "全国", "rank": "全国"})
        elif branch == "F":
            lv, suf = m["f_lv"], m["f_suf"]
            label = r.level_labels.get(lv, lv) + m["f_name"] + suf
            kind = "培训学院" if "培训" in label or "干部" in label else "学院"
            col.add(_KIND, m.start(), m.end(), label, "organs.college", _level_attrs(lv, kind, r), m["f_pre"] or "")
        elif branch == "E":
            col.add(_SITTING, m.start(), m.end(), m["E"], "organs.sitting", {"kind": _SITTING})
        else:
            _on_unprefixed(m, col, r)
    for m in _GROUP_NAMED.finditer(col.text):
        col.add(_KIND, m.start("n"), m.end("n"), m["n"], "organs.group_named", {"kind": "小组"})
    mentions = _sub_unit_lists(doc.text, _committee_lists(doc.text, _keep_distinct_masks(col)), r)
    mentions = _merge_variants(mentions)
    mentions = _outside_titles(doc.text, _merge_written_forms(mentions))
    mentions = _sub_units_in_rule_titles(doc.text, _committee_aliases(mentions))
    seen, out = set(), []
    for m in mentions:
        key = (m.kind, m.start, m.end, m.label)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def organ_labels(mentions) -> list[str]:
    """Distinct organ labels in order of first mention (sittings left out).

    >>> organ_labels([])
    []
    """
    return list(Counter(m.label for m in mentions if m.kind == _KIND))
