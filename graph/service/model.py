"""The shapes of what the service functions return: one ``TypedDict`` per answer and per part of one.

The faces (the Dash pages, the CLI's tables and JSON, the endpoint) read these dicts by key; before this module
the keys were written only in docstrings. Here they are types a checker reads and a test holds to the real
answers (``tests/graph/service/test_model.py``): every key a function returns is named here, and none is left
out. Every key is required except in the one ``total=False`` part (a literal's ``lang`` or ``datatype``, which
other terms lack). The answers stay plain dicts at run time (JSON-safe, no classes to convert), so nothing changes for
the callers; a ``TypedDict`` is only a promise about the keys.

A search hit (:class:`graph.index.search.SearchHit`) is declared beside the search, since ``graph/index`` does
not import ``graph/service``; it is re-exported here so the shapes are found in one place. The JSON error shape
is :class:`graph.errors.ErrorDict`.

One module of this length on purpose: it holds declarations only, grouped by page below, and the answers share
their parts (``NodeRef``, ``Provenance``, ``Entity``, ``Route``), so every key a face may read is found in one file.
"""

from __future__ import annotations

from typing import Generic, Literal, TypedDict, TypeVar

from graph.errors import ErrorDict
from graph.index.search import SearchHit

__all__ = [
    # the details panel (graph.service.details)
    "NodeRef", "Passage", "Provenance", "RelationItem", "RelationGroup", "Fact", "NodePage",
    "EdgePage",
    # the explorer's view (graph.service.explore_view, graph.service.explore_state)
    "Position", "ViewFocus", "ViewNode", "ViewEdge", "ViewGroup", "View", "ViewPart", "ViewState",
    # the planner (graph.service.planner)
    "Entity", "QueryRef", "RelationName", "StepReason", "StepAssertion", "StepPassage", "Step", "Route",
    "ActorReach", "ServingProject", "StrategyActors", "ActorRoute", "SharedStrategy", "SharedCounts", "Shared",
    "Path", "Connections", "GapStrategy", "Coverage", "SingleStrategyActor", "Gaps", "Broker", "Community",
    "BrokerMethod", "Brokers", "NetworkEdge", "NetworkTotal", "Network", "Paged",
    # the SPARQL page (graph.service.sparql)
    "Cell", "TripleCells", "GraphNote", "QueryResult", "Download", "ExampleParam", "Example",
    # statistics, saved views, handouts
    "ClassCount", "ClassCounts", "SavedView", "BriefStep", "BriefRow", "BriefGraphNode", "BriefGraphEdge",
    "BriefGraph", "Brief",
    # declared elsewhere, gathered here
    "SearchHit", "ErrorDict",
]

T = TypeVar("T")

# ---------------------------------------------------------------- the details panel


class NodeRef(TypedDict):
    """A node named in the panel: the other end of a relation, an end of an edge."""

    iri: str
    label: str
    kind: str
    notation: str


class Passage(TypedDict):
    """A quoted source passage: the raw span (``start``–``end`` of the source text), its restored reading, the
    document it is in, and the text split into ``[piece, marked]`` pairs
    (:func:`~graph.service.details.mark_segments`). A spreadsheet's row has ``file`` (the spreadsheet), ``sheet``
    and ``row`` instead of a span (``text`` is its quote, or ``""``); a text passage has them empty."""

    iri: str
    text: str
    start: int
    end: int
    restored: str
    document: str
    document_label: str
    segments: list[list]
    file: str
    file_label: str
    sheet: str
    row: int


class Provenance(TypedDict):
    """How a triple is known: ``stated``, ``interpreted`` or ``""``; the reason (in the asked language) and passages."""

    mode: str
    reason: str
    passages: list[Passage]


class RelationItem(NodeRef, Provenance):
    """One listed relation of a group: the node at the other end, its provenance, and the index's edge id."""

    edge: str


class RelationGroup(TypedDict):
    """A relation group of :func:`graph.service.details.node_page` (see its docstring for each key)."""

    key: str
    predicate: str
    direction: Literal["out", "in"]
    label: str
    count: int
    items: list[RelationItem]
    rest: int
    pages: int
    order: Literal["notation", "degree"]
    more: bool
    next: int
    sparql: str


class Fact(Provenance):
    """A value of the node that is not a relation to another node (a year, a number), with its provenance."""

    predicate: str
    label: str
    value: str


class NodePage(TypedDict):
    """Everything the details panel shows about a node (:func:`graph.service.details.node_page`)."""

    iri: str
    curie: str
    kind: str
    type_label: str
    label: str
    labels: dict[str, str]
    alt_labels: list[str]
    notation: str
    description: str
    mentions: list[Passage]
    relations: list[RelationGroup]
    facts: list[Fact]


class EdgePage(Provenance):
    """The provenance of one relation (:func:`graph.service.details.edge_page`)."""

    source: NodeRef
    target: NodeRef
    predicate: str
    label: str


