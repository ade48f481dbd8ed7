"""Accessibility checks in a real browser: axe-core 4 (``tests/assets/axe.min.js``, rebuilt by
``scripts/build_axe.sh``) run on a loaded page, and the pages and states every check covers."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.support.paths import ASSETS

__all__ = ["AXE", "PAGES", "SETTLED", "axe_violations", "blocking", "open_settled"]

AXE = ASSETS / "axe.min.js"
# Each page with what shows it has finished drawing (the graph, the table or the editor).
PAGES = {
    "/": "window.cy && window.cy.nodes().length > 0",
    "/strategi?strategy=DT.VI": "window.cy && window.cy.nodes().length > 0",
    "/tva-aktorer?actors=polisen,socialtjansten": "document.querySelector('.pl-body table')",
    "/natverk": "window.cy && window.cy.nodes().length > 0",
    "/luckor": "document.querySelector('.coverage tbody tr')",
    "/fraga": "document.querySelector('.cm-editor')",
    "/jamfor": "document.querySelector('.cmp-table')",
    "/data": "document.querySelector('#data-template')",
}
SETTLED = 30_000


def open_settled(page, url: str, ready: str) -> None:
    """Open ``url`` and wait until ``ready`` (a JavaScript expression) holds and no callback is pending."""
    page.goto(url)
    # The function form: the pages' CSP has no eval, which the bare-expression form of wait_for_function needs.
    page.wait_for_function(ready if ready.lstrip().startswith("(") else f"() => {ready}", timeout=SETTLED)
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=SETTLED)
    page.wait_for_timeout(300)


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as ``[{"id", "impact", "nodes": count, "targets": [selector]}]``."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Served as a script of the page's own origin: the pages' CSP refuses inline scripts (add_script_tag(path=)).
        here = urlsplit(page.url)
        url = f"{here.scheme}://{here.netloc}/__tests__/axe.min.js"
        page.route(url, lambda route: route.fulfill(path=str(AXE), content_type="application/javascript"))
        page.add_script_tag(url=url)
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(
        v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
               targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))""")


def blocking(violations: list[dict]) -> list[dict]:
    """The critical and serious ones (what CI fails on)."""
    return [v for v in violations if v["impact"] in ("critical", "serious")]
