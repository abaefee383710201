"""Fuzzing the strict age reader (reflect.secrets.age_format) that runs before pyrage.

Starting from the conformance vectors' files, armored and binary, damaged a little or with a
header line swapped for another: the reader either returns a header or raises AgeFormatError,
never anything else; what it returns reads again the same from its own binary; and a passphrase
file it passes never asks for more work than the limit.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from age_vectors import DATA, age_file, armored
from fuzz_support import damaged, fuzz_settings
from reflect.secrets import age_format

FUZZ = fuzz_settings(quick=300)
FILES = [age_file(p.name) for p in sorted(DATA.iterdir()) if p.name != "README.md"]
SMALL = [f for f in FILES if len(f) < 4096 and f.startswith(b"age-encryption.org/")]
HEADER_LINES = st.sampled_from(
    [
        b"-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc",
        b"-> scrypt rF0/NwblUHHTpgQgRpe5CQ 18",
        b"-> scrypt rF0/NwblUHHTpgQgRpe5CQ 22",
        b"-> grease ~!@ x",
        b"",
        b"A" * 64,
        b"--- ",
        b"---",
        b"->",
    ]
)


@st.composite
def relined(draw: st.DrawFn, binary: bytes) -> bytes:
    """``binary`` with one of its first lines replaced by, or preceded by, another header line."""
    lines = binary.split(b"\n")
    at = draw(st.integers(0, min(len(lines) - 1, 6)))
    line = draw(HEADER_LINES)
    if draw(st.booleans()):
        lines[at] = line
    else:
        lines.insert(at, line)
    return b"\n".join(lines)


def inputs() -> st.SearchStrategy[bytes]:
    binaries = st.sampled_from(SMALL)
    return (
        damaged(binaries)
        | binaries.flatmap(relined)
        | damaged(binaries.map(armored))
        | binaries.flatmap(relined).map(armored)
        | st.binary()
    )


@FUZZ
@given(data=inputs())
def test_any_input_reads_or_is_refused_with_an_age_format_error(data: bytes) -> None:
    try:
        read = age_format.read(data)
    except age_format.AgeFormatError:
        return
    again = age_format.read(read.binary)
    assert (again.stanzas, again.mac) == (read.stanzas, read.mac)
    try:
        read.with_passphrase()
    except age_format.ScryptTooCostly as exc:
        assert exc.work_factor > age_format.MAX_SCRYPT_WORK_FACTOR
    else:
        work = read.scrypt_work_factor
        assert work is None or work <= age_format.MAX_SCRYPT_WORK_FACTOR


@pytest.mark.parametrize("size", [1_000, 1_000_000])
def test_long_lines_and_many_stanzas_are_read_in_linear_time(size: int) -> None:
    """Bounded work for big inputs: a huge stanza line, or a great many empty stanzas."""
    with pytest.raises(age_format.MalformedAge):
        age_format.read(b"age-encryption.org/v1\n-> " + b"a" * size)
    many = b"age-encryption.org/v1\n" + b"-> x\n\n" * size + b"--- " + b"A" * 43 + b"\n"
    with pytest.raises(age_format.MalformedAge):
        age_format.read(many)  # refused only at the end: no payload follows the header
