"""Conversions between pyoxigraph terms, rdflib terms and plain JSON-safe data."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["RDF_LANGSTRING", "XSD_STRING", "OxTerm", "from_plain", "to_ox", "to_plain", "to_rdflib", "to_text"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def to_rdflib(term: OxTerm) -> Node:
    """A pyoxigraph term as the equal rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))


def to_ox(term: Node) -> OxTerm:
    """An rdflib term as the equal pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r}")


def to_plain(term: OxTerm | None) -> dict | None:
    """A term as SPARQL-JSON-like plain data: ``{"type", "value", "xml:lang"?, "datatype"?}``."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def from_plain(data: dict) -> OxTerm:
    """The inverse of :func:`to_plain` (also reads SPARQL 1.1 JSON results bindings)."""
    kind = data["type"]
    if kind == "uri":
        return ox.NamedNode(data["value"])
    if kind == "bnode":
        return ox.BlankNode(data["value"])
    if "xml:lang" in data:
        return ox.Literal(data["value"], language=data["xml:lang"])
    if data.get("datatype") and data["datatype"] not in (XSD_STRING, RDF_LANGSTRING):
        return ox.Literal(data["value"], datatype=ox.NamedNode(data["datatype"]))
    return ox.Literal(data["value"])


def to_text(term: OxTerm | None) -> str:
    """A term's lexical value (IRI, literal text or blank-node id); ``""`` for unbound."""
    return "" if term is None else term.value
