"""The framework catalog (shipped and user frameworks), score checks and guided writing."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from reflect.core.assessment import Score
from reflect.core.entry import Response
from reflect.core.framework import (
    Framework,
    Origin,
    Prompt,
    Section,
    guided_parts,
    split_responses,
)
from reflect.errors import BadInput, NotFound
from reflect.formats.framework_toml import dump_framework
from reflect.messages import Msg
from reflect.resources import resource_path
from reflect.services.frameworks import FrameworkCatalog, checked_scores

SHIPPED_DIR = resource_path("frameworks")


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "frameworks"


@pytest.fixture
def catalog(user_dir: Path) -> FrameworkCatalog:
    return FrameworkCatalog(SHIPPED_DIR, user_dir)


def shipped_hashes() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SHIPPED_DIR.glob("*.toml")}


def user_file(catalog: FrameworkCatalog, framework: Framework, name: str) -> Path:
    """A framework file the user put in their folder by hand."""
    path = catalog.user_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_framework(framework), encoding="utf-8")
    return path


def own(catalog: FrameworkCatalog, framework_id: str = "my-gibbs") -> Framework:
    return replace(catalog.get("gibbs"), id=framework_id, name="My Gibbs", origin=Origin.USER)


# Listing and finding -------------------------------------------------------------------------


def test_all_lists_shipped_frameworks_by_name(catalog: FrameworkCatalog) -> None:
    found = catalog.all()
    names = [f.name.casefold() for f in found]
    assert names == sorted(names)
    assert {"csif", "gibbs", "pdsa", "grow"} <= {f.id for f in found}
    assert {f.origin for f in found} == {Origin.SHIPPED}
    assert catalog.problems() == []


def test_files_are_read_when_first_needed_not_when_built(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    catalog = FrameworkCatalog(shipped, tmp_path / "user")  # neither folder exists yet
    shipped.mkdir()
    (shipped / "gibbs.toml").write_bytes((SHIPPED_DIR / "gibbs.toml").read_bytes())

    assert [f.id for f in catalog.all()] == ["gibbs"]


def test_get_and_find(catalog: FrameworkCatalog) -> None:
    assert catalog.get("gibbs").name == "Gibbs' reflective cycle"
    assert catalog.get(" GIBBS ").id == "gibbs"
    assert catalog.find("no-such") is None
    with pytest.raises(NotFound) as caught:
        catalog.get("no-such")
    assert (caught.value.msg, caught.value.params) == (Msg.FRAMEWORK_NOT_FOUND, {"id": "no-such"})


def test_user_frameworks_join_the_list(catalog: FrameworkCatalog) -> None:
    user_file(catalog, own(catalog), "mine.toml")

    mine = catalog.get("my-gibbs")
    assert mine.origin is Origin.USER and mine.editable
    assert "my-gibbs" in [f.id for f in catalog.all()]


def test_a_broken_user_file_is_skipped_and_reported(catalog: FrameworkCatalog) -> None:
    user_file(catalog, own(catalog), "good.toml")
    broken = catalog.user_dir / "broken.toml"
    broken.write_text('format = "reflect-framework"\nformat_version = 1\nid = "x"\n', "utf-8")

    assert "my-gibbs" in [f.id for f in catalog.all()]
    (problem,) = catalog.problems()
    assert problem.path == broken
    assert problem.error.msg is Msg.FRAMEWORK_INVALID
    assert str(broken) in problem.message and "name" in problem.message


def test_a_user_file_cannot_take_a_shipped_id(catalog: FrameworkCatalog) -> None:
    sneaky = user_file(catalog, replace(catalog.get("gibbs"), name="Not Gibbs"), "gibbs.toml")

    assert catalog.get("gibbs").origin is Origin.SHIPPED
    assert catalog.get("gibbs").name == "Gibbs' reflective cycle"
    (problem,) = catalog.problems()
    assert (problem.path, problem.error.msg) == (sneaky, Msg.FRAMEWORK_ID_TAKEN)


def test_of_two_user_files_with_one_id_the_first_wins(catalog: FrameworkCatalog) -> None:
    user_file(catalog, own(catalog), "a.toml")
    second = user_file(catalog, replace(own(catalog), name="Second"), "b.toml")

    assert catalog.get("my-gibbs").name == "My Gibbs"
    assert [p.path for p in catalog.problems()] == [second]


def test_changes_on_disk_are_seen_without_a_restart(catalog: FrameworkCatalog) -> None:
    path = user_file(catalog, own(catalog), "mine.toml")
    assert catalog.get("my-gibbs").name == "My Gibbs"

    path.write_text(dump_framework(replace(own(catalog), name="Renamed by hand")), "utf-8")
    assert catalog.get("my-gibbs").name == "Renamed by hand"

    path.unlink()
    assert catalog.find("my-gibbs") is None


# Checking and importing files ----------------------------------------------------------------


def test_check_returns_the_framework_without_adding_it(
    catalog: FrameworkCatalog, tmp_path: Path
) -> None:
    path = tmp_path / "elsewhere.toml"
    path.write_text(dump_framework(own(catalog)), encoding="utf-8")

    assert catalog.check(path).id == "my-gibbs"
    assert catalog.find("my-gibbs") is None


def test_check_accepts_a_shipped_file_but_not_a_copy_that_keeps_its_id(
    catalog: FrameworkCatalog, tmp_path: Path
) -> None:
    assert catalog.check(SHIPPED_DIR / "gibbs.toml").id == "gibbs"
    copy = tmp_path / "gibbs.toml"
    copy.write_bytes((SHIPPED_DIR / "gibbs.toml").read_bytes())
    with pytest.raises(BadInput) as caught:
        catalog.check(copy)
    assert caught.value.msg is Msg.FRAMEWORK_ID_TAKEN
    assert caught.value.params["path"] == copy


def test_import_copies_the_file_unchanged(catalog: FrameworkCatalog, tmp_path: Path) -> None:
    source = tmp_path / "from-a-colleague.toml"
    source.write_text("# A comment kept as written\n" + dump_framework(own(catalog)), "utf-8")

    imported = catalog.import_file(source)

    assert (imported.id, imported.origin) == ("my-gibbs", Origin.USER)
    assert (catalog.user_dir / "my-gibbs.toml").read_bytes() == source.read_bytes()
    assert catalog.get("my-gibbs") == imported


@pytest.mark.parametrize("taken_by", ["shipped", "user"])
def test_import_refuses_an_id_already_taken(
    catalog: FrameworkCatalog, tmp_path: Path, taken_by: str
) -> None:
    framework = catalog.get("gibbs") if taken_by == "shipped" else own(catalog)
    if taken_by == "user":
        user_file(catalog, framework, "mine.toml")
    before = sorted(catalog.user_dir.glob("*")) if catalog.user_dir.exists() else []
    source = tmp_path / "again.toml"
    source.write_text(dump_framework(replace(framework, name="Again")), "utf-8")

    with pytest.raises(BadInput) as caught:
        catalog.import_file(source)

    assert caught.value.msg is Msg.FRAMEWORK_ID_TAKEN
    after = sorted(catalog.user_dir.glob("*")) if catalog.user_dir.exists() else []
    assert after == before


def test_import_refuses_an_invalid_file_and_writes_nothing(
    catalog: FrameworkCatalog, tmp_path: Path
) -> None:
    source = tmp_path / "bad.toml"
    source.write_text("not = [valid", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        catalog.import_file(source)
    assert caught.value.msg is Msg.FRAMEWORK_INVALID
    assert not catalog.user_dir.exists()


def test_import_does_not_overwrite_a_broken_file_of_the_same_name(
    catalog: FrameworkCatalog, tmp_path: Path
) -> None:
    catalog.user_dir.mkdir(parents=True)
    (catalog.user_dir / "my-gibbs.toml").write_text("broken = [", encoding="utf-8")
    source = tmp_path / "fixed.toml"
    source.write_text(dump_framework(own(catalog)), encoding="utf-8")

    catalog.import_file(source)

    assert (catalog.user_dir / "my-gibbs.toml").read_text(encoding="utf-8") == "broken = ["
    assert (catalog.user_dir / "my-gibbs-2.toml").read_bytes() == source.read_bytes()


# Copying, saving, deleting -------------------------------------------------------------------


def test_copies_get_new_ids_and_are_the_users_own(catalog: FrameworkCatalog) -> None:
    before = shipped_hashes()

    first = catalog.copy("gibbs")
    second = catalog.copy("gibbs", "Gibbs for trio work")
    third = catalog.copy("gibbs-copy")

    assert [first.id, second.id, third.id] == ["gibbs-copy", "gibbs-copy-2", "gibbs-copy-3"]
    assert [first.name, second.name] == ["Gibbs' reflective cycle (copy)", "Gibbs for trio work"]
    assert third.name == "Gibbs' reflective cycle (copy) (copy)"
    assert all(c.origin is Origin.USER and not c.verified for c in (first, second, third))
    assert first.prompts == catalog.get("gibbs").prompts
    assert FrameworkCatalog(SHIPPED_DIR, catalog.user_dir).get("gibbs-copy") == first
    assert shipped_hashes() == before


def test_saving_an_edited_copy_keeps_the_edit(catalog: FrameworkCatalog) -> None:
    before = shipped_hashes()
    copy = catalog.copy("gibbs")
    extra = Section("extra", "Extra", (Prompt("people", "People I met", "Who was there?"),))
    edited = replace(copy, name="Edited", sections=(*copy.sections, extra))

    saved = catalog.save(edited)

    assert saved == edited
    assert FrameworkCatalog(SHIPPED_DIR, catalog.user_dir).get(copy.id) == edited
    assert sorted(p.name for p in catalog.user_dir.iterdir()) == ["gibbs-copy.toml"]
    assert shipped_hashes() == before


def test_shipped_frameworks_cannot_be_saved_or_deleted(catalog: FrameworkCatalog) -> None:
    before = shipped_hashes()
    gibbs = catalog.get("gibbs")

    for attempt in (
        lambda: catalog.save(replace(gibbs, name="Changed")),
        lambda: catalog.delete("gibbs"),
    ):
        with pytest.raises(BadInput) as caught:
            attempt()
        assert caught.value.msg is Msg.FRAMEWORK_READ_ONLY

    assert shipped_hashes() == before
    assert catalog.get("gibbs") == gibbs


def test_a_user_framework_cannot_be_saved_over_a_shipped_id(catalog: FrameworkCatalog) -> None:
    with pytest.raises(BadInput) as caught:
        catalog.save(replace(catalog.get("gibbs"), origin=Origin.USER))
    assert caught.value.msg is Msg.FRAMEWORK_ID_TAKEN
    assert not catalog.user_dir.exists()


def test_an_invalid_edit_is_refused_and_nothing_is_written(catalog: FrameworkCatalog) -> None:
    copy = catalog.copy("gibbs")
    path = catalog.user_dir / "gibbs-copy.toml"
    before = path.read_bytes()
    blank = Section("blank", "Blank", (Prompt("empty", "  "),))

    with pytest.raises(BadInput) as caught:
        catalog.save(replace(copy, sections=(*copy.sections, blank)))

    assert caught.value.msg is Msg.FRAMEWORK_INVALID
    assert caught.value.params["field"] == "sections[1].prompts[0].label"
    assert path.read_bytes() == before


def test_delete_removes_a_user_framework(catalog: FrameworkCatalog) -> None:
    copy = catalog.copy("grow")
    assert catalog.delete(copy.id) == copy
    assert catalog.find(copy.id) is None
    with pytest.raises(NotFound):
        catalog.delete(copy.id)


# Scores --------------------------------------------------------------------------------------


def test_scores_on_known_domains_within_the_scale_pass(catalog: FrameworkCatalog) -> None:
    scores = [Score("vision", 1, "Early days"), Score("cqi", 5)]
    assert checked_scores(catalog.get("csif"), scores) == scores


@pytest.mark.parametrize(
    ("scores", "msg"),
    [
        ([Score("vison", 3)], Msg.UNKNOWN_DOMAIN),
        ([Score("vision", 0)], Msg.BAD_SCORE),
        ([Score("vision", 6)], Msg.BAD_SCORE),
        ([Score("vision", 3), Score("vision", 4)], Msg.DOMAIN_RATED_TWICE),
    ],
)
def test_bad_scores_are_refused(catalog: FrameworkCatalog, scores: list[Score], msg: Msg) -> None:
    with pytest.raises(BadInput) as caught:
        checked_scores(catalog.get("csif"), scores)
    assert caught.value.msg is msg


def test_a_framework_without_domains_cannot_be_rated(catalog: FrameworkCatalog) -> None:
    with pytest.raises(BadInput) as caught:
        checked_scores(catalog.get("gibbs"), [Score("feelings", 3)])
    assert caught.value.msg is Msg.FRAMEWORK_HAS_NO_DOMAINS


# Guided writing: Markdown headings to responses ------------------------------------------------


def test_headings_naming_prompts_split_the_text(catalog: FrameworkCatalog) -> None:
    text = (
        "Written on the train.\n\n"
        "## Description\nThe huddle ran long.\n\n"
        "# feelings:\nUneasy.\n\n"
        "### ACTION-PLAN ###\nAsk the site team first.\n"
    )
    body, responses = split_responses(catalog.get("gibbs"), text)
    assert body == "Written on the train."
    assert responses == (
        Response("description", "The huddle ran long."),
        Response("feelings", "Uneasy."),
        Response("action-plan", "Ask the site team first."),
    )


def test_unknown_headings_and_code_stay_in_the_body(catalog: FrameworkCatalog) -> None:
    text = (
        "## So what?\nIt matters.\n\n"
        "## Side note\nNot a prompt.\n\n"
        "#### Now what\nToo deep to be a prompt heading.\n\n"
        "```\n## Now what\n```\n"
    )
    body, responses = split_responses(catalog.get("what-so-what-now-what"), text)
    assert responses == (Response("so-what", "It matters."),)
    assert body == (
        "## Side note\nNot a prompt.\n\n"
        "#### Now what\nToo deep to be a prompt heading.\n\n"
        "```\n## Now what\n```"
    )


def test_a_prompt_named_twice_keeps_both_parts_and_empty_ones_are_dropped(
    catalog: FrameworkCatalog,
) -> None:
    text = "## Goal\nFirst.\n## Reality\n\n## goal\nSecond.\n"
    _, responses = split_responses(catalog.get("grow"), text)
    assert responses == (Response("goal", "First.\n\nSecond."),)


def test_a_leading_heading_is_the_title_unless_it_names_a_prompt(
    catalog: FrameworkCatalog,
) -> None:
    gibbs = catalog.get("gibbs")
    assert guided_parts(gibbs, "# After workshop 3\nIntro\n## Feelings\nCalm") == (
        "After workshop 3",
        "Intro",
        (Response("feelings", "Calm"),),
    )
    assert guided_parts(gibbs, "# Feelings\nCalm") == ("", "", (Response("feelings", "Calm"),))


def test_a_copy_of_a_long_id_is_still_a_valid_id(catalog: FrameworkCatalog) -> None:
    long_id = "a" * 54 + "-bcdefghi"  # cutting to fit would leave a trailing hyphen
    user_file(catalog, own(catalog, long_id), "long.toml")

    copied = catalog.copy(long_id)

    assert copied.id == "a" * 54 + "-copy"
