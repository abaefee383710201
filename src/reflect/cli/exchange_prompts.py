"""Passphrases and peer text on the command line, for the exchange commands.

A passphrase comes from a hidden prompt on a terminal, or from an environment variable named by
an option; never from a command-line argument, which other users of the machine can see.
Text written by peers is shown with control characters replaced, so a bundle cannot drive the
terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from reflect.app import App
from reflect.cli.context import CliState
from reflect.cli.output import counted
from reflect.core.entry import title_of
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.secrets.passphrase_file import PassphraseProvider

KEYS_PROMPT = "Passphrase for your Reflect keys"
NEW_KEYS_PROMPT = "Choose a passphrase to protect your Reflect keys"


def passphrase_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--passphrase-env`` and ``--keys-passphrase-env`` for commands that may need keys."""
    command = click.option(
        "--keys-passphrase-env",
        metavar="NAME",
        help="Environment variable holding the passphrase of your keys file, when it differs "
        "from --passphrase-env (needed only where no system keyring works).",
    )(command)
    return click.option(
        "--passphrase-env",
        metavar="NAME",
        help="Environment variable holding the passphrase, instead of typing it.",
    )(command)


def with_keys(state: CliState, passphrase_env: str | None, keys_env: str | None) -> App:
    """The journal, its key service ready to ask for the keys-file passphrase."""
    app = state.app()
    notices: list[Msg] = []
    prompt = prompter(keys_env or passphrase_env, KEYS_PROMPT, NEW_KEYS_PROMPT, notices)
    app.keys.set_prompts(prompt, notices.append)
    return app


def prompter(
    env_name: str | None,
    prompt: str,
    new_prompt: str | None = None,
    notices: list[Msg] | None = None,
) -> PassphraseProvider:
    """Asks on a terminal or reads ``env_name``. Notices waiting in ``notices`` (why a
    passphrase is needed) are shown just before, and only if, a passphrase can be had, so a
    command that cannot ask fails with one line."""
    waiting = notices if notices is not None else []

    def provide(*, new: bool) -> str:
        if not env_name and not sys.stdin.isatty():
            raise BadInput(Msg.PASSPHRASE_NEEDS_TERMINAL)
        answer = from_environment(env_name) if env_name else None
        for notice in waiting:
            tell(notice)
        waiting.clear()
        if answer is None:
            text = (new_prompt or prompt) if new else prompt
            answer = click.prompt(text, hide_input=True, confirmation_prompt=new, err=True)
        return str(answer)

    return provide


def passphrase(env_name: str | None, prompt: str, *, new: bool) -> str:
    """A passphrase for a backup or a bundle, asked now."""
    return prompter(env_name, prompt)(new=new)


def from_environment(name: str) -> str:
    value = os.environ.get(name)
    if value is None:
        raise BadInput(Msg.PASSPHRASE_ENV_MISSING, name=name)
    return value


def tell(msg: Msg, **params: Any) -> None:
    """A notice for the user (not an error), on standard error."""
    click.echo(msg.template.format(**params), err=True)


def warn(text: str) -> None:
    click.echo(click.style("Warning: ", fg="yellow", bold=True) + text, err=True)


def safe(text: str) -> str:
    """Peer text for a terminal: control characters (escape sequences) become U+FFFD."""
    return "".join(ch if ch in "\n\t" or ch.isprintable() else "\ufffd" for ch in text)


def one_line(text: str, width: int = 70) -> str:
    flat = " ".join(safe(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def item_line(item: dict[str, Any]) -> str:
    """One line saying what an item is, for previews and the inbox."""
    kind = item["type"]
    if kind == "entry":
        answers = (str(response["text"]) for response in item.get("responses", []))
        text = f"{item['created'][:10]}  {title_of(item['title'], item['body'], answers)}"
    elif kind == "action":
        text = f"{item['kind']} ({item['status']}): {item['text']}"
    elif kind == "assessment":
        scores = counted(len(item["scores"]), "score")
        text = f"{item['framework_name'] or item['framework_id']}, {scores}"
    elif kind == "connection-counts":
        total = sum(n for m in item["months"] for k, n in m.items() if k != "month")
        text = f"connections by sector: {counted(total, 'connection')}, counts only"
    else:
        field = {"inquiry": "question", "note": "text", "comment": "body"}[kind]
        text = str(item[field])
    return one_line(text)


def item_details(item: dict[str, Any]) -> list[str]:
    """The full text of an item beyond its one-line summary."""
    kind = item["type"]
    if kind == "inquiry":
        earlier = [f"  earlier: {w['question']}" for w in item["wordings"][:-1]]
        return [*earlier, *([f"  why: {item['why']}"] if item["why"] else [])]
    if kind == "entry":
        answers = [f"  {r['label'] or r['prompt_id']}: {r['text']}" for r in item["responses"]]
        return [*([item["body"]] if item["title"] and item["body"] else []), *answers]
    if kind == "assessment":
        return [f"  {s['domain_id']}: {s['score']}  {s['evidence']}" for s in item["scores"]]
    if kind == "connection-counts":
        return [
            "  " + m["month"] + ": " + ", ".join(f"{k} {n}" for k, n in m.items() if k != "month")
            for m in item["months"]
        ]
    if kind in ("note", "comment"):
        text = item["text"] if kind == "note" else item["body"]
        return [text] if len(text) > 70 or "\n" in text else []
    return []
