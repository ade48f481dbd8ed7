"""Our split validator (core in pyshacl, SHACL-SPARQL in pyoxigraph) agrees with plain pyshacl."""

import json

import pyshacl
import pytest
from rdflib import RDF, Graph, Namespace

from graph.errors import ShapeViolation
from graph.load.loader import check, ensure_seeded
from graph.load.validate import shapes_graph, validate_graph
from graph.rdf.formats import parse_file
from graph.settings import DATA_DIR, ONTOLOGY_DIR
from graph.store import EmbeddedStore
from tests.support.paths import FIXTURES

SH = Namespace("http://www.w3.org/ns/shacl#")


def pyshacl_focus_nodes(data: Graph) -> set[tuple[str, str]]:
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)
    return {
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1])
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


@pytest.mark.parametrize(
    "path",
    [DATA_DIR / "fardplan.ttl", *sorted((ONTOLOGY_DIR / "examples").glob("invalid-*.ttl"))],
    ids=lambda p: p.stem,
)
def test_same_focus_nodes_as_pyshacl(path):
    data = Graph().parse(path)
    ours = {(v.focus, v.severity) for v in validate_graph(data)}
    assert ours == pyshacl_focus_nodes(data)


VERDICTS = json.loads((FIXTURES / "shacl_verdicts.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ONTOLOGY_DIR / "examples").glob("*.ttl"))


def _verdicts(results) -> list[list[str]]:
    return sorted([list(t) for t in {(r.focus, r.message, r.severity) for r in results}])


def test_fixture_covers_every_example():
    assert sorted(VERDICTS["examples_alone"]) == [p.name for p in EXAMPLES]
    assert sorted(VERDICTS["examples_on_seed"]) == [p.name for p in EXAMPLES]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_alone_gets_the_pinned_verdict(path):
    """The exact (focus, message, severity) set the pyshacl-based validator gave before issue 10."""
    assert _verdicts(validate_graph(Graph().parse(path))) == VERDICTS["examples_alone"][path.name]


@pytest.fixture(scope="module")
def seeded():
    store = EmbeddedStore()
    report = ensure_seeded(store)
    return store, report


def test_seed_warnings_are_the_pinned_ones(seeded):
    _, report = seeded
    assert _verdicts(report.warnings) == VERDICTS["seed_warnings"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_loaded_on_the_seed_gets_the_pinned_verdict(seeded, path):
    """What ``fardplan load EXAMPLE`` says on the seeded store: conforms or not, and the exact results."""
    store, _ = seeded
    before = store.count()
    expected = VERDICTS["examples_on_seed"][path.name]
    try:
        results, conforms = check(store, parse_file(path), str(path)), True
    except ShapeViolation as exc:
        results, conforms = exc.violations, False
    assert {"conforms": conforms, "results": _verdicts(results)} == expected
    assert store.count() == before


@pytest.mark.parametrize("predicate", ["https://w3id.org/fardplan/ns#circulatedBy", "http://www.w3.org/ns/org#memberOf"])
def test_the_curations_new_relations_need_provenance(predicate):
    """fp:circulatedBy and org:memberOf (issue 12) are document relations: without an fp:Assertion they fail."""
    data = Graph().parse(data=f"""
        <https://w3id.org/fardplan/id/x> <{predicate}> <https://w3id.org/fardplan/id/y> .""", format="turtle")
    found = [(v.focus, v.message) for v in validate_graph(data) if v.severity == "Violation"]
    assert ("https://w3id.org/fardplan/id/x",
            f"relation {predicate} to https://w3id.org/fardplan/id/y has no fp:Assertion with provenance") in found


def test_a_challenge_needs_a_swedish_label():
    data = Graph().parse(data="""
        <https://w3id.org/fardplan/id/c> a <https://w3id.org/fardplan/ns#Challenge> .""", format="turtle")
    assert any(v.focus == "https://w3id.org/fardplan/id/c" and v.severity == "Violation" for v in validate_graph(data))
