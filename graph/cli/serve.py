"""``fardplan serve``: the web explorer. The one module of :mod:`graph` that imports :mod:`ui` (the UI sits on
top of the core; the core never needs it otherwise)."""

from __future__ import annotations

import argparse

from graph.cli.common import Command
from graph.settings import Settings

__all__ = ["add_commands", "cmd_serve"]


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.app import run

    run(Settings.from_env(store=args.store, host=args.host, port=args.port, debug=args.debug or None,
                          allow_edits=args.allow_edits or None))
    return 0


def add_commands(command: Command) -> None:
    """Add serve."""
    p = command("serve", cmd_serve, "start the web explorer (same as python app.py)")
    p.add_argument("--host", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 8050)")
    p.add_argument("--debug", action="store_true", help="Dash debug mode (off by default)")
    p.add_argument("--allow-edits", action="store_true",
                   help="edit controls in the explorer and imports on the Data page (off by default; "
                        "/sparql stays read-only)")
