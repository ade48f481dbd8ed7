"""The app factory and the shell: nav bar, language toggle, and a router over ``PAGE_MODULES``."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dash_cytoscape as cyto
from dash import Dash, dcc, html

from graph import planner
from graph.explore import ExploreIndex, build_index
from graph.explore_search import search_index
from graph.http import install_security_headers
from graph.loading import ensure_seeded
from graph.serve import serve
from graph.settings import PROJECT_DIR, Settings
from graph.store import Store, open_store

from . import ids
from .callbacks import shell
from .errors import banner, on_callback_error
from .pages import PAGE_MODULES, ROUTE_MODULES

ASSETS = Path(__file__).resolve().parent / "assets"


@dataclass
class AppContext:
    """What every page's callbacks share: the store, the settings and per-app caches."""

    store: Store
    settings: Settings
    _cache: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def cached(self, name: str, build: Callable[[Store], Any]) -> Any:
        """``build(store)`` once per app, then the same value."""
        with self._lock:
            if name not in self._cache:
                self._cache[name] = build(self.store)
            return self._cache[name]

    def forget(self) -> None:
        """Drop every cache of the store's data (after an import from the Data page wrote to it)."""
        with self._lock:
            self._cache.clear()
        planner.invalidate(self.store)

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
               suppress_callback_exceptions=True, serve_locally=True, on_error=on_callback_error)
    app.index_string = app.index_string.replace("<html>", '<html lang="sv">', 1)  # a11y: assets/a11y.js follows ?lang
    app.layout = html.Div([dcc.Location(id=ids.URL, refresh=False), dcc.Store(id=ids.PAGE_META), banner(),
                           html.Div(id=ids.SHELL, className="shell")])
    shell.register(app, ctx, PAGE_MODULES)
    for module in PAGE_MODULES:
        module.register_callbacks(app, ctx)
    for module in ROUTE_MODULES:
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
    """The explorer's WSGI app with its warm-up started: what each web server worker runs (:mod:`graph.serve`)."""
    return _warming(settings).server


def run(settings: Settings) -> None:
    """Serve the explorer on ``settings.host:settings.port``: the production server of :mod:`graph.serve`, or with
    ``settings.debug`` Dash's own development server in debug mode. No outbound checks either way."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    print(f"Färdplan Explorer on http://{settings.host}:{settings.port}/ (store {settings.store})", flush=True)
    if settings.debug:
        _warming(settings).run(host=settings.host, port=settings.port, debug=True,
                               dev_tools_disable_version_check=True, dev_tools_hot_reload=False)
    else:
        serve("ui.app:production_app", settings)
