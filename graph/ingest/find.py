"""Finding what a reply names: goal areas, strategies, organisations and projects, each mention a raw span.

Words are compared by their repaired reading, folded (case and diacritics dropped), so "férvaltningen" and
"Förvaltningen" are one word. In order, each later rule leaving alone what an earlier one found:

1. **The graph's own names** (``label``, ``alias``): the Swedish labels and aliases of the store's goal areas,
   projects and organisations, word by word; the last word may be inflected ("stadsdelsnämnder" for
   *Stadsdelsnämnderna*) and a long word may differ by a letter or two (the scan's dropped letters).
2. **Strategies by their wording** (``wording``, fuzzy): a stretch of text whose words read like a strategy's
   label (:data:`WORDING_MIN` of its words, in order); **by numbering** (``numbering``): "strategi III" or
   "DT.VI" in the text, the goal area taken from the heading above when the text gives none.
3. **New candidates by Swedish patterns**: a word ending like an organisation (``pattern:förvaltningen``,
   ``pattern:nämnden``, …: -förvaltningen, -nämnden, -kontoret, -rådet, -fonden, -myndigheten, …),
   "avdelningen för …" (``pattern:avdelningen``), the members of a list after "i samverkan med", "tillsammans
   med", "i samarbete med" or "på uppdrag av" (``pattern:i samverkan med``), and names after "projektet",
   "projekten", "satsningen", "insatsen" or ending in -modellen, -gruppen, -teamet (``pattern:projektet``).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.ingest.model import Span
from graph.ingest.passages import GOAL_HEADING
from graph.queries import internal
from graph.store import Solutions, Store
from graph.vocab.kinds import classify
from graph.vocab.notation import normalize_notation
from graph.vocab.restore import Lexicon
from graph.vocab.text import fold

__all__ = ["Known", "Mention", "Token", "WORDING_MIN", "find_mentions", "known_nodes", "org_type", "tokens"]

WORDING_MIN = 0.8  # share of a strategy label's words a stretch of text must read like
FUZZY_MIN = 0.84  # difflib ratio at which two long words are one (a letter or two lost or misread)
INFLECTIONS = ("", "s", "n", "t", "en", "et", "na", "erna", "arna", "er", "ar", "or", "ns", "ens", "ets", "e")
_WORD = re.compile(r"[\wé&|]+(?:-[\wé]+)*-?", re.UNICODE)
_TYPE_ORDER = ("AdministrativeUnit", "Administration", "Committee", "MunicipalCompany", "Authority", "Commission",
               "AdvisoryBody", "CivilSocietyGroup", "Fund", "Municipality", "ActorGroup", "Project", "Strategy",
               "GoalArea")

# Word endings that make a word an organisation's name, with the curation type the new node gets.
ORG_SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("förvaltningen", "Administration", "förvaltningen"), ("förvaltning", "Administration", "förvaltningen"),
    ("kontoret", "Administration", "kontoret"), ("nämnden", "Committee", "nämnden"),
    ("styrelsen", "Committee", "styrelsen"), ("rådet", "AdvisoryBody", "rådet"),
    ("fonden", "Fund", "fonden"), ("myndigheten", "Authority", "myndigheten"),
    ("länsstyrelsen", "Authority", "myndigheten"), ("förmedlingen", "Authority", "myndigheten"),
    ("polisen", "Authority", "myndigheten"), ("regionen", "Authority", "myndigheten"),
    ("förbundet", "CivilSocietyGroup", "förbundet"), ("föreningen", "CivilSocietyGroup", "föreningen"),
    ("församlingen", "CivilSocietyGroup", "föreningen"), ("stiftelsen", "CivilSocietyGroup", "föreningen"),
    ("bolaget", "MunicipalCompany", "bolaget"), ("enheten", "AdministrativeUnit", "enheten"),
    ("kommissionen", "Commission", "kommissionen"), ("delegationen", "Commission", "kommissionen"),
    ("nämnderna", "ActorGroup", "nämnderna"), ("nämnder", "ActorGroup", "nämnderna"),
    ("förvaltningarna", "ActorGroup", "nämnderna"), ("styrelser", "ActorGroup", "nämnderna"),
    ("råd", "AdvisoryBody", "rådet"), ("biblioteket", "AdministrativeUnit", "biblioteket"),
    ("bibliotek", "AdministrativeUnit", "biblioteket"),
)
_SUFFIX_WORDS = tuple(suffix for suffix, _, _ in ORG_SUFFIXES)
# Ending words that name an organisation on their own ("Förvaltningen har …": the reply's writer).
BARE_ORGS = ("förvaltningen", "nämnden", "styrelsen", "kommissionen", "polisen", "länsstyrelsen", "regionen",
             "socialtjänsten", "kommunen")
# "målområdet" ends in "rådet" but is no council
NOT_ORG_ENDINGS = ("området", "områden", "byråkratin", "samråd", "förråd", "utråd")
RUN_ACTIVE = frozenset({"bedriver", "driver", "genomfor", "genomfora", "erbjuder", "leder", "startar", "startat",
                        "startade", "drev", "bedrev", "genomforde", "genomfort", "infort", "inforde", "inlett",
                        "inleder", "inledde", "anordnar", "anordnade", "arrangerar", "driva", "bedriva"})
RUN_PASSIVE = frozenset({"bedrivs", "drivs", "erbjuds", "genomfors", "leds", "startades", "genomfordes", "bedrevs"})
SUBJECT_REACH = 5  # words an active verb's subject may stand before it ("Förvaltningen har också redan startat")
ADVERBS = {"darfor", "ocksa", "aven", "redan", "nu", "dessutom", "sedan", "idag", "fortfarande", "tillsammans",
            "bland", "annat", "aktivt", "framgangsrikt", "sjalv", "sjalva"}
_DETERMINERS = {"en", "ett", "olika", "flera", "manga", "det", "den", "de", "sina", "sitt", "sin", "vart", "var",
                "vara", "denna", "detta", "dessa", "nagra", "arbete", "arbetet", "insatser", "att"}
PROJECT_WORDS = ("projektet", "projekten", "satsningen", "satsningarna", "insatsen", "programmet", "initiativet",
                 "modellen")
PROJECT_SUFFIXES = ("modellen", "gruppen", "teamet", "team", "projektet", "satsningen", "programmet")
PARTNER_CUES = (("i", "samverkan", "med"), ("i", "samarbete", "med"), ("tillsammans", "med"),
                ("i", "samrad", "med"), ("pa", "uppdrag", "av"), ("samverkar", "med"), ("samarbetar", "med"))
_LIST_STOP = {"for", "som", "att", "tagit", "har", "i", "inom", "pa", "med", "vilket", "da", "nar", "men",
              "till", "om", "av", "genom", "under", "efter", "kring", "utifran", "mot", "sa"}
# Words that make a list member no one in particular ("andra aktörer", "interna såväl som externa")
_GENERIC = {"andra", "aktorer", "aktor", "interna", "externa", "internt", "externt", "saval", "flera", "olika",
            "alla", "varandra", "oss", "dem", "dessa", "staden", "det", "den", "parter", "partner", "berorda",
            "ovriga", "fler", "manga", "varierande", "vi", "ni", "de"}


@dataclass(frozen=True)
class Token:
    """A word of the raw text: its offsets, the raw characters, and ``key``, its repaired reading folded."""

    start: int
    end: int
    raw: str
    key: str
    word: str = ""  # the repaired reading, lower case, diacritics kept
    known: bool = False  # whether the word list knows the repaired reading (then it is no OCR garble)


@dataclass(frozen=True)
class Known:
    """A node of the graph a reply may name: IRI, explorer kind, most specific type, label, notation, names."""

    iri: str
    kind: str
    type: str | None
    label: str
    notation: str
    names: tuple[tuple[str, str], ...]  # (Swedish name, "label" | "alias")


@dataclass
class Mention:
    """One place the text names something: token range, and what it names (a known node, or a new candidate)."""

    first: int
    last: int  # inclusive token index
    kind: str
    label: str
    found_by: str
    confidence: float
    iri: str | None = None
    type: str | None = None
    notes: dict = field(default_factory=dict)


def tokens(raw: str, lexicon: Lexicon) -> list[Token]:
    """The words of ``raw`` with their folded repaired readings."""
    found = []
    for match in _WORD.finditer(raw):
        word = match.group(0)
        trail = word.endswith("-")
        core = word.rstrip("-")
        if core in ("|",):
            word = "i"
        else:
            word = "-".join(p.lower() if p.isdigit() else (lexicon.spell(p) or p.lower()) for p in core.split("-"))
        end = match.end() - (1 if trail else 0)
        if not lexicon.known(word):
            word = _suffix_restored(word)
        found.append(Token(match.start(), end, raw[match.start():end], fold(word), word,
                           lexicon.known(word) and not lexicon.known(fold(word)) or word.isdigit()
                           or lexicon.known(word) and fold(word) == word))
    return found


def _suffix_restored(word: str) -> str:
    """An unknown compound whose tail reads, folded, like an organisation's ending gets that ending's Swedish
    spelling ("pensionarsrad" → "pensionarsråd"; "funktionshinderärad", with an "ä" the repair put in, →
    "funktionshinderråd"): the word list rarely knows such compounds, but their last part is a known word."""
    for suffix, _, _ in ORG_SUFFIXES:
        plain = fold(suffix)
        if plain != suffix and len(word) >= len(suffix) + 4:
            for tail in ("ä" + plain, plain) if plain.startswith("ra") else (plain,):
                if fold(word).endswith(fold(tail)) and word.endswith(tail):
                    return word[:-len(tail)] + suffix
    return word


def known_nodes(store: Store) -> list[Known]:
    """The store's goal areas, strategies, projects and organisations with their Swedish names."""
    answer = store.query(internal("ingest_nodes").text)
    assert isinstance(answer, Solutions)
    rows: dict[str, dict] = {}
    for node, cls, notation, label, alt in answer.rows:
        entry = rows.setdefault(node.value, {"classes": set(), "notation": "", "label": "", "alts": set()})
        entry["classes"].add(cls.value)
        if notation is not None:
            entry["notation"] = notation.value
        if label is not None:
            entry["label"] = label.value
        if alt is not None:
            entry["alts"].add(alt.value)
    found = []
    for iri, entry in rows.items():
        kind = classify(entry["classes"])
        if kind is None or kind.name not in ("goal", "strategy", "project", "organisation"):
            continue
        locals_ = {c.rsplit("#", 1)[-1] for c in entry["classes"]}
        kind_type = next((t for t in _TYPE_ORDER if t in locals_), None)
        label = entry["label"] or iri.rsplit("/", 1)[-1]
        names = [(label, "label")] + [(a, "alias") for a in sorted(entry["alts"])]
        found.append(Known(iri, kind.name, kind_type, label, entry["notation"], tuple(names)))
    return sorted(found, key=lambda k: k.iri)


