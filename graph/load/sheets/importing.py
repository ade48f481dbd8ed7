"""Checking and importing a spreadsheet: :func:`preview` plans the import and runs the loader's SHACL check on
its quads (each result at the row it came from), writing nothing; :func:`import_sheets` writes only when every row
passes, through the loader's own check (:func:`graph.load.loader.check_staged`), as one change in the edit history
(:func:`graph.edit.apply.apply_staged`: who, when, what, why; the data and its record in one atomic insert), so an
import is listed by ``fardplan history`` and /data and undone like any edit.
"""

from __future__ import annotations

from pathlib import PurePath

import pyoxigraph as ox

from graph.edit.apply import WRITING, apply_staged, who_name
from graph.errors import ShapeViolation, Violation
from graph.load.loader import check_staged
from graph.load.sheets.issues import Issue, SheetErrors
from graph.load.sheets.plan import Plan, plan_import
from graph.load.sheets.read import read_table
from graph.store import Store
from graph.vocab.namespaces import curie

__all__ = ["import_sheets", "preview", "summary"]


_SV_MESSAGES = {
    "a project must be linked to at least one strategy": "ett projekt måste kopplas till minst en strategi: lägg "
    "till en rad i Relationer med relationen ”bidrar till” och strategins notation",
    "needs exactly one Swedish skos:prefLabel": "noden har redan ett annat svenskt namn i grafen (högst ett tillåts)",
    "needs exactly one English skos:prefLabel": "noden har redan ett annat engelskt namn i grafen (högst ett "
    "tillåts)",
}


def _shape_issues(plan: Plan, violations: list[Violation]) -> list[Issue]:
    """SHACL results on the staged data, each at the row (and column) its focus node came from."""
    found = []
    for v in violations:
        row, column = plan.origins.get(v.focus, (None, None))
        sv = next((t for en, t in _SV_MESSAGES.items() if v.message.startswith(en)), f"bryter mot regeln: {v.message}")
        if row is None:
            found.append(Issue(None, None, None, f"{curie(v.focus)}: {sv}", f"{curie(v.focus)}: {v.message}"))
        else:
            found.append(row.issue(column, sv, v.message))
    return found


def _checked(store: Store, plan: Plan) -> tuple[Plan, ox.Store | None, list[Violation]]:
    """``plan`` with the loader's SHACL check run on its quads (problems added); the staged store if it passed."""
    if plan.issues or not plan.quads:
        return plan, None, []
    staging = ox.Store()
    staging.bulk_extend(plan.quads)
    try:
        warnings = check_staged(store, staging, plan.table.filename)
    except ShapeViolation as exc:
        plan.issues.extend(_shape_issues(plan, exc.violations))
        return plan, None, []
    return plan, staging, warnings


def _result(plan: Plan, warnings: list[Violation], written: bool) -> dict:
    summary = dict(plan.summary)
    summary.update(ok=plan.ok, written=written, issues=[i.to_dict() for i in plan.issues],
                   warnings=len(warnings))
    return summary


def preview(store: Store, data: bytes, filename: str) -> dict:
    """The plain-data preview of importing the file (its bytes and name): what would be added or changed, the
    existing nodes rows match, and every problem (SHACL included) at its sheet, row and column. Writes nothing."""
    try:
        table = read_table(data, filename)
    except SheetErrors as exc:
        return _failed(filename, exc.issues)
    plan, _, warnings = _checked(store, plan_import(store, table))
    return _result(plan, warnings, written=False)


def _failed(filename: str, issues: list[Issue]) -> dict:
    return {"file": PurePath(filename).name, "ok": False, "written": False, "issues": [i.to_dict() for i in issues],
            "rows": 0, "quads": 0, "counts": {}, "actors": [], "projects": [], "relations": [], "documents": [],
            "ignored_sheets": [], "warnings": 0}


def summary(result: dict) -> dict[str, str]:
    """What an import (:func:`preview`'s result) does, in Swedish and English, as its history entry says it."""
    c = result["counts"]
    actors, projects, relations = c["actors_new"], c["projects_new"], c["relations_new"]
    return {"sv": f"Import: {result['file']} — {actors} {'ny aktör' if actors == 1 else 'nya aktörer'}, "
                  f"{projects} projekt, {relations} {'relation' if relations == 1 else 'relationer'}",
            "en": f"Import: {result['file']} — {actors} new {'actor' if actors == 1 else 'actors'}, "
                  f"{projects} {'project' if projects == 1 else 'projects'}, "
                  f"{relations} {'relation' if relations == 1 else 'relations'}"}


def import_sheets(store: Store, data: bytes, filename: str, who: str | None, why: str | None = None) -> dict:
    """Import the file into ``store`` if every row passes (raise :class:`SheetErrors` otherwise, writing nothing),
    as one change of the history by ``who`` (``why`` kept with it; see :func:`summary`); the result is
    :func:`preview`'s with ``written`` true and ``change`` its history entry (None when every row was already
    there and nothing was written)."""
    who = who_name(who)
    table = read_table(data, filename)
    with WRITING:  # the check sees the store the import writes to
        plan, staging, warnings = _checked(store, plan_import(store, table))
        if plan.issues:
            raise SheetErrors(plan.issues, table.filename)
        result = _result(plan, warnings, written=True)  # done, even when every row was already there
        entry = None
        if staging is not None:
            entry = apply_staged(store, staging, "import", plan.summary["document"], summary(result), who, why)
    result["change"] = entry
    return result
