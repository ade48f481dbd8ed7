"""The production web server (graph/serve.py): granian, keep-alive, its settings, and how app.py and
``fardplan serve`` start it (``--debug`` keeps Dash's development server)."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
import requests

from graph.errors import FardplanError
from graph.http.server import check, threads_for
from graph.settings import Settings
from tests.support.paths import ROOT
from tests.support.servers import free_port


def test_threads_default_to_four_per_cpu_plus_one_and_at_least_nine() -> None:
    assert threads_for(Settings()) == max(9, 4 * (os.cpu_count() or 1) + 1)
    assert threads_for(Settings(server_threads=3)) == 3


@pytest.mark.parametrize(("name", "value", "words"), [
    ("server_workers", 0, "must be at least 1"),
    ("server_backlog", 0, "must be at least 1"),
    ("server_threads", -1, "must be 0 (automatic) or more"),
    ("server_workers", 2, "is embedded: one process opens it"),
])
def test_a_bad_server_setting_names_itself(name, value, words) -> None:
    with pytest.raises(FardplanError) as caught:
        check(Settings(store="memory", **{name: value}))
    assert f"{name} (FARDPLAN_{name.upper()})" in str(caught.value)
    assert words in str(caught.value)


def test_more_workers_are_allowed_with_a_remote_store() -> None:
    check(Settings(store="http://127.0.0.1:7878/query", server_workers=3))


def test_app_py_refuses_a_bad_setting_before_it_starts(tmp_path) -> None:
    env = {**os.environ, "FARDPLAN_SERVER_WORKERS": "2"}
    done = subprocess.run([sys.executable, "app.py", "--store", "memory", "--port", str(free_port())], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "error: setting server_workers (FARDPLAN_SERVER_WORKERS) is 2" in done.stderr
    assert "Traceback" not in done.stderr


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


@pytest.mark.parametrize("entry", [["app.py"], ["-m", "graph.cli.main", "serve"]], ids=["app.py", "fardplan serve"])
def test_serves_through_the_production_server(entry, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FARDPLAN_SERVER_THREADS", "3")
    port = free_port()
    log = tmp_path / "server.log"
    with started([sys.executable, *entry, "--store", "memory", "--port", str(port)], port, log) as response:
        assert response.status_code == 200
        assert response.headers["Server"] == "granian"
        # Keep-alive: three answers over one connection.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        answers, sockets = [], []
        for query in ("ASK {}", "ASK { ?s ?p ?o }", "ASK {}"):
            conn.request("GET", "/sparql?" + urlencode({"query": query}),
                         headers={"Accept": "application/sparql-results+json"})
            answer = conn.getresponse()
            answers.append((answer.status, json.loads(answer.read())["boolean"], answer.will_close))
            sockets.append(conn.sock)
        conn.close()
        assert answers == [(200, True, False)] * 3
        assert sockets[0] is sockets[1] is sockets[2]
    text = log.read_text("utf-8", "replace")
    assert f"listening on http://127.0.0.1:{port}/ (granian, 1 worker process, 3 threads each)" in text
    assert "development server" not in text
    assert "Traceback" not in text


def test_debug_keeps_dashs_development_server(tmp_path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    command = [sys.executable, "app.py", "--store", "memory", "--port", str(port), "--debug"]
    with started(command, port, log) as response:
        assert response.status_code == 200
        assert response.headers["Server"].startswith("Werkzeug/")
    text = log.read_text("utf-8", "replace")
    assert "Debug mode: on" in text or "debug" in text.lower()
    assert "listening on" not in text


def test_a_store_held_by_another_process_is_named_without_a_traceback(tmp_path) -> None:
    from graph.store import open_store

    location = tmp_path / "store"
    held = open_store(f"oxigraph:{location}")  # this process holds the RocksDB lock
    try:
        done = subprocess.run([sys.executable, "app.py", "--store", f"oxigraph:{location}", "--port",
                               str(free_port())], cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        held.close()
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert f"cannot start: oxigraph:{location}: cannot open the store" in output
    assert "Traceback" not in output


def test_a_taken_port_is_named_without_a_traceback() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "app.py", "--store", "memory", "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert f"error: cannot listen on 127.0.0.1:{port} (settings host and port, --host and --port)" in done.stderr
    assert "Traceback" not in done.stderr
