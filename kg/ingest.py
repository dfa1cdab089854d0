"""Ingest: find input files, read them whatever their format or encoding, normalise.

Every later offset points into the text :func:`normalise` returns, so normalisation is
done once, here, and is idempotent.
"""
from __future__ import annotations

import hashlib
import io
import re
import statistics
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from kg.extract.rules import derived, load_toml
from kg.records import Document, safe_key

SUPPORTED = (".txt", ".docx", ".html", ".htm", ".pdf")


class IngestError(Exception):
    """A file that cannot be read as a document; ``str()`` is ``"<file>: <reason>"``.

    >>> str(IngestError(Path("a/report.doc"), "unsupported file type .doc"))
    'a/report.doc: unsupported file type .doc'
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = " ".join(str(reason).split())  # one line, whatever the library said
        super().__init__(f"{self.path}: {self.reason}")


# --------------------------------------------------------------------------- discover


def discover(paths: Sequence[Path]) -> list[Path]:
    """Supported files among ``paths``; folders are searched recursively, hidden files skipped.

    A path named explicitly must exist and, if a file, have a supported extension.

    >>> discover([])
    []
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in path.rglob("*"):
                rel = child.relative_to(path).parts
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED
                    and not any(p.startswith((".", "~$")) for p in rel)
                ):
                    found.add(child)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                raise IngestError(path, f"unsupported file type {path.suffix or '(none)'} (supported: {' '.join(SUPPORTED)})")
            found.add(path)
        else:
            raise IngestError(path, "no such file or folder")
    return sorted(found)


# --------------------------------------------------------------------------- decoding

# Very frequent characters of Chinese official prose, in both scripts: a decoding that
# yields few of them is the wrong one (Big5 bytes read as GB18030 give rare characters).
_COMMON = frozenset(
    "的一是在不了有和人中大上以要他到作地出就分成可主年同工也能下子产面而方后多定行法所民"
    "得十三之进着等度家力里如水化高自二理起小物加量都两制机当使点从业本去性好应开合还因由其"
    "些然前外天政四日社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此"
    "变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果员位入常文总次品式活设及管"
    "特件长求基资边流路级少图统接知较将组见计别角期根论运农指几九区强放决被做必战先回则任取据"
    "处府研作会国为这们发经时对来说个学实现动体当议员区于与开长点过进关务监督代表委常"
    "會國為這們發經時對來說個學實現動體當議員區於與開長點過進關務監督會議審視察檢報告")
_REPLACEMENT = "\ufffd"


