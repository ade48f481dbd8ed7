"""The review queue: nothing an ingest proposes enters the graph until a person accepts it.

Kept in the named graph :data:`REVIEW_GRAPH` (``fpid:graph/review``), never the default graph, so no explorer
page, SPARQL answer or export of the data sees an unreviewed proposal::

    <document/SLUG> a fp:Document, fp:Reply ; dcterms:title … ; fp:sourceFile "sources/SLUG.txt" ; …   # the reply
    <ingest/SLUG/TIME> a prov:Activity ; prov:used <document/SLUG> ; prov:wasAssociatedWith <agent/…> ;
        prov:startedAtTime … ; prov:endedAtTime … ; rdfs:label "Inläsning av …"@sv .                   # the ingest
    <review/ID> a prov:Entity ; dcterms:identifier "ID" ; dcterms:isPartOf <document/SLUG> ;
        prov:wasGeneratedBy <ingest/…> ; rdf:value "{…the proposal as JSON…}" .                         # a proposal
    <decision/ID/TIME> a prov:Activity ; prov:used <review/ID> ; rdfs:label "accepted" | "rejected" ;
        prov:wasAssociatedWith <agent/…> ; prov:endedAtTime … ; rdfs:comment "why" ;
        prov:wasInformedBy <change/…> ; prov:generated <the node an accepted entity became> .        # a decision

Accepting writes through :func:`graph.edit.apply.apply`: one SHACL-checked update of the default graph with a
PROV activity in the edit history and, in the same update, the decision in the review graph (a failed write leaves
neither), undoable with ``fardplan undo``; an undone acceptance puts its proposals back in the queue as open. The
reply becomes a ``fp:Document`` (``fp:Reply``) with ``fp:sourceFile`` on the first acceptance, so its passages open
in the explorer's source view. Errors are :class:`~graph.errors.IngestError`
and write nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from graph.edit.apply import apply
from graph.edit.changes import Change, assertion_iri
from graph.edit.history import HistoryEntry, agent_iri, history
from graph.errors import EditError, IngestError
from graph.ingest.model import Entity, PassageView, Proposals, QueueItem, QueueSummary
from graph.ingest.pipeline import ingest_text
from graph.queries import internal
from graph.service.caches import invalidate
from graph.settings import DATA_DIR
from graph.store import Solutions, Store
from graph.vocab.kinds import CURATION_TYPES
from graph.vocab.namespaces import FP_IRI, ID, PREFIXES
from graph.vocab.text import fold

__all__ = ["CONTEXT", "REVIEW_GRAPH", "STATUSES", "QueueItem", "QueueSummary", "accept", "is_review_graph",
           "queue", "queue_reply", "reject", "slug_for"]

REVIEW_GRAPH = ox.NamedNode(ID["graph/review"])
STATUSES = ("open", "accepted", "rejected")
CONTEXT = 80  # raw characters of context either side of a proposal's passage
MAX_WHO = 100
RDF, RDFS, SKOS = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["skos"]
PROV, DCTERMS, FOAF = PREFIXES["prov"], PREFIXES["dcterms"], PREFIXES["foaf"]
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = ox.NamedNode(RDF + "type")
# The Swedish words of each predicate a proposal may have, for its phrase ("Polisen deltar i Trygga torg").
PREDICATE_SV = {"runs": "driver", "participatesIn": "deltar i", "collaboratesWith": "samarbetar med",
                "commissions": "ger uppdrag åt", "fundedBy": "finansieras av",
                "relatesToGoalArea": "hör till målområdet", "contributesTo": "bidrar till", "worksOn": "arbetar med",
                "org:subOrganizationOf": "är en del av", "org:memberOf": "är medlem i"}  # as graph.vocab.labels
KIND_PREFIX = {"organisation": "org", "project": "project"}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _p(prefix: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES[prefix] + local)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def _now() -> ox.Literal:
    return ox.Literal(datetime.now(UTC).isoformat(), datatype=ox.NamedNode(XSD + "dateTime"))


def _who(who: str | None) -> str:
    name = " ".join((who or "").split())
    if not name:
        raise IngestError("say who reviews: give a name (--who)")
    if len(name) > MAX_WHO:
        raise IngestError(f"a name has at most {MAX_WHO} characters")
    return name


def is_review_graph(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
    """Whether ``graph`` is the review queue's named graph (not data)."""
    return graph == REVIEW_GRAPH