def _name_keys(name: str, lexicon: Lexicon) -> list[tuple[str, ...]]:
    variants = {name, re.sub(r"\s*\([^)]*\)", "", name)}
    keys = []
    for variant in variants:
        words = [fold(w) for w in re.findall(r"[\w]+(?:-[\w]+)*", variant)]
        if words:
            keys.append(tuple(words))
    return keys


def _same_word(text: str, name: str, last: bool, garbled: bool = True) -> bool:
    if text == name:
        return True
    if last and len(name) >= 4 and text.startswith(name) and text[len(name):] in INFLECTIONS:
        return True
    if last and len(text) >= 4 and name.startswith(text) and name[len(text):] in INFLECTIONS:
        return True
    if garbled and min(len(text), len(name)) >= 7 and text[:2] == name[:2]:
        return difflib.SequenceMatcher(None, text, name).ratio() >= FUZZY_MIN
    return False


def _match_at(words: list[Token], i: int, name: tuple[str, ...]) -> bool:
    if i + len(name) > len(words):
        return False
    return all(_same_word(words[i + j].key, w, j == len(name) - 1, not words[i + j].known)
               for j, w in enumerate(name))


def _span_of(words: list[Token], first: int, last: int, raw: str) -> tuple[int, int]:
    return words[first].start, words[last].end


