"""One small exception hierarchy; every error names the place it is about, and has one JSON shape.

:meth:`FardplanError.to_dict` is that shape, the same from the CLI (``--format json``), ``/sparql``, ``/queries``
and the UI's messages::

    {"ok": false, "kind": "syntax", "status": 400, "error": "line 1, column 8: …", "message": "…",
     "errors": ["…"], "line": 1, "column": 8}

``kind`` is a stable machine name per class (``syntax``, ``query``, ``timeout``, ``too_large``, ``refused``,
``shape``, ``rdf_syntax``, ``store``, ``not_found``, ``curation``, ``edit``, ``ingest``, ``http``, ``error``);
``errors`` lists every problem (each SHACL violation); ``line`` and ``column`` are ``null`` when unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

__all__ = ["CurationError", "EditError", "ErrorDict", "FardplanError", "HttpError", "IngestError", "Location",
           "NodeNotFound", "QueryBusy", "QueryCrashed", "QueryError", "QueryRefused", "QueryTimeout", "QueryTooLarge",
           "RdfSyntaxError", "ShapeViolation", "StoreError", "Violation"]


class ErrorDict(TypedDict):
    """The JSON shape of every error (see the module docstring)."""

    ok: bool
    kind: str
    status: int
    error: str
    message: str
    errors: list[str]
    line: int | None
    column: int | None


class FardplanError(Exception):
    """Base of every error the core raises on purpose."""

    status = 400
    kind = "error"

    def to_dict(self) -> ErrorDict:
        """The JSON error shape shared by the CLI, the UI and HTTP (see the module docstring)."""
        return {"ok": False, "kind": self.kind, "status": self.status, "error": str(self),
                "message": getattr(self, "message", str(self)), "errors": [str(self)],
                "line": getattr(self, "line", None), "column": getattr(self, "column", None)}


@dataclass
class Location:
    """Where in an input a problem is: file, line and column are 1-based; any may be unknown."""

    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class RdfSyntaxError(FardplanError):
    """An RDF file that does not parse; ``location`` says file:line:column."""

    kind = "rdf_syntax"

    def __init__(self, message: str, location: Location) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message
        self.line = location.line
        self.column = location.column


class QueryError(FardplanError):
    """A SPARQL query that does not parse or cannot run."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{message}")
        self.line = line
        self.column = column
        self.message = message

    @property
    def kind(self) -> str:  # type: ignore[override]
        """``syntax`` when the parser named a place, else ``query``."""
        return "syntax" if self.line is not None else "query"


class QueryTimeout(QueryError):
    """A query stopped at its time limit."""

    status = 503
    kind = "timeout"  # type: ignore[assignment]


class QueryBusy(QueryTimeout):
    """A heavy query refused at once because ``query_heavy_queue`` heavy queries already wait for a heavy slot:
    waiting queries hold web server threads, so past that many the server sheds load instead of starving light
    requests (HTTP 503; retry in a moment)."""

    kind = "busy"  # type: ignore[assignment]


class QueryTooLarge(QueryError):
    """A query that needed more memory than a query process may use, or whose answer is larger than allowed.

    HTTP 507 (Insufficient Storage: the server cannot hold the representation the request needs); the query
    process is replaced, and the next query runs as usual.
    """

    status = 507
    kind = "too_large"  # type: ignore[assignment]


class QueryRefused(QueryError):
    """A query or update that policy forbids (SERVICE, LOAD, updates on a read-only store)."""

    status = 403
    kind = "refused"  # type: ignore[assignment]


@dataclass
class Violation:
    """One SHACL result: the focus node, the path, the message and its severity."""

    focus: str
    message: str
    path: str | None = None
    value: str | None = None
    severity: str = "Violation"

    def __str__(self) -> str:
        at = f" ({self.path})" if self.path else ""
        return f"{self.severity}: {self.focus}{at}: {self.message}"


class ShapeViolation(FardplanError):
    """Data that breaks the SHACL shapes; ``violations`` lists each focus node and message."""

    status = 422
    kind = "shape"

    def __init__(self, violations: list[Violation], source: str = "") -> None:
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  {v}" for v in violations)
        super().__init__(f"{head}{len(violations)} SHACL violation(s)\n{lines}")
        self.violations = violations

    def to_dict(self) -> ErrorDict:
        data = super().to_dict()
        data["errors"] = [str(v) for v in self.violations]
        return data


class StoreError(FardplanError):
    """A store URL that cannot be opened, or a store that fails: the server's side, HTTP 503."""

    status = 503
    kind = "store"


class QueryCrashed(StoreError):
    """A query process that died without an answer (a signal, a crash): the server's failure, HTTP 500."""

    status = 500


class NodeNotFound(FardplanError):
    """A node name that matches nothing, or more than one thing; ``candidates`` lists close matches."""

    status = 404
    kind = "not_found"

    def __init__(self, name: str, candidates: list[tuple[str, str]] | None = None, ambiguous: bool = False,
                 details: dict[str, str] | None = None, wrong_type: str | None = None) -> None:
        self.name = name
        self.candidates = candidates or []
        self.ambiguous = ambiguous
        self.details = details or {}
        self.wrong_type = wrong_type
        if wrong_type:
            super().__init__(wrong_type)
            return
        what = "is ambiguous" if ambiguous else "matches no node"
        listing = "".join(
            f"\n  {label} <{iri}> ({self.details[iri]})" if self.details.get(iri) else f"\n  {label} <{iri}>"
            for iri, label in self.candidates)
        hint = "; candidates:" if self.candidates else ""
        super().__init__(f"{name!r} {what}{hint}{listing}")


class CurationError(FardplanError):
    """A curation entry that is malformed, or whose quote is not in the raw source."""

    kind = "curation"


class EditError(FardplanError):
    """An edit that cannot be made: bad input (400), editing switched off (403), or a conflict with the graph as
    it is now (409, e.g. undoing a change that later changes touched)."""

    kind = "edit"

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class IngestError(FardplanError):
    """A reply that cannot be read or queued, or a review decision that cannot be made: the message names the file
    (and the page of a PDF) or the queue item. ``status`` 400 for bad input, 404 for an unknown item, 409 for one
    already decided or a different text under the same name."""

    kind = "ingest"

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class HttpError(FardplanError):
    """An HTTP-level refusal with its status (405, 406, 413, 415 …)."""

    kind = "http"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
