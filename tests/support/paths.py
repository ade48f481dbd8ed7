"""Where the tests find the project and their own fixtures, wherever the test module lies."""

from pathlib import Path

__all__ = ["ROOT", "TESTS", "FIXTURES", "ASSETS"]

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
ASSETS = TESTS / "assets"
