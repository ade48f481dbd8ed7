"""Walking JSON-safe results in tests."""

from __future__ import annotations


def entities(data) -> list[dict]:
    """Every dict with an "iri" inside ``data`` (nested dicts and lists included)."""
    found = []
    if isinstance(data, dict):
        if "iri" in data:
            found.append(data)
        for value in data.values():
            found += entities(value)
    elif isinstance(data, list):
        for value in data:
            found += entities(value)
    return found
