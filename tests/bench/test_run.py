"""``python -m bench`` at the smallest size, in correctness mode: the report is written with every section.

No timing assertions: the machine is shared and noisy. A section may be skipped only when the module it measures
does not exist yet.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from bench import run
from bench.report import budgets

pytestmark = pytest.mark.server  # starts real server processes on 127.0.0.1


@pytest.fixture(scope="module")
def quick_report(tmp_path_factory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("bench")
    code = run.main(["--quick", "--runs", "1", "--requests", "16", "--threads", "2", "--query-deadline", "10",
                     "--output", str(out / "benchmarks.md"), "--json", str(out / "results.json")])
    assert code == 0
    return (out / "benchmarks.md").read_text(encoding="utf-8"), json.loads((out / "results.json").read_text())


def test_report_has_every_section(quick_report) -> None:
    text, results = quick_report
    for heading in ("## Machine", "## Budgets", "## 10k triples", "### Load and memory",
                    "### Canned queries: pyoxigraph vs rdflib", "### Analysis (networkx)", "### Explorer service",
                    "### SPARQL endpoint throughput", "## How to run"):
        assert heading in text, heading
    sections = results["sizes"]["10k"]["sections"]
    assert set(sections) == set(run.SECTIONS)
    for name, section in sections.items():
        assert not section.get("failed"), f"{name}: {section.get('failed')}"


def test_sections_skip_only_for_missing_modules(quick_report) -> None:
    _, results = quick_report
    sections = results["sizes"]["10k"]["sections"]
    measured_modules = {"analysis": "graph.analysis.algorithms", "explore": "graph.index.nodes"}
    for name, module in measured_modules.items():
        if importlib.util.find_spec(module) is not None:
            assert not sections[name].get("skipped"), sections[name].get("skipped")
            assert sections[name]["rows"]


def test_every_canned_query_is_measured(quick_report) -> None:
    from graph.queries import catalogue

    _, results = quick_report
    measured = results["sizes"]["10k"]["sections"]["queries"]["metrics"]["queries"]
    assert set(measured) == set(catalogue())
    assert all(m["ox_ms"] is not None for m in measured.values()), "pyoxigraph ran every canned query"


def test_budgets_are_judged(quick_report) -> None:
    text, results = quick_report
    rows = budgets(results, [10_000])
    assert len(rows) >= 6
    for name, _, _, status, _ in rows:
        assert status == "met" or status.startswith("missed") or status == "not measured", name
    assert "1M triples not in this run" in text


def test_parse_size() -> None:
    assert run.parse_size("10k") == 10_000
    assert run.parse_size("1M") == 1_000_000
    assert run.parse_size("2500") == 2_500
    assert run.size_label(100_000) == "100k"
