"""Domain types and rules: plain dataclasses with no I/O, shared by every layer."""
