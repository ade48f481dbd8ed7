"""One error shape everywhere (graph.errors.FardplanError.to_dict), as datasette's test_error_shape checks it:
the CLI with ``--format json``, ``/sparql``, ``/queries/NAME``, ``/id/…``, and the SPARQL page's service all
answer an error with the same keys, and each kind of failure with its own ``kind`` and status."""

from __future__ import annotations

import json

import pytest

from graph.cli.main import main
from graph.errors import (
    CurationError,
    ErrorDict,
    FardplanError,
    HttpError,
    Location,
    NodeNotFound,
    QueryError,
    QueryRefused,
    QueryTimeout,
    QueryTooLarge,
    RdfSyntaxError,
    ShapeViolation,
    StoreError,
    Violation,
)
from graph.service.sparql import run_query
from graph.settings import Settings
from ui.app import create_app

SHAPE = set(ErrorDict.__annotations__)


def _check(data: dict, kind: str, status: int) -> None:
    assert set(data) == SHAPE
    assert data["ok"] is False and data["kind"] == kind and data["status"] == status
    assert data["error"] and data["message"] and data["errors"]


@pytest.mark.parametrize(("exc", "kind", "status"), [
    (QueryError("bad", 1, 8), "syntax", 400),
    (QueryError("cannot run"), "query", 400),
    (QueryTimeout("slow"), "timeout", 503),
    (QueryTooLarge("big"), "too_large", 507),
    (QueryRefused("SERVICE"), "refused", 403),
    (ShapeViolation([Violation("ex:a", "needs a label")]), "shape", 422),
    (RdfSyntaxError("bad token", Location("a.ttl", 3, 4)), "rdf_syntax", 400),
    (StoreError("down"), "store", 503),
    (NodeNotFound("Nobody"), "not_found", 404),
    (CurationError("no quote"), "curation", 400),
    (HttpError("not acceptable", 406), "http", 406),
    (FardplanError("other"), "error", 400),
])
def test_every_error_has_the_one_shape(exc, kind, status):
    _check(exc.to_dict(), kind, status)


def test_places_are_named_when_known():
    assert QueryError("bad", 1, 8).to_dict()["line"] == 1
    assert RdfSyntaxError("bad", Location("a.ttl", 3, 4)).to_dict()["column"] == 4
    assert StoreError("down").to_dict()["line"] is None
    assert ShapeViolation([Violation("ex:a", "m1"), Violation("ex:b", "m2")]).to_dict()["errors"] == [
        "Violation: ex:a: m1", "Violation: ex:b: m2"]


@pytest.fixture(scope="module")
def client(seed_store):
    return create_app(Settings(), store=seed_store).server.test_client()


def test_http_endpoints_answer_with_the_shape(client):
    _check(client.get("/sparql", query_string={"query": "SELECT * WHERE {"}).get_json(), "syntax", 400)
    refused = client.get("/sparql", query_string={"query": "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"})
    _check(refused.get_json(), "refused", 403)
    _check(client.get("/queries/no_such_query").get_json(), "not_found", 404)
    _check(client.get("/sparql", headers={"Accept": "image/png"},
                      query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}).get_json(), "http", 406)


def test_the_sparql_page_service_answers_with_the_shape(seed_store):
    _check(run_query(seed_store, "SELECT * WHERE {", Settings())["error"], "syntax", 400)
    assert set(run_query(seed_store, " ", Settings())["error"]) == SHAPE


def test_the_cli_prints_the_shape_on_stderr_with_format_json(capsys):
    assert main(["query", "--store", "memory", "--format", "json", "SELECT * WHERE {"]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # standard output is for data only
    _check(json.loads(err.splitlines()[-1]), "syntax", 400)
    assert main(["actors", "--store", "memory", "--format", "json", "No such strategy"]) == 2
    _check(json.loads(capsys.readouterr().err.splitlines()[-1]), "not_found", 404)
