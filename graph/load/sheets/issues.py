"""Problems with a spreadsheet, each at its place: an :class:`Issue` names the sheet, row and column and says what
is wrong in Swedish and English; :class:`SheetErrors` is the error of a file that cannot be imported (nothing was
written), in the one error shape of :mod:`graph.errors` plus the issues.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.errors import FardplanError

__all__ = ["Issue", "SheetErrors"]


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
