"""Loading RDF into a store: stage everything, SHACL-check it with its context, then insert atomically.

Every file is parsed into a staging in-memory pyoxigraph store (streamed from disk where the format allows). The
nodes the new data mentions are looked up in the target store and their context copied into a separate graph of
the staging store; the shapes run there as SPARQL (:mod:`graph.load.validate`). Only when every file parses and the
shapes hold is the staged data written, in one transaction: a failed or killed load leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import FardplanError, ShapeViolation, Violation
from graph.load.validate import errors_only, validate_store
from graph.rdf.formats import Format, load_into
from graph.settings import DATA_DIR, ONTOLOGY_DIR
from graph.store import Store

__all__ = ["CONTEXT_GRAPH", "LoadReport", "check", "check_staged", "ensure_seeded", "load_files", "seed_files",
           "stage_files", "store_context"]

CONTEXT_GRAPH = ox.NamedNode("urn:x-fardplan:load-context")
RDF_EXTENSIONS = (".ttl", ".trig", ".nt", ".nq", ".jsonld", ".rdf")
SKOS_NOTATION = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
RDF_SUBJECT = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")


@dataclass
class LoadReport:
    """What a load did: the files, quads added, and SHACL warnings (which do not block)."""

    files: list[str]
    quads: int
    warnings: list[Violation]


def _in(staging: ox.Store, subject=None, predicate=None, obj=None) -> bool:
    return next(iter(staging.quads_for_pattern(subject, predicate, obj)), None) is not None


def _scanned_context(store: Store, staging: ox.Store) -> Iterable[ox.Triple]:
    """:func:`_context_triples` of the staged data by one pass over a store smaller than it: each stored triple is
    kept when the staged data mentions its subject, its assertion's subject, or its notation."""
    quads = [q for q in store.quads() if isinstance(q.graph_name, ox.DefaultGraph)]

    def mentioned(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> bool:
        return isinstance(term, ox.NamedNode) and (_in(staging, subject=term) or _in(staging, obj=term))

    assertions = {q.subject for q in quads if q.predicate == RDF_SUBJECT and mentioned(q.object)}
    for q in quads:
        if (q.subject in assertions or mentioned(q.subject)
                or (q.predicate == SKOS_NOTATION and _in(staging, predicate=SKOS_NOTATION, obj=q.object))):
            yield q.triple


def _context_triples(store: Store, nodes: Iterable[ox.NamedNode], notations: Iterable[ox.Literal]
                     ) -> Iterable[ox.Triple]:
    nodes = sorted(set(nodes), key=str)
    yield from store.match(subjects=nodes)
    assertions = sorted({t.subject for t in store.match(predicate=RDF_SUBJECT, objects=nodes)}, key=str)
    yield from store.match(subjects=assertions)
    yield from store.match(predicate=SKOS_NOTATION, objects=sorted(set(notations), key=str))


def store_context(store: Store, quads: list[ox.Quad]) -> list[ox.Triple]:
    """What the store already says about the nodes ``quads`` mention, the assertions about them, and nodes
    sharing their notations: enough for the shapes (one step from each focus node) to judge the new data."""
    nodes = {q.subject for q in quads if isinstance(q.subject, ox.NamedNode)}
    nodes |= {q.object for q in quads if isinstance(q.object, ox.NamedNode)}
    return list(_context_triples(store, nodes, {q.object for q in quads if q.predicate == SKOS_NOTATION}))


def _add_context(store: Store, staging: ox.Store) -> None:
    """Copy :func:`store_context` of the staged data into ``CONTEXT_GRAPH`` (nothing when the store is empty)."""
    stored = store.count()
    if stored == 0:
        return
    if stored < len(staging):  # e.g. a big file into a freshly seeded store: one pass over the store
        staging.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, CONTEXT_GRAPH)
                            for t in list(_scanned_context(store, staging)))
        return
    nodes = (r["n"] for r in staging.query(
        "SELECT DISTINCT ?n WHERE { { ?n ?p ?o } UNION { ?s ?p ?n } FILTER (isIRI(?n)) }",
        use_default_graph_as_union=True))
    notations = (r["n"] for r in staging.query(f"SELECT DISTINCT ?n WHERE {{ ?x {SKOS_NOTATION} ?n }}",
                                               use_default_graph_as_union=True))
    context = list(_context_triples(store, list(nodes), list(notations)))
    staging.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, CONTEXT_GRAPH) for t in context)


def _is_new(staging: ox.Store, focus: ox.NamedNode | ox.BlankNode) -> bool:
    return any(q.graph_name != CONTEXT_GRAPH for q in staging.quads_for_pattern(focus, None, None))


def check_staged(store: Store, staging: ox.Store, source: str = "") -> list[Violation]:
    """SHACL-check the data staged in ``staging`` together with its context in ``store``; raise
    :class:`ShapeViolation` on violations, return warnings. Leaves ``staging`` holding only the staged data."""
    _add_context(store, staging)
    try:
        # Context nodes are only there to judge the new data; the store was valid before, so report new nodes.
        results = validate_store(staging, union=True, keep=lambda focus: _is_new(staging, focus))
    finally:
        if staging.contains_named_graph(CONTEXT_GRAPH):
            staging.remove_graph(CONTEXT_GRAPH)
    blocking = errors_only(results)
    if blocking:
        raise ShapeViolation(blocking, source)
    return [r for r in results if r.severity != "Violation"]


def check(store: Store, quads: list[ox.Quad], source: str = "") -> list[Violation]:
    """SHACL-check ``quads`` together with their context in ``store``; raise on violations, return warnings."""
    staging = ox.Store()
    staging.bulk_extend(quads)
    return check_staged(store, staging, source)


def stage_files(paths: list[str | Path], fmt: Format | None = None, max_bytes: int | None = None) -> ox.Store:
    """Parse every file into one new in-memory staging store; ``max_bytes`` bounds the files' total size."""
    if max_bytes is not None and len(paths) > 1:
        sizes = [Path(p).stat().st_size for p in paths if Path(p).is_file()]
        if sum(sizes) > max_bytes and all(n <= max_bytes for n in sizes):
            raise FardplanError(f"{', '.join(map(str, paths))}: {sum(sizes):,} bytes together is more than a load may "
                                f"take ({max_bytes:,} bytes, setting max_load_bytes, env FARDPLAN_MAX_LOAD_BYTES); "
                                "load them one by one; nothing was loaded")
    staging = ox.Store()
    for path in paths:
        load_into(staging, path, fmt, max_bytes)
    return staging


def load_files(store: Store, paths: list[str | Path], fmt: Format | None = None,
               max_bytes: int | None = None) -> LoadReport:
    """Parse every file, SHACL-check the lot, then insert it in one atomic step.

    ``max_bytes`` bounds the files' total size (the CLI passes the ``max_load_bytes`` setting; the bundled seed
    data is loaded without a bound).
    """
    staging = stage_files(paths, fmt, max_bytes)
    warnings = check_staged(store, staging, ", ".join(str(p) for p in paths))
    count = len(staging)
    store.insert_store(staging)
    return LoadReport([str(p) for p in paths], count, warnings)


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
