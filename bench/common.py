"""What every section of ``python -m bench`` shares: sizes, the per-size :class:`Context`, the section result.

``parse_size`` and ``size_label`` read and write sizes such as ``10k`` and ``1M``; :class:`Context` holds one size's
synthetic city, its store and the command-line options; :func:`section_result` and :func:`skipped_result` build the
plain dict each section returns (what :mod:`bench.report` renders); the IRIs the sections ask about (a second hub,
the strategy DT.VI) and the query mix every SPARQL endpoint is sent (:func:`endpoint_mix`) are defined here once.
"""

from __future__ import annotations

import argparse
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.synthetic import HUB_IRI, SYN_IRI, City
from graph.store import EmbeddedStore
from graph.vocab.namespaces import FP_IRI, ID_IRI, PREFIXES

__all__ = ["ROOT", "HUB_IRI", "HUB2_IRI", "STRATEGY_IRI", "SEARCH_WORDS", "ENDPOINT_CANNED", "ENDPOINT_LOOKUPS",
           "Context", "parse_size", "size_label", "section_result", "skipped_result", "has_module", "endpoint_mix"]

ROOT = Path(__file__).resolve().parent.parent
HUB2_IRI = SYN_IRI + "org/arbetsformedlingen"
STRATEGY_IRI = ID_IRI + "strategy/DT.VI"
# Keystrokes typed into the search box: every prefix of each word is one search.
SEARCH_WORDS = ("kista", "polisen", "skarpnäck", "läxhjälp", "dt.v")
# What the endpoint benchmark sends: canned queries without parameters, and look-ups with constants written in
# (the same text to every server: a trailing VALUES row would make rdflib compute every pair first).
ENDPOINT_CANNED = ("strategies_per_goal_area", "gaps_strategies_without_projects", "projects_without_strategy")
ENDPOINT_LOOKUPS = {
    "label look-up": 'SELECT ?s WHERE {{ ?s <{skos}prefLabel> "Polisen"@sv }}',
    "describe hub (≤ 100 rows)": "SELECT ?p ?o WHERE {{ <{hub}> ?p ?o }} LIMIT 100",
    "hub's projects with labels": "SELECT ?p ?l WHERE {{ <{hub}> <{fp}participatesIn> ?p . "
                                  '?p <{skos}prefLabel> ?l FILTER(LANG(?l) = "sv") }}',
    "actors of a strategy via projects": "SELECT DISTINCT ?a WHERE {{ ?p <{fp}contributesTo> <{strategy}> . "
                                         "?a <{fp}runs>|<{fp}participatesIn>|<{fp}commissions> ?p }}",
    "provenance of one relation": "SELECT ?mode ?text WHERE {{ ?a <{rdf}subject> <{hub}> ; <{rdf}predicate> "
                                  "<{fp}participatesIn> ; <{rdf}object> <{project}> ; <{fp}mode> ?mode ; "
                                  "<{prov}wasDerivedFrom> ?x . ?x <{fp}exactText> ?text }}",
}


def parse_size(text: str) -> int:
    """``"10k"`` → 10000, ``"1M"`` → 1000000, ``"2500"`` → 2500."""
    text = text.strip().lower().replace("_", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if scale > 1 else text) * scale)


def size_label(size: int) -> str:
    """``1000000`` → ``"1M"``, ``100000`` → ``"100k"``."""
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1_000 and size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


@dataclass
class Context:
    """One size's data and settings, shared by the sections."""

    size: int
    runs: int
    city: City
    store: EmbeddedStore
    nt: Path
    workdir: Path
    args: argparse.Namespace
    project: str = ""
    small_actor: str = ""
    ox_ms: dict[str, float] = field(default_factory=dict)
    rdflib_graph: Any = None

    @property
    def label(self) -> str:
        return size_label(self.size)

    @property
    def rdflib_ok(self) -> bool:
        return self.size <= self.args.rdflib_max

    def runs_for(self, heavy: bool = False) -> int:
        """Fewer runs at 1M and for heavy steps, so the full benchmark stays within its time."""
        if self.size > self.args.rdflib_max:
            return 1 if heavy else min(self.runs, 3)
        return max(1, min(self.runs, 3)) if heavy else self.runs


def section_result(title: str, columns: list[str], rows: list[list[Any]], notes: list[str] | None = None,
                   metrics: dict[str, Any] | None = None) -> dict[str, Any]:
    """What a section returns: its table (``columns``, ``rows``), notes and raw ``metrics`` for the budgets."""
    return {"title": title, "columns": columns, "rows": rows, "notes": notes or [], "metrics": metrics or {}}


def skipped_result(title: str, reason: str) -> dict[str, Any]:
    """A section not measured because what it measures does not exist yet; the report gives ``reason``."""
    return {"title": title, "skipped": reason, "columns": [], "rows": [], "notes": [], "metrics": {}}


def has_module(module: str) -> bool:
    """Whether ``module`` can be imported (a missing parent package counts as missing)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def endpoint_mix(ctx: Context) -> tuple[list[str], list[str]]:
    """The query mix sent to every endpoint: the canned queries without parameters (:data:`ENDPOINT_CANNED`) and
    typical look-ups with their constants written in (:data:`ENDPOINT_LOOKUPS`), the same text for every server."""
    from graph.queries import catalogue

    canned = catalogue()
    names = [n for n in ENDPOINT_CANNED if n in canned and not canned[n].params]
    queries = [canned[n].text for n in names]
    values = {"hub": HUB_IRI, "strategy": STRATEGY_IRI, "project": ctx.project, "fp": FP_IRI,
              "skos": PREFIXES["skos"], "rdf": PREFIXES["rdf"], "prov": PREFIXES["prov"]}
    for name, text in ENDPOINT_LOOKUPS.items():
        names.append(name)
        queries.append(text.format(**values))
    return queries, names
