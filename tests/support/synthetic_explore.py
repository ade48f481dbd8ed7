"""A synthetic Färdplan graph with the real ontology, for scale tests of the explorer (≥ 50,000 triples).

Districts run projects; each project contributes to strategies of the real goal-area scheme and has partners
from a large pool; a few hub actors (the police, social services, schools) take part in most projects. Every
relation has an ``fp:Assertion`` with mode and passage, as in the curated data.
"""

from __future__ import annotations

import random

import pyoxigraph as ox

from graph.store import EmbeddedStore
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES

RDF = PREFIXES["rdf"]
SKOS = PREFIXES["skos"]
ORG = PREFIXES["org"]
PROV = PREFIXES["prov"]
GOALS = ("UU", "AF", "BS", "DT")
ROMAN = ("I", "II", "III", "IV", "V", "VI")
HUBS = (("polisen", "Polisen", "Authority", 0.6), ("socialtjansten", "Socialtjänsten", "Administration", 0.4),
        ("skolor", "Skolor", "ActorGroup", 0.3))


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def synthetic_quads(projects: int = 1000, partners: int = 2000, districts: int = 14, seed: int = 7) -> list[ox.Quad]:
    """The quads of the synthetic graph (about 63 per project)."""
    rng = random.Random(seed)
    quads: list[ox.Quad] = []
    a = _n(RDF + "type")

    def add(s: str, p: str, o) -> None:
        quads.append(ox.Quad(_n(s), _n(p), o if isinstance(o, (ox.Literal, ox.NamedNode)) else _n(o)))

    def labelled(iri: str, classes: list[str], sv: str, en: str) -> None:
        for c in classes:
            quads.append(ox.Quad(_n(iri), a, _n(c)))
        add(iri, SKOS + "prefLabel", ox.Literal(sv, language="sv"))
        add(iri, SKOS + "prefLabel", ox.Literal(en, language="en"))

    counter = [0]

    def relate(s: str, p: str, o: str, passage: str, interpreted: bool = False) -> None:
        add(s, p, o)
        counter[0] += 1
        assertion = f"{ID_IRI}assertion/syn{counter[0]}"
        add(assertion, RDF + "type", FP_IRI + "Assertion")
        add(assertion, RDF + "subject", s)
        add(assertion, RDF + "predicate", p)
        add(assertion, RDF + "object", o)
        add(assertion, FP_IRI + "mode", FP_IRI + ("Interpreted" if interpreted else "Stated"))
        add(assertion, PROV + "wasDerivedFrom", passage)

    doc = f"{ID_IRI}document/syntetisk"
    labelled(doc, [FP_IRI + "Document"], "Syntetiskt dokument", "Synthetic document")
    strategies = []
    for g in GOALS:
        goal = f"{ID_IRI}goal/{g}"
        labelled(goal, [FP_IRI + "GoalArea", SKOS + "Concept"], f"Målområde {g}", f"Goal area {g}")
        add(goal, SKOS + "notation", ox.Literal(g))
        for r in ROMAN[: 5 + (g == "DT")]:
            strategy = f"{ID_IRI}strategy/{g}.{r}"
            labelled(strategy, [FP_IRI + "Strategy", SKOS + "Concept"], f"Strategi {g}.{r}", f"Strategy {g}.{r}")
            add(strategy, SKOS + "notation", ox.Literal(f"{g}.{r}"))
            add(strategy, SKOS + "broader", goal)
            strategies.append((strategy, goal))
    district_iris = []
    for d in range(districts):
        iri = f"{ID_IRI}org/stadsdel-{d}"
        labelled(iri, [ORG + "Organization", FP_IRI + "Administration"], f"Stadsdelsförvaltning {d}",
                 f"District administration {d}")
        district_iris.append(iri)
    hubs = []
    for slug, name, cls, share in HUBS:
        iri = f"{ID_IRI}org/{slug}"
        labelled(iri, [ORG + "Organization", FP_IRI + cls], name, name)
        hubs.append((iri, share))
    pool = []
    for i in range(partners):
        iri = f"{ID_IRI}org/partner-{i}"
        labelled(iri, [ORG + "Organization", FP_IRI + "CivilSocietyGroup"], f"Förening nr {i} för trygghet",
                 f"Association no {i}")
        pool.append(iri)
    for i in range(projects):
        project = f"{ID_IRI}project/syn-{i}"
        labelled(project, [FP_IRI + "Project"], f"Projekt {i} i Skarpnäck", f"Project {i}")
        passage = f"{ID_IRI}passage/syntetisk/{i * 100}-{i * 100 + 40}"
        add(passage, RDF + "type", FP_IRI + "Passage")
        add(passage, FP_IRI + "exactText", ox.Literal(f"projekt {i} genomfors i samverkan med polis"))
        add(passage, FP_IRI + "startOffset", ox.Literal(str(i * 100), datatype=_n(PREFIXES["xsd"] + "integer")))
        add(passage, FP_IRI + "endOffset", ox.Literal(str(i * 100 + 40), datatype=_n(PREFIXES["xsd"] + "integer")))
        add(passage, FP_IRI + "inDocument", doc)
        add(project, PROV + "wasDerivedFrom", passage)
        relate(rng.choice(district_iris), FP_IRI + "runs", project, passage)
        for strategy, goal in rng.sample(strategies, rng.choice((1, 2))):
            relate(project, FP_IRI + "contributesTo", strategy, passage, interpreted=rng.random() < 0.3)
            relate(project, FP_IRI + "relatesToGoalArea", goal, passage)
        for hub, share in hubs:
            if rng.random() < share:
                relate(hub, FP_IRI + "participatesIn", project, passage)
        for partner in rng.sample(pool, rng.choice((1, 2, 3))):
            relate(partner, FP_IRI + "participatesIn", project, passage)
    return quads


