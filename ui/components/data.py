"""Builders of the Data page (:mod:`ui.pages.data`): the preview of a spreadsheet import, its problems (sheet,
row, column, message) and the result of a confirmed import, from the plain data of :mod:`graph.load.sheets`; and the
change history (:func:`graph.edit.history.history`), with an undo button per change when edits are on."""

from __future__ import annotations

from dash import dcc, html

from ui import ids
from ui.i18n import number, t

__all__ = ["HISTORY_SHOWN", "MAX_LISTED", "build_counts", "build_done", "build_history", "build_issues",
           "build_message", "build_preview", "when"]

MAX_LISTED = 200  # rows per table of the preview (the counts cover every row)
HISTORY_SHOWN = 50  # changes listed in the history (the count covers all)

def _table(caption: str, headers: list[str], rows: list[list], total: int, lang: str) -> html.Table:
    body = [html.Tr([html.Td(c) for c in row]) for row in rows[:MAX_LISTED]]
    if total > MAX_LISTED:
        body.append(html.Tr(html.Td(t("dt_more", lang, n=number(total - MAX_LISTED, lang)), colSpan=len(headers))))
    return html.Table([html.Caption(caption), html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
                       html.Tbody(body)], className="pl-table data-table")


def _status(e: dict, lang: str) -> str:
    if e["status"] == "new":
        text = t("dt_status_new", lang)
    elif e["status"] == "changed":
        what = ", ".join(t(f"dt_change_{c}", lang) for c in e["changes"])
        text = t("dt_status_changed", lang, label=e["matched_label"], what=what)
    else:
        text = t("dt_status_matched", lang, label=e["matched_label"])
    return text + (t("dt_type_differs", lang) if e.get("type_differs") else "")


def build_issues(issues: list[dict], lang: str) -> html.Table:
    """The problems, one row each: sheet, row, column, message."""
    rows = [[i["sheet"] or "", "" if i["row"] is None else str(i["row"]), i["column"] or "",
             i["message_sv" if lang == "sv" else "message_en"]] for i in issues]
    return _table(t("dt_errors_caption", lang), [t("dt_sheet", lang), t("dt_row", lang), t("dt_column", lang),
                                                 t("dt_message", lang)], rows, len(rows), lang)


def build_counts(counts: dict, lang: str) -> html.Table:
    """New, changed and already-there counts per kind."""
    rows = [[t(f"dt_{kind}", lang), number(counts.get(f"{kind}_new", 0), lang),
             number(counts.get(f"{kind}_changed", 0), lang),
             number(counts.get(f"{kind}_matched", counts.get(f"{kind}_existing", 0)), lang)]
            for kind in ("actors", "projects", "relations")]
    rows.append([t("dt_documents", lang), number(counts.get("documents_new", 0), lang), "0", ""])
    return _table(t("dt_counts_caption", lang), ["", t("dt_new", lang), t("dt_changed", lang),
                                                 t("dt_matched", lang)], rows, len(rows), lang)


def build_preview(result: dict, lang: str) -> list:
    """The preview of :func:`graph.load.sheets.preview`: verdict, problems or counts, and the rows."""
    head = html.H2(t("dt_preview_h", lang, file=result["file"]))
    if not result["ok"]:
        return [head, html.P(t("dt_failed", lang, n=len(result["issues"])), className="error", role="alert"),
                build_issues(result["issues"], lang)]
    verdict = "dt_ok" if result["quads"] else "dt_nothing"
    parts: list = [head, html.P(t(verdict, lang, rows=number(result["rows"], lang),
                                  quads=number(result["quads"], lang)), className="data-verdict"),
                   build_counts(result["counts"], lang)]
    if result.get("ignored_sheets"):
        parts.append(html.P(t("dt_ignored", lang, names=", ".join(result["ignored_sheets"])), className="muted"))
    for kind in ("actors", "projects"):
        entities = result[kind]
        if entities:
            parts.append(_table(t(f"dt_{kind}", lang), [t("dt_row", lang), t("dt_name", lang), t("dt_status", lang)],
                                [[f"{e['sheet']} {e['row']}", e["label"], _status(e, lang)] for e in entities],
                                len(entities), lang))
    relations = result["relations"]
    if relations:
        rows = [[f"{r['sheet']} {r['row']}", r["subject"]["label"],
                 r["relation_sv" if lang == "sv" else "relation_en"], r["object"]["label"],
                 t(f"dt_mode_{r['mode']}", lang),
                 t("dt_status_new" if r["status"] == "new" else "dt_status_existing", lang)] for r in relations]
        parts.append(_table(t("dt_relations", lang), [t("dt_row", lang), t("dt_name", lang), t("dt_relation", lang),
                                                      "Partner", t("dt_mode_h", lang), t("dt_status", lang)],
                            rows, len(rows), lang))
    return parts


