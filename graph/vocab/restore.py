"""A restored reading of OCR'd Swedish: å, ä and ö put back where the scan lost them, for people to read.

The raw text stays the source that provenance points into; this only makes a *reading* to show beside it,
always marked as restored. A word is restored when its skeleton — the word folded (case and diacritics
dropped) after the scan's recurring confusions are undone ("6" and "&" for ö and ä, "é" and "éa" for ä or ö,
"d" for ä, å or ö) — is the skeleton of a known Swedish word. Known words are wordfreq's Swedish list (bundled
with the package, read offline) scored by frequency, with the graph's own Swedish labels and reasons and
:data:`COMMON_WORDS` raised; the most likely spelling wins, and the word as scanned stays unless a restored one
is clearly more frequent ("har" stays "har", "for" becomes "för"). Anything else is left exactly as scanned.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from functools import lru_cache

from graph.vocab.text import fold

__all__ = ["COMMON_WORDS", "PLAIN_WORDS", "Lexicon", "restore"]

# Frequent Swedish words with å, ä or ö that labels rarely contain (function words, common verbs).
_COMMON_TEXT = """
är år då då på så såsom också även både får från när än över öka ökad ökade ökat ökning för före förslag
många mål målen målområde målområden målområdena sätt så kallade rätt rätta bättre möjlighet möjligheten
möjligheter möjliggöra måste mött gäller gällande nämnd nämnden nämnder nämnderna förvaltning förvaltningen
förvaltningens förvaltningar tjänsteutlåtande tjänsteutlåtandet överlämnar överlämna behöver behövs
samhälle samhället samhällets civilsamhälle civilsamhället civilsamhällets näringsliv näringslivet
företag företagande förebyggande förebygga förskola förskolan förskolor föräldrar föräldrarna förutsättningar
förväntningar förbättra förbättring förstärka förstärkas stärka stärkas stärk stärkt ansvarsområde
ansvarsområden ansvarsområdena åtgärd åtgärder åtgärderna trygghetsåtgärder tillgång tillgänglig tillgängliga
tillgänglighet också därför därmed där här vår våra vårt sådan sådana sådant även ännu utgångspunkt fristående
hållbart hållbar hållbara ojämlika jämlik jämlika jämlikhet jämställdhet likvärdighet likvärdigheten
uppväxt välbefinnande människor människors intrådet inträdet inrättades innebär uppmärksamma säkerställ
säkerställa använd använda används stadsmiljö stadsmiljön bostäder bostadsbristen boendemiljö miljö miljön
område områden området områdena ytterstaden efterfråga efterfrågan erhållit beviljats medel genomföra
genomförts genomfört ändamål ändamålsenlig samråd skäl stöd stödet stödja lärare elever elevsammansättning
ungdomar fältassistenter förslag förslaget föreslår beslut hänvisning bidrar bidra områdesarbete
lokalt sysselsättning arbetsmarknad arbetsmarknaden arbetsförmedlingen yrkesutbildningar kortutbildade
fullfölja inkluderande svåra gruppers etablering förutsättningarna främja främjar stadsdelsnämnden
stadsdelsnämnderna stadsdelsförvaltningen kulturförvaltningen färdplan färdplanen färdplanens fått
innehåller innehållet berör såväl aktör aktörer aktörerna går gå gått målområdet etappmål etappmålen
tjänster tjänst utförs ökar ökade skäl närhet närmare ytterområden välfärd åldern årskurs högre lägre
tidigare senare särskilt särskilda väl även möten mötesplatser förening föreningar föreningsliv genomförs
område området uppsökande
"""
COMMON_WORDS = tuple(_COMMON_TEXT.split())
# Words without å, ä or ö that share a skeleton with one that has them ("har" and "här"): known as they stand.
_PLAIN_TEXT = """
har var vara vad att som med och det den de vi man kan ska till av om i en ett inte alla mot under vid men
eller sin sina hos samt bland inom mellan genom efter utan redan stor stora del delar barn skola skolan stad
staden stadens ta fram andra arbete arbeta arbetar fler kommer komma
"""
PLAIN_WORDS = tuple(_PLAIN_TEXT.split())

_WORD = re.compile(r"[\w&]+", re.UNICODE)
# What the scan writes for ä, å and ö; each option is tried (the character itself first where it is a letter).
_CONFUSIONS = {"6": ("o",), "&": ("a",), "é": ("a", "o", "e"), "d": ("d", "a", "o")}
_MAX_VARIANTS = 256
TOP_WORDS = 300_000  # most frequent Swedish words taken from wordfreq
OWN_BONUS = 2.0  # Zipf points added to the words of the graph's own Swedish text and COMMON_WORDS
MARGIN = 1.0  # how much more frequent a restored spelling must be than the word as scanned


@lru_cache(maxsize=1)
def _swedish_frequencies() -> dict[str, float]:
    """Swedish words with their Zipf frequency from wordfreq's bundled data (no download): the real word list."""
    import wordfreq  # imported on first use: its data takes a moment to read

    # The list's own frequencies as Zipf values (what wordfreq.zipf_frequency gives a listed word, without
    # tokenising each of 300,000 words again: 0.5 s instead of 4 s).
    frequencies = wordfreq.get_frequency_dict("sv")
    return {w: round(math.log10(frequencies[w]) + 9, 2) for w in wordfreq.top_n_list("sv", TOP_WORDS)
            if frequencies.get(w)}


