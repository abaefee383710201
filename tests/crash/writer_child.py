"""A journal writer for the kill test, run as its own process and killed at random moments.

``python writer_child.py DATA_DIR SEED DAY`` opens the journal through the composition root
(as the app and every command do, daily backup and pruning included) with a clock moved DAY
days ahead, so that each run takes the day's backup. Then it writes, edits and autosaves a
draft in a seeded random order, forever, printing one JSON line before each change starts
("begin") and one after the call committing it has returned ("done": acknowledged). Lines
carry the change's number and a digest of the text rather than the text, so the pipe never
holds the child back, and each goes out in one write of less than PIPE_BUF bytes, so a kill
cannot cut one short (the parent drops an unfinished last line all the same).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from reflect.app import open_app
from reflect.core.clock import utc_now
from reflect.paths import resolve_paths

WORDS = [
    "relationships",
    "measures",
    "flow",
    "discharge",
    "ownership",
    "learning",
    "practice",
    "system",
    "trust",
    "coaching",
    "workshop",
    "data",
    "quality",
    "improvement",
    "patients",
    "teams",
    "stop",
    "start",
    "continue",
    "notice",
]


def say(**event: object) -> None:
    print(json.dumps(event), flush=True)


def digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def text(rng: random.Random, label: str) -> str:
    # Sizes vary from a line to a few pages, so commits span one page to many.
    return label + " " + " ".join(rng.choice(WORDS) for _ in range(rng.choice((5, 50, 2000))))


def main(data_dir: str, seed: str, day: str) -> None:
    def clock() -> datetime:
        return utc_now() + timedelta(days=int(day))

    rng = random.Random(f"{seed}/{day}")
    say(event="started")
    app = open_app(resolve_paths(Path(data_dir)), clock)
    say(event="opened")
    app.backups.back_up_if_due()  # as every front end does on opening
    say(event="ready")
    ids = [e.id for e in app.entries.page(limit=200)]
    draft = app.drafts.start()
    for n in range(1_000_000):
        label = f"day {day} change {n}"
        roll = rng.random()
        if roll < 0.6 or not ids:
            body = text(rng, label)
            say(event="begin", op="write", change=n, body=digest(body))
            entry = app.entries.write(body)
            ids.append(entry.id)
            say(event="done", op="write", change=n, id=entry.id, body=digest(entry.body))
        elif roll < 0.85:
            entry_id, body = rng.choice(ids), text(rng, label)
            say(event="begin", op="edit", change=n, id=entry_id, body=digest(body))
            app.entries.update(entry_id, body=body)
            say(event="done", op="edit", change=n, id=entry_id, body=digest(body))
        else:
            body = text(rng, label)
            say(event="begin", op="draft", change=n, id=draft.id, body=digest(body))
            draft = app.drafts.autosave(replace(draft, body=body))
            say(event="done", op="draft", change=n, id=draft.id, body=digest(body))


if __name__ == "__main__":
    main(*sys.argv[1:])
