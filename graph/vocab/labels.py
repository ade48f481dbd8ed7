"""Display labels of IRIs, read from the store: what a table for people shows instead of an IRI."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.store import Solutions, Store

__all__ = ["labels_of"]

CHUNK = 400
_QUERY = """SELECT ?node ?label WHERE {{
  VALUES ?node {{ {values} }}
  VALUES (?property ?rank) {{ (<http://www.w3.org/2004/02/skos/core#prefLabel> 0)
                              (<http://www.w3.org/2000/01/rdf-schema#label> 1) }}
  ?node ?property ?label .
  FILTER (LANG(?label) IN ("{lang}", "{other}", ""))
}} ORDER BY ?node (LANG(?label) != "{lang}") (LANG(?label) = "") ?rank ?label"""


def labels_of(store: Store, iris: Iterable[str], lang: str = "sv") -> dict[str, str]:
    """``{iri: label}`` for those of ``iris`` that have a label: ``lang`` first, then the other of sv/en, then an
    untagged one; ``skos:prefLabel`` before ``rdfs:label``."""
    other = "en" if lang == "sv" else "sv"
    wanted = sorted(set(iris))
    found: dict[str, str] = {}
    for i in range(0, len(wanted), CHUNK):
        values = " ".join(str(ox.NamedNode(iri)) for iri in wanted[i : i + CHUNK])
        answer = store.query(_QUERY.format(values=values, lang=lang, other=other))
        assert isinstance(answer, Solutions)
        for node, label in answer.rows:
            found.setdefault(node.value, label.value)
    return found
