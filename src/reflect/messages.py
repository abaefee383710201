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
    # Encrypted journal (docs/encryption.md)
    JOURNAL_KEY_NEEDED = (
        "The journal at {path} is encrypted and Reflect has no key to open it. "
        "Unlock it with its passphrase, or restore a key backup; nothing was changed."
    )
    JOURNAL_KEY_WRONG = (
        "That passphrase does not unlock the journal. Check it and try again; nothing was changed."
    )
    JOURNAL_KEY_LOST = (
        "The key to the encrypted journal at {path} is not in {where}. Restore a key backup "
        "with: reflect key restore FILE (nothing was changed)."
    )
    JOURNAL_KEY_FILE_DAMAGED = (
        "The encryption settings in {path} cannot be read ({reason}), so the encrypted journal "
        "cannot be unlocked. Nothing was changed."
    )
    JOURNAL_ALREADY_ENCRYPTED = "The journal is already encrypted; nothing was changed."
    JOURNAL_NOT_ENCRYPTED = "The journal is not encrypted; nothing was changed."
    JOURNAL_CONVERSION_FAILED = (
        "The journal could not be converted ({reason}). The journal is as it was; "
        "nothing was changed."
    )
    JOURNAL_CONVERSION_READ_ONLY = (
        "This journal is read-only, so it cannot be encrypted or decrypted. Nothing was changed."
    )
    JOURNAL_PASSPHRASE_EMPTY = "The passphrase is empty. Choose one of at least 8 characters."
    JOURNAL_PASSPHRASE_SHORT = (
        "The passphrase is too short. Choose one of at least 8 characters; nothing was changed."
    )
    JOURNAL_PASSPHRASE_ENV_MISSING = (
        "The environment variable {name} is not set, so there is no passphrase. "
        "Nothing was changed."
    )
    DISK_FULL = "The disk is full, so nothing was saved. Free some space and try again."
    READ_ONLY = "Reflect cannot write to {path}. Check that the folder is writable."
    JOURNAL_READ_ONLY = (
        "This journal is read-only: Reflect cannot write to {path}, so it can be read, "
        "searched and exported but not changed. Nothing was changed."
    )
    JOURNAL_READ_ONLY_OLD = (
        "The journal at {path} was made by an older version of Reflect and must be updated "
        "before this version can read it, but Reflect cannot write to {folder}. Copy the folder "
        "somewhere writable and open it there; nothing was changed."
    )
    JOURNAL_READ_ONLY_UNFINISHED = (
        "The journal at {path} has recent changes still in {wal}, which can only be read where "
        "Reflect can write, and it cannot write to {folder}. Copy the folder, with that file, "
        "somewhere writable and open it there; nothing was changed."
    )
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
    CONNECTION_NOT_FOUND = "No connection has the id {id}."
    EMPTY_CONNECTION = "A connection needs a name: the person, the organisation, or both."
    CONNECTION_TOO_LONG = "The {field} of a connection can be at most {limit} characters."
    NOTHING_TO_EDIT = "Nothing to change: give at least one of {options}."
    BAD_SECTOR = "Unknown sector {value}. Choose one of: {choices}."
    NOT_A_LEARNING_ENTRY = "Only a learning log entry can name a PDSA cycle; {id} is not one."
    LEARNING_LINK_TO_ITSELF = "A learning log entry cannot name itself as its PDSA cycle."
    NOT_A_LEARNING_ENTRY_FOR_MEASURE = (
        "Only a learning log entry can name the measure it learned from; {id} is not one."
    )
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
    SKIP_INVALID_UNSUPPORTED = (
        "A {format} file is imported whole: --skip-invalid works only for Markdown folders, "
        "where each note is a file of its own. Import without it to see what is wrong, "
        "fix that and import again."
    )
    IMPORT_SKIPPED = "Left out {count} that could not be read:"
    SKIPPED_ITEM = "{where}: {reason}"
    JRNL_PASSWORD_NEEDED = (
        "{path} is an encrypted jrnl journal ({version}), so Reflect needs its password to "
        "import it. On the command line, put the password in an environment variable and "
        "name it with --password-env. Nothing was imported."
    )
    JRNL_WRONG_PASSWORD = (
        "The password does not open the encrypted jrnl journal {path} ({version}), or the "
        "file is damaged. Nothing was imported."
    )
    JRNL_BAD_TIME_FORMAT = (
        "{value} is not a jrnl time format. Write it as in jrnl's timeformat setting, "
        "for example %Y-%m-%d %H:%M."
    )
    PASSWORD_ENV_NOT_SET = "The environment variable {name} is not set, so there is no password."
    EXPORT_FOLDER_NOT_EMPTY = "{path} already exists and is not empty. Choose a new folder."
    WRITE_FAILED = "Reflect could not write {path}: {reason}"
    # Printing and PDF export: the words a printed journal is headed with, and its one error
    NOTHING_TO_PRINT = "No entries match, so nothing was printed or written."
    PDF_UNAVAILABLE = "PDF export needs Qt, which could not start ({reason}). Nothing was written."
    PRINT_JOURNAL = "Journal"
    PRINT_PERIOD = "{start} to {end}"
    PRINT_WHY = "Why it matters"
    PRINT_STATUS = "Status: {status}"
    PRINT_WORDINGS = "How the question was worded"
    PRINT_ACTIONS = "Actions"
    PRINT_ENTRIES = "Entries"
    PRINT_NO_ENTRIES = "No entries are linked to this inquiry yet."
    PRINT_TAGS = "Tags: {tags}"
    # Report-back on an inquiry (reflect report, the inquiry page's Report…): headings and errors
    REPORT_TITLE = "Report-back: {question}"
    REPORT_PERIOD = "Report-back, {period}"
    REPORT_WHOLE_TIME = "from the start to today"
    REPORT_FROM = "from {start}"
    REPORT_UNTIL = "up to {end}"
    REPORT_SPAN = "{start} to {end}"
    REPORT_WORDINGS = "How the question was worded"
    REPORT_WORDING = "{day}: {question}"
    REPORT_MEASURES = "What moved"
    REPORT_NO_MEASURES = "No measures were recorded for this inquiry in this period."
    REPORT_MEASURE_HEAD = "{name} ({unit}), {better} is better"
    REPORT_LATEST = "Latest value: {value} on {day}"
    REPORT_NO_POINTS = "No values were recorded in this period."
    REPORT_MEDIAN_MEAN = "Median {median}, mean {mean}, over {count} values"
    REPORT_GOAL = "Goal: {goal}"
    REPORT_LAST_POINTS = "The last {count} values"
    REPORT_DAY = "Date"
    REPORT_VALUE = "Value"
    REPORT_NOTE = "Note"
    REPORT_CHART = "Chart of {name}"
    REPORT_STOPPED = "What was stopped, and why"
    REPORT_STOPPED_INQUIRY = "The inquiry itself was stopped."
    REPORT_NOTHING_STOPPED = "Nothing was stopped in this period."
    REPORT_ACTION = "{text} ({status}, {day})"
    REPORT_WHY = "Why: {reason}"
    REPORT_DONE = "Actions done"
    REPORT_NOTHING_DONE = "No actions were done in this period."
    REPORT_ASSESSMENT = "Self-assessment"
    REPORT_NO_ASSESSMENT = "No self-assessment was recorded in this period."
    REPORT_ASSESSMENT_ALL = (
        "None was linked to this inquiry, so these are all the self-assessments in this period."
    )
    REPORT_ASSESSMENT_SPAN = "{framework}: {count} assessments, {first} and {last} compared"
    REPORT_ASSESSMENT_ONE = "{framework}: one assessment, on {first}; nothing to compare yet"
    REPORT_DOMAIN = "Domain"
    REPORT_SCORE = "Score"
    REPORT_FIRST = "First"
    REPORT_LAST = "Last"
    REPORT_CHANGE = "Change"
    REPORT_QUOTES = "In my own words"
    REPORT_QUOTE_FROM = "{title}, {day}"
    REPORT_QUOTE_NOT_IN_ENTRY = (
        "The passage to quote is not in entry {id}. Copy it from the entry exactly; "
        "nothing was written."
    )
    REPORT_BAD_EXTENSION = (
        "A report is saved as .pdf, .md or .html, not {name}. Nothing was written."
    )
    REPORT_BAD_PERIOD = "The report's period ends before it starts. Nothing was written."
    # Appraisal and revalidation: entries as an NMC reflective account or AoMRC reflection
    APPRAISAL_UNKNOWN_FORM = "Unknown form {form}. Choose one of: {choices}."
    APPRAISAL_NO_ENTRIES = "Choose at least one entry to export. Nothing was written."
    APPRAISAL_BAD_EXTENSION = (
        "An account for appraisal is saved as .pdf or .md, not {name}. Nothing was written."
    )
    APPRAISAL_WARNINGS = (
        "Some passages may identify someone ({count} found). Edit them (--edit), or keep them "
        "on purpose (--keep-warnings). Nothing was written."
    )
    APPRAISAL_FORM_INVALID = "The appraisal form {path} is not valid: {field} {reason}."
    APPRAISAL_WRITTEN = "Written {day}"
    APPRAISAL_ACCOUNT = "{title} {number} of {count}"
    APPRAISAL_EMPTY_FIELD = "(Left for you to write.)"
    # Programme evaluation: the evaluator's cohort report (docs/evaluation.md)
    EVAL_REPORT_TITLE = "Programme evaluation: {programme}"
    EVAL_REPORT_META = (
        "Written on {day}. Any figure that would describe fewer than {min_group} people is "
        "not shown."
    )
    EVAL_REPORT_RETURNS = "Returns"
    EVAL_REPORT_TIME_POINT = "Time point"
    EVAL_REPORT_RATINGS = "Self-ratings"
    EVAL_REPORT_RATINGS_NOTE = (
        "For each time point: how many rated the domain, the median score and the "
        "interquartile range (the middle half of the scores)."
    )
    EVAL_REPORT_NO_RATINGS = "No self-ratings were returned."
    EVAL_REPORT_DOMAIN_HEAD = "{framework}: {domain} (scale {low} to {high})"
    EVAL_REPORT_MEDIAN = "Median"
    EVAL_REPORT_Q1 = "Lower quartile"
    EVAL_REPORT_Q3 = "Upper quartile"
    EVAL_REPORT_WITHHELD = "fewer than {min_group} returns: not shown"
    EVAL_REPORT_FEWER = "fewer than {min_group}: not shown"
    EVAL_REPORT_CHART = "Chart of {name}: the median and interquartile range at each time point"
    EVAL_REPORT_CHANGE = "Change from {first} to {last}"
    EVAL_REPORT_CHANGE_NOTE = (
        "For the people who rated a domain at both time points: their score at the last minus "
        "their score at the first."
    )
    EVAL_REPORT_DOMAIN = "Domain"
    EVAL_REPORT_PEOPLE = "People"
    EVAL_REPORT_MEDIAN_CHANGE = "Median change"
    EVAL_REPORT_UP = "Went up"
    EVAL_REPORT_SAME = "Stayed"
    EVAL_REPORT_DOWN = "Went down"
    EVAL_REPORT_COUNTS = "Counts"
    EVAL_REPORT_QUOTES = "In their own words"
    EVAL_REPORT_QUOTES_NOTE = (
        "Quotes and answers the participants agreed to share, in alphabetical order, so that "
        "the order says nothing about who wrote which."
    )
    EVAL_REPORT_TEXTS_WITHHELD = (
        "Fewer than {min_group} returns at this time point: its quotes and answers are not shown."
    )
    EVAL_REPORT_NO_TEXTS = "No quotes or answers at this time point."
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
    BACKUP_FAILED_CHECK = (
        "The backup copy failed its check ({reason}), so it was not kept. "
        "Run reflect check to look at the journal itself."
    )
    DAILY_BACKUP_FAILED = (
        "Today's automatic backup was not made (Reflect tries again next time): {reason}"
    )
    # Desktop
    WINDOW_UNAVAILABLE = (
        "The desktop window could not start ({reason}). "
        "The command line still works: see reflect --help."
    )
    NO_DISPLAY = (
        "No display was found, so the window cannot open; every reflect command works "
        "without one: see reflect --help."
    )
    WINDOW_LIBRARIES_MISSING = (
        "The window needs system libraries this computer lacks (on Debian or Ubuntu: sudo "
        "apt-get install libxcb-cursor0 libxkbcommon-x11-0 libegl1); every reflect command works "
        "without them: see reflect --help."
    )
    # Search
    SEARCH_EMPTY = "Type something to search for."
    # Bundles exchanged with a coaching trio
    BUNDLE_NOT_AGE = "This file is not a Reflect bundle: it is not an age-encrypted file."
    BUNDLE_DAMAGED = (
        "This bundle is damaged or was changed on the way, so it cannot be opened. "
        "Ask the sender to send it again."
    )
    BUNDLE_BAD_AGE = (
        "This bundle cannot be opened: it starts like an age-encrypted file, but {reason}. "
        "It was damaged on the way or not written by Reflect or age; ask for it again."
    )
    BUNDLE_PASSPHRASE_TOO_COSTLY = (
        "This bundle's passphrase lock asks for far more work than Reflect or age ever use "
        "(scrypt work factor {factor}; Reflect opens up to {limit}), so it was not opened. "
        "Ask the sender to send it again from Reflect."
    )
    BUNDLE_NOT_FOR_YOU = (
        "This bundle was not sent to you: none of its locks open with your key "
        "(or the part meant for you was damaged). Ask the sender to send it to your contact card."
    )
    BUNDLE_NEEDS_PASSPHRASE = (
        "This bundle is locked with a passphrase. Open it with the passphrase the sender gave you."
    )
    BUNDLE_NOT_PASSPHRASE = (
        "This bundle is locked to contact cards, not with a passphrase. Open it without one."
    )
    BUNDLE_WRONG_PASSPHRASE = "That passphrase does not open this bundle. Check it and try again."
    BUNDLE_PASSPHRASE_EMPTY = "A passphrase bundle needs a passphrase; it cannot be empty."
    BUNDLE_BAD_RECIPIENT = "{value} is not an age recipient (they start with age1)."
    BUNDLE_MALFORMED = "This bundle opened, but what is inside is not valid JSON: {reason}."
    BUNDLE_NOT_REFLECT = "This file opened, but it is not a Reflect bundle."
    BUNDLE_TOO_NEW = (
        "This bundle is from a newer version of Reflect (bundle version {version}). "
        "Install the newer version to open it."
    )
    BUNDLE_INVALID = "This bundle is not valid: {field} {reason}. Nothing was imported."
    BUNDLE_BAD_SIGNATURE = (
        "This bundle was modified after it was signed, so it cannot be trusted. "
        "Nothing was imported."
    )
    BUNDLE_UNKNOWN_SENDER = (
        "This bundle says it is from {name}, but it is not signed by anyone in your peers. "
        "Add their contact card first, or choose to import it as unverified."
    )
    BUNDLE_FORWARDED = (
        "This bundle was written by {name} for other people and reached you through someone "
        "else, so it was not imported."
    )
    BUNDLE_TOO_LARGE = "This bundle is larger than {limit_mb} MB, the most Reflect sends or opens."
    # Where keys live
    KEYRING_NOT_FOUND = (
        "No working system keyring was found, so your keys are kept in an encrypted file "
        "protected by a passphrase."
    )
    KEYRING_PLAIN_TEXT = (
        "The only keyring on this computer keeps passwords in plain text, so your keys are kept "
        "in an encrypted file protected by a passphrase instead."
    )
    KEYRING_NOT_WORKING = (
        "The system keyring is locked or not responding, so your keys are kept in an encrypted "
        "file protected by a passphrase."
    )
    KEYRING_FAILED = "The system keyring did not respond ({reason}). Unlock it and try again."
    KEYRING_KEYS_UNREACHABLE = (
        "Your keys for this journal are in the system keyring, which cannot be used right now "
        "({reason}). Unlock the keyring and try again, or restore your keys from a backup."
    )
    KEYRING_DESCRIPTION = "the system keyring ({backend})"
    KEY_FILE_DESCRIPTION = "an encrypted file protected by your passphrase: {path}"
    KEY_MEMORY_DESCRIPTION = "memory only (the keys are forgotten when Reflect closes)"
    # Keys
    KEY_PASSPHRASE_EMPTY = "The passphrase is empty. Type a passphrase to protect your keys."
    KEY_FILE_WRONG_PASSPHRASE = "That passphrase does not open your keys in {path}. Try again."
    KEY_FILE_DAMAGED = (
        "The keys file {path} is damaged and cannot be read ({reason}). "
        "Restore your keys from a backup with: reflect key restore FILE"
    )
    KEY_FILE_TOO_COSTLY = (
        "The keys file {path} asks for far more work to open than Reflect ever uses (scrypt work "
        "factor {factor}; at most {limit}), so Reflect did not try; it was not written by "
        "Reflect. Restore your keys from a backup with: reflect key restore FILE"
    )
    KEY_FILE_TOO_NEW = (
        "The keys file {path} was written by a newer version of Reflect (format version "
        "{version}). Install the newer version to use it; nothing was changed."
    )
    KEY_STORED_DAMAGED = (
        "Your keys in {store} are damaged ({reason}). "
        "Restore them from a backup with: reflect key restore FILE"
    )
    KEY_BACKUP_WRONG_PASSPHRASE = "That passphrase does not open this key backup. Try again."
    KEY_BACKUP_DAMAGED = "This is not a usable Reflect key backup: {reason}. Nothing was changed."
    KEY_BACKUP_TOO_COSTLY = (
        "This key backup asks for far more work to open than Reflect ever uses (scrypt work "
        "factor {factor}; at most {limit}), so it was not opened. It was not made by Reflect; "
        "nothing was changed."
    )
    KEY_BACKUP_TOO_NEW = (
        "This key backup was made by a newer version of Reflect (format version {version}). "
        "Install the newer version to restore it; nothing was changed."
    )
    KEY_BACKUP_NO_JOURNAL_KEY = (
        "The key backup {path} does not hold the key to this encrypted journal (it was made "
        "before the journal was encrypted, or for another journal). Nothing was changed."
    )
    KEY_BAD_SIGNING_KEY = "{value} is not a Reflect signing key: {reason}."
    # Contact cards
    CARD_NOT_FOUND = (
        "No contact card or age recipient was found in that text. Paste the whole card, from "
        "-----BEGIN REFLECT CONTACT CARD----- to -----END REFLECT CONTACT CARD-----."
    )
    CARD_INCOMPLETE = (
        "The contact card is cut off: its -----END REFLECT CONTACT CARD----- line is missing. "
        "Ask for the card again and paste all of it."
    )
    CARD_SEVERAL = "That text holds more than one contact card. Add one peer at a time."
    CARD_SEVERAL_RECIPIENTS = (
        "That text holds more than one age recipient (age1…). Add one peer at a time."
    )
    CARD_MISSING_LINE = (
        "The contact card has no {field} line. Ask for the card again and paste all of it."
    )
    CARD_LINE_TWICE = "The contact card has more than one {field} line."
    CARD_BAD_LINE = "The contact card has a line Reflect cannot read: {line}"
    CARD_BAD_VERSION = "The contact card's version {value} is not a whole number."
    CARD_TOO_NEW = (
        "This contact card was made by a newer version of Reflect (card version {version}). "
        "Install the newer version to add this peer."
    )
    CARD_BAD_NAME = "The name on the contact card cannot be used: {reason}."
    CARD_BAD_RECIPIENT = (
        "{value} is not a valid age recipient ({reason}). Ask for the card or key again."
    )
    CARD_BAD_SIGNING_KEY = (
        "The contact card's signing key is damaged: {reason}. Ask for the card again."
    )
    CARD_PRIVATE_KEY = (
        "That text contains a private key (AGE-SECRET-KEY-…), which must never be shared. "
        "Ask your peer to delete it where they posted it and to send their contact card instead."
    )

    # Your keys and card
    NAME_NEEDED = (
        "Your contact card needs your name. Give it once, for example: reflect key show --name "
        '"Asha Patel"'
    )
    KEY_RESTORE_WOULD_REPLACE = (
        "This journal already has different keys (fingerprint {current}). Restoring the backup "
        "(fingerprint {restored}) replaces them, and peers who know the current card could no "
        "longer send to you. Run again with --replace if that is what you want."
    )
    PASSPHRASE_ENV_MISSING = (
        "The environment variable {name} is not set, so there is no passphrase."
    )
    PASSPHRASE_NEEDS_TERMINAL = (
        "Reflect needs a passphrase here. Run the command in a terminal to type it, or name an "
        "environment variable that holds it with --passphrase-env NAME."
    )
    # Peers and trios
    PEER_NOT_FOUND = "No peer is called {name}. See your peers with: reflect peer list"
    PEER_NAME_NEEDED = "A plain age recipient carries no name: give the peer a name."
    PEER_NAME_TAKEN = "You already have a peer called {name}. Choose another name."
    PEER_ALREADY_ADDED = "These keys are already in your peers, as {name}."
    PEER_CANNOT_VERIFY = (
        "{name} was added with only an age recipient, which has no signing key to verify. "
        "Compare the age1… recipient itself with them instead; nothing they send can be verified."
    )
    TRIO_NEEDS_PEERS = "A trio needs at least one of your peers besides you."
    TRIO_NAME_NEEDED = "A trio needs a name."
    # Sharing
    SHARE_NOTHING = (
        "There is nothing to share. Choose an inquiry, some entries, a date to share from, "
        "or write a note."
    )
    SHARE_NO_RECIPIENTS = (
        "Choose who to share with (the peers of a trio, or --to NAME), or lock the bundle with "
        "a passphrase."
    )
    SHARE_PASSPHRASE_SEPARATELY = (
        "Send the passphrase by a different way than the file (say it on a call, or text it), "
        "never in the same email or chat."
    )
    SHARE_UNVERIFIED_PEERS = (
        "Not yet verified: {names}. Compare fingerprints with them (reflect peer list) before "
        "sharing anything sensitive."
    )
    # Text that looks like it identifies someone (warnings; sharing is never blocked)
    LOOKS_LIKE_NHS_NUMBER = "looks like an NHS number"
    LOOKS_LIKE_DATE_OF_BIRTH = "looks like a date of birth"
    LOOKS_LIKE_NAME = "looks like a person's name"
    # Receiving
    BUNDLE_ALREADY_RECEIVED = "You already have this bundle from {name}; nothing was changed."
    BUNDLE_FROM_YOU = "This is a bundle you sent. It stays out of your inbox."
    RECEIVED_NOT_FOUND = "No bundle in your inbox has the id {id}."
    NOTE_EMPTY = "The note is empty."
    FEEDBACK_EMPTY = "There is no feedback to send: write a comment or a note."
    FEEDBACK_ON_FEEDBACK = "Feedback answers a summary; this bundle is already feedback."
    FEEDBACK_UNKNOWN_ENTRY = (
        "The summary you are answering holds no entry {id}. Name an entry by the number "
        "reflect inbox BUNDLE_ID shows beside it, or by its id."
    )
    FEEDBACK_BAD_COMMENT = (
        'Write each comment as ENTRY=TEXT, such as 1="Try a run chart", where ENTRY is the '
        "number reflect inbox BUNDLE_ID shows beside the entry (not {value})."
    )
    # Warnings on receiving: "verified" means only that fingerprints were compared
    RECEIVED_NOT_FROM_PEER = (
        "{name} is not one of your peers: no key on your peers' cards signed this, so it may "
        "not be from them. It is kept marked not verified. To verify what they send next, add "
        'their card (reflect peer add "" CARD), compare fingerprints with them by voice or '
        "video, then: reflect peer verify NAME"
    )
    RECEIVED_PEER_NOT_VERIFIED = (
        "{name} is not verified: you have not compared fingerprints with them yet, so this may "
        "not be from them. Compare them by voice or video (reflect peer list), then: {command}"
    )
    FEEDBACK_NEEDS_PEER = (
        "{name} is not in your peers, so feedback cannot be locked to them. Add their contact "
        "card first, or lock the feedback with a passphrase."
    )
    # Facilitator packs and the programme
    PACK_SPEC_INVALID = "{path} is not a valid pack spec: {field} {reason}."
    PACK_NOT_PACK = "{path} is not a Reflect programme pack."
    PACK_TOO_LARGE = "{path} is larger than {limit_mb} MB, far more than any programme pack."
    PACK_TOO_NEW = (
        "{path} was made for a newer version of Reflect (pack format {version}). "
        "Install the newer version to use it; nothing was changed."
    )
    PACK_INVALID = "{path} cannot be installed: {field} {reason}. Nothing was changed."
    PACK_BAD_SIGNATURE = (
        "{path} was changed after the facilitator signed it, so it cannot be trusted. "
        "Ask them for a fresh copy; nothing was changed."
    )
    PACK_OTHER_SIGNER = (
        "{path} says it updates {name}, but a different key signed it than the one that signed "
        "the programme you have. Nothing was changed; check with your facilitator."
    )
    PACK_OLDER = (
        "You already have version {installed} of {name}; {path} holds the older version "
        "{version}. Nothing was changed."
    )
    PACK_NEEDS_FRAMEWORK = (
        "{path} uses the framework {id}, which this version of Reflect does not have. "
        "Install a newer Reflect; nothing was changed."
    )
    EVENT_NOT_FOUND = "No programme event has the id {id}."
    # Programme evaluation: returns the evaluator opens (each names only the file, so a list of
    # refusals reads from the path alone)
    EVAL_RETURN_NOT_RETURN = "{path} is not a Reflect evaluation return, so it is left out."
    EVAL_RETURN_TOO_LARGE = (
        "{path} is far larger than any evaluation return, so it was not opened; it is left out."
    )
    EVAL_RETURN_NOT_FOR_YOU = (
        "{path} was not sent to you: it is locked to another evaluator's key (or the part meant "
        "for you was damaged), so it is left out."
    )
    EVAL_RETURN_DAMAGED = (
        "{path} is damaged or was changed on the way, so it cannot be opened and is left out. "
        "Ask the participant to send it again."
    )
    EVAL_RETURN_BAD_SIGNATURE = (
        "{path} was changed after it was signed, so it cannot be trusted and is left out."
    )
    EVAL_RETURN_FORWARDED = (
        "{path} was written for a different evaluator and reached you re-encrypted by someone "
        "else, so it is left out."
    )
    EVAL_RETURN_TOO_NEW = (
        "{path} was written by a newer version of Reflect; it is left out. Install the newer "
        "version to read it."
    )
    EVAL_RETURN_INVALID = (
        "{path} is signed, but what it holds is not a valid evaluation return, so it is left out."
    )
    EVAL_RETURN_OTHER_PROGRAMME = (
        "{path} is a return for another programme, so it is left out of this one's report."
    )
    EVAL_RETURN_NOT_ASKED = (
        "{path} answers something this programme's evaluation does not ask (a time point, a "
        "rating or a question its pack does not name), so it is left out."
    )
    EVAL_RETURN_OFF_SCALE = "{path} holds a score outside its framework's scale, so it is left out."
    EVAL_NO_PLAN = "{name} asks for no evaluation: its pack has no [evaluation] section."
    EVAL_NOT_THE_EVALUATOR = (
        "Returns for {name} are locked to its evaluator's key, and this journal's keys are not "
        "theirs, so they cannot be opened here. Collect them in the evaluator's journal."
    )

    # Measures
    MEASURE_NOT_FOUND = "No measure has the id {id}."
    EMPTY_MEASURE_NAME = "A measure needs a name."
    BAD_BETTER = "Say which way is better: {value} is not one of {choices}."
    BAD_VALUE = "{value} is not a number. Write a plain decimal number such as 12 or 3.5."
    NOTE_TOO_LONG = "The note is longer than {limit} characters."
    MEASURE_CSV_BAD_LINE = "{path}, line {line}: {reason}. Nothing was recorded."
    MEASURE_CSV_TOO_LARGE = (
        "{path} is larger than {limit_mb} MB, far more than a measure's values. "
        "Nothing was recorded."
    )
    MEASURE_CSV_TOO_MANY_ROWS = "{path} has more than {limit} rows. Nothing was recorded."
    MEASURE_CSV_EMPTY = "{path} holds no values. Nothing was recorded."
    MEASURE_DATE_TWICE = "{day} is given twice; keep one of them. Nothing was saved."
    MEASURE_PASTE_TOO_LONG = "Paste at most {limit} rows at a time; nothing was pasted."
    MEASURE_NO_POINT = "{name} has no value on {day}; nothing was removed."
    MEASURE_FIELD_NOT_A_NUMBER = (
        "{field}: “{value}” is not a number. Write a number such as {example}, or leave it "
        "empty; nothing was saved."
    )

    # What a measure's chart shows (docs/measures.md); {first} and {last} are dates
    MEASURE_SIGNAL_SHIFT = (
        "Shift: {count} points in a row {side} the median, {first} to {last} "
        "(6 or more is a signal)."
    )
    MEASURE_SIGNAL_TREND = (
        "Trend: {count} points in a row going {way}, {first} to {last} "
        "(5 or more is a signal; equal values count once)."
    )
    MEASURE_SIGNAL_LONG_RUN = (
        "Long run: {count} points in a row {side} the median, {first} to {last}; "
        "more than {limit} is unusual in {useful} points."
    )
    MEASURE_SIGNAL_FEW_CROSSINGS = (
        "Few crossings: the points cross the median at {count} of {possible} possible places; "
        "fewer than {limit} is unusual in {useful} points."
    )
    MEASURE_SIGNAL_OUTSIDE_LIMITS = "Outside the limits: {first} is {side} the process limits."
    MEASURE_SIGNAL_SPC_RUN = (
        "Run: {count} points in a row {side} the mean, {first} to {last} "
        "(7 or more is special cause)."
    )
    MEASURE_SIGNAL_SPC_TREND = (
        "Trend: {count} points in a row each going {way}, {first} to {last} "
        "(7 or more is special cause)."
    )
    MEASURE_SIGNAL_TWO_OF_THREE = (
        "Near a limit: {count} points close to the {limit_side} limit, two of three in a row, "
        "{first} to {last}."
    )
    MEASURE_ABOVE = "above"
    MEASURE_BELOW = "below"
    MEASURE_UP = "up"
    MEASURE_DOWN = "down"
    MEASURE_UPPER = "upper"
    MEASURE_LOWER = "lower"
    MEASURE_IMPROVEMENT = "This is an improvement."
    MEASURE_CONCERN = "This is a concern."
    MEASURE_TOO_FEW = (
        "Too few points to judge: the run-chart rules need {needed} points off the median "
        "and there are {useful}."
    )
    MEASURE_NO_XMR = "An XmR chart needs {needed} points; there are {count}."
    MEASURE_VARIATION_COMMON_CAUSE = "Common cause variation: nothing unusual in the latest point."
    MEASURE_VARIATION_IMPROVEMENT_HIGH = "Special cause improvement: the latest point is high."
    MEASURE_VARIATION_IMPROVEMENT_LOW = "Special cause improvement: the latest point is low."
    MEASURE_VARIATION_CONCERN_HIGH = "Special cause concern: the latest point is high."
    MEASURE_VARIATION_CONCERN_LOW = "Special cause concern: the latest point is low."
    MEASURE_ASSURANCE_CONSISTENTLY_PASS = "The limits say the goal will consistently be met."
    MEASURE_ASSURANCE_CONSISTENTLY_FAIL = "The limits say the goal will consistently be missed."
    MEASURE_ASSURANCE_HIT_AND_MISS = (
        "The goal lies within the limits: it will be met some times and missed at others."
    )

    # Spelling
    SPELLING_UNAVAILABLE = (
        "Spell checking is not available: the British English dictionary in {folder} "
        "could not be loaded."
    )

    # Evaluation: the participant's returns (docs/evaluation.md, "For participants")
    EVALUATION_NONE = (
        "No installed programme asks for an evaluation. It comes with your facilitator's pack."
    )
    EVALUATION_NO_PROGRAMME = "No installed programme with an evaluation has the id {id}."
    EVALUATION_WHICH_PROGRAMME = (
        "More than one programme asks for an evaluation; name one with --programme: {choices}."
    )
    EVALUATION_UNKNOWN_TIME_POINT = (
        "The evaluation of {programme} has no time point {key}. Choose one of: {choices}."
    )
    EVALUATION_NOT_YET_OPEN = (
        "The {label} return of {programme} is not due yet, so nothing was written."
    )
    EVALUATION_WITHDRAWN = (
        "You withdrew from the evaluation of {programme}, so nothing was written: a withdrawal "
        "removes every return of yours from every later report."
    )
    EVALUATION_NO_COUNTS = (
        "The evaluation of {programme} does not ask for counts, so none can be included."
    )
    EVALUATION_UNKNOWN_QUESTION = (
        "The evaluation of {programme} has no question {key}. Its questions are: {choices}."
    )
    EVALUATION_TEXT_TOO_LONG = (
        "An answer or quote in a return can be at most {limit} characters; one has {length}."
    )
    EVALUATION_TOO_MANY_QUOTES = (
        "A return can hold at most {limit} quotes; {count} were chosen. Nothing was written."
    )
    EVALUATION_NO_CONSENT = "Nothing was written: a return is written only once you agree."
    EVALUATION_BAD_ANSWER = "Write {option} as KEY=TEXT, for example: {example}"
    # Lines of a return's preview: exactly what will leave
    EVALUATION_PREVIEW_TITLE = "Evaluation return for {programme}: “{label}”"
    EVALUATION_PREVIEW_TO = "Encrypted so that only the evaluator can read it: {evaluator}"
    EVALUATION_PREVIEW_ALSO = (
        "Also in the file: the programme ({programme_id}) and time point ({key}) it is for, "
        "the moment you save it, a random id for the file, and the public half of a key made "
        "for this programme alone, which signs it: not your name, card or keys."
    )
    EVALUATION_PREVIEW_RATINGS = "Your ratings, from your self-assessment on {framework}:"
    EVALUATION_PREVIEW_RATED_ON = "(from your self-assessment of {day}; the date is not sent)"
    EVALUATION_PREVIEW_OLD_RATING = (
        "That self-assessment is older than this time point. If your view has changed, "
        "assess yourself again first."
    )
    EVALUATION_PREVIEW_NOT_RATED = (
        "No self-assessment on {framework} yet, so no ratings for it. Assess yourself first "
        "to include them."
    )
    EVALUATION_PREVIEW_RATING = "  {domain}: {score}"
    EVALUATION_PREVIEW_COUNTS = "Counts, from {since} to {until}:"
    EVALUATION_PREVIEW_COUNTS_ALL = "Counts, up to {until}:"
    EVALUATION_PREVIEW_COUNT = "  {name}: {number}"
    EVALUATION_PREVIEW_NO_COUNTS = "No counts."
    EVALUATION_PREVIEW_QUOTES = "Quotes, in your words:"
    EVALUATION_PREVIEW_QUOTE = "  \u201c{text}\u201d"
    EVALUATION_PREVIEW_QUOTE_WARNING = "    May identify someone ({reason}): {found}"
    EVALUATION_PREVIEW_NO_QUOTES = "No quotes."
    EVALUATION_PREVIEW_ANSWER = "{question}"
    EVALUATION_PREVIEW_ANSWER_TEXT = "  {text}"
    EVALUATION_PREVIEW_NOT_ANSWERED = "  (not answered)"
    EVALUATION_PREVIEW_NOTICE = "The facilitator's privacy notice:"
    EVALUATION_PREVIEW_WITHDRAWAL = (
        "A withdrawal from the evaluation of {programme}. It holds no answers: it tells the "
        "evaluator to remove every return signed with your key for this programme from every "
        "later report. Returns already in a report someone has are not recalled."
    )
    EVALUATION_COUNT_ENTRIES_WRITTEN = "Entries written"
    EVALUATION_COUNT_ACTIONS_STARTED = "Actions to start added"
    EVALUATION_COUNT_ACTIONS_STOPPED = "Actions to stop added"
    EVALUATION_COUNT_MEASURES_WITH_SIGNALS = "Measures with a signal"

    @property
    def template(self) -> str:
        return str(self.value)
