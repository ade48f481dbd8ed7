"""Every canned query parses, is titled in Swedish and English, binds its parameters as terms and runs on the
seed data (in memory and behind a real ``oxigraph serve``); the answers are the ones the source reply gives."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import queries
from graph.errors import FardplanError
from graph.load.loader import ensure_seeded
from graph.rdf.terms import to_text
from graph.store import limits as bounded
from graph.store import open_store
from graph.vocab.namespaces import sparql_prologue
from tests.support.servers import oxigraph_server

ID = "https://w3id.org/fardplan/id/"
FP = "https://w3id.org/fardplan/ns#"
SAMPLE = {"iri": ID + "org/polisen", "literal": "Polisen", "integer": "1"}


@pytest.fixture(scope="module", params=["memory", "remote"])
def store(request, seed_store):
    if request.param == "memory":
        yield seed_store
        return
    with oxigraph_server() as base:
        remote = open_store(base + "/query")
        ensure_seeded(remote)
        yield remote


def run(store, name: str, **values: str) -> list[dict[str, str]]:
    canned = queries.get(name)
    answer = bounded.run(store, canned.sparql(values), timeout_s=10, max_rows=10_000).answer
    return [{v: to_text(t) for v, t in zip(answer.variables, row, strict=True)} for row in answer.rows]


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_canned_query_is_titled_and_runs(store, name):
    canned = queries.get(name)
    assert canned.title.get("sv") and canned.title.get("en"), name
    assert canned.description.get("sv") and canned.description.get("en"), name
    values = {param: SAMPLE[kind] for param, kind in canned.params}
    answer = bounded.run(store, canned.sparql(values), timeout_s=10, max_rows=10_000)
    assert answer.answer is not None


def test_actors_sharing_a_strategy(store):
    rows = run(store, "actors_sharing_strategy", strategy=ID + "strategy/DT.VI")
    by_actor = {}
    for row in rows:
        by_actor.setdefault(row["actorLabel"], set()).add(row["projectLabel"])
    # the reply: police, housing companies, schools and local associations in the local area work
    assert "Lokalt områdesarbete (community work)" in by_actor["Polisen"]
    # the four partners of the Trygghetsfonden case wrote the funding case; they do not run the measures (issue 12)
    assert {"Polisen", "Skolor", "Bostadsbolag", "Lokalt föreningsliv", "Stadsdelsförvaltningen"} == set(by_actor)
    direct = [r for r in rows if r["relation"] == FP + "worksOn"]
    assert [r["actorLabel"] for r in direct] == ["Stadsdelsförvaltningen"] and direct[0]["project"] == ""


def test_what_two_actors_share(store):
    rows = run(store, "what_two_actors_share", actor_a=ID + "org/polisen", actor_b=ID + "org/skolor")
    assert {(r["kind"], r["sharedLabel"]) for r in rows} == {
        ("project", "Lokalt områdesarbete (community work)"),
        ("strategy", "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder"),
    }
    # the Trygghetsfonden partners only co-wrote the funding case: they share nothing with the police (issue 12)
    assert run(store, "what_two_actors_share", actor_a=ID + "org/polisen", actor_b=ID + "org/trafikkontoret") == []
    sports = ID + "org/lokala-idrottsforeningar"
    assert run(store, "what_two_actors_share", actor_a=ID + "org/polisen", actor_b=sports) == []


def test_what_two_actors_share_a_strategy_through_different_projects(seed_store):
    """No two actors of the corrected seed data share a strategy through different projects only: add one."""
    store = open_store("memory")
    ensure_seeded(store)
    store.update(f"""INSERT DATA {{
        <{ID}project/extra> a <{FP}Project> ; <{FP}contributesTo> <{ID}strategy/DT.VI> .
        <{ID}org/trafikkontoret> <{FP}participatesIn> <{ID}project/extra> . }}""")
    other = run(store, "what_two_actors_share", actor_a=ID + "org/polisen", actor_b=ID + "org/trafikkontoret")
    assert [(r["kind"], r["shared"]) for r in other] == [("strategy", ID + "strategy/DT.VI")]


def test_projects_without_strategy_is_empty_on_the_seed_data(store):
    assert run(store, "projects_without_strategy") == []


def test_collaborators_of_an_actor(store):
    rows = run(store, "collaborators_of_actor", actor=ID + "org/polisen")
    others = {r["otherLabel"]: r["through"] for r in rows}
    assert others["Socialtjänsten"] == "Sociala insatsgruppen"
    assert set(others) == {"Socialtjänsten", "Skolor", "Bostadsbolag", "Lokalt föreningsliv", "Stadsdelsförvaltningen"}
    explicit = run(store, "collaborators_of_actor", actor=ID + "org/fristaende-forskare")
    assert [r["other"] for r in explicit] == [ID + "org/kommissionen"]


def test_relation_provenance_points_into_the_raw_source(store, raw_source):
    rows = run(store, "relation_provenance", subject=ID + "org/polisen", predicate=FP + "participatesIn",
               object=ID + "project/lokalt-omradesarbete")
    assert len(rows) == 1
    row = rows[0]
    assert row["mode"] == FP + "Stated"
    assert raw_source[int(row["start"]):int(row["end"])] == row["text"]
    assert "polis" in row["text"]
    # the social intervention group works "i samverkan med polis": the police taking part is a reading (issue 12)
    [sig] = run(store, "relation_provenance", subject=ID + "org/polisen", predicate=FP + "participatesIn",
                object=ID + "project/sociala-insatsgruppen")
    assert sig["mode"] == FP + "Interpreted" and sig["reason"]
    assert "i samverkan med polis" in " ".join(sig["text"].split())
    interpreted = run(store, "relation_provenance", subject=ID + "project/sociala-insatsgruppen",
                      predicate=FP + "contributesTo", object=ID + "strategy/DT.V")
    assert interpreted[0]["mode"] == FP + "Interpreted" and interpreted[0]["reason"]


def test_parameters_are_checked_and_bound_as_terms(store):
    canned = queries.get("actors_sharing_strategy")
    with pytest.raises(FardplanError):
        canned.bind({})
    with pytest.raises(FardplanError):
        canned.bind({"strategy": "x> } ; DROP ALL ; <y"})
    assert run(store, "actors_sharing_strategy", strategy="https://example.org/no-such-strategy") == []


def test_cli_runs_a_canned_query_and_lists_the_catalogue(capsys):
    from graph.cli.main import main

    code = main(["query", "--name", "actors_sharing_strategy", "--param", f"strategy={ID}strategy/DT.V",
                 "--store", "memory", "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0 and "Polisen" in out and "Socialtjänsten" in out
    assert main(["queries", "--store", "memory"]) == 0
    assert "what_two_actors_share" in capsys.readouterr().out
    assert main(["query", "SELECT * WHERE { ?s ?p ?o }", "--name", "projects_without_strategy",
                 "--store", "memory"]) == 2
    assert main(["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "--store", "memory"]) == 2
    assert "SERVICE" in capsys.readouterr().err


INTERNAL = sorted(p.stem for p in queries.QUERY_DIR.glob("*.rq") if p.stem not in queries.catalogue())
TERMS = {"iri": ox.NamedNode(ID + "org/polisen"), "term": ox.Literal("Polisen", language="sv"),
         "list": [ox.NamedNode(ID + "org/polisen"), ox.Literal("2015")],
         "rows": [(ox.NamedNode(ID + "org/polisen"), ox.NamedNode(FP + "participatesIn"),
                   ox.NamedNode(ID + "project/lokalt-omradesarbete"))]}


def test_the_core_s_own_queries_are_internal_and_kept_out_of_the_catalogue():
    assert {"index_types", "index_relations", "details_values", "details_find_out", "stats_class_counts"} <= set(
        INTERNAL)
    for name in INTERNAL:
        assert queries.internal(name).internal
        with pytest.raises(FardplanError):
            queries.get(name)  # not a canned query: not in fardplan queries, /queries/NAME or the examples
    with pytest.raises(FardplanError):
        queries.internal("actors_sharing_strategy")  # a public query is not internal


@pytest.mark.parametrize("name", INTERNAL)
def test_every_internal_query_runs_with_its_parameters_written_in(seed_store, name):
    query = queries.internal(name)
    text = query.write({param: TERMS[kind] for param, kind in query.params})
    if not text.startswith("PREFIX"):  # a fragment: a group pattern to put into a query
        text = sparql_prologue() + "SELECT * WHERE " + text
    assert seed_store.query(text) is not None
    assert "?ends" not in text and "?rows" not in text and "?focus" not in text


def test_write_takes_exactly_the_declared_parameters_and_escapes_them():
    fragment = queries.internal("details_find_out")
    with pytest.raises(FardplanError):
        fragment.write({"focus": TERMS["iri"]})
    text = fragment.write({"focus": ox.NamedNode(ID + "a"), "ends": [ox.Literal('x" ) } DROP ALL {')]})
    assert 'FILTER(?o IN ("x\\" ) } DROP ALL {"))' in text


def test_a_public_query_cannot_take_a_list(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# title: T\n# param: ends list\nSELECT * WHERE { ?s ?p ?o FILTER(?o IN (?ends)) }\n")
    with pytest.raises(FardplanError, match="param line"):
        queries._parse(path)
    path.write_text("# internal\n# param: ends list\nSELECT * WHERE { ?s ?p ?o FILTER(?o IN (?ends)) }\n")
    assert queries._parse(path).params == (("ends", "list"),)
