"""The one ranking of names, and search as you type over the explorer index with it.

Ranks (best first), of one name for a text, both folded (:func:`name_rank`): 0 a label, alt label or notation
equals the text; 1 one starts with it; 2 a word of one starts with it (words split at spaces, ``-`` and ``.``);
3 the text occurs anywhere in one; and, for search only, 4 in the description (texts of three characters or
more). The CLI's and the planner's name look-up (:mod:`graph.index.resolve`) decides by the same ranks, so a
name it resolves is the node search lists first.

Search ties go to the node kind's order, then the most connected, then the label. Ranks 0–2 are prefix look-ups
in two sorted tables, so a keystroke does not scan every node; only when they give fewer than ``limit`` hits can
a rank 3 or 4 hit make the list, and only then is every node's text searched (one ``str.find`` pass).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TypedDict

from graph.index.nodes import KINDS, ExploreIndex, Node, label_of
from graph.vocab.text import fold

__all__ = ["EQUAL", "STARTS", "WORD_STARTS", "INSIDE", "DESCRIPTION", "SearchHit", "SearchIndex", "name_rank", "search",
           "search_index"]

EQUAL, STARTS, WORD_STARTS, INSIDE, DESCRIPTION = range(5)  # the ranks, best first

_END = "\U0010ffff"  # sorts after every character a folded key holds


class SearchHit(TypedDict):
    """A node :func:`search` lists (re-exported by :mod:`graph.service.model` with the service's shapes)."""

    iri: str
    label: str
    kind: str
    notation: str


def _spaced(key: str) -> str:
    """``key`` with ``-`` and ``.`` read as spaces, as rank 2 reads it."""
    return key.replace("-", " ").replace(".", " ")


def _word_starts(key: str) -> list[str]:
    """Every tail of ``key`` that starts a word (after a space, ``-`` or ``.``), the whole key included."""
    spaced = " " + _spaced(key)
    return [spaced[i + 1:] for i, ch in enumerate(spaced) if ch == " " and i + 1 < len(spaced)]


@dataclass
class SearchIndex:
    """Sorted ``(key, node number)`` tables of the nodes' search keys and of their word starts."""

    nodes: list[Node]
    keys: list[tuple[str, int]]
    words: list[tuple[str, int]]
    text: str  # every node's keys and description, one node after the other, for substring hits
    starts: list[int]  # where each node's part of ``text`` begins

    @classmethod
    def build(cls, index: ExploreIndex) -> SearchIndex:
        """The tables of ``index`` (under a second at a million triples; built once per index)."""
        nodes = list(index.nodes.values())
        keys = sorted({(key, i) for i, node in enumerate(nodes) for key in node.keys if key})
        words = sorted({(tail, i) for i, node in enumerate(nodes) for key in node.keys for tail in _word_starts(key)})
        parts = ["\x00".join([*node.keys, *(_spaced(k) for k in node.keys), node.text]) + "\x00"
                 for node in nodes]  # the keys as written and with '-' and '.' as spaces (rank 2 reads them so)
        starts, at = [], 0
        for part in parts:
            starts.append(at)
            at += len(part)
        return cls(nodes, keys, words, "".join(parts), starts)

    def containing(self, query: str) -> list[int]:
        """Numbers of the nodes whose keys or description contain ``query`` (found in C, ranked by the caller)."""
        found, at = [], self.text.find(query)
        while at >= 0:
            i = bisect_right(self.starts, at) - 1
            found.append(i)
            at = self.text.find(query, self.starts[i + 1]) if i + 1 < len(self.starts) else -1
        return found

    @staticmethod
    def _prefixed(table: list[tuple[str, int]], query: str) -> list[tuple[str, int]]:
        """The ``(key, node number)`` rows of ``table`` whose key starts with ``query``."""
        return table[bisect_left(table, (query, -1)):bisect_left(table, (query + _END, -1))]

    def prefix_ranks(self, query: str, enough: int) -> dict[int, int]:
        """Node number → best rank among 0 (equal), 1 (starts with) and 2 (a word starts with); word starts are
        not looked up once ranks 0 and 1 give ``enough`` nodes (a rank 2 hit would rank below them all)."""
        ranks: dict[int, int] = {}
        for key, i in self._prefixed(self.keys, query):
            rank = EQUAL if key == query else STARTS
            if ranks.get(i, INSIDE) > rank:
                ranks[i] = rank
        if len(ranks) < enough:
            for _, i in self._prefixed(self.words, query):
                ranks.setdefault(i, WORD_STARTS)
        return ranks


def search_index(index: ExploreIndex) -> SearchIndex:
    """The search tables of ``index``, built on first use and kept on it."""
    found = index.caches.get("search")
    if found is None:
        found = index.caches["search"] = SearchIndex.build(index)
    return found


def name_rank(query: str, key: str) -> int | None:
    """The rank of the name ``key`` for the text ``query`` (both folded), or ``None`` if it does not match.

    >>> [name_rank("polis", k) for k in ("polis", "polisen", "lokala polisen", "trafikpolisen", "brandkaren")]
    [0, 1, 2, 3, None]
    """
    if key == query:
        return EQUAL
    if key.startswith(query):
        return STARTS
    if f" {query}" in f" {_spaced(key)}":
        return WORD_STARTS
    if query in key:
        return INSIDE
    return None


def _scan_rank(node: Node, query: str) -> int | None:
    """The best rank of ``node`` for ``query`` by looking at every key (the full scan's test)."""
    best = None
    for key in node.keys:
        rank = name_rank(query, key)
        if rank is not None and (best is None or rank < best):
            best = rank
    if best is None and len(query) >= 3 and query in node.text:
        return DESCRIPTION
    return best


def search(index: ExploreIndex, text: str, lang: str = "sv", limit: int = 12) -> list[SearchHit]:
    """Nodes whose labels, notation or description match ``text`` case- and diacritic-insensitively, best first.

    Each hit is a :class:`SearchHit`; the ranking is the module's (:func:`name_rank`).
    """
    query = fold(text)
    if not query or limit <= 0:
        return []
    table = search_index(index)
    ranked = list(table.prefix_ranks(query, limit).items())
    if len(ranked) < limit:  # every node the full scan could rank: found in the text, or by a prefix table
        candidates = set(table.containing(query)) | {i for i, _ in ranked}
        ranked = [(i, rank) for i in sorted(candidates) if (rank := _scan_rank(table.nodes[i], query)) is not None]

    def order(hit: tuple[int, int]) -> tuple:
        node = table.nodes[hit[0]]
        return hit[1], KINDS.index(node.kind), -index.degree(node.iri), label_of(node, lang), hit[0]

    best = (table.nodes[i] for i, _ in heapq.nsmallest(limit, ranked, key=order))
    return [{"iri": n.iri, "label": label_of(n, lang), "kind": n.kind, "notation": n.notation} for n in best]
