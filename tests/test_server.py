"""The production web server (graph/serve.py): waitress, keep-alive, its settings, and how app.py and
``fardplan serve`` start it (``--debug`` keeps Dash's development server)."""

from __future__ import annotations

import http.client
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from graph.serve import create_server
from graph.settings import Settings
from tests.servers import free_port

ROOT = Path(__file__).resolve().parent.parent


def _hello(environ, start_response):
    body = f"hello {environ['PATH_INFO']}".encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


@contextmanager
def serving(app, settings: Settings) -> Iterator[object]:
    server = create_server(app, settings, port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.close()
        thread.join(timeout=10)


def test_keeps_the_connection_alive_between_requests() -> None:
    with serving(_hello, Settings()) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
        answers = []
        for path in ("/a", "/b", "/c"):
            conn.request("GET", path)
            response = conn.getresponse()
            answers.append((response.status, response.read(), response.getheader("Server"), response.will_close))
        conn.close()
    assert answers == [(200, f"hello {p}".encode(), "fardplan", False) for p in ("/a", "/b", "/c")]


def test_binds_loopback_and_takes_its_threads_from_the_settings(monkeypatch) -> None:
    monkeypatch.setenv("FARDPLAN_SERVER_THREADS", "3")
    settings = Settings.from_env()
    assert settings.host == "127.0.0.1"
    with serving(_hello, settings) as server:
        assert server.effective_host == "127.0.0.1"
        assert server.adj.threads == 3
        assert server.adj.connection_limit == settings.server_connection_limit
        assert server.adj.channel_timeout == settings.server_idle_timeout_s


@pytest.mark.parametrize("name", ["server_threads", "server_connection_limit", "server_idle_timeout_s"])
def test_a_bad_server_setting_names_itself(name) -> None:
    with pytest.raises(ValueError, match=f"{name} \\(FARDPLAN_{name.upper()}\\) must be at least 1"):
        create_server(_hello, Settings(**{name: 0}), port=0)


@contextmanager
def started(command: list[str], port: int, log: Path) -> Iterator[requests.Response]:
    """``command`` from the repository until ``/`` answers; yields that answer."""
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            response = None
            while response is None:
                assert proc.poll() is None, log.read_text("utf-8", "replace")
                try:
                    response = requests.get(f"http://127.0.0.1:{port}/", timeout=10)
                except requests.RequestException:
                    assert time.monotonic() < deadline, log.read_text("utf-8", "replace")
                    time.sleep(0.3)
            yield response
        finally:
            proc.terminate()
            proc.wait(timeout=15)


@pytest.mark.parametrize("entry", [["app.py"], ["-m", "graph.cli", "serve"]], ids=["app.py", "fardplan serve"])
def test_serves_through_the_production_server(entry, tmp_path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    with started([sys.executable, *entry, "--store", "memory", "--port", str(port)], port, log) as response:
        assert response.status_code == 200
        assert response.headers["Server"] == "fardplan"
        sparql = requests.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"},
                              headers={"Accept": "application/sparql-results+json"}, timeout=10)
        assert sparql.json() == {"head": {}, "boolean": True}
    text = log.read_text("utf-8", "replace")
    assert f"serving on http://127.0.0.1:{port}/ with 8 threads" in text
    assert "development server" not in text


def test_debug_keeps_dashs_development_server(tmp_path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    command = [sys.executable, "app.py", "--store", "memory", "--port", str(port), "--debug"]
    with started(command, port, log) as response:
        assert response.status_code == 200
        assert response.headers["Server"].startswith("Werkzeug/")
    text = log.read_text("utf-8", "replace")
    assert "Debug mode: on" in text or "debug" in text.lower()
    assert "serving on" not in text
