"""The journal schema as a list of named migrations.

Released migrations are never edited: a change to the schema is a new function at the end.
``SCHEMA_VERSION`` (the number of migrations) is written to ``PRAGMA user_version`` so a
database from a newer Reflect can be recognised and refused before anything touches it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "reflect"


Step = Callable[["Database"], None]


def build_migrations(steps: Sequence[Step]) -> Migrations:
    """A fresh migration set; built on demand so nothing is kept at module level."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for number, step in enumerate(steps, start=1):
        migrations(name=step.__name__)(_versioned(step, number))
    return migrations


def _versioned(step: Step, number: int) -> Step:
    """Run a step and record the schema version in the same transaction."""

    def run(db: Database) -> None:
        step(db)
        db.conn.execute(f"PRAGMA user_version = {number}")

    run.__name__ = step.__name__
    return run


def m001_journal(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE inquiries (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            why TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            status_note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE inquiry_wordings (
            id INTEGER PRIMARY KEY,
            inquiry_id TEXT NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX inquiry_wordings_inquiry ON inquiry_wordings(inquiry_id, id);
        CREATE TABLE entries (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            inquiry_id TEXT REFERENCES inquiries(id) ON DELETE SET NULL,
            event_id TEXT,
            framework_id TEXT,
            deleted TEXT
        );
        CREATE INDEX entries_live_created ON entries(deleted, created);
        CREATE INDEX entries_inquiry ON entries(inquiry_id);
        CREATE TABLE entry_tags (
            entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            tag TEXT NOT NULL COLLATE NOCASE,
            position INTEGER NOT NULL,
            PRIMARY KEY (entry_id, tag)
        );
        CREATE INDEX entry_tags_tag ON entry_tags(tag);
        CREATE TABLE entry_responses (
            entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            prompt_id TEXT NOT NULL,
            text TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (entry_id, prompt_id)
        );
        CREATE TABLE entry_revisions (
            id INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            saved TEXT NOT NULL,
            state TEXT NOT NULL
        );
        CREATE INDEX entry_revisions_entry ON entry_revisions(entry_id, id);
        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            due TEXT,
            entry_id TEXT REFERENCES entries(id) ON DELETE SET NULL,
            inquiry_id TEXT REFERENCES inquiries(id) ON DELETE SET NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX actions_status_due ON actions(status, due);
        CREATE TABLE assessments (
            id TEXT PRIMARY KEY,
            framework_id TEXT NOT NULL,
            inquiry_id TEXT REFERENCES inquiries(id) ON DELETE SET NULL,
            created TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE assessment_scores (
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            domain_id TEXT NOT NULL,
            score INTEGER NOT NULL,
            evidence TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (assessment_id, domain_id)
        );
        -- Entries use their seq as rowid; inquiries use -seq, so one ranked query covers both.
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, body, tags,
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '2 3'
        );
        """
    )


def m002_drafts(db: Database) -> None:
    # Autosaved editor state, kept apart from entries so an unfinished thought never becomes a
    # revision, and so a draft survives a crash until the user keeps or discards it.
    db.executescript(
        """
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            entry_id TEXT REFERENCES entries(id) ON DELETE CASCADE,
            state TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        """
    )


def m003_filter_indexes(db: Database) -> None:
    # Filtered lists (the journal's filters, coaching sessions, an inquiry's entries) read
    # newest first; without these they scan every entry of a large journal.
    db.executescript(
        """
        CREATE INDEX entries_kind_created ON entries(kind, created);
        CREATE INDEX entries_framework_created ON entries(framework_id, created);
        CREATE INDEX entries_inquiry_created ON entries(inquiry_id, created);
        DROP INDEX entries_inquiry;
        """
    )


def m004_exchange(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE peers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            age_recipient TEXT NOT NULL UNIQUE,
            signing_key TEXT UNIQUE,
            verified INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL
        );
        CREATE TABLE trios (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE trio_members (
            trio_id TEXT NOT NULL REFERENCES trios(id) ON DELETE CASCADE,
            peer_id TEXT NOT NULL REFERENCES peers(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (trio_id, peer_id)
        );
        -- Bundles are kept verbatim (the signed JSON) so they can be checked again later.
        CREATE TABLE received (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            sender_name TEXT NOT NULL,
            peer_id TEXT REFERENCES peers(id) ON DELETE SET NULL,
            signing_key TEXT,
            verified INTEGER NOT NULL,
            created TEXT NOT NULL,
            received TEXT NOT NULL,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX received_peer ON received(peer_id, created);
        CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            bundle_id TEXT NOT NULL REFERENCES received(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX comments_entry ON comments(entry_id, created);
        CREATE TABLE private_notes (
            id TEXT PRIMARY KEY,
            bundle_id TEXT NOT NULL REFERENCES received(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        """
    )


def m005_meta(db: Database) -> None:
    # Small facts about this journal: its own random id (the key-store namespace, so two data
    # folders are two identities), the user's display name, notices already shown.
    db.executescript(
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def m006_programmes(db: Database) -> None:
    # Programmes come from facilitators' packs. The pack file is kept verbatim; events keep their
    # ids across pack versions, and an event a newer pack drops is kept (withdrawn) while an
    # entry still links to it, so the entry's context is never lost.
    db.executescript(
        """
        CREATE TABLE programmes (
            pack_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            pack_version INTEGER NOT NULL,
            welcome TEXT NOT NULL DEFAULT '',
            framework_id TEXT,
            facilitator_name TEXT NOT NULL,
            facilitator_contact TEXT NOT NULL DEFAULT '',
            signing_key TEXT NOT NULL,
            age_recipient TEXT NOT NULL DEFAULT '',
            document BLOB NOT NULL,
            installed TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE programme_events (
            id TEXT PRIMARY KEY,
            pack_id TEXT NOT NULL REFERENCES programmes(pack_id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            time TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            framework_id TEXT,
            withdrawn INTEGER NOT NULL DEFAULT 0,
            nudge_dismissed TEXT
        );
        CREATE INDEX programme_events_day ON programme_events(day, time);
        CREATE INDEX entries_event ON entries(event_id) WHERE event_id IS NOT NULL;
        """
    )


def m007_measures(db: Database) -> None:
    # A measure outlives its inquiry (the link is cleared, as an action's is); its points go
    # with it. One point a day: the key refuses a second, so "record" replaces it knowingly.
    db.executescript(
        """
        CREATE TABLE measures (
            id TEXT PRIMARY KEY,
            inquiry_id TEXT REFERENCES inquiries(id) ON DELETE SET NULL,
            name TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            better TEXT NOT NULL,
            definition TEXT NOT NULL DEFAULT '',
            baseline REAL,
            goal REAL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX measures_inquiry ON measures(inquiry_id);
        CREATE TABLE measure_points (
            measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            value REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (measure_id, day)
        );
        """
    )


def m008_connections(db: Database) -> None:
    # People and organisations reached across the system: a private log (only counts by
    # sector may ever be shared). ``met`` is a local day, YYYY-MM-DD, so months sort as text.
    db.executescript(
        """
        CREATE TABLE connections (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            sector TEXT NOT NULL,
            met TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            inquiry_id TEXT REFERENCES inquiries(id) ON DELETE SET NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX connections_met ON connections(met);
        """
    )


def m009_learning_links(db: Database) -> None:
    # A learning log entry may name the PDSA cycle it learned from: another entry. Kept beside
    # the entries table (not a column of it) so entries, revisions and drafts are untouched.
    db.executescript(
        """
        CREATE TABLE learning_links (
            entry_id TEXT PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
            cycle_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE
        );
        CREATE INDEX learning_links_cycle ON learning_links(cycle_id);
        """
    )


def m011_evaluation_returns(db: Database) -> None:
    # What the participant wrote for a programme's evaluation: each return (its id and time
    # point) and each withdrawal, so "what is due" can say sent or withdrawn, and each "not now"
    # on the offer of a time point. The files themselves go wherever the user saved them;
    # nothing of their content is kept here. No foreign key to programmes: a return once sent
    # stays sent, even if the pack is later removed and installed again.
    db.executescript(
        """
        CREATE TABLE evaluation_returns (
            id TEXT PRIMARY KEY,
            programme_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            time_point TEXT NOT NULL DEFAULT '',
            written TEXT NOT NULL
        );
        CREATE INDEX evaluation_returns_programme ON evaluation_returns(programme_id, time_point);
        CREATE TABLE evaluation_not_now (
            programme_id TEXT NOT NULL,
            time_point TEXT NOT NULL,
            dismissed TEXT NOT NULL,
            PRIMARY KEY (programme_id, time_point)
        );
        """
    )


STEPS: tuple[Step, ...] = (
    m001_journal,
    m002_drafts,
    m003_filter_indexes,
    m004_exchange,
    m005_meta,
    m006_programmes,
    m007_measures,
    m008_connections,
    m009_learning_links,
    m011_evaluation_returns,
)
