"""Bench section ``explore``: the explorer's service functions: the node index and search tables, search as you
type (every prefix of :data:`bench.common.SEARCH_WORDS`), selecting a node, expanding a hub and the overview.
"""

from __future__ import annotations

import statistics
from typing import Any

from bench import report
from bench.common import HUB_IRI, SEARCH_WORDS, STRATEGY_IRI, Context, has_module, section_result, skipped_result
from bench.measure import timed

__all__ = ["section_explore"]


def section_explore(ctx: Context) -> dict[str, Any]:
    """The explorer's service functions: index, search as you type, select a node, expand a hub."""
    if not has_module("graph.index.nodes"):
        return skipped_result("Explorer service", "graph/explore.py does not exist yet")
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
    worst = max(keystrokes)
    metrics["search_median_ms"] = statistics.median(k[0] for k in keystrokes)
    metrics["search_worst_ms"] = worst[0]
    rows.append([f"search as you type ({len(keystrokes)} keystrokes)", report.ms(metrics["search_median_ms"]),
                 f"worst {report.ms(worst[0])} for {worst[1]!r}", "≤ 50 ms"])
    if not all(has_module(m) for m in ("graph.service.explore_view", "graph.service.details",
                                       "graph.service.explore_state")):
        notes.append("graph/explore_view.py, explore_page.py or explore_state.py missing: select/expand skipped.")
        return section_result("Explorer service", ["operation", "median", "detail", "budget"], rows, notes, metrics)
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
    return section_result("Explorer service", ["operation", "median", "detail", "budget"], rows, notes, metrics)
