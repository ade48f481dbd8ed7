"""The store: the only module that talks to a triplestore.

One interface, three kinds, chosen by a store URL:

* ``oxigraph:PATH`` — embedded pyoxigraph on disk (the default);
* ``memory`` — embedded pyoxigraph in memory;
* ``http(s)://…`` — any SPARQL 1.1 endpoint (query URL; the update URL is derived or given).

Every kind answers queries with pyoxigraph terms, so the code above it never sees which kind it has.
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import StoreError
from graph.store.base import Bounded, QueryAnswer, Solutions, Store, query_error, with_values
from graph.store.embedded import EmbeddedStore
from graph.store.remote import RemoteStore, derive_update_url

__all__ = ["Bounded", "EmbeddedStore", "QueryAnswer", "RemoteStore", "Solutions", "Store", "derive_update_url",
           "open_store", "query_error", "with_values"]


def open_store(url: str, update_url: str | None = None, base_dir: str | Path | None = None) -> Store:
    """Open the store a URL names; a relative ``oxigraph:`` path is taken under ``base_dir`` (or the cwd)."""
    if url == "memory":
        return EmbeddedStore()
    if url.startswith("oxigraph:"):
        path = Path(url[len("oxigraph:"):])
        if not str(path):
            raise StoreError("oxigraph: needs a path, e.g. oxigraph:.fardplan/store")
        if not path.is_absolute():
            path = Path(base_dir or Path.cwd()) / path
        return EmbeddedStore(path)
    if url.startswith(("http://", "https://")):
        return RemoteStore(url, update_url)
    raise StoreError(f"unknown store URL {url!r}: use oxigraph:PATH, memory, or http(s)://host/query")