def _strategy_wording(words: list[Token], strategies: list[Known], lexicon: Lexicon) -> list[Mention]:
    """Stretches of text that read like a strategy's label (fuzzy, words in order)."""
    found: list[Mention] = []
    keys = [w.key for w in words]
    for node in strategies:
        label = next((n for n, how in node.names if how == "label"), node.label)
        target = [fold(w) for w in re.findall(r"\w+", label)]
        if len(target) < 3:
            continue
        n = len(target)
        # a stretch may begin at any of the label's first words, inflected ("staden som arbetsgivare …" for
        # "Stockholms stad som arbetsgivare …")
        anchors = {j for j, k in enumerate(keys) if any(_same_word(k, t, True, False) or _same_word(k, t, False)
                                                        for t in target[:2])}
        for j in sorted(anchors):
            window = keys[j:j + n + 2]
            matcher = difflib.SequenceMatcher(None, target, window, autojunk=False)
            blocks = matcher.get_matching_blocks()
            same = sum(b.size for b in blocks)
            # words that differ by OCR only count as one half
            near = 0.0
            for tag, a0, a1, b0, b1 in matcher.get_opcodes():
                if tag == "replace":  # each label word of the block read like some word of the text's block
                    unused = list(window[b0:b1])
                    for x in target[a0:a1]:
                        y = next((y for y in unused if _same_word(y, x, True)), None)
                        if y is not None:
                            unused.remove(y)
                            near += 0.75
            score = (same + near) / n
            if score >= WORDING_MIN:
                last_b = max((b.b + b.size for b in blocks if b.size), default=1) - 1
                end = min(j + last_b, len(words) - 1)
                found.append(Mention(j, end, "strategy", node.label, "wording", min(1.0, 0.5 + score / 2),
                                     node.iri, "Strategy", {"score": score}))
    return found


_NOTATION = re.compile(r"\b(UU|AF|BS|DT)[ .]?([IVX]{1,4}|[1-6])\b")
# "strategi III", "strategi |" (the scan's I), "strategi nr 4"; the goal area is the heading's
_STRATEGY_NUMBER = re.compile(r"\b[Ss]trategi(?:n|erna)?\s+(?:nummer\s+|nr\.?\s*)?([IVXl|]{1,4}|[1-6])(?=[\s,.;:)]|$)")


def _numbering(raw: str, words: list[Token], strategies: list[Known], goal_at) -> list[Mention]:
    by_notation = {k.notation: k for k in strategies if k.notation}
    found = []
    starts = [w.start for w in words]

    def index_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    for match in _NOTATION.finditer(raw):
        notation = normalize_notation(f"{match.group(1)}.{match.group(2)}")
        node = by_notation.get(notation)
        if node:
            found.append(Mention(index_of(match.start()), index_of(match.end() - 1), "strategy", node.label,
                                 "numbering", 0.95, node.iri, "Strategy"))
    for match in _STRATEGY_NUMBER.finditer(raw):
        goal = goal_at(match.start())
        if goal is None:
            continue
        number = match.group(1).replace("|", "I").replace("l", "I")
        node = by_notation.get(normalize_notation(f"{goal}.{number}") or "")
        if node:
            found.append(Mention(index_of(match.start()), index_of(match.end() - 1), "strategy", node.label,
                                 "numbering", 0.8, node.iri, "Strategy"))
    return found


def _cased_label(raw: str, words: list[Token], first: int, last: int, read) -> str:
    """The restored reading of words ``first`` to ``last``, white space made single, first letter capital."""
    text = read(" ".join(raw[words[first].start:words[last].end].split()))
    head, _, tail = text.rpartition(" ")
    if fold(tail) != words[last].key and words[last].word and fold(words[last].word) == words[last].key \
            and fold(tail)[:4] == words[last].key[:4]:  # the token's reading knows the compound's tail better
        text = (head + " " if head else "") + words[last].word
    return text[:1].upper() + text[1:]


def org_type(word: str) -> str | None:
    """The curation type an organisation named by a word ending like ``word`` gets (``None``: no such ending)."""
    hit = _org_suffix(word)
    return hit[0] if hit else None


def _org_suffix(word: str, alone: bool = True) -> tuple[str, str] | None:
    """The curation type and rule of an organisation's name ending like ``word`` (its repaired reading); with
    ``alone`` the ending word itself ("rådet") counts only where it names one on its own ("Förvaltningen")."""
    if word.endswith(NOT_ORG_ENDINGS):
        return None
    for suffix, kind_type, rule in ORG_SUFFIXES:
        if word.endswith(suffix) and (word != suffix or not alone or suffix in BARE_ORGS):
            return kind_type, rule
    return None


