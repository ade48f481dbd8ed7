"""The pool of pre-forked query processes: deadlines kill and replace, writes are seen at once, many threads are
served, nothing is left running, and inherited sockets do not live on in a worker."""

from __future__ import annotations

import gc
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import QueryError, QueryRefused, QueryTimeout, StoreError
from graph.settings import Settings
from graph.store import EmbeddedStore, Solutions
from graph.store import limits as bounded
from graph.store.pool import QueryPool, default_size, pool_for
from tests.support.paths import ROOT

EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def quads(n: int, tag: str = "s") -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(f"{EX}{tag}{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i))) for i in range(n)]


def count(store: EmbeddedStore) -> int:
    return int(bounded.run(store, COUNT, timeout_s=10, max_rows=1).answer.rows[0][0].value)


def gone(pid: int) -> bool:
    """No such process, or only zombie threads left (they hold no files; init or we reap them later)."""
    states = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                states.append((task / "stat").read_text().rsplit(")", 1)[1].split()[0])
            except (FileNotFoundError, ProcessLookupError):
                continue
    except (FileNotFoundError, ProcessLookupError):
        return True
    return all(state == "Z" for state in states)


def wait_gone(pids: list[int], within_s: float = 5.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if all(gone(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    """A small store of each embedded kind, closed afterwards."""
    store = EmbeddedStore(tmp_path / "db" if request.param == "oxigraph" else None)
    store.insert(quads(50))
    yield store
    if hasattr(store, "_store"):
        store.close()


@pytest.fixture(scope="module")
def big_store():
    """100k triples: enough for a cartesian product that runs for minutes."""
    store = EmbeddedStore()
    store.insert([ox.Quad(ox.NamedNode(f"{EX}s{i % 1000}"), ox.NamedNode(f"{EX}p{i % 10}"),
                          ox.NamedNode(f"{EX}o{i}")) for i in range(100_000)])
    yield store
    store.close()


def test_the_timed_out_worker_is_killed_and_replaced(big_store):
    pool = pool_for(big_store, 1)
    assert count(big_store) == 100_000
    [before] = pool.pids()
    with pytest.raises(QueryTimeout):
        bounded.run(big_store, HEAVY, timeout_s=0.5, max_rows=1)
    assert wait_gone([before], 1.0)
    assert count(big_store) == 100_000
    assert pool.pids() != [before]


def test_a_caller_waiting_for_a_busy_worker_times_out_within_its_own_limit(big_store):
    pool_for(big_store, 1)
    with ThreadPoolExecutor(1) as threads:
        heavy = threads.submit(bounded.run, big_store, HEAVY, timeout_s=1.5, max_rows=1)
        time.sleep(0.2)
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            bounded.run(big_store, "ASK {}", timeout_s=0.3, max_rows=1)
        assert time.monotonic() - started < 1.0
        with pytest.raises(QueryTimeout):
            heavy.result()
    assert bounded.run(big_store, "ASK { ?s ?p ?o }", timeout_s=5, max_rows=1).answer is True


def test_writes_are_seen_by_the_next_query(store):
    assert count(store) == 50
    pids = pool_for(store).pids()
    store.insert(quads(7, "new"))
    assert count(store) == 57
    assert wait_gone(pids), "the stale worker was not retired"
    store.update(f"DELETE WHERE {{ <{EX}new0> ?p ?o }}")
    assert count(store) == 56
    store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}b> <{EX}c> }} }}")
    answer = bounded.run(store, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout_s=10, max_rows=10).answer
    assert [r[0].value for r in answer.rows] == [f"{EX}g"]


def test_a_failed_write_still_retires_the_workers(store):
    count(store)
    with pytest.raises(QueryError):
        store.update("INSERT DATA { this is not SPARQL")
    store.insert(quads(1, "late"))
    assert count(store) == 51


