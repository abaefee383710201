"""Everything that speaks SQL: the journal database, its schema, repositories and search.

No other package imports sqlite3 or sqlite_utils; a test enforces it.
"""
