"""What ingesting a reply proposes, as plain data: spans of the raw text, passages, entities, relations.

Every dataclass is frozen and has ``to_json()`` giving plain JSON types (str, int, float, bool, None, list,
dict), the shape ``fardplan ingest --format json`` prints and the review queue stores. Offsets count Unicode
characters into the RAW text: ``raw_text[span.start:span.end] == span.raw`` always; ``restored`` is the
å/ä/ö reading of those characters (:mod:`graph.ingest.repair`), for people to read, never for provenance.

The review queue's items (:class:`QueueItem`) and the summary of a queued reply (:class:`QueueSummary`) are
typed dicts, defined here so that the faces (CLI, /data) and :mod:`graph.ingest.review` share one shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypedDict

__all__ = ["ENTITY_KINDS", "PASSAGE_KINDS", "Entity", "Passage", "PassageView", "Proposals", "QueueItem",
           "QueueSummary", "Relation", "Span"]

PASSAGE_KINDS = ("heading", "paragraph", "sentence")
ENTITY_KINDS = ("goal", "strategy", "project", "organisation")  # explorer kind names (graph.vocab.kinds)


@dataclass(frozen=True)
class Span:
    """A stretch of the raw text: ``raw_text[start:end] == raw``; ``restored`` is its å/ä/ö reading."""

    start: int
    end: int
    raw: str
    restored: str

    def to_json(self) -> dict:
        """``{"start", "end", "raw", "restored"}``."""
        return {"start": self.start, "end": self.end, "raw": self.raw, "restored": self.restored}


@dataclass(frozen=True)
class Passage:
    """A heading, a paragraph or a sentence of the reply; ``heading`` the restored heading it stands under (the
    goal-area or section heading; ``None`` before the first one, and for a heading itself)."""

    kind: Literal["heading", "paragraph", "sentence"]
    span: Span
    heading: str | None = None

    def to_json(self) -> dict:
        """``{"kind", "span", "heading"}``."""
        return {"kind": self.kind, "span": self.span.to_json(), "heading": self.heading}


@dataclass(frozen=True)
class Entity:
    """A goal area, strategy, project or organisation the reply names.

    ``key`` is unique within one :class:`Proposals` (relations name their ends by it); ``kind`` an explorer kind
    name (:data:`ENTITY_KINDS`); ``label`` the restored Swedish label (an existing node's own label);
    ``raw`` the words as scanned; ``iri`` the existing node, or ``None`` for a new candidate, whose ``type`` is
    the curation type it would get (:data:`graph.vocab.kinds.CURATION_TYPES`: ``"Administration"``,
    ``"Project"``, …; for an existing node its most specific ``fp:`` type where known); ``span`` the mention that
    found it (the first); ``confidence`` in [0, 1]; ``found_by`` the rule or model (``"label"``, ``"alias"``,
    ``"numbering"``, ``"wording"``, ``"pattern:förvaltningen"``, ``"pattern:projektet"``, ``"ner:<model>"``).
    """

    key: str
    kind: str
    label: str
    raw: str
    iri: str | None
    type: str | None
    span: Span
    confidence: float
    found_by: str

    def to_json(self) -> dict:
        """Every field; ``span`` as :meth:`Span.to_json`."""
        return {"key": self.key, "kind": self.kind, "label": self.label, "raw": self.raw, "iri": self.iri,
                "type": self.type, "span": self.span.to_json(), "confidence": round(self.confidence, 3),
                "found_by": self.found_by}


@dataclass(frozen=True)
class Relation:
    """A proposed relation ``subject predicate object`` between two entities (their keys); ``predicate`` an
    ``fp:`` local name (``runs``, ``participatesIn``, ``collaboratesWith``, ``contributesTo``, ``worksOn``,
    ``relatesToGoalArea``, …) that fits the ontology's domain and range; ``span`` the passage that says it;
    ``mode`` ``"stated"`` or ``"interpreted"`` (then ``reason_sv`` and ``reason_en`` say why, e.g. when only
    the heading above the passage carries it)."""

    key: str
    subject: str
    predicate: str
    object: str
    span: Span
    confidence: float
    found_by: str
    mode: Literal["stated", "interpreted"] = "stated"
    reason_sv: str | None = None
    reason_en: str | None = None

    def to_json(self) -> dict:
        """Every field; ``span`` as :meth:`Span.to_json`."""
        return {"key": self.key, "subject": self.subject, "predicate": self.predicate, "object": self.object,
                "span": self.span.to_json(), "confidence": round(self.confidence, 3), "found_by": self.found_by,
                "mode": self.mode, "reason_sv": self.reason_sv, "reason_en": self.reason_en}


@dataclass(frozen=True)
class Proposals:
    """What the pipeline proposes for one reply: its ``name`` (the file name), the ``raw`` text untouched, its
    restored reading (same length in words, not in characters), passages, entities and relations."""

    name: str
    raw: str
    restored_text: str
    passages: tuple[Passage, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    def entity(self, key: str) -> Entity:
        """The entity with ``key`` (``KeyError`` if none)."""
        for entity in self.entities:
            if entity.key == key:
                return entity
        raise KeyError(key)

    def to_json(self) -> dict:
        """``{"name", "characters", "restored_text", "passages", "entities", "relations"}`` (the raw text is
        left out: it is the file; ``characters`` is its length)."""
        return {"name": self.name, "characters": len(self.raw), "restored_text": self.restored_text,
                "passages": [p.to_json() for p in self.passages],
                "entities": [e.to_json() for e in self.entities],
                "relations": [r.to_json() for r in self.relations]}


class PassageView(TypedDict):
    """A queue item's passage: the raw span, its restored reading, and a little raw context either side."""

    start: int
    end: int
    raw: str
    restored: str
    before: str
    after: str


class QueueItem(TypedDict):
    """One proposal in the review queue (:func:`graph.ingest.review.queue`), plain data.

    ``id`` short and stable (``"p-3f2a9c1b"``); ``kind`` ``"entity"`` or ``"relation"``; ``status`` ``"open"``,
    ``"accepted"`` or ``"rejected"``; ``document`` the reply's IRI; ``label`` an entity's restored label, or a
    relation's Swedish phrase ("Polisen deltar i Trygga torg"); ``entity_kind`` the explorer kind (an entity's;
    ``None`` for a relation); ``iri`` the existing node (or, once accepted, the new one) or ``None``;
    ``predicate`` the relation's ``fp:`` local name (``None`` for an entity); ``subject``/``object`` the
    relation's end labels; ``passage`` (:class:`PassageView`); ``confidence``; ``found_by``; ``mode`` and
    ``reason_sv`` (a relation's; ``None`` for an entity); ``who``/``when``/``why`` of the decision (``None``
    while open)."""

    id: str
    kind: str
    status: str
    document: str
    label: str
    entity_kind: str | None
    iri: str | None
    type: str | None
    predicate: str | None
    subject: str | None
    object: str | None
    subject_id: str | None
    object_id: str | None
    passage: PassageView
    confidence: float
    found_by: str
    mode: str | None
    reason_sv: str | None
    who: str | None
    when: str | None
    why: str | None


class QueueSummary(TypedDict):
    """What :func:`graph.ingest.review.queue_reply` returns: the reply document's IRI, its name, how many entity
    and relation proposals it queued, and the queued items."""

    document: str
    name: str
    entities: int
    relations: int
    items: list[QueueItem]
