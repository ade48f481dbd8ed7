"""Reading a spreadsheet: an XLSX workbook or one CSV file → a :class:`Table` of :class:`Row` s, each with its
sheet, row number and values by column key, and the problems of the file itself (unknown, doubled or missing
columns, an unknown sheet), each at its sheet, row and column.

An XLSX file is checked before openpyxl opens it: no more than :data:`MAX_UNPACKED` bytes unpacked and no DTD in
its XML. A CSV file may be comma- or semicolon-separated, UTF-8 or the cp1252 that Swedish Excel writes; its
``blad`` column says which sheet each row belongs to.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from graph.load.sheets.issues import Issue, SheetErrors
from graph.load.sheets.template import COLUMN_NAMES, COLUMNS, CSV_SHEET, INSTRUCTIONS, Column, sheet_kind
from graph.vocab.text import fold

__all__ = ["MAX_UNPACKED", "Row", "Table", "read_table"]

MAX_UNPACKED = 200_000_000  # bytes an XLSX may unpack to (a zip bomb is refused before it is read)


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

