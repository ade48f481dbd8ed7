"""The sections of ``python -m bench`` measured on one size's :class:`bench.common.Context`, one module each:
:mod:`~bench.sections.load`, :mod:`~bench.sections.queries`, :mod:`~bench.sections.analysis`,
:mod:`~bench.sections.explore` and :mod:`~bench.sections.endpoint` (the ``under_load`` and ``browser`` sections
are :mod:`bench.under_load` and :mod:`bench.browser`, which also run on their own). Each returns the plain dict
of :func:`bench.common.section_result`; :data:`bench.run.SECTION_FUNCS` names them. :mod:`~bench.sections.ingest`
is not measured on the city: ``python -m bench ingest`` writes its own report (:data:`bench.run.REPORTS`).
"""

__all__: list[str] = []
