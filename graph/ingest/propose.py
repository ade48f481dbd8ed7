"""Proposing entities and relations from the mentions :mod:`graph.ingest.find` found, sentence by sentence.

Each relation has the raw span of the sentence (or two) that says it, a confidence and the rule that found it
(``found_by``):

- ``partners`` — "X har i samarbete med A, B och C …" (X right before the cue): X ``collaboratesWith`` each;
  "… projektet P … i samverkan med A och B": each ``participatesIn`` P; "på uppdrag av A": A ``commissions`` P.
- ``runs`` — an organisation before a verb of running ("bedriver", "driver", "genomför", "erbjuder", "leder",
  "startar") and a project after it; a passive ("bedrivs", "erbjuds genom A") names its doer after "genom"/"av",
  else the doer is the subject of the sentence before, else the reply's writer (then *interpreted*).
- ``funding`` — "medel från A", "finansieras av A", "bidrag från A" with a project: the project ``fundedBy`` A.
- ``heading`` — a project named under a goal-area heading ``relatesToGoalArea`` it (*interpreted*: the heading
  above, not the sentence, says it).
- ``wording`` — a project ``contributesTo`` a strategy of its goal area whose label shares distinctive words
  with the sentences that name the project (*interpreted*, the shared words in the reason); a strategy's own
  wording in the same sentence as a project is *stated*; "X arbetar med/i enlighet med … <strategy>" is
  ``worksOn``.
- ``membership`` — "X deltar/medverkar i P" (``participatesIn``), "X ingår i R" and "R, där också X ingår"
  (``org:memberOf``), "X samverkar med Y i det lokala rådet R" (both ``org:memberOf`` R, *interpreted*), and a
  committee is one of the group of its kind the reply names ("stadsdelsnämnd", "stadsdelsnämnderna";
  *interpreted*).
- ``structure`` — "X är en del av Y" is ``org:subOrganizationOf`` (stated); "avdelningen för …" of the reply's
  writer is ``org:subOrganizationOf`` it, and an
  administration that proposes a decision to a committee ("förvaltningen föreslår att nämnden …") is a
  sub-organisation of that committee (both *interpreted*).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from graph.ingest.find import ADVERBS, RUN_ACTIVE, RUN_PASSIVE, Mention, Token
from graph.ingest.model import Entity, Passage, Relation, Span
from graph.vocab.text import fold

__all__ = ["PREDICATES", "propose"]

# The predicates proposals use: fp: local names, and org:subOrganizationOf as a CURIE.
PREDICATES = ("runs", "participatesIn", "collaboratesWith", "commissions", "fundedBy", "relatesToGoalArea",
              "contributesTo", "worksOn", "org:subOrganizationOf", "org:memberOf")
JOIN_VERBS = ("deltar", "medverkar", "ingar", "deltog", "medverkade")  # "X deltar i P", "X ingår i rådet R"
# types of a body others are members of ("i det lokala brottsförebyggande rådet"), not a project
MEMBER_BODIES = ("AdvisoryBody", "ActorGroup", "Committee", "Commission")
FUNDING = (("medel", "fran"), ("finansieras", "av"), ("finansierat", "av"), ("bidrag", "fran"),
           ("stod", "fran"), ("finansiering", "fran"))
PARTNER_CUES = (("i", "samverkan", "med"), ("i", "samarbete", "med"), ("tillsammans", "med"),
                ("i", "samrad", "med"), ("samverkar", "med"), ("samarbetar", "med"))
COMMISSION_CUES = (("pa", "uppdrag", "av"), ("pa", "uppdrag", "fran"))
PREPOSITIONS = {"fran", "med", "av", "till", "hos", "genom", "for", "mot", "inom", "om", "at"}
# Words too common in the strategies' labels and in replies to say which strategy a passage is about.
_STOP_TEXT = """
och i att for med till av pa som en ett det den de har ar som mellan genom samt vid mera fler hela
stadens staden stad stockholms arbete arbetet arbeta utveckla framja stark starka oka okad sakerstall
socialt sociala social insatser insats hos kring inom mot ska kan bor barn unga
"""
STOP = frozenset(_STOP_TEXT.split())
# "X ser arbetet som en del av strategi V", "ett stöd för strategi III", "bidrar till strategi I"
WORK_CUES = (("en", "del", "av"), ("ett", "stod", "for"), ("bidrar", "till"), ("ett", "bidrag", "till"),
             ("i", "enlighet", "med"))
LIST_JOINS = frozenset({"och", "samt", "det", "den", "de", "lokala", "lokalt", "med"})  # words between members
LIST_GAP = 2  # words ("och", an adjective) a list member may stand after the one before it
STEM = 6  # letters two words must share from the start (or as a compound part) to count as one word


def _words_of(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(text)) if w not in STOP and len(w) >= 4]


def _shares(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) > STEM and a[:STEM] == b[:STEM]:  # not "tidiga" and "tidigare"
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 7 and short[:STEM] in long_  # a compound part: "trygghet" in "trygghetsåtgärder"


class _Builder:
    """Entities (one per node or new name) and relations (one per subject, predicate and object)."""

    def __init__(self, raw: str, words: list[Token], mentions: list[Mention], read: Callable[[str], str]) -> None:
        self.raw, self.words, self.read = raw, words, read
        self.entities: dict[str, Entity] = {}
        self.by_identity: dict[str, str] = {}
        self.key_of: dict[int, str] = {}
        self.relations: dict[tuple[str, str, str], Relation] = {}
        for index, m in enumerate(mentions):
            identity = m.iri or f"new:{m.kind}:{fold(m.label)}"
            key = self.by_identity.get(identity)
            if key is None:
                key = f"e{len(self.entities) + 1}"
                self.by_identity[identity] = key
                self.entities[key] = Entity(key, m.kind, m.label, self.span(m.first, m.last).raw, m.iri, m.type,
                                            self.span(m.first, m.last), m.confidence, m.found_by)
            elif m.confidence > self.entities[key].confidence and m.iri is None:
                old = self.entities[key]
                self.entities[key] = Entity(key, old.kind, old.label, old.raw, old.iri, old.type, old.span,
                                            m.confidence, old.found_by)
            self.key_of[index] = key

    def span(self, first: int, last: int) -> Span:
        start, end = self.words[first].start, self.words[last].end
        return Span(start, end, self.raw[start:end], self.read(self.raw[start:end]))

    def char_span(self, start: int, end: int) -> Span:
        return Span(start, end, self.raw[start:end], self.read(self.raw[start:end]))

    def add(self, s: str, predicate: str, o: str, span: Span, confidence: float, found_by: str,
            mode: str = "stated", reason_sv: str | None = None, reason_en: str | None = None) -> None:
        if s == o:
            return
        triple = (s, predicate, o)
        old = self.relations.get(triple)
        if old is not None and (old.mode == "stated" or mode != "stated") and old.confidence >= confidence:
            return
        key = old.key if old else f"r{len(self.relations) + 1}"
        self.relations[triple] = Relation(key, s, predicate, o, span, confidence, found_by, mode,  # type: ignore
                                          reason_sv, reason_en)


def _cue_at(keys: list[str], i: int, cues) -> tuple[str, ...] | None:
    """The cue at word ``i`` as the text has it: a verb's cue may have adverbs before its preposition
    ("samverkar även med"); its length is the words it takes."""
    for c in cues:
        if tuple(keys[i:i + len(c)]) == c:
            return c
        if len(c) == 2 and keys[i:i + 1] == [c[0]] and c[0] not in ("i", "pa", "tillsammans"):
            j = i + 1
            while j < len(keys) and j - i <= 2 and keys[j] in ADVERBS:
                j += 1
            if j > i + 1 and keys[j:j + 1] == [c[1]]:
                return tuple(keys[i:j + 1])
    return None


def propose(raw: str, words: list[Token], mentions: list[Mention], passages: tuple[Passage, ...],
            sections: list[tuple[int, int, str]], read: Callable[[str], str],
            strategy_labels: dict[str, tuple[str, str]]) -> tuple[tuple[Entity, ...], tuple[Relation, ...]]:
    """The entities and relations of one reply. ``sections`` are the goal-area sections ``(start, end, goal
    IRI)``; ``strategy_labels`` maps each strategy IRI to ``(notation, Swedish label)``."""
    b = _Builder(raw, words, mentions, read)
    keys = [w.key for w in words]
    starts = [w.start for w in words]
    sentences = [p for p in passages if p.kind == "sentence"]
    goal_keys = {m.iri: b.key_of[i] for i, m in enumerate(mentions) if m.kind == "goal" and m.iri}

    def section_goal(offset: int) -> str | None:
        return next((iri for s, e, iri in sections if s <= offset < e), None)

    def first_word(offset: int) -> int:
        return bisect.bisect_left(starts, offset)

    # mentions per sentence, in order
    per_sentence: list[list[int]] = [[] for _ in sentences]
    sentence_starts = [p.span.start for p in sentences]
    for index, m in enumerate(mentions):
        at = bisect.bisect_right(sentence_starts, words[m.first].start) - 1
        if at >= 0 and words[m.last].end <= sentences[at].span.end:
            per_sentence[at].append(index)

    # the reply's writer: the organisation most often first in a sentence
    subjects = Counter(b.key_of[ms[0]] for ms in per_sentence if ms and mentions[ms[0]].kind == "organisation"
                       and first_word(sentences[per_sentence.index(ms)].span.start) == mentions[ms[0]].first)
    writer = subjects.most_common(1)[0][0] if subjects else None
    writer_label = b.entities[writer].label if writer else ""

    previous_doer: tuple[str, int] | None = None  # (entity key, sentence index) of the last active "runs"
    project_sentences: dict[str, list[int]] = {}
    for si, (sentence, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
        span = sentence.span
        lo, hi = first_word(span.start), first_word(span.end) - 1
        orgs = [i for i in ms if mentions[i].kind == "organisation"]
        projects = [i for i in ms if mentions[i].kind == "project"]
        strategies = [i for i in ms if mentions[i].kind == "strategy"]
        for p in projects:
            project_sentences.setdefault(b.key_of[p], []).append(si)
        members: set[int] = set()
        # partners and commissions
        for t in range(lo, hi + 1):
            cue = _cue_at(keys, t, PARTNER_CUES)
            commission = _cue_at(keys, t, COMMISSION_CUES)
            if not (cue or commission):
                continue
            after = t + len(cue or commission)
            listed = []
            reach = after  # the list goes on while each member follows the last within LIST_GAP words
            for i in sorted(orgs, key=lambda i: mentions[i].first):
                m = mentions[i]
                if m.first < after:
                    continue
                gap = raw[words[reach - 1].end if reach > lo else words[after].start:words[m.first].start]
                between = set(keys[reach:m.first])
                joined = reach == after or "," in gap or between <= LIST_JOINS
                if m.first - reach > LIST_GAP or not joined or any(ch in gap for ch in ".;:") or any(
                        _cue_at(keys, x, PARTNER_CUES + COMMISSION_CUES) for x in range(after, m.first)):
                    break
                reach = m.last + 1
                nxt = m.last + 1
                key = words[m.last].key
                own = fold(mentions[i].label).split()[-1]
                genitive = key == own + "s" or key.endswith(("ens", "ets", "ns"))
                if genitive and nxt < len(words) and words[nxt].raw[:1].islower() \
                        and keys[nxt] not in ("och", "samt") and not set(raw[words[m.last].end:words[nxt].start]) \
                        & set(",.;:"):
                    continue  # a genitive ("förvaltningens parkenhet"): the member is the unit, not the owner
                listed.append(i)
            members.update(listed)
            if commission:
                for i in listed:
                    for p in projects:
                        b.add(b.key_of[i], "commissions", b.key_of[p], span, 0.8, "partners")
                continue
            before = [i for i in orgs if mentions[i].last < t and i not in members]
            subject = before[-1] if before else None
            if subject is None and t == lo:  # "Tillsammans med A har förvaltningen inlett projektet P"
                subject = next((i for i in orgs if i not in members and mentions[i].first > t), None)
            end = mentions[listed[-1]].last + 1 if listed else after
            # what the list belongs to: a project between the subject and the cue ("X driver P i samverkan
            # med …"), one the list's own verb runs ("X har i samverkan med A genomfört projektet P"), or one
            # the partners work in ("X arbetar tillsammans med A i projektet P"); else the subject itself
            between = [p for p in projects if subject is not None and mentions[subject].last < mentions[p].first < t]
            verb_after = end < len(keys) and (keys[end] in RUN_ACTIVE or keys[end:end + 2] == ["i", "projektet"])
            after_list = [p for p in projects if mentions[p].first >= end and mentions[p].first - end <= 3]
            loose = subject is None or t - mentions[subject].last > 3 or (
                subject is not None and any(k in RUN_ACTIVE for k in keys[mentions[subject].last + 1:t]))
            target = None
            if between:
                target = between[-1]
            elif verb_after and after_list:
                target = after_list[0]
            elif projects and loose:
                target = max((p for p in projects if mentions[p].last < t), default=projects[0],
                             key=lambda p: mentions[p].last)
            if target is None and t == lo and subject is not None:  # fronted: "Tillsammans med A har X
                target = next((p for p in projects if mentions[p].first > mentions[subject].last), None)
            body = _body_after(mentions, orgs, keys, end)
            if body is not None and subject is not None and listed:
                label = b.entities[b.key_of[body]].label
                for i in [subject, *listed]:
                    b.add(b.key_of[i], "org:memberOf", b.key_of[body], span, 0.6, "membership", "interpreted",
                          f"De samverkar i {label}: att de är medlemmar där följer av meningen men sägs inte "
                          f"ordagrant.",
                          f"They work together in {label}: that they are its members follows from the sentence "
                          f"but is not said in so many words.")
            if target is not None:
                for i in listed:
                    b.add(b.key_of[i], "participatesIn", b.key_of[target], span, 0.8, "partners")
                if keys[end:end + 2] == ["i", "projektet"] and subject is not None:
                    b.add(b.key_of[subject], "participatesIn", b.key_of[target], span, 0.7, "partners")
            elif subject is not None:
                for i in listed:
                    b.add(b.key_of[subject], "collaboratesWith", b.key_of[i], span, 0.8, "partners")
        # joining: "X deltar i P" (participatesIn), "X ingår i R" (memberOf), "R, där också X ingår" (memberOf),
        # "X är en del av Y" (subOrganizationOf)
        for t in range(lo, hi + 1):
            if keys[t] in JOIN_VERBS and t + 1 <= hi and keys[t + 1] == "i":
                joined = next((i for i in ms if mentions[i].first in (t + 2, t + 3)
                               and mentions[i].kind in ("project", "organisation")), None)
                doer = max((i for i in orgs if mentions[i].last < t and t - mentions[i].last <= 3
                            and i not in members), default=None, key=lambda i: mentions[i].last)
                if joined is not None and doer is not None:
                    predicate = "participatesIn" if mentions[joined].kind == "project" else "org:memberOf"
                    b.add(b.key_of[doer], predicate, b.key_of[joined], span, 0.75, "membership")
            if keys[t] == "dar" and t > lo:
                stop = next((x for x in range(t + 1, min(hi, t + 8) + 1) if keys[x] in ("ingar", "deltar",
                                                                                       "medverkar")), None)
                body = max((i for i in orgs if mentions[i].last < t and t - mentions[i].last <= 1
                            and mentions[i].type in MEMBER_BODIES), default=None, key=lambda i: mentions[i].last)
                if stop is not None and body is not None:
                    for i in orgs:
                        if t < mentions[i].first and mentions[i].last < stop and keys[mentions[i].first - 1] != "i":
                            b.add(b.key_of[i], "org:memberOf", b.key_of[body], span, 0.7, "membership")
            if tuple(keys[t:t + 4]) == ("ar", "en", "del", "av"):
                part = next((i for i in orgs if mentions[i].last == t - 1), None)
                whole = next((i for i in orgs if mentions[i].first in (t + 4, t + 5)), None)
                if part is not None and whole is not None:
                    b.add(b.key_of[part], "org:subOrganizationOf", b.key_of[whole], span, 0.75, "structure")
        # funding
        for t in range(lo, hi + 1):
            cue = _cue_at(keys, t, FUNDING)
            if not cue:
                continue
            funders = [i for i in orgs if 0 <= mentions[i].first - (t + len(cue)) <= 1]
            members.update(funders)
            for i in funders:
                for p in projects:
                    b.add(b.key_of[p], "fundedBy", b.key_of[i], span, 0.8, "funding")
        # runs
        doers = [i for i in orgs if i not in members and (mentions[i].first == lo or keys[mentions[i].first - 1]
                                                           not in PREPOSITIONS)]
        for t in range(lo, hi + 1):
            if keys[t] in RUN_ACTIVE:
                subject = max((i for i in doers if mentions[i].last < t), default=None,
                              key=lambda i: mentions[i].last)
                inverted = next((i for i in doers if mentions[i].first in (t + 1, t + 2)
                                 and all(k in ADVERBS for k in keys[t + 1:mentions[i].first])), None)
                if inverted is not None:  # "I Vårberg driver förvaltningen Familjecentralen …"
                    subject = inverted
                targets = [p for p in projects if mentions[p].first > t]
                if subject is None:
                    continue
                if not targets and mentions[subject].first > lo and keys[mentions[subject].first - 1] == "som":
                    # a relative clause: "P är ett projekt som förvaltningen genomför"
                    targets = [p for p in projects if mentions[p].last < mentions[subject].first][-1:]
                previous_doer = (b.key_of[subject], si)
                for p in targets:
                    b.add(b.key_of[subject], "runs", b.key_of[p], span, 0.75, "runs")
            elif keys[t] in RUN_PASSIVE:
                agent = next((i for i in orgs if mentions[i].first in (t + 2, t + 1)
                              and keys[mentions[i].first - 1] in ("genom", "av")), None)
                targets = [p for p in projects if abs(mentions[p].first - t) <= 12] or projects
                if agent is not None:
                    for p in targets:
                        b.add(b.key_of[agent], "runs", b.key_of[p], span, 0.75, "runs")
                elif previous_doer is not None and previous_doer[1] in (si - 1, si):
                    both = b.char_span(sentences[previous_doer[1]].span.start, span.end)
                    for p in targets:
                        b.add(previous_doer[0], "runs", b.key_of[p], both, 0.65, "runs")
                elif writer is not None and si > 0:
                    both = b.char_span(sentences[si - 1].span.start, span.end)
                    for p in targets:
                        b.add(writer, "runs", b.key_of[p], both, 0.5, "runs", "interpreted",
                              f"Meningen säger inte vem som driver det; yttrandets skribent, {writer_label}, "
                              f"talar om sitt eget arbete.",
                              f"The sentence does not say who runs it; the reply's writer, {writer_label}, "
                              f"speaks of its own work.")
        # strategies named in the sentence
        for st in strategies:
            for p in projects:
                b.add(b.key_of[p], "contributesTo", b.key_of[st], span, 0.7, "wording")
            works = any(k.startswith("arbeta") for k in keys[lo:hi + 1]) or any(
                tuple(keys[t:t + len(c)]) == c for t in range(lo, hi + 1) for c in WORK_CUES)
            if not projects and works:
                for i in doers[:1]:
                    b.add(b.key_of[i], "worksOn", b.key_of[st], span, 0.6, mentions[st].found_by)
        # structure
        if "foreslar" in keys[lo:hi + 1]:
            at = lo + keys[lo:hi + 1].index("foreslar")
            admins = [i for i in orgs if mentions[i].last < at and mentions[i].type == "Administration"]
            committees = [i for i in orgs if mentions[i].first > at and mentions[i].type == "Committee"]
            if admins and committees:
                b.add(b.key_of[admins[-1]], "org:subOrganizationOf", b.key_of[committees[0]], span, 0.6,
                      "structure", "interpreted",
                      "En förvaltning lägger fram förslag till beslut för sin nämnd: förvaltningen hör till nämnden.",
                      "An administration puts proposals for decision to its committee: it belongs to the committee.")
        for i in orgs:
            if writer and keys[mentions[i].first] == "avdelningen" and b.key_of[i] != writer:
                b.add(b.key_of[i], "org:subOrganizationOf", writer, b.span(mentions[i].first, mentions[i].last),
                      0.6, "structure", "interpreted",
                      f"En avdelning som nämns i yttrandet är en avdelning inom skribenten, {writer_label}.",
                      f"A department the reply names is a department of its writer, {writer_label}.")

    # a committee is one of the group of its kind the reply names ("Skärholmens stadsdelsnämnd" and "alla
    # stadsdelsnämnder": the committee is one of them)
    for committee in list(b.entities.values()):
        stem = _committee_stem(committee)
        if committee.kind != "organisation" or committee.type != "Committee" or stem is None:
            continue
        for group in list(b.entities.values()):
            last = fold(group.label).split()[-1] if group.label else ""
            if group.type == "ActorGroup" and last in (stem + "er", stem + "erna") and fold(group.label) == last:
                b.add(committee.key, "org:memberOf", group.key, group.span, 0.55, "membership", "interpreted",
                      f"Yttrandet nämner {group.label}, och {committee.label} är en {_stem_sv(committee)}: "
                      f"den är alltså en av dem.",
                      f"{committee.label} is a committee of the kind the reply calls {group.label}: it is one of "
                      f"them.")

    # goal areas by heading, strategies by shared words
    for pkey, sis in project_sentences.items():
        first_at = sentences[sis[0]].span
        goal = section_goal(first_at.start)
        if goal and goal in goal_keys:
            goal_entity = b.entities[goal_keys[goal]]
            b.add(pkey, "relatesToGoalArea", goal_keys[goal], first_at, 0.7, "heading", "interpreted",
                  f"Projektet nämns under rubriken för målområdet {goal_entity.label}.",
                  f"The project is named under the heading of the goal area {goal_entity.label}.")
        text_words = [w for si in sis for w in _words_of(sentences[si].span.restored)]
        project_words = set(_words_of(b.entities[pkey].label))
        best: tuple[int, str, list[str]] | None = None
        for iri, (notation, label) in strategy_labels.items():
            if goal and not notation.startswith(goal.rsplit("/", 1)[-1] + "."):
                continue
            shared = sorted({lw for lw in _words_of(label) for tw in text_words if _shares(lw, tw)})
            shared_outside = [w for w in shared if not any(_shares(w, pw) for pw in project_words)]
            score = len(shared) + len(shared_outside)
            if shared and score >= 2 and (best is None or score > best[0]):
                best = (score, iri, shared)
        if best is None:
            continue
        score, iri, shared = best
        skey = b.by_identity.get(iri)
        if skey is None:
            continue
        where = next((sentences[si].span for si in sis if any(
            _shares(lw, tw) for lw in shared for tw in _words_of(sentences[si].span.restored))), first_at)
        notation, label = strategy_labels[iri]
        words_sv = ", ".join(shared)
        b.add(pkey, "contributesTo", skey, where, min(0.8, 0.4 + 0.1 * score), "wording", "interpreted",
              f"Passagen om projektet delar orden {words_sv} med strategi {notation} (”{label}”).",
              f"The passage on the project shares the words {words_sv} with strategy {notation} (“{label}”).")
    return tuple(b.entities.values()), tuple(b.relations.values())


def _committee_stem(entity: Entity) -> str | None:
    """The folded stem of a committee's last word ("stadsdelsnämnden", "Skärholmens stadsdelsnämnd" →
    "stadsdelsnamnd"); ``None`` unless it ends in "nämnd(en)"."""
    last = fold(entity.label).split()[-1] if entity.label else ""
    for ending in ("en", ""):
        word = last[:-len(ending)] if ending and last.endswith(ending) else last
        if word.endswith("namnd") and len(word) > len("namnd"):
            return word
    return None


def _stem_sv(entity: Entity) -> str:
    """The committee's kind in Swedish, as its label spells it ("stadsdelsnämnd")."""
    last = entity.label.split()[-1].lower()
    return last[:-2] if last.endswith("nden") else last


def _body_after(mentions: list[Mention], orgs: list[int], keys: list[str], end: int) -> int | None:
    """A body right after a partner list and "i" (+ "det"/"den"): "… med polisen i det lokala rådet"."""
    if end >= len(keys) or keys[end] != "i":
        return None
    at = end + 1 + (end + 1 < len(keys) and keys[end + 1] in ("det", "den"))
    return next((i for i in orgs if mentions[i].first == at and mentions[i].type in MEMBER_BODIES), None)
