"""What the explorer says after an action: honest, countable sentences (no Dash here; plain data in, text out).

The toolbar's buttons used to act silently: "Visa grannar" on a node whose neighbours were all drawn changed
nothing and said nothing. Each action now says what it did, with counts taken from the views before and after.
"""

from __future__ import annotations

from graph.index.nodes import ExploreIndex, label_of
from ui.i18n import number, t

__all__ = ["action_notice", "selection_notice"]


def _label(index: ExploreIndex, iri: str | None, lang: str) -> str:
    node = index.nodes.get(iri or "")
    return label_of(node, lang) if node else (iri or "")


def selection_notice(index: ExploreIndex, iri: str | None, lang: str, drawn: set[str] | None = None) -> str:
    """``Polisen vald: 5 relationer`` (and how many of them are drawn when ``drawn`` node ids are given), or that
    nothing is selected."""
    if not iri or iri not in index.nodes:
        return t("announce_cleared", lang)
    n = index.degree(iri)
    label = _label(index, iri, lang)
    if drawn is not None:
        shown = sum(1 for i in index.adjacency.get(iri, ()) if {index.edges[i].source, index.edges[i].target} <= drawn)
        if shown != n:
            return t("announce_selected_view", lang, label=label, n=number(n, lang), shown=number(shown, lang))
    return t("announce_selected", lang, label=label, n=number(n, lang))


def action_notice(index: ExploreIndex, event: str, iri: str | None, before: dict, after: dict, lang: str,
                  k: int = 1) -> str:
    """What ``event`` (focus, unfocus, expand, collapse) on ``iri`` did, from the
    :func:`graph.service.explore_view.view` results ``before`` and ``after`` it (``k``: the focus depth)."""
    old = {n["id"] for n in before["nodes"]}
    new = {n["id"] for n in after["nodes"]}
    label = _label(index, iri, lang)
    if event == "focus":
        return t("fb_focus", lang, label=label, n=number(after["shown"], lang), k=k)
    if event == "unfocus":
        return t("fb_unfocus", lang, n=number(after["shown"], lang))
    if event == "expand":
        added = len(new - old)
        if added:
            return t("fb_expand", lang, label=label, added=number(added, lang))
        return t("fb_expand_none", lang, label=label, n=number(len(index.neighbours(iri or "") & new), lang))
    if event == "collapse":
        removed = len(old - new)
        if removed:
            return t("fb_collapse", lang, label=label, removed=number(removed, lang))
        return t("fb_collapse_none", lang, label=label)
    return t("fb_view", lang, shown=number(after["shown"], lang))