def _patterns(raw: str, words: list[Token], taken: set[int], read, known_word,
              known: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    keys = [w.key for w in words]

    def known_before(i: int) -> list[Mention]:
        """The mentions found so far in the sentence of word ``i``, before it."""
        start = i
        while start > 0 and not _sentence_start(raw, words, start):
            start -= 1
        return [m for m in (*known, *found) if start <= m.first and m.last < i]

    def free(first: int, last: int) -> bool:
        return not any(i in taken for i in range(first, last + 1))

    # 1. organisation words by their ending, with the capitalised words just before
    for i, token in enumerate(words):
        hit = _org_suffix(token.word)
        if hit is None and free(i, i):  # a group word on its own is someone's: "stadens nämnder"
            alone = _org_suffix(token.word, alone=False)
            if alone is not None and _group_owner(raw, words, i, alone[0]) is not None:
                hit = alone
            elif alone is not None and i > 0 and words[i - 1].raw[:1].isupper() and words[i - 1].key.endswith("s") \
                    and len(words[i - 1].key) > 4 and free(i - 1, i - 1) \
                    and not set(_between(raw, words, i - 1, i)) & set(",.;:()"):
                hit = alone  # a capitalised genitive owns it: "Skärholmens bibliotek"
        if hit and free(i, i):
            first = i
            while first > 0 and words[first - 1].raw[:1].isupper() and keys[first - 1] not in _LIST_STOP \
                    and free(first - 1, first - 1) and i - first < 3 and not _sentence_start(raw, words, first):
                first -= 1
            last = i
            while last + 1 < len(words) and words[last + 1].raw[:1].isupper() and last - i < 2 \
                    and not _sentence_start(raw, words, last + 1) and free(last + 1, last + 1) \
                    and not set(_between(raw, words, last, last + 1)) & set(",.;:()\n"):
                last += 1  # "Studieförbundet Vuxenskolan"
            label = _cased_label(raw, words, first, last, read)
            owner = _group_owner(raw, words, first, hit[0])
            if owner is not None:  # "stadens nämnder och bolagsstyrelser": the city's, both of them
                label = owner[:1].upper() + owner[1:] + " " + label[:1].lower() + label[1:]
            found.append(Mention(first, last, "organisation", label, f"pattern:{hit[1]}", 0.6, None, hit[0]))
    # 1b. a body named by adjectives before a bare ending word, after "det"/"den" or a genitive: "det lokala
    #     brottsförebyggande rådet", "stadsdelens brottsförebyggande råd"
    for i, token in enumerate(words):
        if token.key not in _BODY_KEYS or not free(i, i) or i < 2:
            continue
        first = i
        while first - 1 > 0 and i - first < 3 and _adjective(words[first - 1]) and free(first - 1, first - 1) \
                and not set(_between(raw, words, first - 1, first)) & set(",.;:()"):
            first -= 1
        if first == i or set(_between(raw, words, first - 1, first)) & set(",.;:()"):
            continue
        before = words[first - 1]
        if before.key in ("det", "den", "ett", "en") or (before.key.endswith(("ens", "ets")) and free(
                first - 1, first - 1) and before.raw[:1].islower() and len(before.key) > 4):
            if before.key not in ("det", "den", "ett", "en"):
                first -= 1  # the genitive is part of the name: "Stadsdelens brottsförebyggande råd"
            spelled = next(w for w in BODY_WORDS if fold(w) == token.key)  # "rad" as the scan has it: "råd"
            hit = _org_suffix(spelled, alone=False)
            label = _cased_label(raw, words, first, i, read).rsplit(" ", 1)[0] + " " + spelled
            found.append(Mention(first, i, "organisation", label,
                                 f"pattern:{hit[1] if hit else token.word}", 0.6, None,
                                 hit[0] if hit else "AdministrativeUnit"))
    # 2. "avdelningen för …" up to a comma, "samt", "och inom" or the end of the sentence
    for i, key in enumerate(keys):
        if key in ("avdelningen", "enheten", "sektionen") and i + 2 < len(words) and keys[i + 1] in ("for", "fr"):
            last = i + 1
            j = i + 2
            ands = 0
            while j < len(words) and j - i < 8 and keys[j] not in ("samt", "inom", "som", "har", "i") \
                    and keys[j] not in RUN_ACTIVE and not keys[j].startswith("arbeta") \
                    and "," not in _between(raw, words, j - 1, j) and "." not in _between(raw, words, j - 1, j):
                ands += keys[j] == "och"
                if ands > 1 or (keys[j] == "och" and j + 1 < len(words) and keys[j + 1] == key):
                    break
                if keys[j] == "och" and not _one_word_conjunct(raw, words, j):
                    break  # "avdelningen för social omsorg och möter unga …": "och" begins a new clause
                last = j
                j += 1
            if keys[last] == "och":
                last -= 1
            if last > i + 1 and free(i, last):
                found.append(Mention(i, last, "organisation", _cased_label(raw, words, i, last, read),
                                     "pattern:avdelningen", 0.7, None, "AdministrativeUnit"))
    # 3. the members of a list after "i samverkan med", "tillsammans med", …
    for i in range(len(keys)):
        for cue in PARTNER_CUES:
            if tuple(keys[i:i + len(cue)]) == cue:
                for first, last in _list_items(raw, words, i + len(cue)):
                    if not free(first, last):
                        continue
                    phrase = " ".join(keys[first:last + 1])
                    if any(k in _GENERIC for k in keys[first:last + 1]) or len(phrase) < 4:
                        continue
                    hit = _org_suffix(words[last].word, alone=first == last)
                    kind_type = hit[0] if hit else ("ActorGroup" if keys[last].endswith(("er", "or", "ar"))
                                                    else "CivilSocietyGroup" if "forening" in phrase
                                                    else "ActorGroup")
                    found.append(Mention(first, last, "organisation", _cased_label(raw, words, first, last, read),
                                         "pattern:i samverkan med", 0.55, None, kind_type))
    # 4. projects: after "projektet", "projekten", …, and capitalised names ending in -modellen, -gruppen, …
    for i, key in enumerate(keys):
        if key in PROJECT_WORDS:
            j = i + 1
            while j < len(words):
                if not _capital(words[j]):
                    break
                last = j
                while last + 1 < len(words) and words[last + 1].raw[:1].isupper() and last - j < 3 \
                        and not set(_between(raw, words, last, last + 1)) & set("(,.;:"):
                    last += 1
                if last + 2 < len(words) and keys[last + 1] == "for" and not set(
                        _between(raw, words, last, last + 2)) & set("(,.;:") and keys[last + 2] not in _LIST_STOP \
                        and keys[last + 2] not in ("att", "sig", "oss", "barn", "unga", "tillsammans"):
                    last += 2  # "Språkstart för föräldrar", "Lovaktiviteter för alla"
                while last + 1 < len(words) and words[last + 1].raw[:1].islower() and last - j < 4 \
                        and keys[last + 1] not in ("och", "samt", "med", "som", "for", "i", "pa", "har", "ar") \
                        and keys[last + 1] not in ADVERBS and keys[last + 1] not in RUN_PASSIVE \
                        and not set(_between(raw, words, last, last + 1)) & set("(,.;:"):
                    last += 1
                if last + 2 < len(words) and keys[last + 1] in ("pa", "i", "for", "med") \
                        and words[last + 2].raw[:1].islower() and words[last + 2].key.isalpha() \
                        and keys[last + 2] not in _LIST_STOP and keys[last + 2] not in _DETERMINERS \
                        and keys[last + 2] not in ("samverkan", "samarbete", "samrad") \
                        and not set(_between(raw, words, last, last + 2)) & set("(,.;:") \
                        and _phrase_ends(raw, words, last + 2):
                    last += 2  # "projektet Öppen förskola på väg tillsammans med …"
                if free(j, last):
                    found.append(Mention(j, last, "project", _cased_label(raw, words, j, last, read),
                                         "pattern:projektet", 0.7, None, "Project"))
                k = last + 1
                gap = _between(raw, words, last, k) if k < len(words) else ""
                if "(" in gap:
                    while k < len(words) and ")" not in _between(raw, words, k - 1, k) and k - last < 12:
                        k += 1
                if k < len(words) and keys[k] in ("och", "samt"):
                    j = k + 1
                    continue
                break
    for i, key in enumerate(keys):
        if key in PROJECT_SUFFIXES or key in PROJECT_WORDS:
            continue
        if key.endswith(PROJECT_SUFFIXES) and len(key) > 8 and words[i].raw[:1].isupper() and free(i, i):
            first = i
            if i > 0 and words[i - 1].raw[:1].isupper() and not _sentence_start(raw, words, i) and free(i - 1, i - 1):
                first = i - 1
            found.append(Mention(first, i, "project", _cased_label(raw, words, first, i, read),
                                 "pattern:projektet", 0.6, None, "Project"))
        elif key.endswith(PROJECT_SUFFIXES) and len(key) > 8 and i > 0 and words[i - 1].raw[:1].isupper() \
                and not _sentence_start(raw, words, i) and free(i - 1, i):
            found.append(Mention(i - 1, i, "project", _cased_label(raw, words, i - 1, i, read),
                                 "pattern:projektet", 0.6, None, "Project"))
    # 5. what is run: the words after an active verb of running ("genomföra trygghetsåtgärder"), after a passive
    #    one and "i form av" ("bedrivs i form av lokalt områdesarbete"), or before "som" and a passive one
    #    ("Fritidsutbudet som erbjuds")
    for i, key in enumerate(keys):
        first = last = None
        if key in RUN_ACTIVE or (key in RUN_PASSIVE and tuple(keys[i + 1:i + 4]) == ("i", "form", "av")):
            first = i + (4 if key in RUN_PASSIVE else 1)
            while first < len(words) and (keys[first] in ADVERBS or not free(first, first)
                                          or keys[first] == "varje" or keys[first - 1] == "varje"):
                first += 1  # "driver därför …", "driver förvaltningen Familjecentralen …", "varje höst"
            if first >= len(words) or keys[first] in PROJECT_WORDS:
                continue
            if key in RUN_ACTIVE and not any(m.kind == "organisation" and i - m.last <= SUBJECT_REACH
                                             for m in known_before(i)) and not any(
                    m.kind == "organisation" and m.first in (i + 1, i + 2) for m in known):
                continue  # an active verb needs an organisation as its subject ("ungdomar driver företag": no)
            last = first
            while last + 1 < len(words) and last - first < 2 and keys[last + 1] not in _LIST_STOP \
                    and keys[last + 1] not in ADVERBS \
                    and keys[last + 1] not in ("och", "samt") and not set(_between(raw, words, last, last + 1)) \
                    & set(",.;:()"):
                last += 1
            while last == first and last + 2 < len(words) and keys[last + 1] == "i" \
                    and words[last + 2].raw[:1].isupper() \
                    and not set(_between(raw, words, last, last + 2)) & set(",.;:()"):
                last += 2  # "trygghetsvandringar i Skärholmens centrum": a place is part of the name
                if last + 1 < len(words) and words[last + 1].raw[:1].islower() and keys[last + 1] not in _LIST_STOP \
                        and keys[last + 1] not in ("och", "samt") and keys[last + 1] not in ADVERBS \
                        and not set(_between(raw, words, last, last + 1)) & set(",.;:()"):
                    last += 1
        elif key in RUN_PASSIVE and i >= 2 and keys[i - 1] == "som":
            first = last = i - 2
        if first is None or last is None or first >= len(words) or not free(first, last):
            continue
        if keys[first] in _GENERIC or keys[first] in _DETERMINERS or keys[first] in _LIST_STOP or any(
                m.first <= first <= m.last for m in found) or not words[last].key.isalpha():
            continue
        found.append(Mention(first, last, "project", _cased_label(raw, words, first, last, read), "pattern:bedriver",
                             0.45, None, "Project"))
    # 6. "X är ett projekt", "X är en satsning": the capitalised words before
    for i in range(1, len(words) - 2):
        if keys[i] == "ar" and keys[i + 1] in ("ett", "en") and keys[i + 2] in ("projekt", "satsning", "insats",
                                                                                  "initiativ", "program"):
            last = i - 1
            first = last
            while first > 0 and words[first - 1].raw[:1].isupper() and last - first < 3 \
                    and not _sentence_start(raw, words, first) and not set(_between(raw, words, first - 1, first)) \
                    & set(",.;:"):
                first -= 1
            if first >= 2 and keys[first - 1] in ("i", "pa") and _capital(words[first - 2]) \
                    and not _sentence_start(raw, words, first - 1) and not _sentence_start(raw, words, first) \
                    and not set(_between(raw, words, first - 2, first)) & set(",.;:"):
                first -= 2  # "Sommarfritids i Hässelby är ett projekt": a place is part of the name
            if words[first].raw[:1].isupper() and free(first, last):
                found.append(Mention(first, last, "project", _cased_label(raw, words, first, last, read),
                                     "pattern:projektet", 0.7, None, "Project"))
    # 7. a capitalised word inside a sentence that is no Swedish word: a name; a project unless it is named
    #    as an organisation above
    for i, token in enumerate(words):
        if token.raw[:1].isupper() and len(token.key) >= 6 and not _sentence_start(raw, words, i) and free(i, i) \
                and not known_word(token.word) and not known_word(token.raw.lower()) and token.key.isalpha() \
                and not any(m.first <= i <= m.last for m in found):
            found.append(Mention(i, i, "project", _cased_label(raw, words, i, i, read), "pattern:namn", 0.4, None,
                                 "Project"))
    return found


BODY_WORDS = ("rådet", "råd", "nämnden", "gruppen", "enheten", "nätverket", "forumet")  # bodies named by adjectives
_BODY_KEYS = frozenset(fold(w) for w in BODY_WORDS)
_ADJECTIVE_ENDINGS = ("ande", "ende", "iga", "liga", "ska", "ala", "ella", "lokala", "gemensamma")


def _adjective(token: Token) -> bool:
    """Whether ``token`` reads like an attributive adjective ("lokala", "brottsförebyggande", "sociala")."""
    return token.raw[:1].islower() and token.key.isalpha() and len(token.key) >= 5 \
        and token.key.endswith(_ADJECTIVE_ENDINGS) and token.key not in _LIST_STOP


def _capital(token: Token) -> bool:
    """Whether ``token`` begins with a capital as written or as scanned: the scan writes a word-initial Ö as
    "6" ("6ppen förskola" for *Öppen förskola*)."""
    return token.raw[:1].isupper() or (token.raw[:1] == "6" and token.key[:1] == "o" and token.key.isalpha())


def _phrase_ends(raw: str, words: list[Token], j: int) -> bool:
    """Whether a name's phrase can end at word ``j``: punctuation, the text's end, or a word that begins what
    follows a name ("tillsammans med", "och", "som", a verb of running, "är")."""
    if j + 1 >= len(words) or set(_between(raw, words, j, j + 1)) & set(",.;:()"):
        return True
    after = words[j + 1].key
    return after in ("tillsammans", "och", "samt", "som", "ar", "har", "ska") or after in RUN_ACTIVE \
        or after in RUN_PASSIVE or tuple(w.key for w in words[j + 1:j + 3]) in (("i", "samverkan"),
                                                                                ("i", "samarbete"))


def _one_word_conjunct(raw: str, words: list[Token], j: int) -> bool:
    """Whether the "och" at word ``j`` joins one more word to a unit's name ("avdelningen för förskola och
    fritid"): that word must end the phrase (punctuation, the text's end, or a function word after it)."""
    if j + 1 >= len(words):
        return False
    if j + 2 >= len(words) or set(_between(raw, words, j + 1, j + 2)) & set(",.;:()"):
        return True
    after = words[j + 2].key
    return after in _LIST_STOP or after in ("och", "samt", "ar", "ska", "kan", "bor") or after in RUN_ACTIVE \
        or after in ADVERBS


GROUP_OWNERS = ("stadens", "kommunens", "regionens")  # genitives that make a group of bodies someone's


def _group_owner(raw: str, words: list[Token], first: int, kind_type: str) -> str | None:
    """The owner a group of bodies ("nämnder", "bolagsstyrelser": ``ActorGroup``) starting at word ``first``
    belongs to: "stadens nämnder", or the second of a pair "stadens nämnder och bolagsstyrelser" (the
    genitive governs both); ``None`` when there is none."""
    if kind_type != "ActorGroup" or first == 0:
        return None
    before = words[first - 1]
    if before.key in GROUP_OWNERS and not set(_between(raw, words, first - 1, first)) & set(",.;:"):
        return before.word
    if before.key in ("och", "samt") and first >= 3 and words[first - 3].key in GROUP_OWNERS \
            and _org_suffix(words[first - 2].word, alone=False) \
            and _org_suffix(words[first - 2].word, alone=False)[0] == "ActorGroup" \
            and not set(raw[words[first - 3].end:words[first].start]) & set(",.;:"):
        return words[first - 3].word
    return None


def _between(raw: str, words: list[Token], a: int, b: int) -> str:
    """The raw characters between word ``a`` and word ``b``."""
    return raw[words[a].end:words[b].start]


def _sentence_start(raw: str, words: list[Token], i: int) -> bool:
    """Whether word ``i`` begins a sentence or a line after a blank line (its capital says nothing then)."""
    if i == 0:
        return True
    gap = _between(raw, words, i - 1, i)
    return any(ch in gap for ch in ".!?:") or gap.count("\n") >= 2


def _list_items(raw: str, words: list[Token], i: int) -> Iterable[tuple[int, int]]:
    """The members of a list starting at token ``i``: split by commas, "och", "samt"; each at most 4 words."""
    keys = [w.key for w in words]
    first = i
    j = i
    while j < len(words) and j - i < 20:
        gap_after = _between(raw, words, j, j + 1) if j + 1 < len(words) else "."
        if keys[j] in ("och", "samt") and j > first:
            yield first, j - 1
            first = j + 1
        elif (keys[j] in _LIST_STOP or keys[j] in RUN_ACTIVE or keys[j] in PROJECT_WORDS) and j == first:
            return
        elif keys[j] in RUN_ACTIVE or keys[j] in RUN_PASSIVE or keys[j] in PROJECT_WORDS:
            yield first, j - 1
            return
        elif j > first and words[first].raw[:1].isupper() and words[j].raw[:1].islower() \
                and keys[j] not in ("och", "samt") and not words[j].word.endswith(_SUFFIX_WORDS):
            yield first, j - 1  # "Företagarna Stockholm Syd anordnar …": the name ends before the verb
            return
        elif _org_suffix(words[j].word):
            yield first, j
            if "," in gap_after:
                first = j = j + 1
                continue
            if j + 1 < len(words) and keys[j + 1] in ("och", "samt"):
                first = j = j + 2
                continue
            return
        elif keys[j] in _LIST_STOP:
            yield first, j - 1
            return
        elif any(ch in gap_after for ch in ".;:()") or j - first >= 3:
            yield first, j
            return
        elif "," in gap_after:
            yield first, j
            first = j + 1
        j += 1


def _goal_sections(raw: str, words: list[Token], goals: list[Known], headings: list[tuple[int, int, str]],
                   strategy_spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Where each goal area's section runs: from a heading that names it to the next heading that is not a
    strategy's wording; ``[(start, end, goal iri)]``."""
    sections = []
    names = [(k, key) for k in goals for n, _ in k.names for key in [tuple(fold(w) for w in re.findall(r"\w+", n))]]
    for index, (start, end, text) in enumerate(headings):
        key = tuple(fold(w) for w in re.findall(r"\w+", text))
        if GOAL_HEADING.match(text) or GOAL_HEADING.match(raw[start:end]):
            key = key[1:]
        goal = next((k for k, n in names if n and len(n) == len(key) and all(
            _same_word(a, b, True) for a, b in zip(key, n, strict=True))), None)
        if goal is None:
            continue
        stop = len(raw)
        for later_start, _, _ in headings[index + 1:]:
            if any(s <= later_start < e for s, e in strategy_spans):
                continue
            stop = later_start
            break
        sections.append((start, stop, goal.iri))
    return sections


def find_mentions(raw: str, words: list[Token], known: list[Known], lexicon: Lexicon, read,
                  headings: list[tuple[int, int, str]]) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """Every mention in ``raw`` (rules 1–3 of the module doc) and the goal-area sections
    ``[(start, end, goal iri)]``; ``headings`` are the heading passages ``(start, end, restored text)``."""
    named = [k for k in known if k.kind != "strategy"]
    strategies = [k for k in known if k.kind == "strategy"]
    index: dict[str, list[tuple[tuple[str, ...], Known, str]]] = {}
    for node in named:
        for name, how in node.names:
            for key in _name_keys(name, lexicon):
                index.setdefault(key[0][:2], []).append((key, node, how))
    mentions: list[Mention] = []
    taken: set[int] = set()
    i = 0
    while i < len(words):
        best = None
        for key, node, how in index.get(words[i].key[:2], ()):
            if (best is None or len(key) > len(best[0])) and _match_at(words, i, key) and (
                    how == "label" or _specific_alias(raw, words, i, key, node)):
                best = (key, node, how)
        if best:
            key, node, how = best
            last = i + len(key) - 1
            mentions.append(Mention(i, last, node.kind, node.label, how, 0.95 if how == "label" else 0.85,
                                    node.iri, node.type))
            taken.update(range(i, last + 1))
            i = last + 1
        else:
            i += 1
    wording = _strategy_wording(words, strategies, lexicon)
    strategy_spans = [(words[m.first].start, words[m.last].end) for m in wording]
    sections = _goal_sections(raw, words, [k for k in known if k.kind == "goal"], headings, strategy_spans)

    def goal_at(offset: int) -> str | None:
        for start, end, iri in sections:
            if start <= offset < end:
                return iri.rsplit("/", 1)[-1]
        return None

    # an alias inside a strategy's wording is the strategy's word ("… tillgängligt fritidsutbud för att nå fler
    # unga"), not a mention of the node
    inside = [m for m in mentions if m.found_by == "alias" and any(w.first <= m.first and m.last <= w.last
                                                                   for w in wording)]
    for m in inside:
        mentions.remove(m)
        taken.difference_update(range(m.first, m.last + 1))
    numbered = _numbering(raw, words, strategies, goal_at)
    for m in wording + numbered:
        mentions.append(m)
        taken.update(range(m.first, m.last + 1))
    patterns = _patterns(raw, words, taken, read, lexicon.known, mentions)
    mentions += _without_overlaps(patterns)
    mentions = _own_bodies(raw, words, mentions, read)
    mentions = _units(raw, words, mentions, read)
    mentions += _bare_projects(raw, words, mentions)
    mentions.sort(key=lambda m: (m.first, -m.last))
    return mentions, sections


ECHO_REACH = 3  # words between a one-word alias and the other word of its node's label that makes it specific
_LABEL_FILLER = {"och", "for", "i", "pa", "av", "med", "till", "ett", "en", "det", "den", "de", "som", "att"}


def _sentence_of(raw: str, words: list[Token], i: int, reach: int = 40) -> range:
    """The token range of the sentence word ``i`` stands in (at most ``reach`` words either side)."""
    first = i
    while first > 0 and i - first < reach and not _sentence_start(raw, words, first):
        first -= 1
    last = i
    while last + 1 < len(words) and last - i < reach and not _sentence_start(raw, words, last + 1):
        last += 1
    return range(first, last + 1)


def _specific_alias(raw: str, words: list[Token], i: int, key: tuple[str, ...], node: Known) -> bool:
    """Whether a one-word alias ("Nämnder", "Staden", "Fritidsutbudet") at word ``i`` names ``node`` here: a
    common word alone says little, so it counts only capitalised inside a sentence, followed by "som" and a verb
    of running ("Fritidsutbudet som erbjuds …": something the text says is run), or next to another word of the
    node's label (within :data:`ECHO_REACH` words: "stadens bolagsstyrelser och nämnder" for *Stadens
    nämnder*). Longer aliases, the inflected form of a one-word label ("polis" for *Polisen*) and the reply's
    own bodies ("förvaltningen", "kommissionen": :data:`BARE_ORGS`, read by :func:`_own_bodies`) always count."""
    if len(key) > 1 or key[0] in {fold(b) for b in BARE_ORGS}:
        return True
    label = [fold(w) for w in re.findall(r"\w+", re.sub(r"\s*\([^)]*\)", "", node.label))]
    if len(label) == 1 and _same_word(key[0], label[0], True, False):
        return True
    if words[i].raw[:1].isupper() and not _sentence_start(raw, words, i):
        return True
    if i + 2 < len(words) and words[i + 1].key == "som" and words[i + 2].key in RUN_ACTIVE | RUN_PASSIVE:
        return True
    others = {w for w in label if w not in _LABEL_FILLER and not _same_word(w, key[0], True, False)}
    sentence = _sentence_of(raw, words, i)
    near = range(max(sentence.start, i - ECHO_REACH), min(sentence.stop, i + ECHO_REACH + 1))
    return any(_same_word(words[j].key, w, True, False) for j in near if j != i for w in others)


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    """Of pattern mentions that overlap, the longest (then the most confident) one."""
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.first - m.last, -m.confidence, m.first)):
        if not any(k.first <= m.last and m.first <= k.last for k in kept):
            kept.append(m)
    return kept


