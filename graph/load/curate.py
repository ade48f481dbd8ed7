"""Curation: a reviewed TOML description of one source plus its raw text → an RDF graph with provenance.

Every node and fact names a quote of the raw OCR text. The quote is found in the raw text (spaces and line
breaks may differ), and the exact raw span with its character offsets becomes a ``fp:Passage``. Each fact
becomes a plain triple plus a ``fp:Assertion`` (an ``rdf:Statement``) that says whether the source states
it or it is an interpretation, with the reason.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from graph.errors import CurationError
from graph.vocab.kinds import CURATION_TYPES, classify
from graph.vocab.namespaces import FP, ID, PREFIXES, expand

__all__ = ["Span", "curate", "find_quote", "XSD"]


@dataclass(frozen=True)
class Span:
    """A located quote: ``raw[start:end] == text``."""

    start: int
    end: int
    text: str


def find_quote(raw: str, quote: str, after: str | None = None, entry: str = "") -> Span:
    """Find ``quote`` in ``raw``, tolerant of white space; the first match (after ``after``, if given)."""
    start_at = 0
    if after:
        start_at = find_quote(raw, after, entry=f"{entry} (after)").end
    pattern = r"\s+".join(re.escape(token) for token in quote.split())
    match = re.compile(pattern).search(raw, start_at)
    if not match:
        raise CurationError(f"{entry}: quote not found in the raw text: {quote!r}")
    return Span(match.start(), match.end(), match.group(0))


class Curator:
    """Builds the graph of one curation file; ``build()`` returns it."""

    def __init__(self, spec: dict, raw: str, raw_bytes: bytes, spec_name: str) -> None:
        self.spec = spec
        self.raw = raw
        self.raw_bytes = raw_bytes
        self.spec_name = spec_name
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        self.source_iri = ID[spec["source"]["id"]]
        self.source_slug = spec["source"]["id"].rsplit("/", 1)[-1]
        self.known: set[str] = set()

    # -- helpers
    def iri(self, ref: str, entry: str) -> URIRef:
        """A node id of this file (``org/polisen``) or a CURIE (``fp:Supportive``)."""
        if ":" in ref:
            return URIRef(expand(ref))
        if ref not in self.known:
            raise CurationError(f"{self.spec_name}: {entry}: unknown node id {ref!r}")
        return ID[ref]

    def passage(self, quote: str, after: str | None, entry: str) -> URIRef:
        span = find_quote(self.raw, quote, after, f"{self.spec_name}: {entry}")
        node = ID[f"passage/{self.source_slug}/{span.start}-{span.end}"]
        g = self.graph
        g.add((node, RDF.type, FP.Passage))
        g.add((node, FP.inDocument, self.source_iri))
        g.add((node, FP.startOffset, Literal(span.start)))
        g.add((node, FP.endOffset, Literal(span.end)))
        g.add((node, FP.exactText, Literal(span.text)))
        return node

    def labels(self, node: URIRef, entry: dict) -> None:
        g = self.graph
        for lang in ("sv", "en"):
            if entry.get(lang):
                g.add((node, SKOS.prefLabel, Literal(entry[lang], lang=lang)))
                g.add((node, RDFS.label, Literal(entry[lang], lang=lang)))
            for alt in entry.get(f"alt_{lang}", []):
                g.add((node, SKOS.altLabel, Literal(alt, lang=lang)))
            if entry.get(f"desc_{lang}"):
                g.add((node, DCTERMS.description, Literal(entry[f"desc_{lang}"], lang=lang)))
            if entry.get(f"former_{lang}"):
                g.add((node, FP.formerName, Literal(entry[f"former_{lang}"], lang=lang)))

    def mention(self, node: URIRef, entry: dict, name: str) -> None:
        self.graph.add((node, PROV.wasDerivedFrom, self.passage(entry["quote"], entry.get("after"), name)))

    def assert_fact(self, s: URIRef, p: URIRef, o, entry: dict, name: str) -> None:
        """Add ``s p o`` and its ``fp:Assertion`` with the passage and the mode."""
        g = self.graph
        g.add((s, p, o))
        key = f"{s}|{p}|{o.n3()}".encode()
        node = ID[f"assertion/{hashlib.sha1(key).hexdigest()[:16]}"]
        g.add((node, RDF.type, FP.Assertion))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, PROV.wasDerivedFrom, self.passage(entry["quote"], entry.get("after"), name)))
        mode = entry.get("mode", "stated")
        if mode not in ("stated", "interpreted"):
            raise CurationError(f"{self.spec_name}: {name}: mode must be 'stated' or 'interpreted', not {mode!r}")
        g.add((node, FP.mode, FP.Stated if mode == "stated" else FP.Interpreted))
        if mode == "interpreted":
            if not (entry.get("reason_sv") and entry.get("reason_en")):
                raise CurationError(f"{self.spec_name}: {name}: an interpretation needs reason_sv and reason_en")
            g.add((node, FP.reason, Literal(entry["reason_sv"], lang="sv")))
            g.add((node, FP.reason, Literal(entry["reason_en"], lang="en")))

    # -- sections
    def build(self) -> Graph:
        spec = self.spec
        ids = [spec["source"]["id"], spec["scheme"]["id"]]
        ids += [f"goal/{ga['code']}" for ga in spec.get("goal_area", [])]
        ids += [f"strategy/{st['notation']}" for st in spec.get("strategy", [])]
        ids += [n["id"] for n in spec.get("node", [])]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise CurationError(f"{self.spec_name}: duplicate node ids: {sorted(duplicates)}")
        self.known.update(ids)
        self.add_source()
        self.add_scheme()
        for node in spec.get("node", []):
            self.add_node(node)
        for number, fact in enumerate(spec.get("fact", []), start=1):
            self.add_fact(fact, f"fact #{number} ({fact.get('s')} {fact.get('p')})")
        return self.graph

    def add_source(self) -> None:
        entry = self.spec["source"]
        node = self.source_iri
        g = self.graph
        g.add((node, RDF.type, FP.Document))
        g.add((node, RDF.type, FP[entry.get("type", "Document")]))
        self.labels(node, entry)
        for lang in ("sv", "en"):
            g.add((node, DCTERMS.title, Literal(entry[lang], lang=lang)))
        g.add((node, FP.sourceFile, Literal(entry["file"])))
        g.add((node, FP.characterCount, Literal(len(self.raw))))
        g.add((node, FP.sha256, Literal(hashlib.sha256(self.raw_bytes).hexdigest())))
        g.add((node, DCTERMS.language, Literal("sv")))
        self.mention(node, entry, "source")

    def add_scheme(self) -> None:
        g = self.graph
        scheme = ID[self.spec["scheme"]["id"]]
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        self.labels(scheme, self.spec["scheme"])
        self.mention(scheme, self.spec["scheme"], "scheme")
        for ga in self.spec.get("goal_area", []):
            node = ID[f"goal/{ga['code']}"]
            g.add((node, RDF.type, SKOS.Concept))
            g.add((node, RDF.type, FP.GoalArea))
            g.add((node, SKOS.notation, Literal(ga["code"])))
            g.add((node, SKOS.inScheme, scheme))
            g.add((node, SKOS.topConceptOf, scheme))
            g.add((scheme, SKOS.hasTopConcept, node))
            self.labels(node, ga)
            self.mention(node, ga, f"goal area {ga['code']}")
        for st in self.spec.get("strategy", []):
            notation = st["notation"]
            node = ID[f"strategy/{notation}"]
            g.add((node, RDF.type, SKOS.Concept))
            g.add((node, RDF.type, FP.Strategy))
            g.add((node, SKOS.notation, Literal(notation)))
            g.add((node, SKOS.inScheme, scheme))
            self.labels(node, st)
            self.mention(node, st, f"strategy {notation}")
            goal = self.iri(f"goal/{notation.split('.')[0]}", f"strategy {notation}")
            self.assert_fact(node, SKOS.broader, goal, st, f"strategy {notation}")

    def add_node(self, entry: dict) -> None:
        name = entry["id"]
        kind = entry.get("type")
        if kind not in CURATION_TYPES:
            raise CurationError(f"{self.spec_name}: node {name}: unknown type {kind!r}")
        node = ID[name]
        g = self.graph
        classes = (str(FP[kind]), *CURATION_TYPES[kind])
        for cls in classes:
            g.add((node, RDF.type, URIRef(cls)))
        found = classify(classes)
        if found is not None and found.name == "document":
            for lang in ("sv", "en"):
                g.add((node, DCTERMS.title, Literal(entry[lang], lang=lang)))
        self.labels(node, entry)
        self.mention(node, entry, f"node {name}")

    def add_fact(self, entry: dict, name: str) -> None:
        for key in ("s", "p", "quote"):
            if key not in entry:
                raise CurationError(f"{self.spec_name}: {name}: missing {key!r}")
        s = self.iri(entry["s"], name)
        p = URIRef(expand(entry["p"]))
        if "o" in entry:
            o = self.iri(entry["o"], name)
        elif "value" in entry:
            if "lang" in entry:
                o = Literal(entry["value"], lang=entry["lang"])
            else:
                o = Literal(entry["value"], datatype=URIRef(expand(entry.get("datatype", "xsd:string"))))
        else:
            raise CurationError(f"{self.spec_name}: {name}: needs 'o' or 'value'")
        self.assert_fact(s, p, o, entry, name)


def curate(spec_path: str | Path, data_dir: str | Path | None = None) -> Graph:
    """Build the graph for the curation file ``spec_path``; the raw file is resolved under ``data_dir``."""
    spec_path = Path(spec_path)
    try:
        spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{spec_path}: {exc}") from exc
    base = Path(data_dir) if data_dir else spec_path.parent.parent
    raw_path = base / spec["source"]["file"]
    raw_bytes = raw_path.read_bytes()
    return Curator(spec, raw_bytes.decode("utf-8"), raw_bytes, str(spec_path)).build()
