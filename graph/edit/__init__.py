"""Editing the graph with a history (issue 14): change operations, their SHACL check and atomic write, undo.

The faces call :func:`run` (plain data in, plain data out): ``run(store, "set_label", {"node": IRI, "lang": "sv",
"text": "…"}, who="Anna", why="…", allowed=settings.allow_edits)`` returns ``{"ok": True, "change": entry}`` or the
one error shape of :mod:`graph.errors`. :func:`history` lists the edits (who, when, what, why) for ``fardplan
history`` and the /data page. The public /sparql endpoint never writes; edits come only through here.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.edit import changes
from graph.edit.apply import apply, last_undoable, undo_change
from graph.edit.changes import Change, documents, relation_properties
from graph.edit.history import HISTORY_GRAPH, HistoryEntry, history
from graph.errors import EditError, FardplanError
from graph.store import Store

__all__ = ["HISTORY_GRAPH", "OPERATIONS", "Change", "HistoryEntry", "documents", "edit", "history",
           "relation_properties", "run", "undo", "undo_last"]

# Each operation with the parameters it takes (all by name; see graph.edit.changes).
OPERATIONS: dict[str, Callable[..., Change]] = {
    "set_label": changes.set_label,            # node, lang, text
    "add_alias": changes.add_alias,            # node, lang, text
    "correct_alias": changes.correct_alias,    # node, lang, old, text
    "remove_alias": changes.remove_alias,      # node, lang, old
    "add_relation": changes.add_relation,      # subject, predicate, obj, source, mode, reason_sv, reason_en
    "set_mode": changes.set_mode,              # subject, predicate, obj, mode, reason_sv, reason_en
    "delete_relation": changes.delete_relation,  # subject, predicate, obj
}


def edit(store: Store, operation: str, params: dict, who: str | None, why: str | None = None) -> dict:
    """Build the change ``operation`` with ``params``, check it and write it; its history entry."""
    build = OPERATIONS.get(operation)
    if build is None:
        raise EditError(f"unknown edit {operation!r}; the edits are {sorted(OPERATIONS)}")
    try:
        change = build(store, **params)
    except TypeError as exc:
        raise EditError(f"{operation}: {exc}") from None
    return apply(store, change, who, why)


def undo(store: Store, change_id: str, who: str | None, why: str | None = None) -> dict:
    """Undo the edit ``change_id`` (itself an edit in the history); its history entry."""
    return apply(store, undo_change(store, change_id), who, why)


def undo_last(store: Store, who: str | None, why: str | None = None) -> dict:
    """Undo the newest edit that is not undone yet."""
    change_id = last_undoable(store)
    if change_id is None:
        raise EditError("there is no change to undo", 404)
    return undo(store, change_id, who, why)


def run(store: Store, operation: str, params: dict, who: str | None, why: str | None = None,
        allowed: bool = False) -> dict:
    """:func:`edit` (or ``"undo"`` with ``{"id"}``, ``"undo_last"``) as plain data: ``{"ok": True, "change":
    entry}``, or the error shape; refused (403) unless ``allowed`` (the ``allow_edits`` setting)."""
    try:
        if not allowed:
            raise EditError("editing is off: start the explorer with --allow-edits (FARDPLAN_ALLOW_EDITS=1)", 403)
        if operation == "undo":
            entry = undo(store, str(params.get("id", "")), who, why)
        elif operation == "undo_last":
            entry = undo_last(store, who, why)
        else:
            entry = edit(store, operation, params, who, why)
    except FardplanError as exc:
        return dict(exc.to_dict())
    return {"ok": True, "change": entry}
