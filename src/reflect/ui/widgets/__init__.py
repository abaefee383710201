"""Building blocks shared by pages and dialogs: layout helpers, safe text, charts."""
