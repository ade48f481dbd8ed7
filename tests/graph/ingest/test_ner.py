"""The optional NER adapter, with a tiny spaCy model the test builds and saves itself (nothing downloaded)."""

from __future__ import annotations

import sys

import pytest
import spacy  # the ner extra; part of the test extra, so this never skips

from graph.errors import IngestError
from graph.ingest.ner import NerModel
from graph.ingest.pipeline import ingest_text


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


def test_without_spacy_the_adapter_says_which_extra_to_install(monkeypatch, model_dir):
    """A base install (`pip install -e .`) has no spaCy: asking for a model names the extra, nothing else breaks."""
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    with pytest.raises(IngestError) as info:
        NerModel(model_dir)
    assert "pip install 'fardplan-explorer[ner]'" in str(info.value)
