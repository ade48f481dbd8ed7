"""Swedish OCR repair for reading: :func:`graph.vocab.restore.restore` (å/ä/ö put back by a real Swedish word
list, wordfreq's, and the graph's own labels) with three repairs of its own on top. The raw text is never
changed: a repaired reading is always shown beside, or instead of, the raw words it stands for.

1. A lone ``|`` or ``l`` where a sentence or line begins is the capital ``I`` ("| budget 2018" → "I budget
   2018").
2. ``é`` is the scan's ä or ö far more often than its a or o: when the word list knows a spelling with ä or ö
   where the scan has ``é`` ("Stérk" → "Stärk", not "Stark"), that spelling wins.
3. A lost ö, ä or å ("idrottsfreningar" → "idrottsföreningar"): an unknown word, or compound, that becomes a
   known one by putting one letter back. A word no list knows keeps its letters, but its é is read as ä
   ("Skérholmsdialogen" → "Skärholmsdialogen").

:func:`word_accuracy` measures it: every word with å, ä or ö in the truth texts (curated labels, quotes'
readings) is one judgement, made on the raw words of the same skeleton.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from graph.vocab.restore import Lexicon, restore
from graph.vocab.text import fold

__all__ = ["RepairLexicon", "repair", "word_accuracy"]

_WORD = re.compile(r"[\w&|]+", re.UNICODE)  # a lone | is a word (the scan of I)
_LONE_I = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[.!?:]\s)|(?<=[.!?:]\s\s))[|l](?=\s+[a-zåäöé])", re.MULTILINE)
_LOST = ("ö", "ä", "å")
SHORT = {"fr": "för", "fér": "för"}  # short words the scan lost a letter of, which no word list can restore
MIN_TAIL = 4  # letters the last part of a compound needs before it is spelled on its own
MIN_LOST_SCORE = 2.0  # a word put back by one lost letter must be at least this frequent (Zipf), or the graph's


class RepairLexicon(Lexicon):
    """A :class:`~graph.vocab.restore.Lexicon` whose :meth:`spell` adds repairs 2 and 3 of the module doc."""

    def __init__(self, texts: Iterable[str] = (), *, frequencies: dict[str, float] | None = None) -> None:
        super().__init__(texts, frequencies=frequencies)
        self.spell = lru_cache(maxsize=50_000)(self._spell)  # type: ignore[method-assign]

    def _spell(self, token: str) -> str | None:
        lowered = token.lower()
        if lowered in SHORT:
            return SHORT[lowered]
        word = Lexicon.spell(self, token)
        if word is not None and "é" in lowered and not self.known(lowered):
            word = self._prefer_diacritic(lowered.replace("éa", "é"), word)
        if word is None and len(lowered) >= 6 and lowered.isalpha():
            word = self._lost_letter(lowered)
        if word is None and "é" in lowered and lowered.isalpha() and not self.known(lowered):
            word = lowered.replace("éa", "ä").replace("é", "ä")  # a name the list does not know: é is mostly ä
        return word

    def _compound(self, token: str) -> str | None:
        """As :meth:`Lexicon._compound`, with a tail of at least :data:`MIN_TAIL` letters ("familjestöd", not
        "familjes" + "toa")."""
        for cut in range(len(token) - MIN_TAIL, 2, -1):
            head, tail = token[:cut], token[cut:]
            if not self.known(head) and not (head.endswith("s") and self.known(head[:-1])):
                continue
            found = Lexicon.spell(self, tail) if len(tail) >= MIN_TAIL else None
            if found is not None and (self.score(found) or 0.0) < MIN_LOST_SCORE:
                continue
            if found is not None and fold(found) == fold(tail.replace("6", "o").replace("&", "a")) or (
                    found is not None and len(found) == len(tail.replace("éa", "é"))):
                return head + found
        return None

    def _prefer_diacritic(self, token: str, word: str) -> str:
        """``word`` with ä or ö where ``token`` has é and ``word`` a plain a or o, if that spelling is known."""
        if len(token) != len(word):
            return word
        marks = {"a": "ä", "o": "ö"}
        chars = list(word)
        for i, ch in enumerate(token):
            if ch == "é" and chars[i] in marks:
                chars[i] = marks[chars[i]]
        better = "".join(chars)
        return better if better != word and self.known(better) else word

    def _lost_letter(self, token: str) -> str | None:
        best: tuple[float, str] | None = None
        for i in range(1, len(token)):
            for letter in _LOST:
                candidate = token[:i] + letter + token[i:]
                score = self.score(candidate)
                if score is None:
                    tail = self._compound(candidate)
                    if tail and tail == candidate:
                        score = MIN_LOST_SCORE
                if score is not None and score >= MIN_LOST_SCORE and (best is None or score > best[0]):
                    best = (score, candidate)
        return best[1] if best else None


def repair(text: str, lexicon: Lexicon) -> str:
    """The repaired reading of the raw ``text`` (the module doc's repairs, then :func:`restore`'s).

    >>> lex = RepairLexicon(["Stärk civilsamhällets möjligheter", "Lokala idrottsföreningar"],
    ...                     frequencies={"stark": 5.0, "i": 7.0, "budget": 4.0})
    >>> repair("Stérk civilsamhéllets mojligheter", lex)
    'Stärk civilsamhällets möjligheter'
    >>> repair("| budget med lokala idrottsfreningar", lex)
    'I budget med lokala idrottsföreningar'
    """
    return restore(_LONE_I.sub("I", text), lexicon)


def _skeleton(word: str) -> str:
    return fold(word.lower().replace("&", "a").replace("6", "o").replace("é", "a"))


def word_accuracy(raw: str, truth_texts: Iterable[str], lexicon: Lexicon) -> dict[str, float | int]:
    """How many of the raw text's words that the truth spells with å, ä or ö read right, before and after repair.

    The truth is every word with å/ä/ö in ``truth_texts`` (curated labels, descriptions, reasons), by its
    skeleton (folded, the scan's confusions undone); a raw word with the same skeleton is one judgement: right
    before repair when the raw word is one of the truth's words of that skeleton, right after when its repaired
    reading is (so "&r" read as "är" is right where the truth has both "är" and "år").
    Returns ``{"words", "before", "after"}`` (accuracies in [0, 1]).
    """
    truth: dict[str, set[str]] = {}
    for text in truth_texts:
        for word in re.findall(r"\w+", text.lower()):
            if set(word) & set("åäö"):
                truth.setdefault(fold(word), set()).add(word)
    raw_words = _WORD.findall(raw)
    repaired_words = _WORD.findall(repair(raw, lexicon))
    if len(raw_words) != len(repaired_words):  # repair replaces words one by one; a mismatch is a bug
        raise ValueError("repair changed the number of words")
    judged = right_before = right_after = 0
    for scanned, read in zip(raw_words, repaired_words, strict=True):
        want = truth.get(_skeleton(scanned))
        if want is None:
            continue
        judged += 1
        right_before += scanned.lower() in want
        right_after += read.lower() in want
    return {"words": judged, "before": right_before / judged if judged else 0.0,
            "after": right_after / judged if judged else 0.0}
