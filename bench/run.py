"""``python -m bench``: Färdplan Explorer at city scale (issue #6), on the synthetic city of :mod:`bench.synthetic`.

For each size: load time and peak RSS (each load in a fresh process), every canned query (pyoxigraph, side by side
with rdflib's engine), the analysis functions, the explorer's service functions, and SPARQL endpoint throughput
(ours, ``rdflib-endpoint`` and ``oxigraph serve-read-only``). Medians of ``--runs`` runs. Writes
``docs/benchmarks.md`` with the budgets of the issue marked met / missed / not measured.

A section whose module does not exist yet is skipped, and the report says so.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import report
from bench.measure import in_child, machine, timed
from bench.synthetic import HUB_IRI, SYN_IRI, City, build, write
from graph.store import EmbeddedStore, Solutions
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES

__all__ = ["main", "parse_size", "SECTIONS"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
SECTIONS = ("load", "queries", "analysis", "explore", "endpoint", "under_load", "browser")
HUB2_IRI = SYN_IRI + "org/arbetsformedlingen"
STRATEGY_IRI = ID_IRI + "strategy/DT.VI"
# Keystrokes typed into the search box: every prefix of each word is one search.
SEARCH_WORDS = ("kista", "polisen", "skarpnäck", "läxhjälp", "dt.v")
# What the endpoint benchmark sends: canned queries without parameters, and look-ups with constants written in
# (the same text to every server: a trailing VALUES row would make rdflib compute every pair first).
ENDPOINT_CANNED = ("strategies_per_goal_area", "gaps_strategies_without_projects", "projects_without_strategy")
ENDPOINT_LOOKUPS = {
    "label look-up": 'SELECT ?s WHERE {{ ?s <{skos}prefLabel> "Polisen"@sv }}',
    "describe hub (≤ 100 rows)": "SELECT ?p ?o WHERE {{ <{hub}> ?p ?o }} LIMIT 100",
    "hub's projects with labels": "SELECT ?p ?l WHERE {{ <{hub}> <{fp}participatesIn> ?p . "
                                  '?p <{skos}prefLabel> ?l FILTER(LANG(?l) = "sv") }}',
    "actors of a strategy via projects": "SELECT DISTINCT ?a WHERE {{ ?p <{fp}contributesTo> <{strategy}> . "
                                         "?a <{fp}runs>|<{fp}participatesIn>|<{fp}commissions> ?p }}",
    "provenance of one relation": "SELECT ?mode ?text WHERE {{ ?a <{rdf}subject> <{hub}> ; <{rdf}predicate> "
                                  "<{fp}participatesIn> ; <{rdf}object> <{project}> ; <{fp}mode> ?mode ; "
                                  "<{prov}wasDerivedFrom> ?x . ?x <{fp}exactText> ?text }}",
}


def parse_size(text: str) -> int:
    """``"10k"`` → 10000, ``"1M"`` → 1000000, ``"2500"`` → 2500."""
    text = text.strip().lower().replace("_", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def size_label(size: int) -> str:
    """``1000000`` → ``"1M"``, ``100000`` → ``"100k"``."""
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1_000 and size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


@dataclass
class Context:
    """One size's data and settings, shared by the sections."""

    size: int
    runs: int
    city: City
    store: EmbeddedStore
    nt: Path
    workdir: Path
    args: argparse.Namespace
    project: str = ""
    small_actor: str = ""
    ox_ms: dict[str, float] = field(default_factory=dict)
    rdflib_graph: Any = None

    @property
    def label(self) -> str:
        return size_label(self.size)

    @property
    def rdflib_ok(self) -> bool:
        return self.size <= self.args.rdflib_max

    def runs_for(self, heavy: bool = False) -> int:
        """Fewer runs at 1M and for heavy steps, so the full benchmark stays within its time."""
        if self.size > self.args.rdflib_max:
            return 1 if heavy else min(self.runs, 3)
        return max(1, min(self.runs, 3)) if heavy else self.runs


def _section(title: str, columns: list[str], rows: list[list[Any]], notes: list[str] | None = None,
             metrics: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"title": title, "columns": columns, "rows": rows, "notes": notes or [], "metrics": metrics or {}}


