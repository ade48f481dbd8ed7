"""Callbacks: thin wrappers only.

A callback reads its inputs and ``ctx``, calls ONE pure function of :mod:`graph` (which returns plain data),
hands the result to a builder of ``ui/components/`` or ``ui/elements/``, and returns. No SPARQL, no graph
logic and no rdflib/pyoxigraph objects here; errors of the core become a message in the page, not a traceback.
"""
