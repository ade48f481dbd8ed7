"""Planner answers on the seed graph, checkable against the reply, and their agreement with the canned queries."""

from __future__ import annotations

import json

import pytest

from graph.errors import FardplanError, NodeNotFound
from graph.queries import QUERY_DIR, catalogue, get
from graph.service import planner
from graph.store import EmbeddedStore
from graph.vocab.namespaces import ID_IRI
from tests.support.walk import entities

POLISEN, SOCIALTJANSTEN = ID_IRI + "org/polisen", ID_IRI + "org/socialtjansten"
STOCKHOLMSHEM = ID_IRI + "org/stockholmshem"
MINE = sorted(p.stem for p in QUERY_DIR.glob("*.rq") if p.stem.startswith(("analysis_", "gaps_")) or p.stem in (
    "actors_for_strategy", "shared_between_actors", "collaboration_edges"))


def rows(store, sparql: str) -> list[dict[str, str]]:
    answer = store.query(sparql)
    return [{v: t.value for v, t in zip(answer.variables, row, strict=True) if t is not None} for row in answer.rows]


def test_actors_reaching_dt_vi(seed_store):
    result = planner.actors_for_strategy(seed_store, "DT.VI")
    assert result["strategy"]["iri"] == ID_IRI + "strategy/DT.VI"
    assert result["goal_areas"][0]["iri"] == ID_IRI + "goal/DT"
    found = {a["iri"] for a in result["actors"]}
    expected = {"polisen", "bostadsbolag", "skolor", "lokalt-foreningsliv", "forvaltningen"}
    assert {ID_IRI + "org/" + x for x in expected} == found
    police = next(a for a in result["actors"] if a["iri"] == POLISEN)
    assert [p["label"] for p in police["projects"]] == ["Lokalt områdesarbete (community work)"]
    assert not police["direct"]
    route = police["routes"][0]["text"]
    assert route == "Polisen — deltar i → Lokalt områdesarbete (community work) — bidrar till → DT.VI"
    administration = next(a for a in result["actors"] if a["iri"] == ID_IRI + "org/forvaltningen")
    assert administration["direct"]  # fp:worksOn DT.VI (interpreted)
    direct = next(r for r in administration["routes"] if r["project"] is None)
    assert direct["steps"][0]["mode"] == "interpreted"


def test_polisen_and_socialtjansten_share_dt_v_through_sociala_insatsgruppen(seed_store):
    result = planner.shared_between(seed_store, "polisen", "socialtjänsten")
    assert [a["iri"] for a in result["actors"]] == [POLISEN, SOCIALTJANSTEN]
    assert [p["iri"] for p in result["projects"]] == [ID_IRI + "project/sociala-insatsgruppen"]
    [dt_v] = [s for s in result["strategies"] if s["notation"] == "DT.V"]
    via = {(r["actor"]["iri"], r["project"]["iri"]) for r in dt_v["routes"]}
    assert via == {(POLISEN, ID_IRI + "project/sociala-insatsgruppen"),
                   (SOCIALTJANSTEN, ID_IRI + "project/sociala-insatsgruppen")}
    relations = {r["actor"]["iri"]: r["steps"][0]["relation"]["label"] for r in dt_v["routes"]}
    assert relations == {POLISEN: "deltar i", SOCIALTJANSTEN: "ger uppdrag åt"}
    assert result["counts"] == {"projects": len(result["projects"]), "strategies": len(result["strategies"])}
    assert "weight" not in result  # projects and strategies are never added into one number


def test_path_from_the_sports_clubs_to_polisen(seed_store, raw_source):
    sports = ID_IRI + "org/lokala-idrottsforeningar"
    result = planner.connections(seed_store, "lokala idrottsföreningar", "polisen")
    assert result["source"]["iri"] == sports and result["target"]["iri"] == POLISEN
    assert result["paths"] and result["length"] == len(result["paths"][0]["steps"])
    for path in result["paths"]:
        steps = path["steps"]
        assert steps[0]["from"]["iri"] == sports and steps[-1]["to"]["iri"] == POLISEN
        assert all(a["to"]["iri"] == b["from"]["iri"] for a, b in zip(steps, steps[1:], strict=False))
        for step in steps:
            assert step["assertion"]["iri"].startswith(ID_IRI + "assertion/")
            assert step["mode"] in ("stated", "interpreted")
            passage = step["passage"]
            assert raw_source[passage["start"]:passage["end"]] == passage["text"]  # the source says it
    texts = [p["text"] for p in result["paths"]]
    assert ("Lokala idrottsföreningar — deltar i → Fritidsutbud för barn och unga ← driver — Stadsdelsförvaltningen "
            "— driver → Lokalt områdesarbete (community work) ← deltar i — Polisen") in texts


