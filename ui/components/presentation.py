"""Presentation mode: the *Presentation* control on every page, the presenter bar, saved views, QR and short links.

The mode itself runs in the browser (``assets/presentation.js``): full screen without the side panels, the
projector profile on every graph (labels ≥ 18 px at any zoom, high contrast, Okabe–Ito colours, labels culled by
priority), ← → / PageUp PageDown to step through the saved views. This module builds the bar (plain data in,
components out), serves ``/v/<id>`` (a short link to a saved view) and ``/qr.svg`` (a QR code made locally with
segno), and, only when the setting ``views_editable`` is on, saves the current view from the UI.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from dash import Input, Output, State, dcc, html, no_update

from graph.errors import FardplanError
from graph.service.qr import qr_svg
from graph.service.views import VIEW_ID, add_view, get_view, list_views, views_path
from graph.settings import PROJECT_DIR
from ui.i18n import t

__all__ = ["build_overlay", "overlay_for", "register_save", "register_routes", "PR_ROOT", "PR_TOGGLE"]

PR_ROOT = "present"
PR_TOGGLE = "present-toggle"
PR_BAR = "present-bar"
PR_CAPTION = "present-caption"
PR_COUNTER = "present-counter"
PR_MENU = "present-menu"
PR_PREV = "present-prev"
PR_NEXT = "present-next"
PR_QR_TOGGLE = "present-qr-toggle"
PR_QR = "present-qr"
PR_EXIT = "present-exit"
PR_SAVE_NAME = "present-save-name"
PR_SAVE_CAPTION = "present-save-caption"
PR_SAVE = "present-save"
PR_SAVED = "present-saved"
PR_BRIEF_PDF = "present-brief-pdf"
PR_BRIEF_HTML = "present-brief-html"
MAX_QR_TEXT = 2000


def _views(ctx) -> list[dict]:
    try:
        return list_views(views_path(ctx.settings, PROJECT_DIR))
    except FardplanError:
        return []


def build_overlay(views: list[dict], lang: str, editable: bool = False) -> html.Div:
    """The *Presentation* button and the presenter bar (hidden until presenting); ``views`` go to the script as
    JSON in ``data-views``."""
    menu = [html.Li(html.Button(f"{i}. {v['name']}", className="present-view", **{"data-id": v["id"]}))
            for i, v in enumerate(views, 1)] or [html.Li(t("pr_no_views", lang), className="muted")]
    save = [html.Div([dcc.Input(id=PR_SAVE_NAME, placeholder=t("pr_save_name", lang), className="present-input"),
                      dcc.Input(id=PR_SAVE_CAPTION, placeholder=t("pr_save_caption", lang),
                                className="present-input"),
                      html.Button(t("pr_save", lang), id=PR_SAVE, className="button"),
                      html.Span(id=PR_SAVED, role="status")], className="present-save")] if editable else []
    bar = html.Div(id=PR_BAR, className="present-bar", role="region", **{"aria-label": t("pr_present", lang)},
                   children=[
        html.Button("←", id=PR_PREV, className="button present-step", title=t("pr_prev", lang),
                    **{"aria-label": t("pr_prev", lang)}),
        html.Div([html.Span(id=PR_COUNTER, className="present-counter"),
                  html.P(id=PR_CAPTION, className="present-caption", **{"aria-live": "polite"})],
                 className="present-text"),
        html.Button("→", id=PR_NEXT, className="button present-step", title=t("pr_next", lang),
                    **{"aria-label": t("pr_next", lang)}),
        html.Details([html.Summary(t("pr_views", lang)), html.Ol(menu, className="present-menu-list")],
                     id=PR_MENU, className="present-menu"),
        html.Button(t("pr_qr", lang), id=PR_QR_TOGGLE, className="button"),
        html.Button(t("pr_exit", lang), id=PR_EXIT, className="button"),
        *save,
        html.Span(t("pr_keys", lang), className="present-keys"),
    ])
    qr = html.Figure(id=PR_QR, className="present-qr", hidden=True, children=[
        html.Img(alt=t("pr_qr_alt", lang), className="present-qr-img"),
        html.Figcaption([html.Strong(t("pr_follow", lang)), html.Br(), html.Code(className="present-short")])])
    return html.Div(id=PR_ROOT, className="present-root", **{"data-views": json.dumps(views, ensure_ascii=False),
                                                               "data-lang": lang}, children=[
        html.Div([html.A(t("pr_brief", lang), id=PR_BRIEF_PDF, className="button", hidden=True),
                  html.A(t("pr_brief_html", lang), id=PR_BRIEF_HTML, className="button", hidden=True),
                  html.Button(t("pr_present", lang), id=PR_TOGGLE, className="button primary",
                              **{"aria-pressed": "false"})], className="present-toggle"),
        bar, qr])


def overlay_for(ctx, lang: str) -> html.Div:
    """The overlay with the saved views of ``ctx``'s views file (the shell adds it to every page)."""
    return build_overlay(_views(ctx), lang, ctx.settings.views_editable)


