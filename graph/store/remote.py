"""Any SPARQL 1.1 Protocol endpoint (Fuseki, GraphDB, Virtuoso, ``oxigraph serve``) as a store: all of its HTTP
in one client (:class:`RemoteStore`), the same errors for the same failures."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
import requests

from graph.errors import QueryError, QueryTimeout, StoreError
from graph.rdf.terms import OxTerm, from_plain
from graph.store.base import Bounded, QueryAnswer, Solutions, Store, message_error, with_values
from graph.store.embedded import EmbeddedStore
from graph.store.evaluate import decode, parse
from graph.store.pool import pool_for

__all__ = ["PARSE_TIMEOUT_S", "RemoteStore", "derive_update_url"]

PARSE_TIMEOUT_S = 5.0
_EMPTY: list[EmbeddedStore] = []
_EMPTY_LOCK = threading.Lock()


def _empty_store() -> EmbeddedStore:
    """One empty in-memory store per process, for parsing queries meant for a remote store."""
    with _EMPTY_LOCK:
        if not _EMPTY:
            _EMPTY.append(EmbeddedStore())
        return _EMPTY[0]


def _unreachable(url: str, exc: Exception) -> StoreError:
    return StoreError(f"{url}: the SPARQL endpoint does not answer: {exc.__class__.__name__}")


def _refusal(url: str, status: int, text: str, reason: str) -> QueryError | StoreError:
    """An HTTP error answer as our error: 400 is the query's fault (with the line and column the message names),
    anything else the store's."""
    message = text.strip()[:500] or reason
    if status == 400:
        return message_error(message)
    return StoreError(f"{url}: HTTP {status}: {message}")


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
            raise _unreachable(url, exc) from None
        if response.status_code >= 400:
            raise _refusal(url, response.status_code, response.text, response.reason)
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

    def bounded(self, text: str, *, timeout_s: float, max_rows: int, bindings: dict[str, OxTerm] | None = None,
                default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
                render: Callable[[QueryAnswer], Any] | None = None) -> Bounded:
        """Parsed first by a worker over an empty store (the same error messages as embedded; never by the web
        server's own process: pyoxigraph evaluates some queries inside ``query()``), then POSTed with an overall
        deadline and read up to ``max_rows``; a body cut short by the server counts as a timeout."""
        if bindings:
            text = with_values(text, bindings)
        pool_for(_empty_store()).call(min(timeout_s, PARSE_TIMEOUT_S), parse, text)
        result = self._deadline_post(text, timeout_s, max_rows, default_graphs, named_graphs)
        if render is not None:
            return Bounded(None, result.truncated, render(result.answer))
        return result

    def _deadline_post(self, text: str, timeout_s: float, max_rows: int, default_graphs: list[str] | None,
                       named_graphs: list[str] | None) -> Bounded:
        """POST the query with an overall deadline; read at most ``max_rows``."""
        deadline = time.monotonic() + timeout_s
        params = [("default-graph-uri", g) for g in default_graphs or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        headers = {
            "Content-Type": "application/sparql-query; charset=utf-8",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        }
        try:
            response = self.session.post(self.url, params=params, data=text.encode("utf-8"), headers=headers,
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
            raise _unreachable(self.url, exc) from None
        if response.status_code >= 400:
            raise _refusal(self.url, response.status_code, bytes(body).decode("utf-8", "replace"), response.reason)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        try:
            return decode(bytes(body), kind, max_rows)
        except (SyntaxError, ValueError, OSError) as exc:
            # oxigraph serve-read-only answers 200 with a cut body when its own time limit stops a query.
            raise QueryTimeout(f"the store sent an incomplete answer ({exc.__class__.__name__}); "
                               "it probably stopped the query at its own time limit") from None


def derive_update_url(query_url: str) -> str:
    """The usual update URL next to a query URL (oxigraph ``/query``→``/update``, Fuseki ``/sparql``→``/update``)."""
    for tail in ("/query", "/sparql"):
        if query_url.rstrip("/").endswith(tail):
            return query_url.rstrip("/")[: -len(tail)] + "/update"
    return query_url