# ---------------------------------------------------------------- the explorer's view


class Position(TypedDict):
    """A server-side position in pixels."""

    x: float
    y: float


class ViewFocus(TypedDict):
    id: str
    label: str


class ViewNode(TypedDict):
    """A node drawn; ``role`` is ``focus`` or ``""``."""

    id: str
    label: str
    kind: str
    notation: str
    goals: list[str]
    role: str


class ViewEdge(TypedDict):
    id: str
    source: str
    target: str
    predicate: str
    mode: str


class ViewGroup(TypedDict):
    """A group node standing for ``count`` nodes of ``kind`` left out at ``anchor`` (``""``: attached to none)."""

    id: str
    anchor: str
    kind: str
    count: int


class View(TypedDict):
    """The elements of a view (:func:`graph.service.explore_view.view`): ``positions`` is None for the
    hierarchy layout (the browser lays it out); ``total`` counts the nodes in scope, ``shown`` those drawn."""

    focus: ViewFocus | None
    positions: dict[str, Position] | None
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    groups: list[ViewGroup]
    total: int
    shown: int


class ViewPart(TypedDict):
    """The part of the view state that decides what is drawn (:func:`graph.service.explore_state.view_part`)."""

    focus: str | None
    k: int
    goals: list[str] | None
    kinds: list[str] | None
    reply: str | None
    layout: str
    lang: str
    expanded: list[str]
    collapsed: list[str]
    groups: list[str]


class ViewState(ViewPart):
    """The explorer's whole view state (:mod:`graph.service.explore_state`): the drawn part and the selection."""

    selected: str | None
    more: dict[str, int]


# ---------------------------------------------------------------- the planner


class Entity(TypedDict):
    """A node of a planner answer (:func:`graph.service.planner.entity`)."""

    iri: str
    label: str
    label_en: str
    type: str
    notation: str


class QueryRef(TypedDict):
    """A canned query an answer can be checked with, and its parameters."""

    name: str
    params: dict[str, str]


class RelationName(TypedDict):
    """A relation of a step: its IRI, labels and short name (``participatesIn``)."""

    iri: str
    label: str
    label_en: str
    name: str


class StepReason(TypedDict):
    sv: str
    en: str


class StepAssertion(TypedDict):
    iri: str
    label: str
    mode: str


class StepPassage(TypedDict):
    """The quoted passage of a step; ``label`` names the span (``tecken 120–180``)."""

    iri: str
    label: str
    text: str
    restored: str
    start: int
    end: int


# "from" is a keyword: the functional form.
Step = TypedDict("Step", {
    "from": Entity, "to": Entity, "relation": RelationName, "direction": str, "mode": str,
    "reason": StepReason | None, "text": str, "assertion": StepAssertion | None, "passage": StepPassage | None,
})
Step.__doc__ = "One step of a route or path: a relation read in its direction, with its evidence."


class Route(TypedDict):
    """How an actor reaches a strategy: through ``project`` (None: directly), step by step."""

    project: Entity | None
    text: str
    steps: list[Step]


class ActorReach(Entity):
    """An actor of :func:`graph.service.planner.actors_for_strategy`."""

    direct: bool
    projects: list[Entity]
    routes: list[Route]


class ServingProject(Entity):
    """A project serving the strategy, how it does (``step``) and the actors that run it or take part."""

    step: Step
    actors: list[Entity]


class StrategyActors(TypedDict):
    """:func:`graph.service.planner.actors_for_strategy`."""

    strategy: Entity
    goal_areas: list[Entity]
    actors: list[ActorReach]
    projects: list[ServingProject]
    queries: list[QueryRef]


class ActorRoute(Route):
    """A route of one of the two actors to a shared strategy."""

    actor: Entity


class SharedStrategy(Entity):
    routes: list[ActorRoute]


class SharedCounts(TypedDict):
    projects: int
    strategies: int


class Shared(TypedDict):
    """:func:`graph.service.planner.shared_between`."""

    actors: list[Entity]
    counts: SharedCounts
    projects: list[Entity]
    strategies: list[SharedStrategy]
    queries: list[QueryRef]


class Path(TypedDict):
    text: str
    steps: list[Step]


class Connections(TypedDict):
    """:func:`graph.service.planner.connections`: ``length`` is None when no path joins the two."""

    source: Entity
    target: Entity
    length: int | None
    paths: list[Path]
    queries: list[QueryRef]


class GapStrategy(Entity):
    goal_areas: list[Entity]


class Coverage(Entity):
    """A goal area's coverage: how many strategies, how many with a project and reached by an actor."""

    strategies: int
    with_projects: int
    with_actors: int
    without_projects: list[Entity]
    without_actors: list[Entity]


class SingleStrategyActor(Entity):
    strategy: Entity


