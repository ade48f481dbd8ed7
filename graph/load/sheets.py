"""Spreadsheets in: actors, projects and relations from an XLSX workbook or one CSV file (docs/spreadsheets.md).

A workbook has up to three sheets, *Aktörer*, *Projekt* and *Relationer* (English names work too); a CSV file is
the same rows in one table whose ``blad`` column says which sheet each row belongs to. :func:`plan_import` turns
the rows into the quads an import would add and a plain-data preview (new and matched nodes, changes, relations);
:func:`preview` adds the SHACL check of the store's loader; :func:`import_sheets` writes only when every row
passes, through the loader's own check and atomic insert (:func:`graph.load.loader.check_staged`).

The data follows the curated graph (:mod:`graph.load.curate`): every fact is a plain triple plus an ``fp:Assertion``
with its mode (and reason); the spreadsheet is an ``fp:Spreadsheet`` (an ``fp:Document``) and what a fact or a new
node is derived from is an ``fp:SheetRow``: ``dcterms:isPartOf`` the spreadsheet, ``fp:sheetName``,
``fp:rowNumber``, and where the row gives them ``dcterms:source`` its source document and ``fp:exactText`` its
quote. Every new IRI is made from names (file, sheet, row, label), so the same file imports to the same IRIs and a
second import of it adds nothing. Existing nodes are found by the CLI's name resolution (:mod:`graph.index.resolve`);
a name that is ambiguous is an error listing the candidates.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

import networkx as nx
import pyoxigraph as ox

from graph.errors import FardplanError, ShapeViolation, Violation
from graph.index.resolve import Named, find_named, named_nodes
from graph.load.loader import check_staged
from graph.service import planner
from graph.service.caches import invalidate
from graph.store import Solutions, Store
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES, curie, expand
from graph.vocab.text import fold

__all__ = ["ACTOR_TYPES", "COLUMNS", "Column", "Issue", "MODES", "Plan", "RELATIONS", "Relation", "SHEET_NAMES",
           "SheetErrors", "Table", "import_sheets", "plan_import", "preview", "read_table", "sheet_kind"]

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
ORG = PREFIXES["org"]
DCT = PREFIXES["dcterms"]
PROV = PREFIXES["prov"]
XSD = PREFIXES["xsd"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UNPACKED = 200_000_000  # bytes an XLSX may unpack to (a zip bomb is refused before it is read)
MAX_SHOWN = 25  # candidates an ambiguity lists


# ---------------------------------------------------------------- the template: sheets, columns, allowed values

@dataclass(frozen=True)
class Column:
    """One column of a sheet: its key, its header in Swedish and English, and what it takes."""

    key: str
    sv: str
    en: str
    required: bool = False
    help_sv: str = ""
    help_en: str = ""


SHEET_NAMES: dict[str, dict[str, str]] = {
    "actors": {"sv": "Aktörer", "en": "Actors"},
    "projects": {"sv": "Projekt", "en": "Projects"},
    "relations": {"sv": "Relationer", "en": "Relations"},
}
INSTRUCTIONS = {"sv": "Anvisningar", "en": "Instructions"}
CSV_SHEET = Column("sheet", "blad", "sheet", True, "Bladet raden hör till: Aktörer, Projekt eller Relationer.",
                   "The sheet the row belongs to: Aktörer, Projekt or Relationer (or Actors, Projects, Relations).")

_SOURCE = Column("source", "källdokument", "source document", False,
                 "Titeln på dokumentet som uppgiften kommer ifrån. Ett dokument som redan finns i grafen hittas på "
                 "namnet; annars läggs det till.",
                 "The title of the document the fact comes from; an existing document is found by name, "
                 "otherwise it is added.")
_QUOTE = Column("quote", "citat", "quote", False, "Orden i källdokumentet som säger det, ordagrant.",
                "The words of the source document that say it, verbatim.")
_ID = Column("id", "id", "id", False,
             "Valfritt: nodens IRI eller CURIE (t.ex. fpid:org/polisen). Med id matchas noden exakt i stället för "
             "på namnet; exporten fyller i det.",
             "Optional: the node's IRI or CURIE (e.g. fpid:org/polisen); with an id the node is matched exactly "
             "instead of by name. The export fills it in.")
_LABEL = Column("label", "namn", "name", True, "Namnet på svenska.", "The name in Swedish.")
_LABEL_EN = Column("label_en", "namn_en", "name_en", False, "Namnet på engelska.", "The name in English.")
_DESCRIPTION = Column("description", "beskrivning", "description", False, "En kort beskrivning på svenska.",
                      "A short description in Swedish.")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "actors": (_LABEL, _LABEL_EN,
               Column("type", "typ", "type", False, "Organisationens typ, se listan nedan (krävs för en ny aktör).",
                      "The organisation's type, see the list below (required for a new actor)."),
               _DESCRIPTION, _SOURCE, _QUOTE, _ID),
    "projects": (_LABEL, _LABEL_EN, _DESCRIPTION, _SOURCE, _QUOTE, _ID),
    "relations": (
        Column("subject", "aktör eller projekt", "actor or project", True,
               "Namnet på aktören eller projektet som relationen utgår från (från bladen Aktörer eller Projekt, "
               "eller redan i grafen).",
               "The name of the actor or project the relation starts from (from the sheets Aktörer or Projekt, "
               "or already in the graph)."),
        Column("relation", "relation", "relation", True, "Relationen, se listan nedan.",
               "The relation, see the list below."),
        Column("partner", "partner", "partner", False,
               "Aktören eller projektet som relationen går till (för relationer mellan aktörer och projekt).",
               "The actor or project the relation goes to (for relations between actors and projects)."),
        Column("notation", "strategi eller målområde", "strategy or goal area", False,
               "Strategins eller målområdets notation, t.ex. DT.VI eller DT (för ”bidrar till”, ”arbetar med” och "
               "”hör till målområde”).",
               "The notation of the strategy or goal area, e.g. DT.VI or DT (for contributes to, works on and "
               "relates to goal area)."),
        _SOURCE, _QUOTE,
        Column("mode", "grund", "mode", False, "uttalad (källan säger det, standard) eller tolkning.",
               "stated (the source says it; the default) or interpreted."),
        Column("reason", "motivering", "reason", False, "Varför tolkningen gjorts, på svenska (krävs för en tolkning).",
               "Why the interpretation was made, in Swedish (required for an interpretation)."),
        Column("reason_en", "motivering_en", "reason_en", False,
               "Samma motivering på engelska (krävs för en tolkning).",
               "The same reason in English (required for an interpretation)."),
    ),
}

# Organisation types: local name in fp: → (Swedish, English) as ontology/fardplan.ttl labels them.
ACTOR_TYPES: dict[str, tuple[str, str]] = {
    "Municipality": ("kommun", "municipality"),
    "Committee": ("nämnd", "committee"),
    "Administration": ("förvaltning", "administration"),
    "AdministrativeUnit": ("avdelning eller verksamhet", "administrative unit"),
    "MunicipalCompany": ("kommunalt bolag", "municipal company"),
    "Authority": ("myndighet", "authority"),
    "Commission": ("kommission", "commission"),
    "AdvisoryBody": ("råd eller samverkansgrupp", "advisory body"),
    "CivilSocietyGroup": ("civilsamhällesaktör", "civil-society group"),
    "ActorGroup": ("aktörsgrupp", "group of actors"),
    "Fund": ("fond", "fund"),
}


@dataclass(frozen=True)
class Relation:
    """A relation the Relations sheet takes: predicate, the kinds it goes from and to, and its names."""

    predicate: str
    subjects: tuple[str, ...]
    object: str
    sv: str
    en: str


RELATIONS: dict[str, Relation] = {
    "runs": Relation(FP_IRI + "runs", ("actor",), "project", "driver", "runs"),
    "participatesIn": Relation(FP_IRI + "participatesIn", ("actor",), "project", "deltar i", "participates in"),
    "commissions": Relation(FP_IRI + "commissions", ("actor",), "project", "ger uppdrag åt", "commissions"),
    "fundedBy": Relation(FP_IRI + "fundedBy", ("project",), "actor", "finansieras av", "funded by"),
    "contributesTo": Relation(FP_IRI + "contributesTo", ("project",), "strategy", "bidrar till", "contributes to"),
    "worksOn": Relation(FP_IRI + "worksOn", ("actor",), "strategy", "arbetar med", "works on"),
    "relatesToGoalArea": Relation(FP_IRI + "relatesToGoalArea", ("actor", "project"), "goal_area",
                                  "hör till målområde", "relates to goal area"),
    "collaboratesWith": Relation(FP_IRI + "collaboratesWith", ("actor",), "actor", "samarbetar med",
                                 "collaborates with"),
    "subOrganizationOf": Relation(ORG + "subOrganizationOf", ("actor",), "actor", "är en del av", "is part of"),
}
MODES: dict[str, tuple[str, str]] = {"Stated": ("uttalad", "stated"), "Interpreted": ("tolkning", "interpreted")}
_MODE_WORDS = {"uttalad": "Stated", "stated": "Stated", "tolkning": "Interpreted", "tolkad": "Interpreted",
               "interpreted": "Interpreted", "interpretation": "Interpreted"}
KIND_NAMES = {"actor": ("aktör", "actor"), "project": ("projekt", "project"), "strategy": ("strategi", "strategy"),
              "goal_area": ("målområde", "goal area")}


def _lookup(names: dict[str, tuple[str, str]]) -> dict[str, str]:
    found = {}
    for key, (sv, en) in names.items():
        for name in (key, sv, en):
            found[fold(name)] = key
    return found


_TYPE_WORDS = _lookup(ACTOR_TYPES)
_RELATION_WORDS = _lookup({k: (r.sv, r.en) for k, r in RELATIONS.items()})


def sheet_kind(name: str) -> str | None:
    """``"actors"``, ``"projects"`` or ``"relations"`` for a sheet name in Swedish or English; None otherwise."""
    folded = fold(name)
    for kind, names in SHEET_NAMES.items():
        if folded in (kind, fold(names["sv"]), fold(names["en"])):
            return kind
    return None


# ---------------------------------------------------------------- problems, each at its place

@dataclass(frozen=True)
class Issue:
    """A problem at a place of the input: the sheet, the row (1-based, as the spreadsheet shows it) and the column
    (``C (typ)`` in a workbook, the header in a CSV file), with the message in Swedish and English."""

    sheet: str | None
    row: int | None
    column: str | None
    sv: str
    en: str

    def where(self, lang: str = "en") -> str:
        words = {"sv": ("blad", "rad", "kolumn"), "en": ("sheet", "row", "column")}[lang if lang == "sv" else "en"]
        parts = [f"{words[0]} {self.sheet}"] if self.sheet else []
        parts += [f"{words[1]} {self.row}"] if self.row is not None else []
        parts += [f"{words[2]} {self.column}"] if self.column else []
        return ", ".join(parts)

    def text(self, lang: str = "en") -> str:
        where = self.where(lang)
        message = self.sv if lang == "sv" else self.en
        return f"{where}: {message}" if where else message

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message_sv": self.sv,
                "message_en": self.en, "text_sv": self.text("sv"), "text_en": self.text("en")}


class SheetErrors(FardplanError):
    """A spreadsheet that cannot be imported: ``issues`` says where and why; nothing was written."""

    status = 422

    def __init__(self, issues: list[Issue], source: str = "") -> None:
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  {i.text('en')}" for i in issues)
        super().__init__(f"{head}{len(issues)} problem(s); nothing was imported\n{lines}")
        self.issues = issues

    def to_dict(self) -> dict:
        data = super().to_dict()
        data["errors"] = [i.text("en") for i in self.issues]
        data["issues"] = [i.to_dict() for i in self.issues]
        return data


# ---------------------------------------------------------------- reading XLSX and CSV

@dataclass
class Row:
    """One data row: its sheet (as the file names it), kind, number and values by column key; ``columns`` maps a
    column key to how errors name that column."""

    sheet: str
    kind: str
    number: int
    values: dict[str, str]
    columns: dict[str, str]

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def issue(self, key: str | None, sv: str, en: str) -> Issue:
        column = self.columns.get(key, COLUMN_NAMES.get(key, key)) if key else None
        return Issue(self.sheet, self.number, column, sv, en)


COLUMN_NAMES = {c.key: c.sv for cols in COLUMNS.values() for c in cols}
_FREE_TEXT = {"quote", "description", "reason", "reason_en"}  # kept as written; names have their spaces collapsed


@dataclass
class Table:
    """What a file holds: its name and format, its data rows, the sheets it has that the template does not know,
    and problems found while reading (unknown or missing columns)."""

    filename: str
    format: str
    rows: list[Row] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _header_keys(kind: str, header: list[str], sheet: str, letters: bool, issues: list[Issue],
                 extra: Iterable[Column] = ()) -> dict[int, tuple[str, str]]:
    """Column index → (key, how errors name it), for the headers the sheet kind knows; others are issues."""
    known = {}
    for col in (*COLUMNS[kind], *extra):
        for name in (col.key, col.sv, col.en):
            known[fold(name)] = col.key
    found: dict[int, tuple[str, str]] = {}
    for i, name in enumerate(header):
        if not name:
            continue
        shown = f"{_letter(i)} ({name})" if letters else name
        key = known.get(fold(name))
        if key is None:
            allowed = ", ".join(c.sv for c in COLUMNS[kind])
            issues.append(Issue(sheet, 1, shown, f"okänd kolumn; bladet har kolumnerna {allowed}",
                                f"unknown column; the sheet has the columns {allowed}"))
        elif key in {k for k, _ in found.values()}:
            issues.append(Issue(sheet, 1, shown, "kolumnen finns två gånger", "the column is there twice"))
        else:
            found[i] = (key, shown)
    have = {k for k, _ in found.values()}
    for col in COLUMNS[kind]:
        if col.required and col.key not in have:
            issues.append(Issue(sheet, 1, col.sv, "kolumnen saknas (den krävs)", "the column is missing (required)"))
    return found


def _rows(kind: str, sheet: str, records: Iterable[tuple[int, list[str]]], keys: dict[int, tuple[str, str]]
          ) -> list[Row]:
    columns = {key: shown for key, shown in keys.values()}
    rows = []
    for number, cells in records:
        values = {key: cells[i] if key in _FREE_TEXT else re.sub(r"\s+", " ", cells[i])
                  for i, (key, _) in keys.items() if i < len(cells) and cells[i]}
        if values:
            rows.append(Row(sheet, kind, number, values, columns))
    return rows


def _check_zip(data: bytes, filename: str) -> None:
    """Refuse an XLSX that unpacks to more than :data:`MAX_UNPACKED` bytes or whose XML declares a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise SheetErrors([Issue(None, None, None, "filen är ingen XLSX-arbetsbok (inget zip-arkiv)",
                                 "the file is not an XLSX workbook (not a zip archive)")], filename) from None
    with archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
            raise SheetErrors([Issue(None, None, None, f"arbetsboken packas upp till mer än {MAX_UNPACKED:,} byte",
                                     f"the workbook unpacks to more than {MAX_UNPACKED:,} bytes")], filename)
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                with archive.open(info) as member:
                    head = member.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise SheetErrors([Issue(None, None, None, f"{info.filename} deklarerar en DTD, vilket inte "
                                             "tillåts", f"{info.filename} declares a DTD, which is refused")],
                                      filename)


