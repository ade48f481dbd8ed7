"""The policy refuses SERVICE, LOAD and updates before anything runs, in every spelling, and nothing else."""

import pytest

from graph.errors import QueryRefused
from graph.store.policy import check, normalize

ALLOWED = [
    "SELECT * WHERE { ?s ?p ?o }",
    # the words in IRIs, strings, comments, variables and prefixed names are not keywords
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>\n"
    "SELECT ?service ?load WHERE { ?service a sd:Service ; sd:endpoint ?load }",
    "SELECT * WHERE { ?s ?p 'SERVICE <http://127.0.0.1:1/> {}' . # SERVICE <http://127.0.0.1:1/>\n }",
    'SELECT ?x WHERE { ?x ?p """INSERT DATA { <a> <b> <c> }""" }',
    "SELECT * WHERE { ?s <http://example.org/a.service/b> ?o ; <http://example.org/data-load> ?z }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:insert ?o ; ex:delete-me ?d FILTER (?o < ?d) }",
    "ASK { ?s ?p ?o FILTER (?p<?o) }",
]

REFUSED = [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "SERVICE", 1, 18),
    ("select * where {\n  service silent <http://127.0.0.1:1/> { ?s ?p ?o } }", "SERVICE", 2, 3),
    ("SELECT * WHERE { BIND (<http://127.0.0.1:1/> AS ?u) SERVICE ?u { ?s ?p ?o } }", "SERVICE", 1, 53),
    # an empty prefix glued to the keyword
    ("PREFIX : <http://127.0.0.1:1/> SELECT * WHERE { ?s ?p ?o SERVICE:x { ?a ?b ?c } }", "SERVICE", 1, 58),
    # codepoint escapes are applied before parsing, also nested ones
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> {} }", "SERVICE", 1, 18),
    ("SELECT * WHERE { \\u005Cu0053ERVICE <http://127.0.0.1:1/> {} }", "SERVICE", 1, 18),
    # '<' read as less-than hides the keyword from a scanner that takes <…> for an IRI
    ("SELECT * WHERE { FILTER(?a<?b||'>' = ?c) SERVICE ?x {?s ?p ?o} #'\n}", "SERVICE", 1, 42),
    ("SELECT * WHERE { FILTER(?a<?b)#>\"\"\"\n SERVICE ?x {} #\"\"\"\n}", "SERVICE", 2, 2),
    ("SELECT * WHERE { ?s ?p 1SERVICE <http://127.0.0.1:1/> {} }", "SERVICE", 1, 25),
    ("LOAD <http://127.0.0.1:1/data.ttl>", "LOAD", 1, 1),
    ("LOAD SILENT <http://127.0.0.1:1/data.ttl> INTO GRAPH <urn:g>", "LOAD", 1, 1),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "Update", 1, 1),
    ("PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }", "Update", 2, 1),
    ("DROP ALL", "Update", 1, 1),
    ("CLEAR DEFAULT", "Update", 1, 1),
    ("CREATE GRAPH <urn:g>", "Update", 1, 1),
    ("ADD DEFAULT TO <urn:g>", "Update", 1, 1),
    ("MOVE <urn:a> TO <urn:b>", "Update", 1, 1),
    ("COPY <urn:a> TO <urn:b>", "Update", 1, 1),
    ("WITH <urn:g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "Update", 1, 14),
    ("DEFINE input:grab-all \"yes\" SELECT * WHERE { ?s ?p ?o }", "DEFINE", 1, 1),
]


@pytest.mark.parametrize("query", ALLOWED)
def test_ordinary_queries_pass_unchanged(query):
    assert check(query) == query


@pytest.mark.parametrize(("query", "word", "line", "column"), REFUSED)
def test_refused_with_keyword_and_position(query, word, line, column):
    with pytest.raises(QueryRefused) as info:
        check(query)
    assert word in str(info.value)
    assert (info.value.line, info.value.column) == (line, column)
    assert info.value.status == 403


def test_normalize_applies_escapes_until_none_is_left():
    assert normalize("\\u005Cu0041") == "A"
    assert normalize("'caf\\u00E9'") == "'café'"
