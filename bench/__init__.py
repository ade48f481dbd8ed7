"""Benchmarks for Färdplan Explorer at city scale (issue #6): a synthetic city and ``python -m bench``.

:mod:`bench.run` is the command line and the section registry, :mod:`bench.common` what the sections share,
:mod:`bench.sections` one module per section (with :mod:`bench.under_load` and :mod:`bench.browser`, which also
run alone), :mod:`bench.report` the Markdown report, :mod:`bench.measure` the timing helpers,
:mod:`bench.servers` the servers and load generators, :mod:`bench.synthetic` the synthetic city.
"""

__all__: list[str] = []
