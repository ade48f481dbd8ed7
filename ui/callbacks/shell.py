"""The shell's callbacks: route on path and language, keep the language toggle's link current."""

from __future__ import annotations

from urllib.parse import parse_qs

from dash import Input, Output, State, html, no_update, set_props

from ui import ids
from ui.components.common import build_nav
from ui.components.presentation import overlay_for, register_save
from ui.components.table import LIVE
from ui.i18n import lang_or_default
from ui.urls import toggle_lang_query

__all__ = ["register"]


def _query(search: str | None) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs((search or "").lstrip("?"), keep_blank_values=True).items()}


def register(app, ctx, pages: list) -> None:
    """Register the router and the language-toggle link."""
    register_save(app, ctx)  # saving a view from the UI, only when views_editable (issue 13)
    by_path = {p.PATH: p for p in pages}
    nav_pages = [{"path": p.PATH, "title": p.TITLE} for p in pages]

    @app.callback(Output(ids.SHELL, "children"), Output(ids.PAGE_META, "data"),
                  Input(ids.URL, "pathname"), Input(ids.URL, "search"), State(ids.PAGE_META, "data"))
    def route(pathname, search, meta):
        query = _query(search)
        lang = lang_or_default(query.pop("lang", None))
        path = pathname if pathname in by_path else pages[0].PATH
        if meta == {"path": path, "lang": lang}:
            return no_update, no_update
        set_props(ids.ERROR_BANNER, {"hidden": True, "children": None})  # a new page starts without an error
        nav = build_nav(nav_pages, path, lang, (pathname or "/") + toggle_lang_query(search or ""))
        page = by_path[path].layout(ctx, lang=lang, **query)
        live = html.Div(id=LIVE, className="sr-only", role="status", **{"aria-live": "polite"})  # for a11y.js
        return ([nav, html.Main(page, className="page", lang=lang), live, overlay_for(ctx, lang)],
                {"path": path, "lang": lang})

    @app.callback(Output(ids.LANG_TOGGLE, "href"), Input(ids.URL, "search"), State(ids.URL, "pathname"))
    def toggle_href(search, pathname):
        return (pathname or "/") + toggle_lang_query(search or "")
