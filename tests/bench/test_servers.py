"""The endpoint benchmark's servers and load generator: every variant of our endpoint answers, the load keeps its
connections alive, and the explorer requests it sends are the ones Dash's renderer sends (HTTP 200, no error)."""

from __future__ import annotations

import json

import pytest

from bench import servers
from graph.rdf.formats import FORMATS, serialize
from graph.settings import Settings
from ui.app import create_app

pytestmark = pytest.mark.server

WORK = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d a ?t }"  # every triple × every typed node of the seed


@pytest.fixture(scope="module")
def seed_nt(tmp_path_factory, seed_store):
    path = tmp_path_factory.mktemp("bench-servers") / "seed.nt"
    path.write_bytes(serialize(list(seed_store.quads()), FORMATS["nt"], {}))
    return path


@pytest.mark.parametrize("server", servers.OUR_SERVERS)
def test_each_server_variant_answers_over_kept_connections(server, seed_nt) -> None:
    queries = ["ASK {}", "SELECT ?s WHERE { ?s a <https://w3id.org/fardplan/ns#Strategy> }"]
    with servers.our_endpoint(seed_nt, server) as url:
        before = servers.cpu_seconds(url)
        result = servers.hammer(url, queries, 40, 2, timeout_s=30, max_wall_s=60)
        # 40 tiny answers may cost less than one clock tick (10 ms) of CPU; one count over 2.7M rows (~0.2 s)
        # makes the load certain to show in the process tree's CPU time
        counted = servers.hammer(url, [WORK], 1, 1, timeout_s=30, max_wall_s=60)
        after = servers.cpu_seconds(url)
    assert servers.cpu_seconds(url) is None  # stopped: no longer known
    assert 0 < before < after  # the server's process tree: start-up, then the load
    assert (result["ok"], result["errors"], result["first_error"]) == (40, 0, "")
    assert (counted["ok"], counted["errors"]) == (1, 0)
    assert result["connections"] == 2  # one per client thread: keep-alive held


def test_the_explorer_calls_are_what_dash_answers(seed_store) -> None:
    app = create_app(Settings(store="memory"), store=seed_store)
    client = app.server.test_client()
    for method, path, body in servers.EXPLORER_CALLS:
        response = client.open(path, method=method, data=body,
                               headers={"Content-Type": "application/json"} if body else {})
        assert response.status_code == 200, (path, response.data[:300])
        if body:
            answer = json.loads(response.data)
            assert answer["multi"] is True and answer["response"], path
            assert "callback-error" not in response.get_data(as_text=True), path
