"""pyoxigraph embedded, on disk or in memory: the default store. Public queries run in the worker processes of
:mod:`graph.store.pool` over copy-on-write snapshots of it (:meth:`EmbeddedStore.bounded`)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.rdf.terms import OxTerm
from graph.store.base import Bounded, QueryAnswer, Solutions, Store, query_error, with_values
from graph.store.evaluate import evaluate, unpack
from graph.store.pool import pool_for

__all__ = ["EmbeddedStore"]


class EmbeddedStore(Store):
    """pyoxigraph, on disk (``path``) or in memory (``path=None``).

    ``generation`` changes after every write (insert, update): a query process forked from this one answers from
    the snapshot of its fork, so :mod:`graph.store.pool` uses only processes forked at the current generation.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.url = f"oxigraph:{path}" if path else "memory"
        self.path = Path(path) if path else None
        self.generation = 0
        self._writes = itertools.count(1)
        self._close_hooks: list[Callable[[], None]] = []
        try:
            if self.path:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
            else:
                self._store = ox.Store()
        except OSError as exc:
            hint = " (is another fardplan process using it? stop it or use --store http://…)" if "lock" in str(
                exc).lower() else ""
            raise StoreError(f"{self.url}: cannot open the store: {exc}{hint}") from None

    def query(self, sparql: str, bindings: dict[str, OxTerm] | None = None) -> QueryAnswer:
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            try:
                answer = self._store.query(sparql, substitutions=subs or None)
            except RuntimeError as exc:
                if "projection" not in str(exc):
                    raise QueryError(str(exc)) from None
                # pyoxigraph substitutes only projected variables; bind the others with a trailing VALUES.
                answer = self._store.query(with_values(sparql, bindings))
        except SyntaxError as exc:
            raise query_error(exc) from None
        except OSError as exc:
            raise QueryError(str(exc)) from None
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer)
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            return Solutions(names, [tuple(sol) for sol in answer])  # values in variable order, None if unbound
        return list(answer)

    def insert(self, quads: list[ox.Quad]) -> None:
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"{self.url}: insert failed, nothing was written: {exc}") from None
        finally:
            self._wrote()

    def match(self, subjects: list[ox.NamedNode] | None = None, predicate: ox.NamedNode | None = None,
              objects: list[OxTerm] | None = None, chunk: int = 2000) -> Iterable[ox.Triple]:
        default = ox.DefaultGraph()
        if subjects is not None:
            for s in subjects:
                yield from (q.triple for q in self._store.quads_for_pattern(s, predicate, None, default))
        else:
            for o in objects or []:
                yield from (q.triple for q in self._store.quads_for_pattern(None, predicate, o, default))

    def insert_store(self, staging: ox.Store) -> None:
        """One transaction streamed from ``staging``: no Python list of the quads, and all or nothing on disk."""
        self.insert(staging)  # type: ignore[arg-type]  # extend takes any iterable of quads

    def quads(self) -> list[ox.Quad]:
        return list(self._store)

    def count(self) -> int:
        return len(self._store)

    def update(self, sparql: str) -> None:
        """Run SPARQL Update (only the CLI and tests use this; the public endpoint never does)."""
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise query_error(exc) from None
        finally:
            self._wrote()

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store itself (what the query pool forks its workers over)."""
        return self._store

    def bounded(self, text: str, *, timeout_s: float, max_rows: int, bindings: dict[str, OxTerm] | None = None,
                default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
                render: Callable[[QueryAnswer], Any] | None = None) -> Bounded:
        """In a worker of this store's pool, killed at the deadline (a pyoxigraph query cannot be interrupted)."""
        packed, truncated, rendered = pool_for(self).call(
            timeout_s, evaluate, text, bindings, max_rows, default_graphs, named_graphs, render)
        return Bounded(None if render is not None else unpack(packed), truncated, rendered)

    def on_close(self, hook: Callable[[], None]) -> None:
        """Call ``hook()`` when the store closes, before it is released (query pools stop their processes)."""
        self._close_hooks.append(hook)

    def _wrote(self) -> None:
        self.generation = next(self._writes)  # atomic under the GIL, unlike += 1

    def close(self) -> None:
        hooks, self._close_hooks = self._close_hooks, []
        for hook in hooks:
            hook()
        self._wrote()
        if self.path:
            self._store.flush()
        del self._store
