"""``fardplan actors | shared | path | gaps | brokers``: collaboration analytics on the command line.

Thin: resolve arguments, call one :mod:`graph.planner` function, print its dict as JSON or as a text table.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from types import ModuleType

FORMATS = ("table", "json")
MODES = {"stated": "uttalat", "interpreted": "tolkat"}


def _open(args: argparse.Namespace):
    from .cli import _store  # cli imports this module: import its helper when a command runs

    return _store(args)


def _planner() -> ModuleType:
    from . import planner  # networkx is imported only when an analysis command runs

    return planner


def _name(e: dict) -> str:
    return f"{e['notation']} {e['label']}" if e.get("notation") and e.get("type") == "strategy" else e["label"]


def _modes(route: dict) -> str:
    return ", ".join(f"{s['relation']['label']}: {MODES.get(s['mode'], s['mode'] or '?')}" for s in route["steps"])


def _emit(args: argparse.Namespace, result: dict, table: Callable[[dict], list[str]]) -> int:
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print("\n".join(table(result)))
    return 0


def _actors_table(r: dict) -> list[str]:
    lines = [f"{_name(r['strategy'])}  <{r['strategy']['iri']}>", f"{len(r['actors'])} actor(s) reach it:"]
    for actor in r["actors"]:
        lines.append(f"  {actor['label']}  <{actor['iri']}>")
        lines += [f"      {route['text']}  [{_modes(route)}]" for route in actor["routes"]]
    return lines


def _shared_table(r: dict) -> list[str]:
    a, b = r["actors"]
    lines = [f"{a['label']} and {b['label']} share {len(r['projects'])} project(s) and "
             f"{len(r['strategies'])} strateg{'y' if len(r['strategies']) == 1 else 'ies'} (weight {r['weight']})"]
    lines += ["Projects:"] + [f"  {p['label']}  <{p['iri']}>" for p in r["projects"]] if r["projects"] else []
    if r["strategies"]:
        lines.append("Strategies:")
        for s in r["strategies"]:
            lines.append(f"  {_name(s)}  <{s['iri']}>")
            lines += [f"      {route['text']}  [{_modes(route)}]" for route in s["routes"]]
    return lines


def _path_table(r: dict) -> list[str]:
    head = f"{_name(r['source'])} → {_name(r['target'])}: "
    if not r["paths"]:
        return [head + "not connected"]
    lines = [head + f"{len(r['paths'])} shortest connection(s) of {r['length']} step(s)"]
    for i, path in enumerate(r["paths"], start=1):
        lines.append(f"{i}. {path['text']}")
        for step in path["steps"]:
            assertion = f"  <{step['assertion']['iri']}>" if step["assertion"] else ""
            lines.append(f"     {step['text']}  [{MODES.get(step['mode'], step['mode'] or '?')}]{assertion}")
            if step["passage"]:
                lines.append(f"        \"{' '.join(step['passage']['text'].split())}\"")
    return lines


def _gaps_table(r: dict) -> list[str]:
    lines = ["Coverage per goal area (strategies / with projects / reached by actors):"]
    lines += [f"  {c['notation']:4} {c['label']:30} {c['strategies']:3} {c['with_projects']:3} {c['with_actors']:3}"
              for c in r["coverage"]]
    for key, title in (("strategies_without_projects", "Strategies without projects"),
                       ("strategies_without_actors", "Strategies no actor reaches")):
        lines.append(f"{title} ({len(r[key])}):")
        lines += [f"  {_name(s)}" for s in r[key]]
    lines.append(f"Actors reaching only one strategy ({len(r['single_strategy_actors'])}):")
    lines += [f"  {a['label']:30} {_name(a['strategy'])}" for a in r["single_strategy_actors"]]
    return lines


def _brokers_table(r: dict) -> list[str]:
    lines = [f"Actors by betweenness ({r['method']['betweenness']}) in the network of {r['method']['network']}:",
             f"  {'#':>3}  {'actor':30} {'betweenness':>11} {'weighted':>8} {'partners':>8} {'community':>9}"]
    lines += [f"  {a['rank']:>3}  {a['label'][:30]:30} {a['betweenness']:11.4f} {a['weighted_degree']:8} "
              f"{a['degree']:8} {a['community'] if a['community'] is not None else '-':>9}" for a in r["actors"]]
    lines.append("Communities (Louvain):")
    lines += [f"  {c['index']}: " + ", ".join(m["label"] for m in c["members"]) for c in r["communities"]]
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
