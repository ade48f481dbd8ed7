"""Writing a page's state into the URL's query, as every page does: only while the browser is still on that page,
and only when the URL does not already say it (:func:`ui.urls.search_update`)."""

from __future__ import annotations

from dash import State, no_update

from ui import ids
from ui.urls import search_update

__all__ = ["URL_NOW", "url_write"]

URL_NOW = (State(ids.URL, "pathname"), State(ids.URL, "search"))  # where the browser is: the last two arguments


def url_write(page: str, search: str, pathname: str | None, current: str | None):
    """``search`` for ``Output(ids.URL, "search")``, or ``no_update``."""
    wanted = search_update(page, search, pathname, current)
    return no_update if wanted is None else wanted
