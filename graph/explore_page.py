"""The details panel as plain data: a node's type, labels, description, relations grouped by kind, and the
provenance of each (the quoted source passage with the relevant words marked, stated or interpreted)."""

from __future__ import annotations

import re
from collections import defaultdict

import pyoxigraph as ox

from .errors import NodeNotFound
from .explore import ExploreIndex, label_of
from .namespaces import PREFIXES, curie, sparql_prologue
from .store import Solutions, Store
from .text import fold

__all__ = ["node_page", "edge_page", "mark_segments", "predicate_label", "class_label"]

# Labels of the borrowed predicates our ontology does not label itself.
EXTERNAL_LABELS = {
    PREFIXES["skos"] + "broader": {"sv": "hör till", "en": "belongs to"},
    PREFIXES["org"] + "subOrganizationOf": {"sv": "del av", "en": "part of"},
    PREFIXES["org"] + "Organization": {"sv": "organisation", "en": "organisation"},
    PREFIXES["dcterms"] + "references": {"sv": "hänvisar till", "en": "references"},
    PREFIXES["dcterms"] + "creator": {"sv": "upphov", "en": "creator"},
    PREFIXES["dcterms"] + "isPartOf": {"sv": "ingår i", "en": "is part of"},
    PREFIXES["dcterms"] + "date": {"sv": "datum", "en": "date"},
}
STOPWORDS = {"inom", "samt", "genom", "mellan", "eller", "till", "fran", "under", "efter", "kommer", "ocksa",
             "detta", "dessa", "deras", "finns", "andra", "stadens"}

Q_ENTITY = sparql_prologue() + "SELECT ?p ?v WHERE { ?x ?p ?v }"
Q_PASSAGES = sparql_prologue() + """SELECT ?passage ?text ?start ?end ?doc WHERE {
  ?x prov:wasDerivedFrom ?passage . ?passage fp:exactText ?text ; fp:startOffset ?start ; fp:endOffset ?end .
  OPTIONAL { ?passage fp:inDocument ?doc } }"""
# Passages are required (the shapes demand one per assertion): an OPTIONAL around a multi-pattern group was
# evaluated for every passage in the store before the join (92 ms at 300k triples; this shape, under 1 ms).
_ASSERTION_BODY = """
  ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?passage .
  ?passage fp:exactText ?text ; fp:startOffset ?start ; fp:endOffset ?end .
  OPTIONAL { ?a fp:mode ?mode }
  OPTIONAL { ?a fp:reason ?reason }
  OPTIONAL { ?passage fp:inDocument ?doc }"""
Q_ABOUT = sparql_prologue() + "SELECT DISTINCT ?s ?p ?o ?mode ?reason ?passage ?text ?start ?end ?doc WHERE {\n" \
    "  { ?a rdf:subject ?x } UNION { ?a rdf:object ?x }" + _ASSERTION_BODY + "}"
Q_TRIPLE = sparql_prologue() + "SELECT ?s ?p ?o ?mode ?reason ?passage ?text ?start ?end ?doc WHERE {" \
    + _ASSERTION_BODY + "}"


def _rows(answer) -> list[tuple]:
    assert isinstance(answer, Solutions)
    return answer.rows


def _pick(labels: dict[str, str], lang: str, default: str = "") -> str:
    return labels.get(lang) or labels.get("sv") or labels.get("en") or next(iter(labels.values()), default)


def predicate_label(index: ExploreIndex, iri: str, lang: str = "sv") -> str:
    """A predicate's label in ``lang`` (ontology first), else its CURIE."""
    return _pick(index.vocab.get(iri) or EXTERNAL_LABELS.get(iri, {}), lang, curie(iri))


def class_label(index: ExploreIndex, iri: str, lang: str = "sv") -> str:
    """A class's label in ``lang``, else its CURIE."""
    return _pick(index.vocab.get(iri) or EXTERNAL_LABELS.get(iri, {}), lang, curie(iri))


def _terms(texts: list[str]) -> set[str]:
    return {w for t in texts for w in re.findall(r"\w+", fold(t)) if len(w) >= 4 and w not in STOPWORDS}


