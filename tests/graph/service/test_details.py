"""The details panel data (graph.service.details): relations grouped by kind, provenance quoted from the source."""

from __future__ import annotations

import pytest

from graph.errors import NodeNotFound
from graph.index.nodes import build_index
from graph.service.details import (
    MAX_PAGES,
    RELATIONS_PER_PAGE,
    edge_page,
    group_key,
    group_sparql,
    mark_segments,
    node_page,
    split_group_key,
)
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES

POLISEN = ID_IRI + "org/polisen"


@pytest.fixture(scope="module")
def index(seed_store):
    return build_index(seed_store)


def test_mark_segments_marks_inflected_label_words():
    assert mark_segments("i samverkan med polis", {"polisen"}) == [["i samverkan med ", False], ["polis", True]]
    assert mark_segments("politiken", {"polisen"}) == [["politiken", False]]
    text = "Trygghetsfonden stodjer trygga platser"
    assert "".join(p for p, _ in mark_segments(text, {"trygghetsfonden"})) == text


def test_node_page_quotes_the_source(seed_store, index, raw_source):
    page = node_page(seed_store, index, POLISEN, "sv")
    assert page["label"] == "Polisen" and page["type_label"] == "myndighet" and page["kind"] == "organisation"
    assert page["mentions"], "the entity's own mention passage"
    for passage in page["mentions"]:
        assert raw_source[passage["start"]:passage["end"]] == passage["text"]
        assert any(marked for _, marked in passage["segments"])
    group = next(g for g in page["relations"] if g["predicate"] == FP_IRI + "participatesIn")
    assert group["direction"] == "out" and group["label"] == "deltar i"
    item = group["items"][0]
    assert item["mode"] == "stated" and item["passages"]
    assert raw_source[item["passages"][0]["start"]:item["passages"][0]["end"]] == item["passages"][0]["text"]


def test_node_page_in_english_and_interpretations(seed_store, index):
    page = node_page(seed_store, index, ID_IRI + "project/skolsociala-stodteam", "en")
    assert page["type_label"] == "project or initiative"
    interpreted = [i for g in page["relations"] for i in g["items"] if i["mode"] == "interpreted"]
    assert interpreted and all(i["reason"] for i in interpreted)
    assert "UU.IV" in interpreted[0]["reason"] and "repeats" in interpreted[0]["reason"]


def test_node_page_facts_and_unknown_node(seed_store, index):
    page = node_page(seed_store, index, ID_IRI + "org/kommissionen", "sv")
    assert {f["value"] for f in page["facts"]} >= {"2015", "18"}
    with pytest.raises(NodeNotFound):
        node_page(seed_store, index, ID_IRI + "org/finns-inte", "sv")


def test_edge_page(seed_store, index, raw_source):
    edge = next(e for e in index.edges if e.mode == "interpreted")
    page = edge_page(seed_store, index, edge.source, edge.predicate, edge.target, "sv")
    assert page["mode"] == "interpreted" and page["reason"]
    assert page["source"]["iri"] == edge.source and page["target"]["iri"] == edge.target
    p = page["passages"][0]
    assert raw_source[p["start"]:p["end"]] == p["text"]


# Paging: a hub with more relations than a page (tests/synthetic_explore.hub_ttl: 60 projects, 30 units).

HUB = "https://example.org/hub/navet"
PART_IN = FP_IRI + "participatesIn"


class RecordingStore:
    """A store that keeps the text of every query it runs."""

    def __init__(self, store):
        self.store, self.queries = store, []

    def query(self, sparql, bindings=None):
        self.queries.append(sparql)
        return self.store.query(sparql, bindings)


@pytest.fixture(scope="module")
def hub_store():
    from graph.store import EmbeddedStore
    from tests.support.synthetic_explore import hub_quads

    store = EmbeddedStore()
    store.insert(hub_quads(HUB))
    return store


@pytest.fixture(scope="module")
def hub_index(hub_store):
    return build_index(hub_store)


def _group(page, key):
    return next(g for g in page["relations"] if g["key"] == key)


