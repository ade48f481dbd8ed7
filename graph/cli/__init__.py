"""The ``fardplan`` command line: :func:`graph.cli.main.main` and one module per command group."""
