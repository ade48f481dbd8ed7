"""Node names: find the node a person means by a notation, an IRI, a CURIE or a label.

Order of trial: the full IRI (also ``<IRI>``), a CURIE (``fpid:org/polisen``), the exact notation (``DT.VI``);
then labels, alt labels and notations compared after :func:`graph.text.fold` (case and diacritics ignored):
an exact match first, then a unique prefix, then a unique substring. Several matches at one level, or none,
raise :class:`graph.errors.NodeNotFound` with the candidates as ``(iri, label)`` pairs.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .errors import NodeNotFound
from .namespaces import expand
from .text import fold

__all__ = ["Named", "named_nodes", "resolve"]

MAX_CANDIDATES = 25


@dataclass(frozen=True)
class Named:
    """A node as name look-up sees it: IRI, display label, type, notation and folded names."""

    iri: str
    label: str
    type: str
    notation: str
    keys: tuple[str, ...]


def named_nodes(G: nx.Graph, types: Iterable[str] | None = None) -> list[Named]:
    """Every node of ``G`` (of one of ``types``, if given) with the names it can be found by.

    Reads the node attributes :func:`graph.convert.to_nx` sets: ``label_sv``, ``label_en``, ``notation``, ``names``.
    """
    wanted = set(types) if types is not None else None
    found = []
    for iri, attrs in G.nodes(data=True):
        if wanted is not None and attrs.get("type") not in wanted:
            continue
        names = {attrs.get("label_sv", ""), attrs.get("label_en", ""), attrs.get("notation", ""),
                 *attrs.get("names", [])}
        keys = tuple(sorted({fold(n) for n in names if n} - {""}))
        found.append(Named(iri, attrs.get("label_sv") or iri, attrs.get("type", ""), attrs.get("notation", ""), keys))
    return sorted(found, key=lambda n: (n.notation == "", n.notation, fold(n.label), n.iri))


def _pairs(nodes: Iterable[Named]) -> list[tuple[str, str]]:
    return [(n.iri, n.label) for n in nodes][:MAX_CANDIDATES]


def _close(key: str, pool: list[Named]) -> list[Named]:
    by_key: dict[str, list[Named]] = {}
    for node in pool:
        for k in node.keys:
            by_key.setdefault(k, []).append(node)
    close: list[Named] = []
    for k in difflib.get_close_matches(key, list(by_key), n=MAX_CANDIDATES, cutoff=0.6):
        close += [n for n in by_key[k] if n not in close]
    return close


def resolve(name: str, G: nx.Graph, *, types: Iterable[str] | None = None) -> str:
    """The IRI of the one node of ``G`` (restricted to ``types``) that ``name`` names.

    Raises
    ------
    NodeNotFound
        If ``name`` names no node or several; ``candidates`` lists close matches (or, for a small pool with no
        close match, every node of the pool).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("https://w3id.org/fardplan/id/project/skarpnacksmodellen", type="project",
    ...            label_sv="Skarpnäcksmodellen", names=[])
    >>> G.add_node("https://w3id.org/fardplan/id/strategy/DT.VI", type="strategy", label_sv="Främja trygghet",
    ...            notation="DT.VI", names=[])
    >>> resolve("skarpnack", G)
    'https://w3id.org/fardplan/id/project/skarpnacksmodellen'
    >>> resolve("DT.VI", G) == resolve("fpid:strategy/DT.VI", G) == resolve("främja TRYGGHET", G)
    True
    """
    pool = named_nodes(G, types)
    raw = name.strip()
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    by_iri = {n.iri: n for n in pool}
    for iri in (raw, expand(raw)):
        if iri in by_iri:
            return iri
    by_notation = [n for n in pool if n.notation and n.notation == raw]
    if len(by_notation) == 1:
        return by_notation[0].iri
    key = fold(raw)
    if key:
        tests = (lambda k: k == key, lambda k: k.startswith(key), lambda k: key in k)
        for test in tests:
            hits = [n for n in pool if any(test(k) for k in n.keys)]
            if len(hits) == 1:
                return hits[0].iri
            if hits:
                raise NodeNotFound(name, _pairs(hits), ambiguous=True)
    close = _close(key, pool) if key else []
    if not close and len(pool) <= MAX_CANDIDATES:
        close = pool
    raise NodeNotFound(name, _pairs(close))
