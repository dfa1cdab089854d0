"""Named SPARQL queries (``kg/queries/*.rq``) and ad-hoc SPARQL over the store.

Each ``.rq`` header says what it answers, its parameters, its columns and an example.
Named queries match inside each document's named graph (``GRAPH ?g { … }``): a shared
entity (a law, a formula) is described once in every graph that mentions it, so
matching across the union of graphs would repeat rows once per graph and blow up
joins. Ad-hoc queries run with the union of all named graphs as their default graph,
so ``SELECT … WHERE { ?s ?p ?o }`` sees everything (a triple once per graph holding it). Parameters are bound as RDF terms through pyoxigraph's
``substitutions`` (SEP-0007), never pasted into the query text, so a value is always
data. How a parameter value becomes a term (:func:`to_term`):

- ``<…>`` or a value starting with ``http://`` / ``https://`` → IRI (NamedNode);
- ``prefix:local`` with a known prefix (``rkd:law/…``) → IRI;
- an optional minus sign and digits → ``xsd:integer``; ``true`` / ``false`` → ``xsd:boolean``;
- ``"…"`` (double-quoted) → the plain string inside, whatever it looks like;
- anything else → a plain string literal (``docId`` is stored as one).

Any projected column can be bound, not only the documented parameters: binding a
computed column such as ``status=planned`` keeps the rows with that value.
"""
from __future__ import annotations

import csv
import importlib.resources
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Variable

from kg.rdf.namespace import PREFIXES

__all__ = ["QueryError", "QueryResult", "named_queries", "query_columns", "to_term", "run",
           "format_result", "shorten", "FORMATS"]

FORMATS = ("table", "json", "jsonl", "csv")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {f"{_XSD}{t}" for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PREFIXED = re.compile(r"([A-Za-z][\w-]*):(\S*)")


class QueryError(Exception):
    """A query that cannot run: unknown name, bad parameter or SPARQL error (one line)."""


@dataclass(frozen=True)
class QueryResult:
    """Columns and rows of a query; cells are str, int, float, bool or None."""

    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name.

        >>> QueryResult(["a", "b"], [[1, "x"]]).records()
        [{'a': 1, 'b': 'x'}]
        """
        return [dict(zip(self.columns, row)) for row in self.rows]


@lru_cache(maxsize=1)
def _load_named() -> dict[str, str]:
    root = importlib.resources.files("kg.queries")
    return {p.name[:-3]: p.read_text(encoding="utf-8")
            for p in sorted(root.iterdir(), key=lambda p: p.name) if p.name.endswith(".rq")}


def named_queries() -> dict[str, str]:
    """The shipped named queries, name → SPARQL text (sorted by name).

    >>> sorted(named_queries())[:3]
    ['activities', 'documents', 'initiative-links']
    """
    return dict(_load_named())


def query_columns(text: str) -> list[str] | None:
    """The columns a query's header comment declares (``# Columns: a, b``), if any.

    >>> query_columns("# Columns: docId, law\\nSELECT * {}")
    ['docId', 'law']
    """
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        m = re.match(r"#\s*Columns:\s*(.+)", stripped)
        if m:
            return [c.strip() for c in m.group(1).split(",") if c.strip()]
    return None


def to_term(value: str) -> NamedNode | Literal:
    """The RDF term a parameter value stands for (see the module docstring).

    >>> to_term("004_340c9bf7fb73703f")
    <Literal value=004_340c9bf7fb73703f datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    >>> to_term("2023").datatype.value
    'http://www.w3.org/2001/XMLSchema#integer'
    >>> to_term("rkd:law/宪法").value
    'https://w3id.org/renda-kg/id/law/宪法'
    >>> to_term('"2023"').value
    '2023'
    """
    try:
        if len(value) >= 2 and value.startswith("<") and value.endswith(">"):
            return NamedNode(value[1:-1])
        if value.startswith(("http://", "https://")):
            return NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"not a valid IRI: {value!r} ({exc})") from None
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        return Literal(value[1:-1])
    if re.fullmatch(r"-?\d+", value):
        return Literal(value, datatype=NamedNode(_XSD + "integer"))
    if value in ("true", "false"):
        return Literal(value, datatype=NamedNode(_XSD + "boolean"))
    m = _PREFIXED.fullmatch(value)
    if m and m.group(1) in PREFIXES:
        try:
            return NamedNode(PREFIXES[m.group(1)] + m.group(2))
        except ValueError:
            pass  # not an IRI after all: keep it as text
    return Literal(value)


def _python(term) -> Any:
    """A result cell as a plain Python value."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, Literal):
        dt = term.datatype.value if term.datatype is not None else ""
        text = term.value
        try:
            if dt in _INTEGER_TYPES:
                return int(text)
            if dt == _XSD + "decimal":
                d = Decimal(text)
                return int(d) if d == d.to_integral_value() else float(d)
            if dt in (_XSD + "double", _XSD + "float"):
                return float(text)
            if dt == _XSD + "boolean":
                return text in ("true", "1")
            if dt == _XSD + "gYear" and re.fullmatch(r"-?\d{4,}", text):
                return int(text)
        except (ValueError, ArithmeticError):
            return text
        return text
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def run(store: pyoxigraph.Store, *, name: str | None = None, sparql: str | None = None,
        params: dict[str, str] | None = None) -> QueryResult:
    """Run a named query or a SPARQL text on ``store``; parameters become RDF terms.

    Named queries keep only the columns their header declares (a parameter may be
    projected just so it can be bound).

    >>> st = pyoxigraph.Store()
    >>> run(st, sparql="SELECT ?x WHERE { BIND(?x AS ?y) }", params={"x": "a"}).rows
    [['a']]
    >>> run(st, name="nope")
    Traceback (most recent call last):
    ...
    kg.query.QueryError: unknown query 'nope'; known queries: activities, documents, initiative-links, institutions, laws-inspected, laws-mentioned, numbers, programmes, reports-heard, slogans
    """
    if (name is None) == (sparql is None):
        raise QueryError("give either a query name or a SPARQL text")
    declared = None
    if name is not None:
        queries = _load_named()
        if name not in queries:
            raise QueryError(f"unknown query {name!r}; known queries: {', '.join(queries)}")
        sparql = queries[name]
        declared = query_columns(sparql)
    substitutions = {}
    for key, value in (params or {}).items():
        var = key[1:] if key.startswith("?") else key
        if not _VARNAME.fullmatch(var):
            raise QueryError(f"parameter name {key!r} is not a SPARQL variable name")
        substitutions[Variable(var)] = to_term(value)
    try:
        result = store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES,
                             substitutions=substitutions or None)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {_one_line(exc)}") from None
    except (RuntimeError, ValueError) as exc:
        msg = _one_line(exc)
        unknown = re.search(r"variable \?(\w+) in its SELECT projection", msg)
        if unknown:  # Oxigraph binds only projected variables
            raise QueryError(f"{unknown.group(1)!r} is not a parameter of this query") from None
        raise QueryError(f"query failed: {msg}") from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        return QueryResult(["result"], [[bool(result)]])
    if isinstance(result, pyoxigraph.QueryTriples):
        return QueryResult(["subject", "predicate", "object"],
                           [[_python(t.subject), _python(t.predicate), _python(t.object)]
                            for t in result])
    variables = [v.value for v in result.variables]
    keep = [i for i, v in enumerate(variables) if declared is None or v in declared]
    rows = [[_python(sol[i]) for i in keep] for sol in result]
    return QueryResult([variables[i] for i in keep], rows)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# Longest namespace first, so the most specific prefix wins.
