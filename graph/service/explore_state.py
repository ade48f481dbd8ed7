"""The explorer's view state as plain data, its URL query string, and the events that change it.

The state is a JSON-safe dict; the URL holds all of it (IRIs shortened to CURIEs), so a copied link reopens the
same view::

    {"focus": IRI|None, "k": 1..3, "goals": [notation]|None, "kinds": [kind]|None, "layout": str, "lang": "sv"|"en",
     "expanded": [IRI], "collapsed": [IRI], "groups": [group id], "selected": IRI|None,
     "more": {relation group key: pages}}

``goals``/``kinds`` of ``None`` mean "all"; an empty list means "none". ``more`` is how many pages of each relation
group of the selected node the details panel lists (:func:`graph.service.details.group_key`; 1 page when absent); in
the URL ``more=fp:participatesIn~3,^skos:broader~2`` (``^`` marks incoming relations). It belongs to the selection,
so selecting another node clears it, and it is not part of :func:`view_part`: showing more relations never redraws
the graph.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, parse_qsl, urlencode

from graph.index.nodes import KINDS
from graph.service.details import MAX_PAGES
from graph.vocab.namespaces import curie, expand

__all__ = ["LAYOUTS", "default_state", "encode_state", "decode_state", "apply_event", "toggle_lang_query",
           "view_part"]

LAYOUTS = ("force", "hierarchy", "concentric")
LANGS = ("sv", "en")
MAX_K = 3
_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_GROUP = re.compile(r"^group:[^|]*\|[a-z]+$")


def default_state() -> dict:
    """The view a bare URL opens: everything, force layout, Swedish."""
    return {"focus": None, "k": 1, "goals": None, "kinds": None, "layout": "force", "lang": "sv",
            "expanded": [], "collapsed": [], "groups": [], "selected": None, "more": {}}


def _iri(value: str | None) -> str | None:
    if not value:
        return None
    full = expand(value.strip())
    return full if _IRI.match(full) else None


def _list(value: str | None, allowed=None) -> list[str] | None:
    if value is None:
        return None
    if value in ("", "none"):
        return []
    items = [v for v in value.split(",") if v]
    return [v for v in items if allowed is None or v in allowed]


def decode_state(query: str | dict) -> dict:
    """Parse a URL query string (with or without ``?``) or a dict of query values; bad values fall back to
    defaults, unknown keys are ignored."""
    if isinstance(query, str):
        raw = {k: v[-1] for k, v in parse_qs(query.lstrip("?"), keep_blank_values=True).items()}
    else:
        raw = {k: (v[-1] if isinstance(v, list) else v) for k, v in query.items() if v is not None}
    state = default_state()
    state["focus"] = _iri(raw.get("focus"))
    state["selected"] = _iri(raw.get("sel"))
    k = str(raw.get("k", "1"))
    state["k"] = min(MAX_K, max(1, int(k))) if k.isdigit() else 1
    state["goals"] = _list(raw.get("goals"))
    state["kinds"] = _list(raw.get("types"), KINDS)
    if raw.get("layout") in LAYOUTS:
        state["layout"] = raw["layout"]
    if raw.get("lang") in LANGS:
        state["lang"] = raw["lang"]
    for key, name in (("expanded", "open"), ("collapsed", "closed")):
        state[key] = [i for i in (_iri(v) for v in _list(raw.get(name)) or []) if i]
    state["groups"] = [g for g in (_group_in(v) for v in _list(raw.get("groups")) or []) if g]
    state["more"] = dict(m for m in (_more_in(v) for v in _list(raw.get("more")) or []) if m)
    return state


def _more_in(value: str) -> tuple[str, int] | None:
    """``("^" + IRI, pages)`` from ``^curie~pages``; ``None`` when malformed."""
    name, _, pages = value.rpartition("~")
    inverse = name.startswith("^")
    iri = _iri(name[1:] if inverse else name)
    if not iri or not pages.isdigit() or int(pages) < 2:
        return None
    return ("^" if inverse else "") + iri, min(MAX_PAGES, int(pages))


def _group_in(value: str) -> str | None:
    anchor, _, kind = value.rpartition("|")
    if kind not in KINDS:
        return None
    full = _iri(anchor) if anchor else ""
    return f"group:{full}|{kind}" if full is not None else None


def encode_state(state: dict) -> str:
    """The URL query string (starting with ``?``) for ``state``; default values are left out."""
    d = default_state()
    params: list[tuple[str, str]] = []
    if state.get("lang", "sv") != d["lang"]:
        params.append(("lang", state["lang"]))
    if state.get("focus"):
        params.append(("focus", curie(state["focus"])))
        params.append(("k", str(state.get("k", 1))))
    if state.get("selected"):
        params.append(("sel", curie(state["selected"])))
    if state.get("goals") is not None:
        params.append(("goals", ",".join(state["goals"]) or "none"))
    if state.get("kinds") is not None:
        params.append(("types", ",".join(state["kinds"]) or "none"))
    if state.get("layout", "force") != d["layout"]:
        params.append(("layout", state["layout"]))
    for key, name in (("expanded", "open"), ("collapsed", "closed")):
        if state.get(key):
            params.append((name, ",".join(curie(i) for i in state[key])))
    if state.get("groups"):
        groups = []
        for g in state["groups"]:
            anchor, _, kind = g[len("group:"):].rpartition("|")
            groups.append(f"{curie(anchor) if anchor else ''}|{kind}")
        params.append(("groups", ",".join(groups)))
    more = [f"{'^' if key.startswith('^') else ''}{curie(key.lstrip('^'))}~{pages}"
            for key, pages in (state.get("more") or {}).items() if pages > 1]
    if more:
        params.append(("more", ",".join(more)))
    return "?" + urlencode(params, safe=":/,|^~") if params else ""


def toggle_lang_query(query: str) -> str:
    """The same query string (any page's keys kept) with the other language; Swedish is the default, so it is
    written as no ``lang`` at all."""
    pairs = parse_qsl(query.lstrip("?"), keep_blank_values=True)
    current = dict(pairs).get("lang")
    rest = [(k, v) for k, v in pairs if k != "lang"]
    if current != "en":
        rest.insert(0, ("lang", "en"))
    return "?" + urlencode(rest, safe=":/,|") if rest else ""


VIEW_KEYS = ("focus", "k", "goals", "kinds", "layout", "lang", "expanded", "collapsed", "groups")


def view_part(state: dict) -> dict:
    """The part of ``state`` that decides which elements are drawn (everything but the selection)."""
    full = {**default_state(), **state}
    return {k: full[k] for k in VIEW_KEYS}


def _without(items: list[str], item: str) -> list[str]:
    return [i for i in items if i != item]


def apply_event(state: dict, event: str, value=None) -> dict:
    """A new state after ``event``: ``select``/``focus``/``expand``/``collapse`` (an IRI), ``unfocus``,
    ``open_group`` (a group id), ``more`` (a relation group key: one more page of it in the details panel), or
    ``controls`` (a dict with any of goals, kinds, layout, k)."""
    new = {**default_state(), **state}
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
        for key in ("goals", "kinds", "layout", "k"):
            if key in value:
                new[key] = value[key]
    return new
