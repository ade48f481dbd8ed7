"""The explorer's index: every graph node the explorer shows, its labels and kind, and the relations between them.

Built once per store with a handful of SPARQL queries (``graph/queries/index_*.rq``), then held in memory (plain
``str`` IRIs only) so that search, neighbourhoods and grouping answer without touching the store. Passages,
assertions and ontology terms are provenance, not nodes: they are left out here and shown in the details panel
(:mod:`graph.service.details`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graph.queries import internal
from graph.store import Solutions, Store
from graph.vocab.kinds import KINDS, classify
from graph.vocab.namespaces import FP_IRI, PREFIXES
from graph.vocab.text import fold

__all__ = ["KINDS", "ExploreIndex", "Node", "Edge", "build_index", "label_of"]

ORG = PREFIXES["org"]
SKOS = PREFIXES["skos"]

GENERIC_CLASSES = {ORG + "Organization", ORG + "OrganizationalUnit", SKOS + "Concept", FP_IRI + "Document"}
# Predicates that are structure or provenance, never a relation drawn in the graph.
NON_RELATIONS = {
    PREFIXES["rdf"] + "type", PREFIXES["prov"] + "wasDerivedFrom", SKOS + "inScheme", SKOS + "topConceptOf",
    PREFIXES["rdfs"] + "isDefinedBy",
}

Q_TYPES = internal("index_types").text
Q_TEXT = internal("index_text").text
Q_RELATIONS = internal("index_relations").text
Q_VOCAB = internal("index_vocab").text
Q_MODES = internal("index_modes").text
Q_SOURCES = internal("index_sources").text
Q_NODE_SOURCES = internal("index_node_sources").text


_SV_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})  # the three characters after z


@dataclass
class Node:
    """One graph node: kind, most specific class, labels by language, notation, goal areas, search keys."""

    iri: str
    kind: str
    cls: str
    labels: dict[str, str] = field(default_factory=dict)
    notation: str = ""
    goals: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # folded labels, alt labels, notation
    text: str = ""  # folded description (weaker search hits)
    documents: set[str] = field(default_factory=set)  # documents with a passage about it or one of its relations


@dataclass(frozen=True)
class Edge:
    """A relation ``source --predicate--> target``; ``mode`` is ``stated``, ``interpreted`` or ``""``;
    ``documents`` the documents whose passages say it (none for structure without provenance, e.g. skos:broader)."""

    id: str
    source: str
    predicate: str
    target: str
    mode: str
    documents: frozenset[str] = frozenset()

    def said_in(self, document: str | None) -> bool:
        """Whether the view of ``document`` (``None``: of every source) keeps this relation: it is said there, or
        it is structure that no document says."""
        return document is None or not self.documents or document in self.documents


@dataclass
class ExploreIndex:
    """Nodes by IRI, edges, and per node the indexes of its edges (both directions)."""

    nodes: dict[str, Node]
    edges: list[Edge]
    adjacency: dict[str, list[int]]
    vocab: dict[str, dict[str, str]] = field(default_factory=dict)  # labels of classes and properties by lang
    outgoing: dict[str, int] = field(default_factory=dict)  # relations with the node as subject
    sort_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # by lang, then IRI: see sort_label
    caches: dict[str, object] = field(default_factory=dict, repr=False)  # built on first use, e.g. search tables

    def neighbours(self, iri: str, document: str | None = None) -> set[str]:
        """IRIs one relation away from ``iri`` (either direction); with ``document``, by relations it says
        (:meth:`Edge.said_in`)."""
        out = set()
        for i in self.adjacency.get(iri, ()):
            e = self.edges[i]
            if document is None or e.said_in(document):
                out.add(e.target if e.source == iri else e.source)
        out.discard(iri)
        return out

    def degree(self, iri: str) -> int:
        """Number of relations at ``iri``."""
        return len(self.adjacency.get(iri, ()))

    def out_degree(self, iri: str) -> int:
        """Number of relations with ``iri`` as subject."""
        if not self.outgoing and self.edges:
            counts: dict[str, int] = defaultdict(int)
            for e in self.edges:
                counts[e.source] += 1
            self.outgoing = dict(counts)
        return self.outgoing.get(iri, 0)

    def in_degree(self, iri: str) -> int:
        """Number of relations with ``iri`` as object."""
        return self.degree(iri) - self.out_degree(iri)

    def sort_label(self, iri: str, lang: str = "sv") -> str:
        """The node's label as a Swedish sort key: case and other diacritics ignored, å ä ö after z (keys of all
        nodes are made on first use)."""
        keys = self.sort_labels.get(lang)
        if keys is None:
            keys = self.sort_labels[lang] = {i: fold(label_of(n, lang).casefold().translate(_SV_ORDER))
                                             for i, n in self.nodes.items()}
        return keys.get(iri, "")

    def goal_areas(self) -> list[Node]:
        """The goal-area nodes, by notation."""
        return sorted((n for n in self.nodes.values() if n.kind == "goal"), key=lambda n: n.notation or n.iri)


def _rows(answer) -> list[tuple]:
    assert isinstance(answer, Solutions)
    return answer.rows


def _kind(classes: set[str]) -> tuple[str, str] | None:
    """The node's kind (:func:`graph.vocab.kinds.classify`) and the class shown for it: its first ``fp:`` class
    more specific than the kind's, else the first class of the kind it has."""
    kind = classify(classes)
    if kind is None:
        return None
    specific = sorted(c for c in classes if c.startswith(FP_IRI) and c not in GENERIC_CLASSES)
    return kind.name, (specific[0] if specific else next(c for c in kind.classes if c in classes))


