"""Frameworks carried in packs meet the same rule as any framework file: format version 2 needs
the source's year, and a pack made before that rule, carrying a version 1 framework without a
year, still installs (#18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pack_fixtures import example_folder, resigned, shipped_catalog, signed_pack
from reflect.app import App
from reflect.core.framework import Origin
from reflect.errors import BadInput
from reflect.exchange.identity import Identity
from reflect.formats.pack_spec import read_spec
from reflect.messages import Msg
from reflect.services.packs import Outcome

CARRIED = "huddle-check-in.toml"
YEAR = "year = 2027\n"


@pytest.fixture(scope="module")
def facilitator() -> Identity:
    return Identity.generate()


def without_year(spec: Path, version: int) -> None:
    carried = spec.parent / CARRIED
    text = carried.read_text(encoding="utf-8")
    assert YEAR in text and "format_version = 2\n" in text
    text = text.replace(YEAR, "").replace("format_version = 2\n", f"format_version = {version}\n")
    if version == 1:  # version 1 knew nothing of what was checked
        text = "\n".join(line for line in text.split("\n") if not line.startswith("checked"))
    carried.write_text(text, encoding="utf-8")


def test_the_example_pack_carries_a_framework_that_says_its_year(tmp_path: Path) -> None:
    spec = read_spec(example_folder(tmp_path), shipped_catalog(tmp_path).find)
    (carried,) = spec.frameworks
    assert carried.source.year == 2027 and carried.source.checked


def test_a_pack_spec_whose_framework_has_no_year_is_refused(tmp_path: Path) -> None:
    spec = example_folder(tmp_path)
    without_year(spec, version=2)
    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)
    assert caught.value.msg is Msg.PACK_SPEC_INVALID
    assert "source.year is missing" in caught.value.text


def test_an_old_pack_carrying_a_version_1_framework_without_a_year_installs(
    app: App, tmp_path: Path, facilitator: Identity
) -> None:
    pack = signed_pack(tmp_path, facilitator)
    old_text = (tmp_path / "spec" / CARRIED).read_text(encoding="utf-8")
    spec = tmp_path / "spec" / "programme-pack.toml"
    without_year(spec, version=1)
    old = (tmp_path / "spec" / CARRIED).read_text(encoding="utf-8")
    assert old != old_text and "year" not in old
    resigned(pack, facilitator, {"frameworks": [{"id": "huddle-check-in", "toml": old}]})

    result = app.packs.install(pack)

    assert result.outcome is Outcome.INSTALLED
    carried = app.frameworks.get("huddle-check-in")
    assert carried.origin is Origin.PACK and carried.source.year is None
    assert app.frameworks.problems() == []
