"""The speller: the shipped British English dictionary, the programme's words, the user's
dictionary, and which words of a Markdown line are checked."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from reflect.errors import ReflectError
from reflect.services.spelling import Speller
from reflect.services.spelling_words import opens_or_closes_fence, word_at, words_in


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Speller:
    speller = Speller(tmp_path_factory.mktemp("config") / "spelling-words.txt")
    speller.load()
    return speller


def test_british_english_is_the_dictionary(loaded: Speller) -> None:
    assert loaded.available
    for word in ("colour", "organisation", "programme", "centre", "receive", "don’t", "I"):
        assert loaded.is_correct(word), word
    for word in ("color", "center", "recieve", "organsation"):
        assert not loaded.is_correct(word), word


def test_programme_words_are_accepted(loaded: Speller) -> None:
    for word in ("ICB", "PDSA", "CSIF", "NHS", "GROW", "Gibbs", "co-production", "wellbeing"):
        assert loaded.is_correct(word), word


def test_suggestions_put_the_likely_word_first(loaded: Speller) -> None:
    assert loaded.suggestions("recieve")[0] == "receive"
    assert "colour" in loaded.suggestions("color")
    assert loaded.suggestions("x" * 200) == []


def test_every_word_passes_until_the_dictionary_is_loaded(tmp_path: Path) -> None:
    speller = Speller(tmp_path / "words.txt")
    assert not speller.ready
    assert speller.is_correct("recieve")
    assert speller.misspelt(["recieve", "receive"]) == ["recieve"]  # misspelt() loads
    assert speller.ready


def test_loading_in_the_background_tells_when_done(tmp_path: Path) -> None:
    speller = Speller(tmp_path / "words.txt")
    done = threading.Event()
    speller.load_in_background(done.set)
    assert done.wait(60)
    assert speller.ready and not speller.is_correct("recieve")


def test_added_words_are_kept_owner_only_and_read_by_the_next_session(tmp_path: Path) -> None:
    path = tmp_path / "config" / "spelling-words.txt"
    speller = Speller(path)
    speller.load()
    assert not speller.is_correct("Okafor")
    speller.add("Okafor")
    assert speller.is_correct("Okafor")
    assert path.read_text(encoding="utf-8") == "Okafor\n"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    later = Speller(path)
    later.load()
    assert later.is_correct("Okafor") and later.user_words == {"Okafor"}


def test_an_unreadable_word_list_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "spelling-words.txt"
    path.write_bytes(b"\xff\xfe not text \x00")
    speller = Speller(path)
    speller.load()
    assert speller.available  # the dictionary still works
    with pytest.raises(ReflectError):
        speller.add("Okafor")
    assert path.read_bytes() == b"\xff\xfe not text \x00"


def test_a_missing_dictionary_turns_checking_off(tmp_path: Path) -> None:
    speller = Speller(tmp_path / "words.txt", dictionary_dir=tmp_path / "nowhere")
    speller.load()
    assert speller.ready and not speller.available
    assert speller.is_correct("recieve") and speller.suggestions("recieve") == []


def texts(line: str) -> list[str]:
    return [w.text for w in words_in(line)]


def test_markdown_syntax_addresses_code_and_acronyms_are_skipped() -> None:
    line = (
        "## I **recieve** _teh_ [notes](https://exmple.org/pth) from www.exmple.org, "
        "sam@exmple.org, `cde span`, v2 snake_case NHSE <br> it's co-production"
    )
    assert texts(line) == [
        "recieve", "teh", "notes", "from", "it's", "co-production",
    ]  # fmt: skip


def test_word_positions_point_at_the_word() -> None:
    line = "**Colour** and ‘organsation’"
    for word in words_in(line):
        assert line[word.start : word.end] == word.text
    assert word_at(line, 3) == next(iter(words_in(line)))
    assert word_at(line, 10) is None  # between words, on the space and stars


def test_fences_are_recognised() -> None:
    assert opens_or_closes_fence("```python")
    assert opens_or_closes_fence("~~~")
    assert not opens_or_closes_fence("    ``` four spaces is code, not a fence")
