"""HTTP face of the store for machines: ``/sparql`` (SPARQL 1.1 Protocol, read-only), ``/queries`` (canned
queries) and ``/id/…`` (dereferenceable resource IRIs). No Dash.

``/sparql`` is :class:`SparqlApp`, a plain WSGI app mounted in front of the Flask app (no routing, request or
response objects on its hot path); ``/queries`` and ``/id`` are a Flask blueprint. Mount both on the UI's Flask
server with :func:`register_routes` (``register_routes(app.server, store, settings)``). Every query goes through
:func:`graph.store.limits.run`: the policy check, the time limit, the row cap. Which media type answers and how the
answer is written is :mod:`graph.http.negotiation`.

Security headers (:mod:`graph.http.security`, installed by :func:`register_routes`): every response of the server
gets ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` and a Content-Security-Policy.
``Access-Control-Allow-Origin`` is sent on ``/sparql`` only (setting ``cors_origins``), never on ``/queries`` or
``/id``.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, quote

import pyoxigraph as ox
from flask import Blueprint, Flask, Response, request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.http import parse_options_header
from werkzeug.utils import get_content_type
from werkzeug.wsgi import get_current_url, get_input_stream

from graph import queries
from graph.errors import FardplanError, HttpError, NodeNotFound
from graph.http.negotiation import GRAPH_TYPES, Writer, graph_body, negotiate, writer_for
from graph.http.security import API_CSP, SECURITY_HEADERS, install_security_headers
from graph.settings import Settings
from graph.store import EmbeddedStore, Store
from graph.store import limits as bounded
from graph.store.pool import Limits, pool_for
from graph.vocab.namespaces import ID_IRI, PREFIXES, sparql_prologue

__all__ = ["TRUNCATED_HEADER", "SparqlApp", "register_routes", "sparql_blueprint"]

log = logging.getLogger(__name__)
WsgiApp = Callable[..., Iterable[bytes]]

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
TRUNCATED_HEADER = "X-Fardplan-Truncated"
CACHED_QUERY_STRING = 8192  # longest query string whose parameters are remembered

RESULT_FORMAT_IRIS = {
    "SPARQL_Results_JSON": "json", "SPARQL_Results_XML": "xml", "SPARQL_Results_CSV": "csv",
    "SPARQL_Results_TSV": "tsv", "Turtle": "ttl", "N-Triples": "nt", "JSON-LD": "jsonld", "RDF_XML": "xml",
}
# The description of one resource: its own triples, labels of the nodes it links to (both ways), the
# fp:Assertion nodes about it and their passages. A SELECT so that ?r is substituted (bound), not filtered.
DESCRIBE_QUERY = sparql_prologue() + """
SELECT DISTINCT ?r ?s ?p ?o WHERE {
  { ?r ?p ?o . BIND (?r AS ?s) }
  UNION { ?r ?x ?s . ?s ?p ?o . VALUES ?p { skos:prefLabel rdfs:label } }
  UNION { ?s ?x ?r . ?s ?p ?o . VALUES ?p { skos:prefLabel rdfs:label } }
  UNION { ?s rdf:subject ?r ; a fp:Assertion ; ?p ?o }
  UNION { ?s rdf:object ?r ; a fp:Assertion ; ?p ?o }
  UNION { ?a rdf:subject ?r ; a fp:Assertion ; prov:wasDerivedFrom ?s . ?s ?p ?o }
  UNION { ?a rdf:object ?r ; a fp:Assertion ; prov:wasDerivedFrom ?s . ?s ?p ?o }
  UNION { ?r prov:wasDerivedFrom ?s . ?s a fp:Passage ; ?p ?o }
}
"""


def _error(exc: FardplanError) -> Response:
    return Response(json.dumps(exc.to_dict(), ensure_ascii=False), status=exc.status, mimetype="application/json")


def _graph_response(triples: list[ox.Triple], media_type: str, status: int = 200) -> Response:
    return Response(graph_body(triples, media_type), status=status, mimetype=media_type)


def _answer_response(result: bounded.Bounded) -> Response:
    body, media_type = result.rendered
    response = Response(body, mimetype=media_type)
    if result.truncated:
        response.headers[TRUNCATED_HEADER] = "true"
    return response


def _query_args(query_string: str) -> dict[str, tuple[str, ...]]:
    """The parameters of a WSGI ``QUERY_STRING`` (bytes as latin-1, their text UTF-8); short ones remembered (a
    client repeats its queries)."""
    if len(query_string) <= CACHED_QUERY_STRING:
        return _parsed_query_string(query_string)
    return _parse_query_string(query_string)


def _parse_query_string(query_string: str) -> dict[str, tuple[str, ...]]:
    text = query_string.encode("latin-1", "replace").decode("utf-8", "replace")
    return {k: tuple(v) for k, v in parse_qs(text, keep_blank_values=True).items()}


_parsed_query_string = functools.lru_cache(maxsize=256)(_parse_query_string)


@functools.lru_cache(maxsize=64)
def _content_type(media_type: str) -> str:
    """The Content-Type header of ``media_type`` as Flask writes it (``; charset=utf-8`` on text types)."""
    return get_content_type(media_type, "utf-8")


@dataclass(frozen=True)
class _Reply:
    """A ``/sparql`` answer before it is sent: status, media type, body and extra headers."""

    status: int
    media_type: str | None = None
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()


class _Endpoint:
    """The routes, closed over one store and one settings object."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        if isinstance(store, EmbeddedStore):
            pool_for(store, settings.query_workers or None, Limits.from_settings(settings))

    def run(self, sparql: str, bindings: dict | None = None, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, render: Writer | None = None) -> bounded.Bounded:
        return bounded.run(self.store, sparql, timeout_s=self.settings.query_timeout_s,
                           max_rows=self.settings.max_rows, bindings=bindings,
                           default_graphs=default_graphs, named_graphs=named_graphs, render=render)

    # ------------------------------------------------------------------------------------------ /sparql
    def _body(self, environ: dict[str, Any]) -> bytes:
        limit = self.settings.max_body_bytes
        try:  # a chunked body has no Content-Length: count what arrives (the stream may stop at the limit)
            stream = get_input_stream(environ, max_content_length=limit)
            data = stream.read(limit + 1)
            if len(data) > limit or (len(data) == limit and stream.read(1)):
                raise HttpError(f"request body larger than {limit} bytes", 413)
        except RequestEntityTooLarge:
            raise HttpError(f"request body larger than {limit} bytes", 413) from None
        return data

    def _protocol_request(self, environ: dict[str, Any], method: str) -> tuple[str | None, list[str], list[str]]:
        """The query text and dataset IRIs of a SPARQL Protocol request (None: no query given)."""
        args = {k: list(v) for k, v in _query_args(environ.get("QUERY_STRING", "")).items()}
        if method == "POST":
            media, params = parse_options_header(environ.get("CONTENT_TYPE", ""))
            media = media.lower()
            body = self._body(environ)
            if media == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                if "update" in form:
                    raise HttpError("SPARQL Update is not allowed: this endpoint is read-only", 403)
                for key, values in form.items():
                    args.setdefault(key, []).extend(values)
            elif media == "application/sparql-query":
                try:
                    text = body.decode(params.get("charset", "utf-8"), "replace")
                except LookupError:
                    raise HttpError(f"unknown charset {params.get('charset')!r}: send UTF-8", 415) from None
                args.setdefault("query", []).append(text)
            elif media == "application/sparql-update":
                raise HttpError("SPARQL Update is not allowed: this endpoint is read-only", 403)
            else:
                raise HttpError("unsupported Content-Type: use application/sparql-query or "
                                "application/x-www-form-urlencoded", 415)
        if "update" in args:
            raise HttpError("SPARQL Update is not allowed: this endpoint is read-only", 403)
        texts = args.get("query", [])
        if len(texts) > 1:
            raise HttpError("give exactly one query parameter", 400)
        text = texts[0] if texts else None
        if text is not None and len(text.encode("utf-8")) > self.settings.max_body_bytes:
            raise HttpError(f"query larger than {self.settings.max_body_bytes} bytes", 413)
        return text, args.get("default-graph-uri", []), args.get("named-graph-uri", [])

    def sparql(self, environ: dict[str, Any], method: str) -> _Reply:
        """One ``/sparql`` request (GET, HEAD or POST), answered from the WSGI environ alone."""
        text, default_graphs, named_graphs = self._protocol_request(environ, method)
        accept = environ.get("HTTP_ACCEPT", "")
        if text is None:
            if method == "POST":
                raise HttpError("no query given: send query=… or an application/sparql-query body", 400)
            return self.service_description(environ, accept)
        writer = writer_for(accept)
        result = self.run(text, default_graphs=default_graphs or None, named_graphs=named_graphs or None,
                          render=writer)
        body, media_type = result.rendered
        return _Reply(200, media_type, body, ((TRUNCATED_HEADER, "true"),) if result.truncated else ())

    def service_description(self, environ: dict[str, Any], accept: str) -> _Reply:
        media = negotiate(GRAPH_TYPES, accept)
        if media is None:
            raise HttpError("not acceptable: the service description is RDF; accept text/turtle", 406)
        sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
        service = ox.BlankNode("service")
        triples = [
            ox.Triple(service, ox.NamedNode(PREFIXES["rdf"] + "type"), sd("Service")),
            ox.Triple(service, sd("endpoint"), ox.NamedNode(get_current_url(environ, strip_querystring=True))),
            ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ]
        triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS_NS + name))
                    for name in RESULT_FORMAT_IRIS]
        return _Reply(200, media, graph_body(triples, media))

    # ------------------------------------------------------------------------------------------ /queries
    def list_queries(self) -> Response:
        listing = [
            {"name": q.name, "title": q.title, "description": q.description,
             "params": [{"name": n, "type": t} for n, t in q.params], "url": f"{request.script_root}/queries/{q.name}"}
            for q in queries.catalogue().values()
        ]
        return Response(json.dumps({"ok": True, "queries": listing}, ensure_ascii=False), mimetype="application/json")

    def run_query(self, name: str) -> Response:
        try:
            canned = queries.get(name)
        except FardplanError as exc:
            raise NodeNotFound(name) from exc
        values = {k: v for k, v in request.args.items() if k != "format"}
        table = {"application/sparql-results+json": "json", "application/json": "json", "text/csv": "csv"}
        media = negotiate(table, request.headers.get("Accept", ""), request.args.get("format"))
        if media is None:
            raise HttpError("not acceptable: canned queries answer SPARQL JSON or CSV (?format=json|csv)", 406)
        result = self.run(canned.sparql(values), render=Writer(media, None))
        return _answer_response(result)

    # ------------------------------------------------------------------------------------------ /id/…
    def resource(self, path: str) -> Response:
        iri = ID_IRI + path
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            raise NodeNotFound(iri) from None
        media = negotiate({"text/html": "html", **GRAPH_TYPES}, request.headers.get("Accept", ""))
        if media is None:
            raise HttpError("not acceptable: accept text/html or an RDF format (" + ", ".join(GRAPH_TYPES) + ")", 406)
        result = self.run(DESCRIBE_QUERY, bindings={"r": node})
        if not result.answer.rows:
            raise NodeNotFound(iri)
        if media == "text/html":
            response = Response(status=303)
            response.headers["Location"] = f"{request.script_root}/?focus={quote(iri, safe='')}"
            return response
        triples = [ox.Triple(s, p, o) for _, s, p, o in result.answer.rows]
        response = _graph_response(triples, media)
        if result.truncated:
            response.headers[TRUNCATED_HEADER] = "true"
        return response


