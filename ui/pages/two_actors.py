"""Två aktörer (``/tva-aktorer?actors=CURIE,CURIE``): what two actors share and how they are connected."""

from __future__ import annotations

from dash import dcc, html

from graph.errors import FardplanError
from graph.service.planner import resolve_node
from graph.vocab.kinds import kind_named
from ui import ids, urls
from ui.components.pairs import actor_matches, build_actor_options, build_paths_body, build_shared_body
from ui.components.planner import build_message, build_page, build_picker, choices
from ui.i18n import t

__all__ = ["PATH", "TITLE", "layout"]

PATH = urls.TWO_ACTORS
ACTOR = kind_named("organisation")  # listed from the explorer index by its kind, resolved by its analysis type
TITLE = {"sv": "Två aktörer", "en": "Two actors"}


def layout(ctx, lang: str = "sv", actors: str | None = None, **_query) -> html.Div:
    """The page with the two ``actors`` (comma-separated names, CURIEs or IRIs) chosen, if given."""
    chosen: list[str | None] = [None, None]
    notes = []
    for i, name in enumerate([n.strip() for n in (actors or "").split(",") if n.strip()][:2]):
        try:
            chosen[i] = resolve_node(ctx.store, name, types=(ACTOR.type,))["iri"]
        except FardplanError as exc:
            notes.append(build_message(str(exc).splitlines()[0], "error"))
    actors = choices(ctx.index, ACTOR.name)
    options = build_actor_options(actor_matches(actors, "", lang, tuple(chosen)), lang)  # more as the user types
    pickers = [build_picker(t(key, lang), dcc.Dropdown(id=pid, options=options, value=value, clearable=False,
                                                       placeholder=t("pl_choose_actors", lang),
                                                       className="pl-dropdown"))
               for key, pid, value in (("pl_actor_a", ids.TA_A, chosen[0]), ("pl_actor_b", ids.TA_B, chosen[1]))]
    shared, shared_of = build_shared_body(ctx, *chosen, lang)  # drawn with the page: a link's answer at once
    paths, paths_of = build_paths_body(ctx, *chosen, lang)
    stores = [dcc.Store(id=ids.TA_META, data={"lang": lang}), dcc.Store(id=ids.TA_SHARED_SHOWN, data=shared_of),
              dcc.Store(id=ids.TA_PATHS_SHOWN, data=paths_of)]
    page = build_page(TITLE[lang], t("pl_two_intro", lang), [*pickers, *notes], ids.TA_SHARED, stores, shared)
    page.children.append(dcc.Loading(html.Div(paths, id=ids.TA_PATHS, className="pl-body"), type="dot",
                                     delay_show=300))
    return page
