"""``fardplan views add|list|remove`` (saved views for meetings) and ``fardplan brief`` (a handout as HTML/PDF).

Thin: parse arguments, call :mod:`graph.service.views` or :mod:`graph.service.brief`, print or write files.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from graph.cli.common import open_store_for
from graph.errors import FardplanError
from graph.settings import PROJECT_DIR, Settings

__all__ = ["add_commands"]


def _path(args: argparse.Namespace) -> Path:
    from graph.service.views import views_path

    return Path(args.file) if getattr(args, "file", None) else views_path(Settings.from_env(), PROJECT_DIR)


def cmd_views(args: argparse.Namespace) -> int:
    from graph.service.views import add_view, list_views, remove_view

    path = _path(args)
    if args.action in ("add", "remove") and not args.name:
        raise FardplanError(f"views {args.action}: NAME is required")
    if args.action == "add" and not args.url:
        raise FardplanError("views add: --url is required (a path such as /strategi?strategy=DT.VI)")
    if args.action == "add":
        view = add_view(path, args.name, args.url, args.caption or "", args.position)
        print(f"saved view {view['name']!r} as /v/{view['id']} in {path}")
    elif args.action == "remove":
        view = remove_view(path, args.name)
        print(f"removed view {view['name']!r} from {path}")
    else:
        views = list_views(path)
        if args.format == "json":
            print(json.dumps({"views": views}, ensure_ascii=False, indent=2))
        for i, v in enumerate(views, 1) if args.format == "table" else ():
            print(f"{i}. {v['name']}  /v/{v['id']}  {v['url']}" + (f"  — {v['caption']}" if v["caption"] else ""))
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from graph.service.brief import brief, to_html, to_pdf

    data = brief(open_store_for(args), args.name)
    stem = Path(args.output) if args.output else Path("brief-" + data["path"].rsplit("/", 1)[-1].replace(".", "-"))
    html_path, pdf_path = stem.with_suffix(".html"), stem.with_suffix(".pdf")
    html_path.write_text(to_html(data, args.base_url), encoding="utf-8")
    pdf_path.write_bytes(to_pdf(data, args.base_url))
    print(f"wrote {html_path} and {pdf_path} ({len(data['rows'])} rows, {len(data['gaps'])} gaps)")
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``views`` and ``brief`` with ``command(name, func, help_text)``, the helper of ``cli.build_parser``."""
    p = command("views", cmd_views, "saved views for presentations: add, list, remove (stored beside the store)")
    p.add_argument("action", choices=("add", "list", "remove"))
    p.add_argument("name", nargs="?", help="the view's name (add, remove)")
    p.add_argument("--url", help="the view: a path of the explorer, e.g. /strategi?strategy=fpid:strategy/DT.VI")
    p.add_argument("--caption", help="a short caption shown while presenting")
    p.add_argument("--position", type=int, help="place in the order (0 = first; default last)")
    p.add_argument("--file", help="views file (default: the setting views_file)")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("brief", cmd_brief, "write a strategy or actor brief as HTML and PDF")
    p.add_argument("name", metavar="STRATEGY|ACTOR", help="notation (DT.VI), IRI, CURIE or label")
    p.add_argument("-o", "--output", help="file stem (default brief-NAME): writes STEM.html and STEM.pdf")
    p.add_argument("--base-url", default="http://127.0.0.1:8050", help="where the live view is served")
