"""The store: the only module that talks to a triplestore.

One interface, three kinds, chosen by a store URL:

* ``oxigraph:PATH`` — embedded pyoxigraph on disk (the default);
* ``memory`` — embedded pyoxigraph in memory;
* ``http(s)://…`` — any SPARQL 1.1 endpoint (query URL; the update URL is derived or given).

Every kind answers queries with pyoxigraph terms, so the code above it never sees which kind it has.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests

from graph.errors import QueryError, StoreError
from graph.rdf.terms import OxTerm, from_plain


@dataclass
class Solutions:
    """A SELECT answer: variable names and rows of terms (None where unbound)."""

    variables: list[str]
    rows: list[tuple[OxTerm | None, ...]]


QueryAnswer = Solutions | bool | list[ox.Triple]


def _message_error(text: str, line: int | None = None, column: int | None = None) -> QueryError:
    """A QueryError with the line and column a parser message names (``error at 3:2: …``)."""
    found = re.search(r"error at (\d+):(\d+): (.*)", text, re.S)
    if found:
        return QueryError(found.group(3).strip(), int(found.group(1)), int(found.group(2)))
    return QueryError(text, line, column)


def _query_error(exc: SyntaxError) -> QueryError:
    return _message_error(str(exc), exc.lineno, exc.offset)


class Store:
    """The interface every store kind implements."""

    url: str

    def query(self, sparql: str, bindings: dict[str, OxTerm] | None = None) -> QueryAnswer:
        """Run a SPARQL query; ``bindings`` pre-bind variables safely (never by string formatting)."""
        raise NotImplementedError

    def insert(self, quads: list[ox.Quad]) -> None:
        """Add ``quads`` atomically: all of them or, on any error, none."""
        raise NotImplementedError

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

    def close(self) -> None:
        """Release the store (a no-op for most kinds)."""


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
            raise _query_error(exc) from None
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
            raise _query_error(exc) from None
        finally:
            self._wrote()

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


class RemoteStore(Store):
    """A SPARQL 1.1 Protocol endpoint: queries to ``url``, updates to ``update_url``."""

    def __init__(self, url: str, update_url: str | None = None, timeout_s: float = 30.0) -> None:
        self.url = url
        self.update_url = update_url or derive_update_url(url)
        self.timeout_s = timeout_s
        self.session = requests.Session()

    def _post(self, url: str, body: str, content_type: str, accept: str) -> requests.Response:
        try:
            response = self.session.post(
                url, data=body.encode("utf-8"),
                headers={"Content-Type": f"{content_type}; charset=utf-8", "Accept": accept},
                timeout=self.timeout_s,
            )
        except requests.RequestException as exc:
            raise StoreError(f"{url}: the SPARQL endpoint does not answer: {exc.__class__.__name__}") from None
        if response.status_code >= 400:
            message = response.text.strip()[:500] or response.reason
            if response.status_code == 400:
                raise _message_error(message)
            raise StoreError(f"{url}: HTTP {response.status_code}: {message}")
        return response

    def query(self, sparql: str, bindings: dict[str, OxTerm] | None = None) -> QueryAnswer:
        if bindings:
            sparql = with_values(sparql, bindings)
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        response = self._post(self.url, sparql, "application/sparql-query", accept)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        if kind in ("application/sparql-results+json", "application/json"):
            data = json.loads(response.content)
            if "boolean" in data:
                return bool(data["boolean"])
            names = data["head"].get("vars", [])
            rows = [tuple(from_plain(b[n]) if n in b else None for n in names) for b in data["results"]["bindings"]]
            return Solutions(names, rows)
        fmt = ox.RdfFormat.from_media_type(kind) or ox.RdfFormat.N_TRIPLES
        return [q.triple for q in ox.parse(input=response.content, format=fmt)]

    def insert(self, quads: list[ox.Quad]) -> None:
        default = " .\n".join(str(q.triple) for q in quads if isinstance(q.graph_name, ox.DefaultGraph))
        named: dict[str, list[str]] = {}
        for q in quads:
            if not isinstance(q.graph_name, ox.DefaultGraph):
                named.setdefault(str(q.graph_name), []).append(str(q.triple))
        parts = [default + " ." if default else ""]
        parts += [f"GRAPH {g} {{\n" + " .\n".join(ts) + " .\n}" for g, ts in named.items()]
        self._post(self.update_url, "INSERT DATA {\n" + "\n".join(parts) + "\n}", "application/sparql-update", "*/*")

    def quads(self) -> list[ox.Quad]:
        answer = self.query("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return [ox.Quad(s, p, o, g if g is not None else ox.DefaultGraph()) for s, p, o, g in answer.rows]

    def update(self, sparql: str) -> None:
        """Run SPARQL Update on the remote store."""
        self._post(self.update_url, sparql, "application/sparql-update", "*/*")


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


def derive_update_url(query_url: str) -> str:
    """The usual update URL next to a query URL (oxigraph ``/query``→``/update``, Fuseki ``/sparql``→``/update``)."""
    for tail in ("/query", "/sparql"):
        if query_url.rstrip("/").endswith(tail):
            return query_url.rstrip("/")[: -len(tail)] + "/update"
    return query_url


def open_store(url: str, update_url: str | None = None, base_dir: str | Path | None = None) -> Store:
    """Open the store a URL names; a relative ``oxigraph:`` path is taken under ``base_dir`` (or the cwd)."""
    if url == "memory":
        return EmbeddedStore()
    if url.startswith("oxigraph:"):
        path = Path(url[len("oxigraph:"):])
        if not str(path):
            raise StoreError("oxigraph: needs a path, e.g. oxigraph:.fardplan/store")
        if not path.is_absolute():
            path = Path(base_dir or Path.cwd()) / path
        return EmbeddedStore(path)
    if url.startswith(("http://", "https://")):
        return RemoteStore(url, update_url)
    raise StoreError(f"unknown store URL {url!r}: use oxigraph:PATH, memory, or http(s)://host/query")
