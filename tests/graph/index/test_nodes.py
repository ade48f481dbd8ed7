"""The explorer index and search (graph.index.nodes), on the bundled data."""

from __future__ import annotations

import pytest

from graph.index.nodes import KINDS, build_index, label_of
from graph.index.search import search
from graph.vocab.namespaces import ID_IRI

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def test_index_holds_entities_not_provenance(index):
    kinds = {n.kind for n in index.nodes.values()}
    assert {"goal", "strategy", "project", "organisation", "document"} <= kinds <= set(KINDS)
    assert not any("/passage/" in iri or "/assertion/" in iri for iri in index.nodes)
    assert len(index.goal_areas()) == 4
    assert [g.notation for g in index.goal_areas()] == ["AF", "BS", "DT", "UU"]


def test_edges_join_known_nodes_and_carry_the_mode(index):
    assert index.edges
    for e in index.edges:
        assert e.source in index.nodes and e.target in index.nodes
    modes = {e.mode for e in index.edges}
    assert {"stated", "interpreted"} <= modes


def test_labels_in_both_languages_and_goal_areas(index):
    polisen = index.nodes[POLISEN]
    assert label_of(polisen, "sv") == "Polisen" and label_of(polisen, "en") == "The Police"
    assert ID_IRI + "goal/DT" in polisen.goals
    strategy = index.nodes[ID_IRI + "strategy/DT.VI"]
    assert strategy.goals == [ID_IRI + "goal/DT"]


@pytest.mark.parametrize(("text", "expected"), [
    ("skarpnack", "Skarpnäcksmodellen"),
    ("SKARPNÄCK", "Skarpnäcksmodellen"),
    ("polis", "Polisen"),
    ("DT.VI", "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder"),
    ("dt.vi", "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder"),
])
def test_search_folds_case_and_diacritics_and_knows_notations(index, text, expected):
    hits = search(index, text)
    assert hits and hits[0]["label"] == expected


def test_search_trygg_finds_everything_about_trygghet(index):
    labels = [h["label"] for h in search(index, "trygg", limit=50)]
    assert "Demokrati och trygghet" in labels
    assert "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder" in labels
    assert "Trygghetsfonden" in labels
    assert all(isinstance(h["iri"], str) for h in search(index, "trygg"))


def test_search_in_english_and_empty(index):
    assert search(index, "police", lang="en")[0]["label"] == "The Police"
    assert search(index, "   ") == []
    assert search(index, "zzzqqq") == []


def _full_scan(index, text: str, lang: str = "sv", limit: int = 12) -> list[dict]:
    """The reference: rank every node by looking at all its keys, then sort (what search did before its tables)."""
    from graph.index.search import _scan_rank
    from graph.vocab.text import fold

    query = fold(text)
    scored = []
    for position, node in enumerate(index.nodes.values()):
        rank = _scan_rank(node, query) if query else None
        if rank is not None:
            scored.append((rank, KINDS.index(node.kind), -index.degree(node.iri), label_of(node, lang), position,
                           node))
    scored.sort(key=lambda t: t[:5])
    return [{"iri": n.iri, "label": label_of(n, lang), "kind": n.kind, "notation": n.notation}
            for *_, n in scored[:limit]]


def test_search_tables_give_what_a_full_scan_gives(index):
    from tests.support.synthetic_explore import synthetic_store

    big = build_index(synthetic_store(projects=300, partners=600))
    for idx in (index, big):
        words = {w for n in idx.nodes.values() for k in n.keys for w in k.split()} | {"dt.vi", "sociala ins", "-"}
        spaced = {k.replace("-", " ").replace(".", " ") for n in idx.nodes.values() for k in n.keys}
        texts = sorted({w[:i] for w in words for i in (1, 2, 3, len(w))} | {"trygghet i", "dt vi", "zzz", "ssx"}
                       | {k[:i] for k in spaced for i in (4, 8, len(k))})
        for text in texts:
            for limit in (1, 12, 40):
                assert search(idx, text, limit=limit) == _full_scan(idx, text, limit=limit), (text, limit)
        assert search(idx, "po", lang="en") == _full_scan(idx, "po", lang="en")
