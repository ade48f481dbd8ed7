"""Timing helpers: medians of repeated runs, a forked child with a real deadline, and the machine's facts."""

from __future__ import annotations

import multiprocessing
import os
import platform
import statistics
import time
from collections.abc import Callable
from importlib import metadata
from typing import Any

__all__ = ["Timed", "timed", "in_child", "machine", "fmt_ms"]

LIBRARIES = ("rdflib", "pyoxigraph", "pyshacl", "networkx", "flask", "dash", "rdflib-endpoint", "uvicorn",
             "fastapi", "requests")


class Timed(dict):
    """Milliseconds of each run and their median: ``{"median_ms", "runs_ms", "result"}``."""


def timed(fn: Callable[[], Any], runs: int, warmup: int = 0) -> Timed:
    """Run ``fn`` ``warmup`` + ``runs`` times; keep the median wall time of the measured runs (ms)."""
    result = None
    for _ in range(warmup):
        result = fn()
    samples = []
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
    return Timed(median_ms=statistics.median(samples), runs_ms=samples, result=result)


def in_child(fn: Callable[[], Any], deadline_s: float) -> tuple[str, Any]:
    """Run ``fn`` in a forked child killed at the deadline: ``("ok", value)``, ``("timeout", None)`` or
    ``("error", message)``. The value must pickle. A pyoxigraph or rdflib query cannot be stopped in a thread;
    a killed child really stops it (and the parent's memory is shared copy-on-write)."""
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)

    def target() -> None:
        try:
            sender.send(("ok", fn()))
        except BaseException as exc:  # noqa: BLE001 - report anything back to the parent
            sender.send(("error", f"{type(exc).__name__}: {exc}"[:300]))

    proc = ctx.Process(target=target, daemon=True)
    proc.start()
    sender.close()
    try:
        outcome = receiver.recv() if receiver.poll(deadline_s) else ("timeout", None)
    except EOFError:
        outcome = ("error", f"child exited with code {proc.exitcode}")
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(10)
        receiver.close()
    return outcome


def _meminfo_gb() -> float | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        return None
    return None


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """CPU count and model, memory, OS, Python and the versions of the libraries measured."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "nproc": os.cpu_count(), "cpu": _cpu_model(), "memory_gb": _meminfo_gb(),
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        "libraries": versions, "loadavg_at_start": [round(x, 2) for x in load] if load else None,
    }


def fmt_ms(value: float | None) -> str:
    """Milliseconds for a table: 3 significant-ish digits, or ``–``."""
    if value is None:
        return "–"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"
