"""Jämför remissvar (``/jamfor?which=several``): per strategy, which replies mention it, what they say and which
actors they share (:func:`graph.service.compare.compare`)."""

from __future__ import annotations

from dash import dcc, html

from ui import ids, urls
from ui.components.planner import build_page, build_picker
from ui.i18n import t

__all__ = ["PATH", "TITLE", "WHICH", "layout"]

PATH = urls.COMPARE
TITLE = {"sv": "Jämför remissvar", "en": "Compare replies"}
WHICH = ("mentioned", "several", "all")


def layout(ctx, lang: str = "sv", which: str | None = None, **_query) -> html.Div:
    """The comparison, its rows chosen by ``which`` (strategies one reply mentions, several do, or all)."""
    radios = dcc.RadioItems(id=ids.CMP_WHICH, value=which if which in WHICH else WHICH[0],
                            options=[{"label": t(f"cmp_which_{w}", lang), "value": w} for w in WHICH],
                            className="radios pl-radios", inline=True)
    return build_page(TITLE[lang], t("cmp_intro", lang), [build_picker(t("cmp_which", lang), radios)],
                      ids.CMP_BODY, [dcc.Store(id=ids.CMP_META, data={"lang": lang})])
