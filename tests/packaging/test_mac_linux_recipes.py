"""The macOS and Linux recipes declare every type Reflect opens, as the Windows one does."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from types import ModuleType

from recipe_files import PACKAGING, ROOT

from reflect.exchange.file_types import OPENED

MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def mac_info() -> ModuleType:
    path = PACKAGING / "pyinstaller" / "mac_info.py"
    spec = importlib.util.spec_from_file_location("mac_info", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_info_plist_exports_and_claims_every_type() -> None:
    plist = mac_info().info_plist()
    exported = {t["UTTypeIdentifier"]: t for t in plist["UTExportedTypeDeclarations"]}
    claimed = {uti for d in plist["CFBundleDocumentTypes"] for uti in d["LSItemContentTypes"]}
    assert set(exported) == claimed == {kind.uti for kind in OPENED}
    for kind in OPENED:
        tags = exported[kind.uti]["UTTypeTagSpecification"]
        assert tags["public.filename-extension"] == [kind.suffix.lstrip(".")]
        assert tags["public.mime-type"] == [kind.mime]
    for document in plist["CFBundleDocumentTypes"]:
        assert document["LSHandlerRank"] == "Owner"


def test_the_dmg_offers_a_drag_to_applications() -> None:
    build = (PACKAGING / "macos" / "build.sh").read_text(encoding="utf-8")
    assert 'ln -s /Applications "$stage/Applications"' in build
    assert "hdiutil create" in build


def test_shared_mime_info_declares_every_type() -> None:
    tree = ET.parse(PACKAGING / "linux" / "reflect-mime.xml").getroot()
    globs = {
        mime.get("type"): {g.get("pattern") for g in mime.iter(f"{MIME}glob")}
        for mime in tree.iter(f"{MIME}mime-type")
    }
    assert globs == {kind.mime: {f"*{kind.suffix}"} for kind in OPENED}


def test_the_desktop_entry_opens_every_type() -> None:
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(ROOT / "resources" / "reflect.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert {m for m in desktop["MimeType"].split(";") if m} == {kind.mime for kind in OPENED}
    assert desktop["Exec"] == "reflect %f"


def test_the_mac_build_signs_and_notarizes_only_with_the_facilitators_own_credentials() -> None:
    build = (PACKAGING / "macos" / "build.sh").read_text(encoding="utf-8")
    assert 'identity="${REFLECT_MAC_SIGN_IDENTITY:-}"' in build
    assert 'profile="${REFLECT_NOTARY_PROFILE:-}"' in build
    for step in ("notarytool submit", "--wait", "stapler staple", "codesign --verify"):
        assert step in build, step
    guide = (ROOT / "docs" / "packaging.md").read_text(encoding="utf-8")
    for step in ("codesign --force --deep --options runtime", "notarytool store-credentials"):
        assert step in guide, step
