"""The policy decides on the parse tree: escapes in prefixed names do not hide SERVICE, and what does not parse
never runs (fail closed)."""

import pytest

from graph.errors import QueryError, QueryRefused
from graph.store import EmbeddedStore
from graph.store import limits as bounded
from graph.store.policy import check, check_parsed, find_keyword, normalize

PRE = "PREFIX ex: <http://example.org/>\n"
REMOTE = "<http://127.0.0.1:1/sparql>"
# Each hides a SERVICE clause behind a SPARQL escape in a local name: the keyword scan alone reads ``\#`` as a
# comment and ``\'`` as a string, so the rest of the line reached the engine.
EXPLOITS = [
    "SELECT * WHERE { ?s ex:a\\# ?o . SERVICE " + REMOTE + " { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ex:a\\' ?o . SERVICE " + REMOTE + " { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ex:a\\# ?o . SERVICE SILENT " + REMOTE + " { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ex:a\\# ?o . service silent ?endpoint { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ex:a\\# ?o { SELECT * WHERE { SERVICE " + REMOTE + " { ?a ?b ?c } } } }",
    "SELECT * WHERE { ?s ex:a\\# ?o FILTER EXISTS { SERVICE " + REMOTE + " { ?a ?b ?c } } }",
    "SELECT * WHERE { ?s ex:a\\' ?o FILTER NOT EXISTS { SERVICE " + REMOTE + " { ?a ?b ?c } } }",
    "SELECT * WHERE { ?s ex:a\\# ?o OPTIONAL { SERVICE " + REMOTE + " { ?a ?b ?c } } }",
    "SELECT * WHERE { ?s ex:a\\# ?o MINUS { SERVICE " + REMOTE + " { ?a ?b ?c } } }",
    "SELECT * WHERE { ?s ex:a\\# ?o GRAPH ?g { SERVICE " + REMOTE + " { ?a ?b ?c } } }",
    "SELECT * WHERE { { ?s ex:a\\# ?o } UNION { SERVICE " + REMOTE + " { ?a ?b ?c } } }",
    "ASK { ?s ex:a\\# ?o . SERVICE " + REMOTE + " { ?a ?b ?c } }",
    "CONSTRUCT { ?a ?b ?c } WHERE { ?s ex:a\\# ?o . SERVICE " + REMOTE + " { ?a ?b ?c } }",
    # the same behind \\u escapes, which SPARQL applies before parsing
    "SELECT * WHERE { ?s ex:a\\u005C# ?o . \\u0053ERVICE " + REMOTE + " { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ex:a\\u005C\\u0027 ?o . SERVICE " + REMOTE + " { ?a ?b ?c } }",
]


@pytest.mark.parametrize("query", EXPLOITS)
def test_escaped_local_names_do_not_hide_service(query):
    text = normalize(PRE + query)
    assert find_keyword(text) is None  # the keyword scan alone is fooled: the parse tree decides
    with pytest.raises(QueryRefused) as info:
        check(PRE + query)
    assert "SERVICE" in str(info.value) and info.value.status == 403
    offset = text.upper().index("SERVICE")
    line = text.count("\n", 0, offset) + 1
    assert (info.value.line, info.value.column) == (line, offset - text.rfind("\n", 0, offset))


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ex:a\\# ?o } LOAD <http://127.0.0.1:1/data.ttl>",
    "SELECT * WHERE { ?s ex:a\\# ?o } ; INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "SELECT * WHERE { ?s ex:a\\' ?o } DELETE WHERE { ?s ?p ?o }",
    # not an escape SPARQL knows: the scan reads a string, the parser a syntax error
    'SELECT * WHERE { ?s ex:a\\" ?o . SERVICE ' + REMOTE + " { ?a ?b ?c } }",
])
def test_escaped_local_names_do_not_hide_updates(query):
    assert find_keyword(normalize(PRE + query)) is None
    with pytest.raises(QueryError) as info:  # refused (403) or unparseable (400): never passed on
        check(PRE + query)
    assert info.value.line == 2 and info.value.column is not None


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ex:a\\# ?o }",
    "SELECT * WHERE { ?s ex:a\\' ?o ; ex:service\\-load ?x }",
    "SELECT ?service WHERE { ?service ex:endpoint ?load OPTIONAL { ?load ex:a\\#b ?c } }",
])
def test_escaped_local_names_in_ordinary_queries_pass(query):
    assert check(PRE + query) == PRE + query


@pytest.mark.parametrize(("query", "line", "column"), [
    ("SELECT * WHERE {\n  ?s ?p }", 2, 8),
    ("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER ( }", 3, 3),
    ("SELECT * WHERE { <<?s ?p ?o>> ?q ?r }", 1, 18),  # RDF-star: the engine reads it, the safety parser not
    ("DESCRIBE", 1, 1),
    ("", 1, 1),
])
def test_what_does_not_parse_is_refused_with_its_place(query, line, column):
    with pytest.raises(QueryError) as info:
        check_parsed(query)
    assert not isinstance(info.value, QueryRefused) and info.value.status == 400
    assert (info.value.line, info.value.column) == (line, column)
    assert "syntax error" in info.value.message


def test_an_unparseable_query_never_reaches_the_engine():
    store = EmbeddedStore()
    store.update("INSERT DATA { <urn:s> <urn:p> <urn:o> }")
    query = "SELECT * WHERE { <<?s ?p ?o>> ?q ?r }"
    store.query(query)  # the engine alone would run it
    with pytest.raises(QueryError) as info:
        bounded.run(store, query, timeout_s=10, max_rows=10)
    assert info.value.column == 18
    store.close()


def test_positions_count_characters_not_bytes():
    query = "SELECT * WHERE { ?s ?p 'åäö' . SERVICE " + REMOTE + " {} }"
    with pytest.raises(QueryRefused) as info:
        check_parsed(query)
    assert info.value.column == query.index("SERVICE") + 1


@pytest.mark.parametrize("eol", ["\r", "\r\n", "\n"])
def test_a_comment_ends_at_cr_as_in_the_engine(eol):
    query = "SELECT * WHERE { ?s ?p ?o # note" + eol + "SERVICE " + REMOTE + " { ?a ?b ?c } }"
    with pytest.raises(QueryRefused) as info:
        check(query)
    assert "SERVICE" in str(info.value)
    assert check("SELECT * WHERE { ?s ?p ?o # note" + eol + "}") == "SELECT * WHERE { ?s ?p ?o # note" + eol + "}"