def slug_for(name: str) -> str:
    """The file and IRI name of a reply called ``name``: its file name's stem, folded, words joined by ``-``.

    >>> slug_for("Remissvar Skärholmen 2018.pdf")
    'remissvar-skarholmen-2018'
    """
    stem = Path(name).stem
    slug = "-".join(re.findall(r"[a-z0-9]+", fold(stem)))[:80].strip("-")
    if not slug:
        raise IngestError(f"{name}: the file name has no letters or digits to name the reply by")
    return slug


def _predicate_iri(predicate: str) -> str:
    if ":" in predicate:
        prefix, local = predicate.split(":", 1)
        return PREFIXES[prefix] + local
    return FP_IRI + predicate


def _identity(entity: Entity) -> str:
    return entity.iri or f"new:{entity.kind}:{fold(entity.label)}"


def _item_id(document: str, *parts: str) -> str:
    return "p-" + hashlib.sha1("|".join((document, *parts)).encode()).hexdigest()[:10]


def _passage_view(raw: str, start: int, end: int, restored: str) -> PassageView:
    return {"start": start, "end": end, "raw": raw[start:end], "restored": restored,
            "before": raw[max(0, start - CONTEXT):start], "after": raw[end:end + CONTEXT]}


def _payloads(proposals: Proposals, document: str) -> list[dict]:
    """Each entity and relation as the plain data a queue item keeps."""
    raw = proposals.raw
    ids = {e.key: _item_id(document, "entity", _identity(e)) for e in proposals.entities}
    items = []
    for e in proposals.entities:
        items.append({"id": ids[e.key], "kind": "entity", "label": e.label, "entity_kind": e.kind, "iri": e.iri,
                      "type": e.type, "predicate": None, "subject": None, "object": None, "subject_id": None,
                      "object_id": None, "passage": _passage_view(raw, e.span.start, e.span.end, e.span.restored),
                      "confidence": round(e.confidence, 3), "found_by": e.found_by, "mode": None, "reason_sv": None,
                      "reason_en": None})
    for r in proposals.relations:
        s, o = proposals.entity(r.subject), proposals.entity(r.object)
        phrase = f"{s.label} {PREDICATE_SV.get(r.predicate, r.predicate)} {o.label}"
        items.append({"id": _item_id(document, "relation", _identity(s), r.predicate, _identity(o)),
                      "kind": "relation", "label": phrase, "entity_kind": None, "iri": None, "type": None,
                      "predicate": r.predicate, "subject": s.label, "object": o.label, "subject_id": ids[s.key],
                      "object_id": ids[o.key],
                      "passage": _passage_view(raw, r.span.start, r.span.end, r.span.restored),
                      "confidence": round(r.confidence, 3), "found_by": r.found_by, "mode": r.mode,
                      "reason_sv": r.reason_sv, "reason_en": r.reason_en})
    return items


def _document_triples(document: ox.NamedNode, title: str, source_file: str, raw: str) -> list[ox.Triple]:
    title_sv = ox.Literal(title, language="sv")
    return [ox.Triple(document, TYPE, _n(FP_IRI + "Document")), ox.Triple(document, TYPE, _n(FP_IRI + "Reply")),
            ox.Triple(document, _p("dcterms", "title"), title_sv),
            ox.Triple(document, _p("skos", "prefLabel"), title_sv),
            ox.Triple(document, _p("rdfs", "label"), title_sv),
            ox.Triple(document, _n(FP_IRI + "sourceFile"), ox.Literal(source_file)),
            ox.Triple(document, _n(FP_IRI + "characterCount"), _integer(len(raw))),
            ox.Triple(document, _n(FP_IRI + "sha256"), ox.Literal(hashlib.sha256(raw.encode()).hexdigest())),
            ox.Triple(document, _p("dcterms", "language"), ox.Literal("sv"))]


def _save_source(raw: str, slug: str, data_dir: Path) -> str:
    """Save the raw text as ``sources/<slug>.txt`` under ``data_dir``; refuse a different text of that name."""
    relative = f"sources/{slug}.txt"
    path = data_dir / relative
    data = raw.encode("utf-8")
    if path.exists():
        if path.read_bytes() != data:
            raise IngestError(f"{path}: a different text is already saved under this name; rename the file "
                              f"before ingesting it", 409)
        return relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return relative


