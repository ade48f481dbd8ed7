"""Real servers for tests: an ``oxigraph serve`` process on 127.0.0.1, started and stopped by fixtures."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from bench.servers import free_port, stop_process, wsgi_server

__all__ = ["free_port", "oxigraph_binary", "oxigraph_server", "wait_http", "wsgi_server"]


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
        stop_process(proc)


@contextmanager
def connection_counter():
    """A TCP listener on 127.0.0.1 that counts the connections it accepts; yields (port, counts)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.1)
    counts = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            counts.append(1)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], counts
    finally:
        stop.set()
        thread.join()
        listener.close()
