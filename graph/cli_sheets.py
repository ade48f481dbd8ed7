"""``fardplan import`` and ``fardplan template``, and ``--format xlsx`` of ``fardplan export`` (issue 14).

``fardplan import FILE.xlsx|FILE.csv`` prints what the file adds, changes and matches, then writes it (SHACL-checked
and atomic, like ``fardplan load``); ``--dry-run`` prints the same preview and writes nothing. Every problem is
printed with its sheet, row and column, and then nothing is written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .errors import FardplanError
from .settings import PROJECT_DIR, Settings
from .store import Store, open_store

__all__ = ["cmd_import", "cmd_template", "register", "summary_lines"]


def _store(args: argparse.Namespace) -> Store:
    from .loading import ensure_seeded

    settings = Settings.from_env(store=args.store)
    store = open_store(settings.store, settings.update_url, base_dir=PROJECT_DIR if args.store is None else None)
    ensure_seeded(store)
    return store


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
    from .load.sheets import SheetErrors, import_sheets, preview

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FardplanError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    store = _store(args)
    if args.dry_run:
        result = preview(store, data, path.name)
        if not result["ok"]:
            raise SheetErrors(_issues(result), path.name)
    else:
        result = import_sheets(store, data, path.name)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary_lines(result)))
        if args.dry_run:
            print("dry run: nothing was written", file=sys.stderr)
    return 0


def _issues(result: dict):
    from .load.sheets import Issue

    return [Issue(i["sheet"], i["row"], i["column"], i["message_sv"], i["message_en"]) for i in result["issues"]]


def cmd_template(args: argparse.Namespace) -> int:
    from .load.sheets_out import template_workbook

    data = template_workbook()
    Path(args.output).write_bytes(data)
    print(f"wrote the import template ({len(data)} bytes) to {args.output}", file=sys.stderr)
    return 0


def _export_xlsx(args: argparse.Namespace) -> int:
    from .load.sheets_out import export_workbook

    if not args.output:
        raise FardplanError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
    data = export_workbook(_store(args))
    Path(args.output).write_bytes(data)
    print(f"wrote {len(data)} bytes of xlsx (the import template) to {args.output}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``import`` and ``template`` (made with the CLI's ``command`` helper) and teach ``export`` the ``xlsx``
    format (the existing subparser of ``sub``: its choices and its function)."""
    p = command("import", cmd_import, "import actors, projects and relations from a spreadsheet (XLSX or CSV; "
                                      "docs/spreadsheets.md): previewed, SHACL-checked and atomic")
    p.add_argument("file", help="an .xlsx workbook or a .csv file in the template's layout")
    p.add_argument("--dry-run", action="store_true", help="print what would be added or changed; write nothing")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("template", cmd_template, "write the spreadsheet import template (XLSX, with example rows)")
    p.add_argument("-o", "--output", default="fardplan-mall.xlsx", help="file to write (default fardplan-mall.xlsx)")

    export = sub.choices["export"]
    fmt = next(a for a in export._actions if a.dest == "format")
    fmt.choices = [*fmt.choices, "xlsx"]
    plain = export.get_default("func")

    def cmd_export(args: argparse.Namespace) -> int:
        return _export_xlsx(args) if args.format == "xlsx" else plain(args)

    export.set_defaults(func=cmd_export)
    serve = sub.choices["serve"]
    serve.add_argument("--allow-edits", action="store_true",
                       help="let the Data page import spreadsheets into the store (off by default)")
    plain_serve = serve.get_default("func")

    def cmd_serve(args: argparse.Namespace) -> int:
        if args.allow_edits:
            os.environ["FARDPLAN_ALLOW_EDITS"] = "1"  # read by Settings.from_env here and in the server's workers
        return plain_serve(args)

    serve.set_defaults(func=cmd_serve)
