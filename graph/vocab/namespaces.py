"""Namespaces: the one place our IRIs are spelled.

``FP`` is generated from ``ontology/fardplan.ttl`` (``tests/test_namespaces.py`` keeps them in step);
``ID`` is the base of every resource of the graph; ``PREFIXES`` is what queries and serialisers share.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

FP_IRI = "https://w3id.org/fardplan/ns#"
ID_IRI = "https://w3id.org/fardplan/id/"


class FP(DefinedNamespace):
    """Terms of the Färdplan ontology (``fp:``)."""

    _fail = True
    ActorGroup: URIRef  # group of actors
    Administration: URIRef  # administration
    AdministrativeUnit: URIRef  # administrative unit
    AdvisoryBody: URIRef  # advisory body
    Assertion: URIRef  # assertion
    AssertionMode: URIRef  # assertion mode
    Assessment: URIRef  # assessment
    Authority: URIRef  # authority
    Challenge: URIRef  # challenge
    CivilSocietyGroup: URIRef  # civil-society group
    Commission: URIRef  # commission
    Committee: URIRef  # committee
    Concerned: URIRef  # concerned
    Consultation: URIRef  # consultation
    DecisionProposal: URIRef  # proposed decision
    Document: URIRef  # document
    Fund: URIRef  # fund
    GoalArea: URIRef  # goal area
    Interpreted: URIRef  # interpretation
    MunicipalCompany: URIRef  # municipal company
    Municipality: URIRef  # municipality
    NoObjection: URIRef  # no objection
    Outcome: URIRef  # outcome
    Passage: URIRef  # passage
    Project: URIRef  # project or initiative
    Proposal: URIRef  # proposal
    Reply: URIRef  # consultation reply
    SheetRow: URIRef  # spreadsheet row
    Spreadsheet: URIRef  # spreadsheet
    Stance: URIRef  # stance
    Stated: URIRef  # stated
    Strategy: URIRef  # strategy
    Supportive: URIRef  # supportive
    addressedTo: URIRef  # addressed to
    assessedBy: URIRef  # assessed by
    assessment: URIRef  # assessment
    attachment: URIRef  # attachment
    characterCount: URIRef  # character count
    circulatedBy: URIRef  # circulated by
    circulatedTo: URIRef  # circulated to
    collaboratesWith: URIRef  # collaborates with
    commissionedIn: URIRef  # commissioned in
    commissions: URIRef  # commissions
    concerns: URIRef  # concerns
    consultedBody: URIRef  # consulted body
    contributesTo: URIRef  # contributes to
    describedIn: URIRef  # described in
    endOffset: URIRef  # end offset
    establishedIn: URIRef  # established in
    exactText: URIRef  # exact text
    formerName: URIRef  # former name
    fundedBy: URIRef  # funded by
    hasConsultation: URIRef  # has consultation
    hasOutcome: URIRef  # has outcome
    inDocument: URIRef  # in document
    mode: URIRef  # mode
    participatesIn: URIRef  # participates in
    percentage: URIRef  # percentage
    preparedBy: URIRef  # prepared by
    proposedBy: URIRef  # proposed by
    proposedIn: URIRef  # proposed in
    reason: URIRef  # reason
    relatesToGoalArea: URIRef  # relates to goal area
    repliesTo: URIRef  # replies to
    replyDeadline: URIRef  # reply deadline
    reportCount: URIRef  # number of reports
    reportedIn: URIRef  # reported in
    requestedBy: URIRef  # requested by
    rowNumber: URIRef  # row number
    runs: URIRef  # runs
    sha256: URIRef  # SHA-256
    sheetName: URIRef  # sheet name
    sourceFile: URIRef  # source file
    stanceOf: URIRef  # stance of
    startOffset: URIRef  # start offset
    worksOn: URIRef  # works on
    # Editing (issue 14)
    Edit: URIRef  # edit
    FreeTextSource: URIRef  # free-text source
    Undo: URIRef  # undo
    operation: URIRef  # operation
    undoes: URIRef  # undoes

    _NS = Namespace(FP_IRI)


ID = Namespace(ID_IRI)
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")

PREFIXES: dict[str, str] = {
    "fp": FP_IRI,
    "fpid": ID_IRI,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "oa": "http://www.w3.org/ns/oa#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def sparql_prologue() -> str:
    """The ``PREFIX`` lines for every prefix in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def curie(iri: str) -> str:
    """Shorten ``iri`` with :data:`PREFIXES` (longest match); return it unchanged if none fits."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def expand(name: str) -> str:
    """Expand a CURIE such as ``fpid:org/polisen``; anything else is returned unchanged."""
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return name