def register_save(app, ctx) -> None:
    """Saving the current view from the UI: registered only when ``views_editable`` is on."""
    if not ctx.settings.views_editable:
        return

    @app.callback(Output(PR_SAVED, "children"), Input(PR_SAVE, "n_clicks"), State(PR_SAVE_NAME, "value"),
                  State(PR_SAVE_CAPTION, "value"), State("url", "pathname"), State("url", "search"),
                  State(PR_ROOT, "data-lang"), prevent_initial_call=True)
    def save(clicks, name, caption, pathname, search, lang):
        if not clicks:
            return no_update
        try:
            view = add_view(views_path(ctx.settings, PROJECT_DIR), (name or "").strip(),
                            (pathname or "/") + (search or ""), caption or "")
        except FardplanError as exc:
            return str(exc)
        return t("pr_saved", lang or "sv", name=view["name"])


def register_routes(server, ctx) -> None:
    """``/v/<id>``: a short link to a saved view (a redirect); ``/qr.svg?path=/…``: a QR code of a path on this
    server (only paths of this site are encoded); ``/brief.pdf?name=…`` and ``/brief.html?name=…``: the handout
    of a strategy or an actor (:mod:`graph.service.brief`)."""
    from flask import Response, abort, redirect, request

    @server.get("/brief.<fmt>")
    def handout(fmt: str):
        from graph.service.brief import brief, to_html, to_pdf

        if fmt not in ("pdf", "html"):
            abort(404)
        name = (request.args.get("name") or "").strip()
        if not name:
            return Response("brief: parameter name is required (a strategy or an actor)", status=400,
                            mimetype="text/plain")
        try:
            data = brief(ctx.store, name)
        except FardplanError as exc:
            return Response(f"brief: parameter name: {exc}", status=404, mimetype="text/plain")
        stem = "underlag-" + data["path"].rsplit("/", 1)[-1].replace(".", "-")
        if fmt == "html":
            return Response(to_html(data, request.host_url), mimetype="text/html")
        return Response(to_pdf(data, request.host_url), mimetype="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{stem}.pdf"'})

    @server.get("/v/<view_id>")
    def short_link(view_id: str):
        if not VIEW_ID.match(view_id):
            abort(404)
        view = get_view(views_path(ctx.settings, PROJECT_DIR), view_id)
        if view is None:
            abort(404)
        return redirect(view["url"], code=302)

    @server.get("/qr.svg")
    def qr():
        path = request.args.get("path", "/")
        parts = urlsplit(path)
        if parts.scheme or parts.netloc or not path.startswith("/") or len(path) > MAX_QR_TEXT:
            return Response("qr.svg: parameter path must be a path on this site (starting with /, at most "
                            f"{MAX_QR_TEXT} characters)", status=400, mimetype="text/plain")
        return Response(qr_svg(request.host_url.rstrip("/") + path), mimetype="image/svg+xml",
                        headers={"Cache-Control": "no-store"})
