"""``fardplan load | validate | export | stats | curate``: putting data into the store and getting it out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graph.analysis.export import GRAPH_FORMATS, export_graph
from graph.cli import sheets
from graph.cli.common import Command, open_store_for
from graph.edit.history import is_edit_graph
from graph.errors import ShapeViolation
from graph.ingest.review import is_review_graph
from graph.load.loader import check, load_files
from graph.rdf.formats import FORMATS, parse_file, rdf_format, serialize
from graph.service.stats import class_counts
from graph.settings import Settings
from graph.vocab.namespaces import PREFIXES

__all__ = ["add_commands", "cmd_curate", "cmd_export", "cmd_load", "cmd_stats", "cmd_validate"]


def cmd_load(args: argparse.Namespace) -> int:
    settings = Settings.from_env(store=args.store)
    store = open_store_for(args)
    before = store.count()
    report = load_files(store, args.files, max_bytes=settings.max_load_bytes)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"loaded {report.quads} quads from {len(report.files)} file(s) into {store.url} "
          f"({before} → {store.count()} quads)")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    try:
        if args.files:
            quads = []
            for path in args.files:
                quads += parse_file(path)
            warnings = check(store, quads, ", ".join(args.files))
        else:
            # The history graphs of edits hold old and removed triples: they are records, not data to check.
            warnings = check(store, [q for q in store.quads() if not is_edit_graph(q.graph_name)
                                     and not is_review_graph(q.graph_name)], store.url)
    except ShapeViolation as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"warning: {warning}")
    print(f"conforms ({len(warnings)} warning(s))")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "xlsx":  # the spreadsheet template's layout (docs/spreadsheets.md)
        return sheets.export_xlsx(args)
    store = open_store_for(args)
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
    store = open_store_for(args)
    stats = class_counts(store)
    if args.format == "json":
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print(f"{stats['quads']} quads")
        for row in stats["classes"]:
            print(f"{row['count']:6d}  {row['label']}  <{row['iri']}>")
    return 0


def cmd_curate(args: argparse.Namespace) -> int:
    from graph.load.curate import curate

    graph = curate(args.spec)
    text = graph.serialize(format="longturtle")
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {len(graph)} triples to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def add_commands(command: Command) -> None:
    """Add load, validate, export, stats and curate."""
    p = command("load", cmd_load, "load RDF files into the store: SHACL-checked and atomic")
    p.add_argument("files", nargs="+", help="Turtle, TriG, N-Triples, N-Quads, JSON-LD or RDF/XML files")

    p = command("validate", cmd_validate, "SHACL-check files (with the store as context) or the whole store")
    p.add_argument("files", nargs="*")

    p = command("export", cmd_export, "write the whole store in an RDF format")
    p.add_argument("--format", default="ttl", choices=[*sorted(FORMATS), *GRAPH_FORMATS, "xlsx"])
    p.add_argument("-o", "--output", help="file to write (default: stdout)")

    p = command("stats", cmd_stats, "count resources per class")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("curate", cmd_curate, "build the curated graph from a curation TOML file and its raw source")
    p.add_argument("spec")
    p.add_argument("-o", "--output")
