"""Node names: find the node a person means by a notation, an IRI, a CURIE or a label.

Order of trial, the first level with a hit deciding:

1. the full IRI (also ``<IRI>``) or a CURIE (``fpid:org/polisen``);
2. a notation in any form planners type: ``DT.VI``, ``dt vi``, ``DT 6``, ``DT6``, ``DT.6`` (roman or arabic);
3. names compared after :func:`graph.vocab.text.fold` (case and diacritics ignored) and split into words, at the
   ranks explorer search uses (:func:`graph.index.search.name_rank`), so a name resolves to the node search lists
   first: the whole name, a prefix of a name (``skarpnack``), a prefix of one of its words (``insatsgruppen`` in
   *Sociala insatsgruppen*), and — only for four letters or more — a part inside a word. At each rank Swedish
   names (labels, alt labels, notations) are tried before English ones, so an English label never wins over a
   Swedish one of the same strength.

One hit at the deciding level is the answer; several raise :class:`graph.errors.NodeNotFound` marked ambiguous;
none lists the closest names. With ``types`` given, a name that only names a node of another type says so
("this command takes a strategy; 'polisen' is Polisen, an actor").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graph.errors import NodeNotFound
from graph.index.search import INSIDE, name_rank
from graph.vocab.kinds import TYPE_NAMES
from graph.vocab.namespaces import expand
from graph.vocab.notation import normalize_notation, notation_key
from graph.vocab.text import fold

__all__ = ["Named", "TYPE_NAMES", "find_named", "named_nodes", "normalize_notation", "resolve"]

MAX_CANDIDATES = 25
MIN_INFIX = 4  # letters a name part needs before it may match inside a word


@dataclass(frozen=True)
class Named:
    """A node as name look-up sees it: IRI, display label, type, notation, every folded name (``keys``) and
    those of them only English names give (``keys_en``)."""

    iri: str
    label: str
    type: str
    notation: str
    keys: tuple[str, ...]
    keys_en: tuple[str, ...] = ()


def _words(text: str) -> str:
    """``text`` folded and reduced to its words: ``"Svenska-Bostäder AB"`` → ``"svenska bostader ab"``."""
    return " ".join(re.findall(r"\w+", fold(text)))


def named_nodes(G: nx.Graph, types: Iterable[str] | None = None) -> list[Named]:
    """Every node of ``G`` (of one of ``types``, if given) with the names it can be found by.

    Reads the node attributes :func:`graph.analysis.convert.to_nx` sets: ``label_sv``, ``label_en``, ``notation``,
    ``names`` (all names) and ``names_en`` (those tagged English).
    """
    wanted = set(types) if types is not None else None
    found = []
    for iri, attrs in G.nodes(data=True):
        if wanted is not None and attrs.get("type") not in wanted:
            continue
        english = set(attrs.get("names_en", []))
        if attrs.get("label_en") and attrs.get("label_en") != attrs.get("label_sv"):
            english.add(attrs["label_en"])
        names = {attrs.get("label_sv", ""), attrs.get("notation", ""), *attrs.get("names", [])}
        swedish = {_words(n) for n in names - english if n} - {""}
        keys = tuple(sorted(swedish | {_words(n) for n in english if n} - {""}))
        keys_en = tuple(k for k in keys if k not in swedish)
        found.append(Named(iri, attrs.get("label_sv") or iri, attrs.get("type", ""), attrs.get("notation", ""),
                           keys, keys_en))
    return sorted(found, key=lambda n: (n.notation == "", notation_key(n.notation), fold(n.label), n.iri))


def _match(key: str, pool: list[Named]) -> list[Named]:
    """The nodes at the best rank (and language) at which ``key`` matches one of their names, or ``[]``; a part
    inside a word counts only for :data:`MIN_INFIX` letters or more."""
    inside = sum(ch.isalpha() for ch in key) >= MIN_INFIX
    found: dict[tuple[int, int], list[Named]] = {}
    for node in pool:
        swedish = [k for k in node.keys if k not in node.keys_en]
        for language, keys in enumerate((swedish, node.keys_en)):
            ranks = [r for k in keys if (r := name_rank(key, k)) is not None and (r < INSIDE or inside)]
            if ranks:
                found.setdefault((min(ranks), language), []).append(node)
    return found[min(found)] if found else []


def _describe(nodes: Iterable[Named]) -> tuple[list[tuple[str, str]], dict[str, str]]:
    listed = list(nodes)[:MAX_CANDIDATES]
    details = {n.iri: ", ".join(p for p in (n.notation, TYPE_NAMES.get(n.type, n.type)) if p) for n in listed}
    return [(n.iri, n.label) for n in listed], details


def _not_found(name: str, nodes: Iterable[Named], ambiguous: bool = False) -> NodeNotFound:
    pairs, details = _describe(nodes)
    return NodeNotFound(name, pairs, ambiguous=ambiguous, details=details)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _close(key: str, pool: list[Named]) -> list[Named]:
    by_key: dict[str, list[Named]] = {}
    for node in pool:
        for k in node.keys:
            by_key.setdefault(k, []).append(node)
    close: list[Named] = []
    for k in difflib.get_close_matches(key, list(by_key), n=MAX_CANDIDATES, cutoff=0.6):
        close += [n for n in by_key[k] if n not in close]
    return close


def find_named(name: str, pool: list[Named]) -> list[Named]:
    """The nodes of ``pool`` that ``name`` names at the first deciding level (IRI, notation, names)."""
    raw = name.strip()
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    by_iri = {n.iri: n for n in pool}
    for iri in (raw, expand(raw)):
        if iri in by_iri:
            return [by_iri[iri]]
    notation = normalize_notation(raw) or raw
    by_notation = [n for n in pool if n.notation and n.notation.casefold() == notation.casefold()]
    if by_notation:
        return by_notation
    key = _words(raw)
    return _match(key, pool) if key else []


def resolve(name: str, G: nx.Graph, *, types: Iterable[str] | None = None) -> str:
    """The IRI of the one node of ``G`` (restricted to ``types``) that ``name`` names.

    Raises
    ------
    NodeNotFound
        If ``name`` names no node or several; ``candidates`` lists the hits or close matches (or, for a small
        pool with no close match, every node of the pool); a name of a node of another type than ``types``
        says what the name is and what is wanted (``wrong_type``).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("https://w3id.org/fardplan/id/project/skarpnacksmodellen", type="project",
    ...            label_sv="Skarpnäcksmodellen", names=[])
    >>> G.add_node("https://w3id.org/fardplan/id/strategy/DT.VI", type="strategy", label_sv="Främja trygghet",
    ...            notation="DT.VI", names=[])
    >>> resolve("skarpnack", G)
    'https://w3id.org/fardplan/id/project/skarpnacksmodellen'
    >>> resolve("DT.VI", G) == resolve("fpid:strategy/DT.VI", G) == resolve("dt 6", G) == resolve("trygghet", G)
    True
    """
    wanted = tuple(types) if types is not None else None
    pool = named_nodes(G, wanted)
    hits = find_named(name, pool)
    if len(hits) == 1:
        return hits[0].iri
    if hits:
        raise _not_found(name, hits, ambiguous=True)
    if wanted is not None:
        elsewhere = find_named(name, named_nodes(G))
        if len(elsewhere) == 1:
            other = elsewhere[0]
            takes = " or ".join(TYPE_NAMES.get(t, t) for t in wanted)
            is_a = TYPE_NAMES.get(other.type, other.type)
            raise NodeNotFound(name, [(other.iri, other.label)], wrong_type=(
                f"this command takes {_a(takes)}; {name.strip()!r} is {other.label}, {_a(is_a)}"))
    key = _words(name)
    close = _close(key, pool) if key else []
    if not close and len(pool) <= MAX_CANDIDATES:
        close = pool
    raise _not_found(name, close)
