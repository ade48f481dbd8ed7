"""``fardplan import`` and ``fardplan template``, and ``--format xlsx`` of ``fardplan export`` (issue 14).

``fardplan import FILE.xlsx|FILE.csv`` prints what the file adds, changes and matches, then writes it (SHACL-checked
and atomic, like ``fardplan load``) as one change of the history (``--who``, ``--why``; ``fardplan history`` lists
it, ``fardplan undo ID`` undoes it); ``--dry-run`` prints the same preview and writes nothing. Every problem is
printed with its sheet, row and column, and then nothing is written.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from graph.cli.common import Command, open_store_for
from graph.errors import FardplanError

__all__ = ["add_commands", "cmd_import", "cmd_template", "export_xlsx", "summary_lines"]


def summary_lines(result: dict) -> list[str]:
    """The preview (or the import's result) as lines for the terminal."""
    c = result.get("counts", {})
    lines = [f"{result['file']}: {result['rows']} row(s)"]
    if c:
        lines.append(f"  actors:    {c['actors_new']} new, {c['actors_changed']} changed, "
                     f"{c['actors_matched']} matched unchanged")
        lines.append(f"  projects:  {c['projects_new']} new, {c['projects_changed']} changed, "
                     f"{c['projects_matched']} matched unchanged")
        lines.append(f"  relations: {c['relations_new']} new, {c['relations_existing']} already in the store")
        lines.append(f"  documents: {c['documents_new']} new")
    for kind in ("actors", "projects"):
        for e in result.get(kind, []):
            if e["status"] == "matched" and e["matched_label"] != e["label"]:
                lines.append(f"  {e['sheet']} row {e['row']}: {e['label']!r} is the existing {e['matched_label']!r}")
            if e["status"] == "changed":
                lines.append(f"  {e['sheet']} row {e['row']}: adds {', '.join(e['changes'])} to {e['matched_label']!r}")
            if e.get("type_differs"):
                lines.append(f"  {e['sheet']} row {e['row']}: the type differs from the existing node's (kept)")
    for name in result.get("ignored_sheets", []):
        lines.append(f"  sheet {name!r} ignored (not Aktörer, Projekt or Relationer)")
    if result.get("warnings"):
        lines.append(f"  {result['warnings']} SHACL warning(s) (they do not block)")
    lines.append(f"  {result['quads']} quad(s) to add" if not result.get("written") else
                 f"  {result['quads']} quad(s) added")
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    from graph.load.sheets import SheetErrors, import_sheets, preview

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FardplanError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    store = open_store_for(args)
    if args.dry_run:
        result = preview(store, data, path.name)
        if not result["ok"]:
            raise SheetErrors(_issues(result), path.name)
    else:
        result = import_sheets(store, data, path.name, args.who, args.why)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary_lines(result)))
        if args.dry_run:
            print("dry run: nothing was written", file=sys.stderr)
        elif result["change"]:
            print(f"recorded in the history as {result['change']['id']}: {result['change']['what']['en']} "
                  f"(undo with: fardplan undo {result['change']['id']})", file=sys.stderr)
    return 0


def _issues(result: dict):
    from graph.load.sheets import Issue

    return [Issue(i["sheet"], i["row"], i["column"], i["message_sv"], i["message_en"]) for i in result["issues"]]


def cmd_template(args: argparse.Namespace) -> int:
    from graph.load.sheets_out import template_workbook

    data = template_workbook()
    Path(args.output).write_bytes(data)
    print(f"wrote the import template ({len(data)} bytes) to {args.output}", file=sys.stderr)
    return 0


def export_xlsx(args: argparse.Namespace) -> int:
    from graph.load.sheets_out import export_workbook

    if not args.output:
        raise FardplanError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
    data = export_workbook(open_store_for(args))
    Path(args.output).write_bytes(data)
    print(f"wrote {len(data)} bytes of xlsx (the import template) to {args.output}", file=sys.stderr)
    return 0


def add_commands(command: Command) -> None:
    """Add import and template (``export --format xlsx`` is :func:`export_xlsx`, called by ``fardplan export``)."""
    p = command("import", cmd_import, "import actors, projects and relations from a spreadsheet (XLSX or CSV; "
                                      "docs/spreadsheets.md): previewed, SHACL-checked and atomic")
    p.add_argument("file", help="an .xlsx workbook or a .csv file in the template's layout")
    p.add_argument("--dry-run", action="store_true", help="print what would be added or changed; write nothing")
    p.add_argument("--who", default=os.environ.get("FARDPLAN_WHO") or getpass.getuser(),
                   help="your name for the history (default: env FARDPLAN_WHO, else the login name)")
    p.add_argument("--why", default="", help="why the data is imported (kept with the change)")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("template", cmd_template, "write the spreadsheet import template (XLSX, with example rows)")
    p.add_argument("-o", "--output", default="fardplan-mall.xlsx", help="file to write (default fardplan-mall.xlsx)")
