"""`reflect pack show` tells a participant what a pack's evaluation asks before they install it,
and shows a pack without one exactly as before."""

from __future__ import annotations

from pathlib import Path

import keyring.core
import pytest
from cli_harness import Reflect

from fakes import MemoryKeyring
from pack_fixtures import example_folder

pytest_plugins = ("cli_fixtures",)

EVALUATION_START = "\n# Optional: ask participants for an evaluation"


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


def build(reflect: Reflect, tmp_path: Path, *, evaluation: bool = True) -> Path:
    spec = example_folder(tmp_path / "spec")
    if not evaluation:
        text = spec.read_text(encoding="utf-8")
        spec.write_text(text[: text.index(EVALUATION_START)] + "\n", encoding="utf-8")
    out = tmp_path / "cohort.reflectpack"
    reflect.ok("pack", "build", str(spec), "--out", str(out))
    return out


def test_show_says_what_the_evaluation_asks_and_prints_the_privacy_notice(
    reflect: Reflect, tmp_path: Path
) -> None:
    shown = reflect.ok("pack", "show", str(build(reflect, tmp_path)), data_dir=tmp_path / "p").out

    tail = shown[shown.index("Evaluation (") :].splitlines()
    assert tail[1].startswith("  Returns go to Dr Priya Nair, programme evaluator, fingerprint ")
    assert tail[2:9] == [
        "  Asks: ratings on csif (vision, capability, cqi); counts, if you tick them; 1 question",
        "  No figure describes fewer than 5 people",
        "  start: At the start, from 2026-10-21, 0 days after the first event",
        "  middle: Halfway, from 2027-02-10",
        "  end: At the end, from 2027-06-30",
        "  six-months-after: Six months after, from 2027-12-30, 435 days after the first event",
        "  Privacy notice:",
    ]
    assert tail[9].startswith("    Dr Priya Nair, the programme's independent evaluator")


def test_show_as_json_carries_the_plan(reflect: Reflect, tmp_path: Path) -> None:
    shown = reflect.json("pack", "show", str(build(reflect, tmp_path)), data_dir=tmp_path / "p")

    plan = shown["evaluation"]
    assert plan["evaluator"]["name"] == "Dr Priya Nair, programme evaluator"
    assert [p["key"] for p in plan["time_points"]] == ["start", "middle", "end", "six-months-after"]
    assert plan["time_points"][0] == {
        "key": "start", "label": "At the start", "date": None, "offset_days": 0,
    }  # fmt: skip
    assert plan["ratings"] == [{"framework": "csif", "domains": ["vision", "capability", "cqi"]}]
    assert (plan["counts"], plan["min_group"], len(plan["questions"])) == (True, 5, 1)


def test_a_pack_without_an_evaluation_shows_as_before(reflect: Reflect, tmp_path: Path) -> None:
    pack = build(reflect, tmp_path, evaluation=False)

    text = reflect.ok("pack", "show", str(pack), data_dir=tmp_path / "p").out
    shown = reflect.json("pack", "show", str(pack), data_dir=tmp_path / "p")

    assert "Evaluation" not in text
    assert "evaluation" not in shown
