"""Security headers on every response of the web server (the explorer's pages and the endpoint's answers).

Every response gets ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` and a Content-Security-Policy.
Machine answers (``/sparql``, ``/queries``, ``/id``) get :data:`API_CSP`; HTML pages get
:func:`content_security_policy`, which allows only this origin's scripts plus the hashes of the inline scripts
the page is known to carry (Dash's: ``app.csp_hashes()``), and no ``eval``. The CORS headers of ``/sparql`` are
the endpoint's own (:class:`graph.http.endpoint.SparqlApp`).
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask, Response

__all__ = ["API_CSP", "SECURITY_HEADERS", "content_security_policy", "install_security_headers"]

# What a browser may do with a machine answer (JSON, RDF, CSV): nothing — no script, no style, no framing.
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The headers of a machine answer, as a plain WSGI app (which no after_request reaches) sends them.
SECURITY_HEADERS = (("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
                    ("Content-Security-Policy", API_CSP))
_SECURITY = "fardplan_security"


def content_security_policy(script_hashes: Iterable[str] = ()) -> str:
    """The CSP of the HTML pages: scripts, styles, fonts and requests from this origin only.

    ``script_hashes`` (``'sha256-…'``, as Dash's ``app.csp_hashes()`` gives them) allow those inline scripts and
    no other. Styles allow ``'unsafe-inline'``: the SPARQL editor (CodeMirror) and Dash components write
    ``<style>`` elements and style attributes at run time; inline styles cannot run code. Images may be
    ``data:``/``blob:`` URLs (the graph's PNG/SVG export). No ``eval``, no plugins, no framing.
    """
    scripts = " ".join(["'self'", *script_hashes])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; "
            "font-src 'self' data:; "
            "connect-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def install_security_headers(server: Flask, script_hashes: Iterable[str] | None = None) -> None:
    """Add the security headers to every response of ``server`` (idempotent; see the module docstring).

    Without ``script_hashes`` an HTML page gets only ``frame-ancestors 'none'`` as its CSP (the pages' inline
    scripts are not known yet); the UI passes Dash's, after every callback is registered::

        install_security_headers(app.server, app.csp_hashes())
    """
    config = server.extensions.get(_SECURITY)
    if config is None:
        config = server.extensions[_SECURITY] = {"page_csp": "frame-ancestors 'none'"}

        @server.after_request
        def _security(response: Response) -> Response:
            headers = response.headers
            headers["X-Content-Type-Options"] = "nosniff"
            headers["X-Frame-Options"] = "DENY"
            if "Content-Security-Policy" not in headers:
                html = (response.mimetype or "") == "text/html"
                headers["Content-Security-Policy"] = config["page_csp"] if html else API_CSP
            return response

    if script_hashes is not None:
        config["page_csp"] = content_security_policy(script_hashes)
