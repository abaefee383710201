"""A journal converter for the kill test, run as its own process and killed at random moments.

``python converter_child.py DATA_DIR PASSPHRASE`` opens the journal (with the passphrase, when
it is encrypted) and turns encryption on if it is off, off if it is on, printing one JSON line
as it starts, after each step (the backup, then each file converted) and when it is done.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reflect.app import open_app
from reflect.paths import resolve_paths


def say(**event: object) -> None:
    print(json.dumps(event), flush=True)


def main(data_dir: str, passphrase: str) -> None:
    say(event="started")
    app = open_app(resolve_paths(Path(data_dir)), unlock=lambda: passphrase)
    encrypted = app.store.encrypted
    say(event="opened", encrypted=encrypted)

    def step(done: int, total: int) -> None:
        say(event="step", done=done, total=total)

    if encrypted:
        app.encryption.decrypt(progress=step)
    else:
        app.encryption.encrypt(passphrase, progress=step)
    say(event="done", encrypted=app.store.encrypted)
    app.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
