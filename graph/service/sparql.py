"""The SPARQL page's service: run a query typed by a person, within limits, as plain JSON-safe data; downloads of
the same answer in standard formats; and the canned queries as runnable examples.

Every query goes through :func:`graph.store.limits.run` (the policy check, the time limit, the row cap). Nothing here
imports Dash: the page (``ui/pages/sparql.py``) maps the plain data to components.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pyoxigraph as ox

from graph import queries
from graph.errors import FardplanError, QueryError
from graph.rdf.formats import rdf_format, serialize
from graph.rdf.results import to_csv, to_json
from graph.rdf.terms import to_plain
from graph.service.model import Cell, Download, Example, QueryResult, TripleCells
from graph.settings import Settings
from graph.store import Solutions, Store
from graph.store import limits as bounded
from graph.vocab.namespaces import ID_IRI, PREFIXES, sparql_prologue

__all__ = ["DEFAULTS", "STARTER", "download", "examples", "run_query", "starter_text"]

STARTER = "SELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n}\nLIMIT 25\n"

# Parameter values from the seed data, so that every example runs as it stands (by parameter name).
_POLISEN = ID_IRI + "org/polisen"
_SOCIAL = ID_IRI + "org/socialtjansten"
DEFAULTS: dict[str, str] = {
    "strategy": ID_IRI + "strategy/DT.VI",
    "actor": _POLISEN, "actorA": _POLISEN, "actor_a": _POLISEN,
    "actorB": _SOCIAL, "actor_b": _SOCIAL,
    "subject": _POLISEN,
    "predicate": PREFIXES["fp"] + "participatesIn",
    "object": ID_IRI + "project/sociala-insatsgruppen",
}
_PARAM_NOTE = {"sv": "# Parametrar, inskrivna i frågan: {}. Byt dem där de står för att fråga om något annat.",
               "en": "# Parameters, written into the query: {}. Change them where they stand to ask about something "
                     "else."}
_LABEL_PREDICATES = (PREFIXES["skos"] + "prefLabel", PREFIXES["rdfs"] + "label")


def starter_text() -> str:
    """What the editor shows first: every prefix of the graph and a small query."""
    return sparql_prologue() + "\n" + STARTER


def _cell(term: Any) -> Cell | None:
    """A term as ``{"type", "value", "lang"?, "datatype"?}`` (None when unbound)."""
    plain = to_plain(term)
    if plain is None:
        return None
    if "xml:lang" in plain:
        plain["lang"] = plain.pop("xml:lang")
    return plain


def _empty_result() -> QueryResult:
    return {"ok": False, "kind": None, "columns": [], "rows": [], "boolean": None, "triples": [], "labels": {},
            "triple_count": 0, "note": None, "truncated": False, "elapsed_ms": 0, "error": None}


def _drawable(triples: list[TripleCells], max_elements: int) -> list[TripleCells]:
    """The leading triples whose nodes and edges fit in ``max_elements`` (a literal is a node per triple)."""
    nodes: set[str] = set()
    kept = []
    for triple in triples:
        new = {n for n in (triple["s"]["value"], _object_id(triple)) if n not in nodes}
        if len(nodes) + len(new) + len(kept) + 1 > max_elements:
            break
        nodes |= new
        kept.append(triple)
    return kept


def _object_id(triple: TripleCells) -> str:
    """The graph node id of a triple's object: the IRI or blank node, or one node per literal occurrence."""
    obj = triple["o"]
    if obj["type"] == "literal":
        return f"literal:{triple['s']['value']}|{triple['p']['value']}|{obj['value']}|{obj.get('lang', '')}"
    return obj["value"]


def _labels(triples: list[TripleCells]) -> dict[str, str]:
    """Node labels found in the answer itself: ``skos:prefLabel`` / ``rdfs:label``, Swedish first."""
    found: dict[str, tuple[int, str]] = {}
    for t in triples:
        if t["p"]["value"] in _LABEL_PREDICATES and t["o"]["type"] == "literal":
            rank = {"sv": 0, "en": 2}.get(t["o"].get("lang", ""), 1)
            if t["s"]["value"] not in found or rank < found[t["s"]["value"]][0]:
                found[t["s"]["value"]] = (rank, t["o"]["value"])
    return {iri: label for iri, (_, label) in found.items()}


def with_known_prefixes(text: str) -> tuple[str, int]:
    """``text`` with a ``PREFIX`` line for each of the graph's prefixes it does not declare itself, and the
    number of lines added (so error positions can be given in the user's own lines).

    >>> with_known_prefixes("PREFIX fp: <urn:x#> SELECT * { ?s a fp:Project }")[0].count("PREFIX fp:")
    1
    """
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, re.IGNORECASE)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p.lower() not in declared]
    return ("\n".join(lines) + "\n" + text if lines else text), len(lines)


