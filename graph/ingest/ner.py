"""An optional adapter for a Swedish named-entity model the user supplies (spaCy, the ``ner`` extra).

The default pipeline needs no model: spaCy's Swedish pipelines and KB-BERT are not on PyPI and would download
at run time, which the explorer never does. A user who has a model on disk (``spacy.load``-able: a spaCy
pipeline directory with an ``ner`` or ``entity_ruler`` component) passes its folder; its entities add
organisation and project candidates the patterns missed, each ``found_by="ner:<model name>"``. Nothing is
downloaded: a path that is not a model folder is an :class:`~graph.errors.IngestError`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from pathlib import Path

from graph.errors import IngestError
from graph.ingest.find import Mention, Token, org_type

__all__ = ["LABELS", "NerModel"]

# Entity labels of the common Swedish schemes (SUC 3.0 as in sv_core_news_*, KB-BERT's) → explorer kind.
LABELS = {"ORG": "organisation", "ORGANIZATION": "organisation", "PRJ": "project", "PROJECT": "project",
          "EVN": "project"}
CONFIDENCE = 0.5


class NerModel:
    """A spaCy pipeline loaded from ``path`` (no download); :meth:`add_mentions` runs it on a reply."""

    def __init__(self, path: str | Path, labels: dict[str, str] | None = None) -> None:
        try:
            import spacy
        except ImportError:
            raise IngestError("the NER adapter needs spaCy: pip install 'fardplan-explorer[ner]'") from None
        folder = Path(path)
        if not (folder / "config.cfg").is_file():
            raise IngestError(f"{folder}: not a spaCy model folder (no config.cfg); give the folder of a model "
                              f"saved with nlp.to_disk")
        try:
            self.nlp = spacy.load(folder)
        except (OSError, ValueError) as exc:
            raise IngestError(f"{folder}: the model cannot be loaded: {exc}") from None
        self.name = f"{self.nlp.meta.get('lang', 'xx')}_{self.nlp.meta.get('name', folder.name)}"
        self.labels = labels or LABELS

    def add_mentions(self, raw: str, words: list[Token], mentions: list[Mention],
                     read: Callable[[str], str]) -> list[Mention]:
        """``mentions`` and the model's entities that overlap none of them, as new candidates."""
        starts = [w.start for w in words]
        taken = {i for m in mentions for i in range(m.first, m.last + 1)}
        found = list(mentions)
        for ent in self.nlp(raw).ents:
            kind = self.labels.get(ent.label_)
            if kind is None:
                continue
            first = bisect.bisect_right(starts, ent.start_char) - 1
            last = bisect.bisect_left(starts, ent.end_char) - 1
            if first < 0 or last < first or any(i in taken for i in range(first, last + 1)):
                continue
            text = " ".join(raw[words[first].start:words[last].end].split())
            label = read(text)
            label = label[:1].upper() + label[1:]
            kind_type = (org_type(words[last].word) or "ActorGroup") if kind == "organisation" else "Project"
            found.append(Mention(first, last, kind, label, f"ner:{self.name}", CONFIDENCE, None, kind_type))
            taken.update(range(first, last + 1))
        return sorted(found, key=lambda m: (m.first, -m.last))