# The words a reply uses for its own administration and committee ("Förvaltningen föreslår att nämnden …").
OWN_BODIES = {"forvaltning": ("forvaltningen", "forvaltningens", "stadsdelsforvaltningen", "stadsdelsforvaltning",
                              "stadsdelsforvaltningens"),
              "namnd": ("namnden", "namndens", "stadsdelsnamnden", "stadsdelsnamnd", "stadsdelsnamndens")}


def _district_name(token: Token) -> bool:
    """Whether ``token`` can name the district before "stadsdelsförvaltning"/"stadsdelsnämnd": a genitive
    ("Skärholmens"), a hyphenated place name of capitalised parts ("Hässelby-Vällingby", "Rinkeby-Kista"), or a
    capitalised word the word list does not know (a place name in its plain form)."""
    if token.key.endswith("s"):
        return True
    parts = token.raw.split("-")
    if len(parts) > 1 and all(p[:1].isupper() for p in parts if p):
        return True
    return not token.known


def _own_bodies(raw: str, words: list[Token], mentions: list[Mention], read) -> list[Mention]:
    """When the reply names its own administration or committee ("Skärholmens stadsdelsförvaltning"), its bare
    "förvaltningen" and "stadsdelsnämnden" mean that body, not the graph's node of that name."""
    out = list(mentions)
    for body, bare in OWN_BODIES.items():
        specific = None
        for index, m in enumerate(out):
            if m.kind != "organisation" or m.last != m.first or words[m.first].key not in bare or m.first == 0:
                continue
            before = words[m.first - 1]
            if before.raw[:1].isupper() and _district_name(before) and len(before.key) > 3 and not any(
                    k.first <= m.first - 1 <= k.last for k in out) and not set(
                    raw[before.end:words[m.first].start]) & set(".,;:\n\n"):
                label = _cased_label(raw, words, m.first - 1, m.first, read)
                kind_type = "Administration" if body == "forvaltning" else "Committee"
                specific = Mention(m.first - 1, m.first, "organisation", label, f"pattern:{read(bare[0])}", 0.8,
                                   None, kind_type)
                out[index] = specific
                break
        if specific is None:
            specific = next((m for m in out if m.iri is None and m.kind == "organisation" and m.last > m.first
                             and words[m.last].key in bare and words[m.first].raw[:1].isupper()), None)
        if specific is None:
            continue
        for index, m in enumerate(out):
            if m is not specific and m.kind == "organisation" and m.first == m.last and words[m.first].key in bare:
                out[index] = Mention(m.first, m.last, "organisation", specific.label, "alias", 0.7, None,
                                     specific.type)
    return out


