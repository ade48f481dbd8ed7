"""Builders of the compare page (/jamfor): the replies loaded, and per strategy a row with, for each reply, the
actors reaching it and what the reply says (quoted passages with a restored reading), and the actors shared."""

from __future__ import annotations

from dash import dcc, html

from graph.vocab.phrasing import name_of
from ui.components.common import build_mode
from ui.components.planner import build_entity, build_message, build_passage, build_sparql, build_table
from ui.i18n import number, t

__all__ = ["build_compare_view", "build_replies", "build_source_choice", "chosen_rows", "reply_name"]


def reply_name(reply: dict, lang: str) -> str:
    """A reply's short name: its sender, else its title."""
    return reply["creator_label"] or (reply["label_en"] if lang == "en" else reply["label"])


def build_source_choice(control_id: str, value: str, loaded: list[dict], lang: str, every: str) -> dcc.RadioItems:
    """Choose one reply of ``loaded`` (:func:`graph.service.compare.replies`) or every source (value ``every``):
    radio buttons in a box that scrolls past a dozen (a dropdown indexed its options for search on every render:
    half a second at 71 replies)."""
    options = [{"label": t("net_all_replies", lang), "value": every}] + [
        {"label": reply_name(r, lang), "value": r["iri"]} for r in loaded]
    return dcc.RadioItems(id=control_id, value=value, options=options, className="radios source-choice")


def chosen_rows(rows: list[dict], which: str) -> list[dict]:
    """The strategies one reply mentions (``mentioned``), two or more do (``several``), or every one (``all``)."""
    if which == "all":
        return rows
    least = 2 if which == "several" else 1
    return [r for r in rows if len(r["mentioned_by"]) >= least]


def build_replies(replies: list[dict], lang: str) -> list:
    """Which replies are loaded (with their sender and passages), and a note when there are fewer than two."""
    if not replies:
        return [build_message(t("cmp_none", lang))]
    items = [html.Li([html.Strong(reply_name(r, lang)), ": ", r["label_en"] if lang == "en" else r["label"], " (",
                      t("cmp_passages", lang, n=number(r["passages"], lang)), ")"]) for r in replies]
    parts: list = [html.P(t("cmp_loaded", lang, n=len(replies))), html.Ul(items, className="cmp-replies")]
    if len(replies) == 1:
        parts.append(build_message(t("cmp_one", lang)))
    return parts


def _mention(m: dict, lang: str) -> html.Li:
    head = [build_entity(m["subject"], lang), f" — {name_of(m['relation'], lang)} ", build_mode(m["mode"], lang)]
    return html.Li([html.Div(head, className="cmp-mention-head"), build_passage(m, lang)], className="cmp-mention")


def _cell(row: dict, reply: str, lang: str) -> html.Div:
    actors, said = row["actors"][reply], row["mentions"][reply]
    if not actors and not said:
        return html.Div(t("cmp_not_mentioned", lang), className="muted")
    parts: list = [html.Ul([html.Li(build_entity(a, lang)) for a in actors], className="cmp-actors") if actors
                   else html.P(t("cmp_no_actors", lang), className="muted")]
    if said:
        parts.append(html.Details([html.Summary(t("cmp_says", lang, n=len(said))),
                                   html.Ul([_mention(m, lang) for m in said], className="cmp-mentions")],
                                  className="cmp-says"))
    return html.Div(parts)


def build_compare_view(result: dict, which: str, lang: str) -> list:
    """The whole body: the replies, the table of the chosen strategies, and the SPARQL behind it."""
    replies = result["replies"]
    parts = build_replies(replies, lang)
    if not replies:
        return parts
    rows = chosen_rows(result["strategies"], which)
    if not rows:
        parts.append(build_message(t("cmp_no_rows", lang)))
    else:
        headers = [t("cmp_strategy", lang), *(reply_name(r, lang) for r in replies), t("cmp_shared", lang)]
        body = [[build_entity(row["strategy"], lang), *(_cell(row, r["iri"], lang) for r in replies),
                 html.Ul([html.Li(build_entity(a, lang)) for a in row["shared"]], className="cmp-actors")
                 if row["shared"] else html.Span("–", className="muted")] for row in rows]
        parts.append(build_table(t("cmp_caption", lang, shown=len(rows), total=len(result["strategies"])), headers,
                                 body, class_name="pl-table cmp-table",
                                 row_ids=[row["strategy"]["iri"] for row in rows]))
    parts.append(build_sparql(result["queries"], lang))
    return parts