class Gaps(TypedDict):
    """:func:`graph.service.planner.gaps`."""

    strategies_without_projects: list[GapStrategy]
    strategies_without_actors: list[GapStrategy]
    strategies_without_either: list[GapStrategy]
    coverage: list[Coverage]
    single_strategy_actors: list[SingleStrategyActor]
    queries: list[QueryRef]


class Broker(Entity):
    """An actor ranked by :func:`graph.service.planner.brokers`; ``community`` is its community's index."""

    rank: int
    betweenness: float
    weighted_degree: float
    degree: int
    community: int | None


class Community(TypedDict):
    index: int
    members: list[Entity]


class BrokerMethod(TypedDict):
    """How the ranking was computed (``betweenness``: ``exact`` or ``sampled k=N``)."""

    betweenness: str
    seed: int
    communities: str
    network: str


class Brokers(TypedDict):
    """:func:`graph.service.planner.brokers`."""

    actors: list[Broker]
    communities: list[Community]
    method: BrokerMethod
    queries: list[QueryRef]


class NetworkEdge(TypedDict):
    source: str
    target: str
    weight: float


class NetworkTotal(TypedDict):
    """The whole network's size, before the element budget."""

    actors: int
    edges: int


class Network(TypedDict):
    """:func:`graph.service.planner.network`."""

    actors: list[Broker]
    edges: list[NetworkEdge]
    communities: list[Community]
    method: BrokerMethod
    total: NetworkTotal
    positions: dict[str, Position]
    queries: list[QueryRef]


class Paged(TypedDict, Generic[T]):
    """:func:`graph.service.planner.paged`: rows ``start`` up to ``shown`` of ``total``."""

    items: list[T]
    start: int
    shown: int
    total: int


# ---------------------------------------------------------------- the SPARQL page


class _Term(TypedDict):
    type: str
    value: str


class Cell(_Term, total=False):
    """A term of an answer: ``type`` is ``uri``, ``bnode``, ``literal`` or ``triple``; a literal has ``lang``
    or (when not a plain string) ``datatype``, other terms neither (the only keys that may be left out)."""

    lang: str
    datatype: str


class TripleCells(TypedDict):
    s: Cell
    p: Cell
    o: Cell


class GraphNote(TypedDict):
    """Fewer triples drawn than the answer had: ``shown`` of ``total`` within ``max_elements``."""

    shown: int
    total: int
    max_elements: int


class QueryResult(TypedDict):
    """:func:`graph.service.sparql.run_query` (see its docstring for each key)."""

    ok: bool
    kind: Literal["select", "ask", "graph"] | None
    columns: list[str]
    rows: list[list[Cell | None]]
    boolean: bool | None
    triples: list[TripleCells]
    labels: dict[str, str]
    triple_count: int
    note: GraphNote | None
    truncated: bool
    elapsed_ms: float
    error: ErrorDict | None


class Download(TypedDict):
    """:func:`graph.service.sparql.download`: a file to save."""

    filename: str
    content: str
    type: str


class ExampleParam(TypedDict):
    name: str
    type: str
    default: str | None


class Example(TypedDict):
    """A canned query as an example of the SPARQL page (:func:`graph.service.sparql.examples`)."""

    name: str
    title: str
    description: str
    text: str
    params: list[ExampleParam]


# ---------------------------------------------------------------- statistics, saved views, handouts


class ClassCount(TypedDict):
    iri: str
    label: str
    count: int


class ClassCounts(TypedDict):
    """:func:`graph.service.stats.class_counts`."""

    quads: int
    classes: list[ClassCount]


class SavedView(TypedDict):
    """A saved view (:mod:`graph.service.views`): a path into the explorer with a name and a caption."""

    id: str
    name: str
    url: str
    caption: str


class BriefStep(TypedDict):
    """A step of a brief: the readable step, stated or interpreted, the raw quote, its restored reading, source."""

    text: str
    mode: str
    reason: str | None
    raw: str
    restored: str
    source: str
    source_iri: str


class BriefRow(TypedDict):
    """Who (an actor, or a strategy in an actor's brief) and how: directly, via projects, step by step."""

    who: str
    iri: str
    direct: bool
    via: list[str]
    steps: list[BriefStep]


class BriefGraphNode(TypedDict):
    id: str
    label: str
    type: str
    x: float
    y: float


class BriefGraphEdge(TypedDict):
    source: str
    target: str
    mode: str


class BriefGraph(TypedDict):
    nodes: list[BriefGraphNode]
    edges: list[BriefGraphEdge]


class Brief(TypedDict):
    """:func:`graph.service.brief.brief`: ``kind`` is ``strategy`` or ``actor``, ``path`` the live view's path."""

    kind: Literal["strategy", "actor"]
    iri: str
    title: str
    rows: list[BriefRow]
    gaps: list[str]
    path: str
    graph: BriefGraph

