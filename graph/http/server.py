"""The production web server: granian (its HTTP in Rust, the WSGI app in a pool of Python threads).

``serve("package.module:factory", settings)`` binds ``settings.host:settings.port`` and runs ``factory(settings)``
(a WSGI app) in ``settings.server_workers`` worker processes, each with ``settings.server_threads`` threads, HTTP/1.1
keep-alive on. One worker is the default and the only choice for an embedded store: the store is opened by one
process (RocksDB locks its folder; an in-memory store would be one copy per worker), and that process forks the
query workers of :mod:`graph.store.pool` and runs the explorer's warm-up thread. With a remote store (``http(s)://``)
more workers share the load. The factory runs in the worker (never in the supervising process), so nothing of the
store crosses a fork.
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
from collections.abc import Callable
from functools import partial
from typing import Any

from graph.errors import FardplanError
from graph.settings import Settings

__all__ = ["check", "serve", "threads_for"]

log = logging.getLogger(__name__)

WsgiApp = Callable[..., Any]


def threads_for(settings: Settings) -> int:
    """Threads per worker: ``settings.server_threads``, or (0) four per CPU plus one and at least 9 (a thread mostly
    waits on a query process; each heavy query running or queued holds one, see ``query_heavy_queue``)."""
    return settings.server_threads or max(9, 4 * (os.cpu_count() or 1) + 1)


def check(settings: Settings) -> None:
    """Refuse settings the server cannot run with; the error names the setting and changes nothing."""
    for name in ("server_workers", "server_backlog"):
        if getattr(settings, name) < 1:
            raise FardplanError(f"setting {name} (FARDPLAN_{name.upper()}) must be at least 1, "
                                f"not {getattr(settings, name)}")
    if settings.server_threads < 0:
        raise FardplanError(f"setting server_threads (FARDPLAN_SERVER_THREADS) must be 0 (automatic) or more, "
                            f"not {settings.server_threads}")
    if settings.server_workers > 1 and not settings.store.startswith(("http://", "https://")):
        raise FardplanError(f"setting server_workers (FARDPLAN_SERVER_WORKERS) is {settings.server_workers}, but "
                            f"the store {settings.store!r} is embedded: one process opens it, so use 1 worker "
                            "(or a remote http(s):// store for more)")


def _check_address(settings: Settings) -> None:
    """Refuse an address that cannot be bound (port taken, host not local) with a named error, before the server
    starts (granian would stop with a panic's backtrace)."""
    try:
        infos = socket.getaddrinfo(settings.host, settings.port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        raise FardplanError(f"cannot listen on {settings.host}:{settings.port} (settings host and port, --host and "
                            f"--port): {exc.strerror or exc}") from None


def _load(factory: str, settings: Settings) -> WsgiApp:
    """In the worker: import ``module:function`` and call it with the settings (logging as in the parent)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    module, _, name = factory.partition(":")
    try:
        return getattr(importlib.import_module(module), name)(settings)
    except FardplanError as exc:  # e.g. the store is locked by another process: say so, without a traceback
        log.error("cannot start: %s", exc)
        logging.shutdown()
        os._exit(2)


def serve(factory: str, settings: Settings) -> None:
    """Serve ``factory(settings)`` (``"module:function"``) until interrupted (Ctrl-C or SIGTERM)."""
    from granian.constants import HTTPModes, Interfaces
    from granian.http import HTTP1Settings
    from granian.log import LogLevels
    from granian.server import Server

    check(settings)
    _check_address(settings)
    threads = threads_for(settings)
    server = Server(
        target=factory, address=settings.host, port=settings.port, interface=Interfaces.WSGI,
        workers=settings.server_workers, blocking_threads=threads, backlog=settings.server_backlog,
        http=HTTPModes.http1, http1_settings=HTTP1Settings(keep_alive=True), websockets=False,
        log_level=LogLevels.warning)
    log.info("listening on http://%s:%s/ (granian, %d worker process%s, %d threads each)", settings.host,
             settings.port, settings.server_workers, "" if settings.server_workers == 1 else "es", threads)
    server.serve(target_loader=partial(_load, factory, settings), wrap_loader=False)
