"""A pack's [evaluation] section: installed with the programme and read back with it; packs
without one install and behave exactly as before."""

from __future__ import annotations

import base64
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


OLD = Path(__file__).resolve().parents[1] / "data" / "packs"
OLD_FACILITATOR = Identity(
    "AGE-SECRET-KEY-1FDXMGRLFQKPRYDUNRVNZM8AQ3RQAT7AD0WG35YGFMLNS4JRT40ASTLWVQ5",
    base64.b64decode("WdG9DBTxFLgAuh5SDNZX8bhgXwcghqfyS41PZDcRWFk="),
)  # a key made for this fixture alone; it signs nothing else


def test_a_pack_built_before_evaluations_still_installs(app: App) -> None:
    result = app.packs.install(OLD / "before-evaluation.reflectpack")

    assert result.outcome is Outcome.INSTALLED
    (programme,) = app.programme.all()
    assert (programme.pack_id, len(programme.events), programme.evaluation) == (
        "old-cohort",
        2,
        None,
    )


def test_a_pack_without_an_evaluation_is_byte_for_byte_what_reflect_wrote_before(
    tmp_path: Path,
) -> None:
    spec = read_spec(OLD / "before-evaluation.toml", shipped_catalog(tmp_path).find)

    written = pack_bytes(spec, OLD_FACILITATOR, "2026-10-01T09:00:00+00:00")

    assert written == (OLD / "before-evaluation.reflectpack").read_bytes()


def test_building_a_pack_checks_the_evaluators_card(app: App, tmp_path: Path) -> None:
    spec = example_folder(
        tmp_path,
        ('evaluator_card_file = "evaluator.reflectcard"', 'evaluator_card = "Dr Nair, by email"'),
    )

    with pytest.raises(BadInput) as caught:
        app.packs.build(spec, tmp_path / "out.reflectpack")

    assert caught.value.msg is Msg.PACK_SPEC_INVALID
    assert caught.value.params["field"] == "evaluation.evaluator_card"
    assert caught.value.params["reason"].startswith("is not a contact card")
    assert not (tmp_path / "out.reflectpack").exists()


def test_a_signed_pack_whose_evaluator_card_is_no_card_is_refused(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    path = signed_pack(tmp_path, facilitator)
    document = json.loads(path.read_bytes())
    document["evaluation"]["evaluator_card"] = "age1notacard"
    path = resigned(path, facilitator, {"evaluation": document["evaluation"]})

    with pytest.raises(BadInput) as caught:
        app.packs.install(path)

    assert (caught.value.msg, caught.value.params["field"]) == (
        Msg.PACK_INVALID,
        "evaluation.evaluator_card",
    )
    assert app.programme.all() == []


def test_a_pack_rating_a_domain_this_reflect_lacks_is_refused(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    path = signed_pack(tmp_path, facilitator)
    document = json.loads(path.read_bytes())
    document["evaluation"]["ratings"][0]["domains"] = ["vision", "a-domain-from-the-future"]
    path = resigned(path, facilitator, {"evaluation": document["evaluation"]})

    with pytest.raises(BadInput) as caught:
        app.packs.install(path)

    assert (caught.value.msg, caught.value.params["field"]) == (
        Msg.PACK_INVALID,
        "evaluation.ratings[0].domains[1]",
    )
    assert app.programme.all() == []
