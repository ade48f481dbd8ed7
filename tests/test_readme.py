"""The README's SPARQL examples run as written, through the CLI and the endpoint, and answer something."""

from __future__ import annotations

import json
import re

import pytest
from flask import Flask

from graph.cli.main import main
from graph.http.endpoint import register_routes
from graph.settings import PROJECT_DIR, Settings

BLOCKS = re.findall(r"```sparql\n(.*?)```", (PROJECT_DIR / "README.md").read_text(encoding="utf-8"), re.DOTALL)


def test_the_readme_has_sparql_examples():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("sparql", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_each_example_runs_with_fardplan_query(capsys, sparql):
    assert main(["query", sparql, "--store", "memory", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert rows, "the example answers nothing on the seed graph"


@pytest.fixture(scope="module")
def endpoint_client(seed_store):
    app = Flask(__name__)
    register_routes(app, seed_store, Settings(store="memory"))
    return app.test_client()


@pytest.mark.parametrize("sparql", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_each_example_runs_through_the_endpoint(endpoint_client, sparql):
    response = endpoint_client.post("/sparql", data={"query": sparql},
                                    headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["results"]["bindings"]
