"""Loading RDF into a store: parse everything, SHACL-check it with its context, then insert atomically.

Nothing is written unless every file parses and the shapes hold, so a failed load leaves the store exactly
as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import ShapeViolation, Violation
from .rdfio import Format, parse_file
from .settings import DATA_DIR, ONTOLOGY_DIR
from .store import Store
from .terms import to_rdflib
from .validate import errors_only, validate_graph

CONTEXT_CHUNK = 400
RDF_EXTENSIONS = (".ttl", ".trig", ".nt", ".nq", ".jsonld", ".rdf")


@dataclass
class LoadReport:
    """What a load did: the files, quads added, and SHACL warnings (which do not block)."""

    files: list[str]
    quads: int
    warnings: list[Violation]


def _rdflib_graph(quads: list[ox.Quad] | list[ox.Triple]) -> Graph:
    graph = Graph()
    for q in quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def store_context(store: Store, quads: list[ox.Quad]) -> list[ox.Triple]:
    """What the store already says about the nodes ``quads`` mention, the assertions about them, and nodes
    sharing their notations: enough for the shapes (one step from each focus node) to judge the new data."""
    nodes = {q.subject for q in quads if isinstance(q.subject, ox.NamedNode)}
    nodes |= {q.object for q in quads if isinstance(q.object, ox.NamedNode)}
    notation = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
    notations = {q.object for q in quads if q.predicate == notation}
    triples: list[ox.Triple] = []
    ordered = sorted(nodes, key=str)
    for i in range(0, len(ordered), CONTEXT_CHUNK):
        values = " ".join(str(n) for n in ordered[i : i + CONTEXT_CHUNK])
        triples += store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}")
        triples += store.query(
            "CONSTRUCT { ?a ?p ?o } WHERE { VALUES ?s { " + values + " } "
            "?a <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; ?p ?o }"
        )
    ordered_n = sorted(notations, key=str)
    for i in range(0, len(ordered_n), CONTEXT_CHUNK):
        values = " ".join(str(n) for n in ordered_n[i : i + CONTEXT_CHUNK])
        triples += store.query(
            "CONSTRUCT { ?x <http://www.w3.org/2004/02/skos/core#notation> ?n } "
            f"WHERE {{ VALUES ?n {{ {values} }} ?x <http://www.w3.org/2004/02/skos/core#notation> ?n }}"
        )
    return triples


def check(store: Store, quads: list[ox.Quad], source: str = "") -> list[Violation]:
    """SHACL-check ``quads`` together with their context in ``store``; raise on violations, return warnings."""
    graph = _rdflib_graph(quads)
    for triple in store_context(store, quads):
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    new_subjects = {str(q.subject.value) for q in quads}
    # Context nodes are only there to judge the new data; the store was valid before, so report new nodes.
    results = [r for r in validate_graph(graph) if r.focus in new_subjects]
    blocking = errors_only(results)
    if blocking:
        raise ShapeViolation(blocking, source)
    return [r for r in results if r.severity != "Violation"]


def load_files(store: Store, paths: list[str | Path], fmt: Format | None = None) -> LoadReport:
    """Parse every file, SHACL-check the lot, then insert it in one atomic step."""
    quads: list[ox.Quad] = []
    for path in paths:
        quads += parse_file(path, fmt)
    warnings = check(store, quads, ", ".join(str(p) for p in paths))
    store.insert(quads)
    return LoadReport([str(p) for p in paths], len(quads), warnings)


def seed_files() -> list[Path]:
    """The bundled data: the ontology and every RDF file directly under ``data/``."""
    files = [ONTOLOGY_DIR / "fardplan.ttl"]
    files += sorted(p for p in DATA_DIR.iterdir() if p.suffix in RDF_EXTENSIONS)
    return files


def ensure_seeded(store: Store) -> LoadReport | None:
    """Fill an empty store from the bundled data; leave a store with data untouched."""
    if store.count() > 0:
        return None
    return load_files(store, seed_files())
