"""The pages: one module a page, layout only (``PATH``, ``TITLE``, ``layout(ctx, lang, **query)``).

A page never imports its callbacks; :mod:`ui.app` pairs each page with the ``register`` function of
:mod:`ui.callbacks` that serves it.
"""
