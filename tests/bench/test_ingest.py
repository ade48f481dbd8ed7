"""The ingest report's scoring (bench/sections/ingest.py) on tiny inline truths and proposals, and its wiring into
``python -m bench ingest`` (quality only: one run, no spreadsheet)."""

from __future__ import annotations

import pytest

from bench import run
from bench.sections import ingest
from bench.sections.ingest import score, ten_pages, truth_from_spec, word_alignment_accuracy
from graph.vocab.namespaces import FP_IRI, ID_IRI

SPEC = {
    "goal_area": [{"code": "DT", "sv": "Demokrati och trygghet"}],
    "strategy": [{"notation": "DT.VI", "sv": "Främja trygghet i det offentliga rummet"}],
    "node": [
        {"id": "org/polisen", "type": "Authority", "sv": "Polisen", "alt_sv": ["Polis"]},
        {"id": "org/forvaltningen", "type": "Administration", "sv": "Skärholmens stadsdelsförvaltning",
         "alt_sv": ["Förvaltningen"]},
        {"id": "project/trygga-torg", "type": "Project", "sv": "Trygga torg"},
        {"id": "stance/bra", "type": "Stance", "sv": "Bra"},
    ],
    "fact": [
        {"s": "org/polisen", "p": "fp:runs", "o": "project/trygga-torg", "quote": "q"},
        {"s": "project/trygga-torg", "p": "fp:contributesTo", "o": "fpid:strategy/DT.VI", "quote": "q",
         "mode": "interpreted"},
        {"s": "org/forvaltningen", "p": "fp:collaboratesWith", "o": "org/polisen", "quote": "q"},
        {"s": "stance/bra", "p": "fp:concerns", "o": "goal/DT", "quote": "q"},  # a stance: not scored
        {"s": "org/polisen", "p": "fp:establishedIn", "value": "2015", "quote": "q"},  # a literal: not scored
        {"s": "org/polisen", "p": "fp:runs", "o": "project/trygga-torg", "quote": "again"},  # the same fact
    ],
}


def entity(key: str, label: str, iri: str | None = None, kind: str = "organisation", rule: str = "label") -> dict:
    return {"key": key, "kind": kind, "label": label, "raw": label, "iri": iri, "type": None,
            "span": {"start": 0, "end": 1, "raw": label, "restored": label}, "confidence": 0.9, "found_by": rule}


def relation(key: str, s: str, p: str, o: str, rule: str = "pattern") -> dict:
    return {"key": key, "subject": s, "predicate": p, "object": o, "found_by": rule, "confidence": 0.5,
            "span": {"start": 0, "end": 5, "raw": "några\nord", "restored": "några ord"}, "mode": "stated"}


def test_the_truth_is_the_scored_kinds_and_the_facts_between_them():
    truth = truth_from_spec(SPEC)
    assert set(truth.nodes) == {"goal/DT", "strategy/DT.VI", "org/polisen", "org/forvaltningen",
                                "project/trygga-torg"}
    assert truth.nodes["org/forvaltningen"].labels == {"skarholmens stadsdelsforvaltning", "forvaltningen"}
    assert truth.nodes["project/trygga-torg"].kind == "project"
    facts = {(f.subject, f.predicate.removeprefix(FP_IRI), f.object, f.mode) for f in truth.facts}
    assert facts == {("org/polisen", "runs", "project/trygga-torg", "stated"),
                     ("project/trygga-torg", "contributesTo", "strategy/DT.VI", "interpreted"),
                     ("org/forvaltningen", "collaboratesWith", "org/polisen", "stated")}


def test_entities_match_by_iri_or_by_a_new_candidates_folded_label():
    truth = truth_from_spec(SPEC)
    proposals = {"entities": [
        entity("e1", "Polisen", ID_IRI + "org/polisen"),
        entity("e2", "polisen", ID_IRI + "org/polisen"),  # the same node again: counted once
        entity("e3", "FORVALTNINGEN", rule="pattern:förvaltningen"),  # a new candidate, an alias folded
        entity("e4", "Trygga torg", ID_IRI + "project/annat", kind="project"),  # linked to the wrong node
        entity("e5", "Kulturhuset", rule="pattern:projektet"),
    ], "relations": []}
    result = score(proposals, truth)["entities"]
    assert (result["proposed"], result["correct"], result["truth"], result["found"]) == (4, 2, 5, 2)
    assert result["precision"] == 0.5 and result["recall"] == 0.4
    assert [m[1] for m in result["missed"]] == ["goal/DT", "project/trygga-torg", "strategy/DT.VI"]
    assert {w[1] for w in result["wrong"]} == {"Trygga torg", "Kulturhuset"}
    assert result["by_rule"] == {"label": (1, 2), "pattern:förvaltningen": (1, 1), "pattern:projektet": (0, 1)}
    assert result["by_kind"]["organisation"] == (2, 2)


