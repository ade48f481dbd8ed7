"""``fardplan history | undo``: the edits made in the explorer (``--allow-edits``), and undoing one."""

from __future__ import annotations

import argparse
import getpass
import json
import os

from graph import edit
from graph.cli.common import Command, open_store_for

__all__ = ["add_commands", "cmd_history", "cmd_undo", "history_table"]


def history_table(entries: list[dict], lang: str = "sv") -> str:
    """The edits as a plain-text table: id, when (UTC), who, what, why, and whether it is undone."""
    if not entries:
        return "inga ändringar" if lang == "sv" else "no edits"
    heads = ("id", "när (UTC)", "vem", "vad", "varför", "status") if lang == "sv" else (
        "id", "when (UTC)", "who", "what", "why", "status")
    rows = []
    for e in entries:
        state = ""
        if e["undone_by"]:
            state = f"ångrad av {e['undone_by']}" if lang == "sv" else f"undone by {e['undone_by']}"
        rows.append((e["id"], e["started"][:19].replace("T", " "), e["who"], e["what"][lang], e["why"], state))
    widths = [max(len(str(r[i])) for r in (heads, *rows)) for i in range(len(heads))]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in (heads, *rows))


def cmd_history(args: argparse.Namespace) -> int:
    entries = edit.history(open_store_for(args), limit=args.limit)
    if args.format == "json":
        print(json.dumps(entries, ensure_ascii=False, indent=2))
    else:
        print(history_table(entries, args.lang))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    if args.id == "last":
        entry = edit.undo_last(store, args.who, args.why)
    else:
        entry = edit.undo(store, args.id, args.who, args.why)
    if args.format == "json":
        print(json.dumps(entry, ensure_ascii=False, indent=2))
    else:
        print(f"{entry['id']}: {entry['what'][args.lang]}")
    return 0


def add_commands(command: Command) -> None:
    """Add history and undo."""
    p = command("history", cmd_history, "list the edits: who, when, what, why (newest first)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--limit", type=int, default=50, help="most edits to list (default 50)")

    p = command("undo", cmd_undo, "undo an edit (by its id from fardplan history, or 'last'); itself an edit")
    p.add_argument("id", help="the edit's id, or 'last' for the newest edit not undone yet")
    p.add_argument("--who", default=os.environ.get("FARDPLAN_WHO") or getpass.getuser(),
                   help="your name for the history (default: env FARDPLAN_WHO, else the login name)")
    p.add_argument("--why", default="", help="why the edit is undone")
    p.add_argument("--format", choices=("table", "json"), default="table")
