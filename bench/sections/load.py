"""Bench section ``load``: the N-Triples file loaded in a fresh process per run (:mod:`bench.load_child`), its
time and peak RSS, for each engine: the app's load path in memory and on disk, with the explorer's warm-up,
the SHACL-checked ``fardplan load`` and rdflib's ``Graph.parse``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, Context, section_result

__all__ = ["section_load"]


def _load_child(engine: str, path: Path, workdir: Path, timeout_s: float) -> dict[str, Any]:
    target = workdir / f"store-{engine}-{time.monotonic_ns()}"
    cmd = [sys.executable, "-m", "bench.load_child", engine, str(path), str(target)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, cwd=ROOT, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{engine} load failed: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def section_load(ctx: Context) -> dict[str, Any]:
    """Load the N-Triples file in a fresh process per run: time and peak RSS (ru_maxrss of that process)."""
    engines = [("oxigraph-memory", ctx.runs_for(heavy=True)), ("oxigraph-disk", ctx.runs_for(heavy=True)),
               ("app-warmed", 1), ("rdflib", 1 if ctx.size > ctx.args.rdflib_max else ctx.runs_for(heavy=True))]
    notes = ["oxigraph-*: the app's load path (`graph.rdf.formats.parse_file`, then one atomic `Store.insert`), "
             "without the SHACL check; rdflib: `Graph().parse(format='nt')`. Peak RSS is the whole process "
             "(interpreter and imports included; the baseline before loading is shown)."]
    if ctx.size <= ctx.args.checked_max:
        engines.append(("checked", 1))
        notes.append("checked: what `fardplan load FILE --store oxigraph:DIR` does — the store seeded from data/ "
                     "first (not timed), then `graph.load.loader.load_files`: the file streamed into an in-memory "
                     "staging store, the SHACL shapes run there as SPARQL (docs/validation.md), one transaction "
                     "into the on-disk store; one run, its own process (peak RSS is that process's).")
    else:
        notes.append(f"checked (parse + SHACL + insert) not run at {ctx.label} (limit --checked-max "
                     f"{ctx.args.checked_max:,}).")
    rows, metrics = [], {}
    for engine, runs in engines:
        samples = [_load_child(engine, ctx.nt, ctx.workdir, ctx.args.child_timeout) for _ in range(runs)]
        seconds = statistics.median(s["seconds"] for s in samples)
        rss = statistics.median(s["peak_rss_mb"] for s in samples)
        base = statistics.median(s["baseline_rss_mb"] for s in samples)
        rows.append([engine, f"{seconds:.2f} s", f"{rss:.0f} MB", f"{base:.0f} MB",
                     f"{samples[0]['triples'] / seconds:,.0f}", runs])
        metrics[engine] = {"seconds": seconds, "peak_rss_mb": rss}
        if "warm_seconds" in samples[0]:
            metrics[engine]["warm_seconds"] = samples[0]["warm_seconds"]
            notes.append(f"app-warmed: the oxigraph-memory load, then the explorer's start-up warm-up (index, "
                         f"search tables, analysis views, collaboration network ranking and layout), which took "
                         f"{samples[0]['warm_seconds']:.1f} s more (in the background of a running server); its "
                         "peak RSS is the explorer's.")
    ox_s, rd = metrics["oxigraph-memory"]["seconds"], metrics.get("rdflib")
    if rd:
        notes.append(f"rdflib / oxigraph-memory load time: {rd['seconds'] / ox_s:.1f}×; "
                     f"peak RSS {rd['peak_rss_mb'] / metrics['oxigraph-memory']['peak_rss_mb']:.1f}×.")
    return section_result("Load and memory",
                          ["engine", "median load", "peak RSS", "baseline RSS", "triples/s", "runs"],
                          rows, notes, metrics)
