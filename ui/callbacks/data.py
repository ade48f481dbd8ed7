"""Callbacks of the Data page: downloads, the preview of an uploaded spreadsheet, and the confirmed import.

Each calls one function of :mod:`graph.load` and one builder of :mod:`ui.components.data`. The uploaded file stays in
the browser (the upload's ``contents``) between preview and confirm; confirming sends it again and the import checks
everything anew, so what is written is exactly what passes at that moment.

A confirmed import is a change in the history, by the editor's name (kept in this browser) and with the page's why
(:func:`graph.load.sheets.import_sheets`). The history is redrawn after an import, an undo or a review decision (each
writes to a live region, which is the history's trigger); an undo goes through :func:`graph.edit.run` like the
explorer's, an import's too.
"""

from __future__ import annotations

from dash import ALL, Input, Output, State, callback_context, dcc, no_update

from graph.edit import history, run
from graph.errors import FardplanError
from graph.load.sheets import SheetErrors, import_sheets, preview
from graph.load.sheets_out import export_workbook, template_workbook
from ui import ids
from ui.callbacks import review as review_callbacks
from ui.callbacks.upload import upload_bytes
from ui.components import data as page
from ui.components.edit import build_edit_result
from ui.i18n import t

__all__ = ["HISTORY_TRIGGERS", "confirm_import", "register", "upload_bytes"]

# The live regions whose change means the store may have changed: the history is redrawn after each.
HISTORY_TRIGGERS = (ids.DATA_RESULT, ids.DATA_HISTORY_RESULT, ids.DATA_REVIEW_RESULT)


def confirm_import(store, data: bytes, filename: str | None, who: str | None, why: str | None, allowed: bool,
                   lang: str) -> tuple:
    """Import the confirmed file as ``who`` (``why`` kept with the change): the result line, whether the confirm
    button stays disabled, and the preview (its problems when the file no longer passes) or ``no_update``."""
    if not allowed:
        return page.build_message(t("dt_refused", lang)), True, no_update
    if not (who or "").strip():
        return page.build_message(t("dt_who_needed", lang)), False, no_update
    try:
        result = import_sheets(store, data, filename or "upload.xlsx", who, why)
    except SheetErrors as exc:
        failed = {"file": filename, "ok": False, "issues": [i.to_dict() for i in exc.issues]}
        return None, True, page.build_preview(failed, lang)
    except FardplanError as exc:  # a name too long, a failed write: nothing was written
        return build_edit_result(dict(exc.to_dict()), lang), False, no_update
    return page.build_done(result, lang), True, no_update


def register(app, ctx) -> None:
    """Register the page's callbacks (the review queue's too: :mod:`ui.callbacks.review`)."""
    review_callbacks.register(app, ctx)

    @app.callback(Output(ids.DATA_TEMPLATE_DOWNLOAD, "data"), Input(ids.DATA_TEMPLATE, "n_clicks"),
                  prevent_initial_call=True)
    def template(_clicks):
        return dcc.send_bytes(template_workbook(), "fardplan-mall.xlsx")

    @app.callback(Output(ids.DATA_EXPORT_DOWNLOAD, "data"), Input(ids.DATA_EXPORT, "n_clicks"),
                  prevent_initial_call=True)
    def export(_clicks):
        return dcc.send_bytes(export_workbook(ctx.store), "fardplan-graf.xlsx")

    @app.callback(Output(ids.DATA_PREVIEW, "children"), Output(ids.DATA_CONFIRM, "disabled"),
                  Output(ids.DATA_RESULT, "children", allow_duplicate=True),
                  Input(ids.DATA_UPLOAD, "contents"), State(ids.DATA_UPLOAD, "filename"), State(ids.DATA_META, "data"),
                  prevent_initial_call=True)
    def show_preview(contents, filename, meta):
        if not contents:
            return no_update, True, no_update
        result = preview(ctx.store, upload_bytes(contents), filename or "upload.xlsx")
        can_write = ctx.settings.allow_edits and result["ok"] and result["quads"] > 0
        return page.build_preview(result, meta["lang"]), not can_write, None

    @app.callback(Output(ids.DATA_RESULT, "children"), Output(ids.DATA_CONFIRM, "disabled", allow_duplicate=True),
                  Output(ids.DATA_PREVIEW, "children", allow_duplicate=True),
                  Input(ids.DATA_CONFIRM, "n_clicks"), State(ids.DATA_UPLOAD, "contents"),
                  State(ids.DATA_UPLOAD, "filename"), State(ids.EDIT_WHO, "data"), State(ids.DATA_WHY, "value"),
                  State(ids.DATA_META, "data"), prevent_initial_call=True)
    def confirm(_clicks, contents, filename, who, why, meta):
        return confirm_import(ctx.store, upload_bytes(contents or ""), filename, who, why, ctx.settings.allow_edits,
                              meta["lang"])

    @app.callback(Output(ids.DATA_HISTORY_RESULT, "children"),
                  Input({"type": ids.DATA_UNDO, "id": ALL}, "n_clicks"), State(ids.EDIT_WHO, "data"),
                  State(ids.DATA_WHY, "value"), State(ids.DATA_META, "data"), prevent_initial_call=True)
    def undo(_clicks, who, why, meta):
        trigger = callback_context.triggered_id
        if not isinstance(trigger, dict) or not callback_context.triggered[0]["value"]:
            return no_update
        answer = run(ctx.store, "undo", {"id": trigger["id"]}, who, why, allowed=ctx.settings.allow_edits)
        return build_edit_result(answer, meta["lang"])

    @app.callback(Output(ids.DATA_HISTORY, "children"), *(Input(i, "children") for i in HISTORY_TRIGGERS),
                  State(ids.DATA_META, "data"), prevent_initial_call=True)
    def redraw_history(*args):
        meta = args[-1]
        return page.build_history(history(ctx.store, limit=None), meta["lang"], ctx.settings.allow_edits)
