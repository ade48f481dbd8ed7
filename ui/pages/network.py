"""Samverkansnätverk (``/natverk?measure=betweenness``): actors linked by shared projects and strategies."""

from __future__ import annotations

from dash import dcc, html

from graph.service.compare import replies
from graph.vocab.namespaces import expand
from ui import ids, urls
from ui.components.compare import build_source_choice
from ui.components.planner import build_page, build_picker
from ui.i18n import t

__all__ = ["MEASURES", "PATH", "TITLE", "layout"]

PATH = urls.NETWORK
TITLE = {"sv": "Samverkansnätverk", "en": "Collaboration network"}
MEASURES = ("weighted_degree", "betweenness")


def layout(ctx, lang: str = "sv", measure: str | None = None, reply: str | None = None, **_query) -> html.Div:
    """The network with nodes sized by ``measure`` (weighted degree unless ``betweenness``), of every source or of
    what one ``reply`` says."""
    loaded = replies(ctx.store)
    known = {r["iri"] for r in loaded}
    sources = build_source_choice(ids.NET_REPLY, expand(reply) if reply and expand(reply) in known else "", loaded,
                                  lang, "")
    radios = dcc.RadioItems(id=ids.NET_MEASURE, value=measure if measure in MEASURES else MEASURES[0],
                            options=[{"label": t(f"pl_{m}", lang), "value": m} for m in MEASURES],
                            className="radios pl-radios", inline=True)
    return build_page(TITLE[lang], t("pl_network_intro", lang), [build_picker(t("pl_measure", lang), radios),
                                                                   build_picker(t("net_reply", lang), sources)],
                      ids.NET_BODY, [dcc.Store(id=ids.NET_META, data={"lang": lang})])
