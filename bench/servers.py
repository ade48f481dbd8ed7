"""SPARQL servers on 127.0.0.1 for the endpoint benchmark, and a bounded load generator.

``python -m bench.servers FILE PORT`` serves an N-Triples file with ``rdflib-endpoint`` (rdflib's engine behind
FastAPI/uvicorn), the comparison the issue asks for; ``python -m bench.servers --ours SERVER FILE PORT`` serves it
with our endpoint (graph/http.py) on ``granian`` (through graph/serve.py, as ``python app.py``) or ``waitress``;
gunicorn runs :func:`ours_app` itself. Each in its own process like oxigraph's.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests

__all__ = ["free_port", "wait_ready", "rdflib_endpoint", "our_endpoint", "oxigraph_server", "wsgi_server", "hammer"]

ACCEPT = "application/sparql-results+json"
ROOT = Path(__file__).resolve().parent.parent
NT_ENV = "FARDPLAN_BENCH_NT"
# The production WSGI servers our endpoint is measured on, side by side; the first is the one app.py runs.
OUR_SERVERS = ("granian", "waitress", "gunicorn")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen | None = None, timeout_s: float = 180.0) -> None:
    """Wait until ``url`` answers an ASK query with HTTP 200 (bounded; fails if the process died)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server process exited with code {proc.returncode}")
        try:
            if requests.get(url, params={"query": "ASK {}"}, headers={"Accept": ACCEPT}, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout_s:.0f} s")


def stop_process(proc: subprocess.Popen) -> None:
    """Terminate a server process, killing it if it has not exited within 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def _server(command: list[str], port: int, path_part: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``command`` (listening on 127.0.0.1:``port``) in a child process until it answers; yields its URL."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            cwd=str(ROOT))
    url = f"http://127.0.0.1:{port}{path_part}"
    try:
        wait_ready(url, proc)
        yield url
    finally:
        stop_process(proc)


def _python_server(args: list[str], path_part: str) -> AbstractContextManager[str]:
    """``python -m bench.servers ARGS… PORT`` in a child process; yields its URL (``path_part`` after the port)."""
    port = free_port()
    return _server([sys.executable, "-m", "bench.servers", *args, str(port)], port, path_part)


def rdflib_endpoint(path: Path) -> AbstractContextManager[str]:
    """``rdflib-endpoint`` serving ``path`` in a child process; a context manager yielding its query URL."""
    return _python_server([str(path)], "/")


def our_endpoint(path: Path, server: str = "granian") -> AbstractContextManager[str]:
    """Our ``/sparql`` (graph/http.py, default settings) serving ``path`` in a child process on ``server``
    (one of :data:`OUR_SERVERS`; ``granian`` is what ``python app.py`` runs, through graph/serve.py); a context
    manager yielding its URL. Every variant runs one process with the same number of threads."""
    if server not in OUR_SERVERS:
        raise ValueError(f"server: one of {', '.join(OUR_SERVERS)}, not {server!r}")
    port = free_port()
    if server == "gunicorn":
        command = [sys.executable, "-m", "gunicorn", "--worker-class", "gthread", "--workers", "1",
                   "--threads", str(_threads()), "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
                   "bench.servers:ours_app()"]
    else:
        command = [sys.executable, "-m", "bench.servers", "--ours", server, str(path), str(port)]
    return _server(command, port, "/sparql", env={**os.environ, NT_ENV: str(path), "PYTHONPATH": str(ROOT)})


def _threads() -> int:
    from graph.serve import threads_for
    from graph.settings import Settings

    return threads_for(Settings.from_env())


@contextmanager
def oxigraph_server(path: Path, workdir: Path) -> Iterator[str]:
    """``oxigraph serve-read-only`` over ``path`` bulk-loaded into ``workdir``; yields its query URL."""
    binary = shutil.which("oxigraph")
    if not binary:
        raise RuntimeError("the oxigraph server binary is not installed")
    location = workdir / "oxigraph-server"
    if not location.exists():
        subprocess.run([binary, "load", "--location", str(location), "--file", str(path)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    port = free_port()
    with _server([binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"], port,
                 "/query") as url:
        yield url


@contextmanager
def wsgi_server(app: Any) -> Iterator[str]:
    """Serve a WSGI app on a free 127.0.0.1 port in a thread; yields its base URL."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def hammer(url: str, queries: list[str], requests_total: int, threads: int, timeout_s: float = 60.0,
           max_wall_s: float = 120.0) -> dict[str, Any]:
    """Send ``requests_total`` GET queries (cycling through ``queries``) from ``threads`` threads; stops by itself
    after that many or after ``max_wall_s``. Returns throughput (requests/s), latency median, errors, sent.

    Each thread keeps one HTTP/1.1 connection open while the server allows it (a new one after the server closed
    it) and uses :mod:`http.client` with the request lines encoded beforehand, so the client costs little CPU next
    to the server on the same cores; ``connections`` counts the connections opened.
    """
    parts = urlsplit(url)
    paths = [f"{parts.path or '/'}?{urlencode({'query': q})}" for q in queries]
    headers = {"Accept": ACCEPT, "Connection": "keep-alive"}
    lock = threading.Lock()
    issued = [0]
    opened = [0]
    latencies: list[float] = []
    errors: list[str] = []
    stop_at = time.monotonic() + max_wall_s

    def worker() -> None:
        conn: http.client.HTTPConnection | None = None
        while True:
            with lock:
                if issued[0] >= requests_total or time.monotonic() > stop_at:
                    break
                i = issued[0]
                issued[0] += 1
            start = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout_s)
                    with lock:
                        opened[0] += 1
                conn.request("GET", paths[i % len(paths)], headers=headers)
                response = conn.getresponse()
                body = response.read()
                if response.will_close:
                    conn.close()
                    conn = None
                ok = response.status == 200
                if not ok:
                    errors.append(f"HTTP {response.status}: {body[:120].decode('utf-8', 'replace')}")
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                errors.append(type(exc).__name__)
                if conn is not None:
                    conn.close()
                conn = None
            if ok:
                with lock:
                    latencies.append((time.perf_counter() - start) * 1000)
        if conn is not None:
            conn.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for _ in range(threads):
            pool.submit(worker)
    wall = time.perf_counter() - start
    return {"throughput": len(latencies) / wall if wall else 0.0, "sent": issued[0], "ok": len(latencies),
            "errors": len(errors), "first_error": errors[0] if errors else "",
            "median_ms": statistics.median(latencies) if latencies else None, "wall_s": wall, "threads": threads,
            "connections": opened[0]}


