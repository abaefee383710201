"""Hypothesis strategies for untrusted files: nasty values, mutated documents, damaged bytes.

Any reader of a file from outside (importers, bundles, cards, frameworks, packs) is fuzzed the
same way: start from a *valid* document, so the fuzz gets past the first checks, and change it a
little (:func:`mutated`), or damage its bytes (:func:`damaged`); pure random bytes cover the
rest. ``journal_snapshot`` holds the other half: a journal per example and the check that a
refused file changed nothing.

    @given(data=damaged(json_bytes(mutated(VALID_DOCUMENT))) | st.binary())
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import re
import time
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def fuzz_settings(quick: int) -> settings:
    """``quick`` examples in everyday runs (a few seconds a property); in the long run
    (``--hypothesis-profile=fuzz``, docs/fuzzing.md) the profile's many."""
    long_run = settings.get_current_profile_name() == "fuzz"
    return settings(
        max_examples=settings.default.max_examples if long_run else quick,
        # Files of a megabyte and journals copied per example are slow by design.
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


HUGE_TEXT = "x" * 1_000_000  # enormous strings: picked, not generated, so they cost little

SHORT_NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "nul\x00inside",
        "\ud800",  # a lone surrogate: not text, and not UTF-8 when written out
        "\udcff tail",
        "\u202eright-to-left",
        "\ufeffbom",
        "\r\n\r\n",
        "\x1b[31mred",
        "é" * 1000,
        "🙂",
        "../../etc/passwd",
        "null",
        "-----BEGIN AGE ENCRYPTED FILE-----",
        "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        "ed25519:AAAA",
        "00000000-0000-0000-0000-000000000000",
        "{11111111-1111-4111-8111-111111111111}",
        "urn:uuid:11111111-1111-4111-8111-111111111111",
    ]
)
NASTY_TEXT = SHORT_NASTY_TEXT | st.just(HUGE_TEXT)
NASTY_NUMBERS = st.sampled_from(
    [0, -1, 1, 2, 7, 2**31, 2**63, -(2**63) - 1, 10**30, 10**4000, 1e308, 1.5, -0.0, True, False]
) | st.floats(allow_nan=True, allow_infinity=True)
NASTY_MOMENTS = st.sampled_from(
    [
        "2026-03-01T09:00:00.000000+00:00",
        "2026-03-01T09:00:00Z",
        "2026-03-01T09:00:00",
        "2026-03-01 09:00",
        "2026-03-01",
        "20260301T090000+0000",
        "0001-01-01T00:00:00+00:00",
        "0001-01-01T00:00:00+14:00",
        "0001-01-01T00:00:00",
        "0001-01-01",
        "9999-12-31T23:59:59.999999+00:00",
        "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59",
        "9999-12-31",
        "2026-02-29T09:00:00+00:00",
        "2026-03-01T24:00:00+00:00",
        "2026-03-01T09:00:00+24:00",
        "2026-03-01T09:00:00+23:59:59.999999",
        "+12026-03-01T09:00:00+00:00",
        "2026-W09-1T09:00:00+00:00",
        "yesterday",
        "",
    ]
)
NASTY_DAYS = st.sampled_from(
    ["2026-03-01", "0001-01-01", "9999-12-31", "2026-02-29", "2026-13-01", "2026-3-1", "20260301"]
)
NASTY_VALUES = (
    NASTY_TEXT
    | NASTY_NUMBERS
    | NASTY_MOMENTS
    | NASTY_DAYS
    | st.none()
    | st.builds(list)  # new each time: a shared object would carry changes between examples
    | st.builds(dict)
    | st.text(max_size=20)
)


def json_values(leaves: st.SearchStrategy[Any] = NASTY_VALUES) -> st.SearchStrategy[Any]:
    """Any JSON-like value, leaves drawn from ``leaves`` (nasty ones by default)."""
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=10,
    )


