"""/sparql, /queries and /id/… over HTTP with real clients, on the seed data in memory and behind a real
``oxigraph serve``: protocol cases, content negotiation, status codes and the safety limits."""

from __future__ import annotations

import io
import os
import time
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import requests
from flask import Flask, request
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from graph.http.endpoint import TRUNCATED_HEADER, register_routes
from graph.load.loader import ensure_seeded
from graph.settings import Settings
from graph.store import EmbeddedStore, open_store
from tests.support.servers import connection_counter, oxigraph_server, wsgi_server

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ID = "https://w3id.org/fardplan/id/"
FP = Namespace("https://w3id.org/fardplan/ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
STRATEGIES = """PREFIX fp: <https://w3id.org/fardplan/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?notation ?label WHERE { ?s a fp:Strategy ; skos:notation ?notation ; skos:prefLabel ?label
FILTER (LANG(?label) = "sv") } ORDER BY ?notation"""


def app_for(store, **settings) -> Flask:
    """A minimal Flask app with the blueprint, as the UI factory mounts it."""
    app = Flask(__name__)
    register_routes(app, store, Settings(store="memory", **settings))
    return app


@pytest.fixture(scope="module")
def remote_store():
    """The seed data in a real ``oxigraph serve`` process, opened as a remote store."""
    with oxigraph_server() as base:
        store = open_store(base + "/query")
        ensure_seeded(store)
        yield store


@pytest.fixture(scope="module", params=["memory", "remote"])
def store(request, seed_store):
    return seed_store if request.param == "memory" else request.getfixturevalue("remote_store")


@pytest.fixture(scope="module")
def base(store):
    with wsgi_server(app_for(store, query_timeout_s=10.0)) as url:
        yield url


# ------------------------------------------------------------------------------------------------ clients


def test_sparqlwrapper_json_xml_csv(base):
    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(STRATEGIES)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert len(rows) == 23 and rows[0]["label"]["xml:lang"] == "sv"
    client.setReturnFormat(XML)
    xml = client.query().convert()
    assert len(xml.getElementsByTagName("result")) == 23
    client.setReturnFormat(CSV)
    text = client.query().convert().decode("utf-8")
    assert text.splitlines()[0] == "notation,label" and len(text.splitlines()) == 24
    client.setMethod("POST")
    client.setReturnFormat(JSON)
    assert len(client.query().convert()["results"]["bindings"]) == 23


def test_rdflib_sparqlstore(base):
    graph = Graph(SPARQLStore(query_endpoint=base + "/sparql"))
    rows = list(graph.query(STRATEGIES))
    assert len(rows) == 23
    assert (Literal("DT.VI"), Literal("Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder",
                                      lang="sv")) in [tuple(r) for r in rows]
    assert graph.query("ASK { ?s a <https://w3id.org/fardplan/ns#Strategy> }").askAnswer is True


# ------------------------------------------------------------------------------------------------ protocol


def test_get_form_post_and_direct_post(base):
    accept = {"Accept": "application/sparql-results+json"}
    by_get = requests.get(base + "/sparql", params={"query": STRATEGIES}, headers=accept, timeout=30)
    by_form = requests.post(base + "/sparql", data={"query": STRATEGIES}, headers=accept, timeout=30)
    direct = requests.post(base + "/sparql", data=STRATEGIES.encode("utf-8"), timeout=30,
                           headers={**accept, "Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, direct):
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert len(response.json()["results"]["bindings"]) == 23


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_content_negotiation(base, accept, media):
    response = requests.get(base + "/sparql", params={"query": STRATEGIES}, headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(media)
    assert "DT.VI" in response.text


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_construct_content_negotiation(base, accept, fmt):
    query = ("PREFIX fp: <https://w3id.org/fardplan/ns#> "
             "CONSTRUCT { ?a fp:participatesIn ?p } WHERE { ?a fp:participatesIn ?p }")
    response = requests.get(base + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(accept)
    graph = Graph().parse(data=response.content, format=fmt)
    assert (URIRef(ID + "org/polisen"), FP.participatesIn, URIRef(ID + "project/sociala-insatsgruppen")) in graph


def test_ask(base):
    response = requests.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30,
                            headers={"Accept": "application/sparql-results+json"})
    assert response.json() == {"head": {}, "boolean": True}


def test_default_and_named_graph_uri(base):
    response = requests.get(base + "/sparql", timeout=30, headers={"Accept": "application/sparql-results+json"},
                            params={"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "urn:none"})
    assert response.status_code == 200 and response.json()["results"]["bindings"] == []
    response = requests.get(base + "/sparql", timeout=30, headers={"Accept": "application/sparql-results+json"},
                            params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                    "named-graph-uri": "urn:none"})
    assert response.status_code == 200 and response.json()["results"]["bindings"] == []


def test_service_description(base):
    response = requests.get(base + "/sparql", timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    service = next(graph.subjects(predicate=SD.endpoint))
    assert graph.value(service, SD.endpoint) == URIRef(base + "/sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    formats = {str(o) for o in graph.objects(service, SD.resultFormat)}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in formats and len(formats) == 8


def test_cors_preflight(base):
    response = requests.options(base + "/sparql", timeout=30, headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


# ------------------------------------------------------------------------------------------------ status codes


def test_syntax_error_is_400_with_line_and_column(base):
    response = requests.get(base + "/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p }"}, timeout=30)
    assert response.status_code == 400
    error = response.json()
    assert error["ok"] is False and error["status"] == 400
    assert error["line"] == 2 and error["column"] is not None and error["message"]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(base, method):
    assert requests.request(method, base + "/sparql", data="x", timeout=30).status_code == 405


def test_other_methods_answer_in_the_one_error_shape_with_allow(base):
    response = requests.put(base + "/sparql", data="x", timeout=30)
    assert response.status_code == 405 and response.headers["Allow"] == "GET, HEAD, POST, OPTIONS"
    error = response.json()
    assert error["ok"] is False and error["status"] == 405 and error["kind"] == "http" and "PUT" in error["error"]
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_head_has_the_headers_of_get_and_no_body(base):
    params, accept = {"query": STRATEGIES}, {"Accept": "text/csv"}
    head = requests.head(base + "/sparql", params=params, headers=accept, timeout=30)
    get = requests.get(base + "/sparql", params=params, headers=accept, timeout=30)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Type"] == get.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert int(head.headers["Content-Length"]) == len(get.content) > 0


def test_sparql_is_answered_in_front_of_the_flask_app(seed_store):
    """/sparql never enters Flask (no routing, request or response objects on its hot path); other paths do."""
    app = app_for(seed_store)
    seen: list[str] = []
    app.before_request(lambda: seen.append(request.path))
    with wsgi_server(app) as url:
        answer = requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30,
                              headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200 and answer.json() == {"head": {}, "boolean": True}
        assert seen == []
        assert requests.get(url + "/queries", timeout=30).status_code == 200
        assert seen == ["/queries"]


def test_unsupported_accept_is_406(base):
    response = requests.get(base + "/sparql", params={"query": STRATEGIES}, headers={"Accept": "image/png"},
                            timeout=30)
    assert response.status_code == 406
    construct = requests.get(base + "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                             headers={"Accept": "text/csv"}, timeout=30)
    assert construct.status_code == 406


def test_unsupported_content_type_is_415(base):
    response = requests.post(base + "/sparql", data=STRATEGIES, headers={"Content-Type": "text/plain"}, timeout=30)
    assert response.status_code == 415


def test_two_megabyte_body_is_413(base):
    body = "SELECT * WHERE { ?s ?p ?o }\n#" + "x" * 2_000_000
    response = requests.post(base + "/sparql", data=body.encode(), timeout=30,
                             headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413
    # no Content-Length (chunked): the actual length counts
    chunked = requests.post(base + "/sparql", data=(body.encode()[i:i + 65536] for i in range(0, len(body), 65536)),
                            headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert chunked.status_code == 413
    form = requests.post(base + "/sparql", data={"query": body}, timeout=30)
    assert form.status_code == 413


# ------------------------------------------------------------------------------------------------ security


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "LOAD <http://127.0.0.1:1/data.ttl>",
])
def test_updates_are_refused_and_the_store_is_unchanged(base, store, update):
    before = store.count()
    by_form = requests.post(base + "/sparql", data={"update": update}, timeout=30)
    by_type = requests.post(base + "/sparql", data=update.encode(), timeout=30,
                            headers={"Content-Type": "application/sparql-update"})
    as_query = requests.post(base + "/sparql", data={"query": update}, timeout=30)
    by_get = requests.get(base + "/sparql", params={"query": update}, timeout=30)
    assert [r.status_code for r in (by_form, by_type, as_query, by_get)] == [403] * 4
    assert as_query.json()["ok"] is False
    assert store.count() == before


def test_service_and_load_make_no_connection(base):
    with connection_counter() as (port, counts):
        target = f"http://127.0.0.1:{port}/sparql"
        queries = [
            f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ BIND (<{target}> AS ?u) SERVICE SILENT ?u {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ \\u0053ERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
            f"LOAD <{target}>",
            f"LOAD SILENT <{target}> INTO GRAPH <urn:g>",
        ]
        statuses = []
        for query in queries:
            statuses.append(requests.get(base + "/sparql", params={"query": query}, timeout=30).status_code)
            statuses.append(requests.post(base + "/sparql", data={"query": query}, timeout=30).status_code)
        time.sleep(0.3)
        assert statuses == [403] * len(statuses)
        assert counts == []


def test_cartesian_product_stops_at_the_limit_and_the_next_query_is_prompt():
    """≥100k triples, a three-way cartesian product with COUNT, a 1 s limit: 503, then a prompt answer."""
    nt = "".join(f"<http://example.org/s{i % 1000}> <http://example.org/p{i % 7}> \"{i}\" .\n"
                 for i in range(100_000))
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    for kind in ("memory", "remote"):
        with oxigraph_server() as remote_base:
            if kind == "memory":
                big = EmbeddedStore()
                big.insert(list(ox.parse(input=io.BytesIO(nt.encode()), format=ox.RdfFormat.N_TRIPLES)))
            else:
                requests.post(remote_base + "/store?default", data=nt.encode(), timeout=60,
                              headers={"Content-Type": "application/n-triples"}).raise_for_status()
                big = open_store(remote_base + "/query")
            assert big.count() == 100_000
            with wsgi_server(app_for(big, query_timeout_s=1.0)) as url:
                started = time.monotonic()
                stopped = requests.get(url + "/sparql", params={"query": heavy}, timeout=30)
                assert stopped.status_code in (503, 504), kind
                assert time.monotonic() - started < 5
                started = time.monotonic()
                simple = requests.get(url + "/sparql", headers={"Accept": "application/sparql-results+json"},
                                      params={"query": "SELECT ?o WHERE { <http://example.org/s1> ?p ?o } LIMIT 3"},
                                      timeout=30)
                assert simple.status_code == 200 and len(simple.json()["results"]["bindings"]) == 3
                assert time.monotonic() - started < 1, kind


def test_row_cap_truncates_and_says_so(store):
    with wsgi_server(app_for(store, max_rows=5)) as url:
        response = requests.get(url + "/sparql", params={"query": STRATEGIES}, timeout=30,
                                headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200
        assert response.headers[TRUNCATED_HEADER] == "true"
        assert len(response.json()["results"]["bindings"]) == 5
        whole = requests.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert TRUNCATED_HEADER not in whole.headers


# ------------------------------------------------------------------------------------------------ /queries


def test_queries_listing(base):
    listing = requests.get(base + "/queries", timeout=30).json()["queries"]
    names = {q["name"]: q for q in listing}
    assert names["what_two_actors_share"]["params"] == [{"name": "actor_a", "type": "iri"},
                                                        {"name": "actor_b", "type": "iri"}]
    assert all(q["title"].get("sv") and q["title"].get("en") for q in listing)


def test_canned_query_json_and_csv(base):
    url = base + "/queries/actors_sharing_strategy"
    params = {"strategy": ID + "strategy/DT.V"}
    data = requests.get(url, params=params, timeout=30).json()
    actors = {b["actorLabel"]["value"] for b in data["results"]["bindings"]}
    assert actors == {"Polisen", "Socialtjänsten"}
    csv_by_format = requests.get(url, params={**params, "format": "csv"}, timeout=30)
    csv_by_accept = requests.get(url, params=params, headers={"Accept": "text/csv"}, timeout=30)
    for response in (csv_by_format, csv_by_accept):
        assert response.headers["Content-Type"].startswith("text/csv")
        assert response.text.splitlines()[0].startswith("strategy,actor,actorLabel")


def test_canned_query_parameters_reach_into_subqueries(base):
    # collaborators_of_actor uses ?actor only inside subqueries: the parameter must be written in, not joined after
    data = requests.get(base + "/queries/collaborators_of_actor", params={"actor": ID + "org/polisen"},
                        timeout=30).json()
    through = {b["otherLabel"]["value"]: b["through"]["value"] for b in data["results"]["bindings"]}
    assert through["Socialtjänsten"] == "Sociala insatsgruppen" and "Polisen" not in through


def test_canned_query_errors(base):
    assert requests.get(base + "/queries/no_such_query", timeout=30).status_code == 404
    missing = requests.get(base + "/queries/actors_sharing_strategy", timeout=30)
    assert missing.status_code == 400 and "strategy" in missing.json()["error"]
    bad = requests.get(base + "/queries/actors_sharing_strategy", params={"strategy": "not an iri> ."}, timeout=30)
    assert bad.status_code == 400


# ------------------------------------------------------------------------------------------------ /id/…


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                             ("application/n-triples", "nt")])
def test_resource_description(base, accept, fmt):
    response = requests.get(base + "/id/org/polisen", headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(accept)
    graph = Graph().parse(data=response.content, format=fmt)
    polisen = URIRef(ID + "org/polisen")
    project = URIRef(ID + "project/lokalt-omradesarbete")
    assert (polisen, SKOS.prefLabel, Literal("Polisen", lang="sv")) in graph
    assert (polisen, FP.participatesIn, project) in graph
    assert (project, SKOS.prefLabel, Literal("Lokalt områdesarbete (community work)", lang="sv")) in graph
    assertions = set(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"), polisen))
    assert assertions and all((a, FP.mode, None) in graph for a in assertions)
    assert any(graph.value(p, FP.exactText) for p in graph.subjects(None, FP.Passage))


def test_resource_html_redirects_to_the_explorer(base):
    response = requests.get(base + "/id/strategy/DT.VI", headers={"Accept": "text/html"}, allow_redirects=False,
                            timeout=30)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/?focus=" + quote(ID + "strategy/DT.VI", safe=""))


def test_unknown_resource_is_404(base):
    for accept in ("text/turtle", "text/html"):
        response = requests.get(base + "/id/org/no-such-actor", headers={"Accept": accept}, timeout=30)
        assert response.status_code == 404


# ------------------------------------------------------------------------------------------------ issue 10: limits
BLOW_UP = ("SELECT (STRLEN(GROUP_CONCAT(?x)) AS ?n) WHERE { "
           + " ".join(f"VALUES ?{v} {{1 2 3 4 5 6 7 8 9 10}}" for v in "abcdef")
           + " BIND (CONCAT(STR(?a), '" + "x" * 500 + "', STR(?b), STR(?c), STR(?d), STR(?e), STR(?f)) AS ?x) }")
ANY = "SELECT * WHERE { ?s ?p ?o }"


def _small_store() -> EmbeddedStore:
    store = EmbeddedStore()
    store.insert([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                          ox.Literal("x" * 100)) for i in range(50)])
    return store


def test_memory_and_answer_limits_are_507_and_the_next_query_works():
    store = _small_store()
    json_accept = {"Accept": "application/sparql-results+json"}
    limits = {"query_memory_mb": 200, "max_answer_bytes": 3_000, "query_workers": 1, "query_timeout_s": 120.0}
    with wsgi_server(app_for(store, **limits)) as url:
        blown = requests.get(url + "/sparql", params={"query": BLOW_UP}, timeout=180)
        assert blown.status_code == 507
        error = blown.json()
        assert error["ok"] is False and error["status"] == 507 and "query_memory_mb = 200" in error["error"]
        big = requests.get(url + "/sparql", params={"query": ANY}, headers=json_accept, timeout=30)
        assert big.status_code == 507 and "max_answer_bytes = 3000" in big.json()["error"]
        small = requests.get(url + "/sparql", params={"query": ANY + " LIMIT 2"}, headers=json_accept, timeout=30)
        assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 2
    store.close()


def test_a_crashed_query_process_is_500_not_400():
    import signal
    import threading

    from graph.store.pool import pool_for

    store = _small_store()
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
    with wsgi_server(app_for(store, query_timeout_s=20.0, query_workers=1)) as url:
        assert requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200
        [pid] = pool_for(store).pids()
        threading.Timer(0.5, os.kill, (pid, signal.SIGSEGV)).start()
        crashed = requests.get(url + "/sparql", params={"query": heavy}, timeout=30)
        assert crashed.status_code == 500
        error = crashed.json()
        assert error["status"] == 500 and "SIGSEGV" in error["error"] and "server's failure" in error["error"]
        assert requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200
    store.close()


# ------------------------------------------------------------------------------------------------ issue 10: headers


def test_security_headers_on_every_route_and_cors_only_on_sparql(base):
    responses = {
        "sparql": requests.get(base + "/sparql", params={"query": "ASK {}"}, timeout=30),
        "description": requests.get(base + "/sparql", timeout=30),
        "queries": requests.get(base + "/queries", timeout=30),
        "query": requests.get(base + "/queries/strategies_per_goal_area", timeout=30),
        "id": requests.get(base + "/id/org/polisen", headers={"Accept": "text/turtle"}, timeout=30),
        "missing": requests.get(base + "/id/org/no-such-actor", headers={"Accept": "text/turtle"}, timeout=30),
        "refused": requests.get(base + "/sparql", params={"query": "LOAD <http://127.0.0.1:1/>"}, timeout=30),
        "elsewhere": requests.get(base + "/no-such-page", timeout=30),
    }
    for name, response in responses.items():
        assert response.headers["X-Content-Type-Options"] == "nosniff", name
        assert response.headers["X-Frame-Options"] == "DENY", name
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], name
    for name in ("sparql", "description", "refused"):
        assert responses[name].headers["Access-Control-Allow-Origin"] == "*", name
        assert responses[name].headers["Content-Security-Policy"].startswith("default-src 'none'"), name
    for name in ("queries", "query", "id", "missing", "elsewhere"):
        assert "Access-Control-Allow-Origin" not in responses[name].headers, name


def test_cors_origins_setting(seed_store):
    with wsgi_server(app_for(seed_store, cors_origins="https://a.example https://b.example")) as url:
        allowed = requests.get(url + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://b.example"},
                               timeout=30)
        assert allowed.headers["Access-Control-Allow-Origin"] == "https://b.example"
        assert "Origin" in allowed.headers["Vary"]
        other = requests.get(url + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://c.example"},
                             timeout=30)
        assert other.status_code == 200 and "Access-Control-Allow-Origin" not in other.headers
    with wsgi_server(app_for(seed_store, cors_origins="")) as url:
        none = requests.get(url + "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://a.example"},
                            timeout=30)
        assert none.status_code == 200 and "Access-Control-Allow-Origin" not in none.headers


def _poll(page, predicate: str, within_s: float = 30.0) -> None:
    """Wait until ``predicate`` is true (Playwright's wait_for_function evaluates strings, which the CSP forbids)."""
    deadline = time.monotonic() + within_s
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"not true within {within_s} s: {predicate}"
        page.wait_for_timeout(100)


CSP_PAGES = ["/", "/strategi", "/tva-aktorer", "/natverk", "/luckor", "/fraga"]


def test_every_page_works_under_the_content_security_policy(seed_store):
    """The explorer with :func:`install_security_headers` and Dash's inline-script hashes: every page loads,
    draws, and the browser reports no CSP violation and no console error (no eval, no foreign script)."""
    from graph.http.security import install_security_headers
    from tests.support.browser import browser_page
    from ui.app import create_app

    app = create_app(Settings(store="memory"), store=seed_store)
    install_security_headers(app.server, app.csp_hashes())
    with wsgi_server(app.server) as url, browser_page() as (page, errors):
        page.add_init_script("window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
                             "e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI))")
        for path in CSP_PAGES:
            response = page.goto(url + path)
            policy = response.headers["content-security-policy"]
            assert "script-src 'self' 'sha256-" in policy and "unsafe-eval" not in policy
            assert response.headers["x-frame-options"] == "DENY"
            drawn = "() => (document.querySelector('.shell')?.innerText.length ?? 0) > 100" + (
                " && !!window.cy && window.cy.nodes().length > 0" if path == "/" else "")
            _poll(page, drawn)
            page.wait_for_timeout(500)
            assert page.evaluate("window.cspViolations") == [], path
        assert errors == []
