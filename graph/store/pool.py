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

Limits (:class:`Limits`, from :class:`~graph.settings.Settings`):

* **No network, or no worker.** A worker that cannot enter its empty network namespace (``unshare`` refused,
  e.g. in a container without user namespaces) tells the pool so instead of serving, and the pool refuses to
  run queries (a :class:`StoreError` naming ``allow_network_in_workers``) unless that setting allows it.
* **Memory.** A worker may allocate at most ``query_memory_mb`` beyond what it inherited (``RLIMIT_DATA``,
  which counts private writable memory: the copy-on-write heap and everything the query allocates, but not
  the store's file mappings; ``RLIMIT_AS`` would also count reserved address space, which RocksDB and
  glibc's per-thread arenas take plenty of). An allocation past it aborts the worker (Rust's allocator
  aborts): the caller gets :class:`QueryTooLarge` (507) and a new worker serves the next call. An answer
  larger than ``max_answer_bytes`` is a :class:`QueryTooLarge` too, decided in the worker.
* **Crashes.** A worker that dies of anything else (a signal, the kernel's OOM killer) is a
  :class:`QueryCrashed` (500, the server's failure) naming the signal.
* **Heavy queries do not starve light ones.** A call that has run longer than ``query_heavy_after_s`` is
  *heavy* and needs one of ``query_heavy_workers`` slots (default: all workers but one). If none is free it is
  stopped (its worker killed) and waits for a slot, then runs again from the start within its own deadline;
  a call already seen to be heavy (same function and arguments; until a run of it ends within
  ``query_heavy_after_s``, so a busy moment does not brand a light query) waits for a slot at once. So at least one
  worker only ever holds calls younger than ``query_heavy_after_s``, and a light call waits at most about that
  long. Heavy workers also run at a lower CPU priority (nice 10) while they are heavy. At most
  ``query_heavy_queue`` heavy calls wait for a slot at once; one more is refused at once (:class:`QueryBusy`, 503),
  because a waiting call holds a thread of the web server, and enough of them would leave none for light requests.

Why one module of this length: both ends of one pipe protocol (the worker's loop, the framing, the parent's
scheduling of light and heavy calls) change together, and the security properties (network cut off, inherited
descriptors dropped, memory capped) are only reviewable when read side by side.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import faulthandler
import gc
import hashlib
import os
import pickle
import resource
import select
import signal
import stat
import struct
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graph.errors import FardplanError, QueryBusy, QueryCrashed, QueryError, QueryTimeout, QueryTooLarge, StoreError
from graph.settings import Settings
from graph.store.base import Store

__all__ = ["Limits", "QueryPool", "default_size", "pool_for"]

PROBE_S = 0.5
HEAVY_NICE = 10
KNOWN_HEAVY = 256  # calls remembered as heavy
_READY = b"R"
_NO_NETWORK = b"N"
_HEADER = struct.Struct("!Q")
_CHUNK = 1 << 16  # a pipe holds 64 KiB: a larger read gets no more, but costs a fresh 1 MB buffer (mmap) per call

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
try:  # looked up once here: a forked child must not call into the dynamic loader
    _UNSHARE = ctypes.CDLL(None, use_errno=True).unshare
except (OSError, AttributeError):
    _UNSHARE = None


def default_size() -> int:
    """Workers per store: ``FARDPLAN_QUERY_WORKERS``, or one per CPU but at most two."""
    return Settings.from_env().query_workers or min(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class Limits:
    """What a pool's workers may do; see the module docstring. ``0`` means no limit (memory, answer bytes)."""

    allow_network: bool = False
    memory_mb: int = 1024
    max_answer_bytes: int = 50_000_000
    heavy_after_s: float = 0.25
    heavy_workers: int = 0
    heavy_queue: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.allow_network_in_workers, settings.query_memory_mb, settings.max_answer_bytes,
                   settings.query_heavy_after_s, settings.query_heavy_workers, settings.query_heavy_queue)


# ------------------------------------------------------------------------------------------ the worker side


def _isolate_network() -> None:
    """Enter a new user and network namespace (no interfaces); :class:`OSError` where that is not permitted."""
    if _UNSHARE is None:
        raise OSError(errno.ENOSYS, "unshare() is not available in this C library")
    if _UNSHARE(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _limit_memory(extra_mb: int) -> None:
    """Let this process allocate at most ``extra_mb`` MB of private memory beyond what it holds now."""
    if extra_mb <= 0:
        return
    with open("/proc/self/status", encoding="ascii") as status:
        held = next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmData:")), 0)
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = held + extra_mb * (1 << 20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


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


def _serve(store: ox.Store, requests_fd: int, answers_fd: int, limits: Limits) -> None:
    """A worker's life: isolate (or say ``N`` why not), limit its memory, prove the store is readable (``R``),
    then answer calls until end-of-file."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # the parent decides when its workers stop
    faulthandler.disable()  # a worker's crash is the parent's to report (QueryCrashed / QueryTooLarge), once
    gc.freeze()  # the inherited heap is never scanned, so it stays shared with the parent
    _drop_inherited({requests_fd, answers_fd})
    try:
        _isolate_network()
    except OSError as exc:
        if not limits.allow_network:
            _write_all(answers_fd, _NO_NETWORK + f"unshare: {exc.strerror or exc}".encode())
            return
    os.environ["RUST_BACKTRACE"] = "0"  # an allocation past the limit aborts: one line in the log, not forty
    _limit_memory(limits.memory_mb)
    _watch_parent(requests_fd)
    store.query("ASK {}")
    _write_all(answers_fd, _READY)
    while (request := _read_message(requests_fd)) is not None:
        _write_message(answers_fd, _answer(store, request, limits))


def _too_large(limits: Limits, size: int | None = None) -> QueryTooLarge:
    if size is None:
        return QueryTooLarge(f"the query needed more memory than a query process may use (query_memory_mb = "
                             f"{limits.memory_mb}); simplify it or ask for less (e.g. LIMIT, no huge GROUP_CONCAT)")
    return QueryTooLarge(f"the answer is larger than max_answer_bytes = {limits.max_answer_bytes} bytes"
                         + (f" ({size} bytes)" if size else "") + "; ask for less (LIMIT, fewer columns)")


def _answer(store: ox.Store, request: bytes, limits: Limits = Limits()) -> bytes:
    """Run one pickled call; its pickled outcome: ``("ok", value)`` or ``("raise", class, args, attributes)``."""
    try:
        fn, args = pickle.loads(request)
        reply: tuple = ("ok", fn(store, *args))
    except FardplanError as exc:
        reply = ("raise", type(exc), exc.args, vars(exc))
    except MemoryError:
        error = _too_large(limits)
        reply = ("raise", QueryTooLarge, error.args, vars(error))
    except BaseException as exc:  # noqa: BLE001 - anything else still becomes an answer for the parent
        error = QueryError(f"{exc.__class__.__name__}: {exc}")
        reply = ("raise", QueryError, error.args, vars(error))
    try:
        data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = b""
        reply = None
    except Exception as exc:  # noqa: BLE001
        error = StoreError(f"the answer cannot be sent back: {exc.__class__.__name__}: {exc}")
        return pickle.dumps(("raise", StoreError, error.args, vars(error)))
    if reply is None or (limits.max_answer_bytes and len(data) > limits.max_answer_bytes):
        error = _too_large(limits, len(data))
        del data, reply
        return pickle.dumps(("raise", QueryTooLarge, error.args, vars(error)))
    return data


# ------------------------------------------------------------------------------------------------ framing


class _Late(Exception):
    """The deadline passed while waiting for the worker."""


class _Oversized(Exception):
    """A message announced more bytes than the reader accepts."""


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


def _read_message(fd: int, deadline: float | None = None, limit: int = 0) -> bytes | None:
    """One framed message, or None at end-of-file; one message is in flight per pipe, so nothing is over-read.

    :class:`_Oversized` if the message is longer than ``limit`` bytes (0: any length).
    """
    buffer = bytearray()
    size = None
    while size is None or len(buffer) < _HEADER.size + size:
        if deadline is not None:
            _wait_readable(fd, deadline)
        chunk = os.read(fd, _CHUNK if size is None else min(_CHUNK, _HEADER.size + size - len(buffer)))
        if not chunk:
            return None
        if not buffer and len(chunk) >= _HEADER.size and len(chunk) == _HEADER.size + _HEADER.unpack_from(chunk)[0]:
            if limit and len(chunk) - _HEADER.size > limit:
                raise _Oversized(len(chunk) - _HEADER.size)
            return chunk[_HEADER.size:]  # the whole message in one read (most are): one copy, not three
        buffer += chunk
        if size is None and len(buffer) >= _HEADER.size:
            size = _HEADER.unpack_from(buffer)[0]
            if limit and size > limit:
                raise _Oversized(size)
    return bytes(memoryview(buffer)[_HEADER.size:])


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
    limits: Limits | None = None  # what it was started under
    heavy: bool = False  # holds one of the pool's heavy slots (and runs at nice HEAVY_NICE)

    def kill(self) -> int | None:
        """SIGKILL, reap (no zombie) and close the pipes; the wait status (how it ended), if it was ours to reap."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        status = None
        with contextlib.suppress(ChildProcessError):
            status = os.waitpid(self.pid, 0)[1]
        for fd in (self.requests_fd, self.answers_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        return status


def _crashed(status: int | None, limits: Limits) -> FardplanError:
    """What to tell the caller of a worker that ended without an answer (wait status ``status``)."""
    if status is not None and os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGABRT and limits.memory_mb:  # Rust aborts when an allocation fails
            return _too_large(limits)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return QueryCrashed(f"the query process was killed by {name} (a crash or the system ran out of memory); "
                            "this is the server's failure, not the query's: a new process was started, try again")
    code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else "unknown"
    return QueryCrashed(f"the query process ended without an answer (exit status {code}); this is the server's "
                        "failure, not the query's: a new process was started, try again")


def _fork(store: ox.Store, generation: int, limits: Limits = Limits()) -> _Worker:
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
            _serve(store, requests_r, answers_w, limits)
        finally:
            os._exit(0)
    os.close(requests_r)
    os.close(answers_w)
    return _Worker(pid, requests_w, answers_r, generation, limits)


def _ready(worker: _Worker, deadline: float) -> bool | str | None:
    """True once the worker wrote ``R``; False if it stalled until ``deadline``; None if it exited; the reason
    (a str) if it cannot cut itself off the network."""
    try:
        _wait_readable(worker.answers_fd, deadline)
    except _Late:
        return False
    first = os.read(worker.answers_fd, 1)
    if first == _NO_NETWORK:
        return os.read(worker.answers_fd, 4096).decode("utf-8", "replace") or "unshare failed"
    return first == _READY or None


def _late(timeout_s: float) -> QueryTimeout:
    return QueryTimeout(f"the query was stopped at the time limit of {timeout_s:g} s")


class QueryPool:
    """At most ``size`` pre-forked workers over one embedded store; :meth:`call` runs a function in one of them."""

    def __init__(self, store: Store, size: int, limits: Limits | None = None) -> None:
        self._store = weakref.ref(store)
        self.size = max(1, size)
        self.limits = limits or Limits.from_settings(Settings.from_env())
        self.closed = False
        self.pid = os.getpid()  # a process forked from this one (a pre-fork web server) must not use or kill these
        self._workers: set[_Worker] = set()
        self._idle: list[_Worker] = []
        self._starting = 0
        self._heavy = 0  # heavy slots taken (by workers, or by calls starting one)
        self._heavy_waiting = 0  # heavy calls waiting for a slot (at most limits.heavy_queue)
        self._known_heavy: OrderedDict[bytes, None] = OrderedDict()
        self._cond = threading.Condition()

    @property
    def heavy_slots(self) -> int:
        """How many workers heavy calls may hold at once: ``limits.heavy_workers``, else all but one (at least 1)."""
        return min(self.size, self.limits.heavy_workers or max(1, self.size - 1))

    def call(self, timeout_s: float, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(snapshot, *args)`` in a worker (``fn`` and ``args`` pickled); what it returns or raises.

        ``snapshot`` is the worker's ``pyoxigraph.Store``. Waiting for a free worker counts against ``timeout_s``;
        at the deadline the worker is killed and :class:`QueryTimeout` raised. A call that runs longer than
        ``limits.heavy_after_s`` needs a heavy slot; without a free one it is stopped and run again in one.
        """
        deadline = time.monotonic() + timeout_s
        request = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        key = hashlib.blake2b(request, digest_size=16).digest()
        heavy = False
        while True:
            worker = self._acquire(deadline, timeout_s, heavy, key)
            try:
                _write_message(worker.requests_fd, request)
            except OSError:  # it died while idle; the call never started: take another
                self._retire(worker)
                continue
            started = time.monotonic()
            if worker.heavy or self._light(worker, deadline, key):
                break
            heavy = True  # stopped: no heavy slot was free; wait for one and run again
        try:
            reply = _read_message(worker.answers_fd, deadline, self._answer_limit())
            if time.monotonic() - started < self.limits.heavy_after_s:
                self._forget_heavy(key)  # it was slow only once (a busy moment): light again
        except _Late:
            self._retire(worker)
            raise _late(timeout_s) from None
        except _Oversized as exc:
            self._retire(worker)
            raise _too_large(self.limits, exc.args[0]) from None
        except BaseException:
            self._retire(worker)
            raise
        if reply is None:
            raise _crashed(self._retire(worker), self.limits)
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

    def set_limits(self, limits: Limits) -> None:
        """New limits for workers started from now on; the others are retired (busy ones when they finish)."""
        with self._cond:
            self.limits = limits
            idle, self._idle = self._idle, []
            self._workers.difference_update(idle)
            self._cond.notify_all()
        for worker in idle:
            worker.kill()

    def pids(self) -> list[int]:
        """Process ids of the live workers (for tests and diagnostics)."""
        with self._cond:
            return [w.pid for w in self._workers]

    def heavy_pids(self) -> list[int]:
        """Process ids of the workers that hold a heavy slot now (for tests and diagnostics)."""
        with self._cond:
            return [w.pid for w in self._workers if w.heavy]

    # ---------------------------------------------------------------------------------------------- internals
    def _owner(self) -> Store:
        store = self._store()
        if self.closed or store is None or not hasattr(store, "native"):
            raise StoreError("the store is closed")
        return store

    def _answer_limit(self) -> int:
        return self.limits.max_answer_bytes + (1 << 16) if self.limits.max_answer_bytes else 0

    def _light(self, worker: _Worker, deadline: float, key: bytes) -> bool:
        """Wait while the call is light; once it turns heavy, move it to a heavy slot (True) or, with none free,
        stop it (False). True also when the answer is ready or the deadline comes first."""
        try:
            _wait_readable(worker.answers_fd, min(deadline, time.monotonic() + self.limits.heavy_after_s))
            return True
        except _Late:
            if time.monotonic() >= deadline:
                return True  # the caller's own deadline: reading the answer times out at once
        with self._cond:
            self._known_heavy[key] = None
            self._known_heavy.move_to_end(key)
            while len(self._known_heavy) > KNOWN_HEAVY:
                self._known_heavy.popitem(last=False)
            promoted = worker in self._workers and self._heavy < self.heavy_slots
            if promoted:
                self._heavy += 1
                worker.heavy = True
        if not promoted:
            self._retire(worker)
            return False
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, worker.pid, HEAVY_NICE)
        return True

    def _forget_heavy(self, key: bytes) -> None:
        if key in self._known_heavy:
            with self._cond:
                self._known_heavy.pop(key, None)

    def _acquire(self, deadline: float, timeout_s: float, heavy: bool = False, key: bytes = b"") -> _Worker:
        """An idle worker of the store's current generation, a new one, or wait; stale ones are killed.

        ``heavy`` (or a call ``key`` seen to be heavy, also while waiting): the worker also takes a heavy slot,
        waiting for one if none is free, unless ``limits.heavy_queue`` heavy calls wait already (:class:`QueryBusy`).
        """
        waiting = False  # this call is counted in _heavy_waiting
        try:
            while True:
                with self._cond:
                    heavy = heavy or key in self._known_heavy
                    generation = self._owner().generation
                    stale = [w for w in self._idle if w.generation != generation]
                    if stale:
                        self._idle = [w for w in self._idle if w.generation == generation]
                        self._workers.difference_update(stale)
                        self._cond.notify(len(stale))
                    slot = not heavy or self._heavy < self.heavy_slots
                    worker = self._idle.pop() if self._idle and slot else None
                    start = slot and worker is None and len(self._workers) + self._starting < self.size
                    if start:
                        self._starting += 1
                    if heavy and (worker is not None or start):
                        self._heavy += 1
                        if worker is not None:
                            worker.heavy = True
                    if worker is None and not start and not stale:
                        if heavy and not slot and not waiting:
                            if self._heavy_waiting >= self.limits.heavy_queue:
                                raise QueryBusy(f"{self._heavy_waiting} long-running queries are already waiting: "
                                                "the endpoint is busy with heavy queries; try again in a moment")
                            self._heavy_waiting += 1
                            waiting = True
                        if deadline <= time.monotonic():
                            raise _late(timeout_s)
                        self._cond.wait(deadline - time.monotonic())
                for old in stale:
                    old.kill()
                if worker is not None:
                    if heavy:
                        with contextlib.suppress(OSError):
                            os.setpriority(os.PRIO_PROCESS, worker.pid, HEAVY_NICE)
                    return worker
                if start:
                    return self._start(deadline, timeout_s, heavy)
        finally:
            if waiting:
                with self._cond:
                    self._heavy_waiting -= 1

    def _start(self, deadline: float, timeout_s: float, heavy: bool = False) -> _Worker:
        """A new worker (counted in ``_starting`` meanwhile), owned by the pool unless it closed meanwhile."""
        try:
            worker = self._fork_ready(deadline, timeout_s)
        except BaseException:
            with self._cond:
                self._starting -= 1
                self._heavy -= heavy
                self._cond.notify_all()
            raise
        worker.heavy = heavy
        with self._cond:
            self._starting -= 1
            keep = not self.closed
            if keep:
                self._workers.add(worker)
            else:
                self._heavy -= heavy
            self._cond.notify()
        if not keep:
            worker.kill()
            raise StoreError("the store is closed")
        if heavy:
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, worker.pid, HEAVY_NICE)
        return worker

    def _fork_ready(self, deadline: float, timeout_s: float) -> _Worker:
        """Fork a worker and wait for its probe; a stalled one is replaced until the deadline."""
        while True:
            store = self._owner()
            worker = _fork(store.native, store.generation, self.limits)
            ready = _ready(worker, min(deadline, time.monotonic() + PROBE_S))
            if ready is True:
                return worker
            worker.kill()
            if isinstance(ready, str):
                error = StoreError(
                    f"{store.url}: a query process cannot cut itself off the network ({ready}), so no query "
                    "is run; allow user and network namespaces where the server runs, or accept the risk with "
                    "the setting allow_network_in_workers (FARDPLAN_ALLOW_NETWORK_IN_WORKERS=1)")
                error.status = 503
                raise error
            if ready is None:
                raise StoreError(f"{store.url}: the query process could not read the store")
            if time.monotonic() >= deadline:
                raise _late(timeout_s)

    def _drop_heavy(self, worker: _Worker) -> None:
        """Give back the worker's heavy slot (with the lock held)."""
        if worker.heavy:
            worker.heavy = False
            self._heavy -= 1
            self._cond.notify_all()

    def _release(self, worker: _Worker) -> None:
        """Back to the idle list, unless the pool closed, shrank, or the store changed since its fork; a heavy
        worker only if its CPU priority can be restored."""
        restored = True
        if worker.heavy:
            try:
                os.setpriority(os.PRIO_PROCESS, worker.pid, 0)
            except OSError:
                restored = False
        with self._cond:
            self._drop_heavy(worker)
            owned = worker in self._workers
            store = self._store()
            keep = (owned and restored and store is not None and worker.limits == self.limits
                    and worker.generation == getattr(store, "generation", None) and len(self._workers) <= self.size)
            if keep:
                self._idle.append(worker)
            else:
                self._workers.discard(worker)
            self._cond.notify()
        if owned and not keep:
            worker.kill()

    def _retire(self, worker: _Worker) -> int | None:
        """Kill a worker this pool still owns (close() may have taken it already: never kill a pid twice); its
        wait status if this call reaped it."""
        with self._cond:
            self._drop_heavy(worker)
            owned = worker in self._workers
            self._workers.discard(worker)
            self._cond.notify()
        return worker.kill() if owned else None


_POOLS: weakref.WeakKeyDictionary[Store, QueryPool] = weakref.WeakKeyDictionary()
_POOLS_LOCK = threading.Lock()


def pool_for(store: Store, size: int | None = None, limits: Limits | None = None) -> QueryPool:
    """The store's pool, made on first use (``size`` workers, else :func:`default_size`); ``size`` also resizes.

    ``limits`` (else from :meth:`Settings.from_env`) also changes them: idle workers started under other limits
    are retired. The pool closes with the store (:meth:`Store.close`), when the store is
    garbage-collected, and at exit.
    """
    with _POOLS_LOCK:
        pool = _POOLS.get(store)
        if pool is None or pool.closed or pool.pid != os.getpid():
            pool = QueryPool(store, size or default_size(), limits)
            _POOLS[store] = pool
            weakref.finalize(store, pool.close)
            store.on_close(pool.close)
        else:
            if size:
                pool.size = max(1, size)
            if limits is not None and limits != pool.limits:
                pool.set_limits(limits)
        return pool