def _insert_review(store: Store, triples: list[ox.Triple]) -> None:
    body = "\n".join(f"{t} ." for t in triples)
    try:
        store.update(f"INSERT DATA {{ GRAPH {REVIEW_GRAPH} {{\n{body}\n}} }}")
    finally:
        invalidate(store)


def queue_reply(store: Store, raw: str, name: str, who: str, data_dir: str | Path | None = None,
                proposals: Proposals | None = None) -> QueueSummary:
    """Run the pipeline on the reply ``raw`` (file ``name``), save the raw text as ``sources/<slug>.txt`` under
    ``data_dir`` (default ``data/``), record the reply and the ingest (who, when) in the review graph, and queue
    every proposal as open. ``proposals`` may be given when the pipeline has already run on ``raw``."""
    who = _who(who)
    started = _now()
    slug = slug_for(name)
    document = str(ID[f"document/{slug}"])
    if _items(store, document=document):
        raise IngestError(f"{name}: this reply is already in the review queue ({document}); review it with "
                          f"fardplan review list", 409)
    props = proposals if proposals is not None else ingest_text(store, raw, name)
    if props.raw != raw:
        raise IngestError(f"{name}: the proposals were made from another text")
    source_file = _save_source(raw, slug, Path(data_dir) if data_dir is not None else DATA_DIR)
    doc = _n(document)
    title = f"Remissvar: {Path(name).stem}"
    ingest = _n(ID[f"ingest/{slug}/{started.value.replace(':', '').replace('+', 'Z')[:22]}"])
    agent = agent_iri(who)
    triples = _document_triples(doc, title, source_file, raw)
    triples += [ox.Triple(ingest, TYPE, _p("prov", "Activity")), ox.Triple(ingest, _p("prov", "used"), doc),
                ox.Triple(ingest, _p("prov", "wasAssociatedWith"), agent),
                ox.Triple(ingest, _p("prov", "startedAtTime"), started),
                ox.Triple(ingest, _p("prov", "endedAtTime"), _now()),
                ox.Triple(ingest, _p("rdfs", "label"), ox.Literal(f"Inläsning av {name}", language="sv")),
                ox.Triple(ingest, _p("rdfs", "label"), ox.Literal(f"Ingest of {name}", language="en")),
                ox.Triple(agent, TYPE, _p("prov", "Agent")), ox.Triple(agent, _p("foaf", "name"), ox.Literal(who))]
    payloads = _payloads(props, document)
    for payload in payloads:
        item = _n(ID[f"review/{payload['id']}"])
        triples += [ox.Triple(item, TYPE, _p("prov", "Entity")),
                    ox.Triple(item, _p("dcterms", "identifier"), ox.Literal(payload["id"])),
                    ox.Triple(item, _p("dcterms", "isPartOf"), doc),
                    ox.Triple(item, _p("prov", "wasGeneratedBy"), ingest),
                    ox.Triple(item, _p("rdf", "value"), ox.Literal(json.dumps(payload, ensure_ascii=False)))]
    _insert_review(store, triples)
    items = queue(store, status=None, document=document)
    return {"document": document, "name": name, "entities": len(props.entities), "relations": len(props.relations),
            "items": items}


# ---------------------------------------------------------------- reading the queue

_ITEMS = internal("review_items").text
_DOCUMENT = internal("review_document").text


def _items(store: Store, document: str | None = None) -> dict[str, dict]:
    """Every queued item by id, with its latest decision that still holds (an undone acceptance does not)."""
    bindings: dict[str, ox.NamedNode] = {"review": REVIEW_GRAPH}
    if document is not None:
        bindings["doc"] = _n(document)
    answer = store.query(_ITEMS, bindings)
    assert isinstance(answer, Solutions)
    undone = {e["iri"] for e in history(store, limit=None) if e["undone_by"]} if answer.rows else set()
    found: dict[str, dict] = {}
    for item, doc, value, decision, status, who, when, why, change, made in answer.rows:
        payload = json.loads(value.value)
        entry = found.setdefault(payload["id"], {"payload": payload, "document": doc.value, "node": item.value,
                                                 "decision": None})
        if decision is None or (change is not None and change.value in undone):
            continue
        held = {"status": status.value, "who": who.value, "when": when.value, "why": why.value if why else None,
                "made": made.value if made else None, "change": change.value if change else None}
        if entry["decision"] is None or held["when"] > entry["decision"]["when"]:
            entry["decision"] = held
    return found


