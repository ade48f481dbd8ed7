"""Spreadsheets out: the import template with example rows, and the store's actors, projects and relations written
in that same template (``fardplan export --format xlsx``), so an export can be edited and imported again.

The workbook has an *Anvisningar* sheet (every column, whether it is required, and the allowed values) and the
three data sheets of :mod:`graph.load.sheets`, headers in Swedish, with drop-down lists for the type, relation and
mode columns.
"""

from __future__ import annotations

import io

import networkx as nx

from graph.load.sheets import ACTOR_TYPES, COLUMNS, INSTRUCTIONS, MODES, RELATIONS, SHEET_NAMES
from graph.service import planner
from graph.store import Solutions, Store
from graph.vocab.namespaces import FP_IRI, PREFIXES, curie

__all__ = ["EXAMPLE_ROWS", "export_rows", "export_workbook", "template_workbook", "write_workbook"]

# Example rows of the template: a new civil-society group and its project, linked to an existing actor (Polisen,
# matched by name) and to a strategy of the Färdplan by notation.
EXAMPLE_ROWS: dict[str, list[dict[str, str]]] = {
    "actors": [
        {"label": "Skarpnäcks läxhjälpsförening", "label_en": "Skarpnäck homework help association",
         "type": "civilsamhällesaktör", "description": "En ideell förening som ger läxhjälp åt skolelever.",
         "source": "Verksamhetsberättelse 2025 för Skarpnäcks läxhjälpsförening",
         "quote": "Föreningen har under året gett läxhjälp två kvällar i veckan."},
        {"label": "Polisen", "type": "myndighet"},
    ],
    "projects": [
        {"label": "Läxhjälp i Skarpnäck", "label_en": "Homework help in Skarpnäck",
         "description": "Läxhjälp två kvällar i veckan i samarbete med skolorna.",
         "source": "Verksamhetsberättelse 2025 för Skarpnäcks läxhjälpsförening",
         "quote": "Föreningen har under året gett läxhjälp två kvällar i veckan."},
    ],
    "relations": [
        {"subject": "Skarpnäcks läxhjälpsförening", "relation": "driver", "partner": "Läxhjälp i Skarpnäck",
         "source": "Verksamhetsberättelse 2025 för Skarpnäcks läxhjälpsförening",
         "quote": "Föreningen har under året gett läxhjälp två kvällar i veckan.", "mode": "uttalad"},
        {"subject": "Läxhjälp i Skarpnäck", "relation": "bidrar till", "notation": "UU.I", "mode": "tolkning",
         "reason": "Läxhjälpen stöder elevernas skolgång, vilket är strategins syfte.",
         "reason_en": "The homework help supports the pupils' schooling, which is the strategy's aim."},
        {"subject": "Polisen", "relation": "samarbetar med", "partner": "Skarpnäcks läxhjälpsförening",
         "source": "Verksamhetsberättelse 2025 för Skarpnäcks läxhjälpsförening",
         "quote": "Polisen har besökt läxhjälpen och berättat om sitt arbete.", "mode": "uttalad"},
    ],
}

_WIDTH = {"label": 34, "label_en": 30, "type": 24, "description": 44, "source": 40, "quote": 50, "id": 26,
          "subject": 32, "relation": 20, "partner": 32, "notation": 22, "mode": 12, "reason": 40, "reason_en": 40}
_ALLOWED = {
    "type": [sv for sv, _ in ACTOR_TYPES.values()],
    "relation": [r.sv for r in RELATIONS.values()],
    "mode": [sv for sv, _ in MODES.values()],
}


