"""Ingest: discovery, reading every format and encoding, normalisation, metadata."""
from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import (
    SUPPORTED,
    IngestError,
    decode_bytes,
    discover,
    guess_title,
    normalise,
    read_document,
    years_mentioned,
)

from _paths import SEEDS
DATA = Path(__file__).parent / "data" / "ingest"

# A made-up paragraph of the genre, long enough for encoding detection to have evidence.
BODY = (
    "一年来，区人大常委会在区委的正确领导下，认真履行宪法和法律赋予的职责，"
    "听取和审议了区政府关于生态环境保护工作情况的报告，开展了食品安全法执法检查，"
    "组织人大代表视察了重点项目建设情况，共提出审议意见十二条。"
)
BODY_TRAD = (
    "一年來，區人大常委會在區委的正確領導下，認真履行憲法和法律賦予的職責，"
    "聽取和審議了區政府關於生態環境保護工作情況的報告，開展了食品安全法執法檢查，"
    "組織人大代表視察了重點項目建設情況，共提出審議意見十二條。"
)


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", BODY),
        ("utf-8-sig", BODY),
        ("gb18030", BODY),
        ("gbk", BODY),
        ("gb2312", BODY),
        ("big5", BODY_TRAD),
        ("utf-16", BODY),
    ],
)
def test_read_document_decodes_every_encoding_to_simplified(tmp_path, encoding, text):
    path = tmp_path / f"report_{encoding}.txt"
    path.write_bytes(("区人大常委会工作报告\n" if encoding != "big5" else "區人大常委會工作報告\n").encode(encoding) + text.encode(encoding))
    doc = read_document(path)
    assert doc.text == "区人大常委会工作报告\n" + BODY
    assert doc.title == "区人大常委会工作报告"


def test_gb18030_only_characters_survive(tmp_path):
    # 㐀 and 䶮 are outside GBK: a file that needs GB18030 must not be read as GBK
    text = BODY + "㐀䶮"
    path = tmp_path / "rare.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path).text.endswith("㐀䶮")


def test_decode_bytes_prefers_strict_utf8():
    assert decode_bytes("代表联络站".encode("utf-8")) == "代表联络站"


# --------------------------------------------------------------------------- errors


def _garbage() -> bytes:
    return random.Random(7).randbytes(4000)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("blob.txt", _garbage(), "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"\xef\xbb\xbf \r\n\n", "empty"),
        ("latin.txt", bytes(range(0x80, 0x100)) * 20, "unreadable"),
        ("scan.pdf", None, "no text layer"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "docx"),
        ("report.doc", BODY.encode(), "unsupported"),
    ],
)
def test_unreadable_file_raises_ingest_error_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is None:  # a PDF page with no text layer, as a scanner would make
        import pypdf

        writer = pypdf.PdfWriter()
        writer.add_blank_page(width=595, height=842)
        buf = io.BytesIO()
        writer.write(buf)
        content = buf.getvalue()
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        read_document(path)
    message = str(info.value)
    assert name in message and reason in message
    assert "\n" not in message
    assert info.value.path == path and info.value.reason in message


def test_missing_file_raises_ingest_error(tmp_path):
    with pytest.raises(IngestError, match="nothere.txt: no such file"):
        read_document(tmp_path / "nothere.txt")


# --------------------------------------------------------------------------- discover


