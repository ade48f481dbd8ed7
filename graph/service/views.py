"""Saved views for meetings: named, ordered links into the explorer, each with a short caption.

Stored in a JSON file beside the store (setting ``views_file``, default ``.fardplan/views.json``), not in the
graph: a saved view is the meeting's running order, not a fact about the Färdplan, so it must not show up in
SPARQL answers, exports or SHACL checks; a remote store may be read-only; and a file is written atomically
(a temporary file renamed over the old one) in a few microseconds. Writing is for the CLI (``fardplan views
add``) and, only with the setting ``views_editable``, the UI; reading is always allowed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from graph.errors import FardplanError
from graph.service.model import SavedView

__all__ = ["views_path", "list_views", "get_view", "add_view", "remove_view", "next_view", "VIEW_ID"]

VIEW_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_LOCK = threading.Lock()


def views_path(settings, base_dir: Path) -> Path:
    """The views file ``settings.views_file`` names (relative paths under ``base_dir``)."""
    path = Path(settings.views_file)
    return path if path.is_absolute() else base_dir / path


def list_views(path: Path) -> list[SavedView]:
    """``[{"id", "name", "url", "caption"}]`` in presentation order (none when the file does not exist)."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FardplanError(f"{path}:{exc.lineno}:{exc.colno}: not a valid views file: {exc.msg}") from None
    views = data.get("views") if isinstance(data, dict) else None
    if not isinstance(views, list):
        raise FardplanError(f"{path}: not a valid views file: no \"views\" list")
    return [{"id": v["id"], "name": v["name"], "url": v["url"], "caption": v.get("caption", "")} for v in views]


def get_view(path: Path, view_id: str) -> SavedView | None:
    """The saved view ``view_id``, or None."""
    return next((v for v in list_views(path) if v["id"] == view_id), None)


def next_view(views: list[SavedView], current: str | None, step: int) -> SavedView | None:
    """The view ``step`` places after (or, negative, before) ``current``; the first (or last) when ``current``
    is not one of them; None at either end or with no views."""
    if not views:
        return None
    ids = [v["id"] for v in views]
    if current not in ids:
        return views[0] if step > 0 else views[-1]
    i = ids.index(current) + step
    return views[i] if 0 <= i < len(views) else None


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:32] or "vy"


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        raise FardplanError(f"--url: a view is a path in the explorer such as /strategi?strategy=DT.VI, not {url!r}")
    return url


def _write(path: Path, views: list[SavedView]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".views-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"views": views}, out, ensure_ascii=False, indent=2)
    os.replace(tmp, path)


def add_view(path: Path, name: str, url: str, caption: str = "", position: int | None = None) -> SavedView:
    """Save a view named ``name`` (at ``position``, default last); its id is the name made URL-safe (a number
    added when taken). An existing view of the same name is an error."""
    if not name.strip():
        raise FardplanError("NAME: a view needs a name")
    _check_url(url)
    with _LOCK:
        views = list_views(path)
        if any(v["name"] == name for v in views):
            raise FardplanError(f"NAME: a view named {name!r} exists already (fardplan views remove {name!r})")
        base, taken = _slug(name), {v["id"] for v in views}
        view_id = base if base not in taken else next(f"{base}-{i}" for i in range(2, 10_000) if f"{base}-{i}"
                                                      not in taken)
        view: SavedView = {"id": view_id, "name": name, "url": url, "caption": caption}
        views.insert(len(views) if position is None else max(0, position), view)
        _write(path, views)
    return view


def remove_view(path: Path, name_or_id: str) -> SavedView:
    """Remove the view with this name or id; an unknown one is an error listing the views."""
    with _LOCK:
        views = list_views(path)
        found = next((v for v in views if name_or_id in (v["id"], v["name"])), None)
        if found is None:
            names = ", ".join(v["name"] for v in views) or "none"
            raise FardplanError(f"NAME: no saved view {name_or_id!r} (saved: {names})")
        _write(path, [v for v in views if v is not found])
    return found
