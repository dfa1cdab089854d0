"""kg.store: TriG/Turtle files and the Oxigraph store, written safely and identically."""
from __future__ import annotations

import random

import pyoxigraph
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from rdflib.compare import isomorphic

import kg.store
from conftest import make_demo_doc
from kg.export import ExportError, export
from kg.rdf.build import doc_quads
from kg.records import Entity
from kg.store import StoreError, open_store, serialize, write_outputs


def _rdflib_graphs(dataset: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    out = {}
    for g in dataset.graphs():
        if len(g):
            out[str(g.identifier)] = g
    return out


def _expected_dataset(quads) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=pyoxigraph.serialize(quads, format=RdfFormat.N_QUADS).decode(), format="nquads")
    return ds


def test_write_outputs_writes_trig_ttl_and_store(tmp_path, quads):
    paths = write_outputs(quads, tmp_path)
    assert {k: p.name for k, p in paths.items()} == {"trig": "graph.trig", "ttl": "graph.ttl",
                                                     "store": "store"}
    assert len(open_store(paths["store"])) == len(set(quads))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "graph.ttl", "store"]


def test_two_writes_are_byte_identical_whatever_the_input_order(tmp_path, quads):
    a = write_outputs(quads, tmp_path / "a")
    shuffled = list(quads) + list(quads[:10])  # duplicates too
    random.Random(7).shuffle(shuffled)
    b = write_outputs(shuffled, tmp_path / "b")
    for key in ("trig", "ttl"):
        assert a[key].read_bytes() == b[key].read_bytes()


def test_trig_round_trips_through_rdflib_and_oxigraph(tmp_path, quads):
    paths = write_outputs(quads, tmp_path)
    text = paths["trig"].read_text(encoding="utf-8")
    assert "区政府" in text and "\\u" not in text  # Chinese written as is
    parsed = rdflib.Dataset()
    parsed.parse(data=text, format="trig")
    got, want = _rdflib_graphs(parsed), _rdflib_graphs(_expected_dataset(quads))
    assert got.keys() == want.keys()
    for name in want:
        assert isomorphic(got[name], want[name]), name
    assert set(pyoxigraph.parse(path=str(paths["trig"]), format=RdfFormat.TRIG)) == set(quads)


def test_turtle_holds_every_triple_once_in_one_graph(tmp_path, quads):
    paths = write_outputs(quads, tmp_path)
    g = rdflib.Graph()
    g.parse(paths["ttl"], format="turtle")
    want = rdflib.Graph()
    for s, p, o, _ in _expected_dataset(quads).quads():
        want.add((s, p, o))
    assert isomorphic(g, want)
    assert {q.triple for q in pyoxigraph.parse(path=str(paths["ttl"]), format=RdfFormat.TURTLE)} == {
        q.triple for q in quads}


