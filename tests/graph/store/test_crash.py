"""Crash safety: a load or the explorer killed with SIGKILL leaves an on-disk store that opens and holds either all
of the old content or all of the new (count and a probe triple from each), never a mix.

The load runs in a child process (the same phases as ``graph.load.loader.load_files``: stage and parse, SHACL
check, one transaction into the store), which prints each phase as it starts; the test kills it at six points,
from the start of the interpreter to just after the insert. Every load streams its file through the staging
store, so this is also the large-file path.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from graph.store import EmbeddedStore
from tests.support.paths import ROOT
from tests.support.servers import free_port, wait_http

EX = "https://example.org/crash/"
OLD_PROBE = ox.Quad(ox.NamedNode(EX + "old"), ox.NamedNode(EX + "probe"), ox.Literal("old"))
NEW_PROBE = ox.Quad(ox.NamedNode(EX + "new"), ox.NamedNode(EX + "probe"), ox.Literal("new"))
OLD_TRIPLES = 1_000
NEW_TRIPLES = 200_000
LOADER = """
import sys
from graph.load import loader as loading
from graph.store import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
print("stage", flush=True)
staging = loading.stage_files([sys.argv[2]])
print("check", flush=True)
loading.check_staged(store, staging, sys.argv[2])
print("insert", flush=True)
store.insert_store(staging)
store.close()
print("done", flush=True)
"""
# (phase printed, seconds after it) — during start-up, parse, validation, the insert twice, and after it.
KILL_POINTS = [(None, 0.3), ("stage", 0.05), ("check", 0.02), ("insert", 0.05), ("insert", 0.5), ("done", 0.0)]


def _ntriples(path: Path, probe: ox.Quad, prefix: str, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        f.write(f"{probe.subject} {probe.predicate} {probe.object} .\n")
        for i in range(n - 1):
            f.write(f"<{EX}{prefix}{i}> <{EX}value> \"{prefix} {i}\" .\n")
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crash")
    old = _ntriples(tmp / "old.nt", OLD_PROBE, "o", OLD_TRIPLES)
    new = _ntriples(tmp / "new.nt", NEW_PROBE, "n", NEW_TRIPLES)
    template = tmp / "template"
    store = ox.Store(str(template))
    store.load(path=str(old), format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    return template, new


def _state(path: Path) -> str:
    """'old' or 'new' after checking the store opens and holds exactly one version; fails on a mix."""
    store = ox.Store(str(path))
    try:
        count, old, new = len(store), OLD_PROBE in store, NEW_PROBE in store
    finally:
        del store
    if (count, old, new) == (OLD_TRIPLES, True, False):
        return "old"
    assert (count, old, new) == (OLD_TRIPLES + NEW_TRIPLES, True, True), (count, old, new)
    return "new"


def _child(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(proc: subprocess.Popen, phase: str | None, timeout_s: float = 60.0) -> None:
    if phase is None:
        return
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == phase:
            return
        if not line and proc.poll() is not None:
            pytest.fail(f"loader exited before {phase!r}: {proc.stderr.read()[-800:]}")
    pytest.fail(f"loader did not reach {phase!r}")


@pytest.mark.parametrize("phase,delay", KILL_POINTS, ids=[f"{p or 'start'}+{d}s" for p, d in KILL_POINTS])
def test_a_load_killed_at_any_point_leaves_old_or_new(files, tmp_path, phase, delay):
    template, new = files
    store = tmp_path / "store"
    shutil.copytree(template, store)
    proc = _child([sys.executable, "-c", LOADER, str(store), str(new)])
    try:
        _wait_for(proc, phase)
        time.sleep(delay)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    state = _state(store)
    if phase in (None, "stage", "check"):
        assert state == "old"  # nothing is written before the check has passed
    if phase == "done":
        assert state == "new"
    # after the kill the store opens through our own interface and takes a write
    reopened = EmbeddedStore(store)
    reopened.insert([ox.Quad(ox.NamedNode(EX + "after"), ox.NamedNode(EX + "probe"), ox.Literal("after"))])
    assert reopened.count() == (OLD_TRIPLES if state == "old" else OLD_TRIPLES + NEW_TRIPLES) + 1
    reopened.close()


def _count(url: str) -> int:
    answer = requests.get(url + "sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
    answer.raise_for_status()
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def _serve(store: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "app.py", "--store", f"oxigraph:{store}", "--port", str(port)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    wait_http(url, timeout_s=60)
    return proc, url


def _kill(proc: subprocess.Popen) -> None:
    """SIGKILL the explorer and the query processes it forked (its own process group, started by this test)."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # The web server's worker process and its query processes die with it, but may close the store's lock a
    # moment after the parent is reaped (seen on a loaded machine): wait until no process of the group is left.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError(f"processes of group {proc.pid} still alive 30 s after SIGKILL")


def test_the_explorer_killed_while_serving_leaves_a_store_that_opens_and_serves_again(tmp_path):
    store = tmp_path / "store"
    proc, url = _serve(store)  # first start seeds the store from data/
    try:
        assert requests.get(url, timeout=30).status_code == 200
        count = _count(url)
        assert count > 1000
        for _ in range(3):
            assert _count(url) == count
    finally:
        _kill(proc)
    reopened = ox.Store(str(store))
    assert len(reopened) == count
    del reopened
    proc, url = _serve(store)
    try:
        assert requests.get(url, timeout=30).status_code == 200
        assert _count(url) == count
    finally:
        _kill(proc)
