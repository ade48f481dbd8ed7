"""Builders of the Data page (:mod:`ui.pages.data`): the preview of a spreadsheet import, its problems (sheet,
row, column, message) and the result of a confirmed import, from the plain data of :mod:`graph.load.sheets`."""

from __future__ import annotations

from dash import dcc, html

from ui.i18n import number, t

__all__ = ["MAX_LISTED", "build_counts", "build_done", "build_issues", "build_message", "build_preview"]

MAX_LISTED = 200  # rows per table of the preview (the counts cover every row)

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
    """What a confirmed import saved, with a link to the explorer."""
    return [html.P(t("dt_done", lang, file=result["file"], quads=number(result["quads"], lang)),
                   className="data-done"),
            dcc.Link(t("dt_to_explore", lang), href="/" if lang == "sv" else "/?lang=en", className="button")]


def build_message(text: str) -> html.P:
    """A one-line notice of the confirm button."""
    return html.P(text, className="data-edits-off")
