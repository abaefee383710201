"""Flows that span the window: open a file, share, receive, install a pack, reminders."""
