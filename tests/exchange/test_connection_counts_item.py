"""The ``connection-counts`` summary item: counts by sector per month, checked field by field,
and shown in the Trio inbox as a list of months."""

from __future__ import annotations

from typing import Any

import pytest

from reflect.errors import BadInput
from reflect.exchange.bundle_schema import UNSIGNED, checked_unsigned
from reflect.messages import Msg

SENDER = {
    "name": "Asha",
    "recipient": "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
    "signing_key": "ed25519:" + "A" * 43 + "=",
}


def document(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "format": "reflect-bundle",
        "version": 1,
        "id": "5d0f4b8e-1c2a-4f3e-9b7d-6a5c4e3d2b1a",
        "kind": "summary",
        "created": "2026-03-01T09:00:00+00:00",
        "sender": SENDER,
        "recipients": [],
        "items": items,
        "signature": UNSIGNED,
    }


def test_counts_are_read_with_missing_sectors_as_zero() -> None:
    item = {"type": "connection-counts", "months": [{"month": "2026-02", "vcse": 2}]}

    [read] = checked_unsigned(document([item])).items

    assert read["months"] == [
        {"month": "2026-02", "trust": 0, "icb": 0, "local-authority": 0, "primary-care": 0,
         "vcse": 2, "other": 0}
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("month", "field", "reason"),
    [
        ({"month": "2026-13", "icb": 1}, "items[0].months[0].month", "YYYY-MM"),
        ({"month": "2026-02-01"}, "items[0].months[0].month", "YYYY-MM"),
        ({"month": "2026-02", "icb": -1}, "items[0].months[0].icb", "negative"),
        ({"month": "2026-02", "trust": "3"}, "items[0].months[0].trust", "whole number"),
        ({"icb": 1}, "items[0].months[0].month", "missing"),
    ],
)
def test_bad_counts_name_the_field(month: dict[str, Any], field: str, reason: str) -> None:
    item = {"type": "connection-counts", "months": [month]}

    with pytest.raises(BadInput) as caught:
        checked_unsigned(document([item]))

    assert caught.value.msg is Msg.BUNDLE_INVALID
    assert caught.value.params["field"] == field and reason in caught.value.params["reason"]


def test_counts_are_not_allowed_in_feedback() -> None:
    bad = document([{"type": "connection-counts", "months": []}]) | {"kind": "feedback"}

    with pytest.raises(BadInput) as caught:
        checked_unsigned(bad)

    assert caught.value.params["field"] == "items[0].type"


def test_only_a_bundle_holding_something_new_is_written_as_version_2() -> None:
    from reflect.exchange.bundle_schema import version_for

    entry = {"type": "entry", "kind": "reflection"}
    assert version_for([entry, {"type": "note", "text": "x"}]) == 1
    assert version_for([entry, {"type": "connection-counts", "months": []}]) == 2
    assert version_for([{"type": "entry", "kind": "learning"}]) == 2


def test_a_version_2_bundle_is_refused_by_a_version_1_reader_as_too_new(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reflect.exchange import bundle_schema

    monkeypatch.setattr(bundle_schema, "VERSION", 1)  # the reader as Reflect was before
    item = {"type": "connection-counts", "months": []}

    with pytest.raises(BadInput) as caught:
        checked_unsigned(document([item]) | {"version": 2})

    assert caught.value.msg is Msg.BUNDLE_TOO_NEW
