"""The file types Reflect opens are one list, the one every installer recipe registers."""

from __future__ import annotations

from pathlib import Path

from reflect.cli.main import is_bundle_file
from reflect.exchange import bundle, card, pack
from reflect.exchange.file_types import OPENED, SUFFIXES


def test_the_list_is_the_bundle_and_pack_suffixes() -> None:
    assert set(SUFFIXES) == {bundle.SUFFIX, pack.SUFFIX}
    assert len({t.mime for t in OPENED}) == len({t.uti for t in OPENED}) == len(OPENED)


def test_the_command_line_opens_exactly_these(tmp_path: Path) -> None:
    for suffix in SUFFIXES:
        handed = tmp_path / f"from-a-peer{suffix.upper()}"
        handed.write_bytes(b"{}")
        assert is_bundle_file(str(handed)), suffix
    # A contact card is read by `peer add`, not opened on its own: no association for it.
    other = tmp_path / f"asha{card.CARD_FILE_SUFFIX}"
    other.write_text("card")
    assert not is_bundle_file(str(other))
