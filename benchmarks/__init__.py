"""Reflect's benchmarks: a seeded corpus, each measurement beside its floor, a table of ratios.

Run ``python3 benchmarks/run.py`` (see docs/benchmarks.md); not part of the test suite.
"""
