"""The table twin of a graph and the keyboard hooks of its canvas (filled and driven by ``assets/a11y.js``).

A canvas cannot be read by a screen reader or reached by Tab, so every graph gets a twin: a container that
``a11y.js`` fills with a sortable table of exactly the nodes the graph draws (read from the graph itself, so it is
complete by construction), kept in sync with the selection both ways. These builders only write the container
and the strings the script needs, in the page's language.
"""

from __future__ import annotations

import json

from dash import html

from ui.elements.explore import KIND_STYLE
from ui.i18n import TEXT, kind_name, lang_or_default, t

__all__ = ["TWIN_SUFFIX", "LIVE", "a11y_texts", "build_twin", "graph_attrs", "twin_id"]

TWIN_SUFFIX = "-twin"
LIVE = "a11y-live"  # the page-wide polite live region the script announces in


def twin_id(graph_id: str) -> str:
    """The id of ``graph_id``'s twin container."""
    return graph_id + TWIN_SUFFIX


def a11y_texts(lang: str) -> str:
    """The script's strings in ``lang`` as JSON (templates with ``{label}``, ``{n}``, ``{kind}``, ``{col}``)."""
    keys = ("twin_caption", "twin_name", "twin_type", "twin_relations", "twin_sort", "graph_cursor",
            "graph_selected_js", "announce_cleared")
    texts = {key: TEXT[key][lang_or_default(lang)] for key in keys}  # unformatted: the script fills them
    texts["kinds"] = {kind: kind_name(kind, lang) for kind in KIND_STYLE}
    return json.dumps(texts, ensure_ascii=False)


def build_twin(graph_id: str, lang: str, select: str = "select", clear_button: str | None = None) -> html.Div:
    """The twin container of ``graph_id``. ``select="tap"`` makes choosing a row tap the node (the explorer's
    callbacks then select it); ``"select"`` selects it in the graph only. ``clear_button`` is clicked on Escape."""
    attrs = {"data-twin-for": graph_id, "data-select": select, "data-texts": a11y_texts(lang)}
    if clear_button:
        attrs["data-clear"] = clear_button
    return html.Div([html.P(t("twin_help", lang), className="twin-help muted"),
                     html.Div(className="twin-table-slot")], id=twin_id(graph_id), className="twin", **attrs)


def graph_attrs(graph_id: str, lang: str, clear_button: str | None = None) -> dict:
    """Attributes of the element wrapping a graph: focusable, named, with its keys explained."""
    attrs = {"tabIndex": "0", "role": "application", "aria-label": t("graph_keys", lang),
             "data-graph-keys": graph_id, "data-texts": a11y_texts(lang)}
    if clear_button:
        attrs["data-clear"] = clear_button
    return attrs
