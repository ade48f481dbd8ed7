"""Färdplan Explorer core: the knowledge graph, its store, validation and analysis. Never imports Dash."""

__version__ = "0.1.0"
