"""``fardplan actors | shared | path | gaps | brokers`` and the graph export formats, on the seed graph in memory."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from graph.analysis.export import GRAPH_FORMATS, export_graph
from graph.cli.main import main
from graph.vocab.namespaces import ID_IRI
from tests.support.walk import entities


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--store", "memory"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv", [
    ("actors", "DT.VI"),
    ("shared", "polisen", "socialtjänsten"),
    ("path", "stockholmshem", "polisen"),
    ("gaps",),
    ("brokers",),
])
def test_json_is_one_document_with_iri_and_label_everywhere(capsys, argv):
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    found = entities(data)
    assert found and all(e["iri"] and e["label"] for e in found)


def test_actors_table(capsys):
    code, out, _ = run(capsys, "actors", "DT.VI")
    assert code == 0
    assert out.startswith("DT.VI Främja trygghet i det offentliga rummet")
    for label in ("Polisen", "Bostadsbolag", "Skolor", "Lokalt föreningsliv", "Stadsdelsförvaltningen"):
        assert f"\n  {label}  <" in out
    # the Trygghetsfonden partners co-wrote the funding case; they do not run the measures (issue 12)
    for label in ("Stockholmshem", "Svenska Bostäder", "Trafikkontoret", "Kulturförvaltningen"):
        assert f"\n  {label}  <" not in out
    assert "Polisen — deltar i → Lokalt områdesarbete (community work) — bidrar till → DT.VI" in out


def test_shared_json(capsys):
    code, out, _ = run(capsys, "shared", "polisen", "socialtjänsten", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [s["notation"] for s in data["strategies"]] == ["DT.V"]
    assert [p["label"] for p in data["projects"]] == ["Sociala insatsgruppen"]


def test_path_table_names_assertions_and_passages(capsys):
    code, out, _ = run(capsys, "path", "lokala idrottsföreningar", "polisen")
    assert code == 0
    assert out.startswith("Lokala idrottsföreningar → Polisen: ")
    assert f"<{ID_IRI}assertion/" in out and "[uttalat]" in out
    assert "genomfors i samverkan med lokalt foreningsliv, polis" in out


def test_gaps_and_brokers_tables(capsys):
    code, out, _ = run(capsys, "gaps", "--lang", "en")
    assert code == 0 and "Strategies without projects (18):" in out and "  BS   Housing and urban environment" in out
    code, out, _ = run(capsys, "gaps")  # Swedish by default
    assert code == 0 and "Strategier utan projekt (18):" in out and "  BS   Boende och stadsmiljö" in out
    code, out, _ = run(capsys, "brokers", "--limit", "3")
    assert code == 0
    assert out.splitlines()[2].split()[:2] == ["1", "Stadsdelsförvaltningen"]


@pytest.mark.parametrize("argv, shown", [
    (("actors", "nonsense"), "strategy/DT.VI>"),  # no close match: the strategies to choose from
    (("actors", "DT"), "is ambiguous"),
    (("shared", "polisn", "socialtjänsten"), "Polisen <"),
    (("path", "stockholmshem", "ingen-alls"), "matches no node"),
])
def test_bad_names_list_candidates_and_exit_non_zero(capsys, argv, shown):
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 2 and out == ""
    assert f"fardplan {argv[0]}: error:" in err and shown in err


# ---------------------------------------------------------------- export formats

@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_exports_read_back(seed_store, fmt):
    data = export_graph(seed_store, fmt)
    reader = nx.read_gexf if fmt == "gexf" else nx.read_graphml
    G = reader(io.BytesIO(data))
    polisen = ID_IRI + "org/polisen"
    assert G.nodes[polisen]["label_sv"] == "Polisen" and G.nodes[polisen]["type"] == "actor"
    for project, mode in (("lokalt-omradesarbete", "stated"), ("sociala-insatsgruppen", "interpreted")):
        target = ID_IRI + "project/" + project
        assert G.has_edge(polisen, target)
        edge = G.edges[polisen, target] if not G.is_multigraph() else \
            next(iter(G.get_edge_data(polisen, target).values()))
        assert edge["relation"] == "participatesIn" and edge["mode"] == mode
        assert edge["assertion"].startswith(ID_IRI + "assertion/")


def test_csv_export_is_one_triple_a_row(seed_store):
    rows = list(csv.reader(io.StringIO(export_graph(seed_store, "csv").decode("utf-8"))))
    assert rows[0] == ["s", "p", "o"]
    assert len(rows) - 1 == seed_store.count()
    assert [ID_IRI + "org/polisen", "http://www.w3.org/2004/02/skos/core#altLabel", "Polis"] in rows
    assert set(GRAPH_FORMATS) == {"gexf", "graphml", "csv"}


# ---------------------------------------------------------------- global options and names (issue 12)

@pytest.mark.parametrize("argv", [
    ("--store", "memory", "gaps", "--format", "json"),
    ("gaps", "--store", "memory", "--format", "json"),
])
def test_global_options_go_before_or_after_the_subcommand(capsys, argv):
    assert main(list(argv)) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)


def test_the_subcommands_store_wins_over_the_global_one(capsys, tmp_path):
    assert main(["--store", f"oxigraph:{tmp_path / 'never'}", "stats", "--store", "memory", "--format", "json"]) == 0
    assert not (tmp_path / "never").exists()


def test_a_name_of_the_wrong_type_says_what_the_command_takes(capsys):
    code, out, err = run(capsys, "actors", "polisen")
    assert code == 2 and out == ""
    assert err.strip() == "fardplan actors: error: this command takes a strategy; 'polisen' is Polisen, an actor"


def test_a_notation_typed_with_a_number(capsys):
    code, out, _ = run(capsys, "actors", "dt 6", "--format", "json")
    assert code == 0 and json.loads(out)["strategy"]["iri"] == ID_IRI + "strategy/DT.VI"


# ---------------------------------------------------------------- answers a planner can read (issue 12)

def test_gaps_lists_strategies_with_neither_project_nor_actor(capsys):
    code, out, _ = run(capsys, "gaps", "--format", "json")
    data = json.loads(out)
    no_projects = {s["iri"] for s in data["strategies_without_projects"]}
    no_actors = {s["iri"] for s in data["strategies_without_actors"]}
    assert {s["iri"] for s in data["strategies_without_either"]} == no_projects & no_actors
    _, table, _ = run(capsys, "gaps")
    title = f"Strategier varken med projekt eller aktör ({len(no_projects & no_actors)}):"
    assert title in table


def test_shared_reports_projects_and_strategies_apart(capsys):
    code, out, _ = run(capsys, "shared", "polisen", "socialtjänsten")
    assert code == 0 and out.startswith("Polisen och Socialtjänsten delar 1 projekt och 1 strategi(er)")
    assert "weight" not in out and "vikt" not in out
    _, out, _ = run(capsys, "shared", "polisen", "socialtjänsten", "--format", "json")
    assert json.loads(out)["counts"] == {"projects": 1, "strategies": 1}


def test_actors_lists_the_projects_serving_a_strategy_even_without_actors(capsys):
    code, out, _ = run(capsys, "actors", "AF.III", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["actors"] == []
    [project] = data["projects"]
    assert project["iri"] == ID_IRI + "project/stockholmsjobb" and project["actors"] == []
    _, table, _ = run(capsys, "actors", "AF.III")
    assert "Projekt som bidrar till strategin (1):" in table and "Stockholmsjobb" in table


def test_quotes_show_the_raw_text_and_a_marked_restored_reading(capsys):
    _, out, _ = run(capsys, "shared", "polisen", "socialtjänsten")
    assert 'citat: "for att uppmérksamma barn och unga i riskzon for kriminalitet"' in out  # raw, as scanned
    assert 'återställd läsning: "för att uppmärksamma barn och unga i riskzon för kriminalitet"' in out
    _, out, _ = run(capsys, "shared", "polisen", "socialtjänsten", "--format", "json")
    steps = [s for st in json.loads(out)["strategies"] for r in st["routes"] for s in r["steps"] if s["passage"]]
    assert all(s["passage"]["text"] and s["passage"]["restored"] for s in steps)


def test_every_interpretation_shows_its_reason_in_table_and_json(capsys):
    _, out, _ = run(capsys, "actors", "DT.VI", "--format", "json")
    steps = [s for a in json.loads(out)["actors"] for r in a["routes"] for s in r["steps"]]
    interpreted = [s for s in steps if s["mode"] == "interpreted"]
    assert interpreted and all(s["reason"]["sv"] and s["reason"]["en"] for s in interpreted)
    assert all(s["reason"] is None for s in steps if s["mode"] == "stated")
    _, table, _ = run(capsys, "actors", "DT.VI")
    assert table.count("skäl: ") >= len({s["reason"]["sv"] for s in interpreted})
    _, table, _ = run(capsys, "actors", "DT.VI", "--lang", "en")
    assert "reason: " in table and "participates in" in table


def test_brokers_never_cut_a_name(capsys):
    _, out, _ = run(capsys, "brokers", "--format", "json")
    longest = max((a["label"] for a in json.loads(out)["actors"]), key=len)
    _, table, _ = run(capsys, "brokers")
    assert len(longest) > 30 and longest in table


def test_query_tables_show_labels_and_json_keeps_iris(capsys):
    sparql = ("SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#notation> \"DT.VI\" }")
    _, table, _ = run(capsys, "query", sparql)
    assert "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder" in table  # whole, not cut
    assert "https://" not in table
    _, out, _ = run(capsys, "query", sparql, "--format", "json")
    assert json.loads(out)["results"]["bindings"][0]["s"]["value"] == ID_IRI + "strategy/DT.VI"
    _, table, _ = run(capsys, "query", sparql, "--lang", "en")
    assert "Promote safety" in table or "safety" in table.lower()
