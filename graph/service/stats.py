"""Counts per class, with Swedish labels."""

from __future__ import annotations

from graph.queries import internal
from graph.service.model import ClassCount, ClassCounts
from graph.store import Store

__all__ = ["CLASS_COUNTS", "class_counts"]

CLASS_COUNTS = internal("stats_class_counts").text


def class_counts(store: Store) -> ClassCounts:
    """How many quads, and nodes per class (:class:`~graph.service.model.ClassCounts`); a class's label falls back
    to the IRI's last part."""
    rows = store.query(CLASS_COUNTS).rows
    classes: list[ClassCount] = []
    for cls, label, count in rows:
        fallback = cls.value.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        classes.append({"iri": cls.value, "label": label.value if label else fallback, "count": int(count.value)})
    return {"quads": store.count(), "classes": classes}
