"""``fardplan``: the command-line face of the core. Thin: parse arguments, call the core, print."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pyoxigraph as ox

from . import __version__, cli_analysis, cli_brief, cli_sheets
from .errors import FardplanError, ShapeViolation
from .export_graph import GRAPH_FORMATS, export_graph
from .labels import labels_of
from .loading import check, ensure_seeded, load_files
from .namespaces import PREFIXES
from .rdfio import FORMATS, parse_file, rdf_format, serialize
from .results import render
from .settings import PROJECT_DIR, Settings
from .stats import class_counts
from .store import Solutions, Store, open_store

QUERY_FORMATS = ("table", "json", "xml", "csv", "tsv", "ttl", "nt", "jsonld")


def _store(args: argparse.Namespace, seed: bool = True) -> Store:
    settings = Settings.from_env(store=args.store)
    store = open_store(settings.store, settings.update_url, base_dir=PROJECT_DIR if args.store is None else None)
    if seed:
        ensure_seeded(store)
    return store


def cmd_load(args: argparse.Namespace) -> int:
    settings = Settings.from_env(store=args.store)
    store = _store(args)
    before = store.count()
    report = load_files(store, args.files, max_bytes=settings.max_load_bytes)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"loaded {report.quads} quads from {len(report.files)} file(s) into {store.url} "
          f"({before} → {store.count()} quads)")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        if args.files:
            quads = []
            for path in args.files:
                quads += parse_file(path)
            warnings = check(store, quads, ", ".join(args.files))
        else:
            warnings = check(store, store.quads(), store.url)
    except ShapeViolation as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"warning: {warning}")
    print(f"conforms ({len(warnings)} warning(s))")
    return 0


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
    from . import bounded, queries

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
    store = _store(args)
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
    from . import queries

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


def cmd_export(args: argparse.Namespace) -> int:
    store = _store(args)
    if args.format in GRAPH_FORMATS:
        data = export_graph(store, args.format)
    else:
        data = serialize(store.quads(), rdf_format(args.format), PREFIXES)
    if args.output:
        Path(args.output).write_bytes(data)
        print(f"wrote {len(data)} bytes of {args.format} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = _store(args)
    stats = class_counts(store)
    if args.format == "json":
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print(f"{stats['quads']} quads")
        for row in stats["classes"]:
            print(f"{row['count']:6d}  {row['label']}  <{row['iri']}>")
    return 0


def cmd_curate(args: argparse.Namespace) -> int:
    from .curate import curate

    graph = curate(args.spec)
    text = graph.serialize(format="longturtle")
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {len(graph)} triples to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.app import run

    run(Settings.from_env(store=args.store, host=args.host, port=args.port, debug=args.debug or None))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fardplan", description="Färdplan knowledge graph: load, check, query.")
    parser.add_argument("--version", action="version", version=f"fardplan {__version__}")
    store_help = "store URL: oxigraph:PATH (default .fardplan/store), memory, http(s)://…/query (env FARDPLAN_STORE)"
    # Global options go before or after the subcommand: the subcommand's copy leaves the value alone unless given.
    lang_help = "language of tables and labels: sv (default) or en"
    parser.add_argument("--store", help=store_help)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help=lang_help)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", help=store_help, default=argparse.SUPPRESS)
        p.add_argument("--lang", choices=("sv", "en"), help=lang_help, default=argparse.SUPPRESS)
        p.set_defaults(func=func)
        return p

    p = command("serve", cmd_serve, "start the web explorer (same as python app.py)")
    p.add_argument("--host", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 8050)")
    p.add_argument("--debug", action="store_true", help="Dash debug mode (off by default)")

    p = command("load", cmd_load, "load RDF files into the store: SHACL-checked and atomic")
    p.add_argument("files", nargs="+", help="Turtle, TriG, N-Triples, N-Quads, JSON-LD or RDF/XML files")

    p = command("validate", cmd_validate, "SHACL-check files (with the store as context) or the whole store")
    p.add_argument("files", nargs="*")

    p = command("query", cmd_query, "run a SPARQL query (text, @file.rq, or - for stdin) or a canned one (--name)")
    p.add_argument("query", nargs="?", help="SPARQL text, @file.rq, or - for stdin (or use --name)")
    p.add_argument("--name", help="a canned query (see `fardplan queries`)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a canned query's parameter")
    p.add_argument("--format", choices=QUERY_FORMATS, default="table")

    p = command("queries", cmd_queries, "list the canned queries and their parameters")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("export", cmd_export, "write the whole store in an RDF format")
    p.add_argument("--format", default="ttl", choices=sorted(FORMATS) + list(GRAPH_FORMATS))
    p.add_argument("-o", "--output", help="file to write (default: stdout)")

    p = command("stats", cmd_stats, "count resources per class")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("curate", cmd_curate, "build the curated graph from a curation TOML file and its raw source")
    p.add_argument("spec")
    p.add_argument("-o", "--output")
    cli_analysis.add_commands(command)
    cli_brief.add_commands(command)  # views, brief (issue 13)
    cli_sheets.register(sub, command)  # import, template, export --format xlsx, serve --allow-edits (issue 14)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``fardplan`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FardplanError as exc:
        print(f"fardplan {args.command}: error: {exc}", file=sys.stderr)
        return 2 if not isinstance(exc, ShapeViolation) else 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
