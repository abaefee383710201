"""Developer tools that drive the real window (the screenshot script)."""
