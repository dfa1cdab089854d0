"""Commands of ``kg``. Each one wraps a library function; data to stdout, messages to stderr.

Exit codes: 0 success, 1 a domain error (one line ``Error: …``), 2 a usage error.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="renda-kg: a knowledge graph of China's local people's congresses, built from their texts.\n\n"
    "Example: kg build ../shared/seeds && kg query laws-inspected",
)

DEFAULT_OUT = Path("extracted")
DEFAULT_STORE = DEFAULT_OUT / "store"

StoreOpt = Annotated[
    Path,
    typer.Option("--store", help="Oxigraph store folder written by kg build (or a .ttl/.trig/.nq file). "
                 "Example: --store extracted/store"),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or log messages on stderr.")]


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, Enum):
    ttl = "ttl"
    trig = "trig"
    nq = "nq"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


def fail(message: str, code: int = 1) -> None:
    """Print one ``Error:`` line on stderr and exit."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def info(message: str, quiet: bool = False) -> None:
    if not quiet:
        typer.echo(message, err=True)


def _open(store: Path):
    from kg.store import StoreError, open_store

    try:
        return open_store(store)
    except StoreError as exc:
        fail(str(exc))


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of texts (.txt .docx .html .pdf), read recursively. "
                                                "Example: kg build ../shared/seeds my-reports/")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for graph.ttl, graph.trig, facts.json "
                                      "and the store/. Example: --out extracted")] = DEFAULT_OUT,
    validate: Annotated[bool, typer.Option("--validate/--no-validate", help="Check the graph against the SHACL shapes.")] = True,
    workers: Annotated[Optional[int], typer.Option("--workers", "-j", min=1, help="Worker processes for extraction "
                                                   "(default: one per core for 16+ files). Example: -j 2")] = None,
    lexicon: Annotated[list[Path], typer.Option("--lexicon", help="Folder of extra lexicon/rule files, read after "
                                                "the packaged ones of the same name. Example: --lexicon my-lexicons/")] = [],
    quiet: QuietOpt = False,
) -> None:
    """Build the graph from texts: extracted/graph.ttl, graph.trig, facts.json and the Oxigraph store.

    Example: kg build ../shared/seeds --out extracted
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.ingest import IngestError
    from kg.pipeline import build as run_build

    progress = Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), disable=quiet,
                        console=__import__("rich.console").console.Console(stderr=True))
    try:
        with progress:
            task = progress.add_task("", total=None)

            def tick(k: int, n: int, label: str) -> None:
                progress.update(task, completed=k, total=n, description=label)

            report = run_build(paths, out, validate=validate, workers=workers, lexicons=lexicon, progress=tick)
    except IngestError as exc:
        fail(str(exc))
    for err in report.errors:
        typer.echo(f"Error: {err}", err=True)
    if not report.documents:
        fail(f"no readable documents under {', '.join(map(str, paths))}")
    mb = report.text_chars / 1e6
    info(f"Built {len(report.documents)} documents ({report.quads} quads, {mb:.2f} M chars) "
         f"in {report.seconds:.1f} s into {out}/", quiet)
    if report.violations:
        for v in report.violations[:20]:
            typer.echo(f"SHACL: {v}", err=True)
        fail(f"the graph violates {len(report.violations)} SHACL constraints (kg validate --store {out}/store lists them)")
    elif report.validated:
        info("SHACL: the graph conforms to ontology/shapes.ttl", quiet)
    if report.errors:
        fail(f"{len(report.errors)} of {len(report.errors) + len(report.documents)} files could not be read; "
             "the others were built")


@app.command()
def validate(store: StoreOpt = DEFAULT_STORE) -> None:
    """Validate a built graph against the SHACL shapes (pySHACL); exit 1 on violations.

    Example: kg validate --store extracted/store
    """
    from kg.rdf.shacl import validate as shacl_validate

    if not store.exists():
        fail(f"{store}: no store here (run kg build first)")
    result = shacl_validate(store)
    typer.echo(result.text)
    if not result.conforms:
        raise typer.Exit(1)


def _params(values: list[str]) -> dict[str, str]:
    params = {}
    for item in values:
        if "=" not in item:
            raise typer.BadParameter(f"{item!r} is not key=value", param_hint="--param")
        key, value = item.split("=", 1)
        params[key.strip()] = value
    return params


@app.command()
def query(
    name: Annotated[Optional[str], typer.Argument(help="Named query, e.g. laws-inspected, reports-heard, institutions, "
                                                  "slogans, programmes, numbers, initiative-links. Omit to list them.")] = None,
    store: StoreOpt = DEFAULT_STORE,
    param: Annotated[list[str], typer.Option("--param", "-p", help="Bind a query variable, bound as an RDF term "
                                             "(never pasted into the text). Example: --param docId=004_340c9bf7fb73703f")] = [],
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
    sparql: Annotated[Optional[str], typer.Option("--sparql", help="An ad-hoc SPARQL query. "
                                                  "Example: --sparql 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Read the SPARQL query from a .rq file.")] = None,
    columns: Annotated[Optional[str], typer.Option("--columns", "-c", help="Comma-separated columns to keep, "
                                                   "in this order. Example: --columns docId,written,status,by")] = None,
) -> None:
    """Run a named or ad-hoc SPARQL query on the store.

    Example: kg query laws-inspected --param status=planned --format csv
    """
    from kg.query import QueryError, format_result, named_queries, run

    given = sum(x is not None for x in (name, sparql, file))
    if given > 1:
        raise typer.BadParameter("give one of NAME, --sparql or --file")
    if given == 0:
        for key in sorted(named_queries()):
            typer.echo(key)
        return
    params = _params(param)
    if file is not None:
        if not file.is_file():
            fail(f"{file}: no such query file")
        sparql = file.read_text(encoding="utf-8")
    db = _open(store)
    try:
        result = run(db, name=name, sparql=sparql, params=params)
    except QueryError as exc:
        fail(str(exc))
    if columns:
        from kg.query import QueryResult

        keep = [c.strip() for c in columns.split(",") if c.strip()]
        unknown = [c for c in keep if c not in result.columns]
        if unknown:
            raise typer.BadParameter(f"no column {', '.join(unknown)}; the query gives {', '.join(result.columns)}",
                                     param_hint="--columns")
        idx = [result.columns.index(c) for c in keep]
        result = QueryResult(keep, [[row[i] for i in idx] for row in result.rows])
    typer.echo(format_result(result, fmt.value))


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="ttl, trig, nq, jsonld (RDF); graphml, gexf, csv "
                                              "(networks for Gephi and graph databases).")] = ExportFormat.ttl,
    store: StoreOpt = DEFAULT_STORE,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (a folder for csv); "
                                                   "stdout when omitted for RDF formats. Example: -o graph.nq")] = None,
) -> None:
    """Export the graph for other tools.

    Example: kg export --format graphml -o renda.graphml
    """
    from kg.export import NETWORK_FORMATS, export as run_export

    if fmt.value in NETWORK_FORMATS and output is None:
        raise typer.BadParameter(f"--format {fmt.value} needs -o/--output", param_hint="-o")
    data = run_export(_open(store), fmt.value, output)
    if output is None and data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


@app.command()
def viz(
    store: StoreOpt = DEFAULT_STORE,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the HTML views. Example: --out viz")] = Path("viz"),
    quiet: QuietOpt = False,
) -> None:
    """Write interactive, self-contained HTML views (open viz/index.html in a browser).

    Example: kg viz --store extracted/store --out viz
    """
    from kg.viz import write_views

    pages = write_views(_open(store), out)
    info(f"Wrote {len(pages)} pages; open {out / 'index.html'}", quiet)


@app.command()
def analyze(
    store: StoreOpt = DEFAULT_STORE,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, json or csv.")] = TableFormat.table,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows per ranking. Example: --top 10")] = 20,
) -> None:
    """Rankings and communities: degree, PageRank, most inspected laws, formulas by documents.

    Example: kg analyze --format json
    """
    from kg.analyze import analyze as run_analyze, format_analysis

    if fmt is TableFormat.jsonl:
        raise typer.BadParameter("analyze writes table, json or csv", param_hint="--format")
    typer.echo(format_analysis(run_analyze(_open(store), top=top), fmt.value))


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold facts in the SCHEMA.md shape. Example: ../shared/eval/seeds-gold.json")],
    store: StoreOpt = DEFAULT_STORE,
    facts: Annotated[Optional[Path], typer.Option("--facts", help="Score a facts.json file instead of the store.")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, json or csv.")] = TableFormat.table,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every missed and extra item.")] = False,
) -> None:
    """Precision, recall and F1 per field of the extracted facts against gold facts.

    Example: kg eval ../shared/eval/seeds-gold.json --store extracted/store
    """
    from kg.evaluate import EvalError, format_scores, load_facts, misses, score

    if not gold.is_file():
        fail(f"{gold}: no such file")
    try:
        gold_docs = load_facts(gold)
        if facts is not None:
            pred = load_facts(facts)
        else:
            from kg.facts import facts_from_store

            pred = facts_from_store(_open(store))
    except EvalError as exc:
        fail(str(exc))
    if verbose:
        import json

        for miss in misses(gold_docs, pred):
            item = json.dumps(miss["item"], ensure_ascii=False, sort_keys=True)
            typer.echo(f"{miss['kind'].upper():<7} {miss['doc']} {miss['field']}: {item}")
    typer.echo(format_scores(score(gold_docs, pred), fmt.value))
