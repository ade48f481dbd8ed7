"""The edit operations as functions that build a :class:`Change`: the triples to add and to remove, in the same
shape the curated data uses (:mod:`graph.load.curate`), and a summary in Swedish and English.

A builder reads what the store holds now (the label it replaces, the assertion of the relation it deletes) and
writes nothing; :func:`graph.edit.apply.apply` checks the result with the shapes and writes it in one update.
A relation gets its ``fp:Assertion`` (stated, or interpreted with a reason in both languages) derived from a
``fp:Passage``: a span of a document's raw text under ``data/`` (``raw[start:end] == text``) or, for a source
typed as free text, the whole text of a new ``fp:FreeTextSource``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.errors import EditError, NodeNotFound
from graph.queries import internal
from graph.settings import DATA_DIR
from graph.store import Solutions, Store
from graph.vocab.namespaces import FP, ID, PREFIXES

__all__ = ["MODES", "Change", "add_alias", "add_relation", "aliases", "assertion_iri", "correct_alias",
           "delete_relation", "documents", "relation_properties", "remove_alias", "set_label", "set_mode"]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = PREFIXES["skos"]
PROV = PREFIXES["prov"]
DCTERMS = PREFIXES["dcterms"]
TYPE = ox.NamedNode(RDF + "type")
PREF = ox.NamedNode(SKOS + "prefLabel")
ALT = ox.NamedNode(SKOS + "altLabel")
LABEL = ox.NamedNode(RDFS + "label")
DERIVED = ox.NamedNode(PROV + "wasDerivedFrom")
R_SUBJECT, R_PREDICATE, R_OBJECT = (ox.NamedNode(RDF + n) for n in ("subject", "predicate", "object"))
MODE, REASON = ox.NamedNode(str(FP.mode)), ox.NamedNode(str(FP.reason))
IN_DOCUMENT = ox.NamedNode(str(FP.inDocument))
MODES = {"stated": ox.NamedNode(str(FP.Stated)), "interpreted": ox.NamedNode(str(FP.Interpreted))}
LANGS = ("sv", "en")
MAX_TEXT = 2000  # longest label, alias, reason or free-text source an edit takes
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass
class Change:
    """What one edit does: triples to add and to remove (default graph), the node it is about, its summary."""

    operation: str
    target: str
    added: list[ox.Triple] = field(default_factory=list)
    removed: list[ox.Triple] = field(default_factory=list)
    summary: dict[str, str] = field(default_factory=dict)
    undoes: str | None = None


# ---------------------------------------------------------------- reading the store

def _iri(value: str, what: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except (ValueError, TypeError):
        raise EditError(f"{what}: not an IRI: {value!r}") from None


def _triples(store: Store, subject: ox.NamedNode, predicate: ox.NamedNode | None = None) -> list[ox.Triple]:
    return list(store.match(subjects=[subject], predicate=predicate))


def _node(store: Store, iri: str, what: str = "node") -> ox.NamedNode:
    node = _iri(iri, what)
    if not _triples(store, node):
        raise NodeNotFound(iri)
    return node


def _label(store: Store, node: ox.Term, lang: str) -> str:
    if not isinstance(node, ox.NamedNode):
        return str(getattr(node, "value", node))
    labels = {t.object.language: t.object.value for t in _triples(store, node, PREF)
              if isinstance(t.object, ox.Literal)}
    if not labels:
        labels = {t.object.language: t.object.value for t in _triples(store, node, LABEL)
                  if isinstance(t.object, ox.Literal)}
    return labels.get(lang) or labels.get("sv") or labels.get("en") or node.value.rsplit("/", 1)[-1]


def _text(value: str | None, what: str, required: bool = True) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise EditError(f"{what}: give a text")
    if len(text) > MAX_TEXT:
        raise EditError(f"{what}: at most {MAX_TEXT} characters")
    return text


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise EditError(f"language must be 'sv' or 'en', not {lang!r}")
    return lang


def _q(text: str, lang: str) -> str:
    return f"”{text}”" if lang == "sv" else f"“{text}”"


def relation_properties(store: Store) -> list[dict[str, str]]:
    """The relations an editor may add: ``[{"iri", "sv", "en"}]`` (the ontology's object properties)."""
    answer = store.query(internal("edit_relations").text)
    assert isinstance(answer, Solutions)
    return [{"iri": p.value, "sv": sv.value if sv else p.value, "en": en.value if en else p.value}
            for p, sv, en in answer.rows]


def documents(store: Store) -> list[dict[str, object]]:
    """The documents with a raw text file: ``[{"iri", "file", "sv", "en", "characters"}]``."""
    answer = store.query(internal("edit_documents").text)
    assert isinstance(answer, Solutions)
    found: dict[str, dict[str, object]] = {}
    for doc, file, sv, en, n in answer.rows:
        found.setdefault(doc.value, {"iri": doc.value, "file": file.value, "sv": sv.value if sv else doc.value,
                                     "en": en.value if en else (sv.value if sv else doc.value),
                                     "characters": int(n.value) if n else None})
    return list(found.values())


# ---------------------------------------------------------------- labels and aliases

def set_label(store: Store, node: str, lang: str, text: str) -> Change:
    """Set (add or correct) the node's label in ``lang``: its ``skos:prefLabel`` and ``rdfs:label``."""
    subject, lang, text = _node(store, node), _lang(lang), _text(text, "label")
    old = [t for t in _triples(store, subject, PREF) + _triples(store, subject, LABEL)
           if isinstance(t.object, ox.Literal) and t.object.language == lang]
    before = next((t.object.value for t in old if t.predicate == PREF), "")
    if before == text and all(t.object.value == text for t in old) and len(old) == 2:
        raise EditError(f"the label ({lang}) is already {text!r}")
    new = ox.Literal(text, language=lang)
    shown = _label(store, subject, "sv"), _label(store, subject, "en")
    summary = ({"sv": f"Etikett ({lang}) för {shown[0]}: {_q(before, 'sv')} → {_q(text, 'sv')}",
                "en": f"Label ({lang}) of {shown[1]}: {_q(before, 'en')} → {_q(text, 'en')}"} if before else
               {"sv": f"Ny etikett ({lang}) för {shown[0]}: {_q(text, 'sv')}",
                "en": f"New label ({lang}) of {shown[1]}: {_q(text, 'en')}"})
    return Change("set_label", subject.value, [ox.Triple(subject, PREF, new), ox.Triple(subject, LABEL, new)],
                  old, summary)


def _aliases(store: Store, subject: ox.NamedNode, lang: str) -> dict[str, ox.Triple]:
    return {t.object.value: t for t in _triples(store, subject, ALT)
            if isinstance(t.object, ox.Literal) and t.object.language == lang}


def aliases(store: Store, node: str) -> list[dict[str, str]]:
    """The node's alternative names: ``[{"lang", "text"}]``, sorted (what the form offers to correct)."""
    subject = _iri(node, "node")
    return sorted(({"lang": t.object.language or "", "text": t.object.value} for t in _triples(store, subject, ALT)
                   if isinstance(t.object, ox.Literal)), key=lambda a: (a["lang"], a["text"]))


def add_alias(store: Store, node: str, lang: str, text: str) -> Change:
    """Add an alternative name (``skos:altLabel``) in ``lang``."""
    subject, lang, text = _node(store, node), _lang(lang), _text(text, "alias")
    if text in _aliases(store, subject, lang):
        raise EditError(f"{text!r} is already an alias ({lang}) of this node")
    return Change("add_alias", subject.value, [ox.Triple(subject, ALT, ox.Literal(text, language=lang))], [],
                  {"sv": f"Nytt alternativt namn ({lang}) för {_label(store, subject, 'sv')}: {_q(text, 'sv')}",
                   "en": f"New alias ({lang}) of {_label(store, subject, 'en')}: {_q(text, 'en')}"})


def correct_alias(store: Store, node: str, lang: str, old: str, text: str) -> Change:
    """Replace the alias ``old`` (in ``lang``) by ``text``."""
    subject, lang, text = _node(store, node), _lang(lang), _text(text, "alias")
    aliases = _aliases(store, subject, lang)
    if old not in aliases:
        raise EditError(f"{old!r} is not an alias ({lang}) of this node; its aliases: {sorted(aliases)}")
    if text in aliases:
        raise EditError(f"{text!r} is already an alias ({lang}) of this node")
    return Change("correct_alias", subject.value, [ox.Triple(subject, ALT, ox.Literal(text, language=lang))],
                  [aliases[old]],
                  {"sv": f"Rättat alternativt namn ({lang}) för {_label(store, subject, 'sv')}: "
                         f"{_q(old, 'sv')} → {_q(text, 'sv')}",
                   "en": f"Corrected alias ({lang}) of {_label(store, subject, 'en')}: "
                         f"{_q(old, 'en')} → {_q(text, 'en')}"})


def remove_alias(store: Store, node: str, lang: str, old: str) -> Change:
    """Remove the alias ``old`` (in ``lang``)."""
    subject, lang = _node(store, node), _lang(lang)
    aliases = _aliases(store, subject, lang)
    if old not in aliases:
        raise EditError(f"{old!r} is not an alias ({lang}) of this node; its aliases: {sorted(aliases)}")
    return Change("remove_alias", subject.value, [], [aliases[old]],
                  {"sv": f"Borttaget alternativt namn ({lang}) för {_label(store, subject, 'sv')}: {_q(old, 'sv')}",
                   "en": f"Removed alias ({lang}) of {_label(store, subject, 'en')}: {_q(old, 'en')}"})


# ---------------------------------------------------------------- relations

def assertion_iri(s: ox.NamedNode, p: ox.NamedNode, o: ox.Term) -> ox.NamedNode:
    """The same IRI :mod:`graph.load.curate` gives the assertion of ``s p o``."""
    return ox.NamedNode(ID[f"assertion/{hashlib.sha1(f'{s.value}|{p.value}|{o}'.encode()).hexdigest()[:16]}"])


def _locate(raw: str, text: str, start: int | None) -> tuple[int, int, str]:
    """The span of ``text`` in ``raw``: at ``start`` when it is there exactly, else the white-space tolerant match
    nearest to ``start`` (the first without one)."""
    if start is not None and raw[start:start + len(text)] == text:
        return start, start + len(text), text
    pattern = re.compile(r"\s+".join(re.escape(token) for token in text.split()))
    matches = list(pattern.finditer(raw))
    if not matches:
        raise EditError(f"the quote is not in the document's raw text: {text[:80]!r}")
    best = min(matches, key=lambda m: abs(m.start() - start)) if start is not None else matches[0]
    return best.start(), best.end(), best.group(0)


def _passage(store: Store, source: dict) -> tuple[ox.NamedNode, list[ox.Triple], dict[str, str]]:
    """The passage node of ``source``, the triples that make it (and its free-text document), and its name."""
    text = (source.get("text") or "").strip()
    if not text:
        raise EditError("a relation needs its source: select a passage of a document, or type the source as text")
    if len(text) > MAX_TEXT:
        raise EditError(f"source: at most {MAX_TEXT} characters")
    doc_iri = source.get("document")
    if doc_iri:
        doc = next((d for d in documents(store) if d["iri"] == doc_iri), None)
        if doc is None:
            raise EditError(f"{doc_iri}: not a document with a raw text under data/")
        path = (DATA_DIR / str(doc["file"])).resolve()
        if DATA_DIR.resolve() not in path.parents or not path.is_file():
            raise EditError(f"{doc_iri}: its raw text {doc['file']} is not under data/")
        raw = path.read_text(encoding="utf-8")
        start = source.get("start")
        start, end, exact = _locate(raw, text, int(start) if start not in (None, "") else None)
        document = ox.NamedNode(doc_iri)
        node = ox.NamedNode(ID[f"passage/{doc_iri.rsplit('/', 1)[-1]}/{start}-{end}"])
        made: list[ox.Triple] = []
        names = {"sv": str(doc["sv"]), "en": str(doc["en"])}
    else:
        exact, start, end = text, 0, len(text)
        digest = hashlib.sha1(text.encode()).hexdigest()[:16]
        document = ox.NamedNode(ID[f"source/note-{digest}"])
        node = ox.NamedNode(ID[f"passage/note-{digest}/0-{end}"])
        short = text if len(text) <= 60 else text[:59] + "…"
        names = {"sv": f"Fritextkälla: {short}", "en": f"Free-text source: {short}"}
        made = [ox.Triple(document, TYPE, ox.NamedNode(str(FP.Document))),
                ox.Triple(document, TYPE, ox.NamedNode(str(FP.FreeTextSource))),
                ox.Triple(document, ox.NamedNode(DCTERMS + "title"), ox.Literal(names["sv"], language="sv")),
                ox.Triple(document, ox.NamedNode(str(FP.characterCount)), ox.Literal(str(end), datatype=XSD_INTEGER))]
        for lang in LANGS:
            made += [ox.Triple(document, PREF, ox.Literal(names[lang], language=lang)),
                     ox.Triple(document, LABEL, ox.Literal(names[lang], language=lang))]
    made += [ox.Triple(node, TYPE, ox.NamedNode(str(FP.Passage))), ox.Triple(node, IN_DOCUMENT, document),
             ox.Triple(node, ox.NamedNode(str(FP.startOffset)), ox.Literal(str(start), datatype=XSD_INTEGER)),
             ox.Triple(node, ox.NamedNode(str(FP.endOffset)), ox.Literal(str(end), datatype=XSD_INTEGER)),
             ox.Triple(node, ox.NamedNode(str(FP.exactText)), ox.Literal(exact))]
    return node, made, names


def _mode_triples(assertion: ox.NamedNode, mode: str, reason_sv: str | None, reason_en: str | None
                  ) -> list[ox.Triple]:
    if mode not in MODES:
        raise EditError(f"mode must be 'stated' or 'interpreted', not {mode!r}")
    made = [ox.Triple(assertion, MODE, MODES[mode])]
    if mode == "interpreted":
        sv, en = _text(reason_sv, "reason (Swedish)", False), _text(reason_en, "reason (English)", False)
        if not (sv and en):
            raise EditError("an interpretation needs its reason in Swedish and in English")
        made += [ox.Triple(assertion, REASON, ox.Literal(sv, language="sv")),
                 ox.Triple(assertion, REASON, ox.Literal(en, language="en"))]
    return made


def _relation(store: Store, subject: str, predicate: str, obj: str) -> tuple[ox.NamedNode, ox.NamedNode,
                                                                               ox.NamedNode]:
    s, o = _node(store, subject, "subject"), _node(store, obj, "target")
    p = _iri(predicate, "relation")
    if predicate not in {r["iri"] for r in relation_properties(store)}:
        raise EditError(f"{predicate}: not a relation of the ontology an editor may add")
    if store.query(internal("edit_fits").sparql({"s": s.value, "p": p.value, "o": o.value})):
        raise EditError(f"{_phrase(store, s, p, o, 'en')}: the relation does not fit its ends (rdfs:domain or "
                        f"rdfs:range of {_predicate_label(store, p, 'en')} in the ontology)")
    return s, p, o


def _predicate_label(store: Store, p: ox.NamedNode, lang: str) -> str:
    labels = {t.object.language: t.object.value for t in _triples(store, p, LABEL) if isinstance(t.object, ox.Literal)}
    return labels.get(lang) or p.value.rsplit("#", 1)[-1]


def _phrase(store: Store, s: ox.NamedNode, p: ox.NamedNode, o: ox.Term, lang: str) -> str:
    return f"{_label(store, s, lang)} {_predicate_label(store, p, lang)} {_label(store, o, lang)}"


def add_relation(store: Store, subject: str, predicate: str, obj: str, source: dict, mode: str = "stated",
                 reason_sv: str | None = None, reason_en: str | None = None) -> Change:
    """Add ``subject predicate obj`` with its assertion and source passage.

    ``source`` is ``{"document": IRI, "text": quote, "start": offset}`` (a passage of a document's raw text:
    found at ``start`` or, white space aside, nearest to it) or ``{"text": ...}`` alone (a free-text source).
    """
    s, p, o = _relation(store, subject, predicate, obj)
    if any(t.object == o for t in _triples(store, s, p)):
        raise EditError(f"{_phrase(store, s, p, o, 'en')}: this relation is already in the graph", 409)
    assertion = assertion_iri(s, p, o)
    passage, made, names = _passage(store, source)
    added = [ox.Triple(s, p, o), ox.Triple(assertion, TYPE, ox.NamedNode(str(FP.Assertion))),
             ox.Triple(assertion, TYPE, ox.NamedNode(RDF + "Statement")), ox.Triple(assertion, R_SUBJECT, s),
             ox.Triple(assertion, R_PREDICATE, p), ox.Triple(assertion, R_OBJECT, o),
             ox.Triple(assertion, DERIVED, passage), *_mode_triples(assertion, mode, reason_sv, reason_en), *made]
    word = {"sv": {"stated": "uttalad", "interpreted": "tolkning"}, "en": {"stated": "stated",
                                                                          "interpreted": "interpretation"}}
    return Change("add_relation", s.value, added, [], {
        lang: f"{'Ny relation' if lang == 'sv' else 'New relation'}: {_phrase(store, s, p, o, lang)} "
              f"({word[lang][mode]}; {names[lang]})" for lang in LANGS})


def _assertions(store: Store, s: ox.NamedNode, p: ox.NamedNode, o: ox.Term) -> list[ox.NamedNode]:
    about = {t.subject for t in store.match(predicate=R_SUBJECT, objects=[s])}
    return sorted((a for a in about if isinstance(a, ox.NamedNode)
                   and any(t.object == p for t in _triples(store, a, R_PREDICATE))
                   and any(t.object == o for t in _triples(store, a, R_OBJECT))), key=str)


def set_mode(store: Store, subject: str, predicate: str, obj: str, mode: str, reason_sv: str | None = None,
             reason_en: str | None = None) -> Change:
    """Mark the relation ``subject predicate obj`` stated, or interpreted with a reason in both languages."""
    s, o, p = _node(store, subject, "subject"), _node(store, obj, "target"), _iri(predicate, "relation")
    assertions = _assertions(store, s, p, o)
    if not assertions:
        raise EditError(f"{_phrase(store, s, p, o, 'en')}: no such relation with provenance", 404)
    removed = [t for a in assertions for t in _triples(store, a) if t.predicate in (MODE, REASON)]
    added = [t for a in assertions for t in _mode_triples(a, mode, reason_sv, reason_en)]
    word = {"sv": "uttalad" if mode == "stated" else "tolkning", "en": mode}
    return Change("set_mode", s.value, added, removed, {
        lang: f"{'Grund ändrad' if lang == 'sv' else 'Mode changed'}: {_phrase(store, s, p, o, lang)} "
              f"→ {word[lang]}" for lang in LANGS})


def delete_relation(store: Store, subject: str, predicate: str, obj: str) -> Change:
    """Delete the relation, its assertions, and the passages (and free-text sources) nothing else points to."""
    s, o, p = _node(store, subject, "subject"), _node(store, obj, "target"), _iri(predicate, "relation")
    if not any(t.object == o for t in _triples(store, s, p)):
        raise EditError(f"{_phrase(store, s, p, o, 'en')}: no such relation", 404)
    assertions = _assertions(store, s, p, o)
    removed = [ox.Triple(s, p, o)] + [t for a in assertions for t in _triples(store, a)]
    gone = set(assertions)
    for passage in {t.object for a in assertions for t in _triples(store, a, DERIVED)}:
        if {t.subject for t in store.match(predicate=DERIVED, objects=[passage])} <= gone:
            passage_triples = _triples(store, passage)
            removed += passage_triples
            for doc in {t.object for t in passage_triples if t.predicate == IN_DOCUMENT}:
                free = any(t.object == ox.NamedNode(str(FP.FreeTextSource)) for t in _triples(store, doc, TYPE))
                if free and {t.subject for t in store.match(predicate=IN_DOCUMENT, objects=[doc])} <= {passage}:
                    removed += _triples(store, doc)
    return Change("delete_relation", s.value, [], removed, {
        lang: f"{'Borttagen relation' if lang == 'sv' else 'Deleted relation'}: {_phrase(store, s, p, o, lang)}"
        for lang in LANGS})