def test_a_big_group_lists_one_page_and_counts_the_rest(hub_store, hub_index):
    recorder = RecordingStore(hub_store)
    page = node_page(recorder, hub_index, HUB, "sv")
    group = _group(page, group_key(PART_IN, "out"))
    assert group["count"] == 60 and len(group["items"]) == RELATIONS_PER_PAGE == 25
    assert group["rest"] == 35 and group["more"] and group["next"] == 25 and group["order"] == "degree"
    labels = [i["label"] for i in group["items"]]
    # the five projects that also have a strategy come first; then alphabetically, å ä ö after z
    assert labels[:5] == ["Abrahamsberg projekt 00", "Zinkensdamm projekt 01", "Åby projekt 02", "Ängby projekt 03",
                          "Östberga projekt 04"]
    assert labels[5:8] == ["Abrahamsberg projekt 10", "Abrahamsberg projekt 20", "Abrahamsberg projekt 30"]
    assert all(i["mode"] == "stated" and i["passages"] for i in group["items"])
    units = _group(page, group_key(PREFIXES["org"] + "subOrganizationOf", "in"))
    assert (units["count"], len(units["items"]), units["rest"], units["next"]) == (30, 25, 5, 5)
    assert [f["value"] for f in page["facts"]] == ["1990"] and page["facts"][0]["passages"]
    # only what is listed is looked up: a fixed number of queries, none naming an unlisted project
    listed = {i["iri"] for g in page["relations"] for i in g["items"]}
    unlisted = [f"https://example.org/hub/p{i}" for i in range(60) if f"https://example.org/hub/p{i}" not in listed]
    assert len(recorder.queries) == 3 and len(unlisted) == 35
    assert not any(f"<{iri}>" in q for q in recorder.queries for iri in unlisted)


def test_next_pages_continue_without_repeats(hub_store, hub_index):
    key = group_key(PART_IN, "out")
    one, two, three = (_group(node_page(hub_store, hub_index, HUB, "sv", more={key: n}), key) for n in (1, 2, 3))
    iris = [i["iri"] for i in three["items"]]
    assert len(iris) == len(set(iris)) == 60 and three["count"] == 60
    default = _group(node_page(hub_store, hub_index, HUB, "sv"), key)
    assert [i["iri"] for i in one["items"]] == iris[:25] == [i["iri"] for i in default["items"]]
    assert [i["iri"] for i in two["items"]] == iris[:50] and two["rest"] == 10 and two["next"] == 10
    assert three["rest"] == 0 and not three["more"] and three["sparql"] == ""
    assert all(i["passages"] for i in three["items"])


def test_pages_are_capped_and_the_sparql_link_lists_all(hub_store, hub_index):
    key = group_key(PART_IN, "out")
    capped = _group(node_page(hub_store, hub_index, HUB, "sv", more={key: 99}, per_page=2), key)
    assert len(capped["items"]) == 2 * MAX_PAGES and not capped["more"] and capped["rest"] == 60 - 2 * MAX_PAGES
    assert len(hub_store.query(capped["sparql"]).rows) == 60
    incoming = group_sparql(HUB, group_key(PREFIXES["org"] + "subOrganizationOf", "in"))
    assert len(hub_store.query(incoming).rows) == 30


def test_seed_nodes_still_list_every_relation(seed_store, index):
    for iri in index.nodes:
        page = node_page(seed_store, index, iri, "sv")
        assert all(g["rest"] == 0 and g["count"] == len(g["items"]) and not g["more"] for g in page["relations"])
        assert sum(g["count"] for g in page["relations"]) == index.degree(iri)
    page = node_page(seed_store, index, POLISEN, "sv")
    assert all(i["passages"] for g in page["relations"] for i in g["items"] if i["mode"])


def test_group_keys():
    assert split_group_key(group_key(PART_IN, "out")) == (PART_IN, "out")
    assert group_key(PART_IN, "in") == "^" + PART_IN and split_group_key("^" + PART_IN) == (PART_IN, "in")


