"""Every URL of the explorer: the pages' paths, and the query strings that carry a page's whole state.

A view is its URL (a copied link reopens it), so the codec of the explorer's state, the language toggle and the
planner pages' query strings live here, beside the paths, and nowhere in the core: :mod:`graph` knows states and
events (:mod:`graph.service.explore_state`), not query strings.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, parse_qsl, quote, urlencode

from graph.index.nodes import KINDS
from graph.service.details import MAX_PAGES
from graph.service.explore_state import LANGS, LAYOUTS, MAX_K, default_state
from graph.vocab.namespaces import curie, expand

__all__ = ["EXPLORE", "STRATEGY", "TWO_ACTORS", "NETWORK", "GAPS", "SPARQL", "COMPARE", "DATA", "decode_state",
           "encode_state", "search_update", "share_search", "toggle_lang_query", "url_query"]

EXPLORE = "/"
STRATEGY = "/strategi"
TWO_ACTORS = "/tva-aktorer"
NETWORK = "/natverk"
GAPS = "/luckor"
SPARQL = "/fraga"
COMPARE = "/jamfor"
DATA = "/data"
_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


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
    state["reply"] = _iri(raw.get("reply"))
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
    if state.get("reply"):
        params.append(("reply", curie(state["reply"])))
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


def url_query(lang: str, **params: str | None) -> str:
    """``?lang=en&strategy=fpid:strategy/DT.VI``: Swedish and empty values left out."""
    pairs = ([("lang", lang)] if lang == "en" else []) + [(k, v) for k, v in params.items() if v]
    return "?" + urlencode(pairs, safe=":/,") if pairs else ""


def share_search(text: str, lang: str) -> str:
    """The URL query string that reopens (and reruns) the SPARQL page's ``text``."""
    params = {"query": text, **({"lang": lang} if lang != "sv" else {})}
    return "?" + urlencode(params, quote_via=quote)


def search_update(page: str, search: str, pathname: str | None, current: str | None) -> str | None:
    """What a page at ``page`` should write as the URL's query ``search``, given where the browser was when the
    callback was asked (``pathname``, ``current``): None when the browser had left the page, or when the URL
    already says the same (the same parameters, in any order).

    A page's callback answers after a round trip; meanwhile a presenter may have stepped to the next saved view.
    Writing anyway would put the old page's query on the new page's path (the strategy page lost its strategy),
    and a write of what the URL already says adds a history entry that Back then has to step over.
    """
    if (pathname or "/") != page:
        return None
    return None if _pairs(search) == _pairs(current or "") else search


def _pairs(query: str) -> list[tuple[str, str]]:
    return sorted(parse_qsl(query.lstrip("?"), keep_blank_values=True))
