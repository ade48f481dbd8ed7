"""``fardplan``: the command-line face of the core. Thin: parse arguments, call the core, print.

Each command group is a module with ``add_commands(command)``: :mod:`graph.cli.serve`, :mod:`graph.cli.data`,
:mod:`graph.cli.query`, :mod:`graph.cli.analysis`, :mod:`graph.cli.brief`,
:mod:`graph.cli.sheets`, :mod:`graph.cli.edit`, :mod:`graph.cli.ingest`; :mod:`graph.cli.common` opens the store.
"""

from __future__ import annotations

import argparse
import json
import sys

from graph import __version__
from graph.cli import analysis, brief, data, edit, ingest, query, serve, sheets
from graph.cli.common import LANG_HELP, STORE_HELP
from graph.errors import FardplanError, ShapeViolation

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, with ``--store`` and ``--lang`` before or after the command name."""
    parser = argparse.ArgumentParser(prog="fardplan", description="Färdplan knowledge graph: load, check, query.")
    parser.add_argument("--version", action="version", version=f"fardplan {__version__}")
    # Global options go before or after the subcommand: the subcommand's copy leaves the value alone unless given.
    parser.add_argument("--store", help=STORE_HELP)
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help=LANG_HELP)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", help=STORE_HELP, default=argparse.SUPPRESS)
        p.add_argument("--lang", choices=("sv", "en"), help=LANG_HELP, default=argparse.SUPPRESS)
        p.set_defaults(func=func)
        return p

    for group in (serve, data, sheets, query, analysis, brief, edit, ingest):
        group.add_commands(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``fardplan`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FardplanError as exc:
        print(f"fardplan {args.command}: error: {exc}", file=sys.stderr)
        if getattr(args, "format", None) == "json":  # then the one error shape (graph.errors), on its own last line
            print(json.dumps(exc.to_dict(), ensure_ascii=False), file=sys.stderr)
        return 2 if not isinstance(exc, ShapeViolation) else 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