def _read_xlsx(data: bytes, filename: str) -> Table:
    import openpyxl

    _check_zip(data, filename)
    table = Table(filename, "xlsx")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken workbook
        raise SheetErrors([Issue(None, None, None, f"arbetsboken kan inte läsas: {exc}",
                                 f"the workbook cannot be read: {exc}")], filename) from None
    try:
        for sheet in book.worksheets:
            kind = sheet_kind(sheet.title)
            if kind is None:
                if fold(sheet.title) not in (fold(INSTRUCTIONS["sv"]), fold(INSTRUCTIONS["en"])):
                    table.ignored_sheets.append(sheet.title)
                continue
            records = sheet.iter_rows(values_only=True)
            header = [_cell(v) for v in next(records, ())]
            keys = _header_keys(kind, header, sheet.title, True, table.issues)
            table.rows += _rows(kind, sheet.title, ((n, [_cell(v) for v in cells])
                                                    for n, cells in enumerate(records, start=2)), keys)
    finally:
        book.close()
    return table


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # what Swedish Excel writes as "CSV"


def _read_csv(data: bytes, filename: str) -> Table:
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    table = Table(filename, "csv")
    if not records:
        return table
    header = [_cell(h) for h in records[0]]
    sheet_col = next((i for i, h in enumerate(header) if fold(h) in (fold(CSV_SHEET.sv), fold(CSV_SHEET.en))), None)
    if sheet_col is None:
        table.issues.append(Issue(None, 1, CSV_SHEET.sv, "kolumnen blad saknas: den säger vilket blad (Aktörer, "
                                  "Projekt, Relationer) varje rad hör till",
                                  "the column blad (sheet) is missing: it says which sheet (Aktörer, Projekt, "
                                  "Relationer) each row belongs to"))
        return table
    rest = [h if i != sheet_col else "" for i, h in enumerate(header)]
    every = {fold(n): c.key for cols in COLUMNS.values() for c in cols for n in (c.key, c.sv, c.en)}
    for name in rest:
        if name and fold(name) not in every:
            table.issues.append(Issue(None, 1, name, "okänd kolumn", "unknown column"))
    by_kind: dict[str, list[tuple[int, list[str]]]] = {}
    names: dict[str, str] = {}
    for number, cells in enumerate(records[1:], start=2):
        cells = [_cell(c) for c in cells]
        if not any(cells):
            continue
        value = cells[sheet_col] if sheet_col < len(cells) else ""
        kind = sheet_kind(value)
        if kind is None:
            table.issues.append(Issue(value or None, number, CSV_SHEET.sv,
                                      f"okänt blad {value!r}: skriv Aktörer, Projekt eller Relationer",
                                      f"unknown sheet {value!r}: write Aktörer, Projekt or Relationer"))
            continue
        names.setdefault(kind, value)
        own = {fold(n) for c in COLUMNS[kind] for n in (c.key, c.sv, c.en)}
        for i, name in enumerate(rest):
            if name and fold(name) in every and fold(name) not in own and i < len(cells) and cells[i]:
                table.issues.append(Issue(value, number, name, f"kolumnen hör inte till bladet {value}",
                                          f"the column does not belong to the sheet {value}"))
        by_kind.setdefault(kind, []).append((number, cells))
    for kind, rows in by_kind.items():
        known = [h if fold(h) in {fold(n) for c in COLUMNS[kind] for n in (c.key, c.sv, c.en)} else "" for h in rest]
        keys = _header_keys(kind, known, names[kind], False, table.issues)
        table.rows += _rows(kind, names[kind], rows, keys)
    table.rows.sort(key=lambda r: r.number)
    return table


