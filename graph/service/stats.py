"""Counts per class, with Swedish labels."""

from __future__ import annotations

from graph.service.model import ClassCount, ClassCounts
from graph.store import Store

__all__ = ["CLASS_COUNTS", "class_counts"]

CLASS_COUNTS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?class (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class .
  OPTIONAL { ?class rdfs:label ?l FILTER (LANG(?l) = "sv") }
} GROUP BY ?class ORDER BY DESC(?n) ?class
"""


def class_counts(store: Store) -> ClassCounts:
    """How many quads, and nodes per class (:class:`~graph.service.model.ClassCounts`); a class's label falls back
    to the IRI's last part."""
    rows = store.query(CLASS_COUNTS).rows
    classes: list[ClassCount] = []
    for cls, label, count in rows:
        fallback = cls.value.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        classes.append({"iri": cls.value, "label": label.value if label else fallback, "count": int(count.value)})
    return {"quads": store.count(), "classes": classes}