_LABEL_CHARS = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc"))
_LABELS = st.text(alphabet=st.one_of(
    _LABEL_CHARS, st.sampled_from(list('"\'\\\n\r\t《》“”')),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(label=_LABELS)
def test_any_label_survives_trig_and_turtle_round_trips(label):
    rd = make_demo_doc()
    # The IRI stays fixed: only the literal is under test here.
    entity = Entity("formula/两个确立", "PoliticalFormula", label)
    entities = {m: (entity if e.cls == "PoliticalFormula" else e) for m, e in rd.entities.items()}
    quads = doc_quads(type(rd)(rd.facts, rd.jurisdiction, rd.own_congress, entities))
    zh = Literal(label, language="zh")
    for fmt, rdflib_fmt in (("trig", "trig"), ("ttl", "turtle")):
        data = serialize(quads, fmt)
        oxi = {q.object for q in pyoxigraph.parse(data, format=kg.store.FILE_FORMATS[fmt])}
        assert zh in oxi
        ds = rdflib.Dataset()
        ds.parse(data=data.decode("utf-8"), format=rdflib_fmt)
        assert rdflib.Literal(label, lang="zh") in {o for _, _, o, _ in ds.quads()}


def _snapshot(out_dir):
    return (out_dir / "graph.trig").read_bytes(), len(open_store(out_dir / "store"))


def _fail(*args, **kwargs):
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize("target", ["_fill_store", "_join", "graph_chunk", "os.fsync", "_swap_in"])
def test_a_failed_write_keeps_the_previous_outputs(tmp_path, quads, monkeypatch, target):
    write_outputs(quads, tmp_path)
    before = _snapshot(tmp_path)
    if target == "os.fsync":
        monkeypatch.setattr(kg.store.os, "fsync", _fail)
    else:
        monkeypatch.setattr(kg.store, target, _fail)
    extra = Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("新"), NamedNode("http://e/g"))
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_outputs([*quads[:5], extra], tmp_path)
    monkeypatch.undo()
    assert _snapshot(tmp_path) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_a_rebuild_swaps_in_the_new_store(tmp_path, quads):
    write_outputs(quads, tmp_path)
    write_outputs(quads[:3], tmp_path)
    assert len(open_store(tmp_path / "store")) == len(set(quads[:3]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "graph.ttl", "store"]


@pytest.mark.parametrize("where", ["missing", "empty-dir", "plain-file"])
def test_open_store_without_a_store_raises_one_line(tmp_path, where):
    path = tmp_path / "nothing"
    if where == "empty-dir":
        path.mkdir()
    elif where == "plain-file":
        path = tmp_path / "notes.txt"
        path.write_text("hi")
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert str(info.value) == f"{path}: no store here (run kg build first)"


@pytest.mark.parametrize("which", ["build-dir", "store-dir"])
def test_open_store_accepts_the_build_or_store_directory(tmp_path, quads, which):
    write_outputs(quads, tmp_path)
    path = tmp_path if which == "build-dir" else tmp_path / "store"
    assert len(open_store(path)) == len(set(quads))


def test_open_store_read_write_allows_updates(tmp_path, quads):
    write_outputs(quads, tmp_path)
    store = open_store(tmp_path, read_only=False)
    store.add(Quad(NamedNode("http://e/s"), NamedNode("http://e/p"), Literal("x"), NamedNode("http://e/g")))
    assert len(store) == len(set(quads)) + 1


@pytest.mark.parametrize("fmt, suffix, graphs", [("trig", ".trig", True), ("nq", ".nq", True),
                                                 ("ttl", ".ttl", False), ("nt", ".nt", False)])
def test_open_store_loads_graph_files_into_memory(tmp_path, quads, fmt, suffix, graphs):
    path = tmp_path / f"graph{suffix}"
    path.write_bytes(serialize(quads, fmt))
    store = open_store(path)
    expected = len(set(quads)) if graphs else len({q.triple for q in quads})
    assert len(store) == expected


def test_open_store_reports_a_broken_file_in_one_line(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<a> <b> .\n")
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


def test_serialize_a_store_equals_serialize_its_quads(store, quads):
    assert serialize(store, "trig") == serialize(quads, "trig")


def test_serialize_rejects_unknown_formats(quads):
    with pytest.raises(ValueError, match="unknown format"):
        serialize(quads, "rdfxml")


# --- kg.export (RDF formats; the network formats belong to kg.project)


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq"])
def test_export_rdf_formats_match_the_store_serialisation(store, fmt):
    assert export(store, fmt) == serialize(store, fmt)


def test_export_jsonld_is_deterministic_and_keeps_every_graph(store, quads):
    data = export(store, "jsonld")
    assert data == export(store, "jsonld")
    assert "区政府" in data.decode("utf-8")
    parsed = rdflib.Dataset()
    parsed.parse(data=data.decode("utf-8"), format="json-ld")
    got, want = _rdflib_graphs(parsed), _rdflib_graphs(_expected_dataset(quads))
    assert got.keys() == want.keys()
    assert all(isomorphic(got[k], want[k]) for k in want)


def test_export_writes_a_file_and_returns_none(tmp_path, store):
    out = tmp_path / "sub" / "graph.nq"
    assert export(store, "nq", out) is None
    assert out.read_bytes() == serialize(store, "nq")


@pytest.mark.parametrize("fmt, out", [("rdfxml", None), ("graphml", None)])
def test_export_refuses_unknown_formats_and_network_without_output(store, fmt, out):
    with pytest.raises(ExportError):
        export(store, fmt, out)


def test_export_network_formats_go_through_kg_project(tmp_path, store):
    paths = export(store, "csv", tmp_path / "net")
    assert sorted(p.name for p in paths) == ["edges.csv", "nodes.csv"]


def test_outputs_get_the_usual_permissions_not_private_temp_ones(tmp_path, quads):
    paths = write_outputs(quads, tmp_path)
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    for key in ("trig", "ttl"):
        assert paths[key].stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    (tmp_path / "plain-dir").mkdir()
    assert paths["store"].stat().st_mode & 0o777 == (tmp_path / "plain-dir").stat().st_mode & 0o777


# --- graph chunks: the build's way of writing, byte for byte the one-shot serialisation

def _reference(quads):
    return serialize(quads, "trig"), serialize(quads, "ttl")


def _written(tmp_path, quads):
    paths = write_outputs(quads, tmp_path)
    return paths["trig"].read_bytes(), paths["ttl"].read_bytes()


def test_write_outputs_equals_a_one_shot_serialisation(tmp_path, quads):
    assert _written(tmp_path, quads) == _reference(quads)


def test_a_subject_described_differently_in_two_graphs_is_written_once(tmp_path):
    s, p = NamedNode("https://w3id.org/renda-kg/id/law/甲"), NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    g1, g2 = NamedNode("https://w3id.org/renda-kg/id/graph/a"), NamedNode("https://w3id.org/renda-kg/id/graph/b")
    quads = [Quad(s, p, Literal("一", language="zh"), g1), Quad(s, p, Literal("二", language="zh"), g2),
             Quad(s, p, Literal("三", language="zh"), g2), Quad(s, p, Literal("一", language="zh"), g2),
             Quad(NamedNode("http://e/x"), p, Literal("默认"))]  # and the default graph
    assert _written(tmp_path, quads) == _reference(quads)
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8").count("rkd:law\\/甲") == 1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), _LABELS, st.integers(0, 2)), min_size=1,
                max_size=20))
def test_chunks_give_the_one_shot_bytes_for_any_quads(tmp_path_factory, rows):
    graphs = [pyoxigraph.DefaultGraph(), *(NamedNode(f"http://e/g{i}") for i in range(2))]
    quads = [Quad(NamedNode(f"http://e/s{s}"), NamedNode(f"http://e/p{p}"), Literal(label), graphs[g])
             for s, p, label, g in rows]
    assert _written(tmp_path_factory.mktemp("w"), quads) == _reference(quads)


def test_two_chunks_of_one_graph_are_merged(tmp_path, quads):
    from kg.store import OutputWriter, graph_chunk

    graph = quads[0].graph_name
    mine = [q for q in quads if q.graph_name == graph]
    others = [q for q in quads if q.graph_name != graph]
    with OutputWriter(tmp_path / "split") as writer:
        writer.add(graph_chunk(mine[::2]))
        for g in {q.graph_name for q in others}:
            writer.add(graph_chunk([q for q in others if q.graph_name == g]))
        writer.add(graph_chunk(mine[1::2] + mine[:3]))
        paths = writer.commit()
    assert writer.merged and writer.quads == len(set(quads))
    assert (paths["trig"].read_bytes(), paths["ttl"].read_bytes()) == _reference(quads)
    assert len(open_store(paths["store"])) == len(set(quads))


def test_a_writer_left_without_commit_leaves_nothing(tmp_path, quads):
    from kg.store import OutputWriter, graph_chunk

    write_outputs(quads, tmp_path)
    before = _snapshot(tmp_path)
    with OutputWriter(tmp_path) as writer:
        writer.add(graph_chunk([q for q in quads if q.graph_name == quads[0].graph_name]))
    assert _snapshot(tmp_path) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_store_loads_in_batches(tmp_path, quads, monkeypatch):
    from kg.store import OutputWriter, graph_chunk

    monkeypatch.setattr(kg.store._StoreLoader.__init__, "__defaults__", (1,))  # one batch a chunk
    by_graph = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(q)
    with OutputWriter(tmp_path) as writer:
        for qs in by_graph.values():
            writer.add(graph_chunk(qs))
        paths = writer.commit()
    assert set(open_store(paths["store"])) == set(quads)


def test_chunks_made_in_a_worker_process_equal_chunks_made_here(resolved_docs):
    from concurrent.futures import ProcessPoolExecutor

    from kg.pipeline import render

    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = list(pool.map(render, resolved_docs))
    assert remote == [render(rd) for rd in resolved_docs]
    for rd, res in zip(resolved_docs, remote):
        assert set(pyoxigraph.parse(res.chunk.nquads, format=RdfFormat.N_QUADS)) == set(doc_quads(rd))


def test_a_build_with_workers_equals_a_build_without(seeds_dir, built, tmp_path):
    from kg.pipeline import build

    report = build([seeds_dir], tmp_path, validate=False, workers=2)
    assert report.quads == len(open_store(tmp_path / "store"))
    for name in ("graph.trig", "graph.ttl", "facts.json"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name
