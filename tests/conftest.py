"""Shared fixtures: tiny inline graphs, the real seed graph in every store kind, real servers."""

from __future__ import annotations

import pytest

from graph.load.loader import ensure_seeded
from graph.store import EmbeddedStore, Store, open_store
from tests.support.paths import ROOT  # noqa: E402
from tests.support.servers import oxigraph_server

RAW_SOURCE = ROOT / "data" / "sources" / "000_bcd631ecaa6cfe08.txt"

TINY_TTL = """\
@prefix fp: <https://w3id.org/fardplan/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://example.org/t/> .
t:ga a fp:GoalArea, skos:Concept ; skos:notation "DT" ; skos:prefLabel "Demokrati och trygghet"@sv .
t:s1 a fp:Strategy, skos:Concept ; skos:notation "DT.V" ; skos:broader t:ga ; skos:prefLabel "Rikta"@sv .
t:p a fp:Project ; skos:prefLabel "Sociala insatsgruppen"@sv ; fp:contributesTo t:s1 .
t:polis fp:participatesIn t:p ; skos:prefLabel "Polisen"@sv .
"""


@pytest.fixture
def tiny_ttl() -> str:
    """A tiny inline Turtle graph (not SHACL-complete: for code that does not validate)."""
    return TINY_TTL


@pytest.fixture(scope="session")
def raw_source() -> str:
    """The raw OCR text of the reply, as the provenance offsets count it (Unicode code points)."""
    return RAW_SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_store() -> Store:
    """The bundled data in an in-memory store, shared read-only by a test session."""
    store = EmbeddedStore()
    ensure_seeded(store)
    return store


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory) -> str:
    """Base URL of a real ``oxigraph serve`` on 127.0.0.1 for the whole session (empty store)."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


@pytest.fixture(params=["memory", "oxigraph", "remote"])
def any_store(request, tmp_path) -> Store:
    """An empty store of each kind: in memory, on disk, and a real remote ``oxigraph serve``."""
    if request.param == "memory":
        store = open_store("memory")
        yield store
    elif request.param == "oxigraph":
        store = open_store(f"oxigraph:{tmp_path / 'store'}")
        yield store
        store.close()
    else:
        with oxigraph_server() as base:
            yield open_store(base + "/query")


@pytest.fixture(scope="session")
def live_app(seed_store) -> str:
    """The explorer (``ui.app.create_app``) on the seed data, served on 127.0.0.1; yields its base URL."""
    from graph.settings import Settings
    from tests.support.servers import wsgi_server
    from ui.app import create_app

    app = create_app(Settings(store="memory"), store=seed_store)
    with wsgi_server(app.server) as base:
        yield base


@pytest.fixture
def page():
    """A headless Chromium page; the test fails if the page logged console errors."""
    from tests.support.browser import browser_page

    with browser_page() as (pg, errors):
        pg.console_errors = errors
        yield pg
