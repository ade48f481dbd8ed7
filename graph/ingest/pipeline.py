"""The pipeline: a reply's raw text and the store → :class:`~graph.ingest.model.Proposals` (nothing written).

Repair (a lexicon of wordfreq's Swedish words and the graph's own labels) → passages → mentions → entities and
relations. An optional NER model (:mod:`graph.ingest.ner`, ``ner=``) adds organisations the patterns missed.
"""

from __future__ import annotations

from graph.errors import IngestError
from graph.ingest import find, propose
from graph.ingest.model import Proposals
from graph.ingest.passages import split_passages
from graph.ingest.repair import RepairLexicon, repair
from graph.service.caches import caches_of
from graph.store import Store

__all__ = ["MAX_CHARACTERS", "ingest_text", "lexicon_for"]

MAX_CHARACTERS = 2_000_000  # about 600 pages


def _build_lexicon(store: Store) -> tuple[RepairLexicon, list[find.Known]]:
    known = find.known_nodes(store)
    return RepairLexicon([name for k in known for name, _ in k.names]), known


def lexicon_for(store: Store) -> tuple[RepairLexicon, list[find.Known]]:
    """The repair lexicon of ``store`` (wordfreq's Swedish words and the graph's own names) and the nodes a reply
    may name; built once per store state (:mod:`graph.service.caches`)."""
    return caches_of(store).get("ingest_lexicon", _build_lexicon)


def ingest_text(store: Store, raw: str, name: str, ner=None) -> Proposals:
    """Everything the reply ``raw`` (named ``name``, e.g. its file name) proposes, against the graph in
    ``store``. ``ner`` is an optional :class:`graph.ingest.ner.NerModel`."""
    if not raw.strip():
        raise IngestError(f"{name}: the reply has no text")
    if len(raw) > MAX_CHARACTERS:
        raise IngestError(f"{name}: {len(raw)} characters; a reply may have at most {MAX_CHARACTERS}")
    lexicon, known = lexicon_for(store)

    def read(text: str) -> str:
        return repair(text, lexicon)

    words = find.tokens(raw, lexicon)
    passages = split_passages(raw, read)
    headings = [(p.span.start, p.span.end, p.span.restored) for p in passages if p.kind == "heading"]
    mentions, sections = find.find_mentions(raw, words, known, lexicon, read, headings)
    if ner is not None:
        mentions = ner.add_mentions(raw, words, mentions, read)
    strategy_labels = {k.iri: (k.notation, k.label) for k in known if k.kind == "strategy"}
    entities, relations = propose.propose(raw, words, mentions, passages, sections, read, strategy_labels)
    return Proposals(name, raw, read(raw), passages, entities, relations)