def test_stockholmshem_reaches_polisen_only_through_its_stated_collaboration(seed_store):
    """Stockholmshem co-wrote the Trygghetsfonden case with the administration; it takes part in no project."""
    plain = planner.connections(seed_store, "Stockholmshem", "polisen")
    assert plain["source"]["iri"] == STOCKHOLMSHEM and plain["paths"]
    first = plain["paths"][0]["steps"][0]
    assert first["relation"]["name"] == "collaboratesWith" and first["mode"] == "stated"
    assert first["to"]["iri"] == ID_IRI + "org/forvaltningen" or first["from"]["iri"] == ID_IRI + "org/forvaltningen"


def test_path_through_goal_areas_only_when_asked(seed_store):
    plain = planner.connections(seed_store, "bostadsbolag", "socialtjänsten", max_paths=50)
    wide = planner.connections(seed_store, "bostadsbolag", "socialtjänsten", max_paths=50, include_goal_areas=True)
    assert plain["paths"]
    assert not any(s["relation"]["name"] == "relatesToGoalArea" for p in plain["paths"] for s in p["steps"])
    assert any(s["relation"]["name"] == "relatesToGoalArea" for p in wide["paths"] for s in p["steps"])


def test_gaps(seed_store):
    result = planner.gaps(seed_store)
    no_projects = [s["notation"] for s in result["strategies_without_projects"]]
    assert "DT.VI" not in no_projects and "AF.I" in no_projects
    assert "UU.III" in no_projects  # only a proposal contributes to it, no project
    no_actors = [s["notation"] for s in result["strategies_without_actors"]]
    assert "AF.III" in no_actors and "AF.III" not in no_projects  # Stockholmsjobb: a project nobody runs here
    assert "DT.II" not in no_actors  # förvaltningen works on DT.II directly
    coverage = {c["notation"]: (c["strategies"], c["with_projects"], c["with_actors"]) for c in result["coverage"]}
    assert coverage == {"AF": (6, 1, 0), "BS": (5, 0, 0), "DT": (6, 2, 3), "UU": (6, 2, 2)}
    single = {a["label"]: a["strategy"]["notation"] for a in result["single_strategy_actors"]}
    assert single["Bostadsbolag"] == "DT.VI" and "Polisen" not in single
    assert "Stockholmshem" not in single  # it reaches no strategy: it co-wrote the funding case only (issue 12)


def test_brokers(seed_store):
    result = planner.brokers(seed_store)
    assert result["actors"][0]["iri"] == ID_IRI + "org/forvaltningen"
    assert result["method"]["betweenness"] == "exact"
    assert [a["rank"] for a in result["actors"]] == list(range(1, len(result["actors"]) + 1))
    members = {m["iri"] for c in result["communities"] for m in c["members"]}
    assert members == {a["iri"] for a in result["actors"]}
    assert planner.brokers(seed_store) == result  # seeded: repeatable
    assert len(planner.brokers(seed_store, limit=3)["actors"]) == 3
    sampled = planner.brokers(seed_store, exact_max_nodes=5, k=4, seed=1)
    assert sampled["method"]["betweenness"] == "sampled k=4"


@pytest.mark.parametrize("call", [
    lambda s: planner.actors_for_strategy(s, "DT.VI"),
    lambda s: planner.shared_between(s, "polisen", "socialtjänsten"),
    lambda s: planner.connections(s, "stockholmshem", "polisen"),
    planner.gaps,
    planner.brokers,
])
def test_every_entity_has_iri_and_label_and_is_json(seed_store, call):
    result = call(seed_store)
    assert json.loads(json.dumps(result)) == result
    found = entities(result)
    assert found and all(isinstance(e["iri"], str) and e.get("label") for e in found)
    for query in result["queries"]:
        get(query["name"])


