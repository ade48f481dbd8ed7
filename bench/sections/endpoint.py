"""Bench section ``endpoint``: SPARQL endpoint throughput under a bounded concurrent load, side by side in one run:
our endpoint on each production WSGI server, rdflib-endpoint and oxigraph serve-read-only, all sent the same
:func:`bench.common.endpoint_mix`; and, up to ``--explorer-max``, the whole explorer's pages and callbacks.
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
from typing import Any

from bench import report
from bench.common import Context, endpoint_mix, has_module, section_result, size_label

__all__ = ["section_endpoint", "OURS", "OXIGRAPH", "RDFLIB_ENDPOINT"]

OURS = "ours (graph/http/endpoint.py on granian, as python app.py serves it)"
OXIGRAPH = "oxigraph serve-read-only (reference, no limits)"
RDFLIB_ENDPOINT = "rdflib-endpoint (uvicorn)"


def section_endpoint(ctx: Context) -> dict[str, Any]:
    """Throughput under a bounded concurrent load, side by side in one run: our endpoint on each production WSGI
    server of :data:`bench.servers.OUR_SERVERS`, rdflib-endpoint and oxigraph serve-read-only."""
    from bench import servers

    queries, names = endpoint_mix(ctx)
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

    targets: list[tuple[str, Any]] = []  # (label, context manager of its URL), started together below
    for server in servers.OUR_SERVERS:
        label = OURS if server == "granian" else f"ours on {server}" + (" (gthread, 1 worker)"
                                                                         if server == "gunicorn" else "")
        if not has_module(server):
            notes.append(f"{label}: {server} is not installed (pip install -e '.[test]'): not measured.")
            continue
        targets.append((label, lambda server=server: servers.our_endpoint(ctx.nt, server)))
    notes.append("Ours: /sparql of graph/http/endpoint.py (SparqlApp, a plain WSGI app mounted in front of the "
                 "Flask/Dash app, as in python app.py) with default settings (policy check, a pool of "
                 "pre-forked query workers without network, each query killed at the time limit, row cap) over "
                 "an on-disk store (the default of python app.py; oxigraph serve also reads RocksDB on disk), in one "
                 "web server process with the same number of threads on each server (an embedded store is opened "
                 "by one process). granian is what `python app.py` runs (graph/http/server.py).")
    if not has_module("rdflib_endpoint"):
        notes.append("rdflib-endpoint is not installed (pip install rdflib-endpoint uvicorn): not measured.")
    elif not ctx.rdflib_ok:
        notes.append(f"rdflib-endpoint not run at {ctx.label}: it answers with rdflib's engine, whose queries "
                     f"take seconds to minutes above {size_label(ctx.args.rdflib_max)} triples (see the queries "
                     "section), so a fixed number of requests would not finish in the benchmark's time.")
    else:
        targets.append((RDFLIB_ENDPOINT, lambda: servers.rdflib_endpoint(ctx.nt)))
    targets.append((OXIGRAPH, lambda: servers.oxigraph_server(ctx.nt, ctx.workdir)))
    rounds = max(1, min(ctx.runs, 3))
    measured: dict[str, list[dict[str, Any]]] = {}
    with contextlib.ExitStack() as stack:
        urls: list[tuple[str, str]] = []
        for label, start in targets:
            try:
                urls.append((label, stack.enter_context(start())))
            except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
                notes.append(f"{label} not measured: {exc}")
        for _label, url in urls:  # warm: every query once
            servers.hammer(url, queries, len(queries), threads, timeout_s=30, max_wall_s=ctx.args.endpoint_wall)
        for _ in range(rounds):  # interleaved: a busy moment of the machine falls on every server alike
            for label, url in urls:
                measured.setdefault(label, []).append(cpu_per_request(url, lambda url=url: servers.hammer(
                    url, queries, n, threads, timeout_s=30, max_wall_s=ctx.args.endpoint_wall)))
    for label, runs in measured.items():
        r = sorted(runs, key=lambda x: x["throughput"])[len(runs) // 2]  # the round of median throughput
        r = {**r, "rounds": [x["throughput"] for x in runs], "errors": sum(x["errors"] for x in runs),
             "first_error": next((x["first_error"] for x in runs if x["first_error"]), "")}
        metrics[label] = r
        rows.append(row(label, r))
        if r["errors"]:
            notes.append(f"{label}: {r['errors']} errors, first: {r['first_error']}")
    notes.append(f"{rounds} rounds of {n} requests per server, the servers taken in turn in each round (all "
                 "started before the first round); each row is the round of median throughput, and each ratio "
                 "below the median of the ratios within a round.")
    if ctx.size <= ctx.args.explorer_max:
        explorer: dict[str, Any] = {}
        for server in servers.OUR_SERVERS:
            if not has_module(server):
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

    def ratio(a: str, b: str) -> float | None:
        """The median over rounds of ``a``'s throughput over ``b``'s in the same round."""
        pairs = [x["throughput"] / y["throughput"]
                 for x, y in zip(measured.get(a, []), measured.get(b, []), strict=True) if y["throughput"]]
        return statistics.median(pairs) if pairs else None

    if ours and theirs and (mine := ratio(OURS, RDFLIB_ENDPOINT)):
        metrics["ratio"] = mine
        notes.append(f"ours / rdflib-endpoint throughput: {mine:.1f}×.")
        if reference and (ref := ratio(OXIGRAPH, RDFLIB_ENDPOINT)):
            metrics["reference_ratio"] = ref
            notes.append(f"oxigraph serve / rdflib-endpoint: {ref:.1f}×.")
    if ours and reference and (over := ratio(OXIGRAPH, OURS)):
        metrics["oxigraph_over_ours"] = over
        metrics["share_of_reference"] = 1 / over
        per_round = ", ".join(f"{x['throughput'] / y['throughput']:.2f}×" for x, y in
                              zip(measured[OXIGRAPH], measured[OURS], strict=True) if y["throughput"])
        notes.append(f"oxigraph serve / ours: {over:.2f}× (ours reaches {1 / over:.0%} of it; rounds: "
                     f"{per_round}).")
    metrics["ours"] = ours
    notes.append("Server CPU per request: user + system time of the server's whole process tree (web server, its "
                 "workers, the query workers) during the load, divided by the answered requests; unlike requests/s "
                 "it hardly moves when other work shares the machine.")
    return section_result("SPARQL endpoint throughput", ["server", "requests/s", "median latency",
                                                         "server CPU per request", "ok/sent", "errors"],
                          rows, notes, metrics)
