"""SHACL validation against ``ontology/shapes.ttl`` (must) and ``shapes-recommended.ttl`` (should), in pyoxigraph.

Every shape is compiled once into SPARQL SELECT queries that return the focus node (and the offending value) of
each result; the queries run in a pyoxigraph store holding the data. Core constraints are translated component by
component (:func:`_compile_core`); SHACL-SPARQL constraints (``sh:sparql``) run once per shape with ``$this`` left
free and the target joined in. pyshacl on an rdflib graph took 1.1 s at 10k triples and needs an rdflib copy of
the data (≈1.5 GB at 1M); these queries take a fraction of that and run where the data already is
(docs/validation.md has the measurements). A constraint component the compiler does not know is an error when the
shapes are read, never a silently skipped check. ``tests/test_validate.py`` pins every example's exact verdict
and checks the focus nodes against pyshacl.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from graph.errors import FardplanError, Violation
from graph.rdf.terms import to_ox
from graph.settings import ONTOLOGY_DIR

__all__ = ["SHAPE_FILES", "Check", "checks", "compile_shapes", "errors_only", "shapes_graph", "validate_graph",
           "validate_store"]

SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = "http://www.w3.org/2001/XMLSchema#"
SHAPE_FILES = ("shapes.ttl", "shapes-recommended.ttl")
TYPE_OF = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
CASTS = {XSD + n for n in ("integer", "decimal", "float", "double", "boolean", "dateTime", "string")}
# Shape-graph predicates the compiler reads or that carry no constraint (names, documentation, grouping).
_KNOWN = {SH[n] for n in (
    "path", "property", "targetClass", "targetSubjectsOf", "targetNode", "severity", "message", "name",
    "description", "sparql", "minCount", "maxCount", "in", "class", "pattern", "flags", "datatype",
    "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "lessThan", "nodeKind", "languageIn",
    "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "order", "group", "deactivated",
    "prefixes", "declare", "prefix", "namespace")} | {RDF.type}


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT binding ``?this`` (and ``?value`` where there is one value per result),
    the message (``{?var}`` filled from the solution), the severity and the property path it is about."""

    shape: str
    query: str
    message: str
    severity: str
    path: str | None = None


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """All shapes, must and should, parsed once."""
    graph = Graph()
    for name in SHAPE_FILES:
        graph.parse(ONTOLOGY_DIR / name)
    return graph


def _term(node: Node) -> str:
    """An rdflib term in SPARQL (N-Triples) syntax."""
    return str(to_ox(node))


def _string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid SPARQL string literal (same escapes)


