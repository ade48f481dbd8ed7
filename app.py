"""Start the Färdplan Explorer web interface: ``python app.py [--store S] [--host H] [--port P] [--debug]
[--allow-edits]``."""

from __future__ import annotations

import argparse
import sys

from graph.errors import FardplanError
from graph.settings import Settings
from ui.app import run


def main(argv: list[str] | None = None) -> None:
    """Parse the options (defaults from ``FARDPLAN_*`` and :class:`Settings`) and serve."""
    parser = argparse.ArgumentParser(description="Färdplan Explorer: browse the knowledge graph in a browser.")
    parser.add_argument("--store", help="store URL: oxigraph:PATH (default .fardplan/store), memory, http(s)://…/query")
    parser.add_argument("--host", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8050)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode (off by default)")
    parser.add_argument("--allow-edits", action="store_true",
                        help="edit controls in the explorer and imports on the Data page (off by default; "
                             "/sparql stays read-only)")
    args = parser.parse_args(argv)
    try:
        run(Settings.from_env(store=args.store, host=args.host, port=args.port, debug=args.debug or None,
                              allow_edits=args.allow_edits or None))
    except FardplanError as exc:  # a bad setting: say which, start nothing
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
