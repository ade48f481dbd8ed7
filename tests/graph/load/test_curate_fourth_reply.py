"""The fourth remiss reply (issue 14 item 4): tests/data/reply-rinkeby-kista.toml curated against its own text.

The invented Rinkeby-Kista reply is the held-out case of the ingest's measured quality (bench/sections/ingest.py)
from 2026-12-04: written after the rules it measures, and damaged into the seed's OCR style by bench/ocr_damage.py
(tested here: the raw text is that rule applied to the clean one).
Its truth file must be a curation graph.load.curate reads, every quote an exact passage of the raw text, and the
graph valid (SHACL) together with the seed, whose goal areas, strategies and shared actors it names by the same ids.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from rdflib import RDF, SKOS, Graph, URIRef

from graph.load.curate import curate, find_quote
from graph.load.validate import errors_only, validate_graph
from graph.settings import DATA_DIR
from graph.vocab.namespaces import FP, ID
from tests.support.paths import ROOT

TRUTH = ROOT / "tests" / "data" / "reply-rinkeby-kista.toml"
RAW = ROOT / "tests" / "data" / "reply-rinkeby-kista.txt"
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
    assert 0.4 <= len(raw) / len(seed) <= 0.7  # about 5,000 characters
    assert not re.search("[åäöÅÄÖ]", raw)  # the OCR lost every å, ä and ö, as in the seed
    for damaged in ("&r ", "6ka", "é", "Malomrade ", "fardplan"):
        assert damaged in raw, damaged
    assert re.search(r"(?:^|\s)\|\s", raw)  # a lone "I" read as "|"


def test_the_raw_text_is_the_written_down_damage_of_the_clean_one(raw):
    from bench.ocr_damage import damage

    clean = (ROOT / "tests" / "data" / "reply-rinkeby-kista.clean.txt").read_text(encoding="utf-8")
    assert damage(clean, seed=3, margin_at=12) == raw


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
    second = tomllib.loads((ROOT / "tests" / "data" / "reply-skarholmen.toml").read_text(encoding="utf-8"))
    for node in second["node"]:  # nodes the Skärholmen reply has too keep its ids, types and labels
        if node["id"] in mine and node["id"] not in known:
            assert all(mine[node["id"]].get(k) == node.get(k) for k in ("type", "sv", "en", "alt_sv")), node["id"]
    for node_id in shared:
        for key in ("type", "sv", "en", "alt_sv"):
            assert mine[node_id].get(key) == known[node_id].get(key), (node_id, key)
    new = set(mine) - shared
    assert len([n for n in new if n.startswith("org/")]) >= 10
    assert len([n for n in new if n.startswith("project/")]) >= 5


# Facts this reply states and the seed interprets: the assertion IRI is a hash of subject, predicate and object,
# so the union holds one assertion with two fp:mode values (the risk docs/notes name for accepting a second reply;
# the review's accept must keep one assertion per document). Nothing else in the union is invalid.
MODE_CONFLICTS = {(ID["org/polisen"], FP.participatesIn, ID["project/sociala-insatsgruppen"])}


def test_the_reply_is_shacl_valid_together_with_the_seed_but_for_mode_conflicts(built):
    both = Graph().parse(DATA_DIR / "fardplan.ttl") + built
    conflicts = set()
    for violation in errors_only(validate_graph(both)):
        assertion = URIRef(violation.focus)
        assert violation.path == str(FP.mode), violation
        conflicts.add((both.value(assertion, RDF.subject), both.value(assertion, RDF.predicate),
                       both.value(assertion, RDF.object)))
    assert conflicts == MODE_CONFLICTS
    # one Swedish label per node, also where the seed names the same node
    polisen = ID["org/polisen"]
    assert len([o for o in both.objects(polisen, SKOS.prefLabel) if o.language == "sv"]) == 1


def test_interpretations_give_their_reasons(spec):
    interpreted = [f for f in spec["fact"] if f.get("mode") == "interpreted"]
    assert interpreted
    for fact in interpreted:
        for key in ("reason_sv", "reason_en"):
            assert len(fact[key].split()) >= 5 and fact[key].rstrip().endswith((".", ")")), (fact["s"], key)
