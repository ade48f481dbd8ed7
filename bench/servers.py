"""SPARQL servers on 127.0.0.1 for the endpoint benchmark, and a bounded load generator.

``python -m bench.servers FILE PORT`` serves an N-Triples file with ``rdflib-endpoint`` (rdflib's engine behind
FastAPI/uvicorn), the comparison the issue asks for; ``python -m bench.servers --ours_app SERVER FILE PORT`` serves it
with our endpoint (graph/http/endpoint.py) on ``granian`` (through graph/http/server.py, as ``python app.py``) or
``waitress``; gunicorn runs :func:`ours_app` itself; ``--explorer_app`` serves the whole explorer the same ways. Each in
its own process like oxigraph's.
"""

from __future__ import annotations

import http.client
import json
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

__all__ = ["free_port", "wait_ready", "rdflib_endpoint", "our_endpoint", "our_explorer", "oxigraph_server",
           "wsgi_server", "hammer", "hammer_calls", "cpu_seconds", "EXPLORER_CALLS", "OUR_SERVERS"]

ACCEPT = "application/sparql-results+json"
ROOT = Path(__file__).resolve().parent.parent
NT_ENV = "FARDPLAN_BENCH_NT"
# The production WSGI servers our endpoint is measured on, side by side; the first is the one app.py runs.
OUR_SERVERS = ("granian", "waitress", "gunicorn")
SERVER_PIDS: dict[str, int] = {}  # URL of a running server → its process id (for cpu_seconds)


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
def _server(command: list[str], port: int, path_part: str, env: dict[str, str] | None = None,
            ready_path: str | None = None) -> Iterator[str]:
    """``command`` (listening on 127.0.0.1:``port``) in a child process until it answers (an ASK query at
    ``ready_path``, default ``path_part``); yields its URL."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            cwd=str(ROOT))
    url = f"http://127.0.0.1:{port}{path_part}"
    SERVER_PIDS[url] = proc.pid
    try:
        wait_ready(f"http://127.0.0.1:{port}{path_part if ready_path is None else ready_path}", proc)
        yield url
    finally:
        SERVER_PIDS.pop(url, None)
        stop_process(proc)


def cpu_seconds(url: str) -> float | None:
    """CPU time (user + system, s) used so far by the server process behind ``url`` (one of this module's) and
    every live process below it (web server workers, query workers); None where /proc cannot tell."""
    root = SERVER_PIDS.get(url)
    if root is None:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
        used[int(name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, grew = {root}, True
    while grew:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grew = bool(below)
    return sum(used.get(pid, 0.0) for pid in tree) if root in used else None


def _python_server(args: list[str], path_part: str) -> AbstractContextManager[str]:
    """``python -m bench.servers ARGS… PORT`` in a child process; yields its URL (``path_part`` after the port)."""
    port = free_port()
    return _server([sys.executable, "-m", "bench.servers", *args, str(port)], port, path_part)


def rdflib_endpoint(path: Path) -> AbstractContextManager[str]:
    """``rdflib-endpoint`` serving ``path`` in a child process; a context manager yielding its query URL."""
    return _python_server([str(path)], "/")


def our_endpoint(path: Path, server: str = "granian") -> AbstractContextManager[str]:
    """Our ``/sparql`` (graph/http/endpoint.py, default settings) serving ``path`` in a child process on ``server``
    (one of :data:`OUR_SERVERS`; ``granian`` is what ``python app.py`` runs, through graph/http/server.py); a context
    manager yielding its URL. Every variant runs one process with the same number of threads."""
    return _our(path, server, "ours_app", "/sparql")


def _our(path: Path, server: str, factory: str, path_part: str,
         extra_env: dict[str, str] | None = None) -> AbstractContextManager[str]:
    if server not in OUR_SERVERS:
        raise ValueError(f"server: one of {', '.join(OUR_SERVERS)}, not {server!r}")
    port = free_port()
    if server == "gunicorn":
        command = [sys.executable, "-m", "gunicorn", "--worker-class", "gthread", "--workers", "1",
                   "--threads", str(_threads()), "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
                   f"bench.servers:{factory}()"]
    else:
        command = [sys.executable, "-m", "bench.servers", f"--{factory}", server, str(path), str(port)]
    # TMPDIR: the child's on-disk store goes beside the data file, in the bench's work folder, removed with it.
    env = {**os.environ, NT_ENV: str(path), "PYTHONPATH": str(ROOT), "TMPDIR": str(Path(path).parent),
           **(extra_env or {})}
    return _server(command, port, path_part, env=env,
                   ready_path="/sparql")


def _threads() -> int:
    from graph.http.server import threads_for
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
    after that many or after ``max_wall_s``. Returns throughput (requests/s), latency median, errors, sent."""
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    calls = [("GET", f"{parts.path or '/'}?{urlencode({'query': q})}", None) for q in queries]
    return hammer_calls(base, calls, requests_total, threads, timeout_s, max_wall_s)


def hammer_calls(base: str, calls: list[tuple[str, str, bytes | None]], requests_total: int, threads: int,
                 timeout_s: float = 60.0, max_wall_s: float = 120.0) -> dict[str, Any]:
    """Send ``requests_total`` requests ``(method, path, JSON body or None)`` to ``base``, cycling through
    ``calls``, from ``threads`` threads; bounded like :func:`hammer`, with the same figures.

    Each thread keeps one HTTP/1.1 connection open while the server allows it (a new one after the server closed
    it) and uses :mod:`http.client` with the requests encoded beforehand, so the client costs little CPU next to
    the server on the same cores; ``connections`` counts the connections opened.
    """
    parts = urlsplit(base)
    headers = {"Accept": ACCEPT, "Connection": "keep-alive"}
    json_headers = {**headers, "Accept": "application/json", "Content-Type": "application/json"}
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
            method, path, body = calls[i % len(calls)]
            start = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout_s)
                    with lock:
                        opened[0] += 1
                conn.request(method, path, body=body, headers=json_headers if body is not None else headers)
                response = conn.getresponse()
                answer = response.read()
                if response.will_close:
                    conn.close()
                    conn = None
                ok = response.status == 200
                if not ok:
                    errors.append(f"HTTP {response.status}: {answer[:120].decode('utf-8', 'replace')}")
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


