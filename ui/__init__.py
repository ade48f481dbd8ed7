"""The Dash UI of Färdplan Explorer: thin layouts and callbacks over pure functions of :mod:`graph`.

Adding a page (one line): write ``ui/pages/NAME.py`` and append the module to ``PAGE_MODULES`` in
``ui/pages/__init__.py``. A page module has

* ``PATH`` — its URL path, e.g. ``"/aktorer"`` (``"/"`` is the explorer);
* ``TITLE = {"sv": ..., "en": ...}`` — its nav-bar link text;
* ``layout(ctx, lang="sv", **query) -> component`` — the page built from the URL query (every query key arrives
  as a keyword argument; ignore the ones you do not know). The whole view state lives in the query string;
* ``register_callbacks(app, ctx)`` — registers the page's callbacks with ``@app.callback`` (never the global
  ``dash.callback``, so tests can build fresh apps). Component ids go in the page's own ids module or
  :mod:`ui.ids`, prefixed with the page name.

Adding HTTP routes (a Flask blueprint, e.g. ``/sparql`` or ``/id/...``): append a module to ``ROUTE_MODULES``
in ``ui/pages/__init__.py``; it has ``register_routes(server, ctx)`` and registers its blueprint on the Flask
``server``.

``ctx`` is a :class:`ui.app.AppContext`: ``ctx.store`` (the :class:`graph.store.Store`), ``ctx.settings``
(:class:`graph.settings.Settings`), ``ctx.index`` (the cached explorer index) and ``ctx.cached(name, build)``
for any other per-app cache (``build(store)`` runs once).

The shell (``ui/app.py``) holds the ``dcc.Location`` ``ids.URL`` and routes on the path and the ``lang`` query
value only: a page may write ``Output(ids.URL, "search")`` to keep its state in the URL without being rebuilt.
The nav bar has a link per page and the sv/en toggle (``?lang=en``; Swedish is the default).
"""
