"""``reflect search``: partial words, ranking, every filter, the JSON shape and date errors."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_harness import Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

HIT_FIELDS = {"id", "created", "kind", "title", "snippet", "tags", "inquiry_id"}
FILLER = (
    "The weekly meeting covered staffing, rotas, estates, the winter plan, the budget and a "
    "long list of things that were not decided. "
)


def hit_ids(reflect: Reflect, *args: str) -> list[str]:
    return [hit["id"] for hit in reflect.json("search", *args)]


@pytest.fixture
def far_east_time() -> Iterator[None]:
    """Local time 13 hours ahead of UTC, so a local date and its UTC date differ."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "RFL-13"  # POSIX: UTC+13 (needs no time zone database)
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_partial_word_finds_longer_words(reflect: Reflect) -> None:
    wanted = reflect.write("Relationships first, measures second.")
    reflect.write("Budget meeting, nothing else to say.")

    hits = reflect.json("search", "relation")

    assert [h["id"] for h in hits] == [wanted]
    assert "Relationships" in hits[0]["snippet"]
    assert hits[0]["highlights"] == ["Relationships"]


def test_a_title_match_ranks_above_one_mention_in_a_long_body(reflect: Reflect) -> None:
    in_title = reflect.write("# Harbour plans\nA short note about next steps.")
    # Written later, so ordering by date would put it first.
    in_body = reflect.write(FILLER * 6 + "Someone mentioned the harbour once. " + FILLER * 6)

    assert hit_ids(reflect, "harbour") == [in_title, in_body]


def test_json_hits_have_the_documented_shape_and_the_snippet_shows_the_word(
    reflect: Reflect,
) -> None:
    inquiry_id = reflect.add_inquiry("How might we own delays?")
    new_id = reflect.write(
        "# After workshop 3\n"
        + FILLER * 3
        + "We spoke about relationships across teams. "
        + FILLER,
        "--tag",
        "workshop",
        "--kind",
        "coaching",
        "--inquiry",
        inquiry_id,
    )

    (hit,) = reflect.json("search", "relationships")

    assert hit.keys() >= HIT_FIELDS
    assert hit["id"] == new_id
    assert hit["kind"] == "coaching"
    assert hit["title"] == "After workshop 3"
    assert hit["tags"] == ["workshop"]
    assert hit["inquiry_id"] == inquiry_id
    assert hit["created"] == reflect.entries()[0]["created"]
    assert "relationships" in hit["snippet"]
    assert "\x02" not in hit["snippet"] and "\x03" not in hit["snippet"]


def test_plain_output_shows_the_title_and_snippet(reflect: Reflect) -> None:
    new_id = reflect.write("# Walk plans\nWe walked the harbour wall.")

    lines = reflect.ok("search", "harbour").out.splitlines()

    assert len(lines) == 2
    assert lines[0].startswith(new_id[:8]) and lines[0].endswith("Walk plans")
    assert lines[1].strip() == "We walked the harbour wall."


def test_nothing_found_says_so_on_stderr(reflect: Reflect) -> None:
    reflect.write("Something else entirely.")

    result = reflect.ok("search", "harbour")

    assert (result.out, result.err) == ("", "Nothing found.\n")
    assert reflect.json("search", "harbour") == []


def test_limit(reflect: Reflect) -> None:
    for n in range(4):
        reflect.write(f"Harbour visit number {n}.")

    assert len(reflect.json("search", "harbour")) == 4
    assert len(reflect.json("search", "harbour", "--limit", "2")) == 2


def test_tag_filter(reflect: Reflect) -> None:
    tagged = reflect.write("Harbour walk with the team.", "--tag", "Workshop")
    reflect.write("Harbour walk alone.", "--tag", "solo")
    reflect.write("Harbour walk, no tags.")

    assert hit_ids(reflect, "harbour", "--tag", "Workshop") == [tagged]
    assert hit_ids(reflect, "harbour", "--tag", "#workshop") == [tagged]
    assert hit_ids(reflect, "harbour", "--tag", "nowhere") == []


def test_inquiry_filter(reflect: Reflect) -> None:
    mine = reflect.add_inquiry("How might we own delays?")
    other = reflect.add_inquiry("How do we stop pointless meetings?")
    linked = reflect.write("Harbour thoughts for the delays inquiry.", "--inquiry", mine)
    reflect.write("Harbour thoughts for the meetings inquiry.", "--inquiry", other)
    reflect.write("Harbour thoughts, unlinked.")

    assert hit_ids(reflect, "harbour", "--inquiry", mine[:6]) == [linked]
    result = reflect("search", "harbour", "--inquiry", "0000beef")
    assert_one_error(result, Msg.INQUIRY_NOT_FOUND, id="0000beef")


