"""Migration m012: the search index stores its text once, reading it from the journal's tables.

Until m012 the FTS5 index kept its own copy of every entry's text beside the entries table, so
the file held the writing twice. Now the index is an external-content table over the view
``search_content`` (one row per live entry at rowid ``seq``, per inquiry at ``-seq``, holding
what was indexed before: title, body then responses, tags; an inquiry's newest wording, then
its why and older wordings). Kept here, not in schema.py, which is near its length limit.

The prefix indexes of two and three letters are dropped: they were half the index, and short
prefixes measured no faster without them (docs/benchmarks.md); a word part-typed is found
through ``search_terms`` (storage/search_terms.py).

The step runs in the migration's one transaction, after the pre-migration backup: a kill
mid-way leaves the journal as it was. The new index is rebuilt from the view and checked
(FTS5 ``integrity-check``) before the step ends; a failed check fails the migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.storage import search_terms

if TYPE_CHECKING:
    from sqlite_utils import Database

_WHITESPACE = "char(32, 9, 10, 11, 12, 13)"  # what Python's str.strip() took off before


def m012_search_external_content(db: Database) -> None:
    conn = db.conn
    for statement in (
        "DROP TABLE search_index",
        # The view finds an inquiry's row by -seq (the rowid FTS5 asks for) with this index.
        "CREATE INDEX inquiries_search_rid ON inquiries(-seq)",
        f"""
        CREATE VIEW search_content (rid, title, body, tags) AS
        SELECT e.seq, e.title,
               trim(e.body || coalesce(char(10) || char(10) ||
                 (SELECT group_concat(text, char(10) || char(10)) FROM
                   (SELECT text FROM entry_responses r WHERE r.entry_id = e.id
                    ORDER BY position)), ''), {_WHITESPACE}),
               coalesce((SELECT group_concat(tag, ' ') FROM
                   (SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY position)), '')
        FROM entries e WHERE e.deleted IS NULL
        UNION ALL
        SELECT -i.seq,
               coalesce((SELECT question FROM inquiry_wordings w WHERE w.inquiry_id = i.id
                         ORDER BY id DESC LIMIT 1), ''),
               i.why || coalesce((SELECT char(10) || group_concat(question, char(10)) FROM
                   (SELECT question FROM inquiry_wordings w WHERE w.inquiry_id = i.id
                    AND w.id < (SELECT max(id) FROM inquiry_wordings m
                                WHERE m.inquiry_id = i.id)
                    ORDER BY id)), ''),
               ''
        FROM inquiries i
        """,
        """
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, body, tags,
            content = 'search_content', content_rowid = 'rid',
            tokenize = 'porter unicode61 remove_diacritics 2'
        )
        """,
        "INSERT INTO search_index (search_index) VALUES ('rebuild')",
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
        # Every word the index holds, with its stem: a part-typed word finds what the whole
        # word finds (see storage/search_terms.py).
        "CREATE TABLE search_terms (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID",
    ):
        conn.execute(statement)
    search_terms.learn_all(conn)
