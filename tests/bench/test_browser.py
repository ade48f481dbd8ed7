"""The real-browser benchmark (bench/browser.py) runs end to end at the seed graph: the explorer served as
``python app.py`` serves it, in its own process, every step finishing (a step that never finishes is reported as
missed, so a broken step would otherwise only show as ``> 60 s`` in the report)."""

from __future__ import annotations

import math

import pytest

from bench import browser

pytestmark = pytest.mark.browser

STEPS = {*(f"first draw {p}" for p in browser.PAGES), "choose a strategy", "choose an actor pair",
         "shared link (cold browser)", "next saved view (→)"}


def test_every_step_finishes_at_the_seed(tmp_path):
    timings = browser._serve_and_measure(browser.seed_file(tmp_path), 1, browser.SEED_ACTORS, "fpid:org/polisen")
    assert set(timings) == STEPS
    assert len(timings["next saved view (→)"]) == 2
    assert all(math.isfinite(t) and t > 0 for values in timings.values() for t in values), timings