@pytest.mark.parametrize("scan_cost", [0, 10**9])
def test_the_query_plan_does_not_change_the_answer(hub_store, hub_index, seed_store, index, monkeypatch, scan_cost):
    """Scanning the node's own assertions (``SCAN_COST`` 0) or looking each row up from its cheaper end (huge)."""
    import graph.service.details as explore_page

    expected = [node_page(hub_store, hub_index, HUB, "sv"), node_page(seed_store, index, POLISEN, "sv"),
                node_page(seed_store, index, ID_IRI + "goal/DT", "en")]
    monkeypatch.setattr(explore_page, "SCAN_COST", scan_cost)
    query = explore_page._provenance_query(hub_index, [(HUB, PART_IN, "https://example.org/hub/p1")], HUB)
    assert ("FILTER(?o IN" in query) == (scan_cost == 0)
    assert [node_page(hub_store, hub_index, HUB, "sv"), node_page(seed_store, index, POLISEN, "sv"),
            node_page(seed_store, index, ID_IRI + "goal/DT", "en")] == expected
    assert node_page(hub_store, hub_index, HUB, "sv", more={group_key(PART_IN, "out"): "x"}) == expected[0]


def test_passages_carry_a_restored_reading_beside_the_raw_text(seed_store, index, raw_source):
    page = node_page(seed_store, index, ID_IRI + "org/svenska-bostader", "sv")
    passages = [p for g in page["relations"] for i in g["items"] for p in i["passages"]] + page["mentions"]
    assert passages
    for p in passages:
        assert raw_source[p["start"]:p["end"]] == p["text"]  # provenance keeps the raw span
        assert len(p["restored"].split()) == len(p["text"].split())  # a reading word for word
    assert any("Bostéder" in p["text"].split() and "Bostäder" in p["restored"].split() for p in passages)


def test_a_node_with_more_relation_kinds_than_skip_slots_keeps_its_values_apart():
    """The predicates to leave out of the node's own values are bound one per slot; past the slots they are left
    out after the query: a non-node object of a relation predicate is no fact (as with fewer kinds), a value is."""
    from graph.rdf.formats import parse_bytes, rdf_format
    from graph.service.details import SKIP_SLOTS
    from graph.store import EmbeddedStore

    kinds = SKIP_SLOTS + 4
    lines = [f"@prefix fp: <{FP_IRI}> .", f"@prefix rdf: <{PREFIXES['rdf']}> .",
             f"@prefix skos: <{PREFIXES['skos']}> .", f"@prefix prov: <{PREFIXES['prov']}> .",
             "@prefix x: <https://example.org/x/> .",
             'x:many a fp:Project ; skos:prefLabel "Många"@sv ; x:year "2015" .']
    for i in range(kinds):
        lines.append(f'x:t{i} a fp:Project ; skos:prefLabel "Mål {i:02d}"@sv . x:many x:r{i:02d} x:t{i} .')
    last = f"x:r{kinds - 1:02d}"  # sorts last among the predicates to skip: past the slots
    lines.append(f"x:many {last} x:untyped .")
    for n, (p, o) in enumerate([(last, "x:untyped"), ("x:year", '"2015"')]):
        lines.append(f"x:a{n} rdf:subject x:many ; rdf:predicate {p} ; rdf:object {o} ; fp:mode fp:Stated ; "
                     f'prov:wasDerivedFrom x:pg{n} . x:pg{n} fp:exactText "Många {n}" ; fp:startOffset {n * 10} ; '
                     f"fp:endOffset {n * 10 + 7} .")
    store = EmbeddedStore()
    store.insert(parse_bytes("\n".join(lines).encode(), rdf_format("ttl")))
    index = build_index(store)
    page = node_page(store, index, "https://example.org/x/many", "sv")
    assert len(page["relations"]) == kinds
    assert [f["value"] for f in page["facts"]] == ["2015"]


def test_a_fact_from_a_spreadsheet_cites_its_file_sheet_and_row():
    from graph.load.loader import ensure_seeded
    from graph.load.sheets import import_sheets
    from graph.load.sheets_out import template_workbook
    from graph.store import EmbeddedStore

    store = EmbeddedStore()
    ensure_seeded(store)
    import_sheets(store, template_workbook(), "mall.xlsx", "Anna")
    index = build_index(store)
    page = node_page(store, index, ID_IRI + "org/skarpnacks-laxhjalpsforening", "sv")
    passages = [p for g in page["relations"] for item in g["items"] for p in item["passages"]]
    rows = {(p["file_label"], p["sheet"], p["row"]) for p in passages}
    assert ("mall.xlsx", "Relationer", 2) in rows
    quoted = next(p for p in passages if p["row"] == 2)
    assert quoted["text"] == "Föreningen har under året gett läxhjälp två kvällar i veckan."
    assert quoted["document_label"].startswith("Verksamhetsberättelse 2025")
