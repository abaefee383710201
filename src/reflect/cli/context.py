"""What every command shares: the chosen paths and a journal opened only when needed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click

from reflect.app import App, open_app
from reflect.paths import Paths, resolve_paths


@dataclass
class CliState:
    data_dir: Path | None
    debug: bool
    _app: App | None = field(default=None, init=False)

    @property
    def paths(self) -> Paths:
        return resolve_paths(self.data_dir)

    def app(self) -> App:
        """The journal, opened on first use and closed when the command ends."""
        if self._app is None:
            self._app = open_app(self.paths)
            click.get_current_context().call_on_close(self._app.close)
        return self._app


pass_state = click.make_pass_decorator(CliState)
