"""What every command shares: opening the store the global ``--store`` names, and the help texts of the global
options. The command groups (:mod:`graph.cli.data`, :mod:`graph.cli.query`, :mod:`graph.cli.analysis`,
:mod:`graph.cli.brief`, :mod:`graph.cli.serve`) each add their subcommands with ``add_commands(command)``."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from graph.load.loader import ensure_seeded
from graph.settings import PROJECT_DIR, Settings
from graph.store import Store, open_store

__all__ = ["Command", "LANG_HELP", "STORE_HELP", "open_store_for"]

STORE_HELP = "store URL: oxigraph:PATH (default .fardplan/store), memory, http(s)://…/query (env FARDPLAN_STORE)"
LANG_HELP = "language of tables and labels: sv (default) or en"
# ``command(name, func, help_text)`` adds a subcommand with the global options and returns its parser.
Command = Callable[..., argparse.ArgumentParser]


def open_store_for(args: argparse.Namespace, seed: bool = True) -> Store:
    """The store of ``--store`` (or ``FARDPLAN_STORE``, or the default), seeded with the bundled data when empty."""
    settings = Settings.from_env(store=args.store)
    store = open_store(settings.store, settings.update_url, base_dir=PROJECT_DIR if args.store is None else None)
    if seed:
        ensure_seeded(store)
    return store