_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def shorten(value: Any) -> Any:
    """An IRI under a known namespace as a prefixed name (``rkd:law/…``), for display;
    anything else as is. ``to_term`` reads the short form back as the same IRI.

    >>> shorten("https://w3id.org/renda-kg/id/law/宪法"), shorten("区政府"), shorten(3)
    ('rkd:law/宪法', '区政府', 3)
    """
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        for ns, prefix in _NAMESPACES:
            if value.startswith(ns) and len(value) > len(ns):
                return f"{prefix}:{value[len(ns):]}"
    return value


def format_result(result: QueryResult, fmt: str = "table", *, width: int | None = None) -> str:
    """Render a result as ``table`` (rich), ``json`` (a list of objects), ``jsonl`` or
    ``csv``. JSON keeps Chinese as is (ensure_ascii=False). The table shows IRIs under
    a known namespace as prefixed names (``rkd:…``) and wraps long cells instead of
    cutting them; the other formats give every value in full.

    >>> r = QueryResult(["docId", "label"], [["d1", "区政府"]])
    >>> print(format_result(r, "json"))
    [
     {
      "docId": "d1",
      "label": "区政府"
     }
    ]
    >>> print(format_result(r, "csv"), end="")
    docId,label
    d1,区政府
    """
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.records())
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        return buf.getvalue()
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for column in result.columns:
            table.add_column(column, overflow="fold")
        for row in result.rows:
            table.add_row(*(_cell(shorten(v)) for v in row))
        buf = io.StringIO()
        Console(file=buf, width=width, force_terminal=False, color_system=None).print(table)
        return buf.getvalue()
    raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
