"""Query answers written out: SPARQL 1.1 JSON, XML, CSV and TSV results, a text table, or RDF.

:func:`serialize_solutions` writes a SELECT answer straight from the engine with pyoxigraph's own serializer (no
term objects in Python), as long as it cannot have more than a row cap; the other writers take rows of terms.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.rdf.formats import rdf_format, serialize
from graph.rdf.terms import to_plain, to_text
from graph.store import QueryAnswer, Solutions

__all__ = ["RESULT_MEDIA_TYPES", "render", "to_csv", "to_json", "to_table", "to_tsv", "to_xml"]

NATIVE_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
# What the native serializer writes once at the start of each row: JSON '[{"' or '},{"' (an empty row "[{}" or
# ",{}"), XML "<result>" ('<' is escaped in text), CSV and TSV a line end (TSV escapes newlines in terms). A string
# may hold one too (a JSON string can end in "},{", a quoted CSV value hold a newline): one more, never one less,
# so counting them bounds the rows from above. ``(marks, header lines)``.
_ROW_MARKS: dict[str, tuple[tuple[bytes, ...], int]] = {
    "json": ((b'[{"', b'},{"', b"[{}", b",{}"), 0),
    "xml": ((b"<result>",), 0),
    "csv": ((b"\n",), 1),
    "tsv": ((b"\n",), 1),
}
RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


class _MayHaveMore(Exception):
    """The serialized answer may already hold more rows than the cap."""


class _RowBound:
    """A binary sink for pyoxigraph's serializer that keeps the bytes and stops it (:class:`_MayHaveMore`) once
    the marks it counts show that more than ``limit`` rows may have been written."""

    def __init__(self, marks: tuple[bytes, ...], limit: int) -> None:
        self.marks = marks
        self.limit = limit
        self.count = 0
        self.parts: list[bytes] = []
        self.tail = b""  # the end of the previous chunk: a mark may straddle two chunks

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        for mark in self.marks:  # no mark overlaps itself, so none is counted twice or missed
            self.count += chunk.count(mark)
            if n := len(mark) - 1:  # one across the boundary with the previous chunk
                self.count += (self.tail[-n:] + chunk[:n]).count(mark)
        if self.count > self.limit:
            raise _MayHaveMore
        self.parts.append(chunk)
        self.tail = chunk if len(chunk) >= 16 else (self.tail + chunk)[-16:]
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the bytes stay in memory."""


def serialize_solutions(solutions: ox.QuerySolutions, kind: str, max_rows: int) -> bytes | None:
    """A SELECT answer in ``kind`` (json, xml, csv, tsv) by pyoxigraph's serializer; None (having read at most
    about ``max_rows`` rows) when it may have more than ``max_rows`` rows: then it must be cut row by row.

    Errors of the query's evaluation come as pyoxigraph raises them (OSError, RuntimeError, ValueError).
    """
    marks, header = _ROW_MARKS[kind]
    sink = _RowBound(marks, max_rows + header)
    try:
        solutions.serialize(sink, format=NATIVE_FORMATS[kind])
    except _MayHaveMore:
        return None
    return b"".join(sink.parts)


def to_json(answer: Solutions | bool) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if isinstance(answer, bool):
        return json.dumps({"head": {}, "boolean": answer})
    bindings = [
        {name: to_plain(term) for name, term in zip(answer.variables, row, strict=True) if term is not None}
        for row in answer.rows
    ]
    return json.dumps({"head": {"vars": answer.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_xml(answer: Solutions | bool) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if isinstance(answer, bool):
        out.append(f"<head/><boolean>{str(answer).lower()}</boolean></sparql>")
        return "".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in answer.variables) + "</head><results>")
    for row in answer.rows:
        out.append("<result>")
        for name, term in zip(answer.variables, row, strict=True):
            if term is None:
                continue
            plain = to_plain(term)
            if plain["type"] == "uri":
                inner = f"<uri>{escape(term.value)}</uri>"
            elif plain["type"] == "bnode":
                inner = f"<bnode>{escape(term.value)}</bnode>"
            else:
                attrs = ""
                if "xml:lang" in plain:
                    attrs = f" xml:lang={quoteattr(plain['xml:lang'])}"
                elif "datatype" in plain:
                    attrs = f" datatype={quoteattr(plain['datatype'])}"
                inner = f"<literal{attrs}>{escape(term.value)}</literal>"
            out.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
        out.append("</result>")
    out.append("</results></sparql>")
    return "".join(out)


def to_csv(answer: Solutions) -> str:
    """SPARQL 1.1 CSV results: plain values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(answer.variables)
    for row in answer.rows:
        writer.writerow([to_text(t) for t in row])
    return buffer.getvalue()


def to_tsv(answer: Solutions) -> str:
    """SPARQL 1.1 TSV results: terms in N-Triples/Turtle syntax."""
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in answer.rows]
    return "\n".join(lines) + "\n"


def to_table(answer: Solutions, labels: dict[str, str] | None = None) -> str:
    """A plain-text table for people: an IRI shows as its label where ``labels`` has one; nothing is cut."""
    names = labels or {}

    def cell(term) -> str:
        if isinstance(term, ox.NamedNode) and term.value in names:
            return names[term.value].replace("\n", " ")
        return to_text(term).replace("\n", " ")

    rows = [[cell(t) for t in row] for row in answer.rows]
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(answer.variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(answer.variables, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def render(answer: QueryAnswer, fmt: str, prefixes: dict[str, str] | None = None,
           labels: dict[str, str] | None = None) -> str:
    """Write an answer in ``fmt``: table, json, xml, csv, tsv for SELECT/ASK; an RDF format for graphs.
    ``labels`` (``{iri: label}``) are what a table shows for IRIs; the other formats keep the IRIs."""
    if isinstance(answer, list):
        rdf = rdf_format("ttl" if fmt in ("table", "json") else fmt)
        quads = [ox.Quad(t.subject, t.predicate, t.object) for t in answer]
        return serialize(quads, rdf, prefixes).decode("utf-8")
    if isinstance(answer, bool):
        if fmt == "json":
            return to_json(answer)
        if fmt == "xml":
            return to_xml(answer)
        return "true" if answer else "false"
    writers = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv,
               "table": lambda a: to_table(a, labels)}
    if fmt not in writers:
        raise ValueError(f"a SELECT answer cannot be written as {fmt!r}; use {', '.join(writers)}")
    return writers[fmt](answer)