def sparql_blueprint(store: Store, settings: Settings, endpoint: _Endpoint | None = None) -> Blueprint:
    """The blueprint serving ``/queries``, ``/queries/NAME`` and ``/id/PATH`` over ``store`` (``/sparql`` is
    :class:`SparqlApp`, mounted in front of the Flask app by :func:`register_routes`)."""
    endpoint = endpoint or _Endpoint(store, settings)
    bp = Blueprint("fardplan_sparql", __name__)
    bp.add_url_rule("/queries", "queries", endpoint.list_queries, methods=["GET"])
    bp.add_url_rule("/queries/<name>", "query", endpoint.run_query, methods=["GET"])
    bp.add_url_rule("/id/<path:path>", "resource", endpoint.resource, methods=["GET"])

    @bp.errorhandler(FardplanError)
    def _handle(exc: FardplanError) -> Response:
        return _error(exc)

    @bp.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = API_CSP
        response.headers.setdefault("Vary", "Accept")
        return response

    return bp


_SPARQL_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class SparqlApp:
    """``/sparql`` as a plain WSGI app in front of another (the Flask/Dash app gets every other path).

    The hot path of the endpoint: no routing, request or response objects; the answer's body is written by the
    query process (:class:`Writer`) and sent as it comes back. The limits, the policy check and the one error
    shape are those of the Flask routes; every answer carries the security headers of
    :func:`install_security_headers` and the CORS headers of setting ``cors_origins``.
    """

    def __init__(self, endpoint: _Endpoint, app: WsgiApp, path: str = "/sparql") -> None:
        self.endpoint = endpoint
        self.app = app
        self.path = path
        self.origins = tuple(endpoint.settings.cors_origins.split())

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != self.path:
            return self.app(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET").upper()
        try:
            if method == "OPTIONS":
                reply = _Reply(204)
            elif method not in _SPARQL_METHODS:
                raise HttpError(f"method {method} is not allowed on /sparql: use GET or POST", 405)
            else:
                reply = self.endpoint.sparql(environ, "GET" if method == "HEAD" else method)
        except FardplanError as exc:
            reply = _error_reply(exc)
        except Exception as exc:  # noqa: BLE001 - an unforeseen failure still answers in the one error shape
            log.exception("/sparql failed")
            error = FardplanError(f"internal error: {exc.__class__.__name__}; this is the server's failure")
            error.status = 500
            reply = _error_reply(error)
        headers = [*SECURITY_HEADERS, *reply.headers]
        if reply.media_type is not None:
            headers.append(("Content-Type", _content_type(reply.media_type)))
        if reply.status != 204:
            headers.append(("Content-Length", str(len(reply.body))))
        vary = self._cors(environ, method, headers)
        headers.append(("Vary", vary))
        if reply.status == 405:
            headers.append(("Allow", ", ".join(_SPARQL_METHODS)))
        start_response(f"{reply.status} {_phrase(reply.status)}", headers)
        return [] if method == "HEAD" or reply.status == 204 else [reply.body]

    def _cors(self, environ: dict[str, Any], method: str, headers: list[tuple[str, str]]) -> str:
        """Add the CORS headers (``*``, or the request's Origin if it is one of ``cors_origins``); the Vary value."""
        if not self.origins:
            return "Accept"
        vary = "Accept"
        if "*" in self.origins:
            headers.append(("Access-Control-Allow-Origin", "*"))
        else:
            origin = environ.get("HTTP_ORIGIN")
            if origin not in self.origins:
                return vary
            headers.append(("Access-Control-Allow-Origin", origin))
            vary = "Accept, Origin"
        if method == "OPTIONS":
            headers += [("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                        ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                        ("Access-Control-Max-Age", "86400")]
        return vary


def _error_reply(exc: FardplanError) -> _Reply:
    return _Reply(exc.status, "application/json", json.dumps(exc.to_dict(), ensure_ascii=False).encode())


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def register_routes(server: Flask, store: Store | Any, settings: Settings | None = None) -> None:
    """Mount ``/sparql`` (:class:`SparqlApp`, in front of ``server.wsgi_app``) and the blueprint on a Flask app,
    and cap request bodies at ``settings.max_body_bytes``.

    Call it as ``register_routes(app.server, store, settings)``, or with one context object that has
    ``.store`` and ``.settings`` (``register_routes(app.server, ctx)``, the UI's route-module convention).
    """
    if settings is None:
        store, settings = store.store, store.settings
    server.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    endpoint = _Endpoint(store, settings)
    server.register_blueprint(sparql_blueprint(store, settings, endpoint))
    server.wsgi_app = SparqlApp(endpoint, server.wsgi_app)  # type: ignore[method-assign]
    install_security_headers(server)
