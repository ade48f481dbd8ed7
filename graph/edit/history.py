"""The history graph: every edit a ``prov:Activity`` (``fp:Edit``), with the triples it added and removed kept in
two named graphs of its own so that an undo reverses it exactly.

In the named graph :data:`HISTORY_GRAPH`::

    <change/ID> a prov:Activity, fp:Edit ;  fp:operation "set_label" ;
        prov:wasAssociatedWith <agent/…> ;  prov:startedAtTime …; prov:endedAtTime … ;   # who, when
        rdfs:label "…"@sv, "…"@en ;  prov:used <the node> ;                               # what
        prov:generated <change/ID/added> ;  prov:invalidated <change/ID/removed> ;       # what, exactly
        rdfs:comment "…" .                                                                # why
    <agent/…> a prov:Agent ; foaf:name "Anna" .
    <change/ID/added> a prov:Entity ; prov:wasGeneratedBy <change/ID> .
    <change/ID/removed> a prov:Entity ; prov:wasInvalidatedBy <change/ID> .

An undo is an ``fp:Undo`` that ``fp:undoes`` the edit and invalidates the triples that edit generated
(``<change/X/added> prov:wasInvalidatedBy <change/U>``). The triples themselves live in the named graphs
``<change/ID/added>`` and ``<change/ID/removed>``; the default graph holds the data as it is now.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import TypedDict

import pyoxigraph as ox

from graph.edit.changes import Change
from graph.queries import internal
from graph.store import Solutions, Store
from graph.vocab.namespaces import FP, ID, PREFIXES

__all__ = ["CHANGE_PREFIX", "HISTORY_GRAPH", "HistoryEntry", "agent_iri", "change_graphs", "history", "history_quads",
           "is_edit_graph", "recorded", "status"]

HISTORY_GRAPH = ox.NamedNode(ID["history"])
CHANGE_PREFIX = str(ID["change/"])
PROV = PREFIXES["prov"]
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")


class HistoryEntry(TypedDict):
    """One edit of :func:`history`: ``id`` (sortable, from ``fardplan history``), its IRI, ``operation``, who,
    when (``started``, ``ended``: xsd:dateTime in UTC), what (``what`` in sv and en; ``target`` the node it is
    about; ``added`` and ``removed`` count the triples), why, and the undo links (``undoes``, ``undone_by``)."""

    id: str
    iri: str
    operation: str
    who: str
    started: str
    ended: str
    what: dict[str, str]
    why: str
    target: str
    undoes: str | None
    undone_by: str | None
    added: int
    removed: int


def _p(local: str) -> ox.NamedNode:
    return ox.NamedNode(PROV + local)


def agent_iri(who: str) -> ox.NamedNode:
    """The agent of the name ``who`` (one per name)."""
    return ox.NamedNode(ID[f"agent/{hashlib.sha1(who.encode()).hexdigest()[:12]}"])


def change_graphs(change_id: str) -> tuple[ox.NamedNode, ox.NamedNode]:
    """The named graphs of the triples the edit ``change_id`` added and removed."""
    return ox.NamedNode(f"{CHANGE_PREFIX}{change_id}/added"), ox.NamedNode(f"{CHANGE_PREFIX}{change_id}/removed")


def history_quads(change_id: str, change: Change, who: str, why: str, started: datetime, ended: datetime
                  ) -> list[ox.Quad]:
    """The quads recording ``change``: its activity in :data:`HISTORY_GRAPH` and its two graphs of triples."""
    node = ox.NamedNode(CHANGE_PREFIX + change_id)
    agent = agent_iri(who)
    added, removed = change_graphs(change_id)
    h = HISTORY_GRAPH
    quads = [ox.Quad(node, RDF_TYPE, _p("Activity"), h), ox.Quad(node, RDF_TYPE, ox.NamedNode(str(FP.Edit)), h),
             ox.Quad(node, ox.NamedNode(str(FP.operation)), ox.Literal(change.operation), h),
             ox.Quad(node, _p("wasAssociatedWith"), agent, h),
             ox.Quad(node, _p("startedAtTime"), ox.Literal(started.isoformat(), datatype=XSD_DATETIME), h),
             ox.Quad(node, _p("endedAtTime"), ox.Literal(ended.isoformat(), datatype=XSD_DATETIME), h),
             ox.Quad(node, _p("used"), ox.NamedNode(change.target), h),
             ox.Quad(node, _p("generated"), added, h), ox.Quad(node, _p("invalidated"), removed, h),
             ox.Quad(agent, RDF_TYPE, _p("Agent"), h),
             ox.Quad(agent, ox.NamedNode(PREFIXES["foaf"] + "name"), ox.Literal(who), h),
             ox.Quad(added, RDF_TYPE, _p("Entity"), h), ox.Quad(added, _p("wasGeneratedBy"), node, h),
             ox.Quad(removed, RDF_TYPE, _p("Entity"), h), ox.Quad(removed, _p("wasInvalidatedBy"), node, h)]
    quads += [ox.Quad(node, ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal(text, language=lang), h)
              for lang, text in change.summary.items()]
    if why:
        quads.append(ox.Quad(node, ox.NamedNode(PREFIXES["rdfs"] + "comment"), ox.Literal(why), h))
    if change.undoes:
        undone = ox.NamedNode(CHANGE_PREFIX + change.undoes)
        quads += [ox.Quad(node, RDF_TYPE, ox.NamedNode(str(FP.Undo)), h),
                  ox.Quad(node, ox.NamedNode(str(FP.undoes)), undone, h),
                  ox.Quad(change_graphs(change.undoes)[0], _p("wasInvalidatedBy"), node, h)]
    quads += [ox.Quad(t.subject, t.predicate, t.object, added) for t in change.added]
    quads += [ox.Quad(t.subject, t.predicate, t.object, removed) for t in change.removed]
    return quads


def is_edit_graph(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
    """Whether ``graph`` is the history graph or an edit's graph of added or removed triples (not data)."""
    return isinstance(graph, ox.NamedNode) and (graph == HISTORY_GRAPH or graph.value.startswith(CHANGE_PREFIX))


