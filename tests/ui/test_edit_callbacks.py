"""The edit controls without a browser: drawn only with allow_edits, and a request to the edit callback with
editing off is refused by the core (nothing written), while with it on the same request edits and undoes."""

from __future__ import annotations

import json

import pytest

from graph import edit
from graph.service.details import node_page
from graph.settings import Settings
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI
from tests.support.stores import copy_of
from tests.support.walk import text_of, walk
from ui import ids
from ui.app import create_app
from ui.components.common import build_node_details
from ui.components.edit import build_edit_form, build_edit_panel, build_edit_result
from ui.pages import explore

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture
def fresh(seed_store) -> EmbeddedStore:
    return copy_of(seed_store)


def _by_id(tree, component_id: str):
    return next((c for c in walk(tree) if getattr(c, "id", None) == component_id), None)


def _app(store, allow: bool):
    return create_app(Settings(store="memory", allow_edits=allow), store=store)


def _post_label(app, label: str, who: str = "Anna") -> dict:
    """POST the label form's callback as the browser would (Save clicked, Polisen selected)."""
    key = next(k for k, v in app.callback_map.items() if any(i["id"] == ids.EDIT_LABEL_SAVE for i in v["inputs"]))
    spec = app.callback_map[key]
    values = {ids.EDIT_LANG: "sv", ids.EDIT_LABEL: label, ids.EDIT_WHO: who, ids.EDIT_WHY: "test",
              ids.STATE: {"lang": "sv", "selected": POLISEN}}
    outputs = [{"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
               for part in key.strip(".").split("...")]
    body = {"output": key, "outputs": outputs,
            "inputs": [{**i, "value": 1 if i["id"] == ids.EDIT_LABEL_SAVE else None} for i in spec["inputs"]],
            "state": [{**s, "value": values.get(s["id"])} for s in spec["state"]],
            "changedPropIds": [f"{ids.EDIT_LABEL_SAVE}.n_clicks"]}
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.loads(response.get_data(as_text=True))["response"]


def test_with_edits_off_no_edit_control_is_drawn(seed_store):
    app = _app(seed_store, False)
    layout = explore.layout(app.server.extensions["fardplan"], "sv", sel="fpid:org/polisen")
    assert _by_id(layout, ids.EDIT_PANEL) is None and _by_id(layout, ids.EDIT_WHO_INPUT) is None
    page = node_page(seed_store, app.server.extensions["fardplan"].index, POLISEN, "sv")
    details = build_node_details(page, "sv")
    assert "Ta bort" not in text_of(details)


def test_with_edits_off_the_edit_callback_refuses_and_writes_nothing(fresh):
    before = set(fresh.quads())
    answer = _post_label(_app(fresh, False), "Polismyndigheten")
    result = json.dumps(answer[ids.EDIT_RESULT], ensure_ascii=False)
    assert "Inte sparat: Redigering är avstängd i den här utforskaren" in result and "--allow-edits" in result
    assert ids.DETAILS not in answer  # nothing redrawn
    assert set(fresh.quads()) == before and edit.history(fresh) == []


def test_with_edits_on_the_callback_edits_and_redraws(fresh):
    answer = _post_label(_app(fresh, True), "Polismyndigheten")
    assert "Sparat" in json.dumps(answer[ids.EDIT_RESULT], ensure_ascii=False)
    assert "Polismyndigheten" in json.dumps(answer[ids.DETAILS], ensure_ascii=False)
    assert [e["who"] for e in edit.history(fresh)] == ["Anna"]
    nameless = _post_label(_app(fresh, True), "Polisen i Stockholm", who="")
    assert "give your name" in json.dumps(nameless[ids.EDIT_RESULT]) and len(edit.history(fresh)) == 1


def test_panel_and_form_are_labelled(seed_store):
    app = _app(seed_store, True)
    ctx = app.server.extensions["fardplan"]
    layout = explore.layout(ctx, "en", sel="fpid:org/polisen")
    panel = _by_id(layout, ids.EDIT_PANEL)
    assert panel is not None and _by_id(panel, ids.EDIT_RESULT).role == "status"
    page = node_page(seed_store, ctx.index, POLISEN, "en")
    form = build_edit_form(page, edit.form.choices(seed_store), "en")
    assert _by_id(form, ids.EDIT_LABEL).value == "The Police"
    for control in (ids.EDIT_LABEL, ids.EDIT_ALIAS, ids.EDIT_TARGET, ids.EDIT_QUOTE, ids.EDIT_REASON_SV):
        assert any(getattr(label, "htmlFor", None) == control for label in walk(form)), control
    assert "Delete the relation" in json.dumps(build_node_details(page, "en", editable=True), default=str)
    assert "Undo the last change" in text_of(build_edit_panel("en"))
    error = build_edit_result({"ok": False, "kind": "shape", "status": 422, "message": "2 SHACL violation(s)",
                               "errors": ["a", "b"]}, "sv")
    assert text_of(error).startswith("Inte sparat: Ändringen bryter mot grafens regler (SHACL)")
    assert [li.children for li in walk(error) if getattr(li, "lang", None) == "en"] == ["a", "b"]


def test_sparql_stays_read_only_with_edits_on(fresh):
    client = _app(fresh, True).server.test_client()
    before = set(fresh.quads())
    response = client.post("/sparql", data="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                           headers={"Content-Type": "application/sparql-update"})
    assert response.status_code == 403 and response.get_json()["ok"] is False
    assert set(fresh.quads()) == before