def _serve_rdflib(path: str, port: int) -> None:
    import uvicorn
    from rdflib import Graph
    from rdflib_endpoint import SparqlEndpoint

    graph = Graph()
    graph.parse(path, format="nt")
    app = SparqlEndpoint(graph=graph, title="bench", description="rdflib-endpoint baseline", path="/")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def ours_app(settings: Any = None) -> Any:
    """The bare ``/sparql`` routes of graph/http.py (``settings``, default :class:`Settings` from the environment)
    over the N-Triples file named by ``FARDPLAN_BENCH_NT``, loaded into an embedded in-memory store: the app
    every server variant runs."""
    import pyoxigraph as ox
    from flask import Flask

    from graph.http import register_routes
    from graph.settings import Settings
    from graph.store import EmbeddedStore

    store = EmbeddedStore()
    with open(os.environ[NT_ENV], "rb") as f:
        store.insert(list(ox.parse(f, format=ox.RdfFormat.N_TRIPLES)))
    app = Flask("fardplan-bench")
    register_routes(app, store, settings or Settings.from_env())
    app.extensions["fardplan_store"] = store  # kept alive with the app
    return app


def _serve_ours(server: str, port: int) -> None:
    """Our endpoint on granian through graph/serve.py (as ``python app.py``), or on waitress with as many threads."""
    from graph.settings import Settings

    settings = Settings.from_env(port=port, store="memory")
    if server == "waitress":
        from waitress import serve as waitress_serve

        waitress_serve(ours_app(settings), host="127.0.0.1", port=port, threads=_threads(), asyncore_use_poll=True,
                       ident="fardplan")
    else:
        from graph.serve import serve

        serve("bench.servers:ours_app", settings)


if __name__ == "__main__":
    if sys.argv[1] == "--ours":
        os.environ[NT_ENV] = sys.argv[3]
        _serve_ours(sys.argv[2], int(sys.argv[4]))
    else:
        _serve_rdflib(sys.argv[1], int(sys.argv[2]))
