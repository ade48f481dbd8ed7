"""What the read-only endpoint refuses, decided before a query runs: SERVICE, LOAD, updates, engine pragmas.

Both engines we use follow ``SERVICE`` (even ``SERVICE SILENT``) from native code, so the only safe place to
stop it is before the query reaches them. :func:`check` works on the text exactly as the engine will read it:
``\\uXXXX`` / ``\\UXXXXXXXX`` escapes are applied first (SPARQL applies them before parsing, so ``\\u0053ERVICE``
*is* ``SERVICE``), repeatedly until none is left, and the engine is then given that text. It passes only if two
independent readings of that text find nothing forbidden:

A. **The parse tree** (:func:`check_parsed`, the deciding reading): a real SPARQL 1.1 grammar parses the text
   (tree-sitter's ``tree-sitter-sparql``, a C parser: about 0.1–0.2 ms for our canned queries, 0.4 s for
   900 KB; rdflib's pyparsing grammar took 12–112 ms per canned query and hit Python's recursion limit on large
   ones). The tree must be exactly one query form (SELECT, CONSTRUCT, DESCRIBE, ASK) with no ``SERVICE`` node
   anywhere (subqueries, FILTER EXISTS, OPTIONAL, MINUS, GRAPH …) and no update or LOAD. It **fails closed**: a
   text this grammar cannot parse is a :class:`~graph.errors.QueryError` (400) at the line and column of the
   first error and never runs; this also refuses syntax only the engine reads (RDF-star ``<< >>``).
B. **A keyword scan** (:func:`find_keyword`, a second layer that also gives exact positions): strings, comments
   and IRIs are skipped and every keyword left in code is looked at. ``<`` is ambiguous (an IRI or the
   less-than operator) and the engines decide by grammar context, so the scan follows *both* readings of every
   ``<…>`` and refuses a keyword found on either.

A refusal is a :class:`~graph.errors.QueryRefused` (403) naming the keyword and its line and column. Two
readings, because the scan alone was fooled by escapes in prefixed names (``ex:a\\#`` is no comment, ``ex:a\\'``
no string), and a grammar alone might disagree with the engine on some corner: a bypass must fool both.
"""

from __future__ import annotations

import re
import warnings

import tree_sitter
import tree_sitter_sparql

from graph.errors import QueryError, QueryRefused

__all__ = ["FORBIDDEN", "check", "check_parsed", "find_keyword", "normalize"]

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
_EOL = re.compile(r"[\r\n]")
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
                newline = _EOL.search(text, end)  # a comment ends at LF or CR (SPARQL's EOL), as in the engine
                pos = len(text) if newline is None else newline.end()
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


# ------------------------------------------------------------------------------------------ the parse tree

with warnings.catch_warnings():  # the grammar package hands its language over as an int (deprecated, still fine)
    warnings.simplefilter("ignore", DeprecationWarning)
    _LANGUAGE = tree_sitter.Language(tree_sitter_sparql.language())
_QUERY_FORMS = {"select_query", "construct_query", "describe_query", "ask_query"}
_TOP_LEVEL = _QUERY_FORMS | {"prologue", "values_clause", "comment"}
# Parse-tree nodes that are never allowed, with the message of the keyword that makes them.
_FORBIDDEN_NODES = {
    "service_graph_pattern": FORBIDDEN["SERVICE"],
    "load": FORBIDDEN["LOAD"],
    **{kind: _UPDATE for kind in ("insert_data", "delete_data", "delete_where", "modify", "clear", "drop",
                                  "create", "add", "move", "copy", "insert_clause", "delete_clause", "quads")},
}
_FORBIDDEN_QUERY = tree_sitter.Query(_LANGUAGE, "[" + " ".join(f"({kind})" for kind in _FORBIDDEN_NODES) + "] @bad")
_PARSERS: list[tree_sitter.Parser] = []  # a Parser is not thread-safe: one per call, reused (pop/append is atomic)


def _parse(data: bytes) -> tree_sitter.Tree:
    parser = _PARSERS.pop() if _PARSERS else tree_sitter.Parser(_LANGUAGE)
    try:
        return parser.parse(data)
    finally:
        _PARSERS.append(parser)


def _position(text: str, data: bytes, node: tree_sitter.Node) -> tuple[int, int]:
    """1-based line and column (in characters) where ``node`` starts."""
    return _line_col(text, len(data[: node.start_byte].decode("utf-8", "replace")))


def _first_error(node: tree_sitter.Node) -> tree_sitter.Node:
    """The first ERROR or MISSING node in document order, following only branches that contain one."""
    while not (node.is_error or node.is_missing):
        node = next(c for c in node.children if c.has_error or c.is_error or c.is_missing)
    return node


def check_parsed(text: str) -> None:
    """Refuse ``text`` (already :func:`normalize`-d) unless it parses as one query with no forbidden node.

    :class:`QueryError` (400) at the first syntax error: what cannot be parsed here never reaches the engine.
    :class:`QueryRefused` (403) for SERVICE, LOAD or an update anywhere in the tree (the first one in the text).
    """
    # The grammar ends a comment at LF only, the engine (as SPARQL says) at CR too: parse with CR read as LF (the
    # same length, so every offset stays that of ``text``).
    data = text.encode("utf-8", "surrogatepass")
    root = _parse(data.replace(b"\r", b"\n")).root_node
    if root.has_error:
        node = _first_error(root)
        line, column = _position(text, data, node)
        if node.is_missing:
            raise QueryError(f"syntax error: {node.type.replace('_', ' ')} expected", line, column)
        snippet = node.text.decode("utf-8", "replace").split("\n")[0][:40] if node.text else ""
        raise QueryError(f"syntax error: unexpected {snippet!r} (the endpoint reads SPARQL 1.1 queries)", line, column)
    found = [n for nodes in tree_sitter.QueryCursor(_FORBIDDEN_QUERY).captures(root).values() for n in nodes]
    if found:  # matched in C: a walk in Python took 0.8 s for a 750 KB query, this 0.05 s
        node = min(found, key=lambda n: n.start_byte)
        raise QueryRefused(_FORBIDDEN_NODES[node.type], *_position(text, data, node))
    odd = next((c for c in root.named_children if c.type not in _TOP_LEVEL), None)
    if odd is not None:  # anything but one query (an update form this list does not name yet): refused
        raise QueryRefused(_UPDATE, *_position(text, data, odd))
    if sum(child.type in _QUERY_FORMS for child in root.named_children) != 1:
        raise QueryError("syntax error: expected exactly one SELECT, CONSTRUCT, DESCRIBE or ASK query", 1, 1)


def check(sparql: str) -> str:
    """Return the query text to run, or raise :class:`QueryRefused` if it uses anything forbidden.

    :class:`QueryError` if the text does not parse (or has a bad ``\\U`` escape): it is never passed on.
    """
    text = normalize(sparql)
    hit = find_keyword(text)
    if hit:
        keyword, offset = hit
        line, column = _line_col(text, offset)
        raise QueryRefused(FORBIDDEN[keyword], line, column)
    check_parsed(text)
    return text
