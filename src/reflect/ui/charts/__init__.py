"""QPainter charts for the Insights page, each with a table of the same numbers."""
