"""The Data page (/data) without a browser: the preview builders and the layout with importing off."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from graph.load.loader import ensure_seeded
from graph.load.sheets import preview
from graph.load.sheets_out import template_workbook
from graph.settings import Settings
from graph.store import EmbeddedStore
from tests.support.walk import text_of
from ui.callbacks.data import upload_bytes
from ui.components import data as build
from ui.pages import data as page


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    s = EmbeddedStore()
    ensure_seeded(s)
    return s


def _broken() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Aktörer"
    sheet.append(["namn", "typ"])
    sheet.append(["Ny förening", "klubb"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_preview_builder_shows_counts_matches_and_rows(store):
    result = preview(store, template_workbook(), "mall.xlsx")
    sv, en = text_of(build.build_preview(result, "sv")), text_of(build.build_preview(result, "en"))
    assert "Förhandsgranskning av mall.xlsx" in sv and "Alla 6 rader godkändes: 80 tripler" in sv
    assert "finns redan: Polisen" in sv and "already there: Polisen" in en
    assert "Skarpnäcks läxhjälpsförening" in sv and "läggs till" in sv and "tolkning" in sv


def test_the_preview_builder_lists_each_problem_at_its_place(store):
    result = preview(store, _broken(), "fel.xlsx")
    parts = build.build_preview(result, "sv")
    text = text_of(parts)
    assert "1 fel: ingenting kan importeras" in text
    table = parts[-1]
    assert text_of(table.children[2]).split()[:4] == ["Aktörer", "2", "B", "(typ)"]
    assert "okänd typ 'klubb'" in text


def test_layout_says_importing_is_off_and_how_to_turn_it_on(store):
    from ui.app import create_app

    ctx = create_app(Settings(store="memory"), store=store).server.extensions["fardplan"]
    text = text_of(page.layout(ctx, "sv"))
    assert "Import är avstängd" in text and "fardplan serve --allow-edits" in text
    assert "FARDPLAN_ALLOW_EDITS=1" in text and "Ladda ner mallen (XLSX)" in text
    assert upload_bytes("data:application/octet-stream;base64,aGVq") == b"hej"
    assert upload_bytes("garbage") == b""


def test_a_quote_from_a_spreadsheet_row_says_file_sheet_and_row():
    from ui.components.common import build_quote

    passage = {"segments": [["Polisen har besökt läxhjälpen.", False]], "text": "Polisen har besökt läxhjälpen.",
               "restored": "Polisen har besökt läxhjälpen.", "file_label": "mall.xlsx", "sheet": "Relationer",
               "row": 4, "document_label": "Verksamhetsberättelse 2025", "start": 0, "end": 0}
    caption = text_of(build_quote(passage, "sv").children[-1])
    assert caption == "kalkylarket mall.xlsx, bladet Relationer, rad 4 · Verksamhetsberättelse 2025"
    assert text_of(build_quote({**passage, "segments": [], "text": "", "restored": ""}, "en").children) == (
        "spreadsheet mall.xlsx, sheet Relationer, row 4 · Verksamhetsberättelse 2025")
