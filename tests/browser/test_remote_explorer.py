"""The explorer with ``--store http://…``: everything runs against a real remote ``oxigraph serve``.

One ``oxigraph serve`` process holds the seed data; the app (``ui.app.create_app``) talks to it only over SPARQL
1.1 Protocol. Checked over HTTP (Dash endpoints, ``/sparql``, ``/queries``), through the SPARQL page's service,
and in a real browser (the explorer draws the graph, the SPARQL page runs an example).
"""

from __future__ import annotations

import json

import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from graph.load.loader import ensure_seeded
from graph.service.sparql import examples, run_query
from graph.settings import Settings
from graph.store import RemoteStore, open_store
from graph.vocab.namespaces import sparql_prologue
from tests.browser.test_sparql import DATA_ROWS, open_page, pick_example, wait_rows
from tests.support.servers import oxigraph_server, wsgi_server
from ui.app import create_app

pytestmark = pytest.mark.server

STRATEGY_COUNT = sparql_prologue() + "SELECT (COUNT(?s) AS ?n) WHERE { ?s a fp:Strategy }"


@pytest.fixture(scope="module")
def remote():
    """``{"store_url", "store", "app"}``: a seeded remote oxigraph and the explorer served on top of it."""
    with oxigraph_server() as base:
        store_url = base + "/query"
        store = open_store(store_url)
        ensure_seeded(store)
        app = create_app(Settings(store=store_url), store=store)
        with wsgi_server(app.server) as app_base:
            yield {"store_url": store_url, "store": store, "app": app_base}


def test_the_data_lives_in_the_remote_store(remote):
    assert isinstance(remote["store"], RemoteStore)
    direct = requests.post(remote["store_url"], data=STRATEGY_COUNT.encode(), timeout=10,
                           headers={"Content-Type": "application/sparql-query",
                                    "Accept": "application/sparql-results+json"})
    assert direct.ok
    assert direct.json()["results"]["bindings"][0]["n"]["value"] == "23"


def test_explorer_page_and_dash_endpoints_answer(remote):
    base = remote["app"]
    index = requests.get(base + "/", timeout=10)
    assert index.status_code == 200 and "Färdplan Explorer" in index.text
    layout = requests.get(base + "/_dash-layout", timeout=10)
    assert layout.status_code == 200 and "shell" in layout.text
    dependencies = requests.get(base + "/_dash-dependencies", timeout=10).json()
    assert any("explore-graph.elements" in d["output"] for d in dependencies)
    assert requests.get(base + "/fraga", timeout=10).status_code == 200
    assert requests.get(base + "/assets/sparql-editor.js", timeout=10).status_code == 200


def test_sparql_endpoint_answers_sparqlwrapper(remote):
    client = SPARQLWrapper(remote["app"] + "/sparql")
    client.setQuery(STRATEGY_COUNT)
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    assert answer["results"]["bindings"][0]["n"]["value"] == "23"


def test_sparql_endpoint_refuses_service(remote):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = requests.get(remote["app"] + "/sparql", params={"query": query}, timeout=10)
    assert response.status_code == 403


def test_canned_query_over_http(remote):
    response = requests.get(remote["app"] + "/queries/strategies_per_goal_area", timeout=20)
    assert response.status_code == 200
    rows = json.loads(response.text)["results"]["bindings"]
    assert len(rows) == 23 and {r["notation"]["value"] for r in rows} >= {"DT.VI", "UU.I"}


def test_sparql_page_service_on_the_remote_store(remote):
    settings = Settings(store=remote["store_url"])
    text = next(e["text"] for e in examples() if e["name"] == "strategies_per_goal_area")
    select = run_query(remote["store"], text, settings)
    assert select["ok"] and len(select["rows"]) == 23
    error = run_query(remote["store"], "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FITLER (?s = 1)\n}\n", settings)["error"]
    assert error["kind"] == "syntax" and error["line"] == 3
    graph = run_query(remote["store"], sparql_prologue() + "DESCRIBE fpid:org\\/polisen", settings)
    assert graph["kind"] == "graph" and graph["labels"]
    assert run_query(remote["store"], "LOAD <http://127.0.0.1:9/x.ttl>", settings)["error"]["kind"] == "refused"


@pytest.mark.browser
def test_browser_explorer_draws_and_sparql_page_runs(remote, page):
    page.goto(remote["app"])
    page.wait_for_function("() => window.cy && window.cy.nodes().length > 0", timeout=60_000)
    assert page.evaluate("() => window.cy.nodes().length") > 10
    open_page(page, remote["app"] + "/fraga")
    pick_example(page, "Strategier per målområde")
    page.click("#sparql-run")
    wait_rows(page, 23)
    assert page.locator(DATA_ROWS).count() == 23
    assert page.console_errors == []
