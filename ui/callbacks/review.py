"""Callbacks of /data's next reply (issue 14 item 3): an uploaded reply (.txt or .pdf) read and queued by
:func:`graph.ingest.review.queue_reply`, and each proposal accepted (its label corrected first, for an entity) or
rejected through :mod:`graph.ingest.review`. Each writes what happened to the live region and redraws the queue; the
history is redrawn after it (the live region is one of :data:`ui.callbacks.data.HISTORY_TRIGGERS`).

Uploading and deciding need the ``allow_edits`` setting; with it off the controls are not drawn and a request that
reaches a callback anyway is refused here, nothing written.
"""

from __future__ import annotations

from dash import ALL, Input, Output, State, callback_context, no_update

from graph.errors import EditError, FardplanError
from graph.ingest.review import accept, queue, queue_reply, reject
from graph.ingest.text import source_from_bytes
from graph.store import Store
from ui import ids
from ui.callbacks.upload import upload_bytes
from ui.components.review import build_queue, build_review_error, build_review_failed, build_review_message
from ui.i18n import number, t

__all__ = ["decide", "read_reply", "register"]

OFF = "editing is off: start the explorer with --allow-edits (FARDPLAN_ALLOW_EDITS=1)"


def read_reply(store: Store, data: bytes, name: str, who: str | None, allowed: bool, lang: str,
               data_dir: str | None = None):
    """Read the uploaded reply and queue its proposals (its text saved under ``data_dir``); the live region's line
    (what was queued, or why not)."""
    try:
        if not allowed:
            raise EditError(OFF, 403)
        if not (who or "").strip():
            return build_review_error(t("dt_need_who", lang))
        summary = queue_reply(store, source_from_bytes(data, name), name, who, data_dir=data_dir)
    except FardplanError as exc:
        return build_review_failed(dict(exc.to_dict()), lang, upload=True)
    return build_review_message(t("dt_reply_queued", lang, name=summary["name"],
                                  entities=number(summary["entities"], lang),
                                  relations=number(summary["relations"], lang)))


def decide(store: Store, action: str, item_id: str, who: str | None, why: str | None, typed: str | None,
           allowed: bool, lang: str, data_dir: str | None = None):
    """Accept (``typed``: the label field, passed on when it differs from the proposal's) or reject the proposal
    ``item_id``; the live region's line."""
    try:
        if not allowed:
            raise EditError(OFF, 403)
        if not (who or "").strip():
            return build_review_error(t("dt_need_who", lang))
        item = next((i for i in queue(store, status=None) if i["id"] == item_id), None)
        label = " ".join((typed or "").split())
        if action == "accept":
            corrected = label if item is not None and label and label != item["label"] else None
            entry = accept(store, item_id, who, label=corrected, data_dir=data_dir)
            return build_review_message(t("dt_review_done_accept", lang, what=entry["what"][lang]))
        reject(store, item_id, who, why=(why or "").strip() or None)
        return build_review_message(t("dt_review_done_reject", lang, label=item["label"] if item else item_id))
    except FardplanError as exc:
        return build_review_failed(dict(exc.to_dict()), lang)


def register(app, ctx) -> None:
    """Register the callbacks of the reply upload and the review queue."""
    def redrawn(lang: str) -> list:
        return build_queue(queue(ctx.store, status=None), lang, ctx.settings.allow_edits)

    @app.callback(Output(ids.DATA_REVIEW_RESULT, "children"), Output(ids.DATA_REVIEW, "children"),
                  Input(ids.DATA_REPLY_UPLOAD, "contents"), State(ids.DATA_REPLY_UPLOAD, "filename"),
                  State(ids.EDIT_WHO, "data"), State(ids.DATA_META, "data"), prevent_initial_call=True)
    def upload(contents, filename, who, meta):
        if not contents:
            return no_update, no_update
        lang = meta["lang"]
        said = read_reply(ctx.store, upload_bytes(contents), filename or "remissvar.txt", who,
                          ctx.settings.allow_edits, lang, ctx.settings.data_dir)
        return said, redrawn(lang)

    @app.callback(Output(ids.DATA_REVIEW_RESULT, "children", allow_duplicate=True),
                  Output(ids.DATA_REVIEW, "children", allow_duplicate=True),
                  Input({"type": ids.DATA_REVIEW_ACCEPT, "id": ALL}, "n_clicks"),
                  Input({"type": ids.DATA_REVIEW_REJECT, "id": ALL}, "n_clicks"),
                  State({"type": ids.DATA_REVIEW_LABEL, "id": ALL}, "value"),
                  State({"type": ids.DATA_REVIEW_LABEL, "id": ALL}, "id"),
                  State(ids.EDIT_WHO, "data"), State(ids.DATA_WHY, "value"), State(ids.DATA_META, "data"),
                  prevent_initial_call=True)
    def on_decision(_accepts, _rejects, labels, label_ids, who, why, meta):
        trigger = callback_context.triggered_id
        if not isinstance(trigger, dict) or not callback_context.triggered[0]["value"]:
            return no_update, no_update
        lang = meta["lang"]
        typed = dict(zip((i["id"] for i in label_ids or []), labels or [], strict=True)).get(trigger["id"])
        action = "accept" if trigger["type"] == ids.DATA_REVIEW_ACCEPT else "reject"
        said = decide(ctx.store, action, trigger["id"], who, why, typed, ctx.settings.allow_edits, lang,
                      ctx.settings.data_dir)
        return said, redrawn(lang)
