"""``python -m bench``: Färdplan Explorer at city scale (issue #6), on the synthetic city of :mod:`bench.synthetic`.

For each size: load time and peak RSS (each load in a fresh process), every canned query (pyoxigraph, side by side
with rdflib's engine), the analysis functions, the explorer's service functions, and SPARQL endpoint throughput
(ours, ``rdflib-endpoint`` and ``oxigraph serve-read-only``). Medians of ``--runs`` runs. Writes
``docs/benchmarks.md`` with the budgets of the issue marked met / missed / not measured. ``python -m bench ingest``
is a report of its own (:data:`REPORTS`, :mod:`bench.sections.ingest`): the ingest's quality in docs/ingest.md.

A section whose module does not exist yet is skipped, and the report says so. This module is the command line
(:func:`build_parser`, :func:`main`) and the registry of sections (:data:`SECTION_FUNCS`); the sections themselves
are in :mod:`bench.sections`, :mod:`bench.under_load` and :mod:`bench.browser`, what they share in :mod:`bench.common`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import browser, report, under_load
from bench.common import HUB2_IRI, HUB_IRI, ROOT, Context, parse_size, size_label
from bench.measure import machine
from bench.sections import analysis, endpoint, explore, ingest, load, queries
from bench.synthetic import build, write
from graph.store import EmbeddedStore
from graph.vocab.namespaces import FP_IRI

__all__ = ["main", "build_parser", "parse_size", "size_label", "SECTIONS", "SECTION_FUNCS", "REPORTS"]

DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
SECTIONS = ("load", "queries", "analysis", "explore", "endpoint", "under_load", "browser")
SECTION_FUNCS: dict[str, Any] = {
    "load": load.section_load, "queries": queries.section_queries, "analysis": analysis.section_analysis,
    "explore": explore.section_explore, "endpoint": endpoint.section_endpoint,
    "under_load": under_load.section_under_load, "browser": browser.section,
}
"""Each section's function of one :class:`~bench.common.Context`, by its name in ``--sections``."""
REPORTS: dict[str, Any] = {"ingest": ingest.main}
"""Sections with a report of their own, not measured on the synthetic city: ``python -m bench NAME [options]``
runs one (``python -m bench ingest --help``) and writes its report (docs/ingest.md)."""


def _prepare(size: int, args: argparse.Namespace, workdir: Path) -> tuple[Context, dict[str, float]]:
    t0 = time.perf_counter()
    city = build(size, seed=args.seed)
    t1 = time.perf_counter()
    nt = write(city.quads, workdir / f"city-{size_label(size)}.nt")
    t2 = time.perf_counter()
    store = EmbeddedStore()
    store.insert(city.quads)
    ctx = Context(size, args.runs, city, store, nt, workdir, args)
    answer = store.query(f"SELECT ?p WHERE {{ <{HUB_IRI}> <{FP_IRI}participatesIn> ?p }} ORDER BY ?p LIMIT 1")
    ctx.project = answer.rows[0][0].value if answer.rows else ""
    answer = store.query(f"""SELECT ?a (COUNT(?p) AS ?n) WHERE {{ ?a <{FP_IRI}participatesIn> ?p }}
                             GROUP BY ?a HAVING (COUNT(?p) = 1) ORDER BY ?a LIMIT 1""")
    ctx.small_actor = answer.rows[0][0].value if answer.rows else HUB2_IRI
    return ctx, {"generate_s": t1 - t0, "write_nt_s": t2 - t1, "triples": len(city.quads),
                 "projects": city.projects, "replies": city.replies}


