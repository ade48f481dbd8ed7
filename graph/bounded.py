"""Run a query with a real time limit and a row cap, after the policy check.

* Embedded stores: the query runs in a forked child (copy-on-write view of the store) that is killed at the
  deadline; the answer comes back pickled through a pipe. A pyoxigraph query cannot be interrupted in a
  thread, so this is what really stops the work. Where Linux allows it, the child also drops into an empty
  network namespace first, so even a query that slipped past the policy could open no connection.
* Remote stores: the request is streamed with an overall deadline (not just a socket timeout) and the answer
  is read lazily up to the row cap; a body cut short by the server counts as a timeout.

Both return a :class:`Bounded`: the answer, and whether it was cut at ``max_rows``.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import select
import signal
import time
from dataclasses import dataclass

import pyoxigraph as ox
import requests

from . import sparql_policy
from .errors import FardplanError, QueryError, QueryTimeout, StoreError
from .store import EmbeddedStore, QueryAnswer, RemoteStore, Solutions, Store, _query_error, with_values
from .terms import OxTerm

__all__ = ["Bounded", "run"]

PROBE_S = 0.25
_READY = b"R"

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
try:  # looked up once here: a forked child must not call into the dynamic loader
    _UNSHARE = ctypes.CDLL(None, use_errno=True).unshare
except (OSError, AttributeError):
    _UNSHARE = None


@dataclass
class Bounded:
    """A query answer within limits: ``truncated`` is True when rows (or triples) stopped at ``max_rows``."""

    answer: QueryAnswer
    truncated: bool = False


def run(
    store: Store,
    sparql: str,
    *,
    timeout_s: float,
    max_rows: int,
    bindings: dict[str, OxTerm] | None = None,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> Bounded:
    """Check ``sparql`` against :mod:`graph.sparql_policy`, then run it on ``store`` within the limits.

    ``default_graphs`` / ``named_graphs`` are the protocol's ``default-graph-uri`` / ``named-graph-uri``.
    Raises :class:`QueryRefused` before anything runs, :class:`QueryTimeout` at the deadline,
    :class:`QueryError` for syntax errors.
    """
    text = sparql_policy.check(sparql)
    if isinstance(store, EmbeddedStore):
        return _forked(store._store, text, bindings, timeout_s, max_rows, default_graphs, named_graphs,
                       probe=store.path is not None)
    if isinstance(store, RemoteStore):
        if bindings:
            text = with_values(text, bindings)
        # Parse locally first (an empty store, in an isolated child): the same error messages as embedded.
        _forked(ox.Store(), text, None, min(timeout_s, 5.0), 0, None, None)
        return _remote(store, text, timeout_s, max_rows, default_graphs, named_graphs)
    raise StoreError(f"{store.url}: bounded queries need an embedded or a remote SPARQL store")


# ---------------------------------------------------------------------------------------------- embedded


def _isolate_network() -> None:
    """Enter a new user and network namespace (no interfaces); silently skipped where not permitted."""
    if _UNSHARE is not None:
        _UNSHARE(_CLONE_NEWUSER | _CLONE_NEWNET)


def _graph(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"not an IRI: {iri!r}") from None


def _evaluate(
    store: ox.Store,
    text: str,
    bindings: dict[str, OxTerm] | None,
    max_rows: int,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
) -> tuple[QueryAnswer, bool]:
    """Run the query in this process; materialise at most ``max_rows`` rows or triples."""
    options: dict = {}
    if default_graphs:
        options["default_graph"] = [_graph(g) for g in default_graphs]
    if named_graphs:
        options["named_graphs"] = [_graph(g) for g in named_graphs]
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    try:
        try:
            answer = store.query(text, substitutions=subs or None, **options)
        except RuntimeError as exc:
            if not subs or "projection" not in str(exc):
                raise QueryError(str(exc)) from None
            answer = store.query(with_values(text, bindings), **options)
    except SyntaxError as exc:
        raise _query_error(exc) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(str(exc)) from None
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer), False
    items = []
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        for solution in answer:
            if len(items) == max_rows:
                return Solutions(names, items), True
            items.append(tuple(solution[n] for n in names))
        return Solutions(names, items), False
    for triple in answer:
        if len(items) == max_rows:
            return items, True
        items.append(triple)
    return items, False


def _child(write_fd: int, probe: bool, *args) -> None:
    """The forked child: isolate, evaluate, send a pickled ``("ok", answer, truncated)`` or an error; exit.

    With ``probe`` it first takes one store snapshot and writes ``R``: the parent then knows the child did not
    inherit a lock held by a RocksDB background thread at the moment of the fork.
    """
    try:
        _isolate_network()
        if probe:
            args[0].query("ASK {}")
            os.write(write_fd, _READY)
        try:
            answer, truncated = _evaluate(*args)
            payload = pickle.dumps(("ok", answer, truncated), protocol=pickle.HIGHEST_PROTOCOL)
        except QueryError as exc:
            payload = pickle.dumps(("error", exc.message, exc.line, exc.column))
        except BaseException as exc:  # noqa: BLE001 - anything else still becomes an answer for the parent
            payload = pickle.dumps(("error", f"{exc.__class__.__name__}: {exc}", None, None))
        view = memoryview(payload)
        while view:
            view = view[os.write(write_fd, view):]
    finally:
        os._exit(0)


def _forked(
    store: ox.Store,
    text: str,
    bindings: dict[str, OxTerm] | None,
    timeout_s: float,
    max_rows: int,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
    probe: bool = False,
) -> Bounded:
    """Run the query in a forked child killed at the deadline; the parent only reads the pipe.

    An on-disk (RocksDB) store is forked with ``probe``: a child that cannot take a snapshot within
    :data:`PROBE_S` inherited a lock that a background thread held at the fork, and is replaced by a new one.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        outcome = _fork_once(deadline, probe, store, text, bindings, max_rows, default_graphs, named_graphs)
        if outcome is not None:
            break
    if outcome is False:
        raise QueryTimeout(f"the query was stopped at the time limit of {timeout_s:g} s")
    try:
        payload = pickle.loads(outcome)
    except (pickle.UnpicklingError, EOFError) as exc:
        raise StoreError(f"the query process ended without an answer ({exc})") from None
    if payload[0] == "error":
        raise QueryError(payload[1], payload[2], payload[3])
    return Bounded(payload[1], payload[2])