def _as_item(entry: dict) -> QueueItem:
    p, d = entry["payload"], entry["decision"]
    iri = p["iri"] or (d["made"] if d and d["status"] == "accepted" else None)
    return {"id": p["id"], "kind": p["kind"], "status": d["status"] if d else "open", "document": entry["document"],
            "label": p["label"], "entity_kind": p["entity_kind"], "iri": iri, "type": p["type"],
            "predicate": p["predicate"], "subject": p["subject"], "object": p["object"],
            "subject_id": p["subject_id"], "object_id": p["object_id"], "passage": p["passage"],
            "confidence": p["confidence"], "found_by": p["found_by"], "mode": p["mode"],
            "reason_sv": p["reason_sv"], "who": d["who"] if d else None, "when": d["when"] if d else None,
            "why": d["why"] if d else None}


def queue(store: Store, status: str | None = "open", document: str | None = None) -> list[QueueItem]:
    """The queued proposals with ``status`` (``"open"``, ``"accepted"``, ``"rejected"``; ``None`` or ``"all"``:
    every one), of one reply ``document`` or of all; in order of the reply, entities before relations."""
    if status not in (None, "all", *STATUSES):
        raise IngestError(f"status must be one of {', '.join((*STATUSES, 'all'))}, not {status!r}")
    items = [_as_item(e) for e in _items(store, document).values()]
    if status not in (None, "all"):
        items = [i for i in items if i["status"] == status]
    return sorted(items, key=lambda i: (i["document"], i["kind"] != "entity", i["passage"]["start"], i["id"]))


# ---------------------------------------------------------------- deciding

def _open_item(items: dict[str, dict], item_id: str) -> dict:
    entry = items.get(item_id)
    if entry is None:
        raise IngestError(f"no proposal {item_id!r} in the review queue", 404)
    if entry["decision"] is not None:
        d = entry["decision"]
        raise IngestError(f"proposal {item_id} is already {d['status']} (by {d['who']}, {d['when'][:19]})", 409)
    return entry


def _new_iri(store: Store, kind: str, label: str, taken: set[str]) -> str:
    base = "-".join(re.findall(r"[a-z0-9]+", fold(label)))[:60] or "namnlos"
    prefix = KIND_PREFIX.get(kind, kind)
    candidate, n = str(ID[f"{prefix}/{base}"]), 2
    while candidate in taken or list(store.match(subjects=[_n(candidate)])):
        candidate, n = str(ID[f"{prefix}/{base}-{n}"]), n + 1
    return candidate


