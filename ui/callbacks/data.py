"""Callbacks of the Data page: downloads, the preview of an uploaded spreadsheet, and the confirmed import.

Each calls one function of :mod:`graph.load` and one builder of :mod:`ui.pages.data`. The uploaded file stays in
the browser (the upload's ``contents``) between preview and confirm; confirming sends it again and the import checks
everything anew, so what is written is exactly what passes at that moment.
"""

from __future__ import annotations

import base64
import binascii

from dash import Input, Output, State, dcc, no_update

from graph.load.sheets import SheetErrors, import_sheets, preview
from graph.load.sheets_out import export_workbook, template_workbook

from ..i18n import t
from ..pages import data as page


def upload_bytes(contents: str) -> bytes:
    """The bytes of a ``dcc.Upload`` ``contents`` string (``data:…;base64,…``)."""
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error, ValueError):
        return b""


def register(app, ctx) -> None:
    """Register the page's callbacks."""

    @app.callback(Output(page.TEMPLATE_DOWNLOAD, "data"), Input(page.TEMPLATE, "n_clicks"),
                  prevent_initial_call=True)
    def template(_clicks):
        return dcc.send_bytes(template_workbook(), "fardplan-mall.xlsx")

    @app.callback(Output(page.EXPORT_DOWNLOAD, "data"), Input(page.EXPORT, "n_clicks"), prevent_initial_call=True)
    def export(_clicks):
        return dcc.send_bytes(export_workbook(ctx.store), "fardplan-graf.xlsx")

    @app.callback(Output(page.PREVIEW, "children"), Output(page.CONFIRM, "disabled"),
                  Output(page.RESULT, "children", allow_duplicate=True),
                  Input(page.UPLOAD, "contents"), State(page.UPLOAD, "filename"), State(page.META, "data"),
                  prevent_initial_call=True)
    def show_preview(contents, filename, meta):
        if not contents:
            return no_update, True, no_update
        result = preview(ctx.store, upload_bytes(contents), filename or "upload.xlsx")
        can_write = ctx.settings.allow_edits and result["ok"] and result["quads"] > 0
        return page.build_preview(result, meta["lang"]), not can_write, None

    @app.callback(Output(page.RESULT, "children"), Output(page.CONFIRM, "disabled", allow_duplicate=True),
                  Output(page.PREVIEW, "children", allow_duplicate=True),
                  Input(page.CONFIRM, "n_clicks"), State(page.UPLOAD, "contents"), State(page.UPLOAD, "filename"),
                  State(page.META, "data"), prevent_initial_call=True)
    def confirm(_clicks, contents, filename, meta):
        lang = meta["lang"]
        if not ctx.settings.allow_edits:
            return page.build_message(t("dt_refused", lang)), True, no_update
        try:
            result = import_sheets(ctx.store, upload_bytes(contents or ""), filename or "upload.xlsx")
        except SheetErrors as exc:
            failed = {"file": filename, "ok": False, "issues": [i.to_dict() for i in exc.issues]}
            return None, True, page.build_preview(failed, lang)
        ctx.forget()  # the explorer's index and the analysis views are rebuilt with the new data
        return page.build_done(result, lang), True, no_update
