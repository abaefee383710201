"""Actions: start, stop and continue, side by side."""
