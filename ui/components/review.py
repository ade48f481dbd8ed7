"""Builders of the review queue on /data (issue 14 item 3): each proposal of an ingested reply
(:class:`graph.ingest.model.QueueItem`) with its words marked in a little raw context, the restored reading beside
it, what found it and how sure it is; accept and reject buttons (and an entity's label to correct) while it is open
and edits are on; who decided and when once it is decided. And the line the live region says after an action."""

from __future__ import annotations

from dash import dcc, html

from ui import ids
from ui.components.data import when
from ui.i18n import KIND_NAMES, kind_name, number, t

__all__ = ["REVIEW_SHOWN", "build_queue", "build_review_error", "build_review_failed", "build_review_message",
           "confidence", "found_by"]

REVIEW_SHOWN = 200  # proposals listed (the counts cover all): open ones first


def confidence(value: float, lang: str) -> str:
    """``0.85`` as ``85 %`` (Swedish, no-break space) or ``85%``."""
    pct = round(value * 100)
    return f"{pct}\u00a0%" if lang == "sv" else f"{pct}%"


def found_by(rule: str, lang: str) -> str:
    """The rule or model that found a proposal, in words (an unknown rule as it is)."""
    head, _, what = rule.partition(":")
    if head in ("label", "alias", "numbering", "wording") and not what:
        return t(f"dt_found_{head}", lang)
    if head == "pattern" and what:
        return t("dt_found_pattern", lang, what=what)
    if head == "ner" and what:
        return t("dt_found_ner", lang, what=what)
    return rule


def _title(item: dict, lang: str) -> list:
    kind = item.get("entity_kind")
    what = (kind_name(kind, lang) if kind in KIND_NAMES else (kind or "")) if item["kind"] == "entity" else (
        t("dt_review_relation", lang))
    new = t("dt_review_existing" if item.get("iri") else "dt_review_new", lang) if item["kind"] == "entity" else None
    return [html.Span(what.capitalize(), className="review-kind"), " ",
            html.Strong(item["label"], lang="sv", className="review-label"),
            html.Span(f" ({new})" if new else "", className="muted")]


def _passage(item: dict, lang: str) -> html.Div:
    p = item["passage"]
    return html.Div(className="review-passage", children=[
        html.Figure([
            html.Blockquote([p.get("before", ""), html.Mark(p["raw"]), p.get("after", "")], lang="sv",
                            className="review-raw"),
            html.Figcaption(t("dt_review_raw", lang, start=number(p["start"], lang), end=number(p["end"], lang)),
                            className="muted")]),
        html.Figure([
            html.Blockquote(p.get("restored", ""), lang="sv", className="review-restored"),
            html.Figcaption(t("dt_review_restored", lang), className="muted")]),
    ])


def _decided(item: dict, lang: str) -> html.P:
    key = "dt_review_accepted" if item["status"] == "accepted" else "dt_review_rejected"
    text = t(key, lang, who=item.get("who") or "?", when=when(item["when"]) if item.get("when") else "")
    return html.P([text.rstrip()] + ([": ", html.Span(item["why"])] if item.get("why") else []),
                  className=f"review-status review-{item['status']}")


def _controls(item: dict, lang: str) -> html.Div:
    label = item["label"]
    parts: list = []
    if item["kind"] == "entity" and not item.get("iri"):  # a new node's label; an existing node keeps its own
        parts.append(html.Label([html.Span(t("dt_review_label", lang), className="edit-label"),
                                 dcc.Input(id={"type": ids.DATA_REVIEW_LABEL, "id": item["id"]}, type="text",
                                           value=label, className="edit-input", maxLength=300)],
                                className="edit-field review-label-field"))
    parts.append(html.Div([
        html.Button(t("dt_review_accept", lang), id={"type": ids.DATA_REVIEW_ACCEPT, "id": item["id"]}, n_clicks=0,
                    className="button small primary",
                    **{"aria-label": t("dt_review_accept_label", lang, label=label)}),
        html.Button(t("dt_review_reject", lang), id={"type": ids.DATA_REVIEW_REJECT, "id": item["id"]}, n_clicks=0,
                    className="button small", **{"aria-label": t("dt_review_reject_label", lang, label=label)}),
    ], className="data-actions"))
    return html.Div(parts, className="review-controls")


def _item(item: dict, lang: str, edits: bool) -> html.Li:
    facts = [t("dt_review_found", lang, how=found_by(item["found_by"], lang),
               confidence=confidence(item["confidence"], lang))]
    if item["kind"] == "relation" and item.get("mode"):
        mode = t("dt_review_mode", lang, mode=t(f"dt_mode_{item['mode']}", lang))
        facts.append(mode + (f" ({item['reason_sv']})" if item.get("reason_sv") else ""))
    if item["status"] == "open":
        end = _controls(item, lang) if edits else html.P(t("dt_review_open", lang), className="review-status")
    else:
        end = _decided(item, lang)
    return html.Li(className=f"review-item review-{item['status']}", **{"data-id": item["id"]}, children=[
        html.P(_title(item, lang), className="review-title"),
        _passage(item, lang),
        html.P(" · ".join(facts), className="muted review-facts"),
        end,
    ])


def build_queue(items: list[dict], lang: str, edits: bool, shown: int = REVIEW_SHOWN) -> list:
    """The queue (``items``: :func:`graph.ingest.review.queue` with every status): the counts, then the open
    proposals (in queue order) and the decided ones, at most ``shown``."""
    if not items:
        return [html.P(t("dt_review_none", lang), className="muted")]
    counts = {s: sum(1 for i in items if i["status"] == s) for s in ("open", "accepted", "rejected")}
    ordered = [i for i in items if i["status"] == "open"] + [i for i in items if i["status"] != "open"]
    head = t("dt_review_count", lang, **{k: number(v, lang) for k, v in counts.items()})
    if len(ordered) > shown:
        head += " " + t("dt_review_more", lang, shown=number(shown, lang))
    return [html.P(head, className="data-count"),
            html.Ul([_item(i, lang, edits) for i in ordered[:shown]], className="review-list",
                    **{"aria-label": t("dt_review_list", lang)})]


def build_review_message(text: str) -> html.P:
    """What an upload, accept or reject did (the live region's line)."""
    return html.P(text, className="edit-ok")


def build_review_error(text: str) -> html.P:
    """Why nothing was done, in the page's language (a failure the page itself finds, e.g. no name given)."""
    return html.P(text, className="edit-error")


def build_review_failed(answer: dict, lang: str, upload: bool = False) -> html.P:
    """Why nothing was done (``answer`` the error shape of :mod:`graph.errors`; ``upload``: of reading a reply): a
    headline in the page's language from the kind of failure, then the core's own words (English)."""
    status, kind = answer.get("status"), answer.get("kind")
    head = ("dt_review_off" if status == 403 else "edit_shape" if kind == "shape" else
            "dt_review_missing" if status == 404 else "dt_review_conflict" if status == 409 else
            "dt_review_bad_file" if upload and kind == "ingest" else "dt_review_invalid")
    return html.P([t("dt_review_failed", lang, error=t(head, lang)), ": ",
                   html.Span(answer.get("message") or answer.get("error", ""), lang="en")], className="edit-error")
