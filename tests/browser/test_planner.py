"""The collaboration pages in a real headless Chromium: strategy → actors (with its SPARQL re-run), two actors,
gaps and the network; no console errors anywhere."""

from __future__ import annotations

import json

import pytest

from graph.cli import main as cli
from graph.vocab.namespaces import ID_IRI

pytestmark = pytest.mark.browser

DRAWN = "() => window.cy && window.cy.nodes().length > 0"
DT_VI_ACTORS = ("Polisen", "Bostadsbolag", "Skolor", "Lokalt föreningsliv", "Stadsdelsförvaltningen")  # issue 12


def _shown_iris(page) -> set[str]:
    return set(page.eval_on_selector_all("#strategy-actors-body table tbody tr",
                                         "rows => rows.map(r => r.dataset.iri)"))


def test_pick_a_strategy_and_rerun_its_sparql(live_app, page, capsys):
    page.goto(live_app + "/strategi")
    page.locator("#strategy-actors-strategy").click()
    page.keyboard.type("DT.VI")
    page.locator(".dash-dropdown-option, [role=option]", has_text="DT.VI –").first.click()
    page.locator("#strategy-actors-body table").wait_for(timeout=15_000)
    page.wait_for_function(DRAWN, timeout=30_000)
    table = page.inner_text("#strategy-actors-body table")
    for name in DT_VI_ACTORS:
        assert name in table
    page.wait_for_function("() => location.search.includes('strategy=fpid:strategy/DT.VI')", timeout=15_000)
    assert page.evaluate("() => window.cy.edges('.interpreted').length") > 0
    shown = _shown_iris(page)
    assert ID_IRI + "org/polisen" in shown

    page.click("#strategy-actors-body .sparql-summary")
    query = page.inner_text("#strategy-actors-body .sparql-text")
    assert cli.main(["query", query, "--store", "memory", "--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {b["actor"]["value"] for b in answer["results"]["bindings"]} == shown
    assert page.console_errors == []


def test_strategy_link_reopens_in_english(live_app, page):
    page.goto(live_app + "/strategi?strategy=fpid:strategy/DT.VI&lang=en")
    page.locator("#strategy-actors-body table").wait_for(timeout=15_000)
    assert "reach the strategy" in page.inner_text("#strategy-actors-body")
    assert "The Police" in page.inner_text("#strategy-actors-body table")
    assert page.console_errors == []


def test_two_actors_share_a_project_and_a_strategy(live_app, page):
    page.goto(live_app + "/tva-aktorer?actors=polisen,socialtjansten")
    page.locator("#two-actors-shared table").first.wait_for(timeout=15_000)
    shared = page.inner_text("#two-actors-shared")
    assert "Sociala insatsgruppen" in shared and "DT.V" in shared
    page.wait_for_function(DRAWN, timeout=30_000)
    line = page.inner_text("#two-actors-paths .path-line")
    assert line.startswith("Polisen — deltar i → Sociala insatsgruppen")
    assert page.locator("#two-actors-paths .pl-steps blockquote").count() >= 2
    assert "actors=fpid:org/polisen,fpid:org/socialtjansten" in page.url
    assert page.console_errors == []


def test_gaps_shows_the_coverage_matrix(live_app, page):
    page.goto(live_app + "/luckor")
    matrix = page.locator("table.coverage")
    matrix.wait_for(timeout=15_000)
    assert matrix.locator("tbody tr").count() == 5
    text = matrix.inner_text()
    assert "Demokrati och trygghet" in text and "Totalt" in text
    assert page.locator("th[scope=col]").count() > 0
    assert page.console_errors == []


def test_network_draws_nodes_and_switches_measure(live_app, page):
    page.goto(live_app + "/natverk")
    page.wait_for_function(DRAWN, timeout=30_000)
    assert page.evaluate("() => window.cy.nodes().length") == page.locator(
        "#network-body table").first.locator("tbody tr").count()
    assert page.evaluate("() => window.cy.edges().length") > 0
    page.locator("#network-measure label", has_text="betweenness").locator("input").click()
    page.wait_for_function("() => location.search.includes('measure=betweenness')", timeout=15_000)
    page.wait_for_function(DRAWN, timeout=30_000)
    assert page.console_errors == []