class _Acceptance:
    """The triples one acceptance adds, and the items it decides (a relation takes its new ends along)."""

    def __init__(self, store: Store, items: dict[str, dict], document: str, data_dir: Path) -> None:
        self.store, self.items, self.document = store, items, document
        self.added: list[ox.Triple] = []
        self.decided: dict[str, str | None] = {}  # item id → the node an entity became (None for a relation)
        self.info = self._document_info()
        path = data_dir / self.info["file"]
        if not path.is_file():
            raise IngestError(f"{self.document}: its raw text {path} is missing", 409)
        self.raw = path.read_text(encoding="utf-8")

    def _document_info(self) -> dict[str, str]:
        answer = self.store.query(_DOCUMENT, {"review": REVIEW_GRAPH, "doc": _n(self.document)})
        assert isinstance(answer, Solutions)
        if not answer.rows:
            raise IngestError(f"{self.document}: not a reply in the review queue", 404)
        file, title = answer.rows[0]
        return {"file": file.value, "title": title.value}

    def passage(self, view: dict) -> ox.NamedNode:
        start, end = int(view["start"]), int(view["end"])
        exact = self.raw[start:end]
        if exact != view["raw"]:
            raise IngestError(f"{self.document}: the saved raw text no longer has the proposal's passage at "
                              f"{start}-{end}", 409)
        slug = self.document.rsplit("/", 1)[-1]
        node = _n(ID[f"passage/{slug}/{start}-{end}"])
        doc = _n(self.document)
        self.added += [ox.Triple(node, TYPE, _n(FP_IRI + "Passage")),
                       ox.Triple(node, _n(FP_IRI + "inDocument"), doc),
                       ox.Triple(node, _n(FP_IRI + "startOffset"), _integer(start)),
                       ox.Triple(node, _n(FP_IRI + "endOffset"), _integer(end)),
                       ox.Triple(node, _n(FP_IRI + "exactText"), ox.Literal(exact))]
        return node

    def document_triples(self) -> None:
        doc = _n(self.document)
        if not list(self.store.match(subjects=[doc])):
            self.added += _document_triples(doc, self.info["title"], self.info["file"], self.raw)

    def entity(self, item_id: str, label: str | None = None) -> str:
        """The node of the entity item ``item_id`` (accepting it now when it is open)."""
        if item_id in self.decided:
            return self.decided[item_id]  # type: ignore[return-value]
        entry = self.items[item_id]
        p = entry["payload"]
        if entry["decision"] is not None:
            d = entry["decision"]
            if d["status"] != "accepted":
                raise IngestError(f"proposal {item_id} ({p['label']}) is rejected; a relation to it cannot be "
                                  f"accepted", 409)
            return p["iri"] or d["made"]
        text = " ".join((label or "").split()) or p["label"]
        if len(text) > 300:
            raise IngestError("a label has at most 300 characters")
        passage = self.passage(p["passage"])
        if p["iri"]:
            node = _n(p["iri"])
            self.added.append(ox.Triple(node, _p("prov", "wasDerivedFrom"), passage))
            if label and text != p["label"]:
                raise IngestError(f"proposal {item_id} names an existing node ({p['iri']}); correct its label with "
                                  f"the explorer's edit form, not here")
            self.decided[item_id] = p["iri"]
            return p["iri"]
        kind_type = p["type"] if p["type"] in CURATION_TYPES else (
            "Project" if p["entity_kind"] == "project" else "ActorGroup")
        iri = _new_iri(self.store, p["entity_kind"], text, set(self.decided.values()) - {None})  # type: ignore
        node = _n(iri)
        self.added += [ox.Triple(node, TYPE, _n(FP_IRI + kind_type))]
        self.added += [ox.Triple(node, TYPE, _n(c)) for c in CURATION_TYPES[kind_type]]
        for prop in (("skos", "prefLabel"), ("rdfs", "label")):
            self.added.append(ox.Triple(node, _p(*prop), ox.Literal(text, language="sv")))
        self.added.append(ox.Triple(node, _p("prov", "wasDerivedFrom"), passage))
        self.decided[item_id] = iri
        if kind_type == "Project":  # the shapes want a project's strategy: take its best proposal along
            strategies = sorted((e for e in self.items.values() if e["payload"]["kind"] == "relation"
                                 and e["payload"]["subject_id"] == item_id
                                 and e["payload"]["predicate"] == "contributesTo" and e["decision"] is None),
                                key=lambda e: -e["payload"]["confidence"])
            if not strategies:
                raise IngestError(f"proposal {item_id} is a new project ({text}): a project needs a strategy it "
                                  f"contributes to, and the reply proposes none; add the project with its strategy "
                                  f"in the explorer instead", 409)
            self.relation(strategies[0]["payload"]["id"])
        return iri

    def relation(self, item_id: str) -> None:
        if item_id in self.decided:
            return
        p = self.items[item_id]["payload"]
        self.decided[item_id] = None
        s = _n(self.entity(p["subject_id"]))
        o = _n(self.entity(p["object_id"]))
        predicate = _n(_predicate_iri(p["predicate"]))
        assertion = assertion_iri(s, predicate, o)
        if list(self.store.match(subjects=[assertion], predicate=_n(FP_IRI + "mode"))):
            # The graph already asserts this relation (another reply, the seed): this reply's evidence is an
            # assertion of its own, with its own mode and passage, never a second mode on the other's.
            digest = hashlib.sha1(f"{s.value}|{predicate.value}|{o}|{self.document}".encode()).hexdigest()[:16]
            assertion = _n(ID[f"assertion/{digest}"])
        passage = self.passage(p["passage"])
        self.added += [ox.Triple(s, predicate, o), ox.Triple(assertion, TYPE, _n(FP_IRI + "Assertion")),
                       ox.Triple(assertion, TYPE, _p("rdf", "Statement")),
                       ox.Triple(assertion, _p("rdf", "subject"), s),
                       ox.Triple(assertion, _p("rdf", "predicate"), predicate),
                       ox.Triple(assertion, _p("rdf", "object"), o),
                       ox.Triple(assertion, _p("prov", "wasDerivedFrom"), passage)]
        interpreted = p["mode"] == "interpreted"
        self.added.append(ox.Triple(assertion, _n(FP_IRI + "mode"),
                                    _n(FP_IRI + ("Interpreted" if interpreted else "Stated"))))
        if interpreted:
            self.added += [ox.Triple(assertion, _n(FP_IRI + "reason"), ox.Literal(p["reason_sv"], language="sv")),
                           ox.Triple(assertion, _n(FP_IRI + "reason"), ox.Literal(p["reason_en"], language="en"))]


