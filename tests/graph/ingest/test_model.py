"""The plain data of an ingest: frozen, and ``to_json`` gives JSON types only."""

from __future__ import annotations

import dataclasses
import json

import pytest

from graph.ingest.model import Entity, Passage, Proposals, Relation, Span


def _proposals() -> Proposals:
    raw = "Polisen deltar i Trygga torg."
    polisen = Span(0, 7, "Polisen", "Polisen")
    torg = Span(17, 28, "Trygga torg", "Trygga torg")
    entities = (Entity("e1", "organisation", "Polisen", "Polisen", "https://w3id.org/fardplan/id/org/polisen",
                       "Authority", polisen, 0.95, "label"),
                Entity("e2", "project", "Trygga torg", "Trygga torg", None, "Project", torg, 0.7,
                       "pattern:projektet"))
    sentence = Span(0, len(raw), raw, raw)
    relation = Relation("r1", "e1", "participatesIn", "e2", sentence, 0.8, "partners")
    return Proposals("svar.txt", raw, raw, (Passage("sentence", sentence, None),), entities, (relation,))


def test_to_json_is_plain_json_and_keeps_every_field():
    props = _proposals()
    data = props.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["characters"] == len(props.raw)
    assert data["entities"][1] == {"key": "e2", "kind": "project", "label": "Trygga torg", "raw": "Trygga torg",
                                   "iri": None, "type": "Project",
                                   "span": {"start": 17, "end": 28, "raw": "Trygga torg", "restored": "Trygga torg"},
                                   "confidence": 0.7, "found_by": "pattern:projektet"}
    assert data["relations"][0]["mode"] == "stated" and data["relations"][0]["reason_sv"] is None
    assert data["passages"][0]["kind"] == "sentence"


def test_frozen_and_entity_lookup():
    props = _proposals()
    with pytest.raises(dataclasses.FrozenInstanceError):
        props.entities[0].label = "x"  # type: ignore[misc]
    assert props.entity("e2").label == "Trygga torg"
    with pytest.raises(KeyError):
        props.entity("e9")