def _plausibility(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    common = sum(map(_COMMON.__contains__, sample))
    bad = sample.count(_REPLACEMENT) + sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cs") and c not in "\n\r\t\f")
    return (common - 5 * bad) / len(sample)


def _prefer(encoding: str) -> str:
    # GB18030 is a superset of GBK and GB2312: the same bytes decode, more characters do
    enc = encoding.lower().replace("_", "")
    if enc in ("gbk", "gb2312", "cp936", "euccn", "hz", "gb18030"):
        return "gb18030"
    if enc in ("big5", "cp950", "big5hkscs"):
        return "big5hkscs"
    return encoding


def decode_bytes(raw: bytes, path: Path | str = "<bytes>") -> str:
    """Text of a plain-text file: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK or Big5.

    >>> decode_bytes("人大常委会".encode("gb18030"))
    '人大常委会'
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(path, f"broken UTF-16 text ({exc.reason})") from None
    if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
        raise IngestError(path, "empty file")
    if b"\x00" in raw:
        raise IngestError(path, "binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw).best()
    candidates = [_prefer(best.encoding)] if best is not None else []
    candidates += [e for e in ("gb18030", "big5hkscs") if e not in candidates]
    scored = []
    for enc in candidates:
        try:
            text = raw.decode(enc, errors="replace")
        except LookupError:
            continue
        scored.append((_plausibility(text), enc, text))
    score, _enc, text = max(scored, key=lambda s: s[0])
    if score <= 0.02 or text.count(_REPLACEMENT) > 0.02 * len(text):
        raise IngestError(path, "unreadable text: not UTF-8, GB18030/GBK or Big5 (binary file?)")
    return text


# --------------------------------------------------------------------------- formats


def _read_docx(raw: bytes, path: Path) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise IngestError(path, f"not a readable .docx file ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: one line per cell, merged cells once
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        lines.append(cell.text)
        else:
            lines.append(block.text)
    return "\n".join(lines)


_HTML_DROP = ("script", "style", "nav", "header", "footer", "noscript", "iframe", "template", "head", "form", "button", "select")
_HTML_BLOCK = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section",
    "article", "blockquote", "pre", "dd", "dt", "dl", "center", "main", "aside", "figure", "figcaption", "address",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_SOFT_WRAP = re.compile(r"\s*\n\s*")
_BLANK_LINES = re.compile(r"\n(?:[ \t\r\u3000\xa0]*\n)+")


def _read_html(raw: bytes, path: Path) -> str:
    from bs4 import BeautifulSoup

    # decode ourselves: pages declaring gb2312 often hold GBK/GB18030 characters
    declared = _META_CHARSET.search(raw[:4096])
    text = None
    if declared:
        try:
            text = raw.decode(_prefer(declared.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_bytes(raw, path)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    # source line breaks inside a paragraph are not breaks in Chinese text
    for node in soup.find_all(string=True):
        if "\n" in node:
            node.replace_with(_SOFT_WRAP.sub("", str(node)))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_HTML_BLOCK):
        tag.insert_before("\n")
        tag.insert_after("\n")
    # HTML blocks are lines; the blank lines between them carry nothing
    return _BLANK_LINES.sub("\n", soup.get_text())


_LINE_END_MARK = tuple("。！？：；…”’」』）)!?:;")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Rejoin lines a PDF wrapped at the page width (full-width lines not ending a sentence)."""
    widths = [len(s) for s in lines if len(s.strip()) > 10]
    if len(widths) < 3:
        return lines
    full = 0.85 * statistics.median(widths)
    out: list[str] = []
    carry = False
    for line in lines:
        if carry and out and not line.strip():
            continue  # the blank left by a page break inside a paragraph
        if carry and out:
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
        last = out[-1].rstrip()
        carry = len(line.rstrip()) >= full and not last.endswith(_LINE_END_MARK)
    return out


def _looks_wrapped(lines: list[str]) -> bool:
    """A plain text copied from a PDF: most lines share one width and many of them stop
    mid-sentence (a text of one paragraph per line varies in width and ends its lines with
    。). Page numbers are gone by now (boilerplate)."""
    widths = [len(s.strip()) for s in lines if len(s.strip()) > 10]
    if len(widths) < 8:
        return False
    mode = statistics.mode(widths)
    at_mode = [s.strip() for s in lines if abs(len(s.strip()) - mode) <= 1]
    open_ended = sum(1 for s in at_mode if not s.endswith(_LINE_END_MARK))
    return len(at_mode) >= 0.5 * len(widths) and open_ended >= 0.4 * len(at_mode)


def _read_pdf(raw: bytes, path: Path) -> str:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # font warnings are not the user's business
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, "encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise IngestError(path, f"not a readable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise IngestError(path, "no text layer (scanned PDF?)")
    return "\n".join("\n".join(_join_wrapped(p.split("\n"))) for p in pages)


def read_document(path: Path) -> Document:
    """Read one .txt/.docx/.html/.htm/.pdf file into a normalised :class:`Document`.

    Raises :class:`IngestError` (with the file name and a reason) for a missing, empty,
    binary, undecodable or unsupported file and for a PDF without a text layer. A PDF's
    lines, and those of a PDF copy saved as .txt, are rejoined where the page width broke them.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(path, f"unsupported file type {suffix or '(none)'} (supported: {' '.join(SUPPORTED)})")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except OSError as exc:
        raise IngestError(path, exc.strerror or type(exc).__name__) from None
    if not raw:
        raise IngestError(path, "empty file")
    if suffix == ".docx":
        text = _read_docx(raw, path)
    elif suffix in (".html", ".htm"):
        text = _read_html(raw, path)
    elif suffix == ".pdf":
        text = _read_pdf(raw, path)
    else:
        text = decode_bytes(raw, path)
    text = normalise(text)
    if suffix == ".txt" and _looks_wrapped(lines := text.split("\n")):
        text = "\n".join(_join_wrapped(lines))  # a PDF's text saved as .txt
    if not text.strip():
        raise IngestError(path, "no text in file")
    return Document(
        id=safe_key(path.stem),
        source=path.name,
        text=text,
        title=guess_title(text),
        years=years_mentioned(text),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


# --------------------------------------------------------------------------- normalise


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


class _Boilerplate:
    def __init__(self, data: dict) -> None:
        self.max_line = int(data.get("max_line_chars", 80))
        self.line = re.compile("|".join(f"(?:{p})" for p in data["lines"]))
        self.inline = re.compile("|".join(f"(?:{p})" for p in data["inline"]))


@derived
def _boilerplate() -> _Boilerplate:
    return _Boilerplate(load_toml("boilerplate.toml"))


_CJK = "\u3400-\u9fff\uf900-\ufaff"
# CJK ideographs, CJK punctuation and full-width forms: the context in which a half-width
# mark is a typing slip for the full-width one
_CJK_CTX = _CJK + "\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u2014*"
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_FW_DOT = re.compile(r"(?<=[0-9])．(?=[0-9])")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN_PAREN = re.compile(rf"(?<=[{_CJK}])[（(][ \t]*([a-z{_TONED}][a-z{_TONED}' ’·-]*[a-z{_TONED}])[ \t]*[）)]")
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|van|ai|ei|ao|ou|an|en|in|un|ua|uo|ue|ui|ia|ie|iu|ve|vn|er|a|o|e|i|u|v)"
)
_PINYIN_WORD = re.compile(rf"(?:{_SYLLABLE})+")
_UNTONE = str.maketrans({c: "aaaaeeeeiiiioooouuuuvvvvv"[i] for i, c in enumerate(_TONED)})
_PAREN_PAIR = re.compile(r"\(([^()\n]{0,200})\)")
_HALF_PUNCT = re.compile(rf"(?<=[{_CJK_CTX}])[,;:?!]+|[,;:?!]+(?=[{_CJK}])")
_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})
# the corner quotes of Hong Kong and Taiwan usage are the mainland's curly quotes
_CORNER_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
_DOUBLED = re.compile(r"([。，！？；、：])\1+")
_BLANKS = re.compile(r"\n{3,}")
_HAS_CJK = re.compile(rf"[{_CJK}]")


def _drop_pinyin(m: re.Match) -> str:
    words = m.group(1).translate(_UNTONE).replace("'", " ").replace("’", " ").replace("·", " ").replace("-", " ")
    if all(_PINYIN_WORD.fullmatch(w) for w in words.split()):
        return ""
    return m.group(0)


def _full_parens(m: re.Match) -> str:
    # a pair of half-width parentheses in Chinese text becomes full-width as a pair
    inner = m.group(1)
    before = m.string[m.start() - 1] if m.start() else ""
    if _HAS_CJK.search(inner) or (before and _HAS_CJK.match(before)):
        return f"（{inner}）"
    return m.group(0)


def normalise(text: str) -> str:
    """The canonical form of a text: every offset in the pipeline points into it.

    NFC; traditional → simplified, corner quotes 「」『』 → “”‘’; full-width letters and digits → half-width; half-width
    ,;:?!() in Chinese text → full-width; doubled 。，！ collapsed; pinyin glosses removed;
    web boilerplate lines and watermarks removed; a line repeated at once kept once;
    lines trimmed, runs of blank lines collapsed.  Masks (**区, ****年) are kept.

    >>> normalise("人大常委會(rén dà)開展執法檢查,聽取報告。。\\n首頁 > 新聞中心 > 工作報告\\n")
    '人大常委会开展执法检查，听取报告。'
    >>> normalise("**区第２０２２年“笔杆儿网www.bgzjy.cn”工作")
    '**区第2022年工作'
    """
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _t2s().convert(text)
    text = text.translate(_CORNER_QUOTES)
    text = text.translate(_FULLWIDTH_ALNUM)
    text = _FW_DOT.sub(".", text)
    rules = _boilerplate()
    # watermarks first: what they leave adjacent is then normalised like the rest
    text = rules.inline.sub("", text)
    # repeat until stable: removing one gloss or converting an inner pair of parentheses
    # can expose the next one (人大(ren)(da), (二(一)))
    while True:
        changed = _PINYIN_PAREN.sub(_drop_pinyin, text)
        changed = _PAREN_PAIR.sub(_full_parens, changed)
        if changed == text:
            break
        text = changed
    text = _HALF_PUNCT.sub(lambda m: m.group().translate(_TO_FULL), text)
    text = _DOUBLED.sub(r"\1", text)

    out: list[str] = []
    previous = None  # last non-blank line kept
    for line in text.split("\n"):
        line = line.strip(" \t\u3000\xa0\u200b\ufeff")
        if line:
            if len(line) <= rules.max_line and rules.line.search(line):
                continue
            if line == previous:
                continue
            previous = line
        out.append(line)
    text = "\n".join(out)
    text = _BLANKS.sub("\n\n", text)
    return text.strip("\n")


# --------------------------------------------------------------------------- metadata

_YEAR_ARABIC = re.compile(r"(?<![0-9.])((?:19|20)[0-9]{2}|2100)(?![0-9])(?=\s*(?:年|[-—–~～至到]\s*(?:19|20)[0-9]{2}|[.．/-](?:0?[1-9]|1[0-2])(?![0-9])))")
_YEAR_CHINESE = re.compile(r"([〇○零一二三四五六七八九]{4})年")
_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "00012345678" "9")


def years_mentioned(text: str) -> tuple[int, ...]:
    """Sorted unique years 1949–2100 written as 2022年, 2021-2035年, 2023.5.1 or 二〇二二年.

    >>> years_mentioned("二〇二二年，规划（2021-2035年）审议通过，****年、共2000余件")
    (2021, 2022, 2035)
    """
    found = {int(m.group(1)) for m in _YEAR_ARABIC.finditer(text)}
    found |= {int(m.group(1).translate(_CN_DIGIT)) for m in _YEAR_CHINESE.finditer(text)}
    return tuple(sorted(y for y in found if 1949 <= y <= 2100))


_TITLE_MAX = 60


def guess_title(text: str) -> str:
    """The first non-empty line when it looks like a title, else the first 30 characters.

    >>> guess_title("在全市人大工作座谈会上的发言\\n\\n同志们：")
    '在全市人大工作座谈会上的发言'
    >>> guess_title("各位代表：\\n我受常务委员会委托，向大会报告工作。")
    '各位代表： 我受常务委员会委托，向大会报告工作。'
    """
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line) <= _TITLE_MAX and not re.search(r"[。！？；：:]", line):
            return line
        break
    return " ".join(text.split())[:30]
