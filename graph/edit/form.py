"""The explorer's edit form as plain data: which choices it offers, and a submitted form turned into one edit.

The alias field adds an alias in the chosen language; with an existing alias chosen (``alias_old``, written
``lang:text``) it corrects that alias, or removes it when the field is left empty.

The UI passes the form's fields as they are (strings, None for empty); :func:`submit` names the edit, resolves the
target node by name (notation, label, CURIE or IRI, as everywhere: :func:`graph.service.planner.resolve_node`) and
answers as :func:`graph.edit.run` does: ``{"ok": True, "change": entry}`` or the one error shape.
"""

from __future__ import annotations

from graph.edit import run
from graph.edit.changes import documents, relation_properties
from graph.errors import EditError, FardplanError
from graph.service.caches import caches_of
from graph.service.planner import resolve_node
from graph.store import Store

__all__ = ["ACTIONS", "choices", "request", "submit"]

ACTIONS = ("label", "alias", "relation", "delete", "undo_last")


def choices(store: Store) -> dict[str, list]:
    """What the form offers: ``{"relations": [{"iri", "sv", "en"}], "documents": [{"iri", "sv", "en", …}]}``
    (kept with the store's caches, so built once per store state)."""
    return caches_of(store).get("edit_form", lambda s: {"relations": relation_properties(s),
                                                          "documents": documents(s)})


def request(store: Store, node: str | None, action: str, fields: dict) -> tuple[str, dict]:
    """The edit (operation and parameters) that ``action`` on the form's ``fields`` asks for on ``node``."""
    if action == "undo_last":
        return "undo_last", {}
    if action == "delete":
        return "delete_relation", {"subject": fields.get("s"), "predicate": fields.get("p"), "obj": fields.get("o")}
    if not node:
        raise EditError("select a node first")
    lang = fields.get("lang") or "sv"
    if action == "label":
        return "set_label", {"node": node, "lang": lang, "text": fields.get("label") or ""}
    if action == "alias":
        old = fields.get("alias_old") or ""
        if old and old != "new":  # "sv:Polismyndigheten": correct that alias
            old_lang, _, old_text = old.partition(":")
            if not (fields.get("alias") or "").strip():
                return "remove_alias", {"node": node, "lang": old_lang, "old": old_text}
            return "correct_alias", {"node": node, "lang": old_lang, "old": old_text, "text": fields["alias"]}
        return "add_alias", {"node": node, "lang": lang, "text": fields.get("alias") or ""}
    if action == "relation":
        if not fields.get("predicate"):
            raise EditError("choose the relation")
        if not (fields.get("target") or "").strip():
            raise EditError("name the node the relation goes to")
        target = resolve_node(store, fields["target"])["iri"]
        document = fields.get("document") or None
        source = {"text": fields.get("quote") or "", "start": fields.get("start") if document else None}
        if document and document != "none":
            source["document"] = document
        return "add_relation", {"subject": node, "predicate": fields["predicate"], "obj": target, "source": source,
                                "mode": fields.get("mode") or "stated", "reason_sv": fields.get("reason_sv"),
                                "reason_en": fields.get("reason_en")}
    raise EditError(f"unknown form action {action!r}; the actions are {ACTIONS}")


def submit(store: Store, node: str | None, action: str, fields: dict, who: str | None, why: str | None,
           allowed: bool) -> dict:
    """Make the edit the form asks for; ``{"ok": True, "change": entry}`` or the error shape (nothing changed)."""
    if not allowed:
        return run(store, action, {}, who, why, allowed=False)
    try:
        operation, params = request(store, node, action, fields)
    except FardplanError as exc:
        return dict(exc.to_dict())
    return run(store, operation, params, who, why, allowed=True)
