"""Inquiries: the page and its status dialog."""
