"""Spreadsheets in and out (issue 14): real XLSX and CSV files written with openpyxl and csv, imported into a
seeded in-memory store through the loader's SHACL check; the preview, matching, errors, idempotence and the
export → import round trip."""

from __future__ import annotations

import csv
import io
import zipfile

import pyoxigraph as ox
import pytest
from openpyxl import Workbook, load_workbook
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.load.loader import ensure_seeded
from graph.load.sheets import (
    COLUMNS,
    SHEET_NAMES,
    SheetErrors,
    assertion_iri,
    import_sheets,
    preview,
    read_table,
)
from graph.load.sheets_out import EXAMPLE_ROWS, export_rows, export_workbook, template_workbook
from graph.rdf.terms import to_rdflib
from graph.store import EmbeddedStore
from graph.vocab.namespaces import FP_IRI, ID_IRI

FP = FP_IRI
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
NEW_ACTOR = ID_IRI + "org/skarpnacks-laxhjalpsforening"
NEW_PROJECT = ID_IRI + "project/laxhjalp-i-skarpnack"
POLISEN = ID_IRI + "org/polisen"


@pytest.fixture
def store() -> EmbeddedStore:
    s = EmbeddedStore()
    ensure_seeded(s)
    return s


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """An XLSX file with one sheet per entry: the first list is the header row."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def size(store: EmbeddedStore) -> int:
    """The triples of the data (the default graph; an import's history record is in named graphs)."""
    return sum(1 for q in store.quads() if isinstance(q.graph_name, ox.DefaultGraph))


def graph_of(store: EmbeddedStore) -> Graph:
    g = Graph()
    for q in store.quads():
        if isinstance(q.graph_name, ox.DefaultGraph):
                g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def ask(store: EmbeddedStore, where: str) -> bool:
    return store.query(f"PREFIX fp: <{FP}> PREFIX skos: <{SKOS}> PREFIX dcterms: <{DCT}> PREFIX prov: <{PROV}> "
                       f"ASK {{ {where} }}")


ACTORS = ["namn", "namn_en", "typ", "beskrivning", "källdokument", "citat"]
PROJECTS = ["namn", "namn_en", "beskrivning"]
RELATIONS = ["aktör eller projekt", "relation", "partner", "strategi eller målområde", "källdokument", "citat",
             "grund", "motivering", "motivering_en"]


def test_the_template_documents_every_column_and_imports_cleanly(store):
    data = template_workbook()
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Anvisningar", "Aktörer", "Projekt", "Relationer"]
    for kind, columns in COLUMNS.items():
        header = [c.value for c in book[SHEET_NAMES[kind]["sv"]][1]]
        assert header == [c.sv for c in columns]
        assert book[SHEET_NAMES[kind]["sv"]].max_row == 1 + len(EXAMPLE_ROWS[kind])
    documented = {(r[0].value, r[1].value) for r in book["Anvisningar"].iter_rows(min_row=5) if r[1].value}
    assert {(SHEET_NAMES[k]["sv"], c.sv) for k, cols in COLUMNS.items() for c in cols} <= documented
    result = preview(store, data, "mall.xlsx")
    assert result["ok"], result["issues"]
    assert result["counts"] == {"actors_new": 1, "actors_matched": 1, "actors_changed": 0, "projects_new": 1,
                                "projects_matched": 0, "projects_changed": 0, "relations_new": 3,
                                "relations_existing": 0, "documents_new": 1}


def test_import_maps_rows_to_the_ontology_with_file_sheet_row_provenance(store):
    before = size(store)
    result = import_sheets(store, template_workbook(), "mall.xlsx", "Anna")
    assert result["written"] and size(store) == before + result["quads"]
    doc = ID_IRI + "document/sheet/mall-xlsx"
    assert ask(store, f"<{doc}> a fp:Spreadsheet, fp:Document ; dcterms:title \"mall.xlsx\" ; "
                      f"skos:prefLabel \"mall.xlsx\"@sv")
    # the new actor: typed as W3C ORG plus our class, labelled, derived from Aktörer row 2
    row2 = ID_IRI + "sheet/mall-xlsx/aktorer/2"
    assert ask(store, f"<{NEW_ACTOR}> a fp:CivilSocietyGroup, <http://www.w3.org/ns/org#Organization> ; "
                      f"skos:prefLabel \"Skarpnäcks läxhjälpsförening\"@sv ; prov:wasDerivedFrom <{row2}> . "
                      f"<{row2}> a fp:SheetRow ; dcterms:isPartOf <{doc}> ; fp:sheetName \"Aktörer\" ; "
                      f"fp:rowNumber 2 ; "
                      f"fp:exactText \"Föreningen har under året gett läxhjälp två kvällar i veckan.\" ;"
                      f" dcterms:source ?src . ?src a fp:Document ; "
                      f"dcterms:title \"Verksamhetsberättelse 2025 för Skarpnäcks läxhjälpsförening\"@sv")
    # each fact: a plain triple plus an fp:Assertion with its mode, derived from its Relationer row
    a = assertion_iri(NEW_ACTOR, FP + "runs", NEW_PROJECT)
    assert ask(store, f"<{NEW_ACTOR}> fp:runs <{NEW_PROJECT}> . <{a}> a fp:Assertion ; fp:mode fp:Stated ; "
                      f"prov:wasDerivedFrom ?r . ?r fp:sheetName \"Relationer\" ; fp:rowNumber 2")
    interpreted = assertion_iri(NEW_PROJECT, FP + "contributesTo", ID_IRI + "strategy/UU.I")
    assert ask(store, f"<{interpreted}> fp:mode fp:Interpreted ; fp:reason ?sv, ?en . "
                      f"FILTER (LANG(?sv) = 'sv' && LANG(?en) = 'en')")
    # Polisen is matched by name, never duplicated
    assert result["actors"][1] | {} == {**result["actors"][1], "status": "matched", "iri": POLISEN}
    assert not ask(store, f"?x skos:prefLabel \"Polisen\"@sv FILTER (?x != <{POLISEN}>)")
    assert ask(store, f"<{POLISEN}> fp:collaboratesWith <{NEW_ACTOR}>")


def test_assertion_iris_are_the_curators(store):
    """A relation the curated data has gets the same assertion IRI, so a spreadsheet never doubles it."""
    triple = store.query(f"PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> SELECT ?a ?s ?p ?o WHERE {{ "
                         f"?a a <{FP}Assertion> ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . "
                         f"FILTER (isIRI(?o)) }} LIMIT 5")
    for a, s, p, o in triple.rows:
        assert assertion_iri(s.value, p.value, o.value) == a.value


def test_a_second_import_adds_nothing_and_iris_are_deterministic(store):
    data = template_workbook()
    first = import_sheets(store, data, "mall.xlsx", "Anna")
    count = size(store)
    again = preview(store, data, "mall.xlsx")
    assert again["ok"] and again["quads"] == 0
    assert again["counts"]["relations_existing"] == 3 and again["counts"]["actors_matched"] == 2
    import_sheets(store, data, "mall.xlsx", "Anna")
    assert size(store) == count
    other = EmbeddedStore()
    ensure_seeded(other)
    assert import_sheets(other, data, "mall.xlsx", "Anna")["quads"] == first["quads"]
    assert isomorphic(graph_of(store), graph_of(other))
    assert set(graph_of(store)) == set(graph_of(other))  # the same IRIs, not just the same shape


def test_an_ambiguous_name_is_reported_with_its_candidates_and_nothing_is_written(store):
    data = workbook({"Relationer": [RELATIONS, ["avdelningen", "arbetar med", None, "DT.VI"]]})
    before = size(store)
    result = preview(store, data, "x.xlsx")
    assert not result["ok"]
    [issue] = result["issues"]
    assert (issue["sheet"], issue["row"], issue["column"]) == ("Relationer", 2, "A (aktör eller projekt)")
    assert "ambiguous" in issue["message_en"] and "tvetydigt" in issue["message_sv"]
    assert "Avdelningen för förebyggande arbete och kultur" in issue["message_en"]
    assert "Avdelningen för individ- och familjestöd" in issue["message_en"]
    with pytest.raises(SheetErrors) as err:
        import_sheets(store, data, "x.xlsx", "Anna")
    assert "sheet Relationer, row 2, column A (aktör eller projekt)" in str(err.value)
    assert size(store) == before


def test_every_error_names_sheet_row_and_column_and_nothing_is_written(store):
    data = workbook({
        "Aktörer": [ACTORS + ["okänd"], ["Ny förening", None, "klubb"], ["Annan förening", None, "fond"],
                    [None, None, "fond", "ingen rubrik"]],
        "Projekt": [PROJECTS, ["Projekt utan strategi"]],
        "Relationer": [RELATIONS,
                       ["Annan förening", "äger", "Projekt utan strategi"],
                       ["Annan förening", "arbetar med", None, "XX.IX"],
                       ["Annan förening", "arbetar med", None, "DT.VI", None, None, "tolkning", "Därför."],
                       ["Annan förening", "arbetar med", None, "DT.V", None, None, "kanske"]],
    })
    before = size(store)
    result = preview(store, data, "fel.xlsx")
    places = {(i["sheet"], i["row"], i["column"]) for i in result["issues"]}
    assert places == {
        ("Aktörer", 1, "G (okänd)"),                      # unknown column
        ("Aktörer", 2, "C (typ)"),                        # unknown type
        ("Aktörer", 4, "A (namn)"),                       # name missing
        ("Relationer", 2, "B (relation)"),                # unknown relation
        ("Relationer", 3, "D (strategi eller målområde)"),  # no such strategy
        ("Relationer", 4, "I (motivering_en)"),           # interpretation without an English reason
        ("Relationer", 5, "G (grund)"),                   # unknown mode
    }, result["issues"]
    assert all(i["message_sv"] and i["message_en"] for i in result["issues"])
    with pytest.raises(SheetErrors):
        import_sheets(store, data, "fel.xlsx", "Anna")
    assert size(store) == before


def test_a_shacl_violation_is_reported_at_the_row_it_came_from(store):
    data = workbook({"Projekt": [PROJECTS, ["Projekt utan strategi", "Project without a strategy"]]})
    result = preview(store, data, "p.xlsx")
    [issue] = result["issues"]
    assert (issue["sheet"], issue["row"], issue["column"]) == ("Projekt", 2, "A (namn)")
    assert "at least one strategy" in issue["message_en"] and "bidrar till" in issue["message_sv"]
    before = size(store)
    with pytest.raises(SheetErrors):
        import_sheets(store, data, "p.xlsx", "Anna")
    assert size(store) == before


def test_a_matched_node_gets_only_what_it_lacks_and_the_preview_says_so(store):
    data = workbook({"Aktörer": [ACTORS, ["Bostadsbolag", None, "aktörsgrupp", "Stadens och privata bostadsbolag."],
                                 ["polisen", None, "myndighet"]]})
    result = preview(store, data, "b.xlsx")
    assert result["ok"], result["issues"]
    changed, matched = result["actors"]
    assert changed["status"] == "changed" and changed["changes"] == ["description"]
    assert changed["iri"] == ID_IRI + "org/bostadsbolag"
    assert matched["status"] == "matched" and matched["matched_label"] == "Polisen"
    import_sheets(store, data, "b.xlsx", "Anna")
    assert ask(store, f"<{ID_IRI}org/bostadsbolag> dcterms:description \"Stadens och privata bostadsbolag.\"@sv ; "
                      f"prov:wasDerivedFrom ?r . ?r fp:rowNumber 2")


def _csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode("utf-8")


def test_one_csv_with_a_sheet_column_imports_like_the_workbook(store):
    header = ["blad", "namn", "typ", "aktör eller projekt", "relation", "partner", "strategi eller målområde"]
    rows = [header, ["Aktörer", "Ny förening", "civilsamhällesaktör"], ["Projekt", "Nytt projekt"],
            ["Relationer", "", "", "Ny förening", "driver", "Nytt projekt"],
            ["Relationer", "", "", "Nytt projekt", "bidrar till", "", "DT.VI"]]
    for delimiter in (",", ";"):
        result = preview(store, _csv(rows, delimiter), "data.csv")
        assert result["ok"], result["issues"]
        assert result["format"] == "csv"
        assert result["counts"]["actors_new"] == 1 and result["counts"]["relations_new"] == 2
    table = read_table(_csv(rows), "data.csv")
    assert [(r.sheet, r.number) for r in table.rows] == [("Aktörer", 2), ("Projekt", 3), ("Relationer", 4),
                                                         ("Relationer", 5)]
    import_sheets(store, _csv(rows), "data.csv", "Anna")
    assert ask(store, f"<{ID_IRI}org/ny-forening> fp:runs <{ID_IRI}project/nytt-projekt> . "
                      f"<{ID_IRI}project/nytt-projekt> prov:wasDerivedFrom ?r . ?r fp:sheetName \"Projekt\" ; "
                      f"fp:rowNumber 3 ; dcterms:isPartOf <{ID_IRI}document/sheet/data-csv>")


def test_csv_errors_name_the_sheet_row_and_column(store):
    rows = [["blad", "namn", "typ", "relation"], ["Aktörer", "Ny förening", "klubb"], ["Okänt", "x"],
            ["Aktörer", "Annan", "fond", "driver"]]
    issues = preview(store, _csv(rows), "d.csv")["issues"]
    assert {(i["sheet"], i["row"], i["column"]) for i in issues} == {
        ("Aktörer", 2, "typ"), ("Okänt", 3, "blad"), ("Aktörer", 4, "relation")}, issues
    assert "blad" in preview(store, _csv([["namn"], ["x"]]), "d.csv")["issues"][0]["message_sv"]


def test_a_workbook_with_a_dtd_or_that_is_no_workbook_is_refused(store):
    data = template_workbook()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/workbook.xml":
                body = b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]>" + body
            dst.writestr(info, body)
    result = preview(store, out.getvalue(), "dtd.xlsx")
    assert not result["ok"] and "DTD" in result["issues"][0]["message_en"]
    assert not preview(store, b"not a workbook", "x.xlsx")["ok"]
    assert not preview(store, b"hello", "x.txt")["ok"]


