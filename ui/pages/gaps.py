"""Luckor (``/luckor``): coverage of strategies per goal area, and the strategies and actors left alone."""

from __future__ import annotations

from dash import dcc, html

from ui import ids, urls
from ui.components.planner import build_page
from ui.i18n import t

__all__ = ["PATH", "TITLE", "layout"]

PATH = urls.GAPS
TITLE = {"sv": "Luckor", "en": "Gaps"}


def layout(ctx, lang: str = "sv", **_query) -> html.Div:
    """The gaps page; its body is filled by one callback on load."""
    return build_page(TITLE[lang], t("pl_gaps_intro", lang), [], ids.GAPS_BODY,
                      [dcc.Store(id=ids.GAPS_META, data={"lang": lang})])
