"""The settings Reflect takes from a jrnl config file (``jrnl.yaml``; jrnl 1.x wrote JSON,
which YAML reads too).

Only what changes how a journal file reads: ``timeformat``, ``tagsymbols`` and, for folder
journals, ``extension``. A journal listed under ``journals`` by the path being imported may
override them, as in jrnl::

    timeformat: '%Y-%m-%d %H:%M'
    journals:
      default: ~/journal.txt
      work:
        journal: ~/work.txt
        timeformat: '%d.%m.%Y %I:%M %p'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reflect.errors import BadInput
from reflect.files import Malformed, decode_utf8, read_bytes
from reflect.messages import Msg

CONFIG_FORMAT = "jrnl config"
MAX_CONFIG_BYTES = 1024 * 1024
_KEYS = ("timeformat", "tagsymbols", "extension")


@dataclass(frozen=True)
class JrnlConfig:
    time_format: str | None = None
    tag_symbols: str | None = None
    extension: str | None = None


def read_jrnl_config(config: Path, journal: Path) -> JrnlConfig:
    """The settings for ``journal`` in the config file ``config``."""
    data = read_bytes(config)
    if len(data) > MAX_CONFIG_BYTES:
        raise BadInput(
            Msg.FILE_MALFORMED, path=config, format=CONFIG_FORMAT, reason="it is too large"
        )
    text = decode_utf8(data, config)
    try:
        return _settings(text, journal)
    except Malformed as exc:
        raise BadInput(
            Msg.FILE_MALFORMED, path=config, format=CONFIG_FORMAT, reason=str(exc)
        ) from None


def _settings(text: str, journal: Path) -> JrnlConfig:
    import yaml

    try:
        document = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        where = f"line {exc.problem_mark.line + 1}: " if exc.problem_mark else ""
        raise Malformed(f"it is not YAML ({where}{exc.problem})") from exc
    except (yaml.YAMLError, RecursionError) as exc:
        raise Malformed("it is not YAML") from exc
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise Malformed("expected a mapping of settings")
    settings = _pick(document, "")
    journals = document.get("journals", {})
    if journals is None:
        journals = {}
    if not isinstance(journals, dict):
        raise Malformed("journals is not a mapping")
    for name, value in journals.items():
        if isinstance(value, dict) and _is_this_journal(value.get("journal"), journal):
            settings.update(_pick(value, f"journals: {name}: "))
    return JrnlConfig(
        time_format=settings.get("timeformat"),
        tag_symbols=settings.get("tagsymbols"),
        extension=settings.get("extension"),
    )


def _pick(mapping: dict[object, object], where: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for key in _KEYS:
        if key in mapping and mapping[key] is not None:
            value = mapping[key]
            if not isinstance(value, str) or not value:
                raise Malformed(f"{where}{key} is not text")
            found[key] = value
    return found


def _is_this_journal(listed: object, journal: Path) -> bool:
    if not isinstance(listed, str) or not listed:
        return False
    try:
        path = Path(os.path.expandvars(os.path.expanduser(listed)))
        return path.resolve() == journal.resolve()
    except (OSError, ValueError, RuntimeError):
        return False
