"""Benchmarks for Färdplan Explorer at city scale (issue #6): a synthetic city and ``python -m bench``."""
