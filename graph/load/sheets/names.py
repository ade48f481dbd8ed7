"""Names and the nodes they name: the IRIs an import makes from names (file, sheet, row, label), so the same file
imports to the same IRIs, the key names are compared by, the store's documents by name, and the message for an
ambiguous name.
"""

from __future__ import annotations

import hashlib
import re

import networkx as nx

from graph.index.resolve import Named, named_nodes
from graph.store import Solutions, Store
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES, curie
from graph.vocab.text import fold

__all__ = ["MAX_SHOWN", "ambiguous", "assertion_iri", "documents_pool", "slug", "words"]

SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]
MAX_SHOWN = 25  # candidates an ambiguity lists


def slug(text: str, limit: int = 80) -> str:
    """A name as an IRI path part: ``"Läxhjälp i Skarpnäck"`` → ``"laxhjalp-i-skarpnack"`` (a hash if empty).

    >>> slug("Läxhjälp i Skarpnäck!"), slug("???")
    ('laxhjalp-i-skarpnack', 'x-2d86c2a6')
    """
    found = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:limit].strip("-")
    return found or "x-" + hashlib.sha1(text.encode()).hexdigest()[:8]


def assertion_iri(s: str, p: str, o: str) -> str:
    """The assertion IRI :mod:`graph.load.curate` gives the triple ``s p o`` (``o`` an IRI): the same fact gets the same
    assertion whichever way it came in."""
    return ID_IRI + "assertion/" + hashlib.sha1(f"{s}|{p}|<{o}>".encode()).hexdigest()[:16]


def words(text: str) -> str:
    """``text`` folded to its words, one space apart: the key a name is compared by."""
    return " ".join(re.findall(r"\w+", fold(text)))


def ambiguous(name: str, hits: list[Named]) -> tuple[str, str]:
    """The message (Swedish, English) for a name that several nodes answer to, listing them."""
    listing = "; ".join(f"{h.label} <{curie(h.iri)}>" for h in hits[:MAX_SHOWN])
    return (f"{name!r} är tvetydigt; kandidater: {listing}. Skriv hela namnet eller nodens id.",
            f"{name!r} is ambiguous; candidates: {listing}. Write the full name or the node's id.")


def documents_pool(store: Store) -> list[Named]:
    """The documents the store has (spreadsheets aside) by their names, for the source-document column."""
    answer = store.query(
        f"PREFIX fp: <{FP_IRI}> PREFIX skos: <{SKOS}> PREFIX dcterms: <{DCT}> SELECT ?d ?name WHERE {{ "
        "?d a fp:Document . FILTER NOT EXISTS { ?d a fp:Spreadsheet } "
        "?d skos:prefLabel|skos:altLabel|dcterms:title ?name }")
    D = nx.Graph()
    assert isinstance(answer, Solutions)
    for d, name in answer.rows:
        if d is None or name is None:
            continue
        if d.value not in D:
            D.add_node(d.value, type="document", label_sv="", names=[])
        attrs = D.nodes[d.value]
        attrs["names"].append(name.value)
        if getattr(name, "language", "") == "sv" and not attrs["label_sv"]:
            attrs["label_sv"] = name.value
    return named_nodes(D)
