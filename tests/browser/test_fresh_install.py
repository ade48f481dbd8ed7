"""Nothing missing on a fresh machine: ``python app.py`` from an environment with only the README's install (no
test extra) serves every page in a real headless Chromium with no error in the server log or the browser.

The environment is built once per ``pyproject.toml`` (tests/fresh_env.py, cached outside the clone); it needs the
package registry the first time. Never skipped: under CI a missing piece fails the run.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.support.browser import browser_page
from tests.support.fresh_env import base_venv, running_app
from tests.support.paths import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]

DRAWN = "() => window.cy && window.cy.nodes().length > 0"
# Each page with what shows that its main content rendered (its callbacks answered).
PAGES = {
    "/": ("graph", DRAWN),
    "/strategi?strategy=fpid:strategy/DT.VI": ("table", "#strategy-actors-body table tbody tr"),
    "/tva-aktorer?actors=polisen,socialtjansten": ("table", "#two-actors-shared table tbody tr"),
    "/natverk": ("graph", DRAWN),
    "/luckor": ("table", "table.coverage tbody tr"),
    "/fraga?query=SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20a%20fp%3AStrategy%20%7D": ("table",
                                                                                 "#sparql-table td.dash-cell"),
    "/jamfor": ("table", ".cmp-table"),
    "/data": ("table", "#data-template"),
}
LOG_ERRORS = ("Traceback", "Exception on", "Error", "failed", " 500 ", "development server")


@pytest.fixture(scope="module")
def base_python():
    return base_venv()


def test_base_install_has_no_test_extra(base_python):
    """The environment really is the base install: the test extra's packages are absent."""
    for module in ("playwright", "pytest", "rdflib_endpoint", "waitress", "gunicorn", "spacy"):
        found = subprocess.run([str(base_python), "-c", f"import {module}"], capture_output=True)
        assert found.returncode != 0, f"{module} is installed in the base environment"
    imported = subprocess.run([str(base_python), "-c", "import numpy, scipy, granian, dash, graph.service.planner"],
                              capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr


def test_a_reply_is_ingested_from_a_base_install(base_python, tmp_path):
    """`fardplan ingest` (txt, and a PDF through pypdf) needs nothing beyond `pip install -e .`; only --ner needs
    the ner extra, and says so."""
    fardplan = [str(base_python), "-m", "graph.cli"]
    reply = ROOT / "tests" / "data" / "reply-rinkeby-kista.txt"
    done = subprocess.run([*fardplan, "--store", "memory", "ingest", str(reply), "--dry-run", "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["proposals"]["entities"]
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    refused = subprocess.run([*fardplan, "--store", "memory", "ingest", str(reply), "--dry-run", "--ner", str(model)],
                             capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert refused.returncode != 0 and "fardplan-explorer[ner]" in refused.stdout + refused.stderr


def test_every_page_renders_from_a_base_install(base_python, tmp_path):
    log = tmp_path / "app.log"
    failures: list[str] = []
    with running_app(base_python, log) as base, browser_page() as (page, console_errors):
        server_errors: list[str] = []
        page.on("response", lambda r: server_errors.append(f"HTTP {r.status} {r.url}") if r.status >= 500 else None)
        for path, (kind, ready) in PAGES.items():
            page.goto(base + path)
            try:
                if kind == "graph":
                    page.wait_for_function(ready, timeout=60_000)
                else:
                    page.locator(ready).first.wait_for(timeout=60_000)
            except Exception as exc:  # noqa: BLE001 - collect every page's failure, then report them together
                failures.append(f"{path}: main content ({ready}) not shown: {type(exc).__name__}")
            errors = page.locator(".callback-error")
            assert errors.count() == 0, f"{path}: {errors.first.inner_text()}"
        page.wait_for_timeout(500)  # late callbacks of the last page
        for _ in range(120):  # the start-up warm-up runs in the background: wait for its word (bounded)
            text = log.read_text("utf-8", "replace")
            if "caches warmed" in text or "warming the caches failed" in text:
                break
            page.wait_for_timeout(500)
        assert console_errors == []
        assert server_errors == []
    assert failures == [], "\n".join(failures) + "\n" + text
    bad = [line for line in text.splitlines() if any(word in line for word in LOG_ERRORS)]
    assert bad == [], text
    assert "listening on http://127.0.0.1:" in text
    assert "caches warmed" in text, text  # the start-up warm-up (index, search, network layout) succeeded
