"""Commands load lazily: each is found in its own module, and a search loads little else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cli_harness import SUBPROCESS_TIMEOUT

from reflect.app import open_app
from reflect.cli.main import COMMAND_MODULES, MODULE_OF, cli, commands_in
from reflect.paths import resolve_paths

# Run ``reflect ARGS`` in a fresh interpreter and print the modules it imported.
_LOADED_BY = """
import json, sys
from reflect.cli.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_by(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_BY, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=SUBPROCESS_TIMEOUT,
        check=True,
    )
    return set(json.loads(done.stderr.splitlines()[-1]))


def test_every_command_is_listed_with_its_module() -> None:
    defined = {
        str(command.name): module for module in COMMAND_MODULES for command in commands_in(module)
    }
    assert defined == MODULE_OF


def test_help_lists_every_command() -> None:
    names = cli.list_commands(None)  # type: ignore[arg-type]
    assert names == sorted(MODULE_OF)


def test_a_search_loads_neither_sharing_nor_sqlite_utils(tmp_path: Path) -> None:
    app = open_app(resolve_paths(tmp_path))
    app.entries.write("Relationships first.")
    app.backups.back_up_if_due()  # as the day's first command would have
    app.close()

    loaded = loaded_by("--data-dir", str(tmp_path), "search", "relation")

    assert "reflect.services.search" in loaded
    unwanted = {"reflect.services.sharing", "reflect.cli.exchange_commands", "sqlite_utils"}
    assert loaded & unwanted == set()