PART_OF = ("ar", "en", "del", "av")


def _units(raw: str, words: list[Token], mentions: list[Mention], read) -> list[Mention]:
    """"X är en del av <organisation>": X is a unit of it, an organisation ("Fältgruppen är en del av
    avdelningen för social omsorg"), found as a new one or re-read from a new project of the same words."""
    out = list(mentions)
    keys = [w.key for w in words]
    for t in range(1, len(words) - 4):
        if tuple(keys[t:t + 4]) != PART_OF:
            continue
        at = t + 4 + (keys[t + 4] in ("det", "den"))
        if not any(m.kind == "organisation" and m.first == at for m in out):
            continue
        before = next((m for m in out if m.last == t - 1), None)
        if before is not None:
            if before.kind == "project" and before.iri is None:
                out[out.index(before)] = Mention(before.first, before.last, "organisation", before.label,
                                                 "pattern:en del av", 0.6, None, "AdministrativeUnit")
            continue
        first = t - 1
        while first > 0 and t - first < 3 and not _sentence_start(raw, words, first) \
                and words[first - 1].raw[:1].isupper():
            first -= 1
        if all(w.raw[:1].isupper() and w.key.isalpha() for w in words[first:t]) and _sentence_start(raw, words, first) \
                or (first > 0 and words[first].raw[:1].isupper() and not _sentence_start(raw, words, first)):
            out.append(Mention(first, t - 1, "organisation", _cased_label(raw, words, first, t - 1, read),
                               "pattern:en del av", 0.6, None, "AdministrativeUnit"))
    return out