def _matches(word: str, term: str) -> bool:
    if word == term:
        return True
    common = 0
    for a, b in zip(word, term, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(4, min(len(word), len(term)) - 2)


def mark_segments(text: str, terms: set[str]) -> list[list]:
    """Split ``text`` into ``[piece, marked]`` pairs; words matching a folded term (or its inflection) are marked.

    >>> mark_segments("i samverkan med polis", {"polisen"})
    [['i samverkan med ', False], ['polis', True]]
    """
    out: list[list] = []
    last = 0
    for m in re.finditer(r"\w+", text):
        word = fold(m.group())
        if len(word) >= 4 and word not in STOPWORDS and any(_matches(word, t) for t in terms):
            if m.start() > last:
                out.append([text[last:m.start()], False])
            out.append([m.group(), True])
            last = m.end()
    if last < len(text):
        out.append([text[last:], False])
    return out


def _node_terms(index: ExploreIndex, iri: str) -> list[str]:
    node = index.nodes.get(iri)
    return list(node.labels.values()) + [node.notation] if node else []


def _passage(index: ExploreIndex, row: dict, terms: set[str], lang: str) -> dict:
    doc = row.get("doc")
    doc_node = index.nodes.get(doc) if doc else None
    return {
        "iri": row["passage"], "text": row["text"], "start": int(row["start"]), "end": int(row["end"]),
        "document": doc or "", "document_label": label_of(doc_node, lang) if doc_node else (curie(doc) if doc else ""),
        "segments": mark_segments(row["text"], terms),
    }


def _plain(variables: list[str], row: tuple) -> dict:
    out = {}
    for name, term in zip(variables, row, strict=True):
        if term is not None:
            out[name] = term.value
            if name == "reason":
                out["reason_lang"] = getattr(term, "language", None) or "sv"
    return out


def _provenance(index: ExploreIndex, answer: Solutions, lang: str) -> dict[tuple[str, str, str], dict]:
    """Assertions by (s, p, o): mode, reason in ``lang``, and passages with marked words."""
    found: dict[tuple[str, str, str], dict] = {}
    for raw in answer.rows:
        row = _plain(answer.variables, raw)
        key = (row["s"], row["p"], row["o"])
        item = found.setdefault(key, {"mode": "", "reasons": {}, "passages": {}})
        if row.get("mode"):
            item["mode"] = "interpreted" if row["mode"].endswith("Interpreted") else "stated"
        if row.get("reason"):
            item["reasons"][row["reason_lang"]] = row["reason"]
        if row.get("passage") and row["passage"] not in item["passages"]:
            terms = _terms(_node_terms(index, row["s"]) + _node_terms(index, row["o"]))
            item["passages"][row["passage"]] = _passage(index, row, terms, lang)
    return {k: {"mode": v["mode"], "reason": _pick(v["reasons"], lang),
                "passages": sorted(v["passages"].values(), key=lambda p: p["start"])} for k, v in found.items()}


def _ref(index: ExploreIndex, iri: str, lang: str) -> dict:
    node = index.nodes[iri]
    return {"iri": iri, "label": label_of(node, lang), "kind": node.kind, "notation": node.notation}


def node_page(store: Store, index: ExploreIndex, iri: str, lang: str = "sv") -> dict:
    """Everything the details panel shows about the node ``iri``; an unknown IRI raises :class:`NodeNotFound`."""
    node = index.nodes.get(iri)
    if node is None:
        raise NodeNotFound(iri)
    x = {"x": ox.NamedNode(iri)}
    alt, descriptions = [], {}
    for p, v in _rows(store.query(Q_ENTITY, x)):
        if p.value == PREFIXES["skos"] + "altLabel":
            alt.append(v.value)
        elif p.value == PREFIXES["dcterms"] + "description":
            descriptions[getattr(v, "language", None) or "sv"] = v.value
    own_terms = _terms(_node_terms(index, iri) + alt)
    mentions = [_passage(index, _plain(["passage", "text", "start", "end", "doc"], r), own_terms, lang)
                for r in _rows(store.query(Q_PASSAGES, x))]
    about = store.query(Q_ABOUT, x)
    prov = _provenance(index, about, lang)
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for i in index.adjacency.get(iri, ()):
        e = index.edges[i]
        out = e.source == iri
        other = e.target if out else e.source
        info = prov.get((e.source, e.predicate, e.target), {"mode": e.mode, "reason": "", "passages": []})
        groups[(e.predicate, "out" if out else "in")].append({**_ref(index, other, lang), **info, "edge": e.id})
    relations = [{"predicate": p, "direction": d, "label": predicate_label(index, p, lang),
                  "items": sorted(items, key=lambda it: it["label"])}
                 for (p, d), items in sorted(groups.items(), key=lambda t: (t[0][1] == "in", t[0][0]))]
    facts = [{"predicate": p, "label": predicate_label(index, p, lang),
              "value": label_of(index.nodes[o], lang) if o in index.nodes else
              predicate_label(index, o, lang) if o.startswith("http") else o, **info}
             for (s, p, o), info in sorted(prov.items()) if s == iri and o not in index.nodes]
    return {
        "iri": iri, "curie": curie(iri), "kind": node.kind, "type_label": class_label(index, node.cls, lang),
        "label": label_of(node, lang), "labels": dict(node.labels), "alt_labels": sorted(alt),
        "notation": node.notation, "description": _pick(descriptions, lang), "mentions": mentions,
        "relations": relations, "facts": facts,
    }


def edge_page(store: Store, index: ExploreIndex, source: str, predicate: str, target: str, lang: str = "sv") -> dict:
    """The provenance of one relation: both ends, the predicate, stated or interpreted, reason and passages."""
    if source not in index.nodes or target not in index.nodes:
        raise NodeNotFound(source if source not in index.nodes else target)
    bindings = {"s": ox.NamedNode(source), "p": ox.NamedNode(predicate), "o": ox.NamedNode(target)}
    prov = _provenance(index, store.query(Q_TRIPLE, bindings), lang)
    info = prov.get((source, predicate, target), {"mode": "", "reason": "", "passages": []})
    return {"source": _ref(index, source, lang), "target": _ref(index, target, lang), "predicate": predicate,
            "label": predicate_label(index, predicate, lang), **info}
