"""Node names: notation, IRI, CURIE, label (case- and diacritic-insensitive, alt labels), and the candidate lists."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import planner
from graph.errors import NodeNotFound
from graph.namespaces import ID_IRI
from graph.resolve import named_nodes, resolve


@pytest.fixture(scope="module")
def G(seed_store) -> nx.MultiDiGraph:
    return planner.views(seed_store).relations


@pytest.mark.parametrize("name, local", [
    ("DT.VI", "strategy/DT.VI"),
    ("dt.vi", "strategy/DT.VI"),
    (ID_IRI + "org/polisen", "org/polisen"),
    (f"<{ID_IRI}org/polisen>", "org/polisen"),
    ("fpid:org/socialtjansten", "org/socialtjansten"),
    ("Socialtjänsten", "org/socialtjansten"),
    ("SOCIALTJANSTEN", "org/socialtjansten"),
    ("  svenska   bostader ", "org/svenska-bostader"),
    ("skarpnack", "project/skarpnacksmodellen"),  # unique prefix, diacritics ignored
    ("insatsgruppen", "project/sociala-insatsgruppen"),  # unique substring
    ("polis", "org/polisen"),  # alt label, exact before the prefix match of "Polisen"
    ("Community work", "project/lokalt-omradesarbete"),  # alt label
    ("The Police", "org/polisen"),  # English label
    ("DT", "goal/DT"),
])
def test_names_resolve(G, name, local):
    assert resolve(name, G) == ID_IRI + local


def test_types_restrict_the_pool(G):
    assert resolve("stockholmshem", G, types=["actor"]) == ID_IRI + "org/stockholmshem"
    with pytest.raises(NodeNotFound) as err:
        resolve("polisen", G, types=["strategy"])
    assert not err.value.ambiguous


def test_ambiguous_lists_the_candidates(G):
    with pytest.raises(NodeNotFound) as err:
        resolve("DT", G, types=["strategy"])
    assert err.value.ambiguous
    assert [iri for iri, _ in err.value.candidates] == [ID_IRI + f"strategy/DT.{n}" for n in
                                                       ("I", "II", "III", "IV", "V", "VI")]
    assert "is ambiguous" in str(err.value) and "DT.VI" in str(err.value)


def test_ambiguous_prefix(G):
    with pytest.raises(NodeNotFound) as err:
        resolve("stadsdels", G)
    labels = {label for _, label in err.value.candidates}
    assert {"Stadsdelsförvaltningen", "Stadsdelsnämnden", "Stadsdelsnämnderna"} <= labels


def test_unknown_gives_close_matches(G):
    with pytest.raises(NodeNotFound) as err:
        resolve("polisn", G)
    assert not err.value.ambiguous
    assert (ID_IRI + "org/polisen", "Polisen") in err.value.candidates
    with pytest.raises(NodeNotFound) as err:
        resolve(ID_IRI + "org/nobody", G)
    assert "matches no node" in str(err.value)


def test_unknown_in_a_small_pool_lists_the_pool(G):
    with pytest.raises(NodeNotFound) as err:
        resolve("nonsense", G, types=["goal_area"])
    assert sorted(label for _, label in err.value.candidates) == [
        "Arbete och företagande", "Boende och stadsmiljö", "Demokrati och trygghet", "Uppväxt och utbildning"]


def test_named_nodes_on_a_tiny_graph():
    G = nx.Graph()
    G.add_node("t:a", type="actor", label_sv="Kulturförvaltningen", label_en="Culture", names=["Kultur"])
    G.add_node("t:b", type="project", label_sv="Kulturhus", names=[])
    [a] = named_nodes(G, types=["actor"])
    assert a.keys == ("culture", "kultur", "kulturforvaltningen")
    assert resolve("kultur", G) == "t:a"  # exact alt label beats the prefix match on both
    with pytest.raises(NodeNotFound) as err:
        resolve("kulturh", G, types=["actor"])
    assert err.value.candidates == [("t:a", "Kulturförvaltningen")]
    with pytest.raises(NodeNotFound):
        resolve("   ", G)
