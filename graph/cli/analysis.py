"""``fardplan actors | shared | path | gaps | brokers``: collaboration analytics on the command line.

Thin: resolve arguments, call one :mod:`graph.service.planner` function, print its dict as JSON or as a text table.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from types import ModuleType

from graph.cli.common import open_store_for
from graph.vocab.phrasing import name_of, path_text, step_text

__all__ = ["FORMATS", "MODES", "WORDS", "add_commands", "cmd_actors", "cmd_brokers", "cmd_gaps", "cmd_path",
           "cmd_shared"]

FORMATS = ("table", "json")
MODES = {"stated": ("uttalat", "stated"), "interpreted": ("tolkat", "interpreted")}
# The words of the tables, Swedish and English.
WORDS: dict[str, tuple[str, str]] = {
    "reach": ("{n} aktör(er) når strategin:", "{n} actor(s) reach it:"),
    "serving": ("Projekt som bidrar till strategin ({n}):", "Projects serving the strategy ({n}):"),
    "no_actor": ("ingen aktör i svaret", "no actor in the reply"),
    "actors_in": ("aktörer: {names}", "actors: {names}"),
    "shares": ("{a} och {b} delar {p} projekt och {s} strategi(er)", "{a} and {b} share {p} project(s) and "
               "{s} strateg(ies)"),
    "shared_projects": ("Gemensamma projekt (arbete tillsammans):", "Shared projects (joint work):"),
    "shared_strategies": ("Gemensamma strategier (samma mål, inte nödvändigtvis samarbete):",
                          "Shared strategies (a common aim, not necessarily joint work):"),
    "not_connected": ("inte förbundna", "not connected"),
    "connections": ("{n} kortaste förbindelse(r) i {k} steg", "{n} shortest connection(s) of {k} step(s)"),
    "coverage": ("Täckning per målområde (strategier / med projekt / nådda av aktörer):",
                 "Coverage per goal area (strategies / with projects / reached by actors):"),
    "without_projects": ("Strategier utan projekt", "Strategies without projects"),
    "without_actors": ("Strategier som ingen aktör når", "Strategies no actor reaches"),
    "without_either": ("Strategier varken med projekt eller aktör", "Strategies with neither project nor actor"),
    "single": ("Aktörer som bara når en strategi", "Actors reaching only one strategy"),
    "brokers": ("Aktörer efter mellanhandsroll ({method}) i nätverket av {network}:",
                "Actors by betweenness ({method}) in the network of {network}:"),
    "network": ("aktörer som delar projekt eller uttryckligen samverkar",
                "actors sharing projects or collaborating explicitly"),
    "columns": ("#  aktör  mellanhandsroll  viktad grad  partner  grupp",
                "#  actor  betweenness  weighted  partners  community"),
    "communities": ("Grupper (Louvain):", "Communities (Louvain):"),
    "quote": ("citat", "quote"),
    "restored": ("återställd läsning", "restored reading"),
    "reason": ("skäl", "reason"),
    "sampled": ("urval k={k}", "sampled k={k}"),
    "exact": ("exakt", "exact"),
}


def _t(args: argparse.Namespace, key: str, **values: object) -> str:
    text = WORDS[key][0 if getattr(args, "lang", "sv") == "sv" else 1]
    return text.format(**values) if values else text


def _open(args: argparse.Namespace):
    return open_store_for(args)


def _planner() -> ModuleType:
    from graph.service import planner

    return planner


def _label(e: dict, lang: str) -> str:
    return name_of(e, lang)


def _name(e: dict, lang: str = "sv") -> str:
    label = _label(e, lang)
    return f"{e['notation']} {label}" if e.get("notation") and e.get("type") == "strategy" else label


def _mode(mode: str, lang: str) -> str:
    return MODES.get(mode, ("?", "?"))[0 if lang == "sv" else 1] if mode else "?"


def _modes(route: dict, lang: str) -> str:
    return ", ".join(f"{_label(s['relation'], lang)}: {_mode(s['mode'], lang)}" for s in route["steps"])


def _evidence(args: argparse.Namespace, step: dict, indent: str) -> list[str]:
    """A step's quote as the raw text and, marked, its restored reading; the reason of an interpretation."""
    lines = []
    passage = step.get("passage")
    if passage and passage.get("text"):
        raw = " ".join(passage["text"].split())
        lines.append(f"{indent}{_t(args, 'quote')}: \"{raw}\"  [{passage['start']}–{passage['end']}]")
        restored = " ".join((passage.get("restored") or "").split())
        if restored and restored != raw:
            lines.append(f"{indent}{_t(args, 'restored')}: \"{restored}\"")
    reason = step.get("reason")
    if reason:
        text = reason["sv"] if args.lang == "sv" else reason["en"] or reason["sv"]
        lines.append(f"{indent}{_t(args, 'reason')}: {text}")
    return lines


