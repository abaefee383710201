"""Coaching: the trio-session page and its form."""
