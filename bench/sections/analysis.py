"""Bench section ``analysis``: the networkx analyses of :mod:`graph.analysis` on the store's analysis view (convert,
affiliation and collaboration graphs, centralities, communities, gaps) and the planner's cached views and answers.
"""

from __future__ import annotations

from typing import Any

from bench import report
from bench.common import HUB2_IRI, HUB_IRI, STRATEGY_IRI, Context, has_module, section_result, skipped_result
from bench.measure import timed

__all__ = ["section_analysis"]


def section_analysis(ctx: Context) -> dict[str, Any]:
    """The networkx analyses on the store's analysis view (graph.analysis.convert + graph.analysis.algorithms,
    graph.service.planner)."""
    if not has_module("graph.analysis.algorithms") or not has_module("graph.analysis.convert"):
        return skipped_result("Analysis", "graph/analysis.py or graph/convert.py does not exist yet")
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
    if has_module("graph.service.planner"):
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
    return section_result("Analysis (networkx)", ["step", "median", "result", "runs"], rows, notes, metrics)