def test_relations_match_subject_predicate_and_object_collaboration_both_ways():
    truth = truth_from_spec(SPEC)
    proposals = {"entities": [
        entity("pol", "Polisen", ID_IRI + "org/polisen"),
        entity("fv", "Förvaltningen"),
        entity("tt", "Trygga torg", kind="project", rule="pattern:projektet"),
        entity("dt6", "Främja trygghet", ID_IRI + "strategy/DT.VI", kind="strategy", rule="numbering"),
    ], "relations": [
        relation("r1", "pol", "runs", "tt"),
        relation("r2", "pol", "fp:runs", "tt"),  # the same relation, a CURIE: counted once
        relation("r3", "pol", "collaboratesWith", "fv"),  # the truth has it the other way round
        relation("r4", "tt", "runs", "pol"),  # runs is not symmetric
        relation("r5", "pol", "participatesIn", "tt"),  # no predicate family: not runs
    ]}
    result = score(proposals, truth)["relations"]
    assert (result["proposed"], result["correct"], result["truth"], result["found"]) == (4, 2, 3, 2)
    assert result["precision"] == 0.5 and result["recall"] == pytest.approx(2 / 3)
    assert result["stated_recall"] == 1.0
    assert result["missed"] == [("Trygga torg", "contributesTo", "Främja trygghet i det offentliga rummet",
                                 "interpreted")]
    assert {(w[0], w[1], w[2]) for w in result["wrong"]} == {("Trygga torg", "runs", "Polisen"),
                                                            ("Polisen", "participatesIn", "Trygga torg")}
    assert result["wrong"][0][4] == "några ord"
    assert result["by_predicate"] == {"runs": (1, 1), "contributesTo": (0, 1), "collaboratesWith": (1, 1)}


def test_nothing_proposed_scores_zero_recall_and_no_precision():
    result = score({"entities": [], "relations": []}, truth_from_spec(SPEC))
    assert result["entities"]["recall"] == 0 and result["entities"]["precision"] is None
    assert result["relations"]["recall"] == 0 and result["relations"]["precision"] is None


def test_ten_pages_repeats_the_texts_in_turn_to_whole_paragraphs():
    a, b = "A första.\n\nA andra stycket.", "B ett.\n\nB två."
    text = ten_pages([a, b], pages=1)
    assert len(text) >= ingest.PAGE_CHARS and text.startswith("A första.\n\nA andra stycket.\n\nB ett.")
    paragraphs = text.strip().split("\n\n")
    assert set(paragraphs) == {"A första.", "A andra stycket.", "B ett.", "B två."}
    assert len(text) - len(paragraphs[-1]) - 3 < ingest.PAGE_CHARS  # cut at the first boundary past the length


def test_word_alignment_accuracy_skips_page_furniture():
    clean = "Förvaltningen är positiv till att öka samverkan."
    raw = "Forvaltningen &r positiv\nSida 2 (6)\ntill att 6ka samverkan."
    restored = "Förvaltningen är positiv\nSida 2 (6)\ntill att oka samverkan."
    result = word_alignment_accuracy(clean, raw, restored)
    assert result["words"] == 7 and result["damaged"] == 3
    assert result["before"] == pytest.approx(4 / 7) and result["after"] == pytest.approx(6 / 7)
    assert result["after_damaged"] == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        word_alignment_accuracy(clean, raw, "Förvaltningen är")


def test_targets_are_judged_met_or_missed():
    results = {"replies": {"seed (reply 000)": {
        "entities": {"recall": 0.95, "precision": 0.7}, "relations": {"recall": 0.5, "precision": 0.9}}},
        "ten_pages": {"characters": 30_100, "median": 2.5, "times": [2.5]}}
    rows = {r[0]: r[3] for r in ingest._targets(results)}
    assert rows["entity recall, seed (reply 000)"] == "met"
    assert rows["entity precision, seed (reply 000)"] == "missed"
    assert rows["relation recall, seed (reply 000)"] == "missed"
    assert rows["ingest a 10-page reply (30,100 characters)"] == "met"


def test_python_m_bench_ingest_writes_the_report(tmp_path):
    out = tmp_path / "ingest.md"
    assert run.main(["ingest", "--runs", "1", "--rows", "0", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for heading in ("# Ingest quality", "## Targets", "## Matching rule", "## How to run"):
        assert heading in text, heading
    if ingest.has_module("graph.ingest.pipeline"):
        for heading in ("## seed (reply 000)", "## Skärholmen (invented)", "## OCR repair", "## Ingest time",
                        "### Truth relations not found", "## Cases", f"## {ingest.BARE_CASE}",
                        f"## {ingest.HELD_OUT_CASE}"):
            assert heading in text, heading
    else:
        assert "Ingest not measured: graph.ingest.pipeline does not exist yet" in text


def test_a_new_candidate_matches_a_truth_label_in_another_form_of_its_last_word():
    assert ingest.same_form(ingest.label_form("Polis"), ingest.label_form("Polisen"))
    assert ingest.same_form(ingest.label_form("Civilsamhälle"), ingest.label_form("Civilsamhället"))
    assert ingest.same_form(ingest.label_form("Stadsdelsnämnder"), ingest.label_form("Stadsdelsnämnderna"))
    assert ingest.same_form(ingest.label_form("Lokalt områdesarbete"),
                            ingest.label_form("Lokalt områdesarbete (community work)"))
    assert not ingest.same_form(ingest.label_form("Polis"), ingest.label_form("Polisen i Syd"))
    assert not ingest.same_form(ingest.label_form("Skola"), ingest.label_form("Skolor"))  # not an ending listed
    assert not ingest.same_form(ingest.label_form("Råd"), ingest.label_form("Rådet"))  # too short to tell


def test_every_case_says_its_store_and_sample():
    assert {which for _, _, which, _ in ingest.REPLIES.values()} == {"seeded", "bare"}
    assert ingest.REPLIES[ingest.HELD_OUT_CASE][3] == "held out"
    assert ingest.REPLIES[ingest.BARE_CASE][:3] == (ingest.SEED_TEXT, ingest.SEED_TRUTH, "bare")
