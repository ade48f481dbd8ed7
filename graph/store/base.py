"""The store interface every kind implements, and what its answers are.

Every kind answers queries with pyoxigraph terms (:class:`Solutions`, a boolean, or a list of triples), so the
code above it never sees which kind it has; :meth:`Store.bounded` is how the public queries' limits reach each
kind (:mod:`graph.store.limits` checks the policy and calls it). No class checks outside this package.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.rdf.terms import OxTerm

__all__ = ["Bounded", "QueryAnswer", "Solutions", "Store", "message_error", "query_error", "with_values"]


@dataclass
class Solutions:
    """A SELECT answer: variable names and rows of terms (None where unbound)."""

    variables: list[str]
    rows: list[tuple[OxTerm | None, ...]]


QueryAnswer = Solutions | bool | list[ox.Triple]


@dataclass
class Bounded:
    """A query answer within limits: ``truncated`` is True when rows (or triples) stopped at ``max_rows``.

    With ``render``, ``rendered`` holds ``render(answer)`` and ``answer`` is None.
    """

    answer: QueryAnswer | None
    truncated: bool = False
    rendered: Any = None


def message_error(text: str, line: int | None = None, column: int | None = None) -> QueryError:
    """A QueryError with the line and column a parser message names (``error at 3:2: …``)."""
    found = re.search(r"error at (\d+):(\d+): (.*)", text, re.S)
    if found:
        return QueryError(found.group(3).strip(), int(found.group(1)), int(found.group(2)))
    return QueryError(text, line, column)


def query_error(exc: SyntaxError) -> QueryError:
    """A QueryError from the engine's SyntaxError, with its line and column."""
    return message_error(str(exc), exc.lineno, exc.offset)


class Store:
    """The interface every store kind implements."""

    url: str

    def query(self, sparql: str, bindings: dict[str, OxTerm] | None = None) -> QueryAnswer:
        """Run a SPARQL query; ``bindings`` pre-bind variables safely (never by string formatting)."""
        raise NotImplementedError

    def insert(self, quads: list[ox.Quad]) -> None:
        """Add ``quads`` atomically: all of them or, on any error, none."""
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request atomically (the editor's writes; never the public endpoint)."""
        raise StoreError(f"{self.url}: this store takes no updates")

    def insert_store(self, staging: ox.Store) -> None:
        """Add every quad of the in-memory store ``staging`` atomically (the loader's staged data)."""
        self.insert(list(staging))

    def match(self, subjects: list[ox.NamedNode] | None = None, predicate: ox.NamedNode | None = None,
              objects: list[OxTerm] | None = None, chunk: int = 2000) -> Iterable[ox.Triple]:
        """The default graph's triples with a subject in ``subjects`` (or an object in ``objects``), and
        ``predicate`` if given: one pattern for many nodes, in chunks of ``chunk`` VALUES."""
        var, terms = ("s", subjects) if subjects is not None else ("o", objects or [])
        p = str(predicate) if predicate is not None else "?p"
        for i in range(0, len(terms), chunk):
            values = " ".join(str(t) for t in terms[i : i + chunk])
            yield from self.query(f"CONSTRUCT {{ ?s {p} ?o }} WHERE {{ VALUES ?{var} {{ {values} }} ?s {p} ?o }}")

    def quads(self) -> list[ox.Quad]:
        """Every quad of the store (for export)."""
        raise NotImplementedError

    def count(self) -> int:
        """Number of quads."""
        answer = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(answer.rows[0][0].value)

    def bounded(self, text: str, *, timeout_s: float, max_rows: int, bindings: dict[str, OxTerm] | None = None,
                default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
                render: Callable[[QueryAnswer], Any] | None = None) -> Bounded:
        """Run the policy-checked query ``text`` within a real time limit and a row cap (what
        :func:`graph.store.limits.run` calls; each kind knows how it enforces the limits)."""
        raise StoreError(f"{self.url}: bounded queries need an embedded or a remote SPARQL store")

    def close(self) -> None:
        """Release the store (a no-op for most kinds)."""


def with_values(sparql: str, bindings: dict[str, OxTerm]) -> str:
    """Bind variables with a ``VALUES`` row; terms are written in N-Triples syntax, so escaped.

    The row goes first inside the outermost ``WHERE {`` so engines join from the bound values (a trailing
    ``VALUES`` was joined after a full scan of a ``UNION``: 150 ms against 1 ms at 300k triples); a query
    without the ``WHERE`` keyword gets it at the end.
    """
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(str(v) for v in bindings.values())
    row = f"VALUES ({names}) {{ ({values}) }}"
    match = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if match:
        return f"{sparql[: match.end()]} {row}\n{sparql[match.end():]}"
    return f"{sparql}\n{row}"
