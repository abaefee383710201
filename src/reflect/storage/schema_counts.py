"""Migration m013: the Journal page's tag counts kept current by triggers, not recounted.

Counting every tag of a large journal each time the Journal page was shown took 151 ms at
100,000 entries (issue 16). ``tag_counts`` holds, per tag, how many live (not trashed) entries
carry it; triggers on ``entry_tags`` and ``entries`` keep it in step with every write, edit,
trash, restore and deletion, in the same transaction, whatever code makes the change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_LIVE = "EXISTS (SELECT 1 FROM entries WHERE id = {row}.entry_id AND deleted IS NULL)"
_DROP_EMPTY = "DELETE FROM tag_counts WHERE n <= 0;"


def m013_journal_counts(db: Database) -> None:
    for statement in (
        "CREATE TABLE tag_counts (tag TEXT PRIMARY KEY COLLATE NOCASE, n INTEGER NOT NULL) "
        "WITHOUT ROWID",
        "INSERT INTO tag_counts (tag, n) SELECT tag, count(*) FROM entry_tags "
        "WHERE entry_id IN (SELECT id FROM entries WHERE deleted IS NULL) GROUP BY tag",
        f"""
        CREATE TRIGGER tag_counts_tag_added AFTER INSERT ON entry_tags
        WHEN {_LIVE.format(row="new")} BEGIN
            INSERT INTO tag_counts (tag, n) VALUES (new.tag, 1)
            ON CONFLICT (tag) DO UPDATE SET n = n + 1;
        END
        """,
        # A tag row deleted with its entry (the cascade) finds the entry gone already: the
        # entry's own trigger below counted it off, if it was live.
        f"""
        CREATE TRIGGER tag_counts_tag_removed AFTER DELETE ON entry_tags
        WHEN {_LIVE.format(row="old")} BEGIN
            UPDATE tag_counts SET n = n - 1 WHERE tag = old.tag;
            {_DROP_EMPTY}
        END
        """,
        f"""
        CREATE TRIGGER tag_counts_entry_trashed AFTER UPDATE OF deleted ON entries
        WHEN old.deleted IS NULL AND new.deleted IS NOT NULL BEGIN
            UPDATE tag_counts SET n = n - 1
            WHERE tag IN (SELECT tag FROM entry_tags WHERE entry_id = new.id);
            {_DROP_EMPTY}
        END
        """,
        """
        CREATE TRIGGER tag_counts_entry_restored AFTER UPDATE OF deleted ON entries
        WHEN old.deleted IS NOT NULL AND new.deleted IS NULL BEGIN
            INSERT INTO tag_counts (tag, n)
            SELECT tag, 1 FROM entry_tags WHERE entry_id = new.id AND true
            ON CONFLICT (tag) DO UPDATE SET n = n + 1;
        END
        """,
        f"""
        CREATE TRIGGER tag_counts_entry_deleted BEFORE DELETE ON entries
        WHEN old.deleted IS NULL BEGIN
            UPDATE tag_counts SET n = n - 1
            WHERE tag IN (SELECT tag FROM entry_tags WHERE entry_id = old.id);
            {_DROP_EMPTY}
        END
        """,
    ):
        db.conn.execute(statement)
