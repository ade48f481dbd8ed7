"""The change history on /data without a browser: the builder (count, when, who, what in the page's language, why,
undone by / undoing, undo buttons only with edits on), the layout with edits off and on, and the undo and redraw
callbacks posted as the browser posts them."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from graph import edit
from graph.settings import Settings
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI
from tests.support.dash_post import post_callback
from tests.support.stores import copy_of
from tests.support.walk import text_of, walk
from ui import ids
from ui.app import create_app
from ui.components.data import build_history, when
from ui.pages import data as page

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture
def fresh(seed_store) -> EmbeddedStore:
    return copy_of(seed_store)


def _label(store, text: str, who: str = "Anna", why: str = "") -> str:
    answer = edit.run(store, "set_label", {"node": POLISEN, "lang": "sv", "text": text}, who, why, allowed=True)
    assert answer["ok"], answer
    return answer["change"]["id"]


def _buttons(tree) -> list:
    return [c for c in walk(tree) if isinstance(getattr(c, "id", None), dict) and c.id["type"] == ids.DATA_UNDO]


def _ctx(store, allow: bool):
    return create_app(Settings(store="memory", allow_edits=allow), store=store).server.extensions["fardplan"]


def test_the_history_lists_who_when_what_why_and_the_undo_links(fresh):
    first = _label(fresh, "Polismyndigheten", why="myndighetens namn")
    edit.run(fresh, "undo", {"id": first}, "Bertil", None, allowed=True)
    entries = edit.history(fresh, limit=None)
    sv, en = build_history(entries, "sv", edits=True), build_history(entries, "en", edits=False)
    text = text_of(sv)
    assert "2 ändringar." in text and "2 changes." in text_of(en)
    assert "Etikett (sv) för Polisen: ”Polisen” → ”Polismyndigheten”" in text
    assert "myndighetens namn" in text and "(inget skäl angivet)" in text and "(no reason given)" in text_of(en)
    undo, edited = entries
    assert f"ångrad {when(undo['started'])} av Bertil" in text
    assert f"ångrar ändringen från {when(edited['started'])}" in text
    rows = [r for r in walk(sv) if getattr(r, "className", None) == "undone"]
    assert len(rows) == 1 and "Anna" in text_of(rows[0])
    # Only the change in effect (the undo) can be undone; none without edits.
    [button] = _buttons(sv)
    assert button.id["id"] == undo["id"] and button.children == "Ångra"
    assert getattr(button, "aria-label") == "Ångra ändringen: Ångrat: " + edited["what"]["sv"]
    assert _buttons(en) == []
    times = [c for c in walk(sv) if type(c).__name__ == "Time"]
    assert [c.dateTime for c in times] == [undo["started"], edited["started"]]
    assert times[0].children.endswith(" UTC") and times[0].children[:10] == undo["started"][:10]


def test_the_history_is_limited_with_the_count_shown():
    entries = [{"id": f"2026120{i}T000000000000Z-aaaaaa", "iri": "", "operation": "set_label", "who": "Anna",
                "started": f"2026-12-0{i}T00:00:00+00:00", "ended": "", "what": {"sv": f"ändring {i}",
                "en": f"change {i}"}, "why": "", "target": POLISEN, "undoes": None, "undone_by": None,
                "added": 1, "removed": 1} for i in range(9, 0, -1)]
    shown = build_history(entries, "sv", edits=True, shown=3)
    assert text_of(shown[0]) == "9 ändringar; de 3 senaste visas."
    assert len([r for r in walk(shown) if type(r).__name__ == "Tr"]) == 4  # the head and three changes
    assert text_of(build_history(entries[:1], "en", edits=True)).startswith("1 change.")
    assert text_of(build_history([], "sv", edits=True)) == "Inga ändringar ännu."
    assert when("2026-12-03T14:05:06.123+00:00") == "2026-12-03 14:05 UTC"


def test_the_page_lists_the_history_read_only_with_edits_off(fresh):
    _label(fresh, "Polismyndigheten")
    layout = page.layout(_ctx(fresh, False), "sv")
    text = text_of(layout)
    assert "Ändringshistorik" in text and "Polismyndigheten" in text and "--allow-edits" in text
    assert _buttons(layout) == []
    assert not any(getattr(c, "id", None) == ids.EDIT_WHO_INPUT for c in walk(layout))
    levels = [int(type(c).__name__[1]) for c in walk(layout) if type(c).__name__ in ("H1", "H2", "H3", "H4")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_with_edits_on_the_page_asks_who_and_offers_undo(fresh):
    _label(fresh, "Polismyndigheten")
    layout = page.layout(_ctx(fresh, True), "en")
    assert any(getattr(c, "id", None) == ids.EDIT_WHO_INPUT for c in walk(layout))  # the explorer's name store
    assert any(getattr(c, "id", None) == ids.EDIT_WHO and c.storage_type == "local" for c in walk(layout))
    assert any(getattr(c, "htmlFor", None) == ids.DATA_WHY for c in walk(layout))
    assert len(_buttons(layout)) == 1 and "Change history" in text_of(layout)


def _undo(app, change_id: str, who: str | None = "Cecilia") -> str:
    answer = post_callback(app, ids.DATA_HISTORY_RESULT, {"type": ids.DATA_UNDO, "id": change_id}, 1,
                           states={ids.EDIT_WHO: who, ids.DATA_WHY: "fel namn", ids.DATA_META: {"lang": "sv"}})
    return json.dumps(answer[ids.DATA_HISTORY_RESULT], ensure_ascii=False)


def test_the_undo_callback_undoes_and_the_history_is_redrawn(fresh):
    app = create_app(Settings(store="memory", allow_edits=True), store=fresh)
    change = _label(fresh, "Polismyndigheten")
    said = _undo(app, change)
    assert "Sparat: Ångrat: Etikett (sv) för Polisen" in said
    undo, edited = edit.history(fresh)
    assert (undo["who"], undo["why"], undo["undoes"], edited["undone_by"]) == ("Cecilia", "fel namn", change,
                                                                               undo["id"])
    assert "Ändringen krockar" in _undo(app, change)  # already undone: 409, nothing written
    assert len(edit.history(fresh)) == 2
    redrawn = post_callback(app, ids.DATA_HISTORY, ids.DATA_HISTORY_RESULT, "x",
                            states={ids.DATA_META: {"lang": "sv"}})
    text = json.dumps(redrawn[ids.DATA_HISTORY], ensure_ascii=False)
    assert "2 ändringar." in text and "Cecilia" in text


def test_with_edits_off_the_undo_callback_refuses_and_writes_nothing(fresh):
    change = _label(fresh, "Polismyndigheten")
    before = set(fresh.quads())
    said = _undo(create_app(Settings(store="memory", allow_edits=False), store=fresh), change)
    assert "Inte sparat: Redigering är avstängd" in said
    assert set(fresh.quads()) == before


def _confirm(app, who: str | None, lang: str = "sv") -> str:
    import base64

    from graph.load.sheets_out import template_workbook

    contents = "data:application/octet-stream;base64," + base64.b64encode(template_workbook()).decode()
    answer = post_callback(app, ids.DATA_RESULT, ids.DATA_CONFIRM, 1,
                           states={(ids.DATA_UPLOAD, "contents"): contents, (ids.DATA_UPLOAD, "filename"): "mall.xlsx",
                                   ids.EDIT_WHO: who, ids.DATA_WHY: "exemplen",
                                   ids.DATA_META: {"lang": lang}})
    return json.dumps(answer[ids.DATA_RESULT], ensure_ascii=False)


def test_a_confirmed_import_is_a_change_by_the_browsers_name_and_undone_on_the_page(fresh):
    app = create_app(Settings(store="memory", allow_edits=True), store=fresh)
    before = set(fresh.quads())
    assert "Skriv ditt namn under Vem och varför först" in _confirm(app, None)  # no name: nothing written
    assert set(fresh.quads()) == before
    said = _confirm(app, "Dora", "en")
    assert "The import is a change in the history below" in said
    assert "Import: mall.xlsx — 1 new actor, 1 project, 3 relations" in said
    [entry] = edit.history(fresh)
    assert (entry["operation"], entry["who"], entry["why"]) == ("import", "Dora", "exemplen")
    assert "Sparat: Ångrat: Import: mall.xlsx — 1 ny aktör, 1 projekt, 3 relationer" in _undo(app, entry["id"])
    assert {q for q in fresh.quads() if isinstance(q.graph_name, ox.DefaultGraph)} == {
        q for q in before if isinstance(q.graph_name, ox.DefaultGraph)}


def test_with_edits_off_a_confirmed_import_is_refused(fresh):
    before = set(fresh.quads())
    said = _confirm(create_app(Settings(store="memory", allow_edits=False), store=fresh), "Dora")
    assert "Import är avstängd; ingenting sparades." in said and set(fresh.quads()) == before
