"""The compare page's builders (/jamfor) without a browser: rows chosen, cells, the one-reply note."""

from __future__ import annotations

from dash import html

from graph.load.loader import ensure_seeded, load_files
from graph.service.compare import compare
from graph.store import EmbeddedStore
from tests.support.paths import FIXTURES
from tests.support.walk import find, text_of
from ui.components.compare import build_compare_view, chosen_rows


def test_one_reply_says_so_and_lists_the_strategies_it_mentions(seed_store):
    result = compare(seed_store)
    text = text_of(build_compare_view(result, "mentioned", "sv"))
    assert "1 remissvar inlästa" in text and "Bara ett remissvar är inläst" in text
    shown = chosen_rows(result["strategies"], "mentioned")
    assert len(shown) == 11 and len(chosen_rows(result["strategies"], "all")) == 23
    assert chosen_rows(result["strategies"], "several") == []
    assert "No strategies to show with that choice." in text_of(build_compare_view(result, "several", "en"))


def test_two_replies_get_a_column_each_and_the_shared_actor():
    store = EmbeddedStore()
    ensure_seeded(store)
    load_files(store, [FIXTURES / "second-reply.ttl"])
    view = build_compare_view(compare(store), "several", "sv")
    table = next(c for c in find(view) if getattr(c, "className", "") == "pl-table cmp-table")
    headers = [text_of(th) for th in find(table.children[1], html.Th)]
    assert headers == ["Strategi", "Stadsdelsförvaltningen", "Testförvaltningen", "Delade aktörer"]
    rows = table.children[2].children
    assert len(rows) == 1
    row = text_of(rows[0])
    assert "DT.VI" in row and "Trygga torg" in row and "Vad svaret säger (1)" in row
    assert text_of(rows[0].children[-1]).strip() == "Polisen"