def _path(g: Graph, path: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return _term(path)
    if (path, RDF.first, None) in g:
        return "(" + "/".join(_path(g, p) for p in Collection(g, path)) + ")"
    if (inverse := g.value(path, SH.inversePath)) is not None:
        return "^(" + _path(g, inverse) + ")"
    if (alternative := g.value(path, SH.alternativePath)) is not None:
        return "(" + "|".join(_path(g, p) for p in Collection(g, alternative)) + ")"
    for kind, op in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        if (inner := g.value(path, kind)) is not None:
            return "(" + _path(g, inner) + ")" + op
    raise FardplanError(f"shapes: unsupported sh:path {path}")


def _target(g: Graph, shape: Node) -> str | None:
    """The shape's focus nodes as a group binding ``?this`` once each, or None when it has no target."""
    parts = [f"{{ ?this {TYPE_OF} {_term(c)} }}" for c in g.objects(shape, SH.targetClass)]
    parts += [f"{{ ?this {_term(p)} [] }}" for p in g.objects(shape, SH.targetSubjectsOf)]
    parts += [f"{{ VALUES ?this {{ {_term(n)} }} }}" for n in g.objects(shape, SH.targetNode)]
    if not parts:
        return None
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"


def _value_condition(g: Graph, shape: Node, v: str) -> list[str]:
    """SPARQL expressions that are true when value ``v`` conforms, one per value-type constraint of ``shape``."""
    conds = []
    for o in g.objects(shape, SH["in"]):
        conds.append("(" + " || ".join(f"sameTerm({v}, {_term(x)})" for x in Collection(g, o)) + ")")
    for c in g.objects(shape, SH["class"]):
        conds.append(f"EXISTS {{ {v} {TYPE_OF} {_term(c)} }}")
    for p in g.objects(shape, SH.pattern):
        flags = g.value(shape, SH.flags)
        conds.append(f"(!isBlank({v}) && REGEX(STR({v}), {_string(str(p))}, {_string(str(flags or ''))}))")
    for d in g.objects(shape, SH.datatype):
        well_formed = f" && COALESCE({_term(d)}({v}) = {_term(d)}({v}), false)" if str(d) in CASTS else ""
        conds.append(f"(isLiteral({v}) && sameTerm(DATATYPE({v}), {_term(d)}){well_formed})")
    for name, op in (("minInclusive", ">="), ("maxInclusive", "<="), ("minExclusive", ">"), ("maxExclusive", "<")):
        for bound in g.objects(shape, SH[name]):
            conds.append(f"COALESCE({v} {op} {_term(bound)}, false)")
    for kind in g.objects(shape, SH.nodeKind):
        tests = {SH.IRI: "isIRI", SH.BlankNode: "isBlank", SH.Literal: "isLiteral"}
        names = {SH.BlankNodeOrIRI: ("BlankNode", "IRI"), SH.BlankNodeOrLiteral: ("BlankNode", "Literal"),
                 SH.IRIOrLiteral: ("IRI", "Literal")}.get(kind, (str(kind).rsplit("#", 1)[-1],))
        conds.append("(" + " || ".join(f"{tests[SH[n]]}({v})" for n in names) + ")")
    for o in g.objects(shape, SH.languageIn):
        tags = " || ".join(f"langMatches(LANG({v}), {_string(str(t))})" for t in Collection(g, o))
        conds.append(f"(isLiteral({v}) && ({tags}))")
    return conds


def _message(g: Graph, shape: Node, default: str) -> str:
    messages = [m for m in g.objects(shape, SH.message) if isinstance(m, Literal)]
    return next((str(m) for m in messages if m.language == "en"), str(messages[0]) if messages else default)


def _severity(g: Graph, shape: Node) -> str:
    return str(g.value(shape, SH.severity) or SH.Violation).rsplit("#", 1)[-1]


def _compile_property(g: Graph, node_shape: Node, prop: Node, target: str) -> list[Check]:
    """The checks of one property shape applied to the targets of ``node_shape``."""
    unknown = {p for p, _ in g.predicate_objects(prop)} - _KNOWN
    if unknown:
        raise FardplanError(f"shapes: {prop}: unsupported constraint(s) {', '.join(sorted(map(str, unknown)))}")
    path = _path(g, g.value(prop, SH.path))
    path_iri = str(g.value(prop, SH.path)) if isinstance(g.value(prop, SH.path), URIRef) else None
    name = str(node_shape).rsplit("#", 1)[-1] + "/" + (str(prop).rsplit("#", 1)[-1] if not isinstance(prop, BNode)
                                                          else path_iri.rsplit("#", 1)[-1] if path_iri else "path")
    message, severity = _message(g, prop, f"{name} not satisfied"), _severity(g, prop)

    def check(query: str) -> Check:
        return Check(name, query, message, severity, path_iri)

    def counted(condition: str, test: str) -> Check:
        inner = f"OPTIONAL {{ ?this {path} ?v {condition} }}"
        return check(f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?v) AS ?c) WHERE {{ {target} {inner} }} "
                     f"GROUP BY ?this }} FILTER ({test}) }}")

    def cardinality(condition: str, low: Node | None, high: Node | None) -> list[Check]:
        tests = [f"?c < {int(low)}"] if low is not None and int(low) > 0 else []
        tests += [f"?c > {int(high)}"] if high is not None else []
        if tests == ["?c < 1"] and not condition:  # the common case as an anti-join, cheaper than counting
            return [check(f"SELECT ?this WHERE {{ {target} OPTIONAL {{ ?this {path} ?v }} FILTER (!BOUND(?v)) }}")]
        return [counted(condition, " || ".join(tests))] if tests else []

    # min and max share one message and report no value, so one count answers both
    found = cardinality("", g.value(prop, SH.minCount), g.value(prop, SH.maxCount))
    for cond in _value_condition(g, prop, "?value"):
        found.append(check(f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value . FILTER (!({cond})) }}"))
    for other in g.objects(prop, SH.lessThan):
        found.append(check(f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value . ?this {_term(other)} ?o . "
                           f"FILTER (!COALESCE(?value < ?o, false)) }}"))
    if (qualified := g.value(prop, SH.qualifiedValueShape)) is not None:
        unknown = {p for p, _ in g.predicate_objects(qualified)} - _KNOWN
        if unknown or (qualified, SH.property, None) in g:
            raise FardplanError(f"shapes: {prop}: unsupported qualified value shape")
        cond = "FILTER (" + " && ".join(_value_condition(g, qualified, "?v") or ["true"]) + ")"
        found += cardinality(cond, g.value(prop, SH.qualifiedMinCount), g.value(prop, SH.qualifiedMaxCount))
    return found