def read_table(data: bytes, filename: str) -> Table:
    """The rows of an XLSX workbook or a CSV file (told apart by the name's suffix, then by the bytes)."""
    name = PurePath(filename).name
    if name.lower().endswith(".csv"):
        return _read_csv(data, name)
    if name.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        return _read_xlsx(data, name)
    raise SheetErrors([Issue(None, None, None, "filen måste vara en XLSX-arbetsbok eller en CSV-fil",
                             "the file must be an XLSX workbook or a CSV file")], name)


# ---------------------------------------------------------------- planning an import

def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _sv(text: str) -> ox.Literal:
    return ox.Literal(text, language="sv")


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def slug(text: str, limit: int = 80) -> str:
    """A name as an IRI path part: ``"Läxhjälp i Skarpnäck"`` → ``"laxhjalp-i-skarpnack"`` (a hash if empty).

    >>> slug("Läxhjälp i Skarpnäck!"), slug("???")
    ('laxhjalp-i-skarpnack', 'x-2d86c2a6')
    """
    found = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:limit].strip("-")
    return found or "x-" + hashlib.sha1(text.encode()).hexdigest()[:8]


def assertion_iri(s: str, p: str, o: str) -> str:
    """The assertion IRI :mod:`graph.load.curate` gives the triple ``s p o`` (``o`` an IRI): the same fact gets the same
    assertion whichever way it came in."""
    return ID_IRI + "assertion/" + hashlib.sha1(f"{s}|{p}|<{o}>".encode()).hexdigest()[:16]


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


