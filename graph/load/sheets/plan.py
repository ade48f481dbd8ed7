"""Planning an import: the rows of a :class:`~graph.load.sheets.read.Table` → the quads it would add, the
plain-data preview (new, matched and changed nodes, relations, documents) and every problem at its sheet, row and
column. Nothing is checked against SHACL and nothing is written here (:mod:`graph.load.sheets.importing`).

Every fact is a plain triple plus an ``fp:Assertion`` with its mode (and reason), as in :mod:`graph.load.curate`;
what a fact or a new node is derived from is an ``fp:SheetRow`` of the ``fp:Spreadsheet``. One module for one
concept: the planner walks the rows once and keeps what they have named so far (the nodes of the Actors and
Projects sheets, the source documents, the row nodes written), which the relation rows then resolve against.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from graph.index.resolve import Named, find_named, named_nodes
from graph.load.sheets.issues import Issue
from graph.load.sheets.names import ambiguous, assertion_iri, documents_pool, slug, words
from graph.load.sheets.read import Row, Table
from graph.load.sheets.template import ACTOR_TYPES, KIND_NAMES, MODE_WORDS, RELATION_WORDS, RELATIONS, TYPE_WORDS
from graph.service import planner
from graph.store import Store
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES, curie, expand
from graph.vocab.text import fold

__all__ = ["Entity", "Plan", "XLSX_TYPE", "plan_import"]

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
ORG = PREFIXES["org"]
DCT = PREFIXES["dcterms"]
PROV = PREFIXES["prov"]
XSD = PREFIXES["xsd"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _sv(text: str) -> ox.Literal:
    return ox.Literal(text, language="sv")


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


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
        key = words(title)
        if key in self.documents:
            return self.documents[key]["iri"]
        hits = find_named(title, self.doc_pool)
        if len(hits) > 1:
            self.issues.append(row.issue("source", *ambiguous(title, hits)))
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

    def entity(self, row: Row, kind: str) -> None:
        label = row.get("label")
        if not label:
            self.issues.append(row.issue("label", "namnet saknas", "the name is missing"))
            return
        actor_type = None
        if kind == "actor" and row.get("type"):
            actor_type = TYPE_WORDS.get(fold(row.get("type")))
            if actor_type is None:
                allowed = ", ".join(sv for sv, _ in ACTOR_TYPES.values())
                self.issues.append(row.issue("type", f"okänd typ {row.get('type')!r}; tillåtna: {allowed}",
                                             f"unknown type {row.get('type')!r}; allowed: {', '.join(ACTOR_TYPES)} "
                                             "or their Swedish names"))
                return
        key = words(label)
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
                self.issues.append(row.issue("label", *ambiguous(label, hits)))
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
        for name in {key, words(row.get("label_en")), fold(iri), fold(curie(iri))} - {""}:
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
            hits = self.by_name.get(kind, {}).get(words(name)) or self.by_name.get(kind, {}).get(fold(name))
            if hits:
                return hits[0].iri, hits[0].label
        pool = [n for kind in kinds for n in self.pools[kind]]
        hits = find_named(name, pool)
        if len(hits) == 1:
            return hits[0].iri, hits[0].label
        if hits:
            self.issues.append(row.issue(column, *ambiguous(name, hits)))
            return None
        what_sv = " eller ".join(KIND_NAMES[k][0] for k in kinds)
        what_en = " or ".join(KIND_NAMES[k][1] for k in kinds)
        close = difflib.get_close_matches(words(name), {k: None for n in pool for k in n.keys}, n=3, cutoff=0.6)
        hint = ", ".join(close)
        self.issues.append(row.issue(
            column,
            f"{name!r} namnger ingen {what_sv} i bladen eller i grafen" + (f"; närmast: {hint}" if hint else ""),
            f"{name!r} names no {what_en} in the sheets or the graph" + (f"; closest: {hint}" if hint else "")))
        return None

    def relation(self, row: Row, seen: dict[tuple[str, str, str], Row]) -> None:
        key = RELATION_WORDS.get(fold(row.get("relation")))
        if key is None:
            allowed = ", ".join(r.sv for r in RELATIONS.values())
            self.issues.append(row.issue("relation", f"okänd relation {row.get('relation')!r}; tillåtna: {allowed}",
                                         f"unknown relation {row.get('relation')!r}; allowed: "
                                         f"{', '.join(r.en for r in RELATIONS.values())} (or the Swedish names)"))
            return
        rel = RELATIONS[key]
        mode = MODE_WORDS.get(fold(row.get("mode") or "uttalad"))
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
        self.doc_pool = documents_pool(self.store)
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