def _route_lines(args: argparse.Namespace, route: dict, indent: str) -> list[str]:
    lines = [f"{indent}{path_text(route['steps'], args.lang)}  [{_modes(route, args.lang)}]"]
    for step in route["steps"]:
        lines += _evidence(args, step, indent + "    ")
    return lines


def _emit(args: argparse.Namespace, result: dict, table: Callable[[argparse.Namespace, dict], list[str]]) -> int:
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print("\n".join(table(args, result)))
    return 0


def _actors_table(args: argparse.Namespace, r: dict) -> list[str]:
    lang = args.lang
    lines = [f"{_name(r['strategy'], lang)}  <{r['strategy']['iri']}>", _t(args, "reach", n=len(r["actors"]))]
    for actor in r["actors"]:
        lines.append(f"  {_label(actor, lang)}  <{actor['iri']}>")
        for route in actor["routes"]:
            lines += _route_lines(args, route, "      ")
    lines.append(_t(args, "serving", n=len(r["projects"])))
    for project in r["projects"]:
        names = ", ".join(_label(a, lang) for a in project["actors"])
        who = _t(args, "actors_in", names=names) if names else _t(args, "no_actor")
        lines.append(f"  {_label(project, lang)}  <{project['iri']}>  ({who})")
        step = project["step"]
        lines.append(f"      {step_text(step, lang)}  [{_label(step['relation'], lang)}: {_mode(step['mode'], lang)}]")
        lines += _evidence(args, step, "          ")
    return lines


def _shared_table(args: argparse.Namespace, r: dict) -> list[str]:
    lang = args.lang
    a, b = r["actors"]
    lines = [_t(args, "shares", a=_label(a, lang), b=_label(b, lang), p=r["counts"]["projects"],
                s=r["counts"]["strategies"])]
    if r["projects"]:
        lines.append(_t(args, "shared_projects"))
        lines += [f"  {_label(p, lang)}  <{p['iri']}>" for p in r["projects"]]
    if r["strategies"]:
        lines.append(_t(args, "shared_strategies"))
        for s in r["strategies"]:
            lines.append(f"  {_name(s, lang)}  <{s['iri']}>")
            for route in s["routes"]:
                lines += _route_lines(args, route, "      ")
    return lines


def _path_table(args: argparse.Namespace, r: dict) -> list[str]:
    lang = args.lang
    head = f"{_name(r['source'], lang)} → {_name(r['target'], lang)}: "
    if not r["paths"]:
        return [head + _t(args, "not_connected")]
    lines = [head + _t(args, "connections", n=len(r["paths"]), k=r["length"])]
    for i, path in enumerate(r["paths"], start=1):
        lines.append(f"{i}. {path_text(path['steps'], lang)}")
        for step in path["steps"]:
            assertion = f"  <{step['assertion']['iri']}>" if step["assertion"] else ""
            lines.append(f"     {step_text(step, lang)}  [{_mode(step['mode'], lang)}]{assertion}")
            lines += _evidence(args, step, "        ")
    return lines