@dataclass
class Entity:
    """An actor or project row, matched to a node of the store or new."""

    kind: str
    row: Row
    label: str
    iri: str
    status: str  # "new", "matched" (nothing to add) or "changed" (something added to an existing node)
    matched_label: str = ""
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """What an import of one file would do: the quads it adds, the plain-data preview, the problems found, and
    where each new node came from (to name the row of a SHACL result)."""

    table: Table
    quads: list[ox.Quad]
    issues: list[Issue]
    summary: dict
    origins: dict[str, tuple[Row, str | None]]

    @property
    def ok(self) -> bool:
        return not self.issues


class _Planner:
    def __init__(self, store: Store, table: Table) -> None:
        self.store = store
        self.table = table
        self.G: nx.MultiDiGraph = planner.views(store).relations
        self.pools: dict[str, list[Named]] = {k: named_nodes(self.G, (k,)) for k in KIND_NAMES}
        self.issues: list[Issue] = list(table.issues)
        self.quads: list[ox.Quad] = []
        self.origins: dict[str, tuple[Row, str | None]] = {}
        self.doc = ID_IRI + "document/sheet/" + slug(table.filename)
        self.doc_needed = False
        self.rows_made: set[int] = set()
        self.entities: list[Entity] = []
        self.by_name: dict[str, dict[str, list[Entity]]] = {"actor": {}, "project": {}}
        self.documents: dict[str, dict] = {}
        self.relations: list[dict] = []
        self.matched: list[Entity] = []
        self.by_iri: dict[str, Entity] = {}
        self.doc_pool: list[Named] = []
        self.row_base = f"{ID_IRI}sheet/{slug(table.filename)}/"
        self.sheet_slugs: dict[str, str] = {}

    # -- helpers
    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.quads.append(ox.Quad(_n(s), _n(p), o))

    def row_node(self, row: Row) -> str:
        """The ``fp:SheetRow`` of ``row`` (written the first time something derives from it)."""
        if row.sheet not in self.sheet_slugs:
            self.sheet_slugs[row.sheet] = slug(row.sheet)
        iri = f"{self.row_base}{self.sheet_slugs[row.sheet]}/{row.number}"
        if id(row) not in self.rows_made:
            self.rows_made.add(id(row))
            self.doc_needed = True
            self.add(iri, RDF + "type", _n(FP_IRI + "SheetRow"))
            self.add(iri, DCT + "isPartOf", _n(self.doc))
            self.add(iri, FP_IRI + "sheetName", ox.Literal(row.sheet))
            self.add(iri, FP_IRI + "rowNumber", ox.Literal(str(row.number), datatype=_n(XSD + "integer")))
            if row.get("quote"):
                self.add(iri, FP_IRI + "exactText", ox.Literal(row.get("quote")))
            if row.get("source"):
                self.add(iri, DCT + "source", _n(self.source_document(row)))
            self.origins.setdefault(iri, (row, None))
        return iri

    def source_document(self, row: Row) -> str:
        title = row.get("source")
        key = _words(title)
        if key in self.documents:
            return self.documents[key]["iri"]
        hits = find_named(title, self.doc_pool)
        if len(hits) > 1:
            self.issues.append(row.issue("source", *self._ambiguous(title, hits)))
        if len(hits) == 1:
            entry = {"iri": hits[0].iri, "label": hits[0].label, "status": "matched", "title": title}
        else:
            iri = ID_IRI + "document/" + slug(title)
            entry = {"iri": iri, "label": title, "status": "new", "title": title,
                     "sheet": row.sheet, "row": row.number}
            self.add(iri, RDF + "type", _n(FP_IRI + "Document"))
            self.add(iri, DCT + "title", _sv(title))
            self.add(iri, SKOS + "prefLabel", _sv(title))
            self.add(iri, RDFS + "label", _sv(title))
            self.origins.setdefault(iri, (row, "source"))
        self.documents[key] = entry
        return entry["iri"]

    @staticmethod
    def _ambiguous(name: str, hits: list[Named]) -> tuple[str, str]:
        listing = "; ".join(f"{h.label} <{curie(h.iri)}>" for h in hits[:MAX_SHOWN])
        return (f"{name!r} är tvetydigt; kandidater: {listing}. Skriv hela namnet eller nodens id.",
                f"{name!r} is ambiguous; candidates: {listing}. Write the full name or the node's id.")

    # -- documents the store has (for the source-document column)
    def _documents_pool(self) -> list[Named]:
        answer = self.store.query(
            f"PREFIX fp: <{FP_IRI}> PREFIX skos: <{SKOS}> PREFIX dcterms: <{DCT}> SELECT ?d ?name WHERE {{ "
            "?d a fp:Document . FILTER NOT EXISTS { ?d a fp:Spreadsheet } "
            "?d skos:prefLabel|skos:altLabel|dcterms:title ?name }")
        D = nx.Graph()
        assert isinstance(answer, Solutions)
        for d, name in answer.rows:
            if d is None or name is None:
                continue
            if d.value not in D:
                D.add_node(d.value, type="document", label_sv="", names=[])
            attrs = D.nodes[d.value]
            attrs["names"].append(name.value)
            if getattr(name, "language", "") == "sv" and not attrs["label_sv"]:
                attrs["label_sv"] = name.value
        return named_nodes(D)

    # -- actors and projects
    def entity(self, row: Row, kind: str) -> None:
        label = row.get("label")
        if not label:
            self.issues.append(row.issue("label", "namnet saknas", "the name is missing"))
            return
        actor_type = None
        if kind == "actor" and row.get("type"):
            actor_type = _TYPE_WORDS.get(fold(row.get("type")))
            if actor_type is None:
                allowed = ", ".join(sv for sv, _ in ACTOR_TYPES.values())
                self.issues.append(row.issue("type", f"okänd typ {row.get('type')!r}; tillåtna: {allowed}",
                                             f"unknown type {row.get('type')!r}; allowed: {', '.join(ACTOR_TYPES)} "
                                             "or their Swedish names"))
                return
        key = _words(label)
        same = [e for e in self.by_name[kind].get(key, []) if not (row.get("id") and e.row.get("id"))]
        if same:
            first = same[0].row
            self.issues.append(row.issue("label", f"samma namn som rad {first.number} i bladet {first.sheet}",
                                         f"the same name as row {first.number} of sheet {first.sheet}"))
            return
        pool = self.pools[kind]
        given_id = row.get("id")
        if given_id:
            iri = expand(given_id) if ":" in given_id else ID_IRI + given_id.lstrip("/")
            if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", iri):
                self.issues.append(row.issue("id", f"{given_id!r} är ingen IRI eller CURIE",
                                             f"{given_id!r} is not an IRI or CURIE"))
                return
            hits = [n for n in pool if n.iri == iri]
        else:
            hits = find_named(label, pool)
            if len(hits) > 1:
                self.issues.append(row.issue("label", *self._ambiguous(label, hits)))
                return
            prefix = "org/" if kind == "actor" else "project/"
            iri = hits[0].iri if hits else ID_IRI + prefix + slug(label)
        if iri in self.by_iri:
            first = self.by_iri[iri].row
            self.issues.append(row.issue("id" if given_id else "label", f"samma nod som rad {first.number} i bladet "
                                         f"{first.sheet}", f"the same node as row {first.number} of sheet "
                                         f"{first.sheet}"))
            return
        if hits:
            entity = Entity(kind, row, label, hits[0].iri, "matched", hits[0].label)
            self.matched.append(entity)
        elif kind == "actor" and actor_type is None:
            allowed = ", ".join(sv for sv, _ in ACTOR_TYPES.values())
            self.issues.append(row.issue("type", f"typen saknas (den krävs för en ny aktör); tillåtna: {allowed}",
                                         f"the type is missing (a new actor needs one); allowed: "
                                         f"{', '.join(ACTOR_TYPES)}"))
            return
        else:
            entity = Entity(kind, row, label, iri, "new")
            self.new_entity(entity, actor_type)
        entity.notes += [] if actor_type is None else [f"type:{actor_type}"]
        self.entities.append(entity)
        self.by_iri[entity.iri] = entity
        for name in {key, _words(row.get("label_en")), fold(iri), fold(curie(iri))} - {""}:
            self.by_name[kind].setdefault(name, []).append(entity)

    def new_entity(self, e: Entity, actor_type: str | None) -> None:
        row, iri = e.row, e.iri
        self.origins[iri] = (row, "label")
        if actor_type:
            self.add(iri, RDF + "type", _n(FP_IRI + actor_type))
            self.add(iri, RDF + "type", _n(ORG + "Organization"))
            if actor_type == "AdministrativeUnit":
                self.add(iri, RDF + "type", _n(ORG + "OrganizationalUnit"))
        else:
            self.add(iri, RDF + "type", _n(FP_IRI + "Project"))
        self.add(iri, SKOS + "prefLabel", _sv(e.label))
        self.add(iri, RDFS + "label", _sv(e.label))
        if row.get("label_en"):
            self.add(iri, SKOS + "prefLabel", _en(row.get("label_en")))
            self.add(iri, RDFS + "label", _en(row.get("label_en")))
        if row.get("description"):
            self.add(iri, DCT + "description", _sv(row.get("description")))
        self.add(iri, PROV + "wasDerivedFrom", _n(self.row_node(row)))

    def changes_to_matched(self) -> None:
        """What the rows add to existing nodes: an English name or a description the node lacks."""
        if not self.matched:
            return
        known: dict[str, set[tuple[str, str]]] = {}
        for t in self.store.match(subjects=sorted({_n(e.iri) for e in self.matched}, key=str)):
            lang = t.object.language if isinstance(t.object, ox.Literal) else ""
            known.setdefault(t.subject.value, set()).add((t.predicate.value, lang or t.object.value))
        for e in self.matched:
            have = known.get(e.iri, set())
            row = e.row
            if row.get("label_en") and (SKOS + "prefLabel", "en") not in have:
                self.add(e.iri, SKOS + "prefLabel", _en(row.get("label_en")))
                self.add(e.iri, RDFS + "label", _en(row.get("label_en")))
                e.changes.append("label_en")
            if row.get("description") and (DCT + "description", "sv") not in have:
                self.add(e.iri, DCT + "description", _sv(row.get("description")))
                e.changes.append("description")
            wanted = next((n[5:] for n in e.notes if n.startswith("type:")), None)
            if wanted and (RDF + "type", FP_IRI + wanted) not in have:
                e.notes.append("type_differs")
            if e.changes:
                e.status = "changed"
                self.origins.setdefault(e.iri, (row, "label"))
                self.add(e.iri, PROV + "wasDerivedFrom", _n(self.row_node(row)))

    # -- relations
    def find(self, row: Row, column: str, name: str, kinds: tuple[str, ...]) -> tuple[str, str] | None:
        """``(iri, label)`` of the node ``name`` names: a row of the Actors or Projects sheet, else the store."""
        for kind in kinds:
            hits = self.by_name.get(kind, {}).get(_words(name)) or self.by_name.get(kind, {}).get(fold(name))
            if hits:
                return hits[0].iri, hits[0].label
        pool = [n for kind in kinds for n in self.pools[kind]]
        hits = find_named(name, pool)
        if len(hits) == 1:
            return hits[0].iri, hits[0].label
        if hits:
            self.issues.append(row.issue(column, *self._ambiguous(name, hits)))
            return None
        what_sv = " eller ".join(KIND_NAMES[k][0] for k in kinds)
        what_en = " or ".join(KIND_NAMES[k][1] for k in kinds)
        close = difflib.get_close_matches(_words(name), {k: None for n in pool for k in n.keys}, n=3, cutoff=0.6)
        hint = ", ".join(close)
        self.issues.append(row.issue(
            column,
            f"{name!r} namnger ingen {what_sv} i bladen eller i grafen" + (f"; närmast: {hint}" if hint else ""),
            f"{name!r} names no {what_en} in the sheets or the graph" + (f"; closest: {hint}" if hint else "")))
        return None

    def relation(self, row: Row, seen: dict[tuple[str, str, str], Row]) -> None:
        key = _RELATION_WORDS.get(fold(row.get("relation")))
        if key is None:
            allowed = ", ".join(r.sv for r in RELATIONS.values())
            self.issues.append(row.issue("relation", f"okänd relation {row.get('relation')!r}; tillåtna: {allowed}",
                                         f"unknown relation {row.get('relation')!r}; allowed: "
                                         f"{', '.join(r.en for r in RELATIONS.values())} (or the Swedish names)"))
            return
        rel = RELATIONS[key]
        mode = _MODE_WORDS.get(fold(row.get("mode") or "uttalad"))
        ok = True
        if mode is None:
            self.issues.append(row.issue("mode", f"okänd grund {row.get('mode')!r}; skriv uttalad eller tolkning",
                                         f"unknown mode {row.get('mode')!r}; write stated or interpreted"))
            ok = False
        elif mode == "Interpreted":
            for col, lang in (("reason", "svenska"), ("reason_en", "engelska")):
                if not row.get(col):
                    self.issues.append(row.issue(col, f"en tolkning behöver en motivering på {lang}",
                                                 f"an interpretation needs a reason in "
                                                 f"{'Swedish' if col == 'reason' else 'English'}"))
                    ok = False
        elif row.get("reason") or row.get("reason_en"):
            self.issues.append(row.issue("reason", "bara en tolkning har en motivering; skriv tolkning i grund",
                                         "only an interpretation has a reason; write interpreted as the mode"))
            ok = False
        subject = row.get("subject")
        found_s = self.find(row, "subject", subject, rel.subjects) if subject else None
        if not subject:
            self.issues.append(row.issue("subject", "namnet saknas", "the name is missing"))
        if rel.object in ("strategy", "goal_area"):
            name, column = (row.get("notation"), "notation") if row.get("notation") else (row.get("partner"),
                                                                                          "partner")
            if row.get("notation") and row.get("partner"):
                self.issues.append(row.issue("partner", f"relationen {rel.sv} går till en {KIND_NAMES[rel.object][0]}"
                                             ": fyll bara i strategi eller målområde",
                                             f"the relation {rel.en} goes to a {KIND_NAMES[rel.object][1]}: fill in "
                                             "only the strategy or goal area"))
                ok = False
        else:
            name, column = row.get("partner"), "partner"
            if row.get("notation"):
                self.issues.append(row.issue("notation", f"relationen {rel.sv} går till en aktör eller ett projekt i "
                                             "kolumnen partner, inte till en strategi",
                                             f"the relation {rel.en} goes to an actor or project in the partner "
                                             "column, not to a strategy"))
                ok = False
        if not name:
            self.issues.append(row.issue(column, "det saknas vart relationen går", "what the relation goes to is "
                                         "missing"))
            return
        found_o = self.find(row, column, name, (rel.object,))
        if not (ok and found_s and found_o):
            return
        s, o = found_s[0], found_o[0]
        triple = (s, rel.predicate, o)
        if triple in seen:
            first = seen[triple]
            self.issues.append(row.issue("relation", f"samma relation som rad {first.number}",
                                         f"the same relation as row {first.number}"))
            return
        seen[triple] = row
        exists = self.G.has_edge(s, o, key=key) if s in self.G and o in self.G else False
        self.relations.append({
            "sheet": row.sheet, "row": row.number, "status": "existing" if exists else "new",
            "subject": {"iri": s, "label": found_s[1]}, "relation": key, "relation_sv": rel.sv,
            "relation_en": rel.en, "object": {"iri": o, "label": found_o[1]}, "mode": mode.lower(),
        })
        if exists:
            return
        a = assertion_iri(s, rel.predicate, o)
        self.origins[a] = (row, "relation")
        self.add(s, rel.predicate, _n(o))
        self.add(a, RDF + "type", _n(FP_IRI + "Assertion"))
        self.add(a, RDF + "type", _n(RDF + "Statement"))
        self.add(a, RDF + "subject", _n(s))
        self.add(a, RDF + "predicate", _n(rel.predicate))
        self.add(a, RDF + "object", _n(o))
        self.add(a, FP_IRI + "mode", _n(FP_IRI + mode))
        if mode == "Interpreted":
            self.add(a, FP_IRI + "reason", _sv(row.get("reason")))
            self.add(a, FP_IRI + "reason", _en(row.get("reason_en")))
        self.add(a, PROV + "wasDerivedFrom", _n(self.row_node(row)))

    # -- the whole plan
    def run(self) -> Plan:
        self.doc_pool = self._documents_pool()
        for row in self.table.rows:
            if row.kind in ("actors", "projects"):
                self.entity(row, "actor" if row.kind == "actors" else "project")
        self.changes_to_matched()
        seen: dict[tuple[str, str, str], Row] = {}
        for row in self.table.rows:
            if row.kind == "relations":
                self.relation(row, seen)
        if self.doc_needed:
            name, fmt = self.table.filename, XLSX_TYPE if self.table.format == "xlsx" else "text/csv"
            for cls in ("Document", "Spreadsheet"):
                self.add(self.doc, RDF + "type", _n(FP_IRI + cls))
            self.add(self.doc, DCT + "title", ox.Literal(name))
            self.add(self.doc, SKOS + "prefLabel", _sv(name))
            self.add(self.doc, RDFS + "label", _sv(name))
            self.add(self.doc, FP_IRI + "sourceFile", ox.Literal(name))
            self.add(self.doc, DCT + "format", ox.Literal(fmt))
        quads = self._not_stored(self.quads)
        return Plan(self.table, quads, self.issues, self._summary(quads), self.origins)

    def _not_stored(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """``quads`` without duplicates and without those the store already has (a second import adds nothing)."""
        unique = list(dict.fromkeys(quads))
        subjects = sorted({q.subject for q in unique}, key=str)
        stored = set(self.store.match(subjects=subjects)) if subjects and self.store.count() else set()
        return [q for q in unique if q.triple not in stored]

    def _summary(self, quads: list[ox.Quad]) -> dict:
        def entity(e: Entity) -> dict:
            return {"sheet": e.row.sheet, "row": e.row.number, "label": e.label, "iri": e.iri, "status": e.status,
                    "matched_label": e.matched_label, "changes": e.changes,
                    "type_differs": "type_differs" in e.notes}

        def count(kind: str, status: str) -> int:
            return sum(1 for e in self.entities if e.kind == kind and e.status == status)

        new_docs = [d for d in self.documents.values() if d["status"] == "new"]
        return {
            "file": self.table.filename, "format": self.table.format, "document": self.doc,
            "rows": len(self.table.rows), "quads": len(quads), "ignored_sheets": self.table.ignored_sheets,
            "counts": {
                "actors_new": count("actor", "new"), "actors_matched": count("actor", "matched"),
                "actors_changed": count("actor", "changed"), "projects_new": count("project", "new"),
                "projects_matched": count("project", "matched"), "projects_changed": count("project", "changed"),
                "relations_new": sum(1 for r in self.relations if r["status"] == "new"),
                "relations_existing": sum(1 for r in self.relations if r["status"] == "existing"),
                "documents_new": len(new_docs),
            },
            "actors": [entity(e) for e in self.entities if e.kind == "actor"],
            "projects": [entity(e) for e in self.entities if e.kind == "project"],
            "relations": self.relations,
            "documents": sorted(self.documents.values(), key=lambda d: d["label"]),
        }


def plan_import(store: Store, table: Table) -> Plan:
    """What importing ``table`` into ``store`` would add: quads, preview and problems (no SHACL check yet)."""
    return _Planner(store, table).run()


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


def import_sheets(store: Store, data: bytes, filename: str) -> dict:
    """Import the file into ``store`` if every row passes (raise :class:`SheetErrors` otherwise, writing nothing);
    the result is :func:`preview`'s with ``written`` true."""
    table = read_table(data, filename)
    plan, staging, warnings = _checked(store, plan_import(store, table))
    if plan.issues:
        raise SheetErrors(plan.issues, table.filename)
    if staging is not None:
        store.insert_store(staging)
        invalidate(store)
    return _result(plan, warnings, written=True)  # done, even when every row was already there
