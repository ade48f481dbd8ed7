"""The kinds of node: one table for the explorer, the analysis, the CLI and the curation.

The explorer calls a node's kind ``organisation`` (URLs, legend, CSS classes), the analysis graph and the CLI's
JSON call the same thing ``actor`` (node attribute ``type``), and a curation file names the ontology class
(``type = "Committee"``). These names are kept, because outputs and URLs carry them, but each kind is described
once here, with the classes that make a node that kind, and :func:`classify` is the one rule that decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.vocab.namespaces import FP_IRI, PREFIXES

__all__ = [
    "Kind", "KIND_TABLE", "KINDS", "BY_NAME", "OTHER", "TYPE_NAMES", "CURATION_TYPES", "classify", "kind_named",
    "kind_of_type", "analysis_classes",
]

_ORG = PREFIXES["org"]
OTHER = "other"  # the analysis's type of a node of no kind it keeps


@dataclass(frozen=True)
class Kind:
    """One kind of node.

    ``name`` is the explorer's word for it; ``classes`` the class IRIs that make a node this kind (a node of no
    more specific ``fp:`` class shows the first of them it has); ``sv``/``en`` the singular and plural label;
    ``type`` the analysis's and CLI's name for it (``other`` when the analysis does not keep the kind) and
    ``type_en`` the CLI's English noun for that type.
    """

    name: str
    classes: tuple[str, ...]
    sv: tuple[str, str]
    en: tuple[str, str]
    type: str = OTHER
    type_en: str = ""


# In display order, which is also the order of trial: a node is the first kind whose classes it has.
KIND_TABLE: tuple[Kind, ...] = (
    Kind("goal", (FP_IRI + "GoalArea",), ("målområde", "målområden"), ("goal area", "goal areas"),
         "goal_area", "goal area"),
    Kind("strategy", (FP_IRI + "Strategy",), ("strategi", "strategier"), ("strategy", "strategies"),
         "strategy", "strategy"),
    Kind("project", (FP_IRI + "Project",), ("projekt", "projekt"), ("project", "projects"), "project", "project"),
    Kind("organisation", (_ORG + "Organization", _ORG + "OrganizationalUnit"), ("organisation", "organisationer"),
         ("organisation", "organisations"), "actor", "actor"),
    Kind("document", (FP_IRI + "Document",), ("dokument", "dokument"), ("document", "documents")),
    Kind("stance", (FP_IRI + "Stance",), ("ståndpunkt", "ståndpunkter"), ("stance", "stances")),
    Kind("proposal", (FP_IRI + "Proposal", FP_IRI + "DecisionProposal"), ("förslag", "förslag"),
         ("proposal", "proposals"), "proposal", "proposal"),
    Kind("consultation", (FP_IRI + "Consultation",), ("samråd", "samråd"), ("consultation", "consultations")),
    Kind("outcome", (FP_IRI + "Outcome",), ("resultat", "resultat"), ("outcome", "outcomes")),
)
KINDS: tuple[str, ...] = tuple(k.name for k in KIND_TABLE)  # the explorer's kind names, in display order
BY_NAME: dict[str, Kind] = {k.name: k for k in KIND_TABLE}
_BY_TYPE: dict[str, Kind] = {k.type: k for k in KIND_TABLE if k.type != OTHER}
# The CLI's English nouns for the analysis types ("this command takes a strategy; … is Polisen, an actor").
TYPE_NAMES: dict[str, str] = {**{k.type: k.type_en for k in KIND_TABLE if k.type != OTHER}, OTHER: "resource"}

_ORGANIZATION, _UNIT = BY_NAME["organisation"].classes
# The types a curation file may give a node (``fp:`` local names), each with the broader classes the node is
# also given, as the ontology's ``rdfs:subClassOf`` says, so that :func:`classify` finds its kind. A challenge is
# of no kind: the explorer does not show it.
CURATION_TYPES: dict[str, tuple[str, ...]] = {
    **{name: (_ORGANIZATION,) for name in (
        "Municipality", "Committee", "Administration", "MunicipalCompany", "Authority", "Commission",
        "AdvisoryBody", "CivilSocietyGroup", "ActorGroup", "Fund")},
    "AdministrativeUnit": (_ORGANIZATION, _UNIT),
    "Project": (), "Outcome": (), "Document": (), "Reply": (FP_IRI + "Document",), "Stance": (), "Proposal": (),
    "DecisionProposal": (FP_IRI + "Proposal",), "Consultation": (), "Challenge": (),
}


def classify(classes: Iterable[str]) -> Kind | None:
    """The kind of a node with ``classes`` (IRIs): the first of :data:`KIND_TABLE` it has a class of, else ``None``.

    >>> classify({"http://www.w3.org/ns/org#Organization", "https://w3id.org/fardplan/ns#Committee"}).type
    'actor'
    >>> classify({"https://w3id.org/fardplan/ns#Passage"}) is None
    True
    """
    have = classes if isinstance(classes, (set, frozenset)) else set(classes)
    return next((k for k in KIND_TABLE if not have.isdisjoint(k.classes)), None)


def kind_named(name: str) -> Kind:
    """The kind the explorer calls ``name`` (``KeyError`` if none)."""
    return BY_NAME[name]


def kind_of_type(type_name: str, default: str = "document") -> str:
    """The explorer kind of an analysis ``type`` (``actor`` → ``organisation``); ``default`` for ``other``.

    >>> kind_of_type("actor"), kind_of_type("goal_area"), kind_of_type("other")
    ('organisation', 'goal', 'document')
    """
    found = _BY_TYPE.get(type_name)
    return found.name if found else default


def analysis_classes() -> tuple[str, ...]:
    """The classes of the kinds the analysis keeps (what ``graph/queries/analysis_nodes.rq`` selects)."""
    return tuple(c for k in KIND_TABLE if k.type != OTHER for c in k.classes)