def build_index(store: Store) -> ExploreIndex:
    """Read the nodes, labels, relations and their sources of ``store`` with seven queries."""
    classes: dict[str, set[str]] = defaultdict(set)
    for s, c in _rows(store.query(Q_TYPES)):
        classes[s.value].add(c.value)
    nodes: dict[str, Node] = {}
    for iri, cls in classes.items():
        found = _kind(cls)
        if found:
            nodes[iri] = Node(iri, found[0], found[1])
    fallback: dict[str, dict[str, str]] = defaultdict(dict)  # rdfs:label, used where no skos:prefLabel
    for s, p, v in _rows(store.query(Q_TEXT)):
        node = nodes.get(s.value)
        if node is None:
            continue
        lang = getattr(v, "language", None) or ""
        if p.value == SKOS + "notation":
            node.notation = v.value
            node.keys.append(fold(v.value))
        elif p.value == PREFIXES["dcterms"] + "description":
            node.text += " " + fold(v.value)
        else:
            if p.value == SKOS + "prefLabel":
                node.labels[lang or "sv"] = v.value
            elif p.value != SKOS + "altLabel":
                fallback[node.iri][lang or "sv"] = v.value
            node.keys.append(fold(v.value))
    for iri, labels in fallback.items():
        for lang, value in labels.items():
            nodes[iri].labels.setdefault(lang, value)
    modes: dict[tuple[str, str, str], str] = {}
    for s, p, o, mode in _rows(store.query(Q_MODES)):  # several assertions (replies) of one relation: stated wins
        key = (s.value, p.value, o.value)
        if modes.get(key) != "stated":
            modes[key] = "interpreted" if mode.value.endswith("Interpreted") else "stated"
    sources: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, p, o, doc in _rows(store.query(Q_SOURCES)):
        sources[(s.value, p.value, o.value)].add(doc.value)
    for s, doc in _rows(store.query(Q_NODE_SOURCES)):
        if s.value in nodes:
            nodes[s.value].documents.add(doc.value)
    edges: list[Edge] = []
    adjacency: dict[str, list[int]] = defaultdict(list)
    for s, p, o in _rows(store.query(Q_RELATIONS)):
        if p.value in NON_RELATIONS or s.value not in nodes or o.value not in nodes or s.value == o.value:
            continue
        key = (s.value, p.value, o.value)
        documents = frozenset(sources.get(key, ()))
        nodes[s.value].documents |= documents
        nodes[o.value].documents |= documents
        edge = Edge(f"e{len(edges)}", s.value, p.value, o.value, modes.get(key, ""), documents)
        adjacency[s.value].append(len(edges))
        adjacency[o.value].append(len(edges))
        edges.append(edge)
    vocab: dict[str, dict[str, str]] = defaultdict(dict)
    for t, label in _rows(store.query(Q_VOCAB)):
        vocab[t.value][getattr(label, "language", None) or "sv"] = label.value
    index = ExploreIndex(nodes, edges, dict(adjacency), dict(vocab))
    index.out_degree("")  # count once, while building
    for lang in ("sv", "en"):
        index.sort_label("", lang)
    _assign_goals(index)
    return index


def _assign_goals(index: ExploreIndex) -> None:
    """Goal areas of each node: itself, a strategy's broader area, a project's strategies' areas, and for
    everything else the areas of its neighbouring goal areas, strategies and projects."""
    nodes = index.nodes
    for n in nodes.values():
        if n.kind == "goal":
            n.goals = [n.iri]
    for kind in ("strategy", "project"):
        for n in nodes.values():
            if n.kind == kind:
                found = set()
                for m in index.neighbours(n.iri):
                    other = nodes[m]
                    if other.kind == "goal" or (kind == "project" and other.kind == "strategy"):
                        found.update(other.goals)
                n.goals = sorted(found)
    for n in nodes.values():
        if n.kind not in ("goal", "strategy", "project"):
            found = set()
            for m in index.neighbours(n.iri):
                if nodes[m].kind in ("goal", "strategy", "project"):
                    found.update(nodes[m].goals)
            n.goals = sorted(found)


def label_of(node: Node, lang: str = "sv") -> str:
    """The label in ``lang``, else Swedish, else any, else the IRI's last segment."""
    return node.labels.get(lang) or node.labels.get("sv") or next(iter(node.labels.values()), "") or \
        node.iri.rstrip("/").rsplit("/", 1)[-1]
