"""Applying an edit: the same SHACL shapes a load runs (:mod:`graph.load.validate`) on the touched nodes as they
would be after it, then one SPARQL Update that removes, adds and records the edit in the history graph together
(with any quads of other named graphs the caller writes with it, such as a review decision). A big insert already
checked by the loader (a spreadsheet import) is written by :func:`apply_staged`: the data, its copy in the change's
graph of added triples and the record, in one atomic insert of the store's bulk path. A failed check or write
changes nothing; the error is a :class:`~graph.errors.FardplanError` (one JSON shape).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import pyoxigraph as ox

from graph.edit.changes import Change
from graph.edit.history import (
    CHANGE_PREFIX,
    HistoryEntry,
    change_graphs,
    history,
    history_quads,
    is_edit_graph,
    recorded,
)
from graph.errors import EditError, ShapeViolation, Violation
from graph.load.loader import store_context
from graph.load.validate import errors_only, validate_store
from graph.service.caches import invalidate
from graph.store import Store

__all__ = ["MAX_WHO", "WRITING", "apply", "apply_staged", "check_change", "last_undoable", "new_id", "undo_change",
           "who_name"]

MAX_WHO = 100
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
# One write at a time: its check sees the store it writes to (re-entrant: an import checks and writes under it).
WRITING = threading.RLock()
Extra = Callable[[str], Iterable[ox.Quad]]  # the change's IRI → quads of other named graphs written with it


def new_id(now: datetime) -> str:
    """A sortable id: UTC time to the microsecond and a random tail."""
    return f"{now:%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"


def _present(store: Store, triples: list[ox.Triple]) -> set[ox.Triple]:
    subjects = sorted({t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}, key=str)
    have = set(store.match(subjects=subjects)) if subjects else set()
    return {t for t in triples if t in have}


def _net(store: Store, change: Change) -> Change:
    """``change`` with only the triples that really change: added ones not yet there, removed ones that are."""
    present = _present(store, change.added + change.removed)
    added = list(dict.fromkeys(t for t in change.added if t not in present))
    removed = list(dict.fromkeys(t for t in change.removed if t in present and t not in set(change.added)))
    return Change(change.operation, change.target, added, removed, change.summary, change.undoes)


def check_change(store: Store, change: Change) -> list[Violation]:
    """SHACL-check the nodes ``change`` touches as they would be after it; raise :class:`ShapeViolation` on
    violations, return warnings. The store was valid before, so only touched focus nodes are reported."""
    touched = change.added + change.removed
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in touched]
    context = set(store_context(store, quads))
    # One step further: the passages, documents and relation ends the touched nodes' own triples point to, which
    # the shapes look at when judging an assertion whose mode or reason alone changes.
    ends = {t.object for t in context if isinstance(t.object, ox.NamedNode)} | {
        t.subject for t in context if isinstance(t.subject, ox.NamedNode)}
    context |= set(store.match(subjects=sorted(ends, key=str)))
    hierarchy = store.query(f"CONSTRUCT {{ ?c <{SUBCLASS}> ?d }} WHERE {{ ?c <{SUBCLASS}> ?d }}")
    context |= set(hierarchy) if isinstance(hierarchy, list) else set()
    after = (context - set(change.removed)) | set(change.added)
    staging = ox.Store()
    staging.extend(ox.Quad(t.subject, t.predicate, t.object) for t in after)
    nodes = {t.subject for t in touched} | {t.object for t in touched if isinstance(t.object, ox.NamedNode)}
    results = validate_store(staging, keep=lambda focus: focus in nodes)
    blocking = errors_only(results)
    if blocking:
        raise ShapeViolation(blocking, f"edit {change.operation}")
    return [r for r in results if r.severity != "Violation"]


def _data(quads: list[ox.Quad]) -> str:
    default = [f"{q.triple} ." for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    named: dict[str, list[str]] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            named.setdefault(str(q.graph_name), []).append(f"{q.triple} .")
    parts = default + [f"GRAPH {g} {{\n" + "\n".join(ts) + "\n}" for g, ts in named.items()]
    return "{\n" + "\n".join(parts) + "\n}"


def who_name(who: str | None) -> str:
    """``who`` as the history keeps it (white space folded); an error when it is empty or too long."""
    name = " ".join((who or "").split())
    if not name:
        raise EditError("say who makes the change: give your name (it is kept in this browser)")
    if len(name) > MAX_WHO:
        raise EditError(f"a name has at most {MAX_WHO} characters")
    return name


def _why(why: str | None) -> str:
    return " ".join((why or "").split())[:2000]


def apply(store: Store, change: Change, who: str | None, why: str | None = None, extra: Extra | None = None
          ) -> HistoryEntry:
    """Check ``change`` and write it with its history in one update; return its history entry (see
    :func:`graph.edit.history.history`). ``extra(change IRI)`` gives quads of other named graphs to write in the
    same update (a review decision that names the change). Nothing is written when the check or the write fails."""
    name, reason = who_name(who), _why(why)
    with WRITING:
        started = datetime.now(UTC)
        change = _net(store, change)
        if not change.added and not change.removed:
            raise EditError("nothing to change: the graph already says this")
        check_change(store, change)
        change_id = new_id(started)
        record = history_quads(change_id, change, name, reason, started, datetime.now(UTC))
        removed = [ox.Quad(t.subject, t.predicate, t.object) for t in change.removed]
        added = [ox.Quad(t.subject, t.predicate, t.object) for t in change.added]
        more = list(extra(CHANGE_PREFIX + change_id)) if extra is not None else []
        if any(isinstance(q.graph_name, ox.DefaultGraph) or is_edit_graph(q.graph_name) for q in more):
            raise EditError("extra quads of an edit belong in a named graph of their own, not the data or history")
        update = (f"DELETE DATA {_data(removed)} ;\n" if removed else "") + \
            f"INSERT DATA {_data(added + record + more)}"
        try:
            store.update(update)
        finally:
            invalidate(store)
    return next(e for e in history(store, limit=None) if e["id"] == change_id)


def apply_staged(store: Store, staging: ox.Store, operation: str, target: str, summary: dict[str, str],
                 who: str | None, why: str | None = None) -> HistoryEntry:
    """Write the data in ``staging``'s default graph as one change with its history: a load's bulk insert.

    The data must be checked already (:func:`graph.load.loader.check_staged`, under :data:`WRITING` from the check
    on) and none of it in the store (so the change adds exactly it). Its copy in the change's graph of added
    triples is made inside ``staging`` by one SPARQL Update, the record added beside it, and the lot written in one
    atomic insert (:meth:`~graph.store.Store.insert_store`). ``staging`` is consumed."""
    name, reason = who_name(who), _why(why)
    with WRITING:
        started = datetime.now(UTC)
        change_id = new_id(started)
        added, _ = change_graphs(change_id)
        staging.update(f"INSERT {{ GRAPH {added} {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}")
        staging.extend(history_quads(change_id, Change(operation, target, [], [], summary), name, reason, started,
                                     datetime.now(UTC)))
        try:
            store.insert_store(staging)
        finally:
            invalidate(store)
    return next(e for e in history(store, limit=None) if e["id"] == change_id)


def undo_change(store: Store, change_id: str) -> Change:
    """The edit that reverses ``change_id`` exactly: it must not be undone yet, and no later edit may have
    changed the triples it added or removed (undo those first)."""
    entries = history(store, limit=None)
    entry = next((e for e in entries if e["id"] == change_id), None)
    if entry is None:
        raise EditError(f"no edit {change_id!r} in the history", 404)
    if entry["undone_by"]:
        raise EditError(f"edit {change_id} is already undone (by {entry['undone_by']})", 409)
    added, removed = recorded(store, change_id)
    present = _present(store, added + removed)
    if any(t not in present for t in added) or any(t in present for t in removed):
        mine = set(added) | set(removed)
        later = [e["id"] for e in reversed(entries) if e["id"] > entry["id"] and not e["undone_by"]
                 and not mine.isdisjoint(sum(recorded(store, e["id"]), []))]
        raise EditError(f"edit {change_id} cannot be undone exactly: later edits changed the same triples"
                        f"{' (' + ', '.join(later) + ')' if later else ''}; undo them first", 409)
    return Change("undo", entry["target"], removed, added,
                  {"sv": f"Ångrat: {entry['what']['sv']}", "en": f"Undone: {entry['what']['en']}"}, change_id)


def last_undoable(store: Store) -> str | None:
    """The newest edit that is not an undo and is not undone (what "undo the last change" reverses)."""
    return next((e["id"] for e in history(store, limit=None) if e["operation"] != "undo" and not e["undone_by"]),
                None)

