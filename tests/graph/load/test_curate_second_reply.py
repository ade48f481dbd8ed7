"""The second remiss reply (issue 14 item 4): tests/data/reply-skarholmen.toml curated against its own text.

The invented Skärholmen reply is the second test case of the ingest's measured quality (bench/sections/ingest.py).
Its truth file must be a curation graph.load.curate reads, every quote an exact passage of the raw text, and the
graph valid (SHACL) together with the seed, whose goal areas, strategies and shared actors it names by the same ids.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from rdflib import RDF, SKOS, Graph, Literal

from graph.load.curate import curate, find_quote
from graph.load.validate import errors_only, validate_graph
from graph.settings import DATA_DIR
from graph.vocab.namespaces import FP, ID
from tests.support.paths import ROOT

TRUTH = ROOT / "tests" / "data" / "reply-skarholmen.toml"
RAW = ROOT / "tests" / "data" / "reply-skarholmen.txt"
SEED_SPEC = DATA_DIR / "curation" / "reply-000.toml"


@pytest.fixture(scope="module")
def spec() -> dict:
    return tomllib.loads(TRUTH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw() -> str:
    return RAW.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built() -> Graph:
    return curate(TRUTH)


def entries(spec: dict) -> list[dict]:
    return [spec["source"], spec["scheme"], *spec["goal_area"], *spec["strategy"], *spec["node"], *spec["fact"]]


def test_every_quote_is_an_exact_passage_of_the_reply(spec, built, raw):
    passages = {(int(built.value(p, FP.startOffset)), int(built.value(p, FP.endOffset))):
                str(built.value(p, FP.exactText)) for p in built.subjects(RDF.type, FP.Passage)}
    for entry in entries(spec):
        span = find_quote(raw, entry["quote"], entry.get("after"))
        assert span.text.split() == entry["quote"].split(), entry["quote"]
        assert passages[(span.start, span.end)] == raw[span.start:span.end]
    for fact in spec["fact"]:
        span = find_quote(raw, fact["quote"], fact.get("after"))
        for words in fact.get("carried_by", {}).values():
            assert " ".join(words.split()) in " ".join(span.text.split()), (fact["quote"], words)
    document = ID[spec["source"]["id"]]
    assert all(built.value(p, FP.inDocument) == document for p in built.subjects(RDF.type, FP.Passage))


def test_the_reply_is_written_in_the_seeds_ocr_style(raw):
    seed = (DATA_DIR / "sources" / "000_bcd631ecaa6cfe08.txt").read_text(encoding="utf-8")
    assert 1.5 <= len(raw) / len(seed) <= 2.0
    assert not re.search("[åäöÅÄÖ]", raw)  # the OCR lost every å, ä and ö, as in the seed
    for damaged in ("&r ", "6ka", "é", "Malomrade ", "fardplan", "| "):
        assert damaged in raw, damaged


def test_shared_nodes_keep_the_seeds_ids_types_and_labels(spec):
    seed = tomllib.loads(SEED_SPEC.read_text(encoding="utf-8"))
    known = {n["id"]: n for n in seed["node"]}
    known |= {f"goal/{g['code']}": g for g in seed["goal_area"]}
    known |= {f"strategy/{s['notation']}": s for s in seed["strategy"]}
    mine = {n["id"]: n for n in spec["node"]}
    mine |= {f"goal/{g['code']}": g for g in spec["goal_area"]}
    mine |= {f"strategy/{s['notation']}": s for s in spec["strategy"]}
    shared = set(mine) & set(known)
    assert {"org/polisen", "org/socialtjansten", "project/sociala-insatsgruppen", "goal/DT"} <= shared
    for node_id in shared:
        for key in ("type", "sv", "en", "alt_sv"):
            assert mine[node_id].get(key) == known[node_id].get(key), (node_id, key)
    new = set(mine) - shared
    assert len([n for n in new if n.startswith("org/")]) >= 15
    assert len([n for n in new if n.startswith("project/")]) >= 15


def test_the_reply_is_shacl_valid_together_with_the_seed(built):
    both = Graph().parse(DATA_DIR / "fardplan.ttl") + built
    assert errors_only(validate_graph(both)) == []
    # one Swedish label per node, also where the seed names the same node
    polisen = ID["org/polisen"]
    assert list(both.objects(polisen, SKOS.prefLabel)).count(Literal("Polisen", lang="sv")) == 1
    assert len([o for o in both.objects(polisen, SKOS.prefLabel) if o.language == "sv"]) == 1


def test_interpretations_give_their_reasons(spec):
    interpreted = [f for f in spec["fact"] if f.get("mode") == "interpreted"]
    assert interpreted
    for fact in interpreted:
        for key in ("reason_sv", "reason_en"):
            assert len(fact[key].split()) >= 5 and fact[key].rstrip().endswith((".", ")")), (fact["s"], key)
