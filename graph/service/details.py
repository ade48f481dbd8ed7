"""The details panel as plain data: a node's type, labels, description, relations grouped by kind, and the
provenance of each (the quoted source passage with the relevant words marked, stated or interpreted).

A hub has thousands of relations (3,043 for the police at 1M triples), so each group lists one page of them
(:data:`RELATIONS_PER_PAGE`, more on request) with its full count. Groups, counts and order come from the
in-memory index; the store is asked only for the node's own values, its passages, and the provenance of the
listed relations: three queries, whatever the node's degree (``graph/queries/details_*.rq``)."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict

import pyoxigraph as ox

from graph.errors import NodeNotFound
from graph.index.nodes import NON_RELATIONS, Edge, ExploreIndex, label_of
from graph.queries import internal
from graph.service.model import (
    EdgePage,
    Fact,
    NodePage,
    NodeRef,
    Passage,
    Provenance,
    RelationGroup,
    RelationItem,
)
from graph.store import Solutions, Store
from graph.vocab.labels import FALLBACK_LABELS
from graph.vocab.namespaces import PREFIXES, curie
from graph.vocab.notation import notation_key
from graph.vocab.restore import Lexicon, restore
from graph.vocab.text import fold

__all__ = ["node_page", "edge_page", "group_key", "split_group_key", "group_sparql", "mark_segments",
           "term_label", "RELATIONS_PER_PAGE", "MAX_PAGES"]

_NO_NOTATION = notation_key("")
RELATIONS_PER_PAGE = 25  # relations listed per group before "Visa fler"
MAX_PAGES = 20  # the panel lists at most 500 relations of a group; the SPARQL page lists them all
STOPWORDS = {"inom", "samt", "genom", "mellan", "eller", "till", "fran", "under", "efter", "kommer", "ocksa",
             "detta", "dessa", "deras", "finns", "andra", "stadens"}

# The node's own values (labels, literals, ontology terms), leaving out the triples to its relations' ends: the
# predicates to skip are bound to the query's variables ?skip0, ?skip1, … (see the file), SKIP_SLOTS of them.
Q_VALUES = internal("details_values").text
SKIP_SLOTS = len(set(re.findall(r"\?skip\d+\b", Q_VALUES)))
Q_PASSAGES = internal("details_passages").text
# Provenance of the listed triples only, as a UNION of up to four ways to find their assertions (pyoxigraph
# joins in the order written, and ``?a rdf:object <o>`` reads every triple with object ``o``). A VALUES row is
# looked up from its cheaper end: rdf:subject of a project with six relations, not rdf:object of a strategy with
# 650. When the rows at the selected node would together touch more triples than the node has, one scan of the
# node's own assertions filtered to the listed ends is cheaper. At 1M triples, the 25-56 rows of the hub,
# DT.VI or goal area DT: 2-6 ms (always from the object end: 3-33 ms; one triple per query: 4 ms per triple).
# The rows and ends are lists, which a binding cannot carry: the fragments have them written in as terms.
FIND = {side: internal(f"details_find_{side}") for side in ("subject", "object", "out", "in")}
Q_PROVENANCE = internal("details_provenance").text
FIND_LINE = "\n  # find\n"  # where Q_PROVENANCE takes the UNION of the FIND fragments
SCAN_COST = 3  # a filtered scan of the node's assertions costs about 3 row look-ups per assertion (measured)


def _rows(answer) -> list[tuple]:
    assert isinstance(answer, Solutions)
    return answer.rows


def _pick(labels: dict[str, str], lang: str, default: str = "") -> str:
    return labels.get(lang) or labels.get("sv") or labels.get("en") or next(iter(labels.values()), default)


def term_label(index: ExploreIndex, iri: str, lang: str = "sv") -> str:
    """A predicate's or class's label in ``lang`` (the ontology's, else :data:`FALLBACK_LABELS`), else its CURIE."""
    return _pick(index.vocab.get(iri) or FALLBACK_LABELS.get(iri, {}), lang, curie(iri))


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
    by_start: dict[str, list[str]] = defaultdict(list)  # a match shares at least its first four letters
    for term in terms:
        by_start[term[:4]].append(term)
    out: list[list] = []
    last = 0
    for m in re.finditer(r"\w+", text):
        word = fold(m.group())
        if len(word) >= 4 and word not in STOPWORDS and any(_matches(word, t) for t in by_start.get(word[:4], ())):
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


def _lexicon(index: ExploreIndex) -> Lexicon:
    """Known Swedish words of the index (its Swedish labels), built once per index."""
    found = index.caches.get("lexicon")
    if not isinstance(found, Lexicon):
        found = index.caches["lexicon"] = Lexicon(n.labels.get("sv", "") for n in index.nodes.values())
    return found


def _passage(index: ExploreIndex, row: dict, terms: set[str], lang: str) -> Passage:
    """A passage of a source text, or a spreadsheet's row (``file``, ``sheet``, ``row``; its quote if it has one)."""
    doc, file = row.get("doc"), row.get("file", "")
    doc_node = index.nodes.get(doc) if doc else None
    file_node = index.nodes.get(file) if file else None
    text = row.get("text", "")
    return {
        "iri": row["passage"], "text": text, "start": int(row.get("start", 0)), "end": int(row.get("end", 0)),
        "restored": restore(text, _lexicon(index)) if text else "",
        "document": doc or "", "document_label": label_of(doc_node, lang) if doc_node else (curie(doc) if doc else ""),
        "segments": mark_segments(text, terms) if text else [],
        "file": file, "file_label": label_of(file_node, lang) if file_node else (curie(file) if file else ""),
        "sheet": row.get("sheet", ""), "row": int(row.get("row", 0)),
    }


def _plain(variables: list[str], row: tuple) -> dict:
    out = {}
    for name, term in zip(variables, row, strict=True):
        if term is not None:
            out[name] = term.value
            if name == "reason":
                out["reason_lang"] = getattr(term, "language", None) or "sv"
    return out


def _provenance(index: ExploreIndex, answer: Solutions, lang: str) -> dict[tuple[str, str, str], Provenance]:
    """Assertions by (s, p, o): mode, reason in ``lang``, and passages with marked words."""
    found: dict[tuple[str, str, str], dict] = {}
    for raw in answer.rows:
        row = _plain(answer.variables, raw)
        key = (row["s"], row["p"], row["o"])
        item = found.setdefault(key, {"mode": "", "reasons": {}, "passages": {}})
        if row.get("mode") and item["mode"] != "stated":  # several assertions (replies): stated wins, as in the index
            item["mode"] = "interpreted" if row["mode"].endswith("Interpreted") else "stated"
        if row.get("reason"):
            item["reasons"][row["reason_lang"]] = row["reason"]
        if row.get("passage") and row["passage"] not in item["passages"]:
            terms = _terms(_node_terms(index, row["s"]) + _node_terms(index, row["o"]))
            item["passages"][row["passage"]] = _passage(index, row, terms, lang)
    return {k: {"mode": v["mode"], "reason": _pick(v["reasons"], lang),
                "passages": sorted(v["passages"].values(), key=lambda p: p["start"])} for k, v in found.items()}


def _ref(index: ExploreIndex, iri: str, lang: str) -> NodeRef:
    node = index.nodes[iri]
    return {"iri": iri, "label": label_of(node, lang), "kind": node.kind, "notation": node.notation}


def group_key(predicate: str, direction: str) -> str:
    """The id of a relation group: the predicate IRI, with ``^`` in front for incoming relations (as in a SPARQL
    inverse path)."""
    return predicate if direction == "out" else "^" + predicate


def split_group_key(key: str) -> tuple[str, str]:
    """``(predicate, direction)`` of a :func:`group_key`."""
    return (key[1:], "in") if key.startswith("^") else (key, "out")


def _relation_groups(index: ExploreIndex, iri: str) -> dict[tuple[str, str], list[Edge]]:
    """The relations at ``iri`` by (predicate, direction), from the in-memory index (no store query)."""
    groups: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for i in index.adjacency.get(iri, ()):
        e = index.edges[i]
        groups[(e.predicate, "out" if e.source == iri else "in")].append(e)
    return groups


def _page_of(index: ExploreIndex, iri: str, edges: list[Edge], offset: int, limit: int, lang: str) -> list[Edge]:
    """Edges ``offset`` to ``offset + limit`` of one group in display order: notation order for codes
    (strategies, goal areas), then the most connected first, then alphabetically."""
    nodes, adjacency = index.nodes, index.adjacency
    index.sort_label("", lang)
    labels = index.sort_labels[lang]
    keyed = [((not (n := nodes[o]).notation, notation_key(n.notation) if n.notation else _NO_NOTATION,
               -len(adjacency[o]), labels[o], o), e)
             for e in edges for o in (e.target if e.source == iri else e.source,)]
    if offset == 0 and limit >= len(keyed):
        return [e for _, e in sorted(keyed, key=lambda t: t[0])]
    return [e for _, e in heapq.nsmallest(offset + limit, keyed, key=lambda t: t[0])[offset:]]


def _term(value) -> ox.NamedNode | ox.Literal:
    """A pyoxigraph term as it is, a ``str`` as an IRI."""
    return value if isinstance(value, ox.NamedNode | ox.Literal) else ox.NamedNode(value)


def _provenance_query(index: ExploreIndex, triples: list[tuple], focus: str | None = None) -> str:
    """The :data:`Q_PROVENANCE` text for ``triples``, each found from its cheaper end (see :data:`FIND`)."""
    def cost(value) -> int:  # triples with ``value`` as object: its incoming relations and its assertions
        return index.degree(value) + index.in_degree(value) if isinstance(value, str) else 1

    rows: dict[str, list[tuple]] = {"out": [], "in": [], "": []}
    spent = dict.fromkeys(rows, 0)
    for s, p, o in triples:
        at = "out" if s == focus else "in" if o == focus else ""
        rows[at].append((s, p, o))
        spent[at] += min(cost(s), cost(o))
    parts, single = [], rows[""]
    for at, end in (("out", 2), ("in", 0)):
        if rows[at] and SCAN_COST * cost(focus) < spent[at]:
            ends = list(dict.fromkeys(_term(t[end]) for t in rows[at]))
            parts.append(FIND[at].write({"focus": _term(focus), "ends": ends}))
        else:
            single = single + rows[at]
    for side in ("subject", "object"):
        mine = [t for t in single if (cost(t[0]) < cost(t[2])) == (side == "subject")]
        if mine:
            parts.append(FIND[side].write({"rows": [tuple(map(_term, t)) for t in mine]}))
    return Q_PROVENANCE.replace(FIND_LINE, "\n  " + "\n  UNION ".join(part.strip() for part in parts) + "\n", 1)


def _query_provenance(store: Store, index: ExploreIndex, triples: list[tuple], lang: str,
                      focus: str | None = None) -> dict[tuple[str, str, str], Provenance]:
    """:func:`_provenance` of ``triples`` (``(s, p, o)`` of IRIs, or pyoxigraph terms for values) in one query."""
    if not triples:
        return {}
    return _provenance(index, store.query(_provenance_query(index, triples, focus)), lang)


def _items(index: ExploreIndex, iri: str, edges: list[Edge], prov: dict[tuple[str, str, str], Provenance],
           lang: str) -> list[RelationItem]:
    out: list[RelationItem] = []
    for e in edges:
        info: Provenance = prov.get((e.source, e.predicate, e.target), {"mode": e.mode, "reason": "", "passages": []})
        out.append({**_ref(index, e.target if e.source == iri else e.source, lang), **info, "edge": e.id})
    return out


def group_sparql(iri: str, key: str) -> str:
    """A SPARQL query listing every relation of one group, with Swedish labels (for the SPARQL page)."""
    predicate, direction = split_group_key(key)
    pattern = f"{ox.NamedNode(iri)} {ox.NamedNode(predicate)} ?other" if direction == "out" \
        else f"?other {ox.NamedNode(predicate)} {ox.NamedNode(iri)}"
    return (f"PREFIX skos: <{PREFIXES['skos']}>\n"
            f"SELECT ?other ?label WHERE {{\n  {pattern} .\n"
            f"  OPTIONAL {{ ?other skos:prefLabel ?label FILTER(lang(?label) = \"sv\") }}\n}}\nORDER BY ?label")


def node_page(store: Store, index: ExploreIndex, iri: str, lang: str = "sv", more: dict[str, int] | None = None,
              per_page: int = RELATIONS_PER_PAGE) -> NodePage:
    """Everything the details panel shows about the node ``iri``; an unknown IRI raises :class:`NodeNotFound`.

    Each relation group lists its first ``per_page`` relations (``more[group_key]`` pages of them when asked,
    at most :data:`MAX_PAGES`), counted and ordered from the in-memory index; provenance is fetched for the
    listed relations only. In a group (:class:`~graph.service.model.RelationGroup`), ``rest`` relations are not
    listed, ``order`` is ``notation`` or ``degree`` (most connected first), ``more`` says whether another page
    of ``next`` relations may be asked for, and ``sparql`` lists them all (``""`` when nothing is left out).
    """
    node = index.nodes.get(iri)
    if node is None:
        raise NodeNotFound(iri)
    more = more or {}
    x = {"x": ox.NamedNode(iri)}
    groups = _relation_groups(index, iri)
    skip = sorted(NON_RELATIONS | {p for p, d in groups if d == "out"})
    slots = {f"skip{i}": ox.NamedNode(skip[min(i, len(skip) - 1)]) for i in range(SKIP_SLOTS)}
    alt, descriptions, values = [], {}, []
    for p, v in _rows(store.query(Q_VALUES, {**x, **slots})):
        if isinstance(v, ox.NamedNode) and p.value in skip:
            continue  # a predicate past the slots (a node with more outgoing relation kinds than SKIP_SLOTS)
        if p.value not in NON_RELATIONS and v.value not in index.nodes and not isinstance(v, ox.BlankNode):
            values.append((x["x"], p, v))  # a candidate fact (VALUES takes no blank nodes)
        if p.value == PREFIXES["skos"] + "altLabel":
            alt.append(v.value)
        elif p.value == PREFIXES["dcterms"] + "description":
            descriptions[getattr(v, "language", None) or "sv"] = v.value
    own_terms = _terms(_node_terms(index, iri) + alt)
    mentions = [_passage(index, _plain(["passage", "text", "start", "end", "doc"], r), own_terms, lang)
                for r in _rows(store.query(Q_PASSAGES, x))]
    shown: dict[tuple[str, str], tuple[list[Edge], int]] = {}
    for (p, d), edges in groups.items():
        asked = more.get(group_key(p, d), 1)
        pages = min(MAX_PAGES, max(1, asked if isinstance(asked, int) else 1))
        shown[(p, d)] = (_page_of(index, iri, edges, 0, pages * per_page, lang), len(edges))
    triples = [(e.source, e.predicate, e.target) for page, _ in shown.values() for e in page]
    prov = _query_provenance(store, index, triples + values, lang, iri)
    relations: list[RelationGroup] = []
    for (p, d), (page, count) in sorted(shown.items(), key=lambda t: (t[0][1] == "in", t[0][0])):
        key, rest = group_key(p, d), count - len(page)
        items = _items(index, iri, page, prov, lang)
        relations.append({
            "key": key, "predicate": p, "direction": d, "label": term_label(index, p, lang), "count": count,
            "items": items, "rest": rest, "pages": -(-len(page) // per_page),
            "order": "notation" if all(i["notation"] for i in items) else "degree",
            "more": rest > 0 and len(page) < MAX_PAGES * per_page, "next": min(rest, per_page),
            "sparql": group_sparql(iri, key) if rest else ""})
    facts: list[Fact] = [{"predicate": p, "label": term_label(index, p, lang),
              "value": term_label(index, o, lang) if o.startswith("http") else o, **info}
             for (s, p, o), info in sorted(prov.items()) if s == iri and o not in index.nodes]
    return {
        "iri": iri, "curie": curie(iri), "kind": node.kind, "type_label": term_label(index, node.cls, lang),
        "label": label_of(node, lang), "labels": dict(node.labels), "alt_labels": sorted(alt),
        "notation": node.notation, "description": _pick(descriptions, lang), "mentions": mentions,
        "relations": relations, "facts": facts,
    }


def edge_page(store: Store, index: ExploreIndex, source: str, predicate: str, target: str,
              lang: str = "sv") -> EdgePage:
    """The provenance of one relation: both ends, the predicate, stated or interpreted, reason and passages."""
    if source not in index.nodes or target not in index.nodes:
        raise NodeNotFound(source if source not in index.nodes else target)
    prov = _query_provenance(store, index, [(source, predicate, target)], lang)
    info: Provenance = prov.get((source, predicate, target), {"mode": "", "reason": "", "passages": []})
    return {"source": _ref(index, source, lang), "target": _ref(index, target, lang), "predicate": predicate,
            "label": term_label(index, predicate, lang), **info}
