"""Builders of the gaps page (/luckor): coverage per goal area and the strategies and actors left alone."""

from __future__ import annotations

from dash import html

from graph.vocab.phrasing import name_of, short_name
from ui import ids
from ui.components.planner import build_entity, build_message, build_paged_table, build_row, build_sparql, build_table
from ui.i18n import number, t

__all__ = ["GAP_LISTS", "build_coverage_table", "build_gap_row", "build_gaps_view"]


# ---------------------------------------------------------------- gaps


def _notations(items: list[dict], lang: str) -> list:
    if not items:
        return [html.Span(t("pl_none", lang), className="muted")]
    return [html.Span(s["notation"] or name_of(s, lang), className="chip", title=name_of(s, lang)) for s in items]


def _share(part: int, whole: int) -> html.Span:
    pct = round(100 * part / whole) if whole else 0
    return html.Span([f"{part} / {whole}", html.Span(html.Span(style={"width": f"{pct}%"}), className="bar")],
                     className="share")


def build_coverage_table(coverage: list[dict], lang: str) -> html.Table:
    """The strategy × goal-area matrix: per goal area its strategies, those with projects and with actors, and
    which strategies lack projects or actors."""
    rows = [[html.Span([html.Span(g["notation"], className="notation"), name_of(g, lang)]), str(g["strategies"]),
             _share(g["with_projects"], g["strategies"]), _share(g["with_actors"], g["strategies"]),
             html.Div(_notations(g["without_projects"], lang)), html.Div(_notations(g["without_actors"], lang))]
            for g in coverage]
    total = {k: sum(g[k] for g in coverage) for k in ("strategies", "with_projects", "with_actors")}
    rows.append([html.Strong(t("pl_total", lang)), str(total["strategies"]),
                 _share(total["with_projects"], total["strategies"]), _share(total["with_actors"], total["strategies"]),
                 str(sum(len(g["without_projects"]) for g in coverage)),
                 str(sum(len(g["without_actors"]) for g in coverage))])
    headers = [t("pl_goal_area", lang), t("pl_strategies", lang), t("pl_with_projects", lang),
               t("pl_with_actors", lang), t("pl_without_projects", lang), t("pl_without_actors", lang)]
    return build_table(t("pl_coverage_caption", lang), headers, rows, class_name="pl-table coverage",
                       row_ids=[g["iri"] for g in coverage] + ["total"])


GAP_LISTS = {"without_projects": "strategies_without_projects", "without_actors": "strategies_without_actors",
             "single": "single_strategy_actors"}  # paged table → its list in graph.service.planner.gaps


def build_gap_row(table: str, item: dict, lang: str) -> html.Tr:
    """A row of a gap list: a strategy and its goal areas, or an actor and its one strategy."""
    if table == "single":
        return build_row([build_entity(item, lang), build_entity(item["strategy"], lang)], item["iri"])
    return build_row([build_entity(item, lang), ", ".join(short_name(g, lang) for g in item.get("goal_areas", []))],
                     item["iri"])


def _gap_table(table: str, caption: str, headers: list[str], items: list[dict], lang: str) -> html.Table | html.Section:
    if not items:
        return html.Section([html.H3(caption), build_message(t("pl_none", lang))])
    return build_paged_table(ids.GAPS_MORE, table, table, f"{caption} ({number(len(items), lang)})", headers,
                             items, lambda x: build_gap_row(table, x, lang), lang)


def build_gaps_view(result: dict, lang: str) -> list:
    """The gaps page (:func:`graph.service.planner.gaps`): the coverage matrix and three lists, a page at a time."""
    strategy_cols = [t("pl_strategy", lang), t("pl_goal_area", lang)]
    return [build_coverage_table(result["coverage"], lang),
            html.Div([_gap_table("without_projects", t("pl_without_projects", lang), strategy_cols,
                                 result[GAP_LISTS["without_projects"]], lang),
                      _gap_table("without_actors", t("pl_without_actors", lang), strategy_cols,
                                 result[GAP_LISTS["without_actors"]], lang),
                      _gap_table("single", t("pl_single_strategy", lang), [t("pl_actor", lang), t("pl_strategy", lang)],
                                 result[GAP_LISTS["single"]], lang)], className="pl-columns"),
            build_sparql(result["queries"], lang)]
