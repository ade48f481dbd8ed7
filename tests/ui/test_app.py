"""The app factory: what every page loads, and what only the SPARQL page loads."""

from __future__ import annotations

from graph.settings import Settings
from tests.support.walk import walk
from ui import ids
from ui.app import create_app
from ui.pages import sparql


def test_the_editor_is_loaded_only_by_the_sparql_page(seed_store):
    client = create_app(Settings(store="memory"), store=seed_store).server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "sparql-editor.js" not in page and "sparql-loader.js" in page
    [mount] = [c for c in walk(sparql.layout(None)) if getattr(c, "id", None) == ids.SQ_EDITOR]
    src = getattr(mount, "data-src")
    assert src.startswith("assets/sparql-editor.js?m=")
    editor = client.get("/" + src)
    assert editor.status_code == 200 and b"sparql_editor" in editor.data
