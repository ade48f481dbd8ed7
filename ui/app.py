"""The app factory and the shell: nav bar, language toggle, and a router over ``PAGES``.

This is the one module where a page meets its callbacks: ``PAGES`` pairs each layout module of :mod:`ui.pages`
with the ``register`` function of :mod:`ui.callbacks` that serves it, and ``ROUTES`` lists the modules that add
plain HTTP routes (``register_routes(server, ctx)``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dash_cytoscape as cyto
from dash import Dash, dcc, html

from graph.http import endpoint
from graph.http.security import install_security_headers
from graph.http.server import serve
from graph.index.nodes import ExploreIndex, build_index
from graph.index.search import search_index
from graph.load.loader import ensure_seeded
from graph.service import planner
from graph.service.caches import caches_of
from graph.settings import PROJECT_DIR, Settings
from graph.store import Store, open_store
from ui import ids
from ui.callbacks import compare as compare_callbacks
from ui.callbacks import data as data_callbacks
from ui.callbacks import explore as explore_callbacks
from ui.callbacks import planner as planner_callbacks
from ui.callbacks import shell
from ui.callbacks import sparql as sparql_callbacks
from ui.components import presentation
from ui.components.errors import banner, on_callback_error
from ui.pages import compare, data, explore, gaps, network, sparql, strategy_actors, two_actors

__all__ = ["ASSETS", "EDITOR_ASSET", "PAGES", "PAGE_MODULES", "ROUTES", "AppContext", "create_app",
           "open_default_store", "production_app", "run"]

ASSETS = Path(__file__).resolve().parent / "assets"
EDITOR_ASSET = r"^sparql-editor\.js$"  # not in every page: 400 KB that only /fraga needs
# Each page (nav order) with the function that registers its callbacks.
PAGES: list[tuple[Any, Callable[[Dash, Any], None]]] = [
    (explore, explore_callbacks.register),
    (strategy_actors, planner_callbacks.register_strategy_actors),
    (two_actors, planner_callbacks.register_two_actors),
    (network, planner_callbacks.register_network),
    (gaps, planner_callbacks.register_gaps),
    (compare, compare_callbacks.register),
    (sparql, sparql_callbacks.register),
    (data, data_callbacks.register),
]
PAGE_MODULES = [page for page, _ in PAGES]
# Modules adding HTTP routes: /sparql, /queries, /id/… (the endpoint), /v/<id>, /qr.svg and saved views.
ROUTES: list[Any] = [endpoint, presentation]


@dataclass
class AppContext:
    """What every page's callbacks share: the store, the settings and the store's caches."""

    store: Store
    settings: Settings

    def cached(self, name: str, build: Callable[[Store], Any]) -> Any:
        """``build(store)`` once per store state, then the same value (:mod:`graph.service.caches`)."""
        return caches_of(self.store).get(name, build)

    @property
    def index(self) -> ExploreIndex:
        """The explorer index of the store (built on first use)."""
        return self.cached("explore", build_index)

    def warm(self) -> None:
        """Build what first requests would otherwise wait for: the explorer index and its search tables, the
        analysis views and the collaboration network's ranking and layout (seconds at 1M triples). A failure is
        logged, not raised: the pages then build on first use and report it there."""
        started = time.perf_counter()
        try:
            search_index(self.cached("explore", build_index))
            planner.network(self.store, max_elements=self.settings.max_elements)
            _ = planner.views(self.store).lexicon  # the Swedish word list behind restored readings of quotes
            logging.getLogger(__name__).info("caches warmed in %.1f s", time.perf_counter() - started)
        except Exception:  # noqa: BLE001 - a background warm-up must not take the server down
            logging.getLogger(__name__).exception("warming the caches failed; they are built on first use")


def open_default_store(settings: Settings) -> Store:
    """The store ``settings`` names (a relative ``oxigraph:`` path under the project), filled on first start."""
    store = open_store(settings.store, settings.update_url, base_dir=PROJECT_DIR)
    ensure_seeded(store)
    return store


def create_app(settings: Settings, store: Store | None = None) -> Dash:
    """A fresh Dash app on ``store`` (default: the store ``settings`` names) with every page and route module."""
    cyto.load_extra_layouts()  # fcose, dagre, cose-bilkent and the SVG exporter
    ctx = AppContext(store if store is not None else open_default_store(settings), settings)
    app = Dash(__name__, assets_folder=str(ASSETS), title="Färdplan Explorer", update_title=None,
               suppress_callback_exceptions=True, serve_locally=True, on_error=on_callback_error,
               assets_ignore=EDITOR_ASSET)  # loaded only by the SPARQL page (assets/sparql-loader.js)
    app.index_string = app.index_string.replace("<html>", '<html lang="sv">', 1)  # a11y: assets/a11y.js follows ?lang
    app.layout = html.Div([dcc.Location(id=ids.URL, refresh=False), dcc.Store(id=ids.PAGE_META), banner(),
                           html.Div(id=ids.SHELL, className="shell")])
    shell.register(app, ctx, PAGE_MODULES)
    for _page, register in PAGES:
        register(app, ctx)
    for module in ROUTES:
        module.register_routes(app.server, ctx)
    install_security_headers(app.server, app.csp_hashes())  # nosniff, frame denial, CSP on every response
    app.server.extensions["fardplan"] = ctx
    return app


def _warming(settings: Settings) -> Dash:
    """A fresh app whose caches warm in a background thread."""
    app = create_app(settings)
    threading.Thread(target=app.server.extensions["fardplan"].warm, name="warm-caches", daemon=True).start()
    return app


def production_app(settings: Settings) -> Any:
    """The explorer's WSGI app with its warm-up started: what each web server worker runs (:mod:`graph.http.server`)."""
    return _warming(settings).server


def run(settings: Settings) -> None:
    """Serve the explorer on ``settings.host:settings.port``: the production server of :mod:`graph.http.server`, or with
    ``settings.debug`` Dash's own development server in debug mode. No outbound checks either way."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    print(f"Färdplan Explorer on http://{settings.host}:{settings.port}/ (store {settings.store})", flush=True)
    if settings.debug:
        _warming(settings).run(host=settings.host, port=settings.port, debug=True,
                               dev_tools_disable_version_check=True, dev_tools_hot_reload=False)
    else:
        serve("ui.app:production_app", settings)