def _compile_sparql(g: Graph, shape: Node, constraint: Node, target: str) -> Check:
    """A SHACL-SPARQL constraint with ``$this`` free and the shape's targets joined in first."""
    select = str(g.value(constraint, SH.select))
    prefixes = "".join(
        f"PREFIX {g.value(decl, SH.prefix)}: <{g.value(decl, SH.namespace)}>\n"
        for decl in g.objects(g.value(constraint, SH.prefixes), SH.declare)
    )
    body = select.replace("$this", "?this")
    query = re.sub(r"WHERE\s*\{", "WHERE {\n" + target + "\n", body, count=1)
    return Check(str(shape).rsplit("#", 1)[-1] + "/sparql", prefixes + query, _message(g, constraint, ""),
                 _severity(g, shape))


@lru_cache(maxsize=1)
def checks() -> tuple[Check, ...]:
    """Every shape of ``ontology/`` compiled to SPARQL (cached: the shapes do not change while the process runs)."""
    return compile_shapes(shapes_graph())


def compile_shapes(g: Graph) -> tuple[Check, ...]:
    """Every shape of the shapes graph ``g`` as SPARQL checks; an unsupported constraint is a FardplanError."""
    found: list[Check] = []
    shapes = sorted({s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetNode) for s in g.subjects(p, None)},
                    key=str)
    for shape in shapes:
        if (shape, SH.deactivated, Literal(True)) in g:
            continue
        target = _target(g, shape)
        unknown = {p for p, _ in g.predicate_objects(shape)} - _KNOWN
        if unknown or (shape, SH.path, None) in g:
            raise FardplanError(f"shapes: {shape}: unsupported constraint(s) {', '.join(sorted(map(str, unknown)))}")
        for cond in _value_condition(g, shape, "?this"):  # node-level value constraints (none in our shapes yet)
            found.append(Check(str(shape), f"SELECT ?this WHERE {{ {target} FILTER (!({cond})) }}",
                               _message(g, shape, "node constraint not satisfied"), _severity(g, shape)))
        for prop in g.objects(shape, SH.property):
            found += _compile_property(g, shape, prop, target)
        for constraint in g.objects(shape, SH.sparql):
            found.append(_compile_sparql(g, shape, constraint, target))
    return tuple(found)


def _fill(message: str, solution: ox.QuerySolution) -> str:
    def value(match: re.Match) -> str:
        term = solution[match.group(1)]
        return term.value if term is not None else ""

    return re.sub(r"\{\?(\w+)\}", value, message)


def validate_store(store: ox.Store, union: bool = False,
                   keep: Callable[[ox.NamedNode | ox.BlankNode], bool] | None = None) -> list[Violation]:
    """Every SHACL result for the data in ``store`` (its default graph, or with ``union`` all its graphs as one),
    violations and warnings, sorted by severity then focus node; ``keep(focus)`` false drops a focus node's."""
    found: dict[tuple, Violation] = {}
    for check in checks():
        solutions = store.query(check.query, use_default_graph_as_union=union)
        has_value = any(var.value == "value" for var in solutions.variables)
        for solution in solutions:
            if keep is not None and not keep(solution["this"]):
                continue
            value = solution["value"] if has_value else None
            v = Violation(focus=solution["this"].value, message=_fill(check.message, solution), path=check.path,
                          value=value.value if value is not None else None, severity=check.severity)
            found.setdefault((v.focus, v.message, v.path, v.value, v.severity), v)
    return sorted(found.values(), key=lambda v: (v.severity != "Violation", v.focus, v.message, v.value or ""))


def validate_graph(data: Graph) -> list[Violation]:
    """Every SHACL result for an rdflib graph (copied into an in-memory pyoxigraph store)."""
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in data)
    return validate_store(store)


def errors_only(results: list[Violation]) -> list[Violation]:
    """The results that block a load (severity Violation)."""
    return [r for r in results if r.severity == "Violation"]
