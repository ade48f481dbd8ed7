"""Walking JSON-safe results and Dash component trees in tests."""

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


def walk(component):
    """Every component in the tree under ``component`` (lists too)."""
    if isinstance(component, list | tuple):
        for c in component:
            yield from walk(c)
        return
    if component is None or isinstance(component, str | int | float):
        return
    yield component
    yield from walk(getattr(component, "children", None))


def text_of(component) -> str:
    """All the strings under ``component``."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    if component is None:
        return ""
    return text_of(getattr(component, "children", None))


def find(tree, kind=None, class_name=None) -> list:
    return [c for c in walk(tree) if (kind is None or isinstance(c, kind))
            and (class_name is None or class_name in (getattr(c, "className", "") or "").split())]
