"""The command line: help for every command, exit codes 0 / 1 / 2, data on stdout."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli.app import app

COMMANDS = ["build", "validate", "query", "export", "viz", "analyze", "eval"]
runner = CliRunner()


def test_top_level_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


def test_no_arguments_shows_help():
    result = runner.invoke(app, [])
    assert "Usage" in result.output
    assert "build" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-command"],
        ["build"],  # PATHS missing
        ["query", "laws-inspected", "--format", "xml"],
        ["export", "--format", "docx"],
        ["analyze", "--top", "0"],
    ],
)
def test_usage_errors_exit_2(args):
    assert runner.invoke(app, args).exit_code == 2


def test_query_rejects_malformed_param_with_exit_2(built):
    result = runner.invoke(app, ["query", "laws-inspected", "--store", str(built / "store"), "--param", "nokey"])
    assert result.exit_code == 2


def test_missing_store_is_a_domain_error(tmp_path):
    result = runner.invoke(app, ["query", "laws-inspected", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error:")
    assert len(result.output.strip().splitlines()) == 1


def test_unknown_named_query_is_a_domain_error(built):
    result = runner.invoke(app, ["query", "no-such-query", "--store", str(built / "store")])
    assert result.exit_code == 1
    assert "laws-inspected" in result.output  # the message lists the known names


def test_build_with_an_unreadable_file_builds_the_rest_and_exits_1(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "区人大常委会工作报告\n一年来，区人大常委会听取和审议了区政府关于财政预算执行情况的报告。\n", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00" * 50)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert any("broken.txt" in line for line in errors)
    assert (out / "facts.json").is_file()
    ids = [d["id"] for d in json.loads((out / "facts.json").read_text(encoding="utf-8"))["documents"]]
    assert ids == ["good"]


def test_build_of_a_missing_path_exits_1(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "absent"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "absent" in result.output


def test_query_json_output_is_data_on_stdout(built):
    result = runner.invoke(app, ["query", "laws-inspected", "--store", str(built / "store"), "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and {"law", "status", "docId"} <= set(rows[0])


def test_query_binds_parameters_as_terms(built):
    result = runner.invoke(app, ["query", "laws-inspected", "--store", str(built / "store"), "--format", "json",
                                 "--param", "status=planned"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and {r["status"] for r in rows} == {"planned"}


def test_adhoc_sparql_and_syntax_error(built):
    ok = runner.invoke(app, ["query", "--store", str(built / "store"), "--format", "json", "--sparql",
                             "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"])
    assert ok.exit_code == 0
    assert int(json.loads(ok.stdout)[0]["n"]) > 1000
    bad = runner.invoke(app, ["query", "--store", str(built / "store"), "--sparql", "SELEC nothing"])
    assert bad.exit_code == 1
    assert bad.output.startswith("Error:")


def test_validate_passes_on_the_sample_build(built):
    result = runner.invoke(app, ["validate", "--store", str(built / "store")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", ["ttl", "nq", "jsonld"])
def test_export_rdf_to_stdout(built, fmt):
    result = runner.invoke(app, ["export", "--format", fmt, "--store", str(built / "store")])
    assert result.exit_code == 0
    assert "中华人民共和国" in result.stdout


def test_eval_scores_the_store_against_gold(built, gold_path):
    result = runner.invoke(app, ["eval", str(gold_path), "--store", str(built / "store"), "--format", "json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert "laws_inspected+status" in scores


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_formats_write_a_file(built, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"g.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--store", str(built / "store"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    labels = {d.get("label") for _, d in graph.nodes(data=True)}
    assert "中华人民共和国水污染防治法" in labels


def test_export_network_needs_an_output(built):
    result = runner.invoke(app, ["export", "--format", "graphml", "--store", str(built / "store")])
    assert result.exit_code == 2


def test_viz_and_analyze_commands(built, tmp_path):
    result = runner.invoke(app, ["viz", "--store", str(built / "store"), "--out", str(tmp_path / "viz"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "viz" / "index.html").is_file()
    analysis = runner.invoke(app, ["analyze", "--store", str(built / "store"), "--format", "json", "--top", "5"])
    assert analysis.exit_code == 0
    tables = json.loads(analysis.stdout)
    assert tables and all(len(rows) <= 5 for rows in tables.values() if isinstance(rows, list))


def test_a_document_that_breaks_an_extractor_is_reported_and_the_rest_builds(tmp_path, monkeypatch):
    """A bug met by one text gives a one-line error naming the file and the failure; the
    other documents are built and the exit code is 1."""
    import kg.extract.counts as counts

    real = counts.extract_counts

    def fragile(doc, sentences, mentions=()):
        if "触发" in doc.text:
            raise ValueError("made to fail")
        return real(doc, sentences, mentions)

    monkeypatch.setattr(counts, "extract_counts", fragile)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("区人大常委会听取和审议了区政府关于财政工作的报告。\n", encoding="utf-8")
    (corpus / "bad.txt").write_text("这一句会触发故障。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    named = [line for line in errors if "bad.txt" in line]
    assert len(named) == 1 and "ValueError: made to fail" in named[0]
    ids = [d["id"] for d in json.loads((out / "facts.json").read_text(encoding="utf-8"))["documents"]]
    assert ids == ["good"]
