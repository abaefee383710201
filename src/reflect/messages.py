"""The one catalogue of user-facing messages raised by services, storage and formats.

Each message has a stable name (tests assert on it) and an English template. The UI translates
templates through Qt; the CLI prints them as they are.
"""

from __future__ import annotations

from enum import Enum


class Msg(Enum):
    """Known situations the user can do something about."""

    # Journal database
    DB_CORRUPT = (
        "The journal database at {path} is damaged and cannot be opened. "
        "Restore the newest backup with: reflect restore {backup}"
    )
    DB_CORRUPT_NO_BACKUP = (
        "The journal database at {path} is damaged and cannot be opened, and no backup was found."
    )
    DB_TOO_NEW = (
        "The journal at {path} was written by a newer version of Reflect. "
        "Install the newer version to open it; nothing was changed."
    )
    DB_LOCKED = "The journal is busy in another program. Close it there and try again."
    DISK_FULL = "The disk is full, so nothing was saved. Free some space and try again."
    READ_ONLY = "Reflect cannot write to {path}. Check that the folder is writable."
    DATA_DIR_UNUSABLE = "Reflect cannot use {path} as its data folder: {reason}"
    MIGRATION_FAILED = (
        "Updating the journal to this version failed, so it was left as it was. "
        "A copy was kept at {backup}. Details: {reason}"
    )
    # Items
    INQUIRY_NOT_FOUND = "No inquiry has the id {id}."
    ENTRY_NOT_FOUND = "No entry has the id {id}."
    ACTION_NOT_FOUND = "No action has the id {id}."
    AMBIGUOUS_ID = "The id {id} matches more than one item; type more of it."
    EMPTY_QUESTION = "An inquiry needs a question."
    EMPTY_ENTRY = "There is nothing to save: the entry is empty."
    EMPTY_ACTION = "An action needs some text."
    BAD_STATUS = "Unknown status {value}. Choose one of: {choices}."
    BAD_KIND = "Unknown kind {value}. Choose one of: {choices}."
    BAD_DATE = "{value} is not a date. Write dates as YYYY-MM-DD."
    BAD_SCORE = "A score of {value} is outside the scale {low} to {high}."
    NOT_IN_TRASH = "The entry {id} is not in the trash."
    JOURNAL_NOT_EMPTY = (
        "The journal at {path} already has entries. Choose an empty data folder "
        "(for example with --data-dir) to try the demo."
    )
    # Files
    FILE_NOT_FOUND = "There is no file or folder at {path}."
    FILE_NOT_READABLE = "Reflect cannot read {path}: {reason}"
    FILE_NOT_UTF8 = (
        "{path} is not UTF-8 text (problem at byte {offset}). Save it as UTF-8 and try again."
    )
    FILE_MALFORMED = "{path} is not a valid {format} file: {reason}. Nothing was imported."
    FILE_TOO_NEW = (
        "{path} was written by a newer version of Reflect (format version {version}). "
        "Install the newer version to import it."
    )
    UNKNOWN_FORMAT = "Unknown format {name}. Choose one of: {choices}."
    EXPORT_FOLDER_NOT_EMPTY = "{path} already exists and is not empty. Choose a new folder."
    WRITE_FAILED = "Reflect could not write {path}: {reason}"
    # Frameworks
    FRAMEWORK_INVALID = "{path} is not a valid framework file: {field} {reason}."
    FRAMEWORK_TOO_NEW = (
        "{path} is a framework file for a newer version of Reflect (format version {version}). "
        "Install the newer version to use it."
    )
    FRAMEWORK_NOT_FOUND = "No framework has the id {id}."
    FRAMEWORK_ID_TAKEN = (
        "{path} uses the framework id {id}, which {name} already has. "
        "Change the id in the file and try again."
    )
    FRAMEWORK_READ_ONLY = (
        "{name} came with Reflect or a programme pack and cannot be changed. "
        "Make a copy and edit that instead."
    )
    FRAMEWORK_HAS_NO_DOMAINS = "{name} has no domains to rate yourself on."
    UNKNOWN_DOMAIN = "{name} has no domain {value}. Choose from: {choices}."
    DOMAIN_RATED_TWICE = "{value} is rated more than once; give each domain one score."
    BAD_RATING = (
        "Write each rating as DOMAIN=SCORE with a whole number, such as vision=3 (not {value})."
    )
    BAD_EVIDENCE = 'Write evidence as DOMAIN=TEXT, such as vision="Shared story" (not {value}).'
    EVIDENCE_WITHOUT_SCORE = "There is evidence for {value} but no score; rate it too."
    # Backups
    BACKUP_NOT_VALID = "{path} is not a usable Reflect backup: {reason}. Nothing was changed."
    NO_BACKUPS = "There are no backups yet."
    # Desktop
    WINDOW_UNAVAILABLE = (
        "The desktop window could not start ({reason}). "
        "The command line still works: see reflect --help."
    )
    # Search
    SEARCH_EMPTY = "Type something to search for."

    @property
    def template(self) -> str:
        return str(self.value)
