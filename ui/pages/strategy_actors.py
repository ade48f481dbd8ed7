"""Strategi → aktörer (``/strategi?strategy=CURIE``): who works on a strategy, directly or through projects."""

from __future__ import annotations

from dash import dcc, html

from graph.errors import FardplanError
from graph.service.planner import resolve_node
from ui import ids, urls
from ui.components.planner import actor_types, build_message, build_page, build_picker, choices
from ui.components.strategy import build_strategy_body, build_strategy_options
from ui.components.table import build_twin
from ui.i18n import t

__all__ = ["PATH", "TITLE", "layout"]

PATH = urls.STRATEGY
TITLE = {"sv": "Strategi → aktörer", "en": "Strategy → actors"}


def layout(ctx, lang: str = "sv", strategy: str | None = None, **_query) -> html.Div:
    """The page with ``strategy`` (notation, CURIE, IRI or label) chosen, if given."""
    chosen, notes = None, []
    if strategy:
        try:
            chosen = resolve_node(ctx.store, strategy, types=("strategy",))["iri"]
        except FardplanError as exc:
            notes.append(build_message(str(exc).splitlines()[0], "error"))
    picker = dcc.Dropdown(id=ids.SA_STRATEGY, options=build_strategy_options(choices(ctx.index, "strategy"), lang),
                          value=chosen, placeholder=t("pl_choose_strategy", lang), clearable=False,
                          className="pl-dropdown wide")
    types = actor_types(ctx.index, lang)
    meta = dcc.Store(id=ids.SA_META, data={"lang": lang, "types": types})
    body, shown = build_strategy_body(ctx, chosen, lang, types)
    page = build_page(TITLE[lang], t("pl_strategy_intro", lang),
                      [build_picker(t("pl_choose_strategy", lang), picker), *notes], ids.SA_BODY,
                      [meta, dcc.Store(id=ids.SA_SHOWN, data=shown)], body)
    page.children.append(build_twin(ids.SA_GRAPH, lang))  # the graph's table twin (filled by assets/a11y.js)
    return page