def test_row_cap_syntax_errors_and_policy(store):
    capped = bounded.run(store, "SELECT ?s WHERE { ?s ?p ?o }", timeout_s=10, max_rows=3)
    assert capped.truncated and len(capped.answer.rows) == 3
    with pytest.raises(QueryError) as info:
        bounded.run(store, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER ( }", timeout_s=10, max_rows=3)
    assert info.value.line == 3 and info.value.column is not None
    for refused in (f"SELECT * WHERE {{ SERVICE <{EX}sparql> {{ ?s ?p ?o }} }}", f"LOAD <{EX}data.ttl>"):
        with pytest.raises(QueryRefused):
            bounded.run(store, refused, timeout_s=10, max_rows=3)


def test_many_threads_get_their_own_answers(store):
    pool_for(store, 2)

    def ask(i: int) -> str:
        answer = bounded.run(store, f"SELECT ?o WHERE {{ <{EX}s{i % 50}> ?p ?o }}", timeout_s=20, max_rows=5).answer
        return answer.rows[0][0].value

    with ThreadPoolExecutor(8) as threads:
        answers = list(threads.map(ask, range(200)))
    assert answers == [str(i % 50) for i in range(200)]
    assert len(pool_for(store).pids()) <= 2


def test_close_leaves_no_process(store):
    with ThreadPoolExecutor(4) as threads:
        list(threads.map(lambda _: count(store), range(8)))
    pids = pool_for(store).pids()
    assert pids
    store.close()
    assert wait_gone(pids, 2.0)
    with pytest.raises(StoreError):
        count(store)


def test_a_collected_store_takes_its_workers_along():
    store = EmbeddedStore()
    store.insert(quads(3))
    count(store)
    pids = pool_for(store).pids()
    del store
    gc.collect()
    assert wait_gone(pids, 2.0)


def test_a_worker_killed_from_outside_is_replaced(store):
    pool = pool_for(store, 1)
    count(store)
    [idle] = pool.pids()
    os.kill(idle, signal.SIGKILL)
    assert wait_gone([idle])
    assert count(store) == 50  # the request could not be written: another worker took it
    [busy] = pool.pids()
    threading.Timer(0.3, os.kill, (busy, signal.SIGKILL)).start()
    with pytest.raises(StoreError):
        pool.call(10, _sleep, 5)
    assert count(store) == 50


def _sleep(_store: ox.Store, seconds: float) -> None:
    time.sleep(seconds)


def _raise_http(_store: ox.Store) -> None:
    from graph.errors import HttpError

    raise HttpError("not acceptable", 406)


def test_errors_keep_their_type_and_attributes():
    store = EmbeddedStore()
    pool = pool_for(store)
    with pytest.raises(Exception) as info:
        pool.call(5, _raise_http)
    assert type(info.value).__name__ == "HttpError" and info.value.status == 406
    with pytest.raises(QueryError, match="ZeroDivisionError"):
        pool.call(5, _divide)
    store.close()


def _divide(_store: ox.Store) -> float:
    return 1 / 0


def test_answers_keep_every_kind_of_term():
    store = EmbeddedStore()
    store.update(f"""INSERT DATA {{
      <{EX}a> <{EX}p> "text", "svensk"@sv, "7"^^<http://www.w3.org/2001/XMLSchema#integer>, _:b, <{EX}c> ;
              <{EX}q> "rtl"@ar--rtl .
    }}""")
    query = f"SELECT ?o ?x WHERE {{ <{EX}a> ?p ?o OPTIONAL {{ ?o <{EX}none> ?x }} }}"
    direct = store.query(query)
    pooled = bounded.run(store, query, timeout_s=5, max_rows=100).answer
    assert isinstance(pooled, Solutions) and pooled.variables == ["o", "x"]
    assert sorted(map(str, pooled.rows)) == sorted(map(str, direct.rows))
    assert any(isinstance(r[0], ox.BlankNode) for r in pooled.rows)
    construct = f"CONSTRUCT {{ ?o <{EX}back> <{EX}a> }} WHERE {{ <{EX}a> ?p ?o }}"
    assert sorted(map(str, bounded.run(store, construct, timeout_s=5, max_rows=100).answer)) == sorted(
        map(str, store.query(construct)))
    store.close()


def test_inherited_connections_are_not_kept_open_by_a_worker():
    """A connection the parent had open at the fork must end when the parent closes it (the web server's sockets)."""
    server, client = socket.socketpair()
    store = EmbeddedStore()
    count(store)  # forks the worker while both ends are open here
    server.close()
    client.settimeout(2)
    assert client.recv(1) == b""  # end-of-file: no copy of ``server`` lives on in the worker
    client.close()
    store.close()


def test_workers_exit_when_their_parent_dies():
    script = textwrap.dedent("""
        import os, sys
        from graph.store import limits as bounded
        from graph.store.pool import pool_for
        from graph.store import EmbeddedStore
        store = EmbeddedStore()
        bounded.run(store, "ASK {}", timeout_s=5, max_rows=1)
        print(*pool_for(store).pids(), flush=True)
        os.kill(os.getpid(), 9)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    pids = [int(p) for p in done.stdout.split()]
    assert pids and wait_gone(pids, 3.0)


def test_pool_size_from_settings(monkeypatch):
    monkeypatch.setenv("FARDPLAN_QUERY_WORKERS", "3")
    assert default_size() == 3 and Settings.from_env().query_workers == 3
    monkeypatch.delenv("FARDPLAN_QUERY_WORKERS")
    assert default_size() == min(2, os.cpu_count() or 1)
    store = EmbeddedStore()
    from flask import Flask

    from graph.http.endpoint import register_routes

    register_routes(Flask(__name__), store, Settings(store="memory", query_workers=3))
    assert pool_for(store).size == 3
    store.close()


def test_a_closed_pool_refuses():
    store = EmbeddedStore()
    pool = QueryPool(store, 1)
    pool.close()
    with pytest.raises(StoreError):
        pool.call(1, _sleep, 0)
    store.close()


def test_a_failed_fork_is_a_store_error_and_leaks_no_descriptor(monkeypatch):
    import errno

    from graph.errors import StoreError
    from graph.store import pool as query_pool

    def no_fork():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    before = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(query_pool.os, "fork", no_fork)
    with pytest.raises(StoreError, match="cannot start a query process"):
        query_pool._fork(EmbeddedStore()._store, 0)
    assert len(os.listdir("/proc/self/fd")) == before


# ------------------------------------------------------------------------------------------------ limits (issue 10)
BLOW_UP = ("SELECT (STRLEN(GROUP_CONCAT(?x)) AS ?n) WHERE { "
           + " ".join(f"VALUES ?{v} {{1 2 3 4 5 6 7 8 9 10}}" for v in "abcdef")
           + " BIND (CONCAT(STR(?a), '" + "x" * 500 + "', STR(?b), STR(?c), STR(?d), STR(?e), STR(?f)) AS ?x) }")


def _failing_unshare(_flags: int) -> int:
    import ctypes
    import errno

    ctypes.set_errno(errno.EPERM)
    return -1


def test_a_worker_that_keeps_the_network_is_refused(monkeypatch):
    from graph.store import pool as query_pool

    monkeypatch.setattr(query_pool, "_UNSHARE", _failing_unshare)  # inherited by the fork: the worker's unshare fails
    store = EmbeddedStore()
    store.insert(quads(5))
    pool = pool_for(store, 1, query_pool.Limits())
    with pytest.raises(StoreError) as info:
        count(store)
    message = str(info.value)
    assert "network" in message and "Operation not permitted" in message and "allow_network_in_workers" in message
    assert info.value.status == 503 and pool.pids() == []
    pool_for(store, 1, query_pool.Limits(allow_network=True))
    assert count(store) == 5  # explicitly allowed by the setting
    store.close()


def test_the_real_unshare_works_here():
    from graph.store import pool as query_pool

    store = EmbeddedStore()
    assert pool_for(store, 1, query_pool.Limits()).call(10, _network_namespace) != _network_namespace(None)
    store.close()


def _network_namespace(_store: ox.Store | None) -> str:
    return os.readlink("/proc/self/ns/net")


def test_a_query_past_the_memory_limit_is_507_and_the_next_one_runs(store):
    from graph.errors import QueryTooLarge
    from graph.store.pool import Limits

    pool = pool_for(store, 1, Limits(memory_mb=200))
    assert count(store) == 50
    [before] = pool.pids()
    with pytest.raises(QueryTooLarge) as info:
        bounded.run(store, BLOW_UP, timeout_s=60, max_rows=1)
    assert info.value.status == 507 and "query_memory_mb = 200" in str(info.value)
    assert wait_gone([before], 2.0)
    assert count(store) == 50 and pool.pids() != [before]


def test_without_the_limit_the_same_query_runs():
    from graph.store.pool import Limits

    store = EmbeddedStore()
    pool_for(store, 1, Limits(memory_mb=0))
    small = BLOW_UP.replace(" VALUES ?f {1 2 3 4 5 6 7 8 9 10}", " VALUES ?f {1}")  # 60 MB, well within 1 GB
    assert int(bounded.run(store, small, timeout_s=60, max_rows=1).answer.rows[0][0].value) > 50_000_000
    store.close()


def test_an_answer_past_max_answer_bytes_is_507(store):
    from graph.errors import QueryTooLarge
    from graph.store.pool import Limits

    pool_for(store, 1, Limits(max_answer_bytes=2_000))
    with pytest.raises(QueryTooLarge) as info:
        bounded.run(store, "SELECT * WHERE { ?s ?p ?o }", timeout_s=10, max_rows=1000)
    assert info.value.status == 507 and "max_answer_bytes = 2000" in str(info.value)
    assert count(store) == 50


@pytest.mark.parametrize("sig", [signal.SIGSEGV, signal.SIGKILL])
def test_a_crashed_worker_is_a_500_naming_the_signal(store, sig):
    from graph.errors import QueryCrashed

    pool = pool_for(store, 1)
    count(store)
    [busy] = pool.pids()
    threading.Timer(0.3, os.kill, (busy, sig)).start()
    with pytest.raises(QueryCrashed) as info:
        pool.call(10, _sleep, 5)
    assert info.value.status == 500 and sig.name in str(info.value) and "server's failure" in str(info.value)
    assert count(store) == 50


def test_heavy_queries_leave_a_worker_to_light_ones(big_store):
    from graph.store.pool import Limits

    pool = pool_for(big_store, 2, Limits(heavy_after_s=0.2))
    assert pool.heavy_slots == 1
    with ThreadPoolExecutor(3) as threads:
        heavy = [threads.submit(bounded.run, big_store, HEAVY, timeout_s=4, max_rows=1) for _ in range(3)]
        time.sleep(0.8)  # all three have turned heavy; one holds the heavy slot, two wait for it
        assert len(pool.heavy_pids()) == 1
        for _ in range(5):
            assert bounded.run(big_store, "ASK { ?s ?p ?o }", timeout_s=2, max_rows=1).answer is True
        assert not any(h.done() for h in heavy)
        for h in heavy:
            with pytest.raises(QueryTimeout):
                h.result()
    assert pool.heavy_pids() == []


def test_past_the_heavy_queue_a_heavy_query_is_refused_at_once(big_store):
    """Waiting heavy queries hold web server threads: one more than ``heavy_queue`` waiting is a 503 "busy" at
    once, and light queries still run."""
    from graph.errors import QueryBusy
    from graph.store.pool import Limits

    pool_for(big_store, 2, Limits(heavy_after_s=0.2, heavy_queue=1))
    with ThreadPoolExecutor(3) as threads:
        heavy = [threads.submit(bounded.run, big_store, HEAVY, timeout_s=4, max_rows=1) for _ in range(2)]
        time.sleep(0.8)  # one holds the heavy slot, one waits for it: the queue is full
        started = time.monotonic()
        with pytest.raises(QueryBusy) as info:
            bounded.run(big_store, HEAVY, timeout_s=4, max_rows=1)
        assert time.monotonic() - started < 2 and info.value.status == 503 and info.value.kind == "busy"
        assert "already waiting" in str(info.value)
        assert bounded.run(big_store, "ASK { ?s ?p ?o }", timeout_s=2, max_rows=1).answer is True
        for h in heavy:
            with pytest.raises(QueryTimeout):
                h.result()


def test_a_heavy_worker_runs_at_a_lower_priority(big_store):
    from graph.store.pool import HEAVY_NICE, Limits

    pool = pool_for(big_store, 2, Limits(heavy_after_s=0.1))
    with ThreadPoolExecutor(1) as threads:
        heavy = threads.submit(bounded.run, big_store, HEAVY, timeout_s=1.5, max_rows=1)
        time.sleep(0.6)
        [pid] = pool.heavy_pids()
        assert os.getpriority(os.PRIO_PROCESS, pid) == HEAVY_NICE
        with pytest.raises(QueryTimeout):
            heavy.result()


def _slow_while(_store: ox.Store, flag: str) -> bool:
    slow = os.path.exists(flag)
    if slow:
        time.sleep(0.6)
    return slow


def test_a_call_heavy_only_once_is_light_again(store, tmp_path):
    from graph.store.pool import Limits

    flag = tmp_path / "slow"
    flag.touch()
    pool = pool_for(store, 2, Limits(heavy_after_s=0.2))
    with ThreadPoolExecutor(2) as threads:  # two slow calls at once: one is promoted, the other stopped and re-run
        assert [f.result() for f in [threads.submit(pool.call, 10, _slow_while, str(flag)) for _ in range(2)]] \
            == [True, True]
    assert len(pool._known_heavy) == 1
    assert pool.call(10, _slow_while, str(tmp_path / "other")) is False and len(pool._known_heavy) == 1
    flag.unlink()
    assert pool.call(10, _slow_while, str(flag)) is False  # the same call, quick this time: light again
    assert len(pool._known_heavy) == 0