def _local(iri: str) -> str:
    return iri[len(CHANGE_PREFIX):] if iri.startswith(CHANGE_PREFIX) else iri


def status(entries: list[HistoryEntry]) -> dict[str, str]:
    """Which edits are undone now, and by which undo: ``{id: undo id}``. An undone undo restores its edit."""
    undone: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e["id"]):  # ids begin with the time, fixed width
        target = entry.get("undoes")
        if target:
            undone[target] = entry["id"]
            reversed_edit = next((e.get("undoes") for e in entries if e["id"] == target), None)
            if reversed_edit:
                undone.pop(reversed_edit, None)
    return undone


def history(store: Store, limit: int | None = 50) -> list[HistoryEntry]:
    """The edits, newest first (at most ``limit``; None: all), each a :class:`HistoryEntry`."""
    answer = store.query(internal("edit_history").text, {"history": HISTORY_GRAPH})
    assert isinstance(answer, Solutions)
    sizes_answer = store.query(internal("edit_graph_sizes").text, {"prefix": ox.Literal(CHANGE_PREFIX)})
    assert isinstance(sizes_answer, Solutions)
    sizes = {g.value: int(n.value) for g, n in sizes_answer.rows}
    entries: dict[str, HistoryEntry] = {}
    for change, op, who, started, ended, why, target, undoes, sv, en, added, removed in answer.rows:
        change_id = _local(change.value)
        entries.setdefault(change_id, {
            "id": change_id, "iri": change.value, "operation": op.value, "who": who.value,
            "started": started.value, "ended": ended.value,
            "what": {"sv": sv.value if sv else op.value, "en": en.value if en else op.value},
            "why": why.value if why else "", "target": target.value if target else "",
            "undoes": _local(undoes.value) if undoes else None, "undone_by": None,
            "added": sizes.get(added.value, 0), "removed": sizes.get(removed.value, 0)})
    listed = list(entries.values())
    for change_id, undo in status(listed).items():
        if change_id in entries:
            entries[change_id]["undone_by"] = undo
    return listed if limit is None else listed[:limit]


def recorded(store: Store, change_id: str) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """The triples the edit ``change_id`` added and removed, as recorded; an unknown id is an error."""
    added, removed = change_graphs(change_id)
    found = []
    for graph in (added, removed):
        answer = store.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
        assert isinstance(answer, Solutions)
        found.append([ox.Triple(s, p, o) for s, p, o in answer.rows])
    return found[0], found[1]