def _decision_triples(item_ids: list[str], status: str, who: str, why: str | None, change: str | None = None,
                      made: dict[str, str | None] | None = None) -> list[ox.Triple]:
    """The decision records (for the review graph) of ``item_ids``: who, when, why, and for an acceptance the
    change it made (``change``: its IRI in the history) and the node each entity became (``made``)."""
    agent = agent_iri(who)
    when = _now()
    triples = [ox.Triple(agent, TYPE, _p("prov", "Agent")), ox.Triple(agent, _p("foaf", "name"), ox.Literal(who))]
    for item_id in item_ids:
        stamp = when.value.replace(":", "").replace("-", "").replace(".", "")[:21]
        decision = _n(ID[f"decision/{item_id}/{stamp}"])
        triples += [ox.Triple(decision, TYPE, _p("prov", "Activity")),
                    ox.Triple(decision, _p("prov", "used"), _n(ID[f"review/{item_id}"])),
                    ox.Triple(decision, _p("rdfs", "label"), ox.Literal(status)),
                    ox.Triple(decision, _p("prov", "wasAssociatedWith"), agent),
                    ox.Triple(decision, _p("prov", "endedAtTime"), when)]
        if why:
            triples.append(ox.Triple(decision, _p("rdfs", "comment"), ox.Literal(why)))
        if change:
            triples.append(ox.Triple(decision, _p("prov", "wasInformedBy"), _n(change)))
        if made and made.get(item_id):
            triples.append(ox.Triple(decision, _p("prov", "generated"), _n(made[item_id])))  # type: ignore[arg-type]
    return triples


def accept(store: Store, item_id: str, who: str, label: str | None = None,
           data_dir: str | Path | None = None) -> HistoryEntry:
    """Accept the proposal ``item_id``: its fact enters the default graph through :func:`graph.edit.apply.apply`
    (SHACL check, one atomic update with the decision record, an undoable PROV activity in the history), with the
    reply document, new nodes, and the relation's assertion and passage. A relation takes its ends along when they
    are still open, and a new project its best strategy proposal; ``label`` corrects a new entity's label;
    ``data_dir`` is where :func:`queue_reply` saved the raw text (default ``data/``). Returns the history entry."""
    who = _who(who)
    items = _items(store)
    entry = _open_item(items, item_id)
    acceptance = _Acceptance(store, items, entry["document"], Path(data_dir) if data_dir is not None else DATA_DIR)
    acceptance.document_triples()
    payload = entry["payload"]
    if payload["kind"] == "entity":
        acceptance.entity(item_id, label)
    else:
        if label:
            raise IngestError(f"proposal {item_id} is a relation; a label corrects an entity")
        acceptance.relation(item_id)
    shown = label or payload["label"]
    summary = {"sv": f"Godkänt förslag ur remissvaret: {shown}", "en": f"Accepted proposal of the reply: {shown}"}
    target = acceptance.decided.get(item_id) or entry["document"]
    change = Change("ingest_accept", target, acceptance.added, [], summary)

    def decisions(change_iri: str) -> list[ox.Quad]:  # written in the same update as the fact and its history
        return [ox.Quad(t.subject, t.predicate, t.object, REVIEW_GRAPH) for t in _decision_triples(
            list(acceptance.decided), "accepted", who, None, change_iri, acceptance.decided)]

    try:
        return apply(store, change, who, f"review {item_id}", extra=decisions)
    except EditError as exc:
        raise IngestError(f"proposal {item_id}: {exc}", exc.status) from None


def reject(store: Store, item_id: str, who: str, why: str | None = None) -> None:
    """Mark the proposal ``item_id`` rejected (who, when, why); nothing enters the graph."""
    who = _who(who)
    _open_item(_items(store), item_id)
    _insert_review(store, _decision_triples([item_id], "rejected", who, " ".join((why or "").split())[:2000] or None))
