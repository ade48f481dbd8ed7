"""The production web server: waitress, one process with a pool of threads, on ``settings.host:settings.port``.

One process because the embedded store is opened by one process (RocksDB holds a lock on its folder), and that
process forks the query workers of :mod:`graph.query_pool` and runs the explorer's warm-up thread; threads because
a request mostly waits (for a query worker, or for the client), and keep-alive connections save a TCP handshake
per request. Any WSGI app can be served (the explorer's Flask server, or the bare ``/sparql`` routes).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .settings import Settings

__all__ = ["create_server", "serve"]

log = logging.getLogger(__name__)

WsgiApp = Callable[..., Any]


def create_server(app: WsgiApp, settings: Settings, port: int | None = None) -> Any:
    """A waitress server bound to ``settings.host`` and ``port`` (default ``settings.port``; 0 picks a free one),
    not yet running: call ``.run()`` (blocks) and ``.close()``. Its ``effective_port`` is the bound port."""
    from waitress.server import create_server as waitress_server

    for name in ("server_threads", "server_connection_limit", "server_idle_timeout_s"):
        if getattr(settings, name) < 1:
            raise ValueError(f"setting {name} (FARDPLAN_{name.upper()}) must be at least 1, "
                             f"not {getattr(settings, name)}")
    return waitress_server(
        app, host=settings.host, port=settings.port if port is None else port,
        threads=settings.server_threads, connection_limit=settings.server_connection_limit,
        channel_timeout=settings.server_idle_timeout_s,
        asyncore_use_poll=True,  # poll, not select: the store's RocksDB files push descriptors past 1024
        ident="fardplan", expose_tracebacks=False, clear_untrusted_proxy_headers=True)


def serve(app: WsgiApp, settings: Settings) -> None:
    """Serve ``app`` until interrupted (Ctrl-C or SIGTERM); logs the address it listens on."""
    server = create_server(app, settings)
    log.info("serving on http://%s:%s/ with %d threads", settings.host, server.effective_port,
             settings.server_threads)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
