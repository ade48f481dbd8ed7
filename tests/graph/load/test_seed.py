"""The curated seed graph: provenance matches the raw text, Swedish is restored, the facts are the source's."""

import re

import pytest
from rdflib import RDF, SKOS, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from graph.errors import CurationError
from graph.load.curate import curate, find_quote
from graph.settings import DATA_DIR
from graph.vocab.namespaces import FP, ID

ROMAN = ("I", "II", "III", "IV", "V", "VI")


@pytest.fixture(scope="module")
def seed() -> Graph:
    return Graph().parse(DATA_DIR / "fardplan.ttl")


def test_committed_graph_is_what_the_curation_file_builds(seed):
    assert isomorphic(curate(DATA_DIR / "curation" / "reply-000.toml"), seed)


def test_every_passage_matches_the_raw_source_at_its_offsets(seed, raw_source):
    passages = list(seed.subjects(RDF.type, FP.Passage))
    assert len(passages) > 100
    for passage in passages:
        start = int(seed.value(passage, FP.startOffset))
        end = int(seed.value(passage, FP.endOffset))
        text = str(seed.value(passage, FP.exactText))
        assert raw_source[start:end] == text, passage
        assert seed.value(passage, FP.inDocument) == ID["document/yttrande-000"]


def test_every_relation_has_an_assertion_with_a_passage_and_a_mode(seed):
    assertions = list(seed.subjects(RDF.type, FP.Assertion))
    for a in assertions:
        s, p, o = seed.value(a, RDF.subject), seed.value(a, RDF.predicate), seed.value(a, RDF.object)
        assert (s, p, o) in seed
        assert seed.value(a, PROV.wasDerivedFrom) is not None
        mode = seed.value(a, FP.mode)
        assert mode in (FP.Stated, FP.Interpreted)
        if mode == FP.Interpreted:
            assert {r.language for r in seed.objects(a, FP.reason)} == {"sv", "en"}
    relation_predicates = {FP.runs, FP.participatesIn, FP.commissions, FP.contributesTo, FP.worksOn, FP.fundedBy}
    described = {(seed.value(a, RDF.subject), seed.value(a, RDF.predicate), seed.value(a, RDF.object))
                 for a in assertions}
    for s, p, o in seed:
        if p in relation_predicates:
            assert (s, p, o) in described


def test_four_goal_areas_and_23_strategies_with_correct_swedish(seed):
    goals = {str(seed.value(g, SKOS.notation)) for g in seed.subjects(RDF.type, FP.GoalArea)}
    assert goals == {"UU", "AF", "BS", "DT"}
    strategies = {str(seed.value(s, SKOS.notation)): s for s in seed.subjects(RDF.type, FP.Strategy)}
    counts = {"UU": 6, "AF": 6, "BS": 5, "DT": 6}
    expected = {f"{g}.{ROMAN[i]}" for g, n in counts.items() for i in range(n)}
    assert set(strategies) == expected
    label = {n: next(str(o) for o in seed.objects(s, SKOS.prefLabel) if o.language == "sv")
             for n, s in strategies.items()}
    assert label["DT.VI"] == "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder"
    assert label["UU.II"] == "Öka deltagandet och stärk likvärdigheten i förskolan"
    assert label["BS.IV"] == "Säkerställ en väl gestaltad och omhändertagen stadsmiljö i hela staden"


def test_swedish_labels_carry_no_ocr_damage(seed):
    ocr_marks = re.compile(r"[&|]|\b6ka|\bfor\b|\bpa\b|\bar\b|é(?!n)|\bsasom\b")
    for _, _, label in seed.triples((None, SKOS.prefLabel, None)):
        if label.language == "sv":
            assert not ocr_marks.search(str(label)), str(label)


def test_named_projects_partners_and_facts(seed):
    def sv(node: URIRef) -> str:
        return next(str(o) for o in seed.objects(node, SKOS.prefLabel) if o.language == "sv")

    projects = {sv(p) for p in seed.subjects(RDF.type, FP.Project)}
    assert {"Skolsociala stödteam", "Skarpnäcksmodellen", "Stockholmsjobb", "Sociala insatsgruppen"} <= projects
    orgs = {sv(o) for o in seed.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#Organization"))}
    assert {"Trafikkontoret", "Svenska Bostäder", "Stockholmshem", "Kulturförvaltningen", "Trygghetsfonden",
            "Polisen", "Socialtjänsten", "Kommunstyrelsen"} <= orgs
    assert (ID["project/trygghetsatgarder"], FP.fundedBy, ID["org/trygghetsfonden"]) in seed
    assert (ID["org/polisen"], FP.participatesIn, ID["project/sociala-insatsgruppen"]) in seed
    assert int(seed.value(ID["org/kommissionen"], FP.reportCount)) == 18
    assert str(seed.value(ID["org/kommissionen"], FP.establishedIn)) == "2015"
    assert float(seed.value(ID["outcome/stockholmsjobb-egen-forsorjning"], FP.percentage)) == 90


def test_content_matched_strategy_links_are_interpretations(seed):
    for a in seed.subjects(RDF.predicate, FP.contributesTo):
        if (a, RDF.type, FP.Assertion) in seed and str(seed.value(a, RDF.subject)).startswith(str(ID["project/"])):
            assert seed.value(a, FP.mode) == FP.Interpreted


def test_find_quote_tolerates_line_breaks_and_names_missing_quotes(raw_source):
    span = find_quote(raw_source, "Sociala insatsgruppen arbetar uppsokande")
    assert raw_source[span.start:span.end] == span.text and "\n" in span.text
    with pytest.raises(CurationError, match="not found"):
        find_quote(raw_source, "Detta står inte i texten", entry="test")
