"""Fuzzing facilitator packs through ``packs.install``, and pack specs through ``read_spec``.

The fuzz starts from a real pack (the documented example, signed), then damages its bytes,
mutates its document without signing it again (the signature check must catch every change),
or mutates it and signs it again as the facilitator, so the fuzz reaches the field checks
behind the signature. A refusal must leave the journal, which already holds version 1 of the
pack, byte for byte as it was; an accepted pack must show on every view of the programme.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_support import damaged, fuzz_settings, json_bytes, mutated, retexted, toml_text
from journal_snapshot import Example, JournalTemplate
from pack_fixtures import EXAMPLES, SPEC_NAME, shipped_catalog, signed_pack
from reflect.app import App
from reflect.errors import BadInput, ReflectError
from reflect.exchange.canonical import signature_text
from reflect.exchange.identity import Identity
from reflect.formats.pack_spec import PackSpec, read_spec
from reflect.services.packs import Installed

FACILITATOR = Identity.generate()  # one signer for the run, so updates can be accepted
STRUCTURE = frozenset({"format", "id", "signing_key", "signature", "kind", "date"})


def _valid_pack(folder: Path) -> bytes:
    return signed_pack(folder, FACILITATOR).read_bytes()


def _document(folder: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(_valid_pack(folder))
    document["pack_version"] = 2  # an update of the installed version 1
    return document


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> JournalTemplate:
    folder = tmp_path_factory.mktemp("packs")
    first = signed_pack(folder / "v1", FACILITATOR)

    def fill(app: App) -> None:
        app.packs.install(first)
        app.entries.write("Written for the welcome session.", event_id=_welcome_id(app))

    return JournalTemplate(folder, fill)


def _welcome_id(app: App) -> str:
    return app.programme.all()[0].events[0].id


def _signed_again(document: Any) -> bytes:
    if isinstance(document, dict):
        facilitator = document.get("facilitator")
        if isinstance(facilitator, dict):
            facilitator["signing_key"] = FACILITATOR.signing_public
        # Not signable (lone surrogates, NaN): it goes as it is, to be refused.
        with contextlib.suppress(UnicodeEncodeError, ValueError, TypeError):
            document["signature"] = signature_text(document, FACILITATOR.signing_key())
    return json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass")


def _sample_document() -> dict[str, Any]:
    # Built once at import, so the strategies can start from it.
    with tempfile.TemporaryDirectory(prefix="reflect-pack-fuzz-") as folder:
        return _document(Path(folder))


DOCUMENT = _sample_document()


def assert_shown(example: Example, result: Installed) -> None:
    app = example.app
    assert result.programme.pack_id in {p.pack_id for p in app.programme.all()}
    app.programme.nudges()
    app.programme.written_for()
    example.assert_views_work(("programme",), ("programme", "--json"), ("frameworks", "list"))


@fuzz_settings(quick=40)
@given(
    data=st.binary()
    | damaged(json.dumps(DOCUMENT).encode("utf-8"))
    | json_bytes(mutated(DOCUMENT) | retexted(DOCUMENT, keep=STRUCTURE))
    | (mutated(DOCUMENT) | retexted(DOCUMENT, keep=STRUCTURE)).map(_signed_again)
)
def test_any_pack_installs_or_is_refused(template: JournalTemplate, data: bytes) -> None:
    with template.example() as example:
        path = example.file("cohort.reflectpack", data)
        result = example.attempt(lambda: example.app.packs.install(path))
        if not isinstance(result, ReflectError):
            assert isinstance(result, Installed)
            assert_shown(example, result)


SPEC: dict[str, Any] = tomllib.loads((EXAMPLES / SPEC_NAME).read_text(encoding="utf-8"))


@fuzz_settings(quick=40)
@given(
    spec=(
        mutated(SPEC)
        | retexted(
            SPEC,
            keep=frozenset(
                {"format", "file", "welcome_file", "evaluator_card_file", "privacy_notice_file"}
            ),
        )
    ).map(
        lambda doc: (toml_text(doc) if isinstance(doc, dict) else str(doc)).encode(
            "utf-8", "surrogatepass"
        )
    )
    | damaged((EXAMPLES / SPEC_NAME).read_bytes())
)
def test_any_spec_reads_or_names_what_is_wrong(tmp_path_factory: Any, spec: bytes) -> None:
    folder = tmp_path_factory.mktemp("spec")
    shutil.copytree(EXAMPLES, folder, dirs_exist_ok=True)
    (folder / SPEC_NAME).write_bytes(spec)
    try:
        read = read_spec(folder / SPEC_NAME, shipped_catalog(folder).find)
    except BadInput as exc:
        assert exc.text
        return
    assert isinstance(read, PackSpec)
