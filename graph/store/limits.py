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
from collections.abc import Callable
from typing import Any

from graph.rdf.terms import OxTerm
from graph.store import policy as sparql_policy
from graph.store.base import Bounded, QueryAnswer, Store

__all__ = ["Bounded", "run"]

CACHED_CHECK_CHARS = 4096


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
    return store.bounded(_checked(sparql), timeout_s=timeout_s, max_rows=max_rows, bindings=bindings,
                         default_graphs=default_graphs, named_graphs=named_graphs, render=render)


@functools.lru_cache(maxsize=256)
def _checked_short(sparql: str) -> str:
    return sparql_policy.check(sparql)


def _checked(sparql: str) -> str:
    """:func:`sparql_policy.check`, remembered for short texts (canned queries repeat; refusals are not cached)."""
    return _checked_short(sparql) if len(sparql) <= CACHED_CHECK_CHARS else sparql_policy.check(sparql)
