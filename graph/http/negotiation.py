"""Content negotiation and the writers of answers: which media type answers a request (``?format=``, then the
``Accept`` header), and :class:`Writer`, which writes a query's answer in it.

A :class:`Writer` is picklable: the query process (:mod:`graph.store.evaluate`) writes the body, so a large answer
is not written twice and the web server only sends bytes. Nothing here knows Flask or WSGI.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from graph.errors import HttpError
from graph.rdf.formats import FORMATS, Format, serialize
from graph.rdf.results import RESULT_MEDIA_TYPES, serialize_solutions, to_csv, to_json, to_tsv, to_xml
from graph.store import QueryAnswer
from graph.vocab.namespaces import PREFIXES

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "WRITERS", "Writer", "graph_body", "negotiate", "writer_for"]

# Media types we answer, best first; the first of each list is the default.
RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "ttl", "application/x-turtle": "ttl", "application/n-triples": "nt", "text/plain": "nt",
    "application/ld+json": "jsonld", "application/rdf+xml": "xml",
}
WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}


def negotiate(table: dict[str, str], accept: str, fmt: str | None = None) -> str | None:
    """The media type to answer with: ``?format=`` first, then the ``accept`` header; None if nothing acceptable."""
    if fmt:
        fmt = fmt.lower()
        for media, short in table.items():
            if fmt in (media, short):
                return media
        return None
    header = accept.strip().lower()
    if header and not any(c in header for c in ",;*"):  # one concrete media type (most clients): no weighing
        return header if header in table else None
    accepted = parse_accept_header(accept, MIMEAccept)
    if not accepted or (accepted.best == "*/*" and len(accepted) == 1):
        return next(iter(table))
    return accepted.best_match(list(table))


def _rdf_format(media_type: str) -> Format:
    return FORMATS[GRAPH_TYPES[media_type]]


def graph_body(triples: list[ox.Triple], media_type: str) -> bytes:
    """``triples`` written in the RDF format of ``media_type`` (one of :data:`GRAPH_TYPES`), with our prefixes."""
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    return serialize(quads, _rdf_format(media_type), PREFIXES)


@dataclass(frozen=True)
class Writer:
    """Writes an answer in the negotiated media type: ``(body, media type)``, or HTTP 406 if the answer's kind
    (results or a graph) has none. Picklable, so the query process writes the body (not the web server).

    A SELECT answer is written by :meth:`solutions`, straight from the engine, unless it may be longer than the
    row cap; then :func:`graph.store.limits.run` cuts its rows and calls the writer with them.
    """

    result_type: str | None
    graph_type: str | None

    def _results_kind(self) -> str:
        if self.result_type is None:
            raise HttpError("not acceptable: a SELECT/ASK answer is SPARQL results; accept one of "
                            + ", ".join(RESULT_TYPES), 406)
        return RESULT_TYPES[self.result_type]

    def solutions(self, solutions: ox.QuerySolutions, max_rows: int) -> tuple[bytes, str] | None:
        """A SELECT answer by pyoxigraph's serializer, or None if it may have more than ``max_rows`` rows."""
        kind = self._results_kind()
        body = serialize_solutions(solutions, kind, max_rows)
        return None if body is None else (body, RESULT_MEDIA_TYPES[kind])

    def __call__(self, answer: QueryAnswer) -> tuple[bytes, str]:
        if isinstance(answer, list):
            if self.graph_type is None:
                raise HttpError("not acceptable: a CONSTRUCT/DESCRIBE answer is an RDF graph; accept one of "
                                + ", ".join(GRAPH_TYPES), 406)
            return graph_body(answer, self.graph_type), self.graph_type
        kind = self._results_kind()
        if isinstance(answer, bool) and kind in ("csv", "tsv"):
            raise HttpError("not acceptable: an ASK answer has no CSV/TSV form; accept JSON or XML", 406)
        return WRITERS[kind](answer).encode("utf-8"), RESULT_MEDIA_TYPES[kind]


@functools.lru_cache(maxsize=128)
def writer_for(accept: str) -> Writer:
    """The writer for one Accept header (negotiated once; 406 if neither kind of answer has a media type)."""
    result_type, graph_type = negotiate(RESULT_TYPES, accept), negotiate(GRAPH_TYPES, accept)
    if result_type is None and graph_type is None:
        raise HttpError("not acceptable: accept SPARQL results (" + ", ".join(RESULT_TYPES)
                        + ") or RDF (" + ", ".join(GRAPH_TYPES) + ")", 406)
    return Writer(result_type, graph_type)
