"""Run a query with a real time limit and a row cap, after the policy check.

* Embedded stores: the query runs in a pre-forked worker process of :mod:`graph.store.pool` (a copy-on-write
  snapshot of the store, no network, killed at the deadline and replaced); the answer comes back pickled. A
  pyoxigraph query cannot be interrupted in a thread, so this is what really stops the work.
* Remote stores: the query is first parsed by such a worker over an empty store (the same error messages as
  embedded; never by the web server's own process: pyoxigraph evaluates some queries inside ``query()``), then
  the request is streamed with an overall deadline and the answer read lazily up to the row cap; a body cut
  short by the server counts as a timeout.

Both return a :class:`Bounded`: the answer, and whether it was cut at ``max_rows``. A ``render`` function
(picklable: module level) turns the answer into what the caller sends on (an HTTP body), in the worker.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
import requests

from graph.errors import FardplanError, QueryError, QueryTimeout, StoreError
from graph.rdf.terms import OxTerm
from graph.store import EmbeddedStore, QueryAnswer, RemoteStore, Solutions, Store, _query_error, with_values
from graph.store import policy as sparql_policy
from graph.store.pool import pool_for

__all__ = ["Bounded", "run"]

PARSE_TIMEOUT_S = 5.0
CACHED_CHECK_CHARS = 4096


@dataclass
class Bounded:
    """A query answer within limits: ``truncated`` is True when rows (or triples) stopped at ``max_rows``.

    With ``render``, ``rendered`` holds ``render(answer)`` and ``answer`` is None.
    """

    answer: QueryAnswer | None
    truncated: bool = False
    rendered: Any = None


def run(
    store: Store,
    sparql: str,
    *,
    timeout_s: float,
    max_rows: int,
    bindings: dict[str, OxTerm] | None = None,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    render: Callable[[QueryAnswer], Any] | None = None,
) -> Bounded:
    """Check ``sparql`` against :mod:`graph.store.policy`, then run it on ``store`` within the limits.

    ``default_graphs`` / ``named_graphs`` are the protocol's ``default-graph-uri`` / ``named-graph-uri``.
    Raises :class:`QueryRefused` before anything runs, :class:`QueryTimeout` at the deadline,
    :class:`QueryError` for syntax errors; ``render`` may raise any :class:`FardplanError`.
    """
    text = _checked(sparql)
    if isinstance(store, EmbeddedStore):
        packed, truncated, rendered = pool_for(store).call(
            timeout_s, _evaluate, text, bindings, max_rows, default_graphs, named_graphs, render)
        return Bounded(None if render is not None else _unpack(packed), truncated, rendered)
    if isinstance(store, RemoteStore):
        if bindings:
            text = with_values(text, bindings)
        pool_for(_empty_store()).call(min(timeout_s, PARSE_TIMEOUT_S), _parse, text)
        result = _remote(store, text, timeout_s, max_rows, default_graphs, named_graphs)
        if render is not None:
            return Bounded(None, result.truncated, render(result.answer))
        return result
    raise StoreError(f"{store.url}: bounded queries need an embedded or a remote SPARQL store")


@functools.lru_cache(maxsize=256)
def _checked_short(sparql: str) -> str:
    return sparql_policy.check(sparql)


def _checked(sparql: str) -> str:
    """:func:`sparql_policy.check`, remembered for short texts (canned queries repeat; refusals are not cached)."""
    return _checked_short(sparql) if len(sparql) <= CACHED_CHECK_CHARS else sparql_policy.check(sparql)


# ---------------------------------------------------------------------------------------------- embedded

_EMPTY: list[EmbeddedStore] = []
_EMPTY_LOCK = threading.Lock()


def _empty_store() -> EmbeddedStore:
    """One empty in-memory store per process, for parsing queries meant for a remote store."""
    with _EMPTY_LOCK:
        if not _EMPTY:
            _EMPTY.append(EmbeddedStore())
        return _EMPTY[0]


def _graph(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"not an IRI: {iri!r}") from None


def _query(store: ox.Store, text: str, bindings: dict[str, OxTerm] | None, **options: Any) -> Any:
    """``store.query`` with our error types; variables the engine cannot substitute are bound by VALUES."""
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        try:
            return store.query(text, substitutions=subs or None, **options)
        except RuntimeError as exc:
            if not subs or "projection" not in str(exc):
                raise QueryError(str(exc)) from None
            return store.query(with_values(text, bindings), **options)
    except SyntaxError as exc:
        raise _query_error(exc) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(str(exc)) from None


def _parse(store: ox.Store, text: str) -> None:
    """Parse ``text`` (runs in a worker over an empty store; nothing is read)."""
    _query(store, text, None)


def _evaluate(
    store: ox.Store,
    text: str,
    bindings: dict[str, OxTerm] | None,
    max_rows: int,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
    render: Callable[[QueryAnswer], Any] | None = None,
) -> tuple[Any, bool, Any]:
    """Run the query (in a worker); at most ``max_rows`` rows or triples: ``(packed answer, truncated, rendered)``.

    Without ``render`` the answer travels :func:`_pack`-ed (plain strings pickle about 3× faster than terms).
    A ``render`` with a ``solutions(solutions, max_rows)`` method writes a SELECT answer straight from the engine
    (``graph.http.endpoint._Writer``: pyoxigraph's serializer); where that returns None (the answer may have more than
    ``max_rows`` rows) the query runs again and its rows are cut at ``max_rows`` and rendered as terms.
    """
    options: dict = {}
    if default_graphs:
        options["default_graph"] = [_graph(g) for g in default_graphs]
    if named_graphs:
        options["named_graphs"] = [_graph(g) for g in named_graphs]
    result = _query(store, text, bindings, **options)
    native = getattr(render, "solutions", None)
    if native is not None and isinstance(result, ox.QuerySolutions):
        try:
            rendered = native(result, max_rows)
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(str(exc)) from None
        if rendered is not None:
            return None, False, rendered
        result = _query(store, text, bindings, **options)
    answer, truncated = _materialise(result, max_rows)
    if render is not None:
        return None, truncated, render(answer)
    return _pack(answer), truncated, None


def _materialise(answer: Any, max_rows: int) -> tuple[QueryAnswer, bool]:
    try:
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer), False
        items: list = []
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            for solution in answer:
                if len(items) == max_rows:
                    return Solutions(names, items), True
                items.append(tuple(solution))  # values in variable order, None where unbound
            return Solutions(names, items), False
        for triple in answer:
            if len(items) == max_rows:
                return items, True
            items.append(triple)
        return items, False
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(str(exc)) from None


# A term on the wire: an IRI is its str; a literal ``(value, language)`` or ``(value, datatype, None)``; a blank
# node ``(id,)``; anything else (a quoted triple, a literal with a base direction) the term itself.
def _pack_term(term: OxTerm | None) -> Any:
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.Literal and term.direction is None:
        return (term.value, term.language) if term.language else (term.value, term.datatype.value, None)
    if kind is ox.BlankNode:
        return (term.value,)
    return term


def _unpack_term(packed: Any, datatypes: dict[str, ox.NamedNode]) -> Any:
    kind = type(packed)
    if kind is str:
        return ox.NamedNode(packed)
    if kind is not tuple:
        return packed
    if len(packed) == 1:
        return ox.BlankNode(packed[0])
    if len(packed) == 2:
        return ox.Literal(packed[0], language=packed[1])
    datatype = datatypes.get(packed[1]) or datatypes.setdefault(packed[1], ox.NamedNode(packed[1]))
    return ox.Literal(packed[0], datatype=datatype)


def _pack(answer: QueryAnswer) -> Any:
    if isinstance(answer, Solutions):
        return answer.variables, [tuple(map(_pack_term, row)) for row in answer.rows]
    if isinstance(answer, list):
        return [(_pack_term(t.subject), _pack_term(t.predicate), _pack_term(t.object)) for t in answer]
    return answer


def _unpack(packed: Any) -> QueryAnswer:
    datatypes: dict[str, ox.NamedNode] = {}
    if isinstance(packed, tuple):
        names, rows = packed
        return Solutions(names, [tuple(_unpack_term(t, datatypes) for t in row) for row in rows])
    if isinstance(packed, list):
        return [ox.Triple(*(_unpack_term(t, datatypes) for t in triple)) for triple in packed]
    return packed


# ------------------------------------------------------------------------------------------------ remote


def _remote(
    store: RemoteStore,
    text: str,
    timeout_s: float,
    max_rows: int,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
) -> Bounded:
    """POST the query to the remote endpoint with an overall deadline; read at most ``max_rows``."""
    deadline = time.monotonic() + timeout_s
    params = [("default-graph-uri", g) for g in default_graphs or []]
    params += [("named-graph-uri", g) for g in named_graphs or []]
    headers = {
        "Content-Type": "application/sparql-query; charset=utf-8",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
    }
    try:
        response = store.session.post(store.url, params=params, data=text.encode("utf-8"), headers=headers,
                                      timeout=(min(timeout_s, 10.0), timeout_s), stream=True)
        with response:
            body = bytearray()
            for chunk in response.iter_content(1 << 16):
                body += chunk
                if time.monotonic() > deadline:
                    raise QueryTimeout(f"the query was stopped at the time limit of {timeout_s:g} s")
    except requests.Timeout:
        raise QueryTimeout(f"the query was stopped at the time limit of {timeout_s:g} s") from None
    except requests.RequestException as exc:
        raise StoreError(f"{store.url}: the SPARQL endpoint does not answer: {exc.__class__.__name__}") from None
    if response.status_code >= 400:
        message = bytes(body).decode("utf-8", "replace").strip()[:500] or response.reason
        if response.status_code == 400:
            raise QueryError(message)
        raise StoreError(f"{store.url}: HTTP {response.status_code}: {message}")
    kind = response.headers.get("Content-Type", "").split(";")[0].strip()
    try:
        return _decode(bytes(body), kind, max_rows)
    except (SyntaxError, ValueError, OSError) as exc:
        # oxigraph serve-read-only answers 200 with a cut body when its own time limit stops a query.
        raise QueryTimeout(f"the store sent an incomplete answer ({exc.__class__.__name__}); "
                           "it probably stopped the query at its own time limit") from None


def _decode(body: bytes, media_type: str, max_rows: int) -> Bounded:
    if media_type in ("application/sparql-results+json", "application/json"):
        answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if isinstance(answer, ox.QueryBoolean):
            return Bounded(bool(answer))
        names = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            if len(rows) == max_rows:
                return Bounded(Solutions(names, rows), True)
            rows.append(tuple(solution[n] for n in names))
        return Bounded(Solutions(names, rows))
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise FardplanError(f"the store answered with an unexpected media type {media_type!r}")
    triples = []
    for quad in ox.parse(body, format=fmt):
        if len(triples) == max_rows:
            return Bounded(triples, True)
        triples.append(quad.triple)
    return Bounded(triples)
