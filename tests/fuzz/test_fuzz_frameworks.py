"""Fuzzing framework files through ``frameworks.import_file``: imported whole, or refused clearly.

The fuzz starts from a real framework (the CSIF, under a new id), mutated as a document and
written back as TOML, or its TOML bytes damaged. A refusal must leave the data folder (where
user frameworks live) byte for byte as it was; a framework that was imported must be found,
written out again unchanged, listed and shown, and be usable to write and rate with.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_support import damaged, fuzz_settings, mutated, retexted, toml_text
from journal_snapshot import Example, JournalTemplate
from reflect.core.assessment import Score
from reflect.core.entry import Response
from reflect.core.framework import Framework, Origin
from reflect.errors import ReflectError
from reflect.formats.framework_toml import dump_framework, parse_framework

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "frameworks"
FRAMEWORK: dict[str, Any] = {
    **tomllib.loads((SHIPPED / "csif.toml").read_text(encoding="utf-8")),
    "id": "fuzzed-framework",
}
VALID_TOML = toml_text(FRAMEWORK).encode("utf-8")
STRUCTURE = frozenset({"format", "id", "kind", "link"})  # text that must stay as it is to fit


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> JournalTemplate:
    return JournalTemplate(tmp_path_factory.mktemp("frameworks"))


def assert_usable(example: Example, framework: Framework) -> None:
    app = example.app
    assert app.frameworks.get(framework.id) == framework
    assert parse_framework(dump_framework(framework), Path("x.toml"), Origin.USER) == framework
    prompts = [prompt for section in framework.sections for prompt in section.prompts]
    responses = tuple(Response(prompt.id, f"Under {prompt.label}.") for prompt in prompts)
    app.entries.write("Body.", framework_id=framework.id, responses=responses)
    if framework.domains:
        score = Score(framework.domains[0].id, framework.scale.low, "")
        app.assessments.record(framework.id, [score])
    example.assert_views_work(
        ("frameworks", "list"),
        ("frameworks", "list", "--json"),
        ("frameworks", "show", framework.id),
        ("list",),
    )


@fuzz_settings(quick=40)
@given(
    data=st.binary()
    | damaged(VALID_TOML)
    | (mutated(FRAMEWORK) | retexted(FRAMEWORK, keep=STRUCTURE)).map(
        lambda doc: (toml_text(doc) if isinstance(doc, dict) else str(doc)).encode(
            "utf-8", "surrogatepass"
        )
    )
)
def test_any_file_imports_or_is_refused(template: JournalTemplate, data: bytes) -> None:
    with template.example() as example:
        path = example.file("framework.toml", data)
        framework = example.attempt(lambda: example.app.frameworks.import_file(path))
        if not isinstance(framework, ReflectError):
            assert isinstance(framework, Framework)
            assert_usable(example, framework)
