"""Display labels of IRIs: read from the store (what a table for people shows instead of an IRI), and the
labels of the borrowed terms our ontology does not label, which the details panel and the analysis share."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.store import Solutions, Store
from graph.vocab.namespaces import PREFIXES

__all__ = ["labels_of", "FALLBACK_LABELS"]

_SKOS, _ORG, _DCTERMS, _PROV = (PREFIXES[p] for p in ("skos", "org", "dcterms", "prov"))
# Labels of the borrowed predicates and classes our ontology does not label itself.
FALLBACK_LABELS: dict[str, dict[str, str]] = {
    _SKOS + "broader": {"sv": "hör till", "en": "belongs to"},
    _ORG + "subOrganizationOf": {"sv": "är en del av", "en": "is part of"},
    _ORG + "memberOf": {"sv": "är medlem i", "en": "is a member of"},
    _ORG + "Organization": {"sv": "organisation", "en": "organisation"},
    _DCTERMS + "references": {"sv": "hänvisar till", "en": "references"},
    _DCTERMS + "creator": {"sv": "upphov", "en": "creator"},
    _DCTERMS + "isPartOf": {"sv": "ingår i", "en": "is part of"},
    _DCTERMS + "date": {"sv": "datum", "en": "date"},
    _DCTERMS + "contributor": {"sv": "medverkande", "en": "contributor"},
    _DCTERMS + "source": {"sv": "bygger på", "en": "builds on"},
    _DCTERMS + "subject": {"sv": "handlar om", "en": "is about"},
    _PROV + "wasInfluencedBy": {"sv": "följer av", "en": "results from"},
}

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
