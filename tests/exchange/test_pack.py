"""Signed pack files: what the facilitator built reads back exactly; anything altered,
wrongly signed, too new or broken is refused with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pack_fixtures import resigned, signed_pack
from reflect.errors import BadInput
from reflect.exchange.canonical import signature_text
from reflect.exchange.card import Card, fingerprint
from reflect.exchange.identity import Identity
from reflect.exchange.pack import VERSION, event_id, read_pack
from reflect.messages import Msg


@pytest.fixture(scope="module")
def facilitator() -> Identity:
    return Identity.generate()


def read(path: Path):  # type: ignore[no-untyped-def]
    return read_pack(path.read_bytes(), path)


def test_a_built_pack_reads_back_with_its_programme(tmp_path: Path, facilitator: Identity) -> None:
    pack = read(signed_pack(tmp_path, facilitator))
    programme = pack.programme

    assert (programme.pack_id, programme.pack_version) == ("leading-across-systems-cohort-4", 1)
    assert programme.facilitator.signing_key == facilitator.signing_public
    assert programme.facilitator.contact == "sam.okafor@example.org"
    assert pack.fingerprint == fingerprint(
        Card("Sam Okafor", facilitator.recipient, facilitator.signing_public)
    )
    assert [framework_id for framework_id, _ in pack.frameworks] == ["huddle-check-in"]
    assert len(programme.events) == 7
    first = programme.events[0]
    assert first.id == event_id(programme.pack_id, "welcome-session")
    assert first.title == "Welcome session: your inquiry question"


def test_event_ids_do_not_change_between_versions(tmp_path: Path, facilitator: Identity) -> None:
    first = read(signed_pack(tmp_path / "1", facilitator))
    second = read(signed_pack(tmp_path / "2", facilitator, ("version = 1 ", "version = 2 ")))

    assert [e.id for e in first.programme.events] == [e.id for e in second.programme.events]


def test_a_pack_changed_after_signing_is_refused(tmp_path: Path, facilitator: Identity) -> None:
    path = signed_pack(tmp_path, facilitator)
    path.write_text(
        path.read_text().replace("Workshop 2: seeing the system", "Workshop 2: cancelled")
    )

    with pytest.raises(BadInput) as caught:
        read(path)

    assert caught.value.msg is Msg.PACK_BAD_SIGNATURE


def test_a_pack_signed_by_someone_else_is_refused(tmp_path: Path, facilitator: Identity) -> None:
    path = signed_pack(tmp_path, facilitator)
    document = json.loads(path.read_bytes())  # still names the facilitator's key
    document["signature"] = signature_text(document, Identity.generate().signing_key())
    path.write_text(json.dumps(document))

    with pytest.raises(BadInput) as caught:
        read(path)

    assert caught.value.msg is Msg.PACK_BAD_SIGNATURE


def test_a_framework_carried_twice_is_refused(tmp_path: Path, facilitator: Identity) -> None:
    path = signed_pack(tmp_path, facilitator)
    carried = json.loads(path.read_bytes())["frameworks"]
    path = resigned(path, facilitator, {"frameworks": carried * 2})

    with pytest.raises(BadInput) as caught:
        read(path)

    assert (caught.value.msg, caught.value.params["field"]) == (
        Msg.PACK_INVALID,
        "frameworks[1].id",
    )


def test_a_reordered_or_reindented_pack_still_verifies(
    tmp_path: Path, facilitator: Identity
) -> None:
    path = signed_pack(tmp_path, facilitator)
    document = json.loads(path.read_bytes())
    path.write_text(json.dumps(dict(reversed(document.items()))))

    assert read(path).programme.name == "Leading Across Systems, cohort 4"


def test_a_pack_from_a_newer_reflect_is_refused_as_such(
    tmp_path: Path, facilitator: Identity
) -> None:
    newer = VERSION + 1
    path = resigned(signed_pack(tmp_path, facilitator), facilitator, {"version": newer})

    with pytest.raises(BadInput) as caught:
        read(path)

    assert (caught.value.msg, caught.value.params["version"]) == (Msg.PACK_TOO_NEW, newer)


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[]", b'{"format": "reflect-bundle"}'])
def test_something_else_is_not_a_pack(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(BadInput) as caught:
        read_pack(data, tmp_path / "x.reflectpack")

    assert caught.value.msg is Msg.PACK_NOT_PACK


BROKEN = [
    ({"events": [{"id": "a", "date": "2027-13-01", "kind": "workshop", "title": "T"}]}, "date"),
    ({"events": [{"id": "a", "date": "2027-01-01", "kind": "party", "title": "T"}]}, "kind"),
    ({"frameworks": [{"id": "x", "toml": "not = [toml"}]}, "frameworks[0].toml"),
    ({"uses": "csif"}, "uses"),
    ({"uses": ["csif", "grow", "what-so-what-now-what", "csif"]}, "uses[3]"),
    ({"pack_version": -1}, "pack_version"),
    ({"surprise": True}, "surprise"),
]


@pytest.mark.parametrize(("edit", "field"), BROKEN, ids=[f for _, f in BROKEN])
def test_broken_content_with_a_good_signature_is_refused_naming_the_field(
    tmp_path: Path, facilitator: Identity, edit: dict[str, object], field: str
) -> None:
    path = resigned(signed_pack(tmp_path, facilitator), facilitator, edit)

    with pytest.raises(BadInput) as caught:
        read(path)

    assert caught.value.msg is Msg.PACK_INVALID
    assert field in caught.value.params["field"]