def _gaps_table(args: argparse.Namespace, r: dict) -> list[str]:
    lang = args.lang
    width = max((len(_label(c, lang)) for c in r["coverage"]), default=0)
    lines = [_t(args, "coverage")]
    lines += [f"  {c['notation']:4} {_label(c, lang):{width}} {c['strategies']:3} {c['with_projects']:3} "
              f"{c['with_actors']:3}" for c in r["coverage"]]
    for key, title in (("strategies_without_projects", "without_projects"),
                       ("strategies_without_actors", "without_actors"),
                       ("strategies_without_either", "without_either")):
        lines.append(f"{_t(args, title)} ({len(r[key])}):")
        lines += [f"  {_name(s, lang)}" for s in r[key]]
    single = r["single_strategy_actors"]
    lines.append(f"{_t(args, 'single')} ({len(single)}):")
    width = max((len(_label(a, lang)) for a in single), default=0)
    lines += [f"  {_label(a, lang):{width}}  {_name(a['strategy'], lang)}" for a in single]
    return lines


def _brokers_table(args: argparse.Namespace, r: dict) -> list[str]:
    lang = args.lang
    method = r["method"]["betweenness"]
    shown = (_t(args, "exact") if method == "exact" else _t(args, "sampled", k=method.rpartition("=")[2]))
    names = [_label(a, lang) for a in r["actors"]]
    width = max([len(n) for n in names] + [5])
    head = _t(args, "columns").split("  ")
    lines = [_t(args, "brokers", method=shown, network=_t(args, "network")),
             f"  {head[0]:>3}  {head[1]:{width}} {head[2]:>15} {head[3]:>11} {head[4]:>8} {head[5]:>9}"]
    lines += [f"  {a['rank']:>3}  {name:{width}} {a['betweenness']:15.4f} {a['weighted_degree']:11} "
              f"{a['degree']:8} {a['community'] if a['community'] is not None else '-':>9}"
              for a, name in zip(r["actors"], names, strict=True)]
    lines.append(_t(args, "communities"))
    lines += [f"  {c['index']}: " + ", ".join(_label(m, lang) for m in c["members"]) for c in r["communities"]]
    return lines


def cmd_actors(args: argparse.Namespace) -> int:
    return _emit(args, _planner().actors_for_strategy(_open(args), args.strategy), _actors_table)


def cmd_shared(args: argparse.Namespace) -> int:
    return _emit(args, _planner().shared_between(_open(args), args.a, args.b), _shared_table)


def cmd_path(args: argparse.Namespace) -> int:
    result = _planner().connections(_open(args), args.a, args.b, max_paths=args.max_paths,
                                 include_goal_areas=args.via_goal_areas)
    return _emit(args, result, _path_table)


def cmd_gaps(args: argparse.Namespace) -> int:
    return _emit(args, _planner().gaps(_open(args)), _gaps_table)


def cmd_brokers(args: argparse.Namespace) -> int:
    return _emit(args, _planner().brokers(_open(args), limit=args.limit, seed=args.seed), _brokers_table)


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the analysis commands with ``command(name, func, help_text)``, the helper of ``cli.build_parser``."""
    p = command("actors", cmd_actors, "actors sharing a strategy, directly or through projects")
    p.add_argument("strategy", help="notation (DT.VI), IRI, CURIE or label")
    p.add_argument("--format", choices=FORMATS, default="table")

    p = command("shared", cmd_shared, "projects and strategies two actors share")
    p.add_argument("a", metavar="ACTOR")
    p.add_argument("b", metavar="ACTOR")
    p.add_argument("--format", choices=FORMATS, default="table")

    p = command("path", cmd_path, "shortest connections between two nodes, as readable steps")
    p.add_argument("a", metavar="NODE")
    p.add_argument("b", metavar="NODE")
    p.add_argument("--max-paths", type=int, default=5, help="most connections to show (default 5)")
    p.add_argument("--via-goal-areas", action="store_true", help="also connect through goal-area membership")
    p.add_argument("--format", choices=FORMATS, default="table")

    p = command("gaps", cmd_gaps, "strategies without projects or actors, coverage per goal area")
    p.add_argument("--format", choices=FORMATS, default="table")

    p = command("brokers", cmd_brokers, "actors ranked by centrality in the collaboration network")
    p.add_argument("--limit", type=int, help="show only the first N actors")
    p.add_argument("--seed", type=int, default=0, help="seed of sampled betweenness and Louvain (default 0)")
    p.add_argument("--format", choices=FORMATS, default="table")