def _callback(output: str, outputs: Any, inputs: list[dict], state: list[dict] | None = None) -> bytes:
    """The JSON body Dash's renderer POSTs to ``/_dash-update-component`` for one callback."""
    return json.dumps({"output": output, "outputs": outputs, "inputs": inputs, "state": state or [],
                       "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}).encode()


def _route(path: str) -> bytes:
    return _callback("..shell.children...page-meta.data..",
                     [{"id": "shell", "property": "children"}, {"id": "page-meta", "property": "data"}],
                     [{"id": "url", "property": "pathname", "value": path},
                      {"id": "url", "property": "search", "value": ""}],
                     [{"id": "page-meta", "property": "data", "value": None}])


# What a browser opening the explorer's pages sends: the page, its layout, the router's callback for three pages,
# and the gaps and network pages' main callbacks (the analyses are cached after the first call, as in the app).
EXPLORER_CALLS: list[tuple[str, str, bytes | None]] = [
    ("GET", "/", None),
    ("GET", "/_dash-layout", None),
    ("POST", "/_dash-update-component", _route("/luckor")),
    ("POST", "/_dash-update-component", _route("/natverk")),
    ("POST", "/_dash-update-component", _route("/strategi")),
    ("POST", "/_dash-update-component", _callback("gaps-body.children", {"id": "gaps-body", "property": "children"},
                                                  [{"id": "gaps-meta", "property": "data", "value": {"lang": "sv"}}])),
    ("POST", "/_dash-update-component", _callback(
        "..network-body.children...network-meta.data..",
        [{"id": "network-body", "property": "children"}, {"id": "network-meta", "property": "data"}],
        [{"id": "network-measure", "property": "value", "value": "weighted_degree"},
         {"id": "network-reply", "property": "value", "value": None}],
        [{"id": "network-meta", "property": "data", "value": {"lang": "sv"}}])),
]


def explorer_app(settings: Any = None) -> Any:
    """The explorer (``ui.app.create_app``) over the N-Triples (or, ending ``.nq``, N-Quads) file named by
    ``FARDPLAN_BENCH_NT`` in an embedded in-memory store, its caches warmed before it serves: the app every server
    variant runs for the Dash figures and the real-browser timings."""
    import pyoxigraph as ox

    from graph.settings import Settings
    from graph.store import EmbeddedStore
    from ui.app import create_app

    store = EmbeddedStore()
    path = Path(os.environ[NT_ENV])
    with path.open("rb") as f:
        store.insert(list(ox.parse(f, format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))))
    app = create_app(settings or Settings.from_env(store="memory"), store=store)
    app.server.extensions["fardplan"].warm()
    return app.server


def our_explorer(path: Path, server: str = "granian", env: dict[str, str] | None = None) -> AbstractContextManager[str]:
    """The explorer over ``path`` in a child process on ``server`` (as :func:`our_endpoint`), ``env`` added to its
    environment (``FARDPLAN_*`` settings); yields its base URL."""
    return _our(path, server, "explorer_app", "", env)


def _serve_rdflib(path: str, port: int) -> None:
    import uvicorn
    from rdflib import Graph
    from rdflib_endpoint import SparqlEndpoint

    graph = Graph()
    graph.parse(path, format="nt")
    app = SparqlEndpoint(graph=graph, title="bench", description="rdflib-endpoint baseline", path="/")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def ours_app(settings: Any = None) -> Any:
    """The bare ``/sparql`` routes of graph/http/endpoint.py (``settings``, default :class:`Settings` from the
    environment) over the N-Triples file named by ``FARDPLAN_BENCH_NT``, bulk-loaded into an embedded store on disk
    (the kind ``python app.py`` opens by default, and what oxigraph serve reads): the app every server variant runs.
    ``register_routes`` mounts ``/sparql`` in front of the Flask app as ``create_app`` does."""
    import atexit
    import gc
    import shutil
    import tempfile

    import pyoxigraph as ox
    from flask import Flask

    from graph.http.endpoint import register_routes
    from graph.settings import Settings
    from graph.store import EmbeddedStore

    folder = tempfile.mkdtemp(prefix="fardplan-bench-ours-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # the server process removes its store on exit
    loader = ox.Store(folder)
    loader.bulk_load(path=os.environ[NT_ENV], format=ox.RdfFormat.N_TRIPLES)
    loader.flush()
    del loader  # releases the store's lock before EmbeddedStore opens it
    gc.collect()
    store = EmbeddedStore(folder)
    app = Flask("fardplan-bench")
    register_routes(app, store, settings or Settings.from_env())
    app.extensions["fardplan_store"] = store  # kept alive with the app
    return app


def _serve_ours(factory: str, server: str, port: int) -> None:
    """``factory`` (``ours_app`` or ``explorer_app``) on granian through graph/http/server.py (as ``python app.py``), or
    on waitress with as many threads."""
    from graph.settings import Settings

    settings = Settings.from_env(port=port, store="memory")
    if server == "waitress":
        from waitress import serve as waitress_serve

        waitress_serve(globals()[factory](settings), host="127.0.0.1", port=port, threads=_threads(),
                       asyncore_use_poll=True, ident="fardplan")
    else:
        from graph.http.server import serve

        serve(f"bench.servers:{factory}", settings)


if __name__ == "__main__":
    if sys.argv[1] in ("--ours_app", "--explorer_app"):
        os.environ[NT_ENV] = sys.argv[3]
        _serve_ours(sys.argv[1][2:], sys.argv[2], int(sys.argv[4]))
    else:
        _serve_rdflib(sys.argv[1], int(sys.argv[2]))
