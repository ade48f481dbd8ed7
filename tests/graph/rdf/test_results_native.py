"""SELECT answers written by pyoxigraph's serializer (graph.rdf.results.serialize_solutions) and the row cap around it:
the same rows as the term writers, and a cut answer exactly when more rows than the cap exist."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from graph.http.negotiation import Writer
from graph.rdf.results import serialize_solutions
from graph.store import EmbeddedStore
from graph.store import limits as bounded
from graph.store.evaluate import materialise

EX = "http://example.org/"
KINDS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values"}
# Literals full of what the row counting looks for: they may make it cautious, never wrong.
TRICKY = ['"type": [{} ,{} <result> \n\t', "plain", 'e":,{}', "x}},{", "<result/>\r\n"]
SR = "{http://www.w3.org/2005/sparql-results#}"
ROWS = 600  # spans many of the serializer's 8 KB chunks


def make_store(literals: list[str]) -> EmbeddedStore:
    store = EmbeddedStore()
    store.insert([ox.Quad(ox.NamedNode(f"{EX}s{i:04d}"), ox.NamedNode(f"{EX}p"),
                          ox.Literal(literals[i % len(literals)] * (1 + i % 40))) for i in range(ROWS)])
    return store


@pytest.fixture(scope="module")
def plain() -> EmbeddedStore:
    return make_store(["plain text", "en annan text", "tredje"])


@pytest.fixture(scope="module")
def tricky() -> EmbeddedStore:
    return make_store(TRICKY)


def rows(body: bytes, kind: str) -> int:
    if kind == "json":
        return len(json.loads(body)["results"]["bindings"])
    if kind == "xml":
        return len(ET.fromstring(body).findall(f"{SR}results/{SR}result"))
    if kind == "csv":
        return len(list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))) - 1
    return body.decode("utf-8").count("\n") - 1


@pytest.mark.parametrize("kind", KINDS)
def test_native_body_has_every_row_up_to_the_cap(plain, kind):
    query = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"
    for limit in (1, 37, ROWS):
        body = serialize_solutions(plain._store.query(query + f" LIMIT {limit}"), kind, limit)
        assert body is not None and rows(body, kind) == limit
    assert serialize_solutions(plain._store.query(query), kind, ROWS - 1) is None


def test_native_json_matches_the_term_writer(tricky):
    text = "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <urn:x> ?none } } ORDER BY ?s LIMIT 50"
    native = serialize_solutions(tricky._store.query(text), "json", 10_000)
    answer, truncated = materialise(tricky.native.query(text), 10_000)
    body, media = Writer(KINDS["json"], None)(answer)
    assert native is not None and not truncated and media == KINDS["json"]
    assert json.loads(native) == json.loads(body)


def test_empty_rows_count_as_rows(plain):
    text = "SELECT ?none WHERE { ?s ?p ?o OPTIONAL { ?s <urn:x> ?none } }"
    assert serialize_solutions(plain._store.query(text), "json", ROWS - 1) is None
    body = serialize_solutions(plain._store.query(text), "json", ROWS)
    assert body is not None and rows(body, "json") == ROWS


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["plain", "tricky"])
def test_bounded_run_cuts_at_the_cap_and_says_so(request, name, kind):
    store = request.getfixturevalue(name)
    writer = Writer(KINDS[kind], None)
    for cap, truncated in ((ROWS - 1, True), (ROWS, False), (10_000, False)):
        result = bounded.run(store, "SELECT ?s ?o WHERE { ?s ?p ?o }", timeout_s=10, max_rows=cap, render=writer)
        body, media = result.rendered
        assert result.truncated is truncated and media == KINDS[kind]
        assert rows(body, kind) == min(cap, ROWS)
