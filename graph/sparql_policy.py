"""What the read-only endpoint refuses, decided before a query runs: SERVICE, LOAD, updates, engine pragmas.

Both engines we use follow ``SERVICE`` (even ``SERVICE SILENT``) from native code, so the only safe place to
stop it is before the query reaches them. :func:`check` works on the text exactly as the engine will read it:

1. ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes are applied first (SPARQL applies them before parsing, so
   ``\\u0053ERVICE`` *is* ``SERVICE``), repeatedly until none is left; the engine is then given that text.
2. Strings, comments and IRIs are skipped, and every keyword left in code is looked at. ``<`` is ambiguous
   (an IRI or the less-than operator) and the engines decide by grammar context, so the scan follows *both*
   readings of every ``<…>`` and refuses a keyword found on either: a keyword cannot hide in a string or a
   comment that only one reading sees.

A refusal is a :class:`~graph.errors.QueryRefused` naming the keyword and its line and column.
"""

from __future__ import annotations

import re

from .errors import QueryError, QueryRefused

__all__ = ["FORBIDDEN", "check", "normalize"]

_UPDATE = "SPARQL Update is not allowed: this endpoint is read-only"
FORBIDDEN: dict[str, str] = {
    "SERVICE": "SERVICE (federated query) is not allowed: the endpoint makes no outbound requests",
    "LOAD": "LOAD is not allowed: the endpoint is read-only and makes no outbound requests",
    "INSERT": _UPDATE,
    "DELETE": _UPDATE,
    "CLEAR": _UPDATE,
    "DROP": _UPDATE,
    "CREATE": _UPDATE,
    "ADD": _UPDATE,
    "MOVE": _UPDATE,
    "COPY": _UPDATE,
    "DEFINE": "engine pragmas (DEFINE) are not allowed",
}

_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SPECIAL = re.compile(r"['\"#<]")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
# A keyword is code when nothing name-like is glued before it (a letter, or a character that continues a
# variable, prefixed name, language tag or IRI) and something that may follow a keyword comes after it.
_KEYWORD = re.compile(
    r"(?<![^\W\d_])(?<![_\-:?$@/%\\])(" + "|".join(FORBIDDEN) + r")(?=[\s<?${}:#(*]|$)",
    re.IGNORECASE,
)


def normalize(text: str) -> str:
    """Apply SPARQL codepoint escapes until none is left (what the engine would read)."""
    while True:
        try:
            done = _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
        except (ValueError, OverflowError):
            raise QueryError("invalid \\U escape: not a Unicode code point") from None
        if done == text:
            return text
        text = done


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _skip_string(text: str, start: int) -> int:
    """The offset just after the string literal opening at ``start`` (or the end of the text)."""
    quote = text[start]
    if text.startswith(quote * 3, start):
        end = start + 3
        while end < len(text):
            if text[end] == "\\":
                end += 2
            elif text.startswith(quote * 3, end):
                return end + 3
            else:
                end += 1
        return len(text)
    end = start + 1
    while end < len(text):
        ch = text[end]
        if ch == "\\":
            end += 2
        elif ch == quote or ch in "\r\n":
            return end + 1
        else:
            end += 1
    return len(text)


def find_keyword(text: str) -> tuple[str, int] | None:
    """The first forbidden keyword in code under any reading of ``<``, with its offset; None if there is none."""
    found: list[tuple[int, str]] = []
    todo = [0]
    seen: set[int] = set()
    while todo:
        pos = todo.pop()
        while pos < len(text):
            match = _SPECIAL.search(text, pos)
            end = match.start() if match else len(text)
            found += [(k.start(), k.group(1).upper()) for k in _KEYWORD.finditer(text, pos, end)]
            if match is None or end in seen:
                break
            seen.add(end)
            char = match.group()
            if char == "#":
                newline = text.find("\n", end)
                pos = len(text) if newline < 0 else newline + 1
            elif char in "'\"":
                pos = _skip_string(text, end)
            else:
                iri = _IRIREF.match(text, end)
                if iri:
                    todo.append(iri.end())  # the IRI reading; the operator reading goes on below
                pos = end + 1
    if not found:
        return None
    offset, keyword = min(found)
    return keyword, offset


def check(sparql: str) -> str:
    """Return the query text to run, or raise :class:`QueryRefused` if it uses anything forbidden."""
    text = normalize(sparql)
    hit = find_keyword(text)
    if hit:
        keyword, offset = hit
        line, column = _line_col(text, offset)
        raise QueryRefused(FORBIDDEN[keyword], line, column)
    return text
