"""No text breaks the pipeline: random splices of the genre's own lines, cut and sprinkled
with unbalanced marks, go through ingest, segmentation, every extractor, resolution and the
graph (or are refused by ingest with a one-line error), and each fact keeps a span that lies
inside the document."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import IngestError, read_document
from kg.pipeline import process_file, render

from _paths import SEEDS

DATA = Path(__file__).resolve().parent / "data"
LINES = sorted({line for p in [*SEEDS.glob("*.txt"), *DATA.glob("genre*/*.txt")]
                for line in read_document(p).text.split("\n") if len(line) > 6})
MARKS = list("《》〈〉“”‘’（）()、，。；：\n 0123456789一二三十百万余多条项次个「」*—")


@st.composite
def mangled_lines(draw) -> str:
    out = []
    for line in draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=6)):
        a = draw(st.integers(0, len(line) - 1))
        b = draw(st.integers(a + 1, len(line)))
        piece = line[a:b]
        for mark, at in draw(st.lists(st.tuples(st.sampled_from(MARKS), st.integers(0, 200)), max_size=4)):
            k = at % (len(piece) + 1)
            piece = piece[:k] + mark + piece[k:]
        out.append(piece)
    return "\n".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mangled_lines())
def test_mangled_genre_text_never_breaks_the_pipeline(tmp_path, text):
    if not text.strip():
        return
    path = tmp_path / "mangled.txt"
    path.write_text(text, encoding="utf-8")
    try:
        rd = process_file(path)
    except IngestError as exc:  # a text with nothing to read: a one-line error naming the file
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    n = len(rd.facts.doc.text)
    for ev in rd.facts.events:
        assert 0 <= ev.start <= ev.end <= n
    for m in rd.facts.mentions:
        assert 0 <= m.start < m.end <= n and rd.facts.doc.text[m.start:m.end] == m.text
    render(rd)
