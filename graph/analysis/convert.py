"""The one boundary from the store to networkx: canned SELECTs of just the relations the analysis needs.

:func:`to_nx` runs ``analysis_nodes``, ``analysis_names``, ``analysis_predicates`` and ``analysis_relations``
(``graph/queries/``) and returns a :class:`networkx.MultiDiGraph` whose nodes are ``str`` IRIs and whose
attributes are plain ``str``/``int``/``list`` values, so nothing downstream holds an RDF term:

* node attributes: ``type`` (``goal_area``, ``strategy``, ``project``, ``proposal``, ``actor`` or ``other``: the
  kind's analysis name in :data:`graph.vocab.kinds.KIND_TABLE`),
  ``label_sv``, ``label_en``, ``notation``, ``names`` (every label, alt label and notation, for look-up),
  ``names_en`` (those of them tagged ``@en``);
* edge attributes (key = ``relation``): ``relation`` (the predicate's local name, e.g. ``participatesIn``),
  ``predicate`` (IRI), ``assertion`` (IRI or ``""``), ``mode`` (``stated``, ``interpreted`` or ``""``),
  ``reason_sv``, ``reason_en``, ``passage`` (IRI or ``""``), ``text`` (the passage's exact text),
  ``start``/``end`` (character offsets, ``-1`` if unknown), ``documents`` (every document a passage of any
  assertion of the triple is in, sorted: the replies that say it);
* graph attribute ``relations``: ``{local name: {"iri", "label_sv", "label_en"}}``.
"""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from graph.queries import get
from graph.store import Solutions, Store
from graph.vocab.kinds import classify
from graph.vocab.labels import FALLBACK_LABELS
from graph.vocab.namespaces import PREFIXES

__all__ = ["to_nx", "local_name"]

ORG = PREFIXES["org"]
SKOS = PREFIXES["skos"]

# The borrowed predicates of the analysis view the ontology does not label (labels: graph.vocab.labels).
BORROWED_RELATIONS = (SKOS + "broader", ORG + "subOrganizationOf", ORG + "memberOf")
LABEL_PROPERTIES = (SKOS + "prefLabel", PREFIXES["rdfs"] + "label")


def local_name(iri: str) -> str:
    """The part of ``iri`` after its last ``#`` or ``/``: ``…/ns#worksOn`` → ``worksOn``."""
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _select(store: Store, name: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    answer = store.query(get(name).text)
    assert isinstance(answer, Solutions)
    return [{v: t for v, t in zip(answer.variables, row, strict=True) if t is not None} for row in answer.rows]


def _add_nodes(G: nx.MultiDiGraph, store: Store) -> None:
    classes: dict[str, set[str]] = {}
    for row in _select(store, "analysis_nodes"):
        classes.setdefault(row["node"].value, set()).add(row["class"].value)
    for node in sorted(classes):
        kind = classify(classes[node])
        G.add_node(node, type=kind.type if kind else "other", label_sv="", label_en="", notation="", names=[],
                   names_en=[])
    labels: dict[tuple[str, str], tuple[int, str]] = {}
    for row in _select(store, "analysis_names"):
        node, prop, name = row["node"].value, row["property"].value, row["name"]
        attrs = G.nodes[node]
        if name.value not in attrs["names"]:
            attrs["names"].append(name.value)
        if name.language == "en" and name.value not in attrs["names_en"]:
            attrs["names_en"].append(name.value)
        if prop == SKOS + "notation":
            attrs["notation"] = attrs["notation"] or name.value
        elif prop in LABEL_PROPERTIES and name.language in ("sv", "en"):
            priority = LABEL_PROPERTIES.index(prop)
            key = (node, name.language)
            if key not in labels or (priority, name.value) < labels[key]:
                labels[key] = (priority, name.value)
    for (node, lang), (_, text) in labels.items():
        G.nodes[node][f"label_{lang}"] = text
    for node, attrs in G.nodes(data=True):
        attrs["names"].sort()
        attrs["names_en"].sort()
        attrs["label_sv"] = attrs["label_sv"] or attrs["label_en"] or attrs["notation"] or local_name(node)
        attrs["label_en"] = attrs["label_en"] or attrs["label_sv"]


def _relation_labels(store: Store) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for row in _select(store, "analysis_predicates"):
        iri, label = row["predicate"].value, row["label"]
        if label.language in ("sv", "en"):
            found.setdefault(iri, {})[label.language] = label.value
    for iri in BORROWED_RELATIONS:
        for lang, label in FALLBACK_LABELS[iri].items():
            found.setdefault(iri, {}).setdefault(lang, label)
    return {
        local_name(iri): {"iri": iri, "label_sv": names.get("sv", local_name(iri)),
                          "label_en": names.get("en", local_name(iri))}
        for iri, names in found.items()
    }


def _edge_attrs(row: dict) -> dict:
    def text(name: str) -> str:
        return row[name].value if name in row else ""

    def offset(name: str) -> int:
        return int(row[name].value) if name in row else -1

    mode = local_name(text("mode")).lower() if "mode" in row else ""
    return {
        "relation": local_name(row["predicate"].value), "predicate": row["predicate"].value,
        "assertion": text("assertion"), "mode": mode, "reason_sv": text("reasonSv"), "reason_en": text("reasonEn"),
        "passage": text("passage"), "text": text("text"), "start": offset("start"), "end": offset("end"),
    }


def to_nx(store: Store) -> nx.MultiDiGraph:
    """The analysis view of ``store``: actors, projects, strategies and goal areas and the relations between them.

    One edge per (source, relation, target); where a triple has more than one assertion, the first by IRI is kept.
    Endpoints outside the typed node set are added with ``type="other"``.
    """
    G = nx.MultiDiGraph()
    _add_nodes(G, store)
    G.graph["relations"] = _relation_labels(store)
    rows = sorted(_select(store, "analysis_relations"),
                  key=lambda r: tuple(str(r.get(k, "")) for k in ("source", "predicate", "target", "assertion")))
    for row in rows:
        source, target = row["source"].value, row["target"].value
        attrs = _edge_attrs(row)
        for node in (source, target):
            if node not in G:
                G.add_node(node, type="other", label_sv=local_name(node), label_en=local_name(node), notation="",
                           names=[])
        document = row["document"].value if "document" in row else None
        if not G.has_edge(source, target, key=attrs["relation"]):
            G.add_edge(source, target, key=attrs["relation"], documents=[], **attrs)
        documents = G.edges[source, target, attrs["relation"]]["documents"]
        if document and document not in documents:
            documents.append(document)
            documents.sort()
    return G
