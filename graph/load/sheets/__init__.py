"""Spreadsheets in: actors, projects and relations from an XLSX workbook or one CSV file (docs/spreadsheets.md).

A workbook has up to three sheets, *Aktörer*, *Projekt* and *Relationer* (English names work too); a CSV file is
the same rows in one table whose ``blad`` column says which sheet each row belongs to. :func:`plan_import` turns
the rows into the quads an import would add and a plain-data preview (new and matched nodes, changes, relations);
:func:`preview` adds the SHACL check of the store's loader; :func:`import_sheets` writes only when every row
passes, through the loader's own check (:func:`graph.load.loader.check_staged`) and as one change of the edit
history (who, when, what, why; written in the same atomic insert as the data, undone like any edit).

The data follows the curated graph (:mod:`graph.load.curate`): every fact is a plain triple plus an ``fp:Assertion``
with its mode (and reason); the spreadsheet is an ``fp:Spreadsheet`` (an ``fp:Document``) and what a fact or a new
node is derived from is an ``fp:SheetRow``: ``dcterms:isPartOf`` the spreadsheet, ``fp:sheetName``,
``fp:rowNumber``, and where the row gives them ``dcterms:source`` its source document and ``fp:exactText`` its
quote. Every new IRI is made from names (file, sheet, row, label), so the same file imports to the same IRIs and a
second import of it adds nothing. Existing nodes are found by the CLI's name resolution (:mod:`graph.index.resolve`);
a name that is ambiguous is an error listing the candidates.

Its modules, the words first, then the steps a file goes through:

* :mod:`~graph.load.sheets.template`: the sheets, their columns and the values they take;
* :mod:`~graph.load.sheets.issues`: a problem at its sheet, row and column, and the error of a refused file;
* :mod:`~graph.load.sheets.read`: XLSX or CSV bytes → a table of rows;
* :mod:`~graph.load.sheets.names`: IRIs made from names, the store's documents by name, ambiguity;
* :mod:`~graph.load.sheets.plan`: rows → quads with their provenance, and the preview;
* :mod:`~graph.load.sheets.importing`: the SHACL check, the preview and the atomic import.

The spreadsheets out (the template's workbook, the export) are :mod:`graph.load.sheets_out`.
"""

from __future__ import annotations

from graph.load.sheets.importing import import_sheets, preview, summary
from graph.load.sheets.issues import Issue, SheetErrors
from graph.load.sheets.names import assertion_iri
from graph.load.sheets.plan import Plan, plan_import
from graph.load.sheets.read import Table, read_table
from graph.load.sheets.template import (
    ACTOR_TYPES,
    COLUMNS,
    INSTRUCTIONS,
    MODES,
    RELATIONS,
    SHEET_NAMES,
    Column,
    Relation,
    sheet_kind,
)

__all__ = ["ACTOR_TYPES", "COLUMNS", "Column", "INSTRUCTIONS", "Issue", "MODES", "Plan", "RELATIONS", "Relation",
           "SHEET_NAMES", "SheetErrors", "Table", "assertion_iri", "import_sheets", "plan_import", "preview",
           "read_table", "sheet_kind", "summary"]
