"""``fardplan query | queries``: SPARQL on the command line, typed in or canned."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pyoxigraph as ox

from graph.cli.common import Command, open_store_for
from graph.errors import FardplanError
from graph.rdf.results import render
from graph.settings import Settings
from graph.store import Solutions
from graph.vocab.labels import labels_of
from graph.vocab.namespaces import PREFIXES

__all__ = ["QUERY_FORMATS", "add_commands", "cmd_queries", "cmd_query"]

QUERY_FORMATS = ("table", "json", "xml", "csv", "tsv", "ttl", "nt", "jsonld")


def _read_query(text: str) -> str:
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise FardplanError(f"{path}: cannot read the query file: {exc.strerror or exc}") from None
    if text == "-":
        return sys.stdin.read()
    return text


def _params(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise FardplanError(f"--param {pair!r}: write it as NAME=VALUE")
        values[key] = value
    return values


def cmd_query(args: argparse.Namespace) -> int:
    from graph import queries
    from graph.store import limits as bounded

    if (args.query is None) == (args.name is None):
        raise FardplanError("give exactly one of a SPARQL query (text, @file.rq, -) or --name NAME")
    if args.param and args.name is None:
        raise FardplanError("--param goes with --name (a canned query)")
    if args.name is not None:
        canned = queries.get(args.name)
        sparql = canned.sparql(_params(args.param))
    else:
        sparql = _read_query(args.query)
    settings = Settings.from_env(store=args.store)
    store = open_store_for(args)
    result = bounded.run(store, sparql, timeout_s=settings.query_timeout_s,
                         max_rows=settings.max_rows)
    if result.truncated:
        print(f"warning: the answer was cut at {settings.max_rows} rows (FARDPLAN_MAX_ROWS)", file=sys.stderr)
    labels = None
    if args.format == "table" and isinstance(result.answer, Solutions):
        iris = {t.value for row in result.answer.rows for t in row if isinstance(t, ox.NamedNode)}
        labels = labels_of(store, iris, args.lang)
    text = render(result.answer, args.format, PREFIXES, labels)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    from graph import queries

    listing = [{"name": q.name, "title": q.title, "description": q.description,
                "params": [{"name": n, "type": t} for n, t in q.params]} for q in queries.catalogue().values()]
    if args.format == "json":
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    for q in listing:
        params = " ".join(f"--param {p['name']}=<{p['type']}>" for p in q["params"])
        print(f"{q['name']}  {params}".rstrip())
        print(f"    {q['title'].get('sv', '')} / {q['title'].get('en', '')}")
    return 0


def add_commands(command: Command) -> None:
    """Add query and queries."""
    p = command("query", cmd_query, "run a SPARQL query (text, @file.rq, or - for stdin) or a canned one (--name)")
    p.add_argument("query", nargs="?", help="SPARQL text, @file.rq, or - for stdin (or use --name)")
    p.add_argument("--name", help="a canned query (see `fardplan queries`)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a canned query's parameter")
    p.add_argument("--format", choices=QUERY_FORMATS, default="table")

    p = command("queries", cmd_queries, "list the canned queries and their parameters")
    p.add_argument("--format", choices=("table", "json"), default="table")
