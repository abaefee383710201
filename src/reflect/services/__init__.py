"""Use cases shared by the desktop app and the command line; plain Python, no Qt, no SQL."""
