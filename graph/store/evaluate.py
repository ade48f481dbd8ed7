"""What a query worker runs (:mod:`graph.store.pool`): the query on its snapshot of the store, the answer cut at
the row cap and packed as plain strings for the way back; and the decoding of a remote store's answer within the
same cap. Module-level functions only: the pool sends them to its worker processes by reference.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from graph.errors import FardplanError, QueryError
from graph.rdf.terms import OxTerm
from graph.store.base import Bounded, QueryAnswer, Solutions, query_error, with_values

__all__ = ["decode", "evaluate", "materialise", "pack", "parse", "unpack"]


def _graph_iri(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"not an IRI: {iri!r}") from None


def _run(store: ox.Store, text: str, bindings: dict[str, OxTerm] | None, **options: Any) -> Any:
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
        raise query_error(exc) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(str(exc)) from None


def parse(store: ox.Store, text: str) -> None:
    """Parse ``text`` (runs in a worker over an empty store; nothing is read)."""
    _run(store, text, None)


def evaluate(
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
    (``graph.http.negotiation.Writer``: pyoxigraph's serializer); where that returns None (the answer may have more than
    ``max_rows`` rows) the query runs again and its rows are cut at ``max_rows`` and rendered as terms.
    """
    options: dict = {}
    if default_graphs:
        options["default_graph"] = [_graph_iri(g) for g in default_graphs]
    if named_graphs:
        options["named_graphs"] = [_graph_iri(g) for g in named_graphs]
    result = _run(store, text, bindings, **options)
    native = getattr(render, "solutions", None)
    if native is not None and isinstance(result, ox.QuerySolutions):
        try:
            rendered = native(result, max_rows)
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(str(exc)) from None
        if rendered is not None:
            return None, False, rendered
        result = _run(store, text, bindings, **options)
    answer, truncated = materialise(result, max_rows)
    if render is not None:
        return None, truncated, render(answer)
    return pack(answer), truncated, None


def materialise(answer: Any, max_rows: int) -> tuple[QueryAnswer, bool]:
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


def pack(answer: QueryAnswer) -> Any:
    if isinstance(answer, Solutions):
        return answer.variables, [tuple(map(_pack_term, row)) for row in answer.rows]
    if isinstance(answer, list):
        return [(_pack_term(t.subject), _pack_term(t.predicate), _pack_term(t.object)) for t in answer]
    return answer


def unpack(packed: Any) -> QueryAnswer:
    datatypes: dict[str, ox.NamedNode] = {}
    if isinstance(packed, tuple):
        names, rows = packed
        return Solutions(names, [tuple(_unpack_term(t, datatypes) for t in row) for row in rows])
    if isinstance(packed, list):
        return [ox.Triple(*(_unpack_term(t, datatypes) for t in triple)) for triple in packed]
    return packed


def decode(body: bytes, media_type: str, max_rows: int) -> Bounded:
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