def _by_skeleton(scores: dict[str, float]) -> dict[str, list[tuple[float, str]]]:
    index: dict[str, list[tuple[float, str]]] = {}
    for word, score in scores.items():
        index.setdefault(fold(word), []).append((score, word))
    return index


@lru_cache(maxsize=1)
def _base_index() -> dict[str, list[tuple[float, str]]]:
    return _by_skeleton(_swedish_frequencies())


class Lexicon:
    """Known Swedish words by skeleton, each with a score: its Zipf frequency in Swedish (wordfreq), raised by
    :data:`OWN_BONUS` for words of the graph's own curated text and :data:`COMMON_WORDS`. The wordfreq index is
    built once per process; a lexicon adds only its own words on top."""

    def __init__(self, texts: Iterable[str] = (), *, frequencies: dict[str, float] | None = None) -> None:
        base = _swedish_frequencies() if frequencies is None else frequencies
        self._base = _base_index() if frequencies is None else _by_skeleton(frequencies)
        own: set[str] = set(COMMON_WORDS) | set(PLAIN_WORDS)
        for text in texts:
            own.update(w for w in _WORD.findall(text.lower()) if not w.isdigit() and "&" not in w)
        self._own_scores = {w: base.get(w, 0.0) + OWN_BONUS for w in own}
        self._own = _by_skeleton(self._own_scores)
        self._base_scores = base

    def score(self, word: str) -> float | None:
        """The score of a known ``word`` (lower case), ``None`` if unknown."""
        return self._own_scores.get(word, self._base_scores.get(word))

    def known(self, word: str) -> bool:
        """Whether ``word`` (lower case) is a known word."""
        return word in self._own_scores or word in self._base_scores

    def _best(self, variants: Iterable[tuple[str, ...]]) -> tuple[float, str] | None:
        best: tuple[float, str] | None = None
        for variant in itertools.islice(variants, _MAX_VARIANTS):
            skeleton = fold("".join(variant))
            for score, word in (*self._own.get(skeleton, ()), *self._base.get(skeleton, ())):
                score = self._own_scores.get(word, score)
                if best is None or (score, word) > best:
                    best = (score, word)
        return best

    def spell(self, token: str) -> str | None:
        """The most likely Swedish word an OCR'd ``token`` stands for (lower case), or ``None`` if none fits.
        The token as scanned wins unless a restored spelling is clearly more frequent (:data:`MARGIN`)."""
        lowered = token.lower()
        own = self.score(lowered)
        slots = [_CONFUSIONS.get(ch, (ch,)) for ch in lowered.replace("éa", "é")]
        best = self._best(itertools.product(*slots))
        if best is None:
            return lowered if own is not None else self._compound(lowered)
        if own is not None and best[1] != lowered and best[0] < own + MARGIN:
            return lowered
        return best[1]

    def _compound(self, token: str) -> str | None:
        """A compound of a known word and a restorable one (``stadsdelsomradet`` → ``stadsdelsområdet``)."""
        for cut in range(len(token) - 3, 2, -1):
            head, tail = token[:cut], token[cut:]
            if not self.known(head) and not (head.endswith("s") and self.known(head[:-1])):
                continue
            slots = [_CONFUSIONS.get(ch, (ch,)) for ch in tail.replace("éa", "é")]
            best = self._best(itertools.product(*slots))
            if best is not None:
                return head + best[1]
        return None


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def restore(text: str, lexicon: Lexicon) -> str:
    """``text`` with each scanned word replaced by the known Swedish word it stands for, if there is one.

    >>> lex = Lexicon(["Färdplan för ett Stockholm för alla", "Svenska Bostäder"])
    >>> restore("Syftet med fardplanen &r att 6ka", lex)
    'Syftet med färdplanen är att öka'
    >>> restore("Svenska Bostéder och kulturférvaltningen pd remiss", lex)
    'Svenska Bostäder och kulturförvaltningen på remiss'
    >>> restore("Forvaltningen har inget att erinra", lex)  # "har" is a word as it stands, not "här"
    'Förvaltningen har inget att erinra'
    """

    def one(match: re.Match) -> str:
        token = match.group(0)
        if token.isdigit():
            return token
        word = lexicon.spell(token)
        if word is None or word == token.lower():
            return token
        return _cased(word, token)

    return _WORD.sub(one, text)
