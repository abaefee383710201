"""Exchange with a coaching trio: the user's keys, contact cards, and (later) signed, encrypted
bundles."""
