"""Spell checking: a British English Hunspell dictionary, the programme's own words and the
user's dictionary; which words are misspelt, what to suggest, and adding a word.

Plain Python, used by the window's highlighter and by the command line's hidden ``spelling``
check (the bundle's smoke test). The dictionary takes a few tenths of a second to load, so it
is loaded on first use, and :meth:`Speller.load_in_background` does it off the caller's thread;
until then every word counts as correct. Why Hunspell and this dictionary: docs/spelling.md.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from reflect.errors import ReflectError
from reflect.files import read_text, write_text
from reflect.resources import resource_path

LANGUAGE = "en_GB"
USER_WORDS_FILE = "spelling-words.txt"
# Suggestions past this many letters cost Hunspell seconds and are never what was meant.
MAX_WORD_LENGTH = 40
MAX_SUGGESTIONS = 6
# Word results are cached; a long session's cache is dropped rather than growing for ever.
CACHE_LIMIT = 50_000


class Engine(Protocol):
    """The part of a Hunspell object Reflect uses (chunspell-next's ``hunspell.Hunspell``)."""

    def spell(self, word: str) -> bool: ...
    def suggest(self, word: str) -> tuple[str, ...]: ...
    def add(self, word: str) -> Any: ...


def load_engine(folder: Path, language: str = LANGUAGE) -> Engine | None:
    """Hunspell with ``folder/language.dic`` and ``.aff``, or None where the library or the
    files are missing (spelling is then simply off: nothing is underlined)."""
    try:
        from hunspell import Hunspell  # imported late: a C++ library and a 1 MB dictionary
    except ImportError:
        return None
    try:
        engine: Engine = Hunspell(language, hunspell_data_dir=str(folder))
    except Exception:  # a missing or unreadable file, in Hunspell's own error kinds
        return None
    return engine


def read_word_list(text: str) -> list[str]:
    """Words from a list: one a line, blank lines and ``#`` notes left out."""
    return [w for w in (line.strip() for line in text.splitlines()) if w and w[0] != "#"]


class Speller:
    """One dictionary for the whole window. ``is_correct`` and ``add`` are for the UI thread;
    loading may run on another, and publishes the engine only once it is complete."""

    def __init__(
        self,
        user_words: Path,
        dictionary_dir: Path | None = None,
        programme_words: Path | None = None,
    ) -> None:
        self.user_words_path = user_words
        self._dictionary_dir = dictionary_dir or resource_path("spelling")
        self._programme_words = programme_words or resource_path("spelling", "programme-words.txt")
        self._engine: Engine | None = None
        self._loaded = threading.Event()
        self._load_lock = threading.Lock()
        self._started = False
        self._cache: dict[str, bool] = {}
        self._user: set[str] = set()
        self._user_error: ReflectError | None = None
        self._listeners: list[Callable[[], None]] = []

    # Loading -------------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """The dictionary has been loaded (or found missing): results are now final."""
        return self._loaded.is_set()

    @property
    def dictionary_dir(self) -> Path:
        return self._dictionary_dir

    @property
    def available(self) -> bool:
        """Loaded and usable; False before loading and where Hunspell or its files are missing."""
        return self._engine is not None

    def load(self) -> None:
        """Load the dictionary and both word lists, once; later calls return at once."""
        with self._load_lock:
            if self._loaded.is_set():
                return
            try:
                engine = load_engine(self._dictionary_dir)
                try:
                    user = set(self._read_user_words())
                except ReflectError as exc:
                    # Unreadable: nothing is accepted from it, and add() refuses rather
                    # than overwrite the user's words.
                    self._user_error = exc
                    user = set()
                if engine is not None:
                    for word in self._read_programme_words() + sorted(user):
                        engine.add(word)
                self._user = user
                self._engine = engine
            finally:
                self._loaded.set()

    def load_in_background(self, on_ready: Callable[[], None]) -> None:
        """Start loading on a thread of its own (once) and call ``on_ready`` there when done;
        a window hands it a signal's ``emit``, so the call arrives on its own thread."""
        self._listeners.append(on_ready)
        if self._loaded.is_set():
            on_ready()
            return
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._load_and_tell, name="spelling-load", daemon=True).start()

    def _load_and_tell(self) -> None:
        self.load()
        listeners, self._listeners = self._listeners, []
        for listener in listeners:
            # RuntimeError: a listener's window closed while the dictionary loaded.
            with contextlib.suppress(RuntimeError):
                listener()

    def _read_programme_words(self) -> list[str]:
        try:
            return read_word_list(read_text(self._programme_words))
        except ReflectError:  # a missing list only means fewer accepted words
            return []

    def _read_user_words(self) -> list[str]:
        if not self.user_words_path.exists():
            return []
        return read_word_list(read_text(self.user_words_path))

    # Checking ------------------------------------------------------------------------------

    def is_correct(self, word: str) -> bool:
        """Whether ``word`` is spelt right; True for every word until the dictionary is in."""
        engine = self._engine
        if engine is None:
            return True
        known = self._cache.get(word)
        if known is None:
            known = len(word) > MAX_WORD_LENGTH or _spell(engine, word)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = known
        return known

    def misspelt(self, words: Iterable[str]) -> list[str]:
        """The words of ``words`` that are not spelt right, in order (loads if need be)."""
        self.load()
        return [word for word in words if not self.is_correct(word)]

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Likely corrections, best first; none for a word too long to be a slip."""
        engine = self._engine
        if engine is None or len(word) > MAX_WORD_LENGTH:
            return []
        try:
            found = engine.suggest(word)
        except UnicodeError:
            return []
        return [s for s in found if s != word][:limit]

    # The user's dictionary -----------------------------------------------------------------

    @property
    def user_words(self) -> frozenset[str]:
        return frozenset(self._user)

    def add(self, word: str) -> None:
        """Accept ``word`` from now on, here and in every later session (the list is written
        whole, atomically and owner-only). Raises the ReflectError of a list that could not be
        read at load, or StorageError if it cannot be written; either way nothing changes."""
        word = word.strip()
        if not word or word in self._user:
            return
        self.load()
        if self._user_error is not None:
            raise self._user_error
        words = self._user | {word}
        write_text(self.user_words_path, "".join(f"{w}\n" for w in sorted(words)))
        self._user = words
        if self._engine is not None:
            self._engine.add(word)
        self._cache.clear()


def _spell(engine: Engine, word: str) -> bool:
    try:
        return engine.spell(word)
    except UnicodeError:  # a character the dictionary's encoding lacks: not ours to judge
        return True