def test_kind_filter(reflect: Reflect) -> None:
    coaching = reflect.write("Harbour coaching notes.", "--kind", "coaching")
    reflect.write("Harbour reflection.")
    progress = reflect.write("Harbour progress.", "--kind", "progress")

    assert hit_ids(reflect, "harbour", "--kind", "coaching") == [coaching]
    assert hit_ids(reflect, "harbour", "--kind", "progress") == [progress]
    assert hit_ids(reflect, "harbour", "--kind", "note") == []


@pytest.mark.usefixtures("far_east_time")
def test_since_and_until_are_inclusive_local_dates(reflect: Reflect, tmp_path: Path) -> None:
    # Local times 13 hours ahead of UTC: the early-morning entries fall on the UTC day before.
    journal = tmp_path / "dated.txt"
    journal.write_text(
        "[2024-02-29 23:50] Leap day late\nharbour\n\n"
        "[2024-03-01 00:30] March first early\nharbour\n\n"
        "[2024-03-01 23:30] March first late\nharbour\n\n"
        "[2024-03-02 00:10] March second early\nharbour\n",
        encoding="utf-8",
    )
    reflect.ok("import", "jrnl", str(journal))
    created = {e["title"]: e["created"] for e in reflect.entries()}
    assert created["March first early"] == "2024-02-29T11:30:00.000000+00:00"

    def titles(*args: str) -> set[str]:
        return {hit["title"] for hit in reflect.json("search", "harbour", *args)}

    march_first = {"March first early", "March first late"}
    assert titles("--since", "2024-03-01", "--until", "2024-03-01") == march_first
    assert titles("--since", "2024-03-01") == {*march_first, "March second early"}
    assert titles("--until", "2024-03-01") == {"Leap day late", *march_first}
    assert titles("--until", "2024-02-29") == {"Leap day late"}
    assert titles("--since", "2024-03-02") == {"March second early"}
    assert titles("--since", "2024-03-03") == set()


def test_filters_combine(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry("How might we own delays?")
    both = reflect.write("Harbour.", "--kind", "coaching", "--tag", "trio", "--inquiry", inquiry_id)
    reflect.write("Harbour.", "--kind", "coaching", "--tag", "trio")
    reflect.write("Harbour.", "--kind", "note", "--tag", "trio", "--inquiry", inquiry_id)

    found = hit_ids(
        reflect, "harbour", "--kind", "coaching", "--tag", "trio", "--inquiry", inquiry_id
    )
    assert found == [both]


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "01/03/2024"])
def test_a_bad_date_gives_a_clear_error(reflect: Reflect, option: str, value: str) -> None:
    reflect.write("Harbour.")

    result = reflect("search", "harbour", option, value)

    assert_one_error(result, Msg.BAD_DATE, value=value)
    assert result.out == ""


def test_an_inquiry_question_is_findable(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry("How might we build shared ownership of discharge delays?")
    reflect.write("Nothing about that here.")

    (hit,) = reflect.json("search", "ownership")

    assert hit.keys() >= HIT_FIELDS
    assert (hit["id"], hit["kind"], hit["inquiry_id"]) == (inquiry_id, "inquiry", inquiry_id)
    assert hit["title"] == "How might we build shared ownership of discharge delays?"
    assert hit["tags"] == []


def test_why_an_inquiry_matters_is_searchable_too(reflect: Reflect) -> None:
    inquiry_id = reflect.ok(
        "inquiry", "add", "How might we own delays?", "--why", "Families wait in corridors."
    ).out.strip()

    (hit,) = reflect.json("search", "corridor")

    assert hit["id"] == inquiry_id
    assert "corridors" in hit["snippet"]


def test_a_reworded_inquiry_is_found_by_new_and_old_words(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry("How can we agree one measure of delay?")
    reflect.ok("inquiry", "reword", inquiry_id, "What would shared ownership of delays look like?")

    assert hit_ids(reflect, "ownership") == [inquiry_id]
    assert hit_ids(reflect, "measure") == [inquiry_id]
    (hit,) = reflect.json("search", "delays")
    assert hit["title"] == "What would shared ownership of delays look like?"


def test_filters_leave_inquiries_out(reflect: Reflect) -> None:
    reflect.add_inquiry("How might harbour teams work together?")
    entry_id = reflect.write("Harbour visit.", "--kind", "note")

    assert len(reflect.json("search", "harbour")) == 2
    assert hit_ids(reflect, "harbour", "--kind", "note") == [entry_id]


def test_an_exact_phrase(reflect: Reflect) -> None:
    phrase = reflect.write("We want shared ownership of the list.")
    reflect.write("Ownership was not shared at all.")

    assert hit_ids(reflect, '"shared ownership"') == [phrase]
    assert set(hit_ids(reflect, "shared ownership")) == {phrase, reflect.entries()[0]["id"]}