def _fork_once(deadline: float, probe: bool, *args) -> bytes | bool | None:
    """One child: its pickled answer, False at the deadline, or None when its probe stalled (try again)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(write_fd, probe, *args)
    os.close(write_fd)
    chunks: list[bytes] = []
    outcome: bytes | bool | None = False
    waiting_probe = probe
    probe_deadline = min(deadline, time.monotonic() + PROBE_S)
    try:
        while True:
            left = (probe_deadline if waiting_probe else deadline) - time.monotonic()
            ready = select.select([read_fd], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                outcome = None if waiting_probe and time.monotonic() < deadline else False
                break
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                outcome = b"".join(chunks)
                break
            if waiting_probe:
                waiting_probe = False
                chunk = chunk[len(_READY):]
            chunks.append(chunk)
    finally:
        os.close(read_fd)
        if not isinstance(outcome, bytes):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return outcome


# ------------------------------------------------------------------------------------------------ remote


def _remote(
    store: RemoteStore,
    text: str,
    timeout_s: float,
    max_rows: int,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
) -> Bounded:
    """POST the query to the remote endpoint with an overall deadline; read at most ``max_rows``."""
    deadline = time.monotonic() + timeout_s
    params = [("default-graph-uri", g) for g in default_graphs or []]
    params += [("named-graph-uri", g) for g in named_graphs or []]
    headers = {
        "Content-Type": "application/sparql-query; charset=utf-8",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
    }
    try:
        response = store.session.post(store.url, params=params, data=text.encode("utf-8"), headers=headers,
                                      timeout=(min(timeout_s, 10.0), timeout_s), stream=True)
        with response:
            body = bytearray()
            for chunk in response.iter_content(1 << 16):
                body += chunk
                if time.monotonic() > deadline:
                    raise QueryTimeout(f"the query was stopped at the time limit of {timeout_s:g} s")
    except requests.Timeout:
        raise QueryTimeout(f"the query was stopped at the time limit of {timeout_s:g} s") from None
    except requests.RequestException as exc:
        raise StoreError(f"{store.url}: the SPARQL endpoint does not answer: {exc.__class__.__name__}") from None
    if response.status_code >= 400:
        message = bytes(body).decode("utf-8", "replace").strip()[:500] or response.reason
        if response.status_code == 400:
            raise QueryError(message)
        raise StoreError(f"{store.url}: HTTP {response.status_code}: {message}")
    kind = response.headers.get("Content-Type", "").split(";")[0].strip()
    try:
        return _decode(bytes(body), kind, max_rows)
    except (SyntaxError, ValueError, OSError) as exc:
        # oxigraph serve-read-only answers 200 with a cut body when its own time limit stops a query.
        raise QueryTimeout(f"the store sent an incomplete answer ({exc.__class__.__name__}); "
                           "it probably stopped the query at its own time limit") from None


def _decode(body: bytes, media_type: str, max_rows: int) -> Bounded:
    if media_type in ("application/sparql-results+json", "application/json"):
        answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if isinstance(answer, ox.QueryBoolean):
            return Bounded(bool(answer))
        names = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            if len(rows) == max_rows:
                return Bounded(Solutions(names, rows), True)
            rows.append(tuple(solution[n] for n in names))
        return Bounded(Solutions(names, rows))
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:
        raise FardplanError(f"the store answered with an unexpected media type {media_type!r}")
    triples = []
    for quad in ox.parse(body, format=fmt):
        if len(triples) == max_rows:
            return Bounded(triples, True)
        triples.append(quad.triple)
    return Bounded(triples)
