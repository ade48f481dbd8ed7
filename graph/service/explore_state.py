"""The explorer's view state as plain data and the events that change it (its URL form: :mod:`ui.urls`).

The state is a JSON-safe dict (:class:`graph.service.model.ViewState`); the URL holds all of it (IRIs shortened
to CURIEs), so a copied link reopens the same view::

    {"focus": IRI|None, "k": 1..3, "goals": [notation]|None, "kinds": [kind]|None, "reply": IRI|None,
     "layout": str, "lang": "sv"|"en", "expanded": [IRI], "collapsed": [IRI], "groups": [group id],
     "selected": IRI|None, "more": {relation group key: pages}}

``goals``/``kinds`` of ``None`` mean "all"; an empty list means "none". ``reply`` (a document IRI) shows only what
that reply says (the nodes and relations its passages are about); ``None`` every source. ``more`` is how many pages
of each relation group of the selected node the details panel lists (:func:`graph.service.details.group_key`; 1 page
when absent); in the URL ``more=fp:participatesIn~3,^skos:broader~2`` (``^`` marks incoming relations). It belongs to
the selection, so selecting another node clears it, and it is not part of :func:`view_part`: showing more relations
never redraws the graph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from graph.service.details import MAX_PAGES
from graph.service.model import ViewPart, ViewState

__all__ = ["LAYOUTS", "LANGS", "MAX_K", "default_state", "apply_event", "view_part"]

LAYOUTS = ("force", "hierarchy", "concentric")
LANGS = ("sv", "en")
MAX_K = 3
_GROUP = re.compile(r"^group:[^|]*\|[a-z]+$")


def default_state() -> ViewState:
    """The view a bare URL opens: everything, force layout, Swedish."""
    return {"focus": None, "k": 1, "goals": None, "kinds": None, "reply": None, "layout": "force", "lang": "sv",
            "expanded": [], "collapsed": [], "groups": [], "selected": None, "more": {}}


VIEW_KEYS = ("focus", "k", "goals", "kinds", "reply", "layout", "lang", "expanded", "collapsed", "groups")


def view_part(state: Mapping[str, Any]) -> ViewPart:
    """The part of ``state`` that decides which elements are drawn (everything but the selection)."""
    full = {**default_state(), **state}
    return ViewPart(**{k: full[k] for k in VIEW_KEYS})


def _without(items: list[str], item: str) -> list[str]:
    return [i for i in items if i != item]


def apply_event(state: Mapping[str, Any], event: str, value: Any = None) -> ViewState:
    """A new state after ``event``: ``select``/``focus``/``expand``/``collapse`` (an IRI), ``unfocus``,
    ``open_group`` (a group id), ``more`` (a relation group key: one more page of it in the details panel), or
    ``controls`` (a dict with any of goals, kinds, reply, layout, k)."""
    new: ViewState = {**default_state(), **state}
    if event in ("select", "focus") and value != new["selected"]:
        new["more"] = {}
    if event == "select":
        new["selected"] = value
    elif event == "more" and isinstance(value, str) and value:
        new["more"] = {**new["more"], value: min(MAX_PAGES, int(new["more"].get(value, 1)) + 1)}
    elif event == "focus":
        new["focus"] = new["selected"] = value
        new["expanded"], new["collapsed"], new["groups"] = [], [], []
    elif event == "unfocus":
        new["focus"] = None
        new["groups"] = []
    elif event == "expand":
        new["collapsed"] = _without(new["collapsed"], value)
        new["expanded"] = _without(new["expanded"], value) + [value]
    elif event == "collapse":
        new["expanded"] = _without(new["expanded"], value)
        new["collapsed"] = _without(new["collapsed"], value) + [value]
        new["groups"] = [g for g in new["groups"] if not g.startswith(f"group:{value}|")]
    elif event == "open_group" and isinstance(value, str) and _GROUP.match(value):
        anchor = value[len("group:"):].rpartition("|")[0]
        new["collapsed"] = _without(new["collapsed"], anchor)
        new["groups"] = _without(new["groups"], value) + [value]
    elif event == "controls":
        for key in ("goals", "kinds", "reply", "layout", "k"):
            if key in value:
                new[key] = value[key] or None if key == "reply" else value[key]
    return new