def build_parser() -> argparse.ArgumentParser:
    """The command-line options of ``python -m bench``."""
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0],
                                epilog="python -m bench ingest [--runs N] [--rows N]: the ingest's quality and "
                                       "speed (issue 14) in docs/ingest.md, a report of its own")
    p.add_argument("--quick", action="store_true", help="10k triples only (under 2 minutes)")
    p.add_argument("--sizes", help="comma-separated sizes, e.g. 10k,100k,1M (default all three)")
    p.add_argument("--runs", type=int, default=5, help="runs per measurement; the median is reported (default 5)")
    p.add_argument("--sections", default=",".join(SECTIONS), help=f"subset of {','.join(SECTIONS)}")
    p.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="Markdown report (docs/benchmarks.md)")
    p.add_argument("--json", type=Path, help="also write the raw results as JSON")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--merge", type=Path, help="results JSON of an earlier run (--json): keep its other sizes and "
                   "sections and replace only those run now")
    p.add_argument("--rdflib-max", type=parse_size, default=100_000,
                   help="largest size at which rdflib's engine and rdflib-endpoint are measured (default 100k)")
    p.add_argument("--checked-max", type=parse_size,
                   help="largest size at which the SHACL-checked load is measured (default 1M; 0 with --quick)")
    p.add_argument("--query-deadline", type=float,
                   help="seconds before a query's runs are stopped (default 30; 10 with --quick)")
    p.add_argument("--child-timeout", type=float, default=900.0, help="seconds a load child may take")
    p.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    p.add_argument("--threads", type=int, default=4, help="client threads for the endpoint load (default 4)")
    p.add_argument("--endpoint-wall", type=float, default=60.0, help="longest an endpoint load may run (s)")
    p.add_argument("--explorer-max", type=parse_size, default=10_000,
                   help="largest size at which the explorer's pages and callbacks are measured on each web server "
                        "(default 10k)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report; returns 0 (a failed section is reported, not raised).
    ``python -m bench ingest …`` runs the report of :data:`REPORTS` instead."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in REPORTS:
        return REPORTS[argv[0]](argv[1:])
    args = build_parser().parse_args(argv)
    if args.checked_max is None:
        args.checked_max = 0 if args.quick else 1_000_000
    if args.query_deadline is None:
        args.query_deadline = 10.0 if args.quick else 30.0
    sizes = [10_000] if args.quick else [parse_size(s) for s in args.sizes.split(",")] if args.sizes \
        else list(DEFAULT_SIZES)
    wanted = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        print(f"unknown section(s): {', '.join(sorted(unknown))}; known: {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "args": {k: str(v) for k, v in vars(args).items()},
                               "sizes": {}}
    if args.merge:
        earlier = json.loads(args.merge.read_text(encoding="utf-8"))
        results["sizes"], results["args"] = earlier["sizes"], earlier["args"]
        now = f"sections {', '.join(wanted)} at {', '.join(size_label(s) for s in sizes)} re-run"
        results["merged"] = "; ".join(filter(None, [earlier.get("merged"), now]))
    with tempfile.TemporaryDirectory(prefix="fardplan-bench-") as tmp:
        for size in sizes:
            workdir = Path(tmp) / size_label(size)
            workdir.mkdir()
            print(f"== {size_label(size)} triples", flush=True)
            ctx, info = _prepare(size, args, workdir)
            print(f"   generated {info['triples']:,} triples in {info['generate_s']:.1f} s", flush=True)
            per_size: dict[str, Any] = results["sizes"].get(size_label(size)) or {"info": info, "sections": {}}
            for name in wanted:
                t = time.perf_counter()
                try:
                    result = SECTION_FUNCS[name](ctx)
                except Exception as exc:  # noqa: BLE001 - one failing section must not lose the others
                    result = {"title": name, "failed": f"{type(exc).__name__}: {exc}"[:500], "columns": [],
                              "rows": [], "notes": [], "metrics": {}}
                result["seconds"] = time.perf_counter() - t
                per_size["sections"][name] = result
                status = result.get("skipped") or result.get("failed") or "done"
                print(f"   {name}: {status} ({result['seconds']:.1f} s)", flush=True)
            results["sizes"][size_label(size)] = per_size
            ctx.store.close()
            del ctx
    results["total_s"] = time.perf_counter() - started
    if args.merge:
        labels = set(results["sizes"])
        sizes = sorted({*sizes, *(parse_size(label) for label in labels)})
        wanted = [name for name in SECTIONS if any(name in per["sections"] for per in results["sizes"].values())]
        results["total_s"] += float(json.loads(args.merge.read_text(encoding="utf-8")).get("total_s", 0))
    text = report.render(results, sizes, wanted)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(f"wrote {args.output} in {results['total_s']:.0f} s", flush=True)
    print(report.budget_lines(results, sizes), flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
