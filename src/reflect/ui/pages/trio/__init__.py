"""Trio: people, trios, the inbox and its dialogs."""
