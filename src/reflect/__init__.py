"""Reflect: a local-first journal for leaders of improvement across health and care systems."""

__version__ = "0.1.0"
