"""The optional NER adapter, with a tiny spaCy model the test builds and saves itself (nothing downloaded)."""

from __future__ import annotations

import pytest

from graph.errors import IngestError
from graph.ingest.ner import NerModel
from graph.ingest.pipeline import ingest_text

spacy = pytest.importorskip("spacy", reason="the ner extra (spaCy) is part of the test extra")


@pytest.fixture
def model_dir(tmp_path):
    nlp = spacy.blank("sv")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"LOWER": "röda"}, {"LOWER": "korset"}]},
                        {"label": "PRJ", "pattern": "Sommarskolan"}])
    nlp.meta["name"] = "tiny"
    nlp.to_disk(tmp_path / "tiny")
    return tmp_path / "tiny"


def test_the_model_adds_candidates_the_patterns_missed(tiny_store, model_dir):
    text = ("Förvaltningen driver Sommarskolan tillsammans med polisen.\n\nRöda Korset deltar också i "
            "Sommarskolan.\n")
    without = ingest_text(tiny_store, text, "a.txt")
    assert "Röda Korset" not in {e.label for e in without.entities}
    props = ingest_text(tiny_store, text, "a.txt", ner=NerModel(model_dir))
    found = {e.label: e for e in props.entities}
    assert found["Röda Korset"].found_by == "ner:sv_tiny" and found["Röda Korset"].kind == "organisation"
    assert found["Polisen"].found_by == "label"  # the graph's own names come first
    phrases = {(props.entity(r.subject).label, r.predicate, props.entity(r.object).label) for r in props.relations}
    assert ("Stadsdelsförvaltningen", "runs", "Sommarskolan") in phrases


def test_a_folder_that_is_no_model_is_an_error(tmp_path):
    with pytest.raises(IngestError, match="not a spaCy model folder"):
        NerModel(tmp_path)
