"""Our split validator (core in pyshacl, SHACL-SPARQL in pyoxigraph) agrees with plain pyshacl."""

import pyshacl
import pytest
from rdflib import RDF, Graph, Namespace

from graph.settings import DATA_DIR, ONTOLOGY_DIR
from graph.validate import shapes_graph, validate_graph

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
