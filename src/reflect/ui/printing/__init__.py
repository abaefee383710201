"""Printing and PDF export: the inert document that turns a printable selection into pages."""
