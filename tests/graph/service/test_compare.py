"""Replies side by side: the seed alone, and the seed with a second (tiny, invented) reply loaded through the loader."""

from __future__ import annotations

import pytest

from graph.load.loader import ensure_seeded, load_files
from graph.service.compare import compare, replies
from graph.service.planner import actors_for_strategy, network
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI
from tests.support.paths import FIXTURES

SEED_REPLY = ID_IRI + "document/yttrande-000"
SECOND = ID_IRI + "document/yttrande-test"
DT_VI = ID_IRI + "strategy/DT.VI"
POLISEN = ID_IRI + "org/polisen"


@pytest.fixture(scope="module")
def two_replies() -> EmbeddedStore:
    store = EmbeddedStore()
    ensure_seeded(store)
    load_files(store, [FIXTURES / "second-reply.ttl"])
    return store


def _row(result: dict, iri: str) -> dict:
    return next(r for r in result["strategies"] if r["strategy"]["iri"] == iri)


def test_the_seed_alone_is_one_reply_and_agrees_with_the_strategy_page(seed_store):
    result = compare(seed_store)
    assert [r["iri"] for r in result["replies"]] == [SEED_REPLY]
    assert result["replies"][0]["creator_label"] == "Stadsdelsförvaltningen"
    row = _row(result, DT_VI)
    reaching = {a["iri"] for a in actors_for_strategy(seed_store, DT_VI)["actors"]}
    assert {a["iri"] for a in row["actors"][SEED_REPLY]} == reaching and len(reaching) == 5
    assert row["mentioned_by"] == [SEED_REPLY] and row["shared"] == []
    assert len(result["strategies"]) == 23
    quote = row["mentions"][SEED_REPLY][0]
    assert quote["text"] and quote["start"] < quote["end"] and quote["mode"] in ("stated", "interpreted")


def test_two_replies_share_the_actor_both_name_on_a_strategy(two_replies, raw_source):
    result = compare(two_replies)
    assert [r["iri"] for r in result["replies"]] == [SEED_REPLY, SECOND]
    row = _row(result, DT_VI)
    assert row["mentioned_by"] == [SEED_REPLY, SECOND]
    assert [a["label"] for a in row["actors"][SECOND]] == ["Polisen"]
    assert [a["iri"] for a in row["shared"]] == [POLISEN]
    said = row["mentions"][SECOND]
    assert [(m["subject"]["label"], m["relation"]["iri"].rsplit("#")[-1], m["mode"]) for m in said] == [
        ("Trygga torg", "contributesTo", "interpreted")]
    assert said[0]["restored"] == "Polisen driver projektet Trygga torg för ökad trygghet."
    for m in row["mentions"][SEED_REPLY]:  # the seed's passages still point into the seed's raw text
        assert raw_source[m["start"]:m["end"]] == m["text"]
    untouched = _row(result, ID_IRI + "strategy/UU.IV")
    assert untouched["mentioned_by"] == [SEED_REPLY] and untouched["actors"][SECOND] == []


def test_the_network_of_one_reply_holds_only_what_that_reply_says(two_replies):
    whole = network(two_replies)
    second = network(two_replies, reply=SECOND)
    assert second["total"] == {"actors": 1, "edges": 0}  # Polisen alone on its project: no one to work with
    assert [a["label"] for a in second["actors"]] == ["Polisen"]
    assert whole["total"]["actors"] > 0
    seed_only = network(two_replies, reply=SEED_REPLY)
    assert seed_only["total"]["actors"] <= whole["total"]["actors"]
    assert {a["iri"] for a in seed_only["actors"]} <= {a["iri"] for a in whole["actors"]}
    assert replies(two_replies)[1]["passages"] == 1
