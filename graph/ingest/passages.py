"""Passages of a reply: headings, paragraphs and sentences, each a span of the raw text.

A paragraph is a block between blank lines. A heading is a short line of its own that does not end a sentence:
a block of one short line ("Bakgrund", "Malomrade Boende och stadsmiljo"), the short first line of a block
whose next line begins a new sentence ("Arendet" above "Fardplanen innehaller …"), a short line above a
numbered list, or a short last line after a full stop (a heading the scan ran into the page's footer). Lines
that are only a list number ("VI.", "V.") are neither: the strategies' numbering (:mod:`graph.ingest.find`)
reads them. Sentences are the parts of a paragraph between ``.``, ``!`` or ``?`` and a capital letter; a list
item without a full stop is one sentence. Every passage knows the heading it stands under (restored), the
nearest one above it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from graph.ingest.model import Passage, Span

__all__ = ["HEADING_WORDS", "NUMBERED", "NUMBER_LINE", "split_passages"]

HEADING_WORDS = 5  # a heading has at most this many words (a strategy of a list has more)
NUMBER_LINE = re.compile(r"^\s*(?:[IVXl|]{1,5}|\d{1,2})\.\s*$")
NUMBERED = re.compile(r"^\s*(?:[IVXl|]{1,5}|\d{1,2})\.\s+\S")  # a line that begins with a list number
# "Målområde …" as the scan writes it (å, ö lost or read as é, 6): a goal-area heading wherever it stands
GOAL_HEADING = re.compile(r"^\s*M[aåäé]l[oö6é]mr[aåäé]d[et]\b", re.IGNORECASE)
_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", re.MULTILINE)
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ|])")
_UPPER_START = re.compile(r"^\s*[A-ZÅÄÖ|]")


def _trimmed(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(line: str) -> bool:
    text = line.strip()
    words = re.findall(r"[\wÅÄÖåäöé&]+", text)
    return (0 < len(words) <= HEADING_WORDS and bool(_UPPER_START.match(text)) and text[-1] not in ".,;:!?)-"
            and not NUMBER_LINE.match(text) and not NUMBERED.match(text)
            and not any(w.isdigit() and len(w) > 4 for w in words) and sum(ch.isalpha() for ch in text) >= 4)


def _heading_lines(raw: str, lines: list[tuple[int, int]]) -> set[int]:
    """Which lines of a block are headings: a short first line standing alone or above a new sentence, a short
    line between a full stop and a new sentence (or the block's end), a "Målområde …" line, or any short line
    right above a numbered list item (a goal-area heading over its strategies)."""
    texts = [raw[s:e] for s, e in lines]
    heads = set()
    for i, text in enumerate(texts):
        if not _is_heading(text):
            continue
        following = texts[i + 1] if i + 1 < len(texts) else None
        above_list = following is not None and bool(NUMBERED.match(following) or NUMBER_LINE.match(following))
        after_stop = i > 0 and texts[i - 1].rstrip()[-1:] in ".!?" and (
            following is None or bool(_UPPER_START.match(following)))
        first = i == 0 and (following is None or bool(_UPPER_START.match(following)))
        if GOAL_HEADING.match(text) or above_list or after_stop or first:
            heads.add(i)
    return heads


def split_passages(raw: str, read: Callable[[str], str]) -> tuple[Passage, ...]:
    """The headings, paragraphs and sentences of ``raw``, in order of their start; ``read`` gives a restored
    reading of raw text (:func:`graph.ingest.repair.repair` with a lexicon)."""

    def span(start: int, end: int) -> Span:
        return Span(start, end, raw[start:end], read(raw[start:end]))

    found: list[Passage] = []
    heading: str | None = None

    def paragraph(body: list[tuple[int, int]]) -> None:
        body = [(s, e) for s, e in body if not NUMBER_LINE.match(raw[s:e])]
        if not body:
            return
        start, end = body[0][0], body[-1][1]
        found.append(Passage("paragraph", span(start, end), heading))
        cursor = start
        for cut in _SENTENCE_END.finditer(raw, start, end):
            s, e = _trimmed(raw, cursor, cut.start())
            if s < e:
                found.append(Passage("sentence", span(s, e), heading))
            cursor = cut.end()
        s, e = _trimmed(raw, cursor, end)
        if s < e:
            found.append(Passage("sentence", span(s, e), heading))

    for block in _BLOCK.finditer(raw):
        lines = [_trimmed(raw, m.start() + block.start(), m.end() + block.start())
                 for m in _LINE.finditer(block.group(0))]
        lines = [(s, e) for s, e in lines if s < e]
        heads = _heading_lines(raw, lines)
        body: list[tuple[int, int]] = []
        for i, (s, e) in enumerate(lines):
            if i in heads:
                paragraph(body)
                body = []
                passage = Passage("heading", span(s, e), None)
                found.append(passage)
                heading = passage.span.restored
            else:
                body.append((s, e))
        paragraph(body)
    return tuple(found)