def _bare_projects(raw: str, words: list[Token], mentions: list[Mention]) -> list[Mention]:
    """"Projektet" without a name after it is the project named last before it; so is a capitalised word that
    begins a sentence and reads like the first word of a new project named before ("Familjecentralen bidrar …"
    after "Familjecentralen Vårberg", "Mötesplatsen" after "Mötesplats Bredäng")."""
    found = []
    ordered = sorted(mentions, key=lambda m: m.first)
    for i, token in enumerate(words):
        if not (token.raw[:1].isupper() and _sentence_start(raw, words, i) and len(token.key) >= 7) or any(
                m.first <= i <= m.last for m in ordered):
            continue
        earlier = next((m for m in reversed(ordered) if m.kind == "project" and m.iri is None and m.last < i
                        and m.last > m.first and words[m.first].key[:7] == token.key[:7]), None)
        if earlier is not None:
            found.append(Mention(i, i, "project", earlier.label, "pattern:projektet", 0.5, None, earlier.type))
    ordered = sorted(mentions + found, key=lambda m: m.first)
    for i, token in enumerate(words):
        if token.key not in ("projektet", "satsningen", "insatsen") or any(m.first <= i <= m.last for m in ordered):
            continue
        if i + 1 < len(words) and words[i + 1].raw[:1].isupper() and not _sentence_start(raw, words, i + 1):
            continue
        last = next((m for m in reversed(ordered) if m.kind == "project" and m.last < i), None)
        if last is not None:
            found.append(Mention(i, i, "project", last.label, "pattern:projektet", 0.5, last.iri, last.type))
    return found


def mention_span(raw: str, words: list[Token], mention: Mention, read) -> Span:
    """The raw span of ``mention`` with its restored reading."""
    start, end = words[mention.first].start, words[mention.last].end
    return Span(start, end, raw[start:end], read(raw[start:end]))
