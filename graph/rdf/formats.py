"""Reading and writing RDF files: format names, safe parsing with file:line:column errors, serialising."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import FardplanError, Location, RdfSyntaxError

__all__ = ["ALIASES", "FORMATS", "Format", "format_for_path", "load_into", "parse_bytes", "parse_file", "rdf_format",
           "serialize"]


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


_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"),
         (b"\xfe\xff", "UTF-16"))
_REMOTE_CONTEXT = re.compile(rb'"@context"\s*:\s*(\[\s*)?"|"@import"\s*:\s*"')


def _encoding_error(head: bytes, name: str) -> RdfSyntaxError | None:
    """An error for input that is not UTF-8 (a UTF-16/32 byte-order mark, or NUL bytes among the first ones)."""
    found = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
    if found is None and b"\x00" in head[:64]:
        found = "UTF-16" if head[:2].count(b"\x00") == 1 else "not UTF-8"
    if found is None:
        return None
    what = f"{found}-encoded" if found != "not UTF-8" else "not UTF-8 (it has NUL bytes)"
    return RdfSyntaxError(f"the file is {what}; RDF is read as UTF-8 only: convert it first "
                          f"(e.g. iconv -f {found if found != 'not UTF-8' else 'ENCODING'} -t UTF-8)",
                          Location(name, 1, 1))


def _syntax_error(exc: SyntaxError, data: bytes | None, fmt: Format, name: str) -> RdfSyntaxError:
    """pyoxigraph's parse error as an :class:`RdfSyntaxError` naming ``name:line:col``."""
    line, col = exc.lineno, exc.offset
    text = str(exc.msg if hasattr(exc, "msg") else exc)
    if "LoadDocumentCallback" in text:
        match = _REMOTE_CONTEXT.search(data or b"")
        line, col = _line_col(data, match.start()) if match else (None, None)
        return RdfSyntaxError("the JSON-LD file refers to a remote @context (a URL); remote contexts are never "
                              "fetched: put the context inline in the file", Location(name, line, col))
    if "cannot decode input using UTF-8" in text and data is not None:
        found = re.search(r"from index (\d+)", text)
        if found:
            line, col = _line_col(data, int(found.group(1)))
        return RdfSyntaxError(f"the file is not valid UTF-8 ({text}); RDF is read as UTF-8 only",
                              Location(name, line, col))
    if line is None:
        found = re.search(r"line (\d+) column (\d+)", text) or re.search(r"at (\d+):(\d+)", text)
        if found:
            line, col = int(found.group(1)), int(found.group(2))
    return RdfSyntaxError(text, Location(name, line, col))


def parse_bytes(data: bytes, fmt: Format, name: str = "<input>", base_iri: str | None = None) -> list[ox.Quad]:
    """Parse ``data`` completely into quads, or raise :class:`RdfSyntaxError` naming ``name:line:col``.

    RDF/XML with a DTD or entity declaration is refused before parsing (entity expansion is a known
    denial-of-service); JSON-LD never fetches remote contexts (pyoxigraph loads none).
    """
    _refuse_before_parsing(data, fmt, name)
    try:
        return list(ox.parse(input=data, format=fmt.ox_format, base_iri=base_iri))
    except SyntaxError as exc:
        raise _syntax_error(exc, data, fmt, name) from None
    except (ValueError, OSError) as exc:
        raise RdfSyntaxError(str(exc), Location(name)) from None


def _refuse_before_parsing(data: bytes, fmt: Format, name: str) -> None:
    """Refuse input that is not UTF-8, and RDF/XML with a DTD or entity declaration, before any parser sees it."""
    if (error := _encoding_error(data[:64], name)) is not None:
        raise error
    if fmt.name == "xml":
        match = _DTD.search(data)
        if match:
            line, col = _line_col(data, match.start())
            raise RdfSyntaxError("DTD and entity declarations are not accepted in RDF/XML", Location(name, line, col))


def load_into(store: ox.Store, path: str | Path, fmt: Format | None = None, max_bytes: int | None = None) -> None:
    """Parse an RDF file into ``store`` (a staging store: on error it may hold part of the file).

    N-Triples, N-Quads, Turtle and TriG stream from disk through pyoxigraph's bulk loader, so no Python object is
    made per triple; RDF/XML and JSON-LD are read whole first (to refuse a DTD or name a remote context). A file
    over ``max_bytes`` is refused before it is read.
    """
    path = Path(path)
    fmt = fmt or format_for_path(path)
    base_iri = path.resolve().as_uri()
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise FardplanError(f"{path}: {size:,} bytes is more than a load may take ({max_bytes:,} bytes, setting "
                                f"max_load_bytes, env FARDPLAN_MAX_LOAD_BYTES); nothing was loaded")
        if fmt.name in ("xml", "jsonld"):
            data = path.read_bytes()
            _refuse_before_parsing(data, fmt, str(path))
        else:
            with path.open("rb") as f:
                head = f.read(64)
            if (error := _encoding_error(head, str(path))) is not None:
                raise error
            data = None
    except OSError as exc:
        raise FardplanError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        if data is None:
            store.bulk_load(path=str(path), format=fmt.ox_format, base_iri=base_iri)
        else:
            store.bulk_load(input=data, format=fmt.ox_format, base_iri=base_iri)
    except SyntaxError as exc:
        if data is None and "UTF-8" in str(exc):
            data = path.read_bytes()  # only to turn the byte index into a line and column
        raise _syntax_error(exc, data, fmt, str(path)) from None
    except (ValueError, OSError) as exc:
        raise RdfSyntaxError(str(exc), Location(str(path))) from None


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
