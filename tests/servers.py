"""Real servers for tests: an ``oxigraph serve`` process on 127.0.0.1, started and stopped by fixtures."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout_s: float = 20.0) -> None:
    """Wait until ``url`` answers any HTTP status."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up within {timeout_s} s")


def oxigraph_binary() -> str:
    """The ``oxigraph`` server from PyPI (installed by the test extra); fail loudly when missing."""
    path = shutil.which("oxigraph")
    if not path:
        raise RuntimeError("the oxigraph server is not installed: pip install -e '.[test]'")
    return path


@contextmanager
def oxigraph_server(location: Path | None = None) -> Iterator[str]:
    """Run ``oxigraph serve`` on a free 127.0.0.1 port; yields its base URL (``/query`` and ``/update``)."""
    port = free_port()
    args = [oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"]
    if location:
        args += ["--location", str(location)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/query")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def wsgi_server(app) -> Iterator[str]:
    """Serve a WSGI app (e.g. the explorer's Flask server) on a free 127.0.0.1 port in a thread."""
    import threading

    from werkzeug.serving import WSGIRequestHandler, make_server

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, *args, **kwargs) -> None:
            """Keep test output free of one line per request."""

    server = make_server("127.0.0.1", free_port(), app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
