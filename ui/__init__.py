"""The Dash UI of Färdplan Explorer: thin layouts and callbacks over pure functions of :mod:`graph`.

The rooms: :mod:`ui.app` (the factory and the shell; pairs each page with its callbacks), :mod:`ui.urls` (every
path and query string), ``ui/pages/`` (layout only), ``ui/callbacks/`` (thin wrappers), ``ui/components/``
(builders of Dash components from plain data), ``ui/elements/`` (cytoscape elements and stylesheets),
:mod:`ui.i18n` (every Swedish and English word), :mod:`ui.ids` (component ids).

Adding a page: write ``ui/pages/NAME.py`` with

* ``PATH`` — its URL path, a constant of :mod:`ui.urls` (``"/"`` is the explorer);
* ``TITLE = {"sv": ..., "en": ...}`` — its nav-bar link text;
* ``layout(ctx, lang="sv", **query) -> component`` — the page built from the URL query (every query key arrives
  as a keyword argument; ignore the ones you do not know). The whole view state lives in the query string;

then ``ui/callbacks/NAME.py`` with ``register(app, ctx)``, which registers the page's callbacks with
``@app.callback`` (never the global ``dash.callback``, so tests can build fresh apps), and add the pair to
``PAGES`` in :mod:`ui.app`. Component ids go in :mod:`ui.ids`, prefixed with the page name. Builders that the
layout and the callbacks share go in ``ui/components/`` (a page never imports its callbacks).

Adding HTTP routes (a Flask blueprint, e.g. ``/sparql`` or ``/id/...``): add a module with
``register_routes(server, ctx)`` to ``ROUTES`` in :mod:`ui.app`.

``ctx`` is a :class:`ui.app.AppContext`: ``ctx.store`` (the :class:`graph.store.Store`), ``ctx.settings``
(:class:`graph.settings.Settings`), ``ctx.index`` (the cached explorer index) and ``ctx.cached(name, build)``
for any other per-app cache (``build(store)`` runs once).

The shell (``ui/app.py``) holds the ``dcc.Location`` ``ids.URL`` and routes on the path and the ``lang`` query
value only: a page may write ``Output(ids.URL, "search")`` to keep its state in the URL without being rebuilt.
The nav bar has a link per page and the sv/en toggle (``?lang=en``; Swedish is the default).
"""
