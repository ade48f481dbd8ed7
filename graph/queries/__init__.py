"""Canned SPARQL queries: one ``NAME.rq`` file each, with a header of ``#`` comment lines:

```
# title: Aktörer som delar en strategi
# title@en: Actors sharing a strategy
# description: …            (description@en: …)
# param: strategy iri        (name and type: iri | literal | integer; one line each)
# answer: bulk               (optional: the query reads a whole view, so its answer grows with the graph)
```

Parameters are checked and turned into terms (:meth:`CannedQuery.bind`), then written into the text in
N-Triples syntax (:meth:`CannedQuery.sparql`), never formatted in from raw strings.

The core's own queries live here too, marked ``# internal``: the index's reads of the whole store, the details
panel's look-ups, the class counts. They are not questions a person would ask, so they are left out of the
catalogue (``fardplan queries``, ``/queries``, the SPARQL page's examples) and need no title; the code gets them
with :func:`internal` and binds their parameters with ``store.query(text, bindings)``. An internal file marked
``# fragment`` is a group pattern, not a query (no prologue): a part the code joins into a query, such as the
ways the details panel finds the assertions of the relations it lists. Parameters that are lists, which a binding
cannot carry, are typed ``list`` (an ``IN`` list) or ``rows`` (the rows of a ``VALUES`` block) and written in as
terms by :meth:`CannedQuery.write`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from graph.errors import FardplanError
from graph.queries.substitute import write_in
from graph.vocab.namespaces import sparql_prologue

QUERY_DIR = Path(__file__).resolve().parent
PARAM_TYPES = ("iri", "literal", "integer")
INTERNAL_PARAM_TYPES = (*PARAM_TYPES, "term", "list", "rows")  # term: any term; list, rows: see the module doc
Term = ox.NamedNode | ox.Literal


@dataclass(frozen=True)
class CannedQuery:
    """A named query: its text (prologue included), titles and descriptions (sv/en) and typed parameters."""

    name: str
    text: str
    title: dict[str, str]
    description: dict[str, str]
    params: tuple[tuple[str, str], ...] = field(default=())
    bulk: bool = False
    """True for a bulk read of a whole view (the analysis view, the collaboration network): its answer and time
    grow with the graph, unlike a question about one strategy or actor."""
    internal: bool = False
    """True for the core's own queries and fragments (``# internal``, ``# fragment``): not in the catalogue."""

    def bind(self, values: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
        """Turn parameter strings into terms; unknown, missing or malformed parameters are errors."""
        names = {n for n, _ in self.params}
        unknown = set(values) - names
        if unknown:
            raise FardplanError(f"query {self.name}: unknown parameter(s) {sorted(unknown)}; it takes {sorted(names)}")
        bound = {}
        for name, kind in self.params:
            if name not in values:
                raise FardplanError(f"query {self.name}: parameter {name!r} ({kind}) is required")
            raw = values[name]
            if kind == "iri":
                if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$", raw):
                    raise FardplanError(f"query {self.name}: parameter {name!r} is not an IRI: {raw!r}")
                bound[name] = ox.NamedNode(raw)
            elif kind == "integer":
                if not re.fullmatch(r"-?\d+", raw):
                    raise FardplanError(f"query {self.name}: parameter {name!r} is not an integer: {raw!r}")
                bound[name] = ox.Literal(raw, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
            else:
                bound[name] = ox.Literal(raw)
        return bound

    def sparql(self, values: dict[str, str] | None = None) -> str:
        """The text with ``values`` (checked by :meth:`bind`) written in as terms: runnable as is, on any store."""
        terms = {name: str(term) for name, term in self.bind(values or {}).items()}
        return write_in(self.text, terms) if terms else self.text

    def write(self, terms: Mapping[str, Term | Sequence[Term] | Sequence[Sequence[Term]]]) -> str:
        """The text with pyoxigraph terms written in (N-Triples syntax, so escaped), for the values a binding
        cannot carry: a ``list`` parameter as ``a, b, c``, a ``rows`` parameter as ``(a b c) (d e f)``."""
        kinds = dict(self.params)
        if set(terms) != set(kinds):
            raise FardplanError(f"query {self.name}: takes {sorted(kinds)}, given {sorted(terms)}")
        written = {}
        for name, value in terms.items():
            if kinds[name] == "rows":
                written[name] = "\n      ".join("(" + " ".join(map(str, row)) + ")" for row in value)
            elif kinds[name] == "list":
                written[name] = ", ".join(map(str, value))
            else:
                written[name] = str(value)
        return write_in(self.text, written) if written else self.text


def _parse(path: Path) -> CannedQuery:
    title: dict[str, str] = {}
    description: dict[str, str] = {}
    params = []
    body = []
    bulk = internal = fragment = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        header = re.match(r"^#\s*(title|description|param|answer)(?:@(\w+))?:\s*(.*)$", line)
        marker = re.match(r"^#\s*(internal|fragment)\s*$", line)
        if marker:
            internal, fragment = True, fragment or marker.group(1) == "fragment"
        elif header:
            key, lang, value = header.group(1), header.group(2) or "sv", header.group(3).strip()
            if key == "title":
                title[lang] = value
            elif key == "description":
                description[lang] = value
            elif key == "answer":
                if value != "bulk":
                    raise FardplanError(f"{path}:{number}: an answer line says 'bulk' (or is left out)")
                bulk = True
            else:
                parts = value.split()
                params.append((number, parts))
        else:
            body.append(line)
    kinds = INTERNAL_PARAM_TYPES if internal else PARAM_TYPES
    for number, parts in params:
        if len(parts) != 2 or parts[1] not in kinds:
            raise FardplanError(f"{path}:{number}: a param line is 'NAME TYPE' with TYPE in {kinds}")
    text = "\n".join(body).strip() + "\n"
    return CannedQuery(path.stem, text if fragment else sparql_prologue() + text, title, description,
                       tuple((parts[0], parts[1]) for _, parts in params), bulk, internal)


@lru_cache(maxsize=1)
def _every_query() -> dict[str, CannedQuery]:
    return {path.stem: _parse(path) for path in sorted(QUERY_DIR.glob("*.rq"))}


def catalogue() -> dict[str, CannedQuery]:
    """Every canned query by name (the internal ones left out)."""
    return {name: query for name, query in _every_query().items() if not query.internal}


def internal(name: str) -> CannedQuery:
    """The core's own query or fragment ``name`` (a file marked ``# internal`` or ``# fragment``)."""
    query = _every_query().get(name)
    if query is None or not query.internal:
        raise FardplanError(f"no internal query named {name!r}")
    return query


def get(name: str) -> CannedQuery:
    """The canned query ``name``; an unknown name is an error listing the known ones."""
    queries = catalogue()
    if name not in queries:
        raise FardplanError(f"no canned query named {name!r}; known: {', '.join(queries) or '(none)'}")
    return queries[name]
