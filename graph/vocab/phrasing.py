"""How answers read: an entity's name and a route's steps as one line of text, in Swedish or English.

Pure functions of the plain dicts :mod:`graph.service.planner` returns, shared by the CLI tables and the UI.
"""

from __future__ import annotations

__all__ = ["name_of", "path_text", "short_name", "step_text"]


def name_of(entity: dict, lang: str) -> str:
    """The entity's label in ``lang`` (Swedish by default)."""
    return (entity.get("label_en") if lang == "en" else None) or entity["label"]


def short_name(entity: dict, lang: str) -> str:
    """A strategy's or goal area's notation, else its label in ``lang``."""
    if entity.get("type") in ("strategy", "goal_area") and entity.get("notation"):
        return entity["notation"]
    return name_of(entity, lang)


def step_text(step: dict, lang: str, first: bool = True) -> str:
    """``Polisen — deltar i → Sociala insatsgruppen`` (or ``← … —`` for an edge walked backwards).

    >>> step = {"from": {"label": "Polisen"}, "to": {"label": "Sociala insatsgruppen"}, "direction": "forward",
    ...         "relation": {"label": "deltar i", "label_en": "participates in"}}
    >>> step_text(step, "en")
    'Polisen — participates in → Sociala insatsgruppen'
    """
    relation = name_of(step["relation"], lang)
    arrow = f" — {relation} → " if step["direction"] == "forward" else f" ← {relation} — "
    return (short_name(step["from"], lang) if first else "") + arrow + short_name(step["to"], lang)


def path_text(steps: list[dict], lang: str) -> str:
    """A whole route or path as one readable line."""
    return "".join(step_text(s, lang, first=i == 0) for i, s in enumerate(steps))
