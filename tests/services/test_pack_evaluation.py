"""A pack's [evaluation] section: installed with the programme and read back with it; packs
without one install and behave exactly as before."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pack_fixtures import example_folder, resigned, shipped_catalog, signed_pack
from reflect.app import App
from reflect.core.evaluation import CountKey, RatingSet, TextQuestion, TimePoint
from reflect.errors import BadInput
from reflect.exchange.identity import Identity
from reflect.exchange.pack import pack_bytes
from reflect.formats.pack_spec import read_spec
from reflect.messages import Msg
from reflect.services.packs import Outcome

EVALUATION_START = "\n# Optional: ask participants for an evaluation"
NEXT_VERSION = ("version = 1 ", "version = 2 ")


@pytest.fixture(scope="module")
def facilitator() -> Identity:
    return Identity.generate()


def plain_pack(tmp_path: Path, facilitator: Identity, *replacements: tuple[str, str]) -> Path:
    """The example pack with its [evaluation] section cut out, signed by ``facilitator``."""
    spec = without_evaluation(example_folder(tmp_path, *replacements))
    path = tmp_path / "plain.reflectpack"
    built = read_spec(spec, shipped_catalog(tmp_path).find)
    path.write_bytes(pack_bytes(built, facilitator, "2027-01-01T09:00:00+00:00"))
    return path


def without_evaluation(path: Path) -> Path:
    """The signed example pack's spec edited to hold no [evaluation] section."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index(EVALUATION_START)] + "\n", encoding="utf-8")
    return path


def test_an_installed_pack_keeps_its_evaluation_plan(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    app.packs.install(signed_pack(tmp_path, facilitator))

    (programme,) = app.programme.all()
    plan = programme.evaluation
    assert plan is not None
    assert plan.evaluator_card.startswith("-----BEGIN REFLECT CONTACT CARD-----")
    assert "Dr Priya Nair" in plan.evaluator_card
    assert plan.privacy_notice.startswith("Dr Priya Nair, the programme's independent evaluator")
    assert plan.time_points == (
        TimePoint("start", "At the start", offset_days=0),
        TimePoint("middle", "Halfway", day=date(2027, 2, 10)),
        TimePoint("end", "At the end", day=date(2027, 6, 30)),
        TimePoint("six-months-after", "Six months after", offset_days=435),
    )
    assert plan.time_points[3].due_on(programme.events[0].day) == date(2027, 12, 30)
    assert plan.ratings == (RatingSet("csif", ("vision", "capability", "cqi")),)
    assert plan.ask_counts is True
    assert plan.questions == (
        TextQuestion(
            "changed", "What, if anything, do you do differently since the programme started?"
        ),
    )
    assert plan.min_group == 5
    assert set(CountKey)  # the plan asks for counts; which ones is the participant's choice


def test_the_plan_follows_an_update_that_drops_it(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    app.packs.install(signed_pack(tmp_path / "one", facilitator))
    spec_update = signed_pack(tmp_path / "two", facilitator, NEXT_VERSION)
    data = json.loads(spec_update.read_bytes())
    assert data["version"] == 2 and "evaluation" in data

    dropped = plain_pack(tmp_path / "three", facilitator, ("version = 1 ", "version = 3 "))

    assert app.packs.install(dropped).outcome is Outcome.UPDATED
    (programme,) = app.programme.all()
    assert (programme.pack_version, programme.evaluation) == (3, None)


def test_a_pack_without_an_evaluation_is_written_as_version_1_as_before(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:

    path = plain_pack(tmp_path, facilitator)

    assert json.loads(path.read_bytes())["version"] == 1
    assert "evaluation" not in json.loads(path.read_bytes())
    assert app.packs.install(path).outcome is Outcome.INSTALLED
    (programme,) = app.programme.all()
    assert programme.evaluation is None


def test_a_version_1_pack_that_claims_an_evaluation_is_refused(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:

    path = resigned(signed_pack(tmp_path, facilitator), facilitator, {"version": 1})

    with pytest.raises(BadInput) as caught:
        app.packs.install(path)

    assert caught.value.msg is Msg.PACK_INVALID
    assert caught.value.params["field"] == "evaluation"
    assert app.programme.all() == []
