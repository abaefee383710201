"""A hidden command for the bundle's smoke test: which words would the window underline?"""

from __future__ import annotations

import click

from reflect.cli.context import CliState, pass_state
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.spelling import USER_WORDS_FILE, Speller


@click.command("spelling", hidden=True)
@click.argument("words", nargs=-1, required=True)
@pass_state
def spelling(state: CliState, words: tuple[str, ...]) -> None:
    """Print those of WORDS that are misspelt, one a line.

    Uses the dictionary the window uses, with your added words; fails if it cannot be loaded
    (so a bundle missing it is caught). Opens no journal.
    """
    speller = Speller(state.paths.config_dir / USER_WORDS_FILE)
    speller.load()
    if not speller.available:
        raise BadInput(Msg.SPELLING_UNAVAILABLE, folder=speller.dictionary_dir)
    for word in speller.misspelt(words):
        click.echo(word)


COMMANDS = (spelling,)
