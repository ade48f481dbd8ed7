"""The explorer's edit controls (only with the ``allow_edits`` setting): the sidebar panel (who, why, undo, the
live region saying what happened) and the form under a node's details (names, a new relation with its source)."""

from __future__ import annotations

from dash import dcc, html

from ui import ids
from ui.i18n import t

__all__ = ["build_edit_form", "build_edit_panel", "build_edit_result", "build_who"]


def _field(label: str, control, control_id: str) -> html.Div:
    """A control with its visible label (``for`` its id)."""
    return html.Div([html.Label(label, htmlFor=control_id, className="edit-label"), control], className="edit-field")


def _radios(legend: str, control) -> html.Fieldset:
    return html.Fieldset([html.Legend(legend, className="edit-label"), control], className="edit-fieldset")


def build_who(lang: str) -> list:
    """The editor's name: its field and the store that keeps it in this browser (localStorage, the same on every
    page that edits: the explorer and /data)."""
    return [dcc.Store(id=ids.EDIT_WHO, storage_type="local"),
            _field(t("edit_who", lang), dcc.Input(id=ids.EDIT_WHO_INPUT, type="text", autoComplete="name",
                                                  maxLength=100, debounce=False, className="edit-input"),
                   ids.EDIT_WHO_INPUT)]


def build_edit_panel(lang: str) -> html.Section:
    """The sidebar section: the editor's name (kept in this browser), why, undo of the last change, the result."""
    return html.Section(id=ids.EDIT_PANEL, className="panel-section edit-panel", children=[
        html.H2(t("edit_panel", lang), className="panel-title"),
        html.P(t("edit_note", lang), className="muted"),
        *build_who(lang),
        _field(t("edit_why", lang), dcc.Input(id=ids.EDIT_WHY, type="text", maxLength=2000, className="edit-input"),
               ids.EDIT_WHY),
        html.Button(t("edit_undo", lang), id=ids.EDIT_UNDO, className="button", n_clicks=0),
        html.Div(id=ids.EDIT_RESULT, className="edit-result", role="status", **{"aria-live": "polite"}),
    ])


def build_edit_result(answer: dict, lang: str) -> html.P:
    """What an edit did, or why nothing was saved (``answer`` from :func:`graph.edit.run`)."""
    if answer.get("ok"):
        return html.P(t("edit_done", lang, what=answer["change"]["what"][lang]), className="edit-ok")
    # A headline in the page's language from the kind of failure; the core's own words (English) follow.
    status, kind = answer.get("status"), answer.get("kind")
    head = ("edit_off" if status == 403 else "edit_shape" if kind == "shape" else "edit_missing"
            if kind == "not_found" else "edit_conflict" if status == 409 else "edit_invalid")
    errors = answer.get("errors") or []
    detail = (html.Ul([html.Li(e, lang="en") for e in errors]) if kind == "shape" else
              html.Span(answer.get("message") or answer.get("error", ""), lang="en"))
    return html.P([t("edit_failed", lang, error=t(head, lang)), ": ", detail], className="edit-error")


def build_edit_form(page: dict, choices: dict, lang: str, aliases: list[dict] | None = None) -> html.Section:
    """The form under the details of the node ``page`` (:func:`graph.service.details.node_page`): its label and
    aliases (``aliases``: :func:`graph.edit.changes.aliases`), and a new relation from it with its source
    (``choices``: :func:`graph.edit.form.choices`)."""
    aliases = aliases or []
    other = "en" if lang == "sv" else "sv"
    relation_options = [{"label": r[lang], "value": r["iri"]} for r in choices["relations"]]
    document_options = [{"label": d[lang], "value": d["iri"]} for d in choices["documents"]]
    document_options.append({"label": t("edit_no_document", lang), "value": "none"})
    heading = f"{ids.EDIT_FORM}-title"
    return html.Section(id=ids.EDIT_FORM, className="edit-form", **{"aria-labelledby": heading}, children=[
        html.H3(t("edit_form", lang), id=heading),
        html.Fieldset(className="edit-group", children=[
            html.Legend(t("edit_labels", lang)),
            _radios(t("edit_lang", lang), dcc.RadioItems(
                id=ids.EDIT_LANG, value=lang, inline=True, className="radios",
                options=[{"label": t(f"edit_lang_{code}", lang), "value": code} for code in (lang, other)])),
            _field(t("edit_label", lang), dcc.Input(id=ids.EDIT_LABEL, type="text", value=page["labels"].get(lang, ""),
                                                    className="edit-input"), ids.EDIT_LABEL),
            html.Button(t("edit_label_save", lang), id=ids.EDIT_LABEL_SAVE, className="button small", n_clicks=0),
            _radios(t("edit_alias_which", lang), dcc.RadioItems(
                id=ids.EDIT_ALIAS_OLD, value="new", className="radios",
                options=[{"label": t("edit_alias_new", lang), "value": "new"}]
                + [{"label": f"{a['text']} ({a['lang']})", "value": f"{a['lang']}:{a['text']}"} for a in aliases])),
            _field(t("edit_alias", lang), dcc.Input(id=ids.EDIT_ALIAS, type="text", className="edit-input"),
                   ids.EDIT_ALIAS),
            html.P(t("edit_alias_help", lang), className="muted"),
            html.Button(t("edit_alias_add", lang), id=ids.EDIT_ALIAS_ADD, className="button small", n_clicks=0),
        ]),
        html.Fieldset(className="edit-group", children=[
            html.Legend(t("edit_relation", lang)),
            html.Label([html.Span(t("edit_predicate", lang), className="edit-label"),
                        dcc.Dropdown(id=ids.EDIT_PREDICATE, options=relation_options, clearable=False,
                                     searchable=True, placeholder=t("edit_predicate", lang))],
                       className="edit-field"),
            _field(t("edit_target", lang), dcc.Input(id=ids.EDIT_TARGET, type="text", className="edit-input"),
                   ids.EDIT_TARGET),
            _radios(t("edit_document", lang), dcc.RadioItems(
                id=ids.EDIT_DOCUMENT, options=document_options, value="none", className="radios")),
            html.Div([html.Label(t("edit_quote", lang), htmlFor=ids.EDIT_QUOTE, className="edit-label"),
                      dcc.Textarea(id=ids.EDIT_QUOTE, className="edit-input", rows=3,
                                   title=t("edit_quote_help", lang)),  # its description (no aria-describedby)
                      html.P(t("edit_quote_help", lang), id=f"{ids.EDIT_QUOTE}-help", className="muted")],
                     className="edit-field"),
            dcc.Store(id=ids.EDIT_START),
            _radios(t("edit_mode", lang), dcc.RadioItems(
                id=ids.EDIT_MODE, value="stated", className="radios",
                options=[{"label": t(mode, lang), "value": mode} for mode in ("stated", "interpreted")])),
            _field(t("edit_reason_sv", lang), dcc.Input(id=ids.EDIT_REASON_SV, type="text", className="edit-input"),
                   ids.EDIT_REASON_SV),
            _field(t("edit_reason_en", lang), dcc.Input(id=ids.EDIT_REASON_EN, type="text", className="edit-input"),
                   ids.EDIT_REASON_EN),
            html.Button(t("edit_relation_add", lang), id=ids.EDIT_RELATION_ADD, className="button small",
                        n_clicks=0),
        ]),
    ])
