"""Checked loads: staged, SHACL-checked in SPARQL, bounded in size, errors with a position, all or nothing."""

import pyoxigraph as ox
import pytest
from rdflib import Graph

from graph.cli.main import main
from graph.errors import FardplanError, RdfSyntaxError, ShapeViolation
from graph.load.loader import CONTEXT_GRAPH, ensure_seeded, load_files
from graph.load.validate import compile_shapes
from graph.settings import ONTOLOGY_DIR
from graph.store import EmbeddedStore

EX = "https://example.org/"
RDFXML = """<?xml version="1.0" encoding="UTF-16"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">
  <rdf:Description rdf:about="https://example.org/a"><ex:p>x</ex:p></rdf:Description>
</rdf:RDF>
"""


@pytest.fixture(params=["memory", "disk"])
def store(request, tmp_path):
    s = EmbeddedStore(tmp_path / "store" if request.param == "disk" else None)
    ensure_seeded(s)
    yield s
    s.close()


def snapshot(store) -> set[str]:
    return {str(q) for q in store.quads()}


def test_remote_jsonld_context_is_a_clear_error_naming_file_line_and_column(store, tmp_path):
    before = snapshot(store)
    path = tmp_path / "remote.jsonld"
    path.write_text('{\n  "@id": "https://example.org/a",\n  "@context": "https://schema.org/",\n'
                    '  "name": "x"\n}\n', encoding="utf-8")
    with pytest.raises(RdfSyntaxError) as info:
        load_files(store, [path])
    assert info.value.location.file == str(path)
    assert (info.value.location.line, info.value.location.column) == (3, 3)
    assert "remote @context" in str(info.value) and "never fetched" in str(info.value)
    assert "LoadDocumentCallback" not in str(info.value)
    assert str(info.value).startswith(f"{path}:3:3: ")
    assert snapshot(store) == before


def test_utf16_rdfxml_names_the_file_the_position_and_the_encoding(store, tmp_path):
    before = snapshot(store)
    path = tmp_path / "wide.rdf"
    path.write_bytes(RDFXML.encode("utf-16"))
    with pytest.raises(RdfSyntaxError) as info:
        load_files(store, [path])
    assert str(info.value).startswith(f"{path}:1:1: ")
    assert "UTF-16" in str(info.value) and "UTF-8" in str(info.value)
    assert snapshot(store) == before


def test_invalid_utf8_in_turtle_names_the_line_and_column(store, tmp_path):
    before = snapshot(store)
    path = tmp_path / "latin1.ttl"
    path.write_bytes(b'<https://example.org/a>\n  <https://example.org/p> "caf\xe9" .\n')
    with pytest.raises(RdfSyntaxError) as info:
        load_files(store, [path])
    assert info.value.location.file == str(path)
    assert info.value.location.line == 2
    assert "UTF-8" in str(info.value)
    assert snapshot(store) == before


def test_a_file_over_max_load_bytes_is_refused_naming_file_and_setting(store, tmp_path):
    before = snapshot(store)
    path = tmp_path / "big.nt"
    path.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n" * 100, encoding="utf-8")
    with pytest.raises(FardplanError) as info:
        load_files(store, [path], max_bytes=1000)
    assert str(path) in str(info.value) and "max_load_bytes" in str(info.value)
    assert snapshot(store) == before
    small = tmp_path / "small.nt"
    small.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n" * 20, encoding="utf-8")
    with pytest.raises(FardplanError, match="together"):
        load_files(store, [small, small], max_bytes=int(small.stat().st_size * 1.5))
    assert snapshot(store) == before