def synthetic_store(**kwargs) -> EmbeddedStore:
    """An in-memory store holding the ontology and the synthetic graph."""
    from graph.rdf.formats import parse_file
    from graph.settings import ONTOLOGY_DIR

    store = EmbeddedStore()
    store.insert(parse_file(ONTOLOGY_DIR / "fardplan.ttl") + synthetic_quads(**kwargs))
    return store


PLACES = ("Abrahamsberg", "Zinkensdamm", "Åby", "Ängby", "Östberga", "Bagarmossen", "Kista", "Rinkeby", "Husby",
          "Skarpnäck")


def hub_ttl(hub: str, projects: int = 60, units: int = 30, linked: int = 5, new: bool = True) -> str:
    """Turtle for a hub organisation ``hub`` taking part in ``projects`` projects (the first ``linked`` of them
    also contribute to a strategy, so they have more relations), with ``units`` units part of it, and one literal
    fact; every relation and the fact carry an assertion with a quoted passage. ``new=False`` adds all this to
    an organisation that exists already (no type or label for it)."""
    lines = [f"@prefix fp: <{FP_IRI}> .", f"@prefix rdf: <{RDF}> .", f"@prefix skos: <{SKOS}> .",
             f"@prefix org: <{ORG}> .", f"@prefix prov: <{PROV}> .", "@prefix h: <https://example.org/hub/> .",
             f"<{hub}> fp:establishedIn \"1990\" .",
             "h:s a fp:Strategy ; skos:notation \"X.I\" ; skos:prefLabel \"En strategi\"@sv ."]
    if new:
        lines.append(f"<{hub}> a org:Organization ; skos:prefLabel \"Navet\"@sv .")
    count = [0]

    def assert_(s: str, p: str, o: str, text: str) -> None:
        count[0] += 1
        n = count[0]
        lines.append(f"h:a{n} a fp:Assertion ; rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ; "
                     f"fp:mode fp:Stated ; prov:wasDerivedFrom h:pg{n} .")
        lines.append(f"h:pg{n} a fp:Passage ; fp:exactText \"{text}\" ; fp:startOffset {n * 100} ; "
                     f"fp:endOffset {n * 100 + len(text)} .")

    for i in range(projects):
        label = f"{PLACES[i % len(PLACES)]} projekt {i:02d}"
        lines.append(f"h:p{i} a fp:Project ; skos:prefLabel \"{label}\"@sv .")
        lines.append(f"<{hub}> fp:participatesIn h:p{i} .")
        assert_(f"<{hub}>", "fp:participatesIn", f"h:p{i}", f"Navet deltar i {label}.")
        if i < linked:
            lines.append(f"h:p{i} fp:contributesTo h:s .")
    for i in range(units):
        lines.append(f"h:u{i} a org:OrganizationalUnit ; skos:prefLabel \"Enhet {i:02d}\"@sv ; "
                     f"org:subOrganizationOf <{hub}> .")
        assert_(f"h:u{i}", "org:subOrganizationOf", f"<{hub}>", f"Enhet {i:02d} hör till Navet.")
    assert_(f"<{hub}>", "fp:establishedIn", "\"1990\"", "Navet grundades 1990.")
    return "\n".join(lines) + "\n"


def hub_quads(hub: str, **kwargs) -> list[ox.Quad]:
    """:func:`hub_ttl` parsed."""
    from graph.rdf.formats import parse_bytes, rdf_format

    return parse_bytes(hub_ttl(hub, **kwargs).encode(), rdf_format("ttl"))
