"""Bench section ``queries``: every canned query of :mod:`graph.queries`, its parameters filled from the synthetic
city, timed on pyoxigraph (our store) and on rdflib's engine side by side, each engine's runs in a forked child
with a deadline.
"""

from __future__ import annotations

from typing import Any

from bench import report
from bench.common import HUB2_IRI, HUB_IRI, STRATEGY_IRI, Context, section_result, size_label
from bench.measure import in_child, timed
from graph.store import EmbeddedStore, Solutions
from graph.vocab.namespaces import FP_IRI, ID_IRI

__all__ = ["section_queries"]


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
    return section_result("Canned queries: pyoxigraph vs rdflib", ["query", "parameters", "rows", "pyoxigraph",
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
