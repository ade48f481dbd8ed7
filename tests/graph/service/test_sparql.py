"""The SPARQL page's service (graph.service.sparql) without a browser: answers, errors, limits, examples, downloads."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pyoxigraph as ox
import pytest

from graph.errors import FardplanError
from graph.service.sparql import download, examples, run_query, starter_text
from graph.settings import Settings
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI, sparql_prologue

SETTINGS = Settings(store="memory")
STRATEGIES = examples()[[e["name"] for e in examples()].index("strategies_per_goal_area")]["text"]


def _json_roundtrip(result: dict) -> dict:
    return json.loads(json.dumps(result))


def test_select_returns_plain_rows(seed_store):
    result = run_query(seed_store, STRATEGIES, SETTINGS)
    assert result["ok"] and result["kind"] == "select" and result["error"] is None
    assert result["columns"] == ["goalArea", "goalAreaLabel", "notation", "strategy", "label"]
    assert len(result["rows"]) == 23 and not result["truncated"]
    notations = [row[2]["value"] for row in result["rows"]]
    assert "DT.VI" in notations and "UU.I" in notations
    label = result["rows"][0][4]
    assert label["type"] == "literal" and label["lang"] == "sv"
    assert result["rows"][0][3] == {"type": "uri", "value": result["rows"][0][3]["value"]}
    assert result["rows"][0][3]["value"].startswith(ID_IRI + "strategy/")
    assert result["elapsed_ms"] > 0
    assert _json_roundtrip(result) == result


def test_unbound_cells_are_none(seed_store):
    text = "SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 UNDEF) } }"
    result = run_query(seed_store, text, SETTINGS)
    assert result["rows"] == [[{"type": "literal", "value": "1",
                                "datatype": "http://www.w3.org/2001/XMLSchema#integer"}, None]]


def test_ask(seed_store):
    yes = run_query(seed_store, sparql_prologue() + "ASK { fpid:org\\/polisen ?p ?o }", SETTINGS)
    no = run_query(seed_store, "ASK { <urn:nothing> ?p ?o }", SETTINGS)
    assert yes["kind"] == "ask" and yes["boolean"] is True and yes["rows"] == []
    assert no["ok"] and no["boolean"] is False


def test_construct_gives_drawable_triples_with_labels(seed_store):
    text = sparql_prologue() + "DESCRIBE fpid:org\\/polisen"
    result = run_query(seed_store, text, SETTINGS)
    assert result["ok"] and result["kind"] == "graph"
    assert result["triple_count"] == len(result["triples"]) > 0 and result["note"] is None
    subjects = {t["s"]["value"] for t in result["triples"]}
    assert subjects == {ID_IRI + "org/polisen"}
    assert result["labels"][ID_IRI + "org/polisen"] == "Polisen"
    assert all(set(t) == {"s", "p", "o"} and t["p"]["type"] == "uri" for t in result["triples"])
    assert _json_roundtrip(result) == result


def test_construct_is_capped_at_the_element_budget(seed_store):
    settings = replace(SETTINGS, max_elements=50)
    result = run_query(seed_store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", settings)
    assert result["triple_count"] == seed_store.count() > 50
    nodes = {t["s"]["value"] for t in result["triples"]}
    nodes |= {t["o"]["value"] if t["o"]["type"] != "literal" else id(t) for t in result["triples"]}
    assert len(nodes) + len(result["triples"]) <= 50
    assert result["note"] == {"shown": len(result["triples"]), "total": result["triple_count"], "max_elements": 50}


def test_syntax_error_has_line_and_column(seed_store):
    text = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FITLER (?s = 1)\n}\n"
    result = run_query(seed_store, text, SETTINGS)
    assert not result["ok"] and result["kind"] is None
    error = result["error"]
    assert error["kind"] == "syntax" and error["line"] == 3 and error["column"] > 1
    assert error["message"]


@pytest.mark.parametrize("text, keyword_line", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 1),
    ("PREFIX ex: <urn:x>\nDELETE WHERE { ?s ?p ?o }", 2),
    ("SELECT * WHERE {\n  SERVICE <http://example.org/sparql> { ?s ?p ?o }\n}", 2),
    ("LOAD <http://example.org/data.ttl>", 1),
])
def test_updates_service_and_load_are_refused(seed_store, text, keyword_line):
    before = seed_store.count()
    error = run_query(seed_store, text, SETTINGS)["error"]
    assert error["kind"] == "refused" and error["line"] == keyword_line
    assert "not allowed" in error["message"]
    assert seed_store.count() == before


def test_empty_query_is_an_error(seed_store):
    assert run_query(seed_store, "  \n ", SETTINGS)["error"]["kind"] == "empty"


def test_timeout_stops_a_long_query():
    store = EmbeddedStore()
    ex = "https://example.org/"
    store.insert([ox.Quad(ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(f"{ex}p{i % 7}"), ox.Literal(str(i)))
                  for i in range(20_000)])
    settings = replace(SETTINGS, query_timeout_s=0.3)
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    result = run_query(store, text, settings)
    assert not result["ok"] and result["error"]["kind"] == "timeout"
    assert 250 <= result["elapsed_ms"] < 5_000


def test_rows_are_truncated_at_max_rows(seed_store):
    result = run_query(seed_store, STRATEGIES, replace(SETTINGS, max_rows=5))
    assert result["ok"] and result["truncated"] and len(result["rows"]) == 5


def test_every_example_runs_as_it_stands(seed_store):
    found = examples("sv")
    assert len(found) >= 10
    for example in found:
        assert example["title"] and example["text"].startswith("PREFIX fp:")
        result = run_query(seed_store, example["text"], SETTINGS)
        assert result["ok"], (example["name"], result["error"])
        if example["params"]:
            assert "inskrivna i frågan" in example["text"] and result["rows"], example["name"]
            assert all(f"<{p['default']}>" in example["text"] for p in example["params"]), example["name"]


def test_examples_fill_params_with_seed_iris_and_speak_english():
    by_name = {e["name"]: e for e in examples("en")}
    actors = by_name["actors_for_strategy"]
    assert actors["title"] == "Actors reaching a strategy"
    assert actors["params"] == [{"name": "strategy", "type": "iri", "default": ID_IRI + "strategy/DT.VI"}]
    assert f"<{ID_IRI}strategy/DT.VI>" in actors["text"] and "# Parameters, written into the query" in actors["text"]
    assert actors["text"].count("PREFIX fp:") == 1
    assert by_name["strategies_per_goal_area"]["description"].startswith("The Färdplan's 23 strategies")


def test_starter_text_has_every_prefix_and_runs(seed_store):
    text = starter_text()
    assert text.startswith(sparql_prologue())
    assert run_query(seed_store, text, SETTINGS)["rows"]


def test_downloads_in_standard_formats(seed_store):
    table = download(seed_store, STRATEGIES, SETTINGS, "csv")
    rows = list(csv.reader(io.StringIO(table["content"])))
    assert rows[0] == ["goalArea", "goalAreaLabel", "notation", "strategy", "label"] and len(rows) == 24
    assert table["filename"].endswith(".csv") and table["type"] == "text/csv"
    data = json.loads(download(seed_store, STRATEGIES, SETTINGS, "json")["content"])
    assert len(data["results"]["bindings"]) == 23
    assert json.loads(download(seed_store, "ASK { ?s ?p ?o }", SETTINGS, "json")["content"])["boolean"] is True
    describe = sparql_prologue() + "DESCRIBE fpid:org\\/polisen"
    turtle = download(seed_store, describe, SETTINGS, "ttl")
    assert turtle["type"] == "text/turtle" and "Polisen" in turtle["content"]
    with pytest.raises(FardplanError):
        download(seed_store, "ASK { ?s ?p ?o }", SETTINGS, "csv")


def test_the_graphs_prefixes_need_not_be_declared(seed_store):
    from graph.service.sparql import run_query
    from graph.settings import Settings

    result = run_query(seed_store, "SELECT ?s WHERE { ?s a fp:Project }", Settings(store="memory"))
    assert result["ok"] and len(result["rows"]) == 7
    error = run_query(seed_store, "SELECT ?s WHERE {\n  ?s a fp:Project FITLER }", Settings(store="memory"))["error"]
    assert error["line"] == 2