def test_discover_walks_folders_sorted_skipping_hidden_and_unsupported(tmp_path):
    for rel in ["b/2.txt", "b/1.PDF", "a.htm", "c/d/e.docx", "notes.md", ".hidden.txt", ".git/x.txt", "b/~$lock.docx"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.htm", "b/1.PDF", "b/2.txt", "c/d/e.docx"]


def test_discover_accepts_explicit_files_and_removes_duplicates(tmp_path):
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    assert discover([tmp_path / "x.txt", tmp_path, tmp_path / "x.txt"]) == [tmp_path / "x.txt"]


@pytest.mark.parametrize("name, create, reason", [("gone.txt", False, "no such file"), ("table.xlsx", True, "unsupported")])
def test_discover_rejects_explicit_bad_paths(tmp_path, name, create, reason):
    path = tmp_path / name
    if create:
        path.write_bytes(b"x")
    with pytest.raises(IngestError, match=reason) as info:
        discover([path])
    assert name in str(info.value)


def test_supported_extensions():
    assert SUPPORTED == (".txt", ".docx", ".html", ".htm", ".pdf")


# --------------------------------------------------------------------------- formats


def test_read_docx_paragraphs_and_table_cells(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("关于2023年工作安排的报告")
    document.add_paragraph("区人大常委會將開展執法檢查。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "审议意见"
    table.cell(0, 1).text = "47条"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "合并单元格只出现一次"
    document.add_paragraph("表格之后的段落。")
    path = tmp_path / "plan.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.text.split("\n") == [
        "关于2023年工作安排的报告",
        "区人大常委会将开展执法检查。",
        "审议意见",
        "47条",
        "合并单元格只出现一次",
        "表格之后的段落。",
    ]
    assert doc.years == (2023,) and doc.id == "plan" and doc.source == "plan.docx"


HTML = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>站点标题</title>
<style>p {{ color: red }}</style><script>var x = "脚本文字";</script></head>
<body><header>网站头部导航</header><nav>首页 | 新闻中心</nav>
<div class="crumb">首页 &gt; 新闻中心 &gt; 工作报告</div>
<h1>区人大常委会工作报告</h1>
<div class="info">发布时间：2023-01-05 来源：区人大办 浏览次数：{count}</div>
<div>字号：大 中 小</div>
<p>一年来，常委会<span>听取和审议</span>了区政府
关于<b>营商环境</b>的报告。</p>
<p>第二段<br>换行之后。</p>
<footer>版权所有 区人大常委会</footer></body></html>"""


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_read_html_keeps_block_text_and_drops_page_furniture(tmp_path, encoding):
    page = HTML.format(count=123)
    if encoding == "utf-8":
        page = page.replace('charset="gb2312"', 'charset="utf-8"')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding))
    doc = read_document(path)
    assert doc.text == "区人大常委会工作报告\n一年来，常委会听取和审议了区政府关于营商环境的报告。\n第二段\n换行之后。"
    assert doc.title == "区人大常委会工作报告"


def test_read_html_fixture_file():
    doc = read_document(DATA / "work_report.htm")
    assert doc.title == "某区人大常委会2023年工作要点"
    assert "浏览" not in doc.text and "www." not in doc.text and "打印" not in doc.text
    assert "要听取和审议区政府关于民生实事项目推进情况的报告。" in doc.text
    assert doc.years == (2023,)


def _pdf(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.setFont("STSong-Light", 12)
    y = 780
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 20
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_read_pdf_text_layer(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf(["2023年工作安排", "區人大常委會將開展執法檢查。", "- 1 -"]))
    doc = read_document(path)
    assert doc.text == "2023年工作安排\n区人大常委会将开展执法检查。"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_pdf_rejoins_lines_wrapped_at_page_width(tmp_path):
    wrapped = [
        "常委会认真履行宪法和法律赋予的职责，依法开展",
        "执法检查，听取和审议专项工作报告，组织代表视",
        "察调研，推动解决群众急难愁盼问题，取得了积极",
        "成效。",
        "2023年工作安排",
    ]
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(_pdf(wrapped))
    lines = read_document(path).text.split("\n")
    assert lines == ["".join(wrapped[:4]), "2023年工作安排"]


def test_a_pdf_copy_saved_as_text_is_rejoined_across_page_breaks(tmp_path):
    body = ("常委会认真履行宪法和法律赋予的职责，依法开展执法检查，听取和审议专项工作报告，组织代表视察调研，"
            "推动解决群众急难愁盼问题，取得了积极成效。配合省人大常委会执法检查组开展《中华人民共和国义务教育法》"
            "执法检查，对全县中小学校舍安全工程建设情况进行视察，督促政府加大投入，改善办学条件。") * 2
    lines = [body[i:i + 24] for i in range(0, len(body), 24)]
    lines.insert(4, "— 3 —")  # a page number between two halves of a sentence
    path = tmp_path / "wrapped.txt"
    path.write_text("某县人大常委会工作报告\n" + "\n".join(lines) + "\n二、今年工作安排\n", encoding="utf-8")
    text = read_document(path).text
    assert text.split("\n") == ["某县人大常委会工作报告", body, "二、今年工作安排"]


def test_a_text_of_one_paragraph_per_line_is_left_as_it_is(tmp_path):
    paragraphs = ["一、过去一年的主要工作", "常委会依法开展执法检查，听取和审议专项工作报告。",
                  "组织代表视察调研，推动解决群众急难愁盼问题，取得了积极成效，得到广泛好评。",
                  "二、今年工作安排", "继续开展执法检查。"] * 3
    path = tmp_path / "plain.txt"
    path.write_text("\n".join(paragraphs), encoding="utf-8")
    assert read_document(path).text.split("\n") == paragraphs


# --------------------------------------------------------------------------- normalise


@pytest.mark.parametrize(
    "raw, expected",
    [
        # traditional, also when mixed with simplified
        ("人大常委會聽取報告", "人大常委会听取报告"),
        ("区人大常委会聽取和审議報告", "区人大常委会听取和审议报告"),
        # corner quotes of Hong Kong and Taiwan usage
        ("堅持「有件必備、有備必審」和『兩個確立』", "坚持“有件必备、有备必审”和‘两个确立’"),
        # full-width letters and digits
        ("２０２２年ＡＢＣ１．５亿元", "2022年ABC1.5亿元"),
        # half-width punctuation in Chinese text
        ("同志们:大家好,今天开会;好吗?好!", "同志们：大家好，今天开会；好吗？好！"),
        ("总体规划(2021-2035年)", "总体规划（2021-2035年）"),
        ("乡镇(街道)人大", "乡镇（街道）人大"),
        ("1,000 and a:b (note)", "1,000 and a:b (note)"),
        # doubled punctuation
        ("报告。。审议，，通过！！", "报告。审议，通过！"),
        # pinyin glosses
        ("人大(rén dà)代表", "人大代表"),
        ("人大（renda）代表", "人大代表"),
        ("常委会(NPC)", "常委会（NPC）"),
        ("小程序(app)", "小程序（app）"),
        # inline watermarks
        ("得益于“笔杆儿网www.bgzjy.cn”全体代表", "得益于全体代表"),
        ("得益于笔杆儿网www.bgzjy.cn全体代表", "得益于全体代表"),
        ("详见http://example.org/a?b=1。", "详见。"),
        # boilerplate lines
        ("首页 > 新闻中心 > 工作报告\n正文。", "正文。"),
        ("当前位置：首页 » 人大要闻\n正文。", "正文。"),
        ("字号：大 中 小\n正文。", "正文。"),
        ("【字体：大 中 小】 打印本页 关闭窗口\n正文。", "正文。"),
        ("正文。\n浏览次数：1024", "正文。"),
        ("来源：某某区人大 发布时间：2023-02-01\n正文。", "正文。"),
        ("正文。\n分享到：微信 微博", "正文。"),
        ("正文。\n第1页 共3页\n续文。", "正文。\n续文。"),
        ("正文。\n- 2 -\n续文。", "正文。\n续文。"),
        ("正文。\n版权所有：某某区人民代表大会常务委员会", "正文。"),
        # a duplicated title kept once, also with a blank line between
        ("工作报告\n工作报告\n正文。", "工作报告\n正文。"),
        ("工作报告\n\n工作报告\n正文。", "工作报告\n\n正文。"),
        # masks kept exactly
        ("**区第五届人大常委会于****年召开*次会议", "**区第五届人大常委会于****年召开*次会议"),
        # line endings, trailing and leading spaces, blank runs
        ("第一段。  \r\n\r\n\r\n\u3000\u3000第二段。\r第三段。", "第一段。\n\n第二段。\n第三段。"),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_normalise_keeps_long_body_lines_that_mention_a_source():
    line = "来源：" + "常委会听取和审议了区政府关于生态环境保护工作情况的报告" * 3 + "。"
    assert normalise(line) == line


_ALPHABET = list("人大区会将了年一二,，。。(（)）:：!！?？;； \n\r\u3000*１２ＡaＢrénàdw.>＞-—“”") + ["www.", "首页", "来源：", "笔杆儿网", "第1页", "國會"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_normalise_is_idempotent_on_seeds(path):
    once = normalise(path.read_text(encoding="utf-8"))
    assert normalise(once) == once


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    "text, years",
    [
        ("2022年是党的二十大召开之年，2023年工作安排", (2022, 2023)),
        ("市国土空间总体规划（2021-2035年）", (2021, 2035)),
        ("二〇二二年一月，二零二三年", (2022, 2023)),
        ("发布时间：2023.5.1", (2023,)),
        ("共受理2000余件，1800人次", ()),
        ("****年、20**年", ()),
        ("1840年以来，2101年", ()),
        ("1949年10月1日", (1949,)),
    ],
)
def test_years_mentioned(text, years):
    assert years_mentioned(text) == years


@pytest.mark.parametrize(
    "text, title",
    [
        ("区人大常委会工作报告\n各位代表：", "区人大常委会工作报告"),
        ("\n\n在全区人大工作会议上的讲话\n同志们：", "在全区人大工作会议上的讲话"),
        ("各位代表：\n现在，我代表区人大常委会报告工作。", "各位代表： 现在，我代表区人大常委会报告工作。"[:30]),
        ("今年以来，常委会依法履职。本段很长。", "今年以来，常委会依法履职。本段很长。"),
    ],
)
def test_guess_title(text, title):
    assert guess_title(text) == title


SEED_META = [
    ("000_cb3ec1dd0a2a5db2", "在全市人大工作高质量发展座谈会上的发言", ()),
    ("001_972b5afd0ef4ca2a", "在全市基层人大工作高质量发展推进会上的交流发言", (2021, 2023, 2035)),
    ("002_5f5bb8b142f71b20", "在全市2022年度人大代表集中视察座谈会上的讲话", (2022,)),
    ("003_5e48c5fc0d78b9ec", "区人大常委会主任在区人大常委会党建工作推进会议上的讲话", (2019,)),
    ("004_340c9bf7fb73703f", "各位代表： 我受**区第六届人民代表大会常务委员会委托，向大", (2022, 2023)),
]


@pytest.mark.parametrize("stem, title, years", SEED_META, ids=[m[0] for m in SEED_META])
def test_seeds_ingest_with_id_title_years(stem, title, years):
    path = SEEDS / f"{stem}.txt"
    doc = read_document(path)
    assert (doc.id, doc.source, doc.title, doc.years) == (stem, path.name, title, years)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "www." not in doc.text and "笔杆儿网" not in doc.text
    assert doc.text.count(title) >= 1 or stem.startswith("004")


def test_seed_duplicated_title_is_kept_once():
    doc = read_document(SEEDS / "001_972b5afd0ef4ca2a.txt")
    assert doc.text.split("\n")[:2] == ["在全市基层人大工作高质量发展推进会上的交流发言", "尊敬的各位主任，同志们："]


def test_seed_masks_survive_ingest():
    raw = (SEEDS / "000_cb3ec1dd0a2a5db2.txt").read_text(encoding="utf-8")
    doc = read_document(SEEDS / "000_cb3ec1dd0a2a5db2.txt")
    assert doc.text.count("**") == raw.count("**") > 0