def _instructions(book) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(INSTRUCTIONS["sv"])
    lines: list[tuple[str, ...]] = [
        ("Mall för import till Färdplan Explorer",),
        ("Fyll i bladen Aktörer, Projekt och Relationer (ta bort exempelraderna först). Rad 1 är rubrikraden; "
         "en tom rad hoppas över. Aktörer och projekt som redan finns i grafen hittas på namnet (eller på id) och "
         "läggs aldrig till två gånger. Inget skrivs förrän varje rad är godkänd; varje fel anger blad, rad och "
         "kolumn. Dokumentation: docs/spreadsheets.md.",),
        (),
        ("Blad", "Kolumn", "Krävs", "Vad den innehåller"),
    ]
    for kind, columns in COLUMNS.items():
        for col in columns:
            lines.append((SHEET_NAMES[kind]["sv"], col.sv, "ja" if col.required else "", col.help_sv))
    lines += [(), ("Tillåtna värden",)]
    lines += [("typ", ", ".join(_ALLOWED["type"])), ("relation", ", ".join(
        f"{r.sv} ({'/'.join(r.subjects)} → {r.object})".replace("actor", "aktör").replace("project", "projekt")
        .replace("goal_area", "målområde").replace("strategy", "strategi") for r in RELATIONS.values())),
        ("grund", "uttalad (standard), tolkning")]
    for line in lines:
        sheet.append(list(line))
    sheet["A1"].font = Font(bold=True, size=14)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 26
    sheet.column_dimensions["C"].width = 8
    sheet.column_dimensions["D"].width = 100
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_workbook(rows: dict[str, list[dict[str, str]]]) -> bytes:
    """An XLSX workbook in the template's layout holding ``rows`` (per sheet kind, dicts by column key)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    _instructions(book)
    for kind, columns in COLUMNS.items():
        sheet = book.create_sheet(SHEET_NAMES[kind]["sv"])
        sheet.append([c.sv for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DCE6F1")
        for values in rows.get(kind, []):
            sheet.append([values.get(c.key) or None for c in columns])
        sheet.freeze_panes = "A2"
        for i, col in enumerate(columns):
            letter = sheet.cell(row=1, column=i + 1).column_letter
            sheet.column_dimensions[letter].width = _WIDTH.get(col.key, 20)
            if col.key in _ALLOWED:
                check = DataValidation(type="list", formula1='"' + ",".join(_ALLOWED[col.key]) + '"',
                                       allow_blank=True, showErrorMessage=False)
                check.add(f"{letter}2:{letter}10000")
                sheet.add_data_validation(check)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_workbook() -> bytes:
    """The import template with its example rows, as XLSX bytes."""
    return write_workbook(EXAMPLE_ROWS)


# ---------------------------------------------------------------- the store as the template

_PROVENANCE = f"""PREFIX fp: <{FP_IRI}> PREFIX dcterms: <{PREFIXES['dcterms']}> PREFIX prov: <{PREFIXES['prov']}>
PREFIX skos: <{PREFIXES['skos']}> PREFIX org: <{PREFIXES['org']}>
SELECT ?from ?text ?title WHERE {{
  ?from a ?kind . VALUES ?kind {{ fp:Passage fp:SheetRow }}
  OPTIONAL {{ ?from fp:exactText ?text }}
  OPTIONAL {{ ?from fp:inDocument|dcterms:source ?doc .
             ?doc dcterms:title ?title . FILTER (LANG(?title) IN ("sv", "")) }}
}}"""
_NODES = f"""PREFIX fp: <{FP_IRI}> PREFIX dcterms: <{PREFIXES['dcterms']}> PREFIX prov: <{PREFIXES['prov']}>
PREFIX org: <{PREFIXES['org']}> PREFIX skos: <{PREFIXES['skos']}>
SELECT ?n ?p ?o WHERE {{
  {{ ?n a org:Organization }} UNION {{ ?n a fp:Project }}
  VALUES ?p {{ <{PREFIXES['rdf']}type> dcterms:description prov:wasDerivedFrom skos:prefLabel }}
  ?n ?p ?o .
}}"""


def _select(store: Store, sparql: str) -> list[dict[str, str]]:
    answer = store.query(sparql)
    assert isinstance(answer, Solutions)
    found = []
    for row in answer.rows:
        values = {}
        for var, term in zip(answer.variables, row, strict=True):
            if term is not None:
                values[var] = term.value
                if getattr(term, "language", None):
                    values[var + "@"] = term.language
        found.append(values)
    return found


def export_rows(store: Store) -> dict[str, list[dict[str, str]]]:
    """The store's actors, projects and their relations (those the Relations sheet takes) as template rows.

    Every actor and project row carries its ``id``; a relation names its ends by label, or by id where two
    exported nodes share a label. Source document and quote come from what the node or fact was derived from (a
    passage of a source, or a spreadsheet row); where there are several, the first by IRI.
    """
    G: nx.MultiDiGraph = planner.views(store).relations
    sources = {r["from"]: (r.get("title", ""), r.get("text", "")) for r in _select(store, _PROVENANCE)}
    facts: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for r in _select(store, _NODES):
        facts.setdefault(r["n"], {}).setdefault(r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(
            (r["o"], r.get("o@", "")))
    fp_types = {FP_IRI + t: t for t in ACTOR_TYPES}

    def first(iri: str, prop: str, lang: str | None = None) -> str:
        values = sorted(v for v, tag in facts.get(iri, {}).get(prop, []) if lang is None or tag == lang)
        return values[0] if values else ""

    def node_row(iri: str) -> dict[str, str]:
        derived = sorted(v for v, _ in facts.get(iri, {}).get("wasDerivedFrom", []) if v in sources)
        title, quote = sources[derived[0]] if derived else ("", "")
        kinds = [fp_types[v] for v, _ in facts.get(iri, {}).get("type", []) if v in fp_types]
        return {"label": first(iri, "prefLabel", "sv") or G.nodes[iri]["label_sv"],
                "label_en": first(iri, "prefLabel", "en"),
                "type": ACTOR_TYPES[sorted(kinds)[0]][0] if kinds else "",
                "description": first(iri, "description", "sv"), "source": title, "quote": quote, "id": curie(iri)}

    rows: dict[str, list[dict[str, str]]] = {"actors": [], "projects": [], "relations": []}
    kinds = {"actor": "actors", "project": "projects"}
    for iri, attrs in G.nodes(data=True):
        if attrs.get("type") in kinds and iri in facts:
            row = node_row(iri)
            if attrs["type"] == "project":
                del row["type"]
            rows[kinds[attrs["type"]]].append(row)
    for kind in ("actors", "projects"):
        rows[kind].sort(key=lambda r: (r["label"].casefold(), r["id"]))
    labels = [r["label"] for kind in ("actors", "projects") for r in rows[kind]]
    shared = {label for label in labels if labels.count(label) > 1}
    exported = {r["id"] for kind in ("actors", "projects") for r in rows[kind]}

    def name(iri: str) -> str:
        label = G.nodes[iri]["label_sv"]
        return curie(iri) if label in shared or curie(iri) not in exported else label

    for s, o, key, attrs in G.edges(keys=True, data=True):
        rel = RELATIONS.get(key)
        if rel is None or not attrs.get("assertion") or G.nodes[s].get("type") not in rel.subjects:
            continue
        end = G.nodes[o]
        if end.get("type") != rel.object:
            continue
        title, quote = sources.get(attrs.get("passage", ""), ("", ""))
        mode = attrs.get("mode") or "stated"
        row = {"subject": name(s), "relation": rel.sv, "source": title, "quote": quote,
               "mode": MODES["Interpreted" if mode == "interpreted" else "Stated"][0],
               "reason": attrs.get("reason_sv", "") if mode == "interpreted" else "",
               "reason_en": attrs.get("reason_en", "") if mode == "interpreted" else ""}
        if rel.object in ("strategy", "goal_area"):
            row["notation"] = end.get("notation", "") or curie(o)
        else:
            row["partner"] = name(o)
        rows["relations"].append(row)
    rows["relations"].sort(key=lambda r: (r["subject"].casefold(), r["relation"],
                                          (r.get("partner") or r.get("notation", "")).casefold()))
    return rows


def export_workbook(store: Store) -> bytes:
    """The store's actors, projects and relations in the import template (:func:`export_rows`), as XLSX bytes."""
    return write_workbook(export_rows(store))
