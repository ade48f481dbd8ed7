"""Ingesting the next remiss reply from its text (issue 14 item 3): read a .txt or .pdf, repair the OCR'd Swedish
for reading (the raw text stays the provenance), split it into passages, find goal areas, strategies,
organisations and projects, propose relations with their passages, and queue every proposal for review.

Modules: :mod:`~graph.ingest.model` (the plain data), :mod:`~graph.ingest.text` (reading files),
:mod:`~graph.ingest.repair`, :mod:`~graph.ingest.passages`, :mod:`~graph.ingest.find`,
:mod:`~graph.ingest.propose`, :mod:`~graph.ingest.ner` (optional spaCy adapter), :mod:`~graph.ingest.pipeline`
(``ingest_text``) and :mod:`~graph.ingest.review` (the queue in the named graph ``fpid:graph/review``; accepting
goes through :mod:`graph.edit`). Nothing here imports Dash.
"""
