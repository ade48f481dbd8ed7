"""Replies side by side (``/jamfor``): per strategy, which replies mention it, what they say, which actors they share.

A reply is an ``fp:Reply`` document; what it *says* is what its source passages say (``fp:inDocument``). Per
reply, :func:`compare` takes the relations that reply states or interprets (:func:`graph.analysis.algorithms.said_in`)
and finds the actors reaching each strategy there, directly or through a project, exactly as
:func:`graph.service.planner.strategy_actors` does for the whole graph; the passages are the reply's assertions
that have the strategy as their object (canned query ``compare_mentions``). An actor is *shared* when two or more
replies have it reach the strategy. The network filters by reply with :func:`graph.service.planner.reply_relations`.
"""

from __future__ import annotations

from typing import TypedDict

import networkx as nx

from graph.analysis import algorithms as analysis
from graph.queries import get
from graph.service.model import Entity
from graph.service.planner import entity, reply_relations, views
from graph.store import Store
from graph.vocab.labels import labels_of
from graph.vocab.notation import notation_key
from graph.vocab.restore import restore

__all__ = ["Comparison", "Mention", "Reply", "StrategyRow", "compare", "replies"]


class Reply(TypedDict):
    """A reply loaded in the graph: IRI, titles, sender (IRI and label) and its number of source passages."""

    iri: str
    label: str
    label_en: str
    creator: str
    creator_label: str
    passages: int


class Mention(TypedDict):
    """What a reply says about a strategy: the assertion's subject and relation, its mode and the quoted passage
    (raw text with offsets into the reply's source, and a restored reading)."""

    subject: Entity
    relation: dict[str, str]
    mode: str
    passage: str
    text: str
    restored: str
    start: int
    end: int


class StrategyRow(TypedDict):
    """One strategy across the replies: per reply IRI its mentions and the actors reaching it; the shared actors."""

    strategy: Entity
    mentions: dict[str, list[Mention]]
    actors: dict[str, list[Entity]]
    shared: list[Entity]
    mentioned_by: list[str]


class Comparison(TypedDict):
    """:func:`compare`'s answer: the replies, one row per strategy (notation order), and the queries behind it."""

    replies: list[Reply]
    strategies: list[StrategyRow]
    queries: list[dict]


def _rows(store: Store, name: str) -> list[dict[str, str]]:
    """The canned query ``name``'s rows as ``{variable: value}`` (unbound variables left out)."""
    answer = store.query(get(name).sparql())
    return [{k: t.value for k, t in zip(answer.variables, row, strict=True) if t is not None} for row in answer.rows]


def replies(store: Store) -> list[Reply]:
    """Every reply in the store (canned query ``compare_replies``), in IRI order."""
    found: list[Reply] = []
    for row in _rows(store, "compare_replies"):
        iri = row["reply"]
        found.append({"iri": iri, "label": row.get("labelSv") or row.get("labelEn") or iri,
                      "label_en": row.get("labelEn") or row.get("labelSv") or iri,
                      "creator": row.get("creator", ""), "creator_label": row.get("creatorLabel", ""),
                      "passages": int(row.get("passages") or 0)})
    return found


def _mentions(store: Store, G: nx.MultiDiGraph) -> dict[tuple[str, str], list[Mention]]:
    lexicon = views(store).lexicon
    found: dict[tuple[str, str], list[Mention]] = {}
    rows = _rows(store, "compare_mentions")
    predicates = sorted({r["predicate"] for r in rows})
    names = {lang: labels_of(store, predicates, lang) for lang in ("sv", "en")}
    for row in rows:
        text, p = row["text"], row["predicate"]
        relation = {"iri": p, "label": names["sv"].get(p, p), "label_en": names["en"].get(p, p)}
        mode = row.get("mode", "")
        found.setdefault((row["reply"], row["strategy"]), []).append({
            "subject": entity(G, row["subject"]), "relation": relation,
            "mode": ("interpreted" if mode.endswith("Interpreted") else "stated") if mode else "",
            "passage": row["passage"], "text": text, "restored": restore(text, lexicon),
            "start": int(row["start"]), "end": int(row["end"])})
    return found


def compare(store: Store) -> Comparison:
    """Per strategy and reply: the mentions and the reaching actors; the actors two or more replies share."""
    v = views(store)
    return v.answer(("compare",), lambda: _compare(store))


def _compare(store: Store) -> Comparison:
    G = views(store).relations
    loaded = replies(store)
    mentions = _mentions(store, G)
    reach = {r["iri"]: analysis.strategy_reach(reply_relations(store, r["iri"])) for r in loaded}
    strategies = sorted((n for n, t in G.nodes(data="type") if t == "strategy"),
                        key=lambda n: (notation_key(G.nodes[n].get("notation", "")), n))
    rows: list[StrategyRow] = []
    for s in strategies:
        actors = {r: sorted((a for a, reached in reach[r].items() if s in reached),
                            key=lambda a: (G.nodes[a].get("label_sv", a).casefold(), a)) for r in reach}
        told = {r["iri"]: mentions.get((r["iri"], s), []) for r in loaded}
        counts: dict[str, int] = {}
        for listed in actors.values():
            for a in listed:
                counts[a] = counts.get(a, 0) + 1
        shared = sorted((a for a, n in counts.items() if n >= 2), key=lambda a: G.nodes[a].get("label_sv", a))
        rows.append({
            "strategy": entity(G, s), "mentions": told,
            "actors": {r: [entity(G, a) for a in listed] for r, listed in actors.items()},
            "shared": [entity(G, a) for a in shared],
            "mentioned_by": [r["iri"] for r in loaded if told[r["iri"]] or actors[r["iri"]]],
        })
    return {"replies": loaded, "strategies": rows,
            "queries": [{"name": "compare_replies", "params": {}}, {"name": "compare_mentions", "params": {}},
                        {"name": "analysis_relations", "params": {}}]}
