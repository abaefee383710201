"""Importers and exporters for other journal tools and for Reflect's own files."""
