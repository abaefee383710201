"""Charts drawn with QPainter, each with a table of the same numbers."""