def run_query(store: Store, text: str, settings: Settings) -> QueryResult:
    """Run ``text`` within ``settings``' limits; the answer or the error as plain data
    (:class:`~graph.service.model.QueryResult`).

    ``kind`` is ``select`` (``columns``, ``rows`` of cells or None), ``ask`` (``boolean``) or ``graph``
    (``triples`` as ``{"s", "p", "o"}`` cells, at most what draws in ``settings.max_elements`` elements;
    ``triple_count`` is how many the answer had and ``note`` says when fewer are drawn). ``truncated``: the
    answer stopped at ``settings.max_rows``. ``error``: the one error shape
    (:meth:`graph.errors.FardplanError.to_dict`; ``kind`` ``empty`` for a blank query).
    """
    result = _empty_result()
    if not text or not text.strip():
        result["error"] = {**QueryError("the query is empty").to_dict(), "kind": "empty"}
        return result
    start = time.perf_counter()
    full_text, added = with_known_prefixes(text)
    try:
        answer = bounded.run(store, full_text, timeout_s=settings.query_timeout_s, max_rows=settings.max_rows)
    except FardplanError as exc:
        result["error"] = exc.to_dict()
        if result["error"].get("line") is not None and result["error"]["line"] > added:
            result["error"]["line"] -= added
        return result
    finally:
        result["elapsed_ms"] = round((time.perf_counter() - start) * 1000, 1)
    result["ok"], result["truncated"] = True, answer.truncated
    if isinstance(answer.answer, bool):
        result["kind"], result["boolean"] = "ask", answer.answer
    elif isinstance(answer.answer, Solutions):
        result["kind"], result["columns"] = "select", list(answer.answer.variables)
        result["rows"] = [[_cell(term) for term in row] for row in answer.answer.rows]
    else:
        triples: list[TripleCells] = [{"s": _cell(t.subject), "p": _cell(t.predicate), "o": _cell(t.object)}
                                      for t in answer.answer]
        drawn = _drawable(triples, settings.max_elements)
        result.update(kind="graph", triples=drawn, triple_count=len(triples), labels=_labels(triples))
        if len(drawn) < len(triples):
            result["note"] = {"shown": len(drawn), "total": len(triples), "max_elements": settings.max_elements}
    return result


DOWNLOAD_TYPES = {"csv": "text/csv", "json": "application/sparql-results+json", "ttl": "text/turtle",
                  "jsonld": "application/ld+json"}


def download(store: Store, text: str, settings: Settings, fmt: str) -> Download:
    """The answer of ``text`` as a file: ``{"filename", "content", "type"}``.

    SELECT: ``csv`` (SPARQL CSV) or ``json`` (SPARQL JSON); ASK: ``json``; CONSTRUCT/DESCRIBE: ``ttl``, ``json``
    (JSON-LD) or ``csv`` (one s,p,o row per triple). Raises :class:`FardplanError` for anything else.
    """
    answer = bounded.run(store, with_known_prefixes(text)[0], timeout_s=settings.query_timeout_s,
                         max_rows=settings.max_rows).answer
    if isinstance(answer, list):
        if fmt == "csv":
            rows = Solutions(["s", "p", "o"], [(t.subject, t.predicate, t.object) for t in answer])
            return {"filename": "fardplan-graf.csv", "content": to_csv(rows), "type": DOWNLOAD_TYPES["csv"]}
        name = {"ttl": "ttl", "json": "jsonld"}.get(fmt)
        if name is None:
            raise FardplanError(f"a graph answer downloads as ttl, json or csv, not {fmt!r}")
        quads = [ox.Quad(t.subject, t.predicate, t.object) for t in answer]
        content = serialize(quads, rdf_format(name), PREFIXES).decode("utf-8")
        return {"filename": f"fardplan-graf.{name}", "content": content, "type": DOWNLOAD_TYPES[name]}
    if fmt == "json":
        return {"filename": "fardplan-svar.json", "content": to_json(answer), "type": DOWNLOAD_TYPES["json"]}
    if fmt == "csv" and not isinstance(answer, bool):
        return {"filename": "fardplan-svar.csv", "content": to_csv(answer), "type": DOWNLOAD_TYPES["csv"]}
    raise FardplanError(f"this answer does not download as {fmt!r}")


def _without_repeated_prefixes(text: str) -> str:
    """Drop ``PREFIX`` lines that repeat an earlier one word for word (the prologue and the file both have them);
    a blank line then separates the prefixes from the query."""
    seen: set[str] = set()
    head, body = [], []
    for line in text.splitlines():
        key = " ".join(line.split())
        if key.upper().startswith("PREFIX ") and not body:
            if key not in seen:
                seen.add(key)
                head.append(line)
        elif body or key:
            body.append(line)
    return "\n".join(head) + ("\n\n" if head else "") + "\n".join(body).rstrip() + "\n"


def _with_defaults(query: queries.CannedQuery, lang: str) -> str:
    """The query text with its parameters written in as seed-data defaults (:meth:`CannedQuery.sparql`, as the
    explorer runs it) and a closing note naming them; a parameter without a default is left as a variable."""
    known = {name: DEFAULTS[name] for name, _ in query.params if name in DEFAULTS}
    complete = len(known) == len(query.params)
    text = _without_repeated_prefixes(query.sparql(known) if complete else query.text)
    if not query.params:
        return text
    note = _PARAM_NOTE.get(lang, _PARAM_NOTE["sv"])
    lines = [note.format(", ".join(f"{name} = <{known.get(name, '?')}>" for name, _ in query.params))]
    if not complete:
        lines += [f"# VALUES ?{name} {{ <{DEFAULTS.get(name, 'IRI')}> }}" for name, _ in query.params]
    return text + "\n".join(lines) + "\n"


def examples(lang: str = "sv") -> list[Example]:
    """Every canned query as an example: ``name``, ``title``, ``description``, ``text`` (runnable as it stands,
    parameters filled with :data:`DEFAULTS`) and ``params`` (``{"name", "type", "default"}``)."""
    lang = lang if lang in ("sv", "en") else "sv"
    out: list[Example] = []
    for query in queries.catalogue().values():
        out.append({
            "name": query.name,
            "title": query.title.get(lang) or query.title.get("sv") or query.name,
            "description": query.description.get(lang) or query.description.get("sv", ""),
            "text": _with_defaults(query, lang),
            "params": [{"name": n, "type": t, "default": DEFAULTS.get(n)} for n, t in query.params],
        })
    return out