def _blank_spreadsheets(g: Graph) -> Graph:
    """``g`` with every spreadsheet and spreadsheet row a blank node and their file names and row numbers
    dropped (all spreadsheets become one): what must survive an export and a new import is everything else
    (nodes, labels, types, facts, assertions, modes, reasons, source documents, quotes, sheet names)."""
    sheets = {s for s, o in g.subject_objects(URIRef(PREFIX_RDF + "type"))
              if o in (URIRef(FP + "Spreadsheet"), URIRef(FP + "SheetRow"))}
    one = BNode()  # every spreadsheet is "the spreadsheet" (an export gathers several into one workbook)
    blanks = {s: one if (s, URIRef(PREFIX_RDF + "type"), URIRef(FP + "Spreadsheet")) in g else BNode()
              for s in sheets}
    out = Graph()
    for s, p, o in g:
        if s in sheets and p in (URIRef(FP + "rowNumber"), URIRef(DCT + "title"), URIRef(FP + "sourceFile"),
                                 URIRef(SKOS + "prefLabel"), URIRef(PREFIX_RDFS + "label")):
            continue
        out.add((blanks.get(s, s), p, blanks.get(o, o) if not isinstance(o, Literal) else o))
    return out


PREFIX_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PREFIX_RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def test_export_then_import_into_an_empty_store_gives_an_isomorphic_graph(store, tmp_path):
    extra = workbook({
        "Aktörer": [ACTORS, ["Ny förening", "New association", "civilsamhällesaktör", "En förening.", "Rapport A",
                             "Föreningen arbetar i Skarpnäck."]],
        "Projekt": [PROJECTS, ["Nytt projekt", None, "Ett projekt."]],
        "Relationer": [RELATIONS, ["Ny förening", "driver", "Nytt projekt", None, "Rapport A", "Vi driver det."],
                       ["Nytt projekt", "bidrar till", None, "DT.VI", None, None, "tolkning", "Samma syfte.",
                        "Same aim."],
                       ["Ny förening", "hör till målområde", None, "DT"]],
    })
    import_sheets(store, template_workbook(), "mall.xlsx", "Anna")
    import_sheets(store, extra, "extra.xlsx", "Anna")
    exported = export_workbook(store)
    rows = export_rows(store)
    assert {r["id"] for r in rows["actors"]} >= {"fpid:org/polisen", "fpid:org/ny-forening"}
    (tmp_path / "export.xlsx").write_bytes(exported)
    empty = EmbeddedStore()
    ensure_seeded(empty)  # "empty": only the bundled data, as a fresh `fardplan` store starts
    result = import_sheets(empty, exported, "export.xlsx", "Anna")
    assert result["ok"] and result["counts"]["relations_new"] == 6
    # the only difference in size: two spreadsheet documents (mall.xlsx, extra.xlsx) there, one here (7 triples)
    assert size(empty) == size(store) - 7
    assert isomorphic(_blank_spreadsheets(graph_of(store)), _blank_spreadsheets(graph_of(empty)))
    # and a second export of the new store is the same workbook content
    assert export_rows(empty) == rows
