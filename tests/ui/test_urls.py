"""URL state of the explorer: encode/decode round trips and validation (ui.urls), and the events that change it
(graph.service.explore_state)."""

from __future__ import annotations

from graph.service.details import MAX_PAGES
from graph.service.explore_state import apply_event, default_state, view_part
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES
from ui.urls import decode_state, encode_state, search_update, toggle_lang_query

POLISEN = ID_IRI + "org/polisen"


def test_default_state_is_an_empty_query():
    assert encode_state(default_state()) == ""
    assert decode_state("") == default_state()


def test_round_trip_of_a_full_state():
    state = {**default_state(), "focus": POLISEN, "selected": POLISEN, "k": 2, "goals": ["DT", "UU"],
             "kinds": ["project", "organisation"], "layout": "concentric", "lang": "en",
             "expanded": [ID_IRI + "goal/DT"], "collapsed": [ID_IRI + "goal/UU"],
             "groups": [f"group:{POLISEN}|project", "group:|organisation"],
             "reply": ID_IRI + "document/yttrande-000"}
    query = encode_state(state)
    assert "focus=fpid:org/polisen" in query and "lang=en" in query and "reply=fpid:document/yttrande-000" in query
    assert decode_state(query) == state
    assert decode_state(query.lstrip("?")) == state


def test_empty_filters_differ_from_no_filter():
    state = {**default_state(), "goals": [], "kinds": []}
    assert decode_state(encode_state(state)) == state


def test_bad_values_fall_back_to_defaults():
    state = decode_state("?focus=javascript:alert(1)&k=99&layout=nope&lang=fr&types=project,bogus&groups=x|y")
    assert state["focus"] is None and state["k"] == 3 and state["layout"] == "force" and state["lang"] == "sv"
    assert state["kinds"] == ["project"] and state["groups"] == []
    assert decode_state("k=-1")["k"] == 1
    assert decode_state({"focus": ["fpid:org/polisen"], "ignored": "x"})["focus"] == POLISEN


def test_events():
    state = apply_event(default_state(), "select", POLISEN)
    assert state["selected"] == POLISEN and state["focus"] is None
    state = apply_event(state, "focus", POLISEN)
    assert state["focus"] == POLISEN
    state = apply_event(state, "expand", POLISEN)
    assert state["expanded"] == [POLISEN]
    state = apply_event(state, "collapse", POLISEN)
    assert state["expanded"] == [] and state["collapsed"] == [POLISEN]
    state = apply_event(state, "open_group", f"group:{POLISEN}|project")
    assert state["collapsed"] == [] and state["groups"] == [f"group:{POLISEN}|project"]
    assert apply_event(state, "open_group", "not a group")["groups"] == state["groups"]
    state = apply_event(state, "controls", {"goals": ["DT"], "layout": "hierarchy"})
    assert state["goals"] == ["DT"] and state["layout"] == "hierarchy"
    assert apply_event(state, "unfocus")["focus"] is None


def test_view_part_ignores_the_selection():
    a = apply_event(default_state(), "select", POLISEN)
    assert view_part(a) == view_part(default_state())
    assert view_part(apply_event(a, "focus", POLISEN)) != view_part(default_state())


def test_toggle_lang_keeps_other_keys():
    assert toggle_lang_query("") == "?lang=en"
    assert toggle_lang_query("?lang=en&focus=fpid:org/polisen") == "?focus=fpid:org/polisen"
    assert toggle_lang_query("?strategy=DT.VI") == "?lang=en&strategy=DT.VI"


PART_IN = FP_IRI + "participatesIn"
BROADER = PREFIXES["skos"] + "broader"


def test_more_pages_of_a_relation_group():
    state = apply_event(default_state(), "select", POLISEN)
    state = apply_event(apply_event(state, "more", PART_IN), "more", PART_IN)
    state = apply_event(state, "more", "^" + BROADER)
    assert state["more"] == {PART_IN: 3, "^" + BROADER: 2}
    query = encode_state(state)
    assert "more=fp:participatesIn~3,^skos:broader~2" in query
    assert decode_state(query) == state
    assert view_part(state) == view_part(apply_event(default_state(), "select", POLISEN))
    assert apply_event(state, "select", POLISEN)["more"] == state["more"]  # the same node again keeps it
    assert apply_event(state, "select", ID_IRI + "goal/DT")["more"] == {}
    assert apply_event(state, "focus", ID_IRI + "goal/DT")["more"] == {}
    for _ in range(MAX_PAGES + 3):
        state = apply_event(state, "more", PART_IN)
    assert state["more"][PART_IN] == MAX_PAGES


def test_bad_more_values_are_ignored():
    state = decode_state("?more=fp:participatesIn~1,javascript:x~3,fp:runs~x,~4,^skos:broader~999")
    assert state["more"] == {"^" + BROADER: MAX_PAGES}


def test_a_page_writes_its_query_only_while_the_browser_is_on_it_and_only_when_it_differs():
    strategy = "?strategy=fpid:strategy/DT.VI"
    assert search_update("/strategi", strategy, "/strategi", "") == strategy
    assert search_update("/strategi", "", "/strategi", strategy) == ""  # a cleared choice is written too
    assert search_update("/strategi", strategy, "/strategi", strategy) is None  # already says it
    assert search_update("/", "?k=2&focus=fpid:org/polisen", "/", "?focus=fpid:org/polisen&k=2") is None
    assert search_update("/", "", "/strategi", strategy) is None  # the browser has stepped on to another page
    assert search_update("/", "?sel=fpid:org/polisen", None, "") == "?sel=fpid:org/polisen"  # no path yet: /