def test_cli_load_reads_the_limit_from_the_environment(tmp_path, capsys, monkeypatch):
    path = tmp_path / "big.nt"
    path.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n" * 100, encoding="utf-8")
    monkeypatch.setenv("FARDPLAN_MAX_LOAD_BYTES", "1000")
    code = main(["load", str(path), "--store", f"oxigraph:{tmp_path / 'store'}"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err and "FARDPLAN_MAX_LOAD_BYTES" in err
    monkeypatch.setenv("FARDPLAN_MAX_LOAD_BYTES", "100000")
    assert main(["load", str(path), "--store", f"oxigraph:{tmp_path / 'store'}"]) == 0


def test_a_violation_in_the_second_file_writes_nothing_of_the_first(store, tmp_path):
    before = snapshot(store)
    good = tmp_path / "good.nt"
    good.write_text(f"<{EX}x> <{EX}y> <{EX}z> .\n", encoding="utf-8")
    bad = tmp_path / "bad.ttl"
    bad.write_text(f"<{EX}p> a <https://w3id.org/fardplan/ns#Project> .\n", encoding="utf-8")
    with pytest.raises(ShapeViolation) as info:
        load_files(store, [good, bad])
    assert f"{EX}p" in {v.focus for v in info.value.violations}
    assert snapshot(store) == before


def test_named_graphs_are_kept_and_checked_and_context_does_not_leak(store, tmp_path):
    before = store.count()
    path = tmp_path / "graphs.trig"
    path.write_text(f"<{EX}g> {{ <{EX}x> <{EX}y> <{EX}z> . }}\n<{EX}x> <{EX}y> <{EX}w> .\n", encoding="utf-8")
    report = load_files(store, [path])
    assert report.quads == 2
    assert store.count() == before + 2
    assert store.query(f"ASK {{ GRAPH <{EX}g> {{ <{EX}x> <{EX}y> <{EX}z> }} }}") is True
    assert store.query(f"ASK {{ GRAPH <{CONTEXT_GRAPH.value}> {{ ?s ?p ?o }} }}") is False
    bad = tmp_path / "bad.trig"
    bad.write_text(f"<{EX}g> {{ <{EX}q> a <https://w3id.org/fardplan/ns#Project> . }}\n", encoding="utf-8")
    with pytest.raises(ShapeViolation):
        load_files(store, [bad])
    assert store.count() == before + 2


def test_new_data_is_judged_with_the_stored_context(store, tmp_path):
    """A strategy reusing a stored notation is refused: the duplicate is found in the store's context."""
    before = snapshot(store)
    path = tmp_path / "dup.ttl"
    path.write_text((ONTOLOGY_DIR / "examples" / "valid-minimal.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ShapeViolation, match="is used by another node too"):
        load_files(store, [path])
    assert snapshot(store) == before


def test_a_large_ntriples_file_streams_in_and_a_late_syntax_error_writes_nothing(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    lines = [f"<{EX}s{i}> <{EX}p> \"v{i}\" .\n" for i in range(50_000)]
    good = tmp_path / "good.nt"
    good.write_text("".join(lines), encoding="utf-8")
    bad = tmp_path / "bad.nt"
    bad.write_text("".join(lines) + f"<{EX}broken> <{EX}p> \"x .\n", encoding="utf-8")
    with pytest.raises(RdfSyntaxError) as info:
        load_files(store, [bad])
    assert info.value.location.line == 50_001
    assert store.count() == 0
    assert load_files(store, [good]).quads == 50_000
    store.close()
    reopened = ox.Store(str(tmp_path / "store"))
    assert len(reopened) == 50_000


def test_the_compiler_refuses_a_constraint_it_does_not_know():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minLength 3 ] .
    """, format="turtle")
    with pytest.raises(FardplanError, match="minLength"):
        compile_shapes(shapes)


def test_context_by_one_scan_equals_context_by_lookups(store):
    """A big load into a small store scans the store once; it must find exactly what per-node lookups find."""
    from graph.load import loader as loading

    staging = ox.Store()
    staging.load(path=str(ONTOLOGY_DIR / "examples" / "valid-minimal.ttl"), format=ox.RdfFormat.TURTLE)
    for (strategy,) in store.query("SELECT ?s WHERE { ?s a <https://w3id.org/fardplan/ns#Strategy> }").rows:
        staging.add(ox.Quad(ox.NamedNode(EX + "x"), ox.NamedNode(EX + "mentions"), strategy))
    nodes = {q.subject for q in staging if isinstance(q.subject, ox.NamedNode)}
    nodes |= {q.object for q in staging if isinstance(q.object, ox.NamedNode)}
    notations = {q.object for q in staging if q.predicate == loading.SKOS_NOTATION}
    looked_up = set(map(str, loading._context_triples(store, nodes, notations)))
    scanned = set(map(str, loading._scanned_context(store, staging)))
    assert len(looked_up) > 100
    assert scanned == looked_up
