"""Pre-forked query processes for an embedded store: a hard time limit without a fork per query.

A worker is a fork of this process, so it reads a copy-on-write snapshot of the store. At its start it
points every inherited socket and pipe at ``/dev/null`` (open connections of the web server must not live on
in it, and a socket made before the network was dropped would still reach out), enters an empty network
namespace, proves it can read the store, and then answers calls ``fn(store, *args)`` one at a time over a
pipe. The pool

* kills a worker at its caller's deadline (SIGKILL: the Rust query really stops) and forks another when needed;
* never answers from a stale snapshot: each worker carries the store's write generation at its fork, and one
  that is behind is killed instead of used;
* replaces a new worker whose probe stalls (it inherited a lock that a RocksDB background thread held at the
  fork);
* starts workers lazily, makes a caller wait for a free one within its own deadline, and kills them all when
  the store closes, is garbage-collected, or the interpreter exits. A worker also exits by itself as soon as
  the write end of its request pipe is gone, i.e. when this process died.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import pickle
import select
import signal
import stat
import struct
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from .errors import FardplanError, QueryError, QueryTimeout, StoreError
from .settings import Settings
from .store import EmbeddedStore

__all__ = ["QueryPool", "default_size", "pool_for"]

PROBE_S = 0.5
_READY = b"R"
_HEADER = struct.Struct("!Q")
_CHUNK = 1 << 20

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
try:  # looked up once here: a forked child must not call into the dynamic loader
    _UNSHARE = ctypes.CDLL(None, use_errno=True).unshare
except (OSError, AttributeError):
    _UNSHARE = None


def default_size() -> int:
    """Workers per store: ``FARDPLAN_QUERY_WORKERS``, or one per CPU but at most two."""
    return Settings.from_env().query_workers or min(2, os.cpu_count() or 1)


# ------------------------------------------------------------------------------------------ the worker side


def _isolate_network() -> None:
    """Enter a new user and network namespace (no interfaces); silently skipped where not permitted."""
    if _UNSHARE is not None:
        _UNSHARE(_CLONE_NEWUSER | _CLONE_NEWNET)


def _drop_inherited(keep: set[int]) -> None:
    """Point every inherited socket and pipe (but ``keep`` and 0–2) at /dev/null; the numbers stay taken, so a
    stale object of the parent closing "its" descriptor later cannot close a file the store opened since."""
    null = os.open(os.devnull, os.O_RDWR)
    with contextlib.suppress(OSError):
        for name in os.listdir("/proc/self/fd"):
            fd = int(name)
            if fd <= 2 or fd == null or fd in keep:
                continue
            with contextlib.suppress(OSError):
                mode = os.fstat(fd).st_mode
                if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
                    os.dup2(null, fd)
    os.close(null)


def _watch_parent(requests_fd: int) -> None:
    """Exit as soon as the request pipe hangs up (this process's parent is gone), even in the middle of a query."""
    def watch() -> None:
        poller = select.poll()
        poller.register(requests_fd, 0)  # no events asked: only a hang-up or an error wakes it
        poller.poll()
        os._exit(0)

    threading.Thread(target=watch, name="fardplan-parent-watch", daemon=True).start()


def _serve(store: ox.Store, requests_fd: int, answers_fd: int) -> None:
    """A worker's life: isolate, prove the store is readable (``R``), then answer calls until end-of-file."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # the parent decides when its workers stop
    gc.freeze()  # the inherited heap is never scanned, so it stays shared with the parent
    _drop_inherited({requests_fd, answers_fd})
    _isolate_network()
    _watch_parent(requests_fd)
    store.query("ASK {}")
    _write_all(answers_fd, _READY)
    while (request := _read_message(requests_fd)) is not None:
        _write_message(answers_fd, _answer(store, request))


def _answer(store: ox.Store, request: bytes) -> bytes:
    """Run one pickled call; its pickled outcome: ``("ok", value)`` or ``("raise", class, args, attributes)``."""
    try:
        fn, args = pickle.loads(request)
        reply: tuple = ("ok", fn(store, *args))
    except FardplanError as exc:
        reply = ("raise", type(exc), exc.args, vars(exc))
    except BaseException as exc:  # noqa: BLE001 - anything else still becomes an answer for the parent
        error = QueryError(f"{exc.__class__.__name__}: {exc}")
        reply = ("raise", QueryError, error.args, vars(error))
    try:
        return pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001
        error = StoreError(f"the answer cannot be sent back: {exc.__class__.__name__}: {exc}")
        return pickle.dumps(("raise", StoreError, error.args, vars(error)))


# ------------------------------------------------------------------------------------------------ framing


class _Late(Exception):
    """The deadline passed while waiting for the worker."""


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _write_message(fd: int, payload: bytes) -> None:
    _write_all(fd, _HEADER.pack(len(payload)) + payload)


def _wait_readable(fd: int, deadline: float) -> None:
    """Block until ``fd`` can be read (data or end-of-file); :class:`_Late` at ``deadline``."""
    poller = select.poll()  # poll, not select: descriptors above 1024 are common next to RocksDB
    poller.register(fd, select.POLLIN)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Late
        if poller.poll(left * 1000 + 1):
            return


def _read_message(fd: int, deadline: float | None = None) -> bytes | None:
    """One framed message, or None at end-of-file; one message is in flight per pipe, so nothing is over-read."""
    buffer = bytearray()
    size = None
    while size is None or len(buffer) < _HEADER.size + size:
        if deadline is not None:
            _wait_readable(fd, deadline)
        chunk = os.read(fd, _CHUNK if size is None else min(_CHUNK, _HEADER.size + size - len(buffer)))
        if not chunk:
            return None
        buffer += chunk
        if size is None and len(buffer) >= _HEADER.size:
            size = _HEADER.unpack_from(buffer)[0]
    return bytes(buffer[_HEADER.size:])


def _rebuild(cls: type[BaseException], args: tuple, attributes: dict) -> BaseException:
    """The worker's exception again, attributes included (``QueryError.line``, ``HttpError.status`` …)."""
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(attributes)
    return exc


# ------------------------------------------------------------------------------------------ the parent side


@dataclass(eq=False)
class _Worker:
    pid: int
    requests_fd: int
    answers_fd: int
    generation: int

    def kill(self) -> None:
        """SIGKILL, reap (no zombie) and close the pipes."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        for fd in (self.requests_fd, self.answers_fd):
            with contextlib.suppress(OSError):
                os.close(fd)


def _fork(store: ox.Store, generation: int) -> _Worker:
    requests_r, requests_w = os.pipe()
    answers_r, answers_w = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:  # no memory or too many processes: say so, and leak no descriptor
        for fd in (requests_r, requests_w, answers_r, answers_w):
            os.close(fd)
        raise StoreError(f"cannot start a query process: {exc.strerror or exc}") from None
    if pid == 0:  # pragma: no cover - the child; coverage does not follow it
        try:
            os.close(requests_w)
            os.close(answers_r)
            _serve(store, requests_r, answers_w)
        finally:
            os._exit(0)
    os.close(requests_r)
    os.close(answers_w)
    return _Worker(pid, requests_w, answers_r, generation)


def _ready(worker: _Worker, deadline: float) -> bool | None:
    """True once the worker wrote ``R``; False if it stalled until ``deadline``; None if it exited."""
    try:
        _wait_readable(worker.answers_fd, deadline)
    except _Late:
        return False
    return os.read(worker.answers_fd, len(_READY)) == _READY or None


def _late(timeout_s: float) -> QueryTimeout:
    return QueryTimeout(f"the query was stopped at the time limit of {timeout_s:g} s")


class QueryPool:
    """At most ``size`` pre-forked workers over one embedded store; :meth:`call` runs a function in one of them."""

    def __init__(self, store: EmbeddedStore, size: int) -> None:
        self._store = weakref.ref(store)
        self.size = max(1, size)
        self.closed = False
        self.pid = os.getpid()  # a process forked from this one (a pre-fork web server) must not use or kill these
        self._workers: set[_Worker] = set()
        self._idle: list[_Worker] = []
        self._starting = 0
        self._cond = threading.Condition()

    def call(self, timeout_s: float, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(snapshot, *args)`` in a worker (``fn`` and ``args`` pickled); what it returns or raises.

        ``snapshot`` is the worker's ``pyoxigraph.Store``. Waiting for a free worker counts against ``timeout_s``;
        at the deadline the worker is killed and :class:`QueryTimeout` raised.
        """
        deadline = time.monotonic() + timeout_s
        request = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        while True:
            worker = self._acquire(deadline, timeout_s)
            try:
                _write_message(worker.requests_fd, request)
                break
            except OSError:  # it died while idle; the call never started: take another
                self._retire(worker)
        try:
            reply = _read_message(worker.answers_fd, deadline)
        except _Late:
            self._retire(worker)
            raise _late(timeout_s) from None
        except BaseException:
            self._retire(worker)
            raise
        if reply is None:
            self._retire(worker)
            raise StoreError("the query process ended without an answer")
        self._release(worker)
        try:
            kind, *rest = pickle.loads(reply)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            raise StoreError(f"the answer of the query process cannot be read ({exc})") from None
        if kind == "raise":
            raise _rebuild(*rest)
        return rest[0]

    def close(self) -> None:
        """Kill every worker, busy ones too (their callers get a StoreError); later calls raise StoreError."""
        with self._cond:
            self.closed = True
            workers, self._workers, self._idle = self._workers, set(), []
            self._cond.notify_all()
        if os.getpid() != self.pid:
            return  # inherited by a fork of the owner: the workers are the owner's
        for worker in workers:
            worker.kill()

    def pids(self) -> list[int]:
        """Process ids of the live workers (for tests and diagnostics)."""
        with self._cond:
            return [w.pid for w in self._workers]

    # ---------------------------------------------------------------------------------------------- internals
    def _owner(self) -> EmbeddedStore:
        store = self._store()
        if self.closed or store is None or not hasattr(store, "_store"):
            raise StoreError("the store is closed")
        return store

    def _acquire(self, deadline: float, timeout_s: float) -> _Worker:
        """An idle worker of the store's current generation, a new one, or wait; stale ones are killed."""
        while True:
            with self._cond:
                generation = self._owner().generation
                stale = [w for w in self._idle if w.generation != generation]
                if stale:
                    self._idle = [w for w in self._idle if w.generation == generation]
                    self._workers.difference_update(stale)
                    self._cond.notify(len(stale))
                worker = self._idle.pop() if self._idle else None
                start = worker is None and len(self._workers) + self._starting < self.size
                if start:
                    self._starting += 1
                elif worker is None and not stale:
                    if deadline <= time.monotonic():
                        raise _late(timeout_s)
                    self._cond.wait(deadline - time.monotonic())
            for old in stale:
                old.kill()
            if worker is not None:
                return worker
            if start:
                return self._start(deadline, timeout_s)

    def _start(self, deadline: float, timeout_s: float) -> _Worker:
        """A new worker (counted in ``_starting`` meanwhile), owned by the pool unless it closed meanwhile."""
        try:
            worker = self._fork_ready(deadline, timeout_s)
        except BaseException:
            with self._cond:
                self._starting -= 1
                self._cond.notify()
            raise
        with self._cond:
            self._starting -= 1
            keep = not self.closed
            if keep:
                self._workers.add(worker)
            self._cond.notify()
        if not keep:
            worker.kill()
            raise StoreError("the store is closed")
        return worker

    def _fork_ready(self, deadline: float, timeout_s: float) -> _Worker:
        """Fork a worker and wait for its probe; a stalled one is replaced until the deadline."""
        while True:
            store = self._owner()
            worker = _fork(store._store, store.generation)
            ready = _ready(worker, min(deadline, time.monotonic() + PROBE_S))
            if ready:
                return worker
            worker.kill()
            if ready is None:
                raise StoreError(f"{store.url}: the query process could not read the store")
            if time.monotonic() >= deadline:
                raise _late(timeout_s)

    def _release(self, worker: _Worker) -> None:
        """Back to the idle list, unless the pool closed, shrank, or the store changed since its fork."""
        with self._cond:
            owned = worker in self._workers
            store = self._store()
            keep = (owned and store is not None and worker.generation == getattr(store, "generation", None)
                    and len(self._workers) <= self.size)
            if keep:
                self._idle.append(worker)
            else:
                self._workers.discard(worker)
            self._cond.notify()
        if owned and not keep:
            worker.kill()

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker this pool still owns (close() may have taken it already: never kill a pid twice)."""
        with self._cond:
            owned = worker in self._workers
            self._workers.discard(worker)
            self._cond.notify()
        if owned:
            worker.kill()


_POOLS: weakref.WeakKeyDictionary[EmbeddedStore, QueryPool] = weakref.WeakKeyDictionary()
_POOLS_LOCK = threading.Lock()


def pool_for(store: EmbeddedStore, size: int | None = None) -> QueryPool:
    """The store's pool, made on first use (``size`` workers, else :func:`default_size`); ``size`` also resizes.

    The pool closes with the store (:meth:`EmbeddedStore.close`), when the store is garbage-collected, and at exit.
    """
    with _POOLS_LOCK:
        pool = _POOLS.get(store)
        if pool is None or pool.closed or pool.pid != os.getpid():
            pool = QueryPool(store, size or default_size())
            _POOLS[store] = pool
            weakref.finalize(store, pool.close)
            store.on_close(pool.close)
        elif size:
            pool.size = max(1, size)
        return pool
