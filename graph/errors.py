"""One small exception hierarchy; every error names the place it is about."""

from __future__ import annotations

from dataclasses import dataclass


class FardplanError(Exception):
    """Base of every error the core raises on purpose."""

    status = 400

    def to_dict(self) -> dict:
        """The JSON error shape shared by the CLI, the UI and HTTP: ``{"ok", "error", "errors", "status"}``."""
        return {"ok": False, "error": str(self), "errors": [str(self)], "status": self.status}


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

    def __init__(self, message: str, location: Location) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


class QueryError(FardplanError):
    """A SPARQL query that does not parse or cannot run."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{message}")
        self.line = line
        self.column = column
        self.message = message


class QueryTimeout(QueryError):
    """A query stopped at its time limit."""

    status = 503


class QueryTooLarge(QueryError):
    """A query that needed more memory than a query process may use, or whose answer is larger than allowed.

    HTTP 507 (Insufficient Storage: the server cannot hold the representation the request needs); the query
    process is replaced, and the next query runs as usual.
    """

    status = 507


class QueryRefused(QueryError):
    """A query or update that policy forbids (SERVICE, LOAD, updates on a read-only store)."""

    status = 403


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

    def __init__(self, violations: list[Violation], source: str = "") -> None:
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  {v}" for v in violations)
        super().__init__(f"{head}{len(violations)} SHACL violation(s)\n{lines}")
        self.violations = violations

    def to_dict(self) -> dict:
        data = super().to_dict()
        data["errors"] = [str(v) for v in self.violations]
        return data


class StoreError(FardplanError):
    """A store URL that cannot be opened, or a store that fails."""


class QueryCrashed(StoreError):
    """A query process that died without an answer (a signal, a crash): the server's failure, HTTP 500."""

    status = 500


class NodeNotFound(FardplanError):
    """A node name that matches nothing, or more than one thing; ``candidates`` lists close matches."""

    status = 404

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
