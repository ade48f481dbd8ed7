"""The spreadsheet template: its sheets, their columns (headers in Swedish and English, with help text), and the
values the type, relation and mode columns take, with the words (either language, any case) that name them.

Reading (:mod:`graph.load.sheets.read`), planning (:mod:`graph.load.sheets.plan`) and the template's workbook
(:mod:`graph.load.sheets_out`) all take their columns and words from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.vocab.namespaces import FP_IRI, PREFIXES
from graph.vocab.text import fold

__all__ = ["ACTOR_TYPES", "COLUMNS", "COLUMN_NAMES", "CSV_SHEET", "Column", "INSTRUCTIONS", "KIND_NAMES", "MODES",
           "MODE_WORDS", "RELATIONS", "RELATION_WORDS", "Relation", "SHEET_NAMES", "TYPE_WORDS", "sheet_kind"]

ORG = PREFIXES["org"]


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
MODE_WORDS = {"uttalad": "Stated", "stated": "Stated", "tolkning": "Interpreted", "tolkad": "Interpreted",
               "interpreted": "Interpreted", "interpretation": "Interpreted"}
KIND_NAMES = {"actor": ("aktör", "actor"), "project": ("projekt", "project"), "strategy": ("strategi", "strategy"),
              "goal_area": ("målområde", "goal area")}


def _lookup(names: dict[str, tuple[str, str]]) -> dict[str, str]:
    found = {}
    for key, (sv, en) in names.items():
        for name in (key, sv, en):
            found[fold(name)] = key
    return found


TYPE_WORDS = _lookup(ACTOR_TYPES)
RELATION_WORDS = _lookup({k: (r.sv, r.en) for k, r in RELATIONS.items()})


COLUMN_NAMES = {c.key: c.sv for cols in COLUMNS.values() for c in cols}  # column key → its Swedish header


def sheet_kind(name: str) -> str | None:
    """``"actors"``, ``"projects"`` or ``"relations"`` for a sheet name in Swedish or English; None otherwise."""
    folded = fold(name)
    for kind, names in SHEET_NAMES.items():
        if folded in (kind, fold(names["sv"]), fold(names["en"])):
            return kind
    return None

