"""A virtual environment with only the README's install of the project (no test extra), built once per
``pyproject.toml`` and Python version in a cache folder outside the repository, and ``python app.py`` run from it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from tests.support.paths import ROOT
from tests.support.servers import free_port, stop_process

__all__ = ["ROOT", "base_venv", "cache_dir", "running_app"]

INSTALL_TIMEOUT_S = 900


def cache_dir() -> Path:
    """``FARDPLAN_TEST_CACHE``, else ``~/.cache/fardplan-test`` (outside the clone, kept between runs)."""
    return Path(os.environ.get("FARDPLAN_TEST_CACHE") or Path.home() / ".cache" / "fardplan-test")


def _key() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


def _clean_env() -> dict[str, str]:
    """This process's environment without what would leak the test environment into the base one."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    venv_bin = str(Path(sys.prefix) / "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    return env


def base_venv() -> Path:
    """The base environment's python: ``python -m venv``, then ``pip install -e <repo>`` (the README's install,
    nothing else), made once per key and reused; a half-built one is never used."""
    target = cache_dir() / f"base-venv-{_key()}"
    python = target / "bin" / "python"
    if (target / "READY").exists():
        return python
    # The venv's scripts name its folder, so it is built in place; READY, written last, marks it complete.
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(target)], check=True, env=_clean_env(), timeout=300)
    result = subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", str(ROOT)], cwd=ROOT,
                            env=_clean_env(), capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S)
    if result.returncode != 0:
        raise RuntimeError(f"pip install -e {ROOT} into {target} failed:\n{result.stdout}\n{result.stderr}")
    (target / "READY").write_text(f"{ROOT}\n", encoding="utf-8")
    return python


@contextmanager
def running_app(python: Path, log: Path, *args: str) -> Iterator[str]:
    """``python app.py --store memory --port FREE ARGS…`` from the repository, its output into ``log``; yields
    its base URL once ``/`` answers (at most 120 s), stops it afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(python), "app.py", "--store", "memory", "--port", str(port), *args], cwd=ROOT,
                                env=_clean_env(), stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"app.py exited with {proc.returncode}:\n{log.read_text('utf-8', 'replace')}")
                try:
                    if requests.get(base + "/", timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"app.py did not answer in 120 s:\n{log.read_text('utf-8', 'replace')}")
                time.sleep(0.3)
            yield base
        finally:
            stop_process(proc)