def test_bad_names(seed_store):
    with pytest.raises(NodeNotFound) as err:
        planner.actors_for_strategy(seed_store, "nonsense")
    assert err.value.candidates
    with pytest.raises(NodeNotFound):
        planner.shared_between(seed_store, "polisen", "DT.VI")  # a strategy is not an actor
    with pytest.raises(FardplanError, match="same actor"):
        planner.shared_between(seed_store, "polisen", "Polis")
    assert planner.resolve_node(seed_store, "skarpnack")["label"] == "Skarpnäcksmodellen"


def test_views_are_cached_per_store(seed_store):
    first = planner.views(seed_store)
    assert planner.views(seed_store) is first
    planner.invalidate(seed_store)
    second = planner.views(seed_store)
    assert second is not first
    assert sorted(second.relations.edges(keys=True)) == sorted(first.relations.edges(keys=True))
    assert all(isinstance(n, str) for n in second.relations)


# ---------------------------------------------------------------- the canned queries agree with the planner

@pytest.mark.parametrize("name", [n for n in MINE if not get(n).params])
def test_queries_run_as_they_stand(seed_store, name):
    """Each file is runnable as it is (it declares its prefixes), as `fardplan query @graph/queries/NAME.rq` runs it."""
    answer = seed_store.query((QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"))
    assert answer.rows
    assert catalogue()[name].title.keys() >= {"sv", "en"}


def test_actors_query_agrees(seed_store):
    for notation in ("DT.VI", "DT.V", "UU.IV", "DT.II"):
        result = planner.actors_for_strategy(seed_store, notation)
        iri = result["strategy"]["iri"]
        found = rows(seed_store, planner.sparql_for("actors_for_strategy", strategy=iri))
        assert {r["actor"] for r in found} == {a["iri"] for a in result["actors"]}
        assert {(r["actor"], r.get("project")) for r in found} == {
            (a["iri"], r["project"]["iri"] if r["project"] else None) for a in result["actors"] for r in a["routes"]}
        assert all(r["strategy"] == iri for r in found)


def test_shared_query_agrees(seed_store):
    collaboration = planner.views(seed_store).collaboration
    pairs = [(POLISEN, SOCIALTJANSTEN), (STOCKHOLMSHEM, POLISEN), (ID_IRI + "org/forvaltningen", ID_IRI + "org/skolor")]
    for a, b in pairs:
        result = planner.shared_between(seed_store, a, b)
        found = rows(seed_store, planner.sparql_for("shared_between_actors", actorA=a, actorB=b))
        assert {r["shared"] for r in found if r["kind"] == "project"} == {p["iri"] for p in result["projects"]}
        assert {r["shared"] for r in found if r["kind"] == "strategy"} == {s["iri"] for s in result["strategies"]}
        assert len(found) == result["counts"]["projects"] + result["counts"]["strategies"]
        projects = sum(1 for r in found if r["kind"] == "project")
        assert projects == (collaboration[a][b]["weight"] if collaboration.has_edge(a, b) else 0)


def test_collaboration_query_agrees_with_the_projection(seed_store):
    C = planner.views(seed_store).collaboration
    found = {tuple(sorted((r["actorA"], r["actorB"]))): int(r["weight"])
             for r in rows(seed_store, get("collaboration_edges").text)}
    assert found == {tuple(sorted((u, v))): w for u, v, w in C.edges(data="weight")}


def test_gap_queries_agree(seed_store):
    result = planner.gaps(seed_store)
    for key in ("strategies_without_projects", "strategies_without_actors"):
        found = rows(seed_store, get(f"gaps_{key}").text)
        assert [r["strategy"] for r in found] == [s["iri"] for s in result[key]]
    coverage = rows(seed_store, get("gaps_coverage_per_goal_area").text)
    assert [(r["goalArea"], int(r["strategies"]), int(r["withProjects"]), int(r["withActors"])) for r in coverage] == [
        (c["iri"], c["strategies"], c["with_projects"], c["with_actors"]) for c in result["coverage"]]
    single = rows(seed_store, get("gaps_single_strategy_actors").text)
    assert {(r["actor"], r["onlyStrategy"]) for r in single} == {
        (a["iri"], a["strategy"]["iri"]) for a in result["single_strategy_actors"]}


# ---------------------------------------------------------------- sparql_for

def test_sparql_for_writes_the_iris_in(seed_store):
    text = planner.sparql_for("shared_between_actors", actorA=POLISEN, actorB=SOCIALTJANSTEN)
    assert "?actorA ?role" not in text and f"<{POLISEN}> ?role" in text
    assert f"(<{POLISEN}> AS ?actorA)" in text  # projected in the subquery, plain in the outer SELECT
    assert text.count(f"<{POLISEN}>") > 3
    bound = get("shared_between_actors")
    same = seed_store.query(bound.text, bound.bind({"actorA": POLISEN, "actorB": SOCIALTJANSTEN}))
    assert sorted(map(str, seed_store.query(text).rows)) == sorted(map(str, same.rows))
    assert planner.sparql_for("gaps_strategies_without_projects") == get("gaps_strategies_without_projects").text


def test_sparql_for_refuses_what_is_not_an_iri():
    with pytest.raises(FardplanError, match="not an IRI"):
        planner.sparql_for("actors_for_strategy", strategy="http://x/> } ; DROP ALL ; <")
    with pytest.raises(FardplanError, match="required"):
        planner.sparql_for("actors_for_strategy")
    with pytest.raises(FardplanError, match="unknown parameter"):
        planner.sparql_for("gaps_strategies_without_projects", strategy=POLISEN)


def test_sparql_for_outer_projection():
    text = planner.sparql_for("actors_for_strategy", strategy=ID_IRI + "strategy/DT.VI")
    assert f"SELECT DISTINCT (<{ID_IRI}strategy/DT.VI> AS ?strategy) ?actor" in text
    assert "# The strategy is written in as a constant" in text  # comments are left as written
    assert all(f"<{ID_IRI}strategy/DT.VI>" not in line for line in text.splitlines() if line.lstrip().startswith("#"))



# ---------------------------------------------------------------- warming at start

def test_the_app_warms_its_caches_and_survives_a_failure(seed_store, caplog):
    from graph.service.caches import caches_of
    from graph.settings import Settings
    from ui.app import AppContext

    ctx = AppContext(seed_store, Settings.from_env(store="memory"))
    ctx.warm()
    assert "explore" in caches_of(seed_store) and "search" in ctx.index.caches
    v = planner.views(seed_store)
    assert "collaboration" in v.memo and any(k[0] == "network-positions" for k in v.memo if isinstance(k, tuple))

    class Broken(EmbeddedStore):
        def query(self, sparql, bindings=None):
            raise OSError("disk gone")

    AppContext(Broken(), Settings.from_env(store="memory")).warm()  # logged, not raised
    assert "warming the caches failed" in caplog.text


def test_network_positions_keep_labels_apart(seed_store):
    positions = list(planner.network(seed_store)["positions"].values())
    gaps = [((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
            for i, a in enumerate(positions) for b in positions[i + 1:]]
    assert len(positions) > 10 and min(gaps) >= 99.5


def test_collaboration_query_and_network_agree_on_odd_shapes():
    import pyoxigraph as ox

    from graph.analysis import algorithms as analysis
    from graph.analysis.convert import to_nx

    ttl = """@prefix fp: <https://w3id.org/fardplan/ns#> . @prefix : <http://x.org/> .
    :x fp:runs :p . :y fp:runs :p . :p fp:participatesIn :q . :z fp:runs :q .
    :x fp:collaboratesWith :y . :y fp:collaboratesWith :x . :z fp:collaboratesWith :z . :w fp:collaboratesWith :x ."""
    store = EmbeddedStore()
    store.insert(list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)))
    found = {tuple(sorted((r["actorA"], r["actorB"]))): int(r["weight"])
             for r in rows(store, get("collaboration_edges").text)}
    C = analysis.collaboration_network(to_nx(store))
    assert found == {tuple(sorted((u, v))): w for u, v, w in C.edges(data="weight")}
    X = "http://x.org/"
    assert found == {(X + "x", X + "y"): 2, (X + "p", X + "z"): 1, (X + "w", X + "x"): 1}


def test_sparql_for_writes_each_parameter_once(seed_store):
    # an IRI holding "?actor_b" must not be rewritten when actor_b is written in after it
    text = planner.sparql_for("what_two_actors_share", actor_a="http://x.org/a?actor_b", actor_b=POLISEN)
    assert "<http://x.org/a?actor_b>" in text
    assert seed_store.query(text).rows == []
