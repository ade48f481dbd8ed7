"""Fixtures of the browser tests that write."""

from __future__ import annotations

import pytest

from graph.settings import Settings
from tests.support.servers import wsgi_server
from tests.support.stores import copy_of


@pytest.fixture
def editable(seed_store, tmp_path):
    """The explorer with edits on over a store of its own (uploaded replies saved under ``tmp_path``), served on
    127.0.0.1; yields (base URL, store)."""
    from ui.app import create_app

    store = copy_of(seed_store)
    app = create_app(Settings(store="memory", allow_edits=True, data_dir=str(tmp_path)), store=store)
    with wsgi_server(app.server) as base:
        yield base, store
