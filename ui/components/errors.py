"""A failing callback shows the user a message, never a blank panel: one handler for every callback of the app.

Dash calls :func:`on_callback_error` (the app's ``on_error``) with the exception of any server-side callback. It
logs the exception with its traceback and a short reference, fills every ``children`` output of the callback with
an error message in the page's language, leaves its other outputs unchanged, and shows the same message in the
shell's banner (:data:`ids.ERROR_BANNER`), so a failure behind a graph or a store is visible too. Without it, Dash
answers HTTP 500 and shows nothing in production.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any
from urllib.parse import parse_qs, urlsplit

from dash import callback_context, html, no_update, set_props

from ui import ids

__all__ = ["MESSAGES", "banner", "error_message", "failed_part", "on_callback_error"]

log = logging.getLogger(__name__)

MESSAGES = {
    "sv": "Något gick fel, och den här delen av sidan kunde inte visas (felreferens {ref}). Försök igen om en "
          "stund; kvarstår felet, ge referensen till den som driver tjänsten.",
    "en": "Something went wrong, and this part of the page could not be shown (error reference {ref}). Try again "
          "in a moment; if it persists, give the reference to whoever runs the service.",
}


def banner() -> html.Div:
    """The shell's error banner: empty and hidden until a callback fails."""
    return html.Div(id=ids.ERROR_BANNER, className="error-banner", role="alert", hidden=True)


def error_message(ref: str, lang: str) -> html.Div:
    """The message a failed callback puts where its output would have been."""
    return html.Div(MESSAGES.get(lang, MESSAGES["sv"]).format(ref=ref), className="error callback-error",
                    role="alert", **{"data-error-ref": ref})


def _language(ctx: Any) -> str:
    """The page's language: a ``lang`` in the callback's inputs or states, else the page URL's, else Swedish."""
    for group in (ctx.states_list, ctx.inputs_list):
        for item in group or []:
            for spec in item if isinstance(item, list) else [item]:
                if not isinstance(spec, dict):
                    continue
                value = spec.get("value")
                if isinstance(value, dict) and value.get("lang") in MESSAGES:
                    return value["lang"]
                if spec.get("property") == "search" and isinstance(value, str):
                    lang = parse_qs(value.lstrip("?")).get("lang", [""])[-1]
                    if lang in MESSAGES:
                        return lang
    try:
        from flask import request

        lang = parse_qs(urlsplit(request.referrer or "").query).get("lang", [""])[-1]
    except RuntimeError:  # outside a request
        lang = ""
    return lang if lang in MESSAGES else "sv"


def on_callback_error(exc: Exception) -> Any:
    """Dash's ``on_error``: log ``exc`` with a reference, then the message in the outputs and the banner."""
    ctx = callback_context
    ref = secrets.token_hex(4)
    outputs = ctx.outputs_list if isinstance(ctx.outputs_list, list) else [ctx.outputs_list]
    names = ", ".join(f"{o['id']}.{o['property']}" for o in _flat(outputs))
    log.error("callback for %s failed (error reference %s)", names, ref, exc_info=exc)
    lang = _language(ctx)
    set_props(ids.ERROR_BANNER, {"children": error_message(ref, lang), "hidden": False})
    values = [_value(o, ref, lang) for o in outputs]
    if not isinstance(ctx.outputs_list, list):
        return values[0]
    return values


def failed_part(exc: Exception, what: str, lang: str) -> html.Div:
    """For a part a page layout draws itself (not through a callback output): log ``exc`` with a reference, show
    the banner, and return the message to put where the part would have been, so the rest of the page still works."""
    ref = secrets.token_hex(4)
    log.error("drawing %s failed (error reference %s)", what, ref, exc_info=exc)
    set_props(ids.ERROR_BANNER, {"children": error_message(ref, lang), "hidden": False})
    return error_message(ref, lang)


def _value(spec: dict | list, ref: str, lang: str) -> Any:
    """The message for a ``children`` output, no change for any other (a list for a pattern-matching group)."""
    if isinstance(spec, list):
        return [_value(s, ref, lang) for s in spec]
    return error_message(ref, lang) if spec.get("property") == "children" else no_update


def _flat(outputs: list) -> list[dict]:
    """Output specs, pattern-matching (``ALL``) groups flattened."""
    return [spec for item in outputs for spec in (item if isinstance(item, list) else [item])]
