"""Fixtures of the ingest tests: a tiny store of named nodes (no ontology: find and propose read names only)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.store import EmbeddedStore

TINY_NODES = """\
@prefix fp: <https://w3id.org/fardplan/ns#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix id: <https://w3id.org/fardplan/id/> .
id:goal\\/DT a fp:GoalArea, skos:Concept ; skos:notation "DT" ; skos:prefLabel "Demokrati och trygghet"@sv .
id:goal\\/UU a fp:GoalArea, skos:Concept ; skos:notation "UU" ; skos:prefLabel "Uppväxt och utbildning"@sv .
id:strategy\\/DT.VI a fp:Strategy, skos:Concept ; skos:notation "DT.VI" ;
    skos:prefLabel "Främja trygghet i det offentliga rummet genom brottspreventiva åtgärder"@sv .
id:strategy\\/DT.V a fp:Strategy, skos:Concept ; skos:notation "DT.V" ;
    skos:prefLabel "Rikta tidiga sociala insatser till unga i riskzonen för kriminalitet"@sv .
id:strategy\\/UU.VI a fp:Strategy, skos:Concept ; skos:notation "UU.VI" ;
    skos:prefLabel "Tillhandahåll ett bredare och mera tillgängligt fritidsutbud för att nå fler unga"@sv .
id:org\\/polisen a fp:Authority, org:Organization ; skos:prefLabel "Polisen"@sv ; skos:altLabel "Polis"@sv .
id:org\\/forvaltningen a fp:Administration, org:Organization ; skos:prefLabel "Stadsdelsförvaltningen"@sv ;
    skos:altLabel "Förvaltningen"@sv .
"""


@pytest.fixture
def tiny_store() -> EmbeddedStore:
    """A store with two goal areas, three strategies and two organisations (labels only)."""
    store = EmbeddedStore()
    parsed = ox.Store()
    parsed.load(TINY_NODES.encode(), ox.RdfFormat.TURTLE)
    store.insert(list(parsed))
    return store
