"""A restored reading of OCR'd Swedish: å, ä and ö put back where the scan lost them, for people to read.

The raw text stays the source that provenance points into; this only makes a *reading* to show beside it,
always marked as restored. A word is restored when its skeleton — the word folded (case and diacritics
dropped) after the scan's recurring confusions are undone ("6" and "&" for ö and ä, "é" and "éa" for ä or ö,
"d" for ä, å or ö) — is the skeleton of a known Swedish word: the words of the graph's own Swedish labels and
reasons plus :data:`COMMON_WORDS`. Anything else is left exactly as scanned.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

from .text import fold

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


class Lexicon:
    """Known Swedish words by skeleton: the most frequent spelling of each folded form."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        counts: Counter[str] = Counter()
        for text in itertools.chain(COMMON_WORDS, PLAIN_WORDS, texts):
            counts.update(w for w in _WORD.findall(text.lower()) if not w.isdigit() and "&" not in w)
        self.words = frozenset(counts)
        self.by_skeleton: dict[str, str] = {}
        for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            self.by_skeleton.setdefault(fold(word), word)

    def spell(self, token: str) -> str | None:
        """The known spelling of an OCR'd ``token`` (lower case), or ``None`` when no known word fits."""
        lowered = token.lower()
        if lowered in self.words:
            return lowered
        lowered = lowered.replace("éa", "é")
        slots = [_CONFUSIONS.get(ch, (ch,)) for ch in lowered]
        variants = itertools.islice(itertools.product(*slots), _MAX_VARIANTS)
        for variant in variants:
            word = self.by_skeleton.get(fold("".join(variant)))
            if word is not None:
                return word
        return self._compound(token)

    def _compound(self, token: str) -> str | None:
        """A compound of two known words (``stadsdelsomradet`` → ``stadsdelsområdet``), the first part longest."""
        for cut in range(len(token) - 3, 2, -1):
            head, tail = token[:cut].lower(), token[cut:]
            if head not in self.words and not (head.endswith("s") and head[:-1] in self.words):
                continue
            rest = self.spell_simple(tail)
            if rest is not None:
                return head + rest
        return None

    def spell_simple(self, token: str) -> str | None:
        """:meth:`spell` without compounds."""
        lowered = token.lower()
        if lowered in self.words:
            return lowered
        slots = [_CONFUSIONS.get(ch, (ch,)) for ch in lowered.replace("éa", "é")]
        for variant in itertools.islice(itertools.product(*slots), _MAX_VARIANTS):
            word = self.by_skeleton.get(fold("".join(variant)))
            if word is not None:
                return word
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
