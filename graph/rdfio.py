"""Reading and writing RDF files: format names, safe parsing with file:line:column errors, serialising."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import FardplanError, Location, RdfSyntaxError


@dataclass(frozen=True)
class Format:
    """An RDF format: our short name, pyoxigraph's format, file extensions and media type."""

    name: str
    ox_format: ox.RdfFormat
    extensions: tuple[str, ...]
    media_type: str
    dataset: bool


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("ttl", ox.RdfFormat.TURTLE, (".ttl", ".turtle"), "text/turtle", False),
        Format("trig", ox.RdfFormat.TRIG, (".trig",), "application/trig", True),
        Format("nt", ox.RdfFormat.N_TRIPLES, (".nt", ".ntriples"), "application/n-triples", False),
        Format("nq", ox.RdfFormat.N_QUADS, (".nq", ".nquads"), "application/n-quads", True),
        Format("jsonld", ox.RdfFormat.JSON_LD, (".jsonld", ".json"), "application/ld+json", False),
        Format("xml", ox.RdfFormat.RDF_XML, (".rdf", ".xml", ".owl"), "application/rdf+xml", False),
    )
}
ALIASES = {"turtle": "ttl", "rdfxml": "xml", "rdf": "xml", "json-ld": "jsonld", "ntriples": "nt", "nquads": "nq"}

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def rdf_format(name: str) -> Format:
    """The :class:`Format` for a short name (``ttl``) or alias (``turtle``)."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise FardplanError(f"unknown RDF format {name!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[key]


def format_for_path(path: str | Path) -> Format:
    """Guess the format from a file name's extension."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    known = ", ".join(ext for f in FORMATS.values() for ext in f.extensions)
    raise FardplanError(f"{path}: unknown RDF file extension {suffix!r} (known: {known})")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def parse_bytes(data: bytes, fmt: Format, name: str = "<input>", base_iri: str | None = None) -> list[ox.Quad]:
    """Parse ``data`` completely into quads, or raise :class:`RdfSyntaxError` naming ``name:line:col``.

    RDF/XML with a DTD or entity declaration is refused before parsing (entity expansion is a known
    denial-of-service); JSON-LD never fetches remote contexts (pyoxigraph loads none).
    """
    if fmt.name == "xml":
        match = _DTD.search(data)
        if match:
            line, col = _line_col(data, match.start())
            raise RdfSyntaxError("DTD and entity declarations are not accepted in RDF/XML", Location(name, line, col))
    try:
        return list(ox.parse(input=data, format=fmt.ox_format, base_iri=base_iri))
    except SyntaxError as exc:
        line, col = exc.lineno, exc.offset
        text = str(exc.msg if hasattr(exc, "msg") else exc)
        if line is None:
            found = re.search(r"line (\d+) column (\d+)", text) or re.search(r"at (\d+):(\d+)", text)
            if found:
                line, col = int(found.group(1)), int(found.group(2))
        raise RdfSyntaxError(text, Location(name, line, col)) from None
    except (ValueError, OSError) as exc:
        raise RdfSyntaxError(str(exc), Location(name)) from None


def parse_file(path: str | Path, fmt: Format | None = None) -> list[ox.Quad]:
    """Parse an RDF file (format from its extension unless given); errors name the file."""
    path = Path(path)
    fmt = fmt or format_for_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FardplanError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse_bytes(data, fmt, str(path), base_iri=path.resolve().as_uri())


def serialize(quads: list[ox.Quad], fmt: Format, prefixes: dict[str, str] | None = None) -> bytes:
    """Serialise quads; a triple format takes only the default graph."""
    store = ox.Store()
    store.extend(quads)
    if fmt.dataset:
        return store.dump(format=fmt.ox_format, prefixes=prefixes)
    if fmt.ox_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        return store.dump(format=fmt.ox_format, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    return store.dump(format=fmt.ox_format, from_graph=ox.DefaultGraph())