def build_done(result: dict, lang: str) -> list:
    """What a confirmed import saved (and that it is a change in the history, undone there), with a link to the
    explorer."""
    change = result.get("change")
    return [html.P(t("dt_done", lang, file=result["file"], quads=number(result["quads"], lang)),
                   className="data-done"),
            html.P(t("dt_done_history", lang, what=change["what"][lang]), className="muted") if change else None,
            dcc.Link(t("dt_to_explore", lang), href="/" if lang == "sv" else "/?lang=en", className="button")]


def build_message(text: str) -> html.P:
    """A one-line notice of the confirm button."""
    return html.P(text, className="data-edits-off")


def when(stamp: str) -> str:
    """An xsd:dateTime in UTC (``2026-12-03T14:05:06.123+00:00``) as ``2026-12-03 14:05 UTC``."""
    date, _, time = stamp.partition("T")
    return f"{date} {time[:5]} UTC" if time else date


def _time(stamp: str) -> html.Time:
    return html.Time(when(stamp), dateTime=stamp)


def _state(entry: dict, by_id: dict[str, dict], lang: str) -> list:
    if entry["undone_by"]:
        undo = by_id.get(entry["undone_by"])
        if undo is None:
            return [t("dt_undone", lang)]
        return [t("dt_undone_by", lang, when=when(undo["started"]), who=undo["who"])]
    if entry["undoes"]:
        undone = by_id.get(entry["undoes"])
        return [t("dt_undoes", lang, when=when(undone["started"]) if undone else entry["undoes"])]
    return [t("dt_in_effect", lang)]


def build_history(entries: list[dict], lang: str, edits: bool, shown: int = HISTORY_SHOWN) -> list:
    """The history (``entries``: every :class:`graph.edit.history.HistoryEntry`, newest first): the count and a
    table of the newest ``shown`` (when, who, what in ``lang``, why, undone by or undoing); with ``edits`` an undo
    button per change that is in effect."""
    if not entries:
        return [html.P(t("dt_history_none", lang), className="muted")]
    total = len(entries)
    count = (t("dt_history_count_one", lang) if total == 1 else
             t("dt_history_count", lang, n=number(total, lang)) if total <= shown else
             t("dt_history_count_more", lang, n=number(total, lang), shown=number(shown, lang)))
    by_id = {e["id"]: e for e in entries}
    headers = [t("dt_when", lang), t("dt_who", lang), t("dt_what", lang), t("dt_why_h", lang), t("dt_state", lang)]
    if edits:
        headers.append(t("dt_action", lang))
    rows = []
    for entry in entries[:shown]:
        what = entry["what"].get(lang) or entry["what"].get("sv", entry["operation"])
        cells = [html.Td(_time(entry["started"])), html.Td(entry["who"]), html.Td(what),
                 html.Td(entry["why"] or html.Span(t("dt_no_why", lang), className="muted")),
                 html.Td(_state(entry, by_id, lang))]
        if edits:
            cells.append(html.Td(None if entry["undone_by"] else html.Button(
                t("dt_undo", lang), id={"type": ids.DATA_UNDO, "id": entry["id"]}, n_clicks=0,
                className="button small", **{"aria-label": t("dt_undo_label", lang, what=what)})))
        rows.append(html.Tr(cells, className="undone" if entry["undone_by"] else None))
    table = html.Table([html.Caption(t("dt_history_caption", lang)),
                        html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])), html.Tbody(rows)],
                       className="pl-table data-table data-history")
    return [html.P(count, className="data-count"), table]
