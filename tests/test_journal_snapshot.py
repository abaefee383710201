"""The fuzz tests' own check: a refusal that changed the journal is caught, one that did not
passes, and anything but a ReflectError is left to fail the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal_snapshot import JournalTemplate
from reflect.app import App
from reflect.errors import BadInput, ReflectError
from reflect.messages import Msg


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> JournalTemplate:
    def fill(app: App) -> None:
        app.entries.write("In the template.")

    return JournalTemplate(tmp_path_factory.mktemp("snapshot"), fill)


def refuse() -> None:
    raise BadInput(Msg.EMPTY_ENTRY)


def test_a_refusal_that_changed_nothing_passes(template: JournalTemplate) -> None:
    with template.example() as example:
        outcome = example.attempt(refuse)

    assert isinstance(outcome, ReflectError)


def test_a_refusal_after_a_change_is_caught(template: JournalTemplate) -> None:
    with template.example() as example:

        def change_then_refuse() -> None:
            example.app.entries.write("Kept, although the action then refused.")
            refuse()

        with pytest.raises(AssertionError, match="The journal changed"):
            example.attempt(change_then_refuse)


def test_a_new_file_in_the_data_folder_is_caught(template: JournalTemplate) -> None:
    with template.example() as example:

        def leave_a_file_then_refuse() -> None:
            (example.app.paths.data_dir / "frameworks").mkdir(exist_ok=True)
            (example.app.paths.data_dir / "frameworks" / "half.toml").write_text("x")
            refuse()

        with pytest.raises(AssertionError, match=r"frameworks/half\.toml"):
            example.attempt(leave_a_file_then_refuse)


def test_a_crash_is_not_taken_for_a_refusal(template: JournalTemplate) -> None:
    with template.example() as example, pytest.raises(ZeroDivisionError):
        example.attempt(lambda: 1 / 0)


def test_examples_start_from_the_template_and_do_not_meet(template: JournalTemplate) -> None:
    with template.example() as first:
        first.app.entries.write("Only in the first example.")
        first_folder = first.app.paths.data_dir
    with template.example() as second:
        assert [e.body for e in second.app.entries.page()] == ["In the template."]
    assert not Path(first_folder).exists()
