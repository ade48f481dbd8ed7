"""Node names: notation, IRI, CURIE, label (case- and diacritic-insensitive, alt labels), and the candidate lists."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.errors import NodeNotFound
from graph.index.resolve import named_nodes, resolve
from graph.service import planner
from graph.vocab.namespaces import ID_IRI


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
        resolve("kulturh", G, types=["actor"])  # names the project: said so, not answered with a close actor
    assert err.value.candidates == [("t:b", "Kulturhus")]
    assert str(err.value) == "this command takes an actor; 'kulturh' is Kulturhus, a project"
    with pytest.raises(NodeNotFound) as err:
        resolve("kultorforvaltningen", G, types=["actor"])
    assert err.value.candidates == [("t:a", "Kulturförvaltningen")]
    with pytest.raises(NodeNotFound):
        resolve("   ", G)


# ------------------------------------------------- the look-up planners expect (issue 12)

@pytest.mark.parametrize("typed", ["DT.VI", "DT 6", "DT6", "dt vi", "DT.6", "dt-vi", " Dt.Vi "])
def test_notations_in_every_form_planners_type(G, typed):
    assert resolve(typed, G) == ID_IRI + "strategy/DT.VI"


def test_arabic_notations_of_other_goal_areas(G):
    assert resolve("UU.4", G) == ID_IRI + "strategy/UU.IV"
    assert resolve("bs 2", G, types=["strategy"]) == ID_IRI + "strategy/BS.II"


@pytest.mark.parametrize("short", ["SB", "SIG", "sb", "sig"])
def test_short_names_never_match_inside_a_word(G, short):
    """"SB" once found Bostadsbolag (letters inside the word), "SIG" BS.IV (English "well-de*sig*ned")."""
    with pytest.raises(NodeNotFound) as err:
        resolve(short, G)
    assert not err.value.ambiguous
    assert ID_IRI + "strategy/BS.IV" not in [iri for iri, _ in err.value.candidates]


def test_whole_words_before_prefixes_before_parts(G):
    assert resolve("insatsgruppen", G) == ID_IRI + "project/sociala-insatsgruppen"  # a whole word
    assert resolve("insatsgrupp", G) == ID_IRI + "project/sociala-insatsgruppen"  # a word's prefix


def test_swedish_names_before_english_ones():
    G = nx.Graph()
    G.add_node("t:park", type="project", label_sv="Parkprojektet", label_en="Park project", names_en=["Park project"],
               names=["Parkprojektet", "Park project"])
    G.add_node("t:polis", type="actor", label_sv="Parkpolisen", label_en="Park police", names_en=["Park police"],
               names=["Parkpolisen", "Park police"])
    # "park" is the whole first word of both English labels, but only a prefix of the Swedish ones: Swedish
    # names are tried first at each level, and at the whole-word level only English names match both: ambiguous.
    with pytest.raises(NodeNotFound) as err:
        resolve("park", G)
    assert err.value.ambiguous
    assert resolve("parkpolis", G) == "t:polis"  # a Swedish prefix
    assert resolve("police", G) == "t:polis"  # an English whole word, when no Swedish name matches


def test_a_name_of_the_wrong_type_says_what_it_is(G):
    with pytest.raises(NodeNotFound) as err:
        resolve("polisen", G, types=["strategy"])
    assert str(err.value) == "this command takes a strategy; 'polisen' is Polisen, an actor"
    assert err.value.candidates == [(ID_IRI + "org/polisen", "Polisen")]


def test_candidates_carry_notation_and_type(G):
    with pytest.raises(NodeNotFound) as err:
        resolve("DT", G, types=["strategy"])
    assert f"<{ID_IRI}strategy/DT.VI> (DT.VI, strategy)" in str(err.value)
    with pytest.raises(NodeNotFound) as err:
        resolve("polisn", G)
    assert f"Polisen <{ID_IRI}org/polisen> (actor)" in str(err.value)


# ------------------------------------------------- one ranking for look-up and search (issue 11)

@pytest.mark.parametrize("name", ["skarpnack", "insatsgruppen", "insatsgrupp", "polis", "Socialtjänsten",
                                  "svenska bostader", "Community work", "The Police", "DT", "DT.VI", "stockholmshem"])
def test_a_name_resolves_to_the_node_search_lists_first(G, seed_store, name):
    from graph.index.nodes import build_index
    from graph.index.search import search

    assert resolve(name, G) == search(build_index(seed_store), name, limit=1)[0]["iri"]


def test_look_up_and_search_rank_alike():
    """Equal before a name's prefix before a word's prefix: the order of graph.index.search.name_rank."""
    G = nx.Graph()
    G.add_node("t:word", type="project", label_sv="Trygga insatsgruppen", names=[])
    G.add_node("t:prefix", type="project", label_sv="Insatsgruppens arbete", names=[])
    assert resolve("insatsgrupp", G) == "t:prefix"
    G.add_node("t:equal", type="project", label_sv="Insatsgrupp", names=[])
    assert resolve("insatsgrupp", G) == "t:equal"