def _skipped(title: str, reason: str) -> dict[str, Any]:
    return {"title": title, "skipped": reason, "columns": [], "rows": [], "notes": [], "metrics": {}}


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


# ---------------------------------------------------------------------------------------------------- load


def _load_child(engine: str, path: Path, workdir: Path, timeout_s: float) -> dict[str, Any]:
    target = workdir / f"store-{engine}-{time.monotonic_ns()}"
    cmd = [sys.executable, "-m", "bench.load_child", engine, str(path), str(target)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, cwd=ROOT, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{engine} load failed: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def section_load(ctx: Context) -> dict[str, Any]:
    """Load the N-Triples file in a fresh process per run: time and peak RSS (ru_maxrss of that process)."""
    import statistics

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
    return _section("Load and memory", ["engine", "median load", "peak RSS", "baseline RSS", "triples/s", "runs"],
                    rows, notes, metrics)


# ---------------------------------------------------------------------------------------------------- queries


def _param_values(ctx: Context, params: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Fill canned-query parameters from the synthetic data: a hub actor, a strategy, a real relation..."""
    values = {}
    for name, kind in params:
        key = name.lower()
        if kind == "integer":
            values[name] = "10"
        elif kind == "literal":
            values[name] = "kista"
        elif "strateg" in key:
            values[name] = STRATEGY_IRI
        elif key in ("actor_b", "actorb", "b", "other", "target", "to", "second") or key.endswith("2"):
            values[name] = HUB2_IRI
        elif key == "predicate":
            values[name] = FP_IRI + "participatesIn"
        elif key in ("object", "project") or "project" in key:
            values[name] = ctx.project
        elif "goal" in key:
            values[name] = ID_IRI + "goal/DT"
        else:
            values[name] = HUB_IRI
    return values


def _ox_rows(answer: Any) -> int:
    if isinstance(answer, Solutions):
        return len(answer.rows)
    if isinstance(answer, bool):
        return int(answer)
    return len(answer)


def _rdflib_rows(result: Any) -> int:
    if result.type == "ASK":
        return int(bool(result.askAnswer))
    if result.type == "SELECT":
        return sum(1 for _ in result)
    return len(result.graph) if result.graph is not None else 0


def _ensure_rdflib(ctx: Context) -> Any:
    if ctx.rdflib_graph is None:
        from rdflib import Graph

        graph = Graph()
        graph.parse(str(ctx.nt), format="nt")
        ctx.rdflib_graph = graph
    return ctx.rdflib_graph


def section_queries(ctx: Context) -> dict[str, Any]:
    """Every canned query: pyoxigraph (our store) vs rdflib's engine, each in a forked child with a deadline."""
    from graph.queries import catalogue

    rows, metrics, notes = [], {"queries": {}}, []
    graph = _ensure_rdflib(ctx) if ctx.rdflib_ok else None
    if graph is None:
        notes.append(f"rdflib's engine not run at {ctx.label}: above {size_label(ctx.args.rdflib_max)} triples its "
                     "single queries take seconds to minutes (at 100k, several canned queries already ran past the "
                     "deadline), which would push the benchmark past its time; its load and memory are measured in "
                     "the load section.")
    deadline = ctx.args.query_deadline
    for name, query in catalogue().items():
        values = _param_values(ctx, query.params)
        text = query.sparql(values)
        ox_runs = ctx.runs_for()
        status, ox = in_child(lambda t=text, r=ox_runs: _time_ox(ctx.store, t, r), deadline)
        ox_ms = ox["median_ms"] if status == "ok" else None
        ox_rows = ox["rows"] if status == "ok" else None
        ox_cell = report.ms(ox_ms) if status == "ok" else f"{status} ({deadline:.0f} s)" if status == "timeout" \
            else "error"
        if status == "error":
            notes.append(f"{name} (pyoxigraph): {ox}")
        rd_cell, rd_ms, ratio = "not run", None, ""
        if graph is not None:
            rd_runs = 1 if ctx.args.quick else min(ctx.runs_for(), 3)
            status, rd = in_child(lambda t=text, r=rd_runs: _time_rdflib(graph, t, r), deadline)
            if status == "ok":
                rd_ms = rd["median_ms"]
                rd_cell = report.ms(rd_ms)
                if ox_rows is not None and rd["rows"] != ox_rows:
                    notes.append(f"{name}: rdflib returned {rd['rows']} rows, pyoxigraph {ox_rows}.")
            else:
                rd_cell = f"> {deadline:.0f} s (stopped)" if status == "timeout" else "error"
                if status == "error":
                    notes.append(f"{name} (rdflib): {rd}")
            if rd_ms is not None and ox_ms:
                ratio = f"{rd_ms / ox_ms:.1f}×"
            elif status == "timeout" and ox_ms:
                ratio = f"> {deadline * 1000 / ox_ms:.0f}×"
        params = ", ".join(f"{k}={_short(v)}" for k, v in values.items())
        rows.append([f"{name} (bulk)" if query.bulk else name, params or "–",
                     ox_rows if ox_rows is not None else "–", ox_cell, rd_cell, ratio])
        metrics["queries"][name] = {"ox_ms": ox_ms, "rdflib_ms": rd_ms, "bulk": query.bulk, "rows": ox_rows}
        if ox_ms is not None:
            ctx.ox_ms[name] = ox_ms
    for prefix, bulk in (("", False), ("bulk_", True)):
        timed_ms = {n: m["ox_ms"] for n, m in metrics["queries"].items() if m["bulk"] == bulk}
        measured = {n: v for n, v in timed_ms.items() if v is not None}
        metrics[f"{prefix}worst_ox_ms"] = max(measured.values()) if measured else None
        metrics[f"{prefix}worst_query"] = max(measured, key=measured.get) if measured else None
        metrics[f"{prefix}all_ox_measured"] = len(measured) == len(timed_ms)
    notes.append("Bulk reads (`# answer: bulk` in the .rq file: " + ", ".join(
        n for n, m in metrics["queries"].items() if m["bulk"]) + ") return a whole view, so their answer grows "
        "with the graph; they are judged apart from the questions about one strategy, actor or relation.")
    rd_runs = 1 if ctx.args.quick else min(ctx.runs_for(), 3)
    notes.insert(0, f"pyoxigraph: median of {ctx.runs_for()} runs after one warm-up; rdflib: median of {rd_runs} "
                    f"run(s), no warm-up; each engine's runs in a forked child stopped after {deadline:.0f} s. "
                    "Answers fully read; parameters written into the text as terms (`CannedQuery.sparql`, as the "
                    "explorer, the CLI and /queries run them), the same text for both engines.")
    return _section("Canned queries: pyoxigraph vs rdflib", ["query", "parameters", "rows", "pyoxigraph",
                    "rdflib", "rdflib / pyoxigraph"], rows, notes, metrics)


def _short(iri: str) -> str:
    from graph.vocab.namespaces import curie

    return curie(iri)


def _time_ox(store: EmbeddedStore, text: str, runs: int) -> dict[str, Any]:
    t = timed(lambda: store.query(text), runs, warmup=1)
    return {"median_ms": t["median_ms"], "rows": _ox_rows(t["result"])}


def _time_rdflib(graph: Any, text: str, runs: int) -> dict[str, Any]:
    t = timed(lambda: _rdflib_rows(graph.query(text)), runs)
    return {"median_ms": t["median_ms"], "rows": t["result"]}


# ---------------------------------------------------------------------------------------------------- analysis


def section_analysis(ctx: Context) -> dict[str, Any]:
    """The networkx analyses on the store's analysis view (graph.analysis.convert + graph.analysis.algorithms,
    graph.service.planner)."""
    if not _has("graph.analysis.algorithms") or not _has("graph.analysis.convert"):
        return _skipped("Analysis", "graph/analysis.py or graph/convert.py does not exist yet")
    from graph.analysis import algorithms as analysis
    from graph.analysis.convert import to_nx

    rows, metrics, notes = [], {}, []
    state: dict[str, Any] = {}

    def step(name: str, fn: Any, size_of: Any, heavy: bool = False, runs: int | None = None) -> None:
        if not fn:
            rows.append([name, "not measured", "function or input missing", 0])
            return
        runs = runs or ctx.runs_for(heavy)
        t = timed(fn, runs)
        state[name] = t["result"]
        rows.append([name, report.ms(t["median_ms"]), size_of(t["result"]), runs])
        metrics[name] = t["median_ms"]

    def graph_size(g: Any) -> str:
        return f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges"

    step("convert.to_nx (store → networkx)", lambda: to_nx(ctx.store), graph_size, heavy=True)
    G = state["convert.to_nx (store → networkx)"]
    fn = getattr(analysis, "affiliation_graph", None)
    step("affiliation_graph (bipartite)", fn and (lambda: fn(G)), graph_size, heavy=True)
    fn = getattr(analysis, "collaboration_network", None)
    step("collaboration_network (shared projects, explicit collaboration)", fn and (lambda: fn(G)), graph_size,
         heavy=True)
    C = state.get("collaboration_network (shared projects, explicit collaboration)")
    if C is not None:
        fn = getattr(analysis, "weighted_degree", None)
        step("weighted_degree", fn and (lambda: fn(C)), lambda r: f"{len(r):,} actors")
        fn = getattr(analysis, "betweenness", None)
        sampled = C.number_of_nodes() > 1000
        step("betweenness" + (" (sampled, k=100)" if sampled else " (exact)"), fn and (lambda: fn(C)),
             lambda r: f"{len(r):,} actors", heavy=True)
        fn = getattr(analysis, "communities", None)
        step("communities", fn and (lambda: fn(C)), lambda r: f"{len(r):,} communities", heavy=True)
    fn = getattr(analysis, "actors_reaching", None)
    step("actors_reaching (DT.VI)", fn and (lambda: fn(G, STRATEGY_IRI)), lambda r: f"{len(r):,} actors")
    fn = getattr(analysis, "shortest_connections", None)
    step("shortest_connections (hub → small partner)", fn and ctx.small_actor in G and
         (lambda: fn(G, HUB_IRI, ctx.small_actor)), lambda r: f"{len(r)} paths of {len(r[0]) if r else 0} steps")
    for name in ("strategies_without_projects", "strategies_without_actors", "goal_area_coverage",
                 "single_strategy_actors"):
        fn = getattr(analysis, name, None)
        step(f"{name} (gaps)" if "without" in name else name, fn and (lambda f=fn: f(G)),
             lambda r: f"{len(r):,} items")
    if _has("graph.service.planner"):
        from graph.service import planner

        def cold_views() -> Any:
            planner.invalidate(ctx.store)
            return planner.views(ctx.store)

        step("planner.views (cold: build the cached networkx views)", getattr(planner, "views", None) and
             getattr(planner, "invalidate", None) and cold_views, lambda r: type(r).__name__, heavy=True)
        for label, name, call in (
            ("planner.brokers (top 20; first call after the views, so uncached)", "brokers",
             lambda f: f(ctx.store, limit=20)),
            ("planner.actors_for_strategy (DT.VI)", "actors_for_strategy", lambda f: f(ctx.store, STRATEGY_IRI)),
            ("planner.shared_between (two hubs)", "shared_between", lambda f: f(ctx.store, HUB_IRI, HUB2_IRI)),
            ("planner.connections (hub → small partner)", "connections",
             lambda f: f(ctx.store, HUB_IRI, ctx.small_actor)),
            ("planner.gaps", "gaps", lambda f: f(ctx.store)),
        ):
            fn = getattr(planner, name, None)
            step(label, fn and (lambda f=fn, c=call: c(f)), lambda r: f"{len(r)} keys" if isinstance(r, dict)
                 else type(r).__name__, runs=1 if name == "brokers" else None)
        notes.append("planner.* run on warm views (built once per store and cached), except the cold row.")
    else:
        notes.append("graph/planner.py does not exist yet: its functions are not measured.")
    return _section("Analysis (networkx)", ["step", "median", "result", "runs"], rows, notes, metrics)


# ---------------------------------------------------------------------------------------------------- explore


def section_explore(ctx: Context) -> dict[str, Any]:
    """The explorer's service functions: index, search as you type, select a node, expand a hub."""
    if not _has("graph.index.nodes"):
        return _skipped("Explorer service", "graph/explore.py does not exist yet")
    from graph.index import nodes as explore
    from graph.index import search as explore_search

    rows, notes, metrics = [], [], {}
    t = timed(lambda: explore.build_index(ctx.store), ctx.runs_for(heavy=True))
    index = t["result"]
    rows.append(["build_index (once per store)", report.ms(t["median_ms"]), f"{len(index.nodes):,} nodes, "
                 f"{len(index.edges):,} edges", ""])
    metrics["build_index_ms"] = t["median_ms"]
    t = timed(lambda: explore_search.SearchIndex.build(index), ctx.runs_for(heavy=True))
    index.caches["search"] = t["result"]
    rows.append(["search tables (once per index)", report.ms(t["median_ms"]),
                 f"{len(t['result'].keys):,} keys, {len(t['result'].words):,} word starts", ""])
    keystrokes = []
    for word in SEARCH_WORDS:
        for i in range(1, len(word) + 1):
            k = timed(lambda q=word[:i]: explore_search.search(index, q), ctx.runs_for())
            keystrokes.append((k["median_ms"], word[:i], len(k["result"])))
    import statistics

    worst = max(keystrokes)
    metrics["search_median_ms"] = statistics.median(k[0] for k in keystrokes)
    metrics["search_worst_ms"] = worst[0]
    rows.append([f"search as you type ({len(keystrokes)} keystrokes)", report.ms(metrics["search_median_ms"]),
                 f"worst {report.ms(worst[0])} for {worst[1]!r}", "≤ 50 ms"])
    if not all(_has(m) for m in ("graph.service.explore_view", "graph.service.details",
                                 "graph.service.explore_state")):
        notes.append("graph/explore_view.py, explore_page.py or explore_state.py missing: select/expand skipped.")
        return _section("Explorer service", ["operation", "median", "detail", "budget"], rows, notes, metrics)
    from graph.service.details import node_page
    from graph.service.explore_state import apply_event, default_state
    from graph.service.explore_view import element_count, view

    def select(iri: str) -> tuple[dict, dict]:
        page = node_page(ctx.store, index, iri)
        return page, view(index, apply_event(default_state(), "focus", iri))

    selects = []
    for what, iri in (("hub actor", HUB_IRI), ("strategy DT.VI", STRATEGY_IRI), ("project", ctx.project),
                      ("small partner", ctx.small_actor)):
        if iri not in index.nodes:
            continue
        s = timed(lambda i=iri: select(i), ctx.runs_for())
        page, result = s["result"]
        listed = sum(len(r["items"]) for r in page["relations"])
        total = sum(r.get("count", len(r["items"])) for r in page["relations"])
        selects.append(s["median_ms"])
        rows.append([f"select {what} (node_page + focused view)", report.ms(s["median_ms"]),
                     f"{listed:,} of {total:,} relations listed in the panel; {element_count(result)} elements "
                     "shipped", "≤ 150 ms"])
    metrics["select_worst_ms"] = max(selects) if selects else None
    state = apply_event(apply_event(default_state(), "focus", STRATEGY_IRI), "expand", HUB_IRI)
    e = timed(lambda: view(index, state), ctx.runs_for())
    count = element_count(e["result"])
    metrics["expand_ms"], metrics["expand_elements"] = e["median_ms"], count
    rows.append(["expand the hub (focus DT.VI, expand polisen)", report.ms(e["median_ms"]),
                 f"{count} elements shipped of budget 400; {e['result']['total']:,} nodes in scope, "
                 f"{len(e['result']['groups'])} groups", "≤ 400 elements"])
    o = timed(lambda: view(index, default_state()), ctx.runs_for())
    metrics["overview_elements"] = element_count(o["result"])
    rows.append(["overview (no focus, all nodes)", report.ms(o["median_ms"]),
                 f"{element_count(o['result'])} elements shipped; {o['result']['total']:,} nodes in scope", ""])
    metrics["max_elements"] = max(count, metrics["overview_elements"])
    notes.append("Search: median over keystrokes of the per-keystroke median; the budget is judged on the worst "
                 "keystroke. Select: `graph.service.details.node_page` plus the focused "
                 "`graph.service.explore_view.view`.")
    return _section("Explorer service", ["operation", "median", "detail", "budget"], rows, notes, metrics)


# ---------------------------------------------------------------------------------------------------- endpoint


def _mix(ctx: Context) -> tuple[list[str], list[str]]:
    """The query mix sent to every endpoint: the canned queries without parameters (:data:`ENDPOINT_CANNED`) and
    typical look-ups with their constants written in (:data:`ENDPOINT_LOOKUPS`), the same text for every server."""
    from graph.queries import catalogue

    canned = catalogue()
    names = [n for n in ENDPOINT_CANNED if n in canned and not canned[n].params]
    queries = [canned[n].text for n in names]
    values = {"hub": HUB_IRI, "strategy": STRATEGY_IRI, "project": ctx.project, "fp": FP_IRI,
              "skos": PREFIXES["skos"], "rdf": PREFIXES["rdf"], "prov": PREFIXES["prov"]}
    for name, text in ENDPOINT_LOOKUPS.items():
        names.append(name)
        queries.append(text.format(**values))
    return queries, names


OURS = "ours (graph/http.py on granian, as python app.py serves it)"
OXIGRAPH = "oxigraph serve-read-only (reference, no limits)"
RDFLIB_ENDPOINT = "rdflib-endpoint (uvicorn)"


def section_endpoint(ctx: Context) -> dict[str, Any]:
    """Throughput under a bounded concurrent load, side by side in one run: our endpoint on each production WSGI
    server of :data:`bench.servers.OUR_SERVERS`, rdflib-endpoint and oxigraph serve-read-only."""
    from bench import servers

    queries, names = _mix(ctx)
    n, threads = ctx.args.requests, ctx.args.threads
    rows, notes, metrics = [], [], {}
    notes.append(f"{n} requests from {threads} client threads (GET, JSON results, HTTP/1.1 keep-alive, "
                 f"http.client), cycling through {len(queries)} queries: {', '.join(names)}. Each server on "
                 "127.0.0.1 serves the same N-Triples file in its own process; the load stops by itself (after its "
                 "requests, or its wall-time limit). The client shares the machine's cores with the server.")

    def cpu_per_request(url: str, load: Any) -> dict[str, Any]:
        """``load()``'s figures and the server's CPU milliseconds per answered request (robust to a busy machine)."""
        before = servers.cpu_seconds(url)
        r = load()
        after = servers.cpu_seconds(url)
        r["cpu_ms_per_request"] = ((after - before) * 1000 / r["ok"]) if None not in (before, after) and r["ok"] \
            else None
        return r

    def row(label: str, r: dict[str, Any]) -> list[Any]:
        cpu = r.get("cpu_ms_per_request")
        return [label, f"{r['throughput']:.1f}", report.ms(r["median_ms"]), "–" if cpu is None else f"{cpu:.2f} ms",
                f"{r['ok']}/{r['sent']}", r["errors"]]

    def run(label: str, url: str, total: int) -> None:
        servers.hammer(url, queries, len(queries), threads, timeout_s=30, max_wall_s=ctx.args.endpoint_wall)
        r = cpu_per_request(url, lambda: servers.hammer(url, queries, total, threads, timeout_s=30,
                                                        max_wall_s=ctx.args.endpoint_wall))
        metrics[label] = r
        rows.append(row(label, r))
        if r["errors"]:
            notes.append(f"{label}: {r['errors']} errors, first: {r['first_error']}")

    for server in servers.OUR_SERVERS:
        label = OURS if server == "granian" else f"ours on {server}" + (" (gthread, 1 worker)"
                                                                         if server == "gunicorn" else "")
        if not _has(server):
            notes.append(f"{label}: {server} is not installed (pip install -e '.[test]'): not measured.")
            continue
        with servers.our_endpoint(ctx.nt, server) as url:
            run(label, url, n)
    notes.append("Ours: the /sparql route of graph/http.py with default settings (policy check, a pool of "
                 "pre-forked query workers without network, each query killed at the time limit, row cap) over "
                 "an on-disk store (the default of python app.py; oxigraph serve also reads RocksDB on disk), in one "
                 "web server process with the same number of threads on each server (an embedded store is opened "
                 "by one process). granian is what `python app.py` runs (graph/serve.py).")
    if not _has("rdflib_endpoint"):
        notes.append("rdflib-endpoint is not installed (pip install rdflib-endpoint uvicorn): not measured.")
    elif not ctx.rdflib_ok:
        notes.append(f"rdflib-endpoint not run at {ctx.label}: it answers with rdflib's engine, whose queries "
                     f"take seconds to minutes above {size_label(ctx.args.rdflib_max)} triples (see the queries "
                     "section), so a fixed number of requests would not finish in the benchmark's time.")
    else:
        with servers.rdflib_endpoint(ctx.nt) as url:
            run(RDFLIB_ENDPOINT, url, n)
    try:
        with servers.oxigraph_server(ctx.nt, ctx.workdir) as url:
            run(OXIGRAPH, url, n)
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        notes.append(f"oxigraph serve-read-only not measured: {exc}")
    if ctx.size <= ctx.args.explorer_max:
        explorer: dict[str, Any] = {}
        for server in servers.OUR_SERVERS:
            if not _has(server):
                continue
            with servers.our_explorer(ctx.nt, server) as base:
                calls = servers.EXPLORER_CALLS
                servers.hammer_calls(base, calls, len(calls), threads, timeout_s=30, max_wall_s=ctx.args.endpoint_wall)
                r = cpu_per_request(base, lambda base=base, calls=calls: servers.hammer_calls(
                    base, calls, n, threads, timeout_s=30, max_wall_s=ctx.args.endpoint_wall))
            explorer[server] = r
            rows.append(row(f"explorer pages and callbacks on {server}", r))
            if r["errors"]:
                notes.append(f"explorer on {server}: {r['errors']} errors, first: {r['first_error']}")
        metrics["explorer"] = explorer
        notes.append("Explorer rows: the whole Dash app over the same data (caches warmed first) on each server, "
                     f"{n} requests cycling through what opening its pages sends: GET / and /_dash-layout, the "
                     "router's callback for three pages, and the gaps and network pages' main callbacks.")
    else:
        notes.append(f"The explorer's pages and callbacks are compared on the servers up to "
                     f"{size_label(ctx.args.explorer_max)} triples (--explorer-max): the HTTP server's share of "
                     "a callback only shrinks as the data grows.")
    ours, theirs, reference = metrics.get(OURS), metrics.get(RDFLIB_ENDPOINT), metrics.get(OXIGRAPH)
    if ours and theirs and theirs["throughput"]:
        metrics["ratio"] = ours["throughput"] / theirs["throughput"]
        notes.append(f"ours / rdflib-endpoint throughput: {metrics['ratio']:.1f}×.")
        if reference:
            metrics["reference_ratio"] = reference["throughput"] / theirs["throughput"]
            notes.append(f"oxigraph serve / rdflib-endpoint: {metrics['reference_ratio']:.1f}×.")
    if ours and reference and ours["throughput"]:
        metrics["share_of_reference"] = ours["throughput"] / reference["throughput"]
        metrics["oxigraph_over_ours"] = reference["throughput"] / ours["throughput"]
        notes.append(f"oxigraph serve / ours: {metrics['oxigraph_over_ours']:.2f}× (ours reaches "
                     f"{metrics['share_of_reference']:.0%} of it).")
    metrics["ours"] = ours
    notes.append("Server CPU per request: user + system time of the server's whole process tree (web server, its "
                 "workers, the query workers) during the load, divided by the answered requests; unlike requests/s "
                 "it hardly moves when other work shares the machine.")
    return _section("SPARQL endpoint throughput", ["server", "requests/s", "median latency",
                                                   "server CPU per request", "ok/sent", "errors"],
                    rows, notes, metrics)


def section_browser(ctx: Context) -> dict[str, Any]:
    """Real-browser timings of a live room (issue 13): :mod:`bench.browser`."""
    from bench import browser

    return browser.section(ctx)


SECTION_FUNCS = {"load": section_load, "queries": section_queries, "analysis": section_analysis,
                 "explore": section_explore, "endpoint": section_endpoint, "browser": section_browser}


def section_under_load(ctx: Context) -> dict[str, Any]:
    """Issue 10: many clients on the explorer's server, and light queries beside heavy ones (bench/under_load.py)."""
    from bench.under_load import section_under_load as under_load

    return under_load(ctx)


SECTION_FUNCS["under_load"] = section_under_load


# ---------------------------------------------------------------------------------------------------- main


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
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
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
    """Run the benchmark and write the report; returns 0 (a failed section is reported, not raised)."""
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