# Where the examples run: local time changes what a timestamp near the calendar's ends does.
# POSIX zone strings (the sign is inverted: "<-12>+12" is twelve hours behind UTC), so no
# time zone database is needed.
TIME_ZONES = st.sampled_from(["UTC0", "<-12>+12", "<+14>-14", "<+0530>-5:30", "GMT0BST,M3.5.0/1"])


@contextlib.contextmanager
def local_time_zone(zone: str) -> Iterator[None]:
    """Run with ``zone`` as the local time zone (where ``time.tzset`` exists: not on Windows)."""
    if not hasattr(time, "tzset"):
        yield
        return
    saved = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


# Mutating a document ---------------------------------------------------------------------------

Location = tuple[Any, Any]  # (container, key or index); (None, None) is the document itself


def locations(document: Any) -> list[Location]:
    """Every place in a JSON-like document that holds a value, the document itself first."""
    found: list[Location] = [(None, None)]
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, (dict, list)):
            children = value.items() if isinstance(value, dict) else enumerate(value)
            for key, child in children:
                found.append((value, key))
                stack.append(child)
    return found


def _nested(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated(draw: st.DrawFn, document: Any, max_changes: int = 4) -> Any:
    """``document`` (a deep copy) with one to ``max_changes`` changes at places drawn at random:
    a value replaced by a nasty one or by one of another type, deleted, duplicated in its list
    (duplicate ids), wrapped in lists (deep nesting), made enormous, or an unknown key added."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, max_changes))):
        container, key = draw(st.sampled_from(locations(document)))
        if container is None:
            document = draw(NASTY_VALUES | json_values() | st.just(_nested(document, 50)))
        else:
            _change(draw, container, key)
    return document


def _change(draw: st.DrawFn, container: Any, key: Any) -> None:
    value = container[key]
    how = draw(st.sampled_from(["replace", "delete", "duplicate", "nest", "enlarge", "add"]))
    if how == "replace":
        container[key] = draw(like(value) | NASTY_VALUES | json_values())
    elif how == "delete":
        del container[key]
    elif how == "duplicate" and isinstance(container, list):
        try:
            container.insert(key, copy.deepcopy(value))
        except RecursionError:  # nested by an earlier change too deeply to copy: share it
            container.insert(key, value)
    elif how == "nest":
        container[key] = _nested(value, draw(st.sampled_from([1, 2, 50, 500])))
    elif how == "enlarge" and isinstance(value, str):
        container[key] = value + HUGE_TEXT
    elif how == "enlarge" and isinstance(value, list) and value:
        container[key] = value * 2
    elif how == "add" and isinstance(value, dict):
        value[draw(st.text(max_size=10) | st.sampled_from(sorted(value) or [""]))] = draw(
            json_values()
        )
    else:
        container[key] = draw(NASTY_VALUES)


@st.composite
def retexted(
    draw: st.DrawFn, document: Any, keep: frozenset[str] = frozenset(), max_changes: int = 3
) -> Any:
    """``document`` (a deep copy) with up to ``max_changes`` of its strings replaced by nasty
    text, except those under the keys in ``keep`` (ids, format names): the shape stays valid,
    so strict readers get past their structure checks."""
    document = copy.deepcopy(document)
    texts = [
        (c, k)
        for c, k in locations(document)
        if c is not None and isinstance(c[k], str) and k not in keep
    ]
    for _ in range(draw(st.integers(1, max_changes)) if texts else 0):
        container, key = draw(st.sampled_from(texts))
        container[key] = draw(like(container[key]) | NASTY_TEXT | st.text())
    return document


_LOOKS_LIKE_A_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def like(value: Any) -> st.SearchStrategy[Any]:
    """Nasty values of the same sort as ``value``: timestamps for a timestamp, numbers for a
    number, so a change is likely to pass the type check and reach the checks behind it."""
    if isinstance(value, str) and _LOOKS_LIKE_A_DAY.match(value):
        return NASTY_MOMENTS | NASTY_DAYS
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return NASTY_NUMBERS
    if isinstance(value, str):
        return SHORT_NASTY_TEXT
    return NASTY_VALUES


# Bytes -----------------------------------------------------------------------------------------


@st.composite
def json_bytes(draw: st.DrawFn, documents: st.SearchStrategy[Any]) -> bytes:
    """A document as JSON bytes, written the ways writers do (escaped or not, indented or not);
    a lone surrogate written unescaped becomes bytes that are not UTF-8."""
    document = draw(documents)
    text = json.dumps(
        document,
        ensure_ascii=draw(st.booleans()),
        indent=draw(st.sampled_from([None, 1, 2])),
        allow_nan=True,
        check_circular=False,
    )
    return text.encode("utf-8", "surrogatepass")


DAMAGE_BYTES = st.sampled_from(
    [
        *(b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b'"', b"\\", b"{", b"]"),
        *(b"9" * 5000, b"1e999", b"-Infinity", b"NaN"),  # numbers no parser can hold
    ]
) | st.binary(min_size=1, max_size=8)


@st.composite
def damaged(draw: st.DrawFn, data: st.SearchStrategy[bytes] | bytes, most: int = 3) -> bytes:
    """``data`` with up to ``most`` kinds of damage: cut short, bits flipped, bytes inserted
    (NULs, invalid UTF-8, byte-order marks), a stretch deleted or repeated."""
    raw = bytearray(data if isinstance(data, bytes) else draw(data))
    for _ in range(draw(st.integers(0, most))):
        at = draw(st.integers(0, len(raw)))
        how = draw(st.sampled_from(["cut", "flip", "insert", "delete", "repeat"]))
        if how == "cut":
            del raw[at:]
        elif how == "flip" and at < len(raw):
            raw[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            raw[at:at] = draw(DAMAGE_BYTES)
        elif how == "delete":
            del raw[at : at + draw(st.integers(1, 64))]
        elif how == "repeat":
            raw[at:at] = raw[at : at + draw(st.integers(1, 256))]
    return bytes(raw)


def deeply_nested_json(depth: int = 100_000) -> bytes:
    """JSON nested far deeper than any parser's recursion limit."""
    return b"[" * depth + b"]" * depth


# TOML ------------------------------------------------------------------------------------------


def toml_text(document: dict[str, Any]) -> str:
    """A document as TOML (tables, arrays of tables, and inline values), so that a mutated
    dictionary can be fuzzed as a TOML file. Values TOML cannot hold (None) are left out, and
    strings are written with every escape TOML knows, lone surrogates included. A document
    nested too deeply to write this way becomes a TOML file nested as deeply."""
    try:
        return "\n".join(_toml_table(document, ()))
    except RecursionError:
        return "nested = " + "[" * 10_000 + "]" * 10_000


def _toml_table(table: dict[str, Any], where: tuple[str, ...]) -> list[str]:
    simple = {k: v for k, v in table.items() if not _is_table(v) and not _is_tables(v)}
    lines = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in simple.items() if v is not None]
    for key, value in table.items():
        name = ".".join(_toml_key(part) for part in (*where, key))
        if _is_table(value):
            lines += ["", f"[{name}]", *_toml_table(value, (*where, key))]
        elif _is_tables(value):
            for item in value:
                lines += ["", f"[[{name}]]", *_toml_table(item, (*where, key))]
    return lines


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _toml_key(key: str) -> str:
    return (
        key
        if key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
        else (_toml_string(key))
    )


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _toml_number(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        pairs = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None)
        return "{" + ", ".join(pairs) + "}"
    return _toml_string(str(value))


def _toml_number(value: float) -> str:
    if value != value:
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return repr(value)


def _toml_string(text: str) -> str:
    return '"' + _TOML_ESCAPE.sub(_toml_escape, text) + '"'


_TOML_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f\ud800-\udfff]')


def _toml_escape(match: re.Match[str]) -> str:
    char = match.group()
    return "\\" + char if char in '"\\' else f"\\u{ord(char):04X}"
