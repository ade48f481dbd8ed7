"""The fardplan CLI: load, validate, query, export, stats; clear errors with non-zero exits."""

import json

import pytest

from graph.cli.main import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SKOS_QUERY = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX fp: <https://w3id.org/fardplan/ns#>
SELECT ?notation ?label WHERE { ?s a fp:Strategy ; skos:notation ?notation ; skos:prefLabel ?label
FILTER (LANG(?label) = "sv") } ORDER BY ?notation"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_bundled_data_exits_zero(capsys):
    code, out, _ = run(capsys, "validate", "--store", "memory")
    assert code == 0
    assert "conforms" in out


def test_query_lists_23_strategies_with_swedish_labels(capsys):
    code, out, _ = run(capsys, "query", SKOS_QUERY, "--store", "memory", "--format", "json")
    assert code == 0
    rows = json.loads(out)["results"]["bindings"]
    assert len(rows) == 23
    labels = {r["notation"]["value"]: r["label"]["value"] for r in rows}
    assert labels["UU.IV"] == "Förebygg skolmisslyckanden och öka likvärdigheten mellan skolor"
    assert all(r["label"]["xml:lang"] == "sv" for r in rows)
    code, out, _ = run(capsys, "query", SKOS_QUERY, "--store", "memory")
    assert "(23 rows)" in out and "Säkerställ tillitsfullt bemötande" in out


def test_query_from_file_and_csv(capsys, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text(SKOS_QUERY, encoding="utf-8")
    code, out, _ = run(capsys, "query", f"@{query}", "--store", "memory", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "notation,label" and len(out.splitlines()) == 24


def test_stats_json_counts_each_class(capsys):
    code, out, _ = run(capsys, "stats", "--format", "json", "--store", "memory")
    assert code == 0
    stats = json.loads(out)
    counts = {c["iri"].rsplit("#", 1)[-1]: c["count"] for c in stats["classes"]}
    assert counts["Strategy"] == 23 and counts["GoalArea"] == 4 and counts["Project"] == 7
    assert all({"iri", "label", "count"} <= set(c) for c in stats["classes"])
    assert next(c["label"] for c in stats["classes"] if c["iri"].endswith("#Strategy")) == "strategi"


def test_export_writes_a_file(capsys, tmp_path):
    target = tmp_path / "out.nt"
    code, _, _ = run(capsys, "export", "--format", "nt", "-o", str(target), "--store", "memory")
    assert code == 0
    assert target.read_text(encoding="utf-8").count(" .\n") > 2000


def test_load_into_a_disk_store_then_query_it(capsys, tmp_path):
    extra = tmp_path / "extra.nt"
    extra.write_text('<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n')
    store = f"oxigraph:{tmp_path / 'db'}"
    code, out, _ = run(capsys, "load", str(extra), "--store", store)
    assert code == 0 and "loaded 1 quads" in out
    code, out, _ = run(capsys, "query", "ASK { <https://example.org/x> ?p ?o }", "--store", store)
    assert out.strip() == "true"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["stats", "--store", "ftp://nowhere"], "unknown store URL"),
        (["query", "SELECT * WHERE {\n ?s ?p }", "--store", "memory"], "line 2, column"),
        (["query", "@/no/such/file.rq", "--store", "memory"], "cannot read the query file"),
        (["load", "/no/such/file.ttl", "--store", "memory"], "/no/such/file.ttl: cannot read"),
        (["load", "data.unknown", "--store", "memory"], "unknown RDF file extension"),
    ],
)
def test_errors_name_the_place_and_exit_non_zero(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code != 0
    assert message in err


def test_load_shape_violation_exits_1_and_lists_focus(capsys, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('<https://example.org/p> a <https://w3id.org/fardplan/ns#Project> .\n')
    code, _, err = run(capsys, "load", str(bad), "--store", "memory")
    assert code == 1
    assert "https://example.org/p" in err and "Swedish" in err


def test_load_syntax_error_names_file_line_column(capsys, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('<https://example.org/a> <https://example.org/b> .\n')
    code, _, err = run(capsys, "load", str(bad), "--store", "memory")
    assert code == 2
    assert f"{bad}:1:" in err
