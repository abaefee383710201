"""Insights: the page, its data, the latest assessment and the rating form."""
