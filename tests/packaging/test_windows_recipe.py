"""The Windows recipes, which cannot run here: per-user by default, associations per user for
every type Reflect opens, a pack beside the installer, an uninstaller that keeps the journal."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from recipe_files import PACKAGING, iss_directives, iss_entry, iss_sections

from reflect.exchange.file_types import OPENED
from reflect.paths import drop_in_folders

WIX = "{http://wixtoolset.org/schemas/v4/wxs}"


def registry() -> list[dict[str, str]]:
    return [iss_entry(line) for line in iss_sections()["registry"]]


def test_setup_asks_for_no_administrator_rights() -> None:
    setup = iss_directives(iss_sections()["setup"])
    assert setup["privilegesrequired"] == "lowest"
    # IT may still choose machine-wide, on the command line (/ALLUSERS) or in the dialog.
    assert set(setup["privilegesrequiredoverridesallowed"].split()) == {"dialog", "commandline"}
    # {autopf}: %LOCALAPPDATA%\Programs per user, Program Files machine-wide.
    assert setup["defaultdirname"].startswith("{autopf}\\")
    assert setup["changesassociations"] == "yes"


def test_every_registry_entry_follows_the_install_mode() -> None:
    # HKA is HKEY_CURRENT_USER per user and HKEY_LOCAL_MACHINE for /ALLUSERS; HKLM would need
    # administrator rights and fail a per-user install.
    roots = {entry["root"] for entry in registry()}
    assert roots <= {"HKA", "HKCU"}, roots


def test_every_type_reflect_opens_is_associated_with_reflect() -> None:
    entries = registry()

    def value(subkey: str, name: str = "") -> str | None:
        for entry in entries:
            if entry["subkey"] == subkey and entry.get("valuename") == name:
                return entry.get("valuedata")
        return None

    for kind in OPENED:
        classes = f"Software\\Classes\\{kind.suffix}"
        assert value(classes) == kind.progid, kind.suffix
        assert value(classes, "Content Type") == kind.mime
        command = value(f"Software\\Classes\\{kind.progid}\\shell\\open\\command")
        assert command == '"{app}\\reflect.exe" "%1"'
        assert value(f"Software\\Classes\\{kind.progid}") == kind.description
        supported = "Software\\Classes\\Applications\\reflect.exe\\SupportedTypes"
        assert value(supported, kind.suffix) is not None, "missing from Open with"
    associated = {
        e["subkey"].split("\\")[2]
        for e in entries
        if e["subkey"].startswith("Software\\Classes\\.") and e["subkey"].count("\\") == 2
    }
    assert associated == {kind.suffix for kind in OPENED}


def test_a_pack_beside_the_installer_goes_where_reflect_looks() -> None:
    files = [iss_entry(line) for line in iss_sections()["files"]]
    beside = [f for f in files if f["source"] == "{src}\\*.reflectpack"]
    assert len(beside) == 1
    flags = set(beside[0]["flags"].split())
    assert {"external", "skipifsourcedoesntexist"} <= flags
    assert beside[0]["destdir"] == "{app}\\packs"
    # ...the folder beside the executable that the frozen app reads on start.
    assert Path("/apps/Reflect/packs") in drop_in_folders({}, "win32", "/apps/Reflect/reflect.exe")


def test_the_uninstaller_keeps_the_journal_and_says_so() -> None:
    sections = iss_sections()
    assert "uninstalldelete" not in sections
    code = "\n".join(sections["code"])
    assert "usPostUninstall" in code and "MsgBox(" in code and "UninstallSilent" in code
    message = iss_directives(sections["custommessages"])["english.journalkept"]
    assert "journal was not touched" in message
    assert "%1" in message  # filled with the journal's folder


def test_silent_switches_are_documented() -> None:
    script = (PACKAGING / "windows" / "reflect.iss").read_text(encoding="utf-8")
    guide = (PACKAGING.parent / "docs" / "facilitators.md").read_text(encoding="utf-8")
    for text in (script, guide):
        for switch in (
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/CURRENTUSER",
            "/ALLUSERS",
            "unins000.exe",
        ):
            assert switch in text


def test_the_msi_associates_every_type_and_takes_a_pack_beside_it() -> None:
    tree = ET.parse(PACKAGING / "windows" / "reflect.wxs").getroot()
    package = tree.find(f"{WIX}Package")
    assert package is not None and package.get("Scope") == "perMachine"
    progids = {p.get("Id"): p for p in tree.iter(f"{WIX}ProgId")}
    for kind in OPENED:
        extension = progids[kind.progid].find(f"{WIX}Extension")
        assert extension is not None
        assert (extension.get("Id"), extension.get("ContentType")) == (kind.suffix[1:], kind.mime)
        assert progids[kind.progid].get("Description") == kind.description
    assert len(progids) == len(OPENED)
    (copy,) = tree.iter(f"{WIX}CopyFile")
    assert copy.get("SourceName") == "*.reflectpack"
    packs = next(
        d for d in tree.iter(f"{WIX}Directory") if d.get("Id") == copy.get("DestinationDirectory")
    )
    parents = {c: p for p in tree.iter() for c in p}
    path, node = [], packs
    while node.tag != f"{WIX}StandardDirectory":
        path.insert(0, node.get("Name"))
        node = parents[node]
    assert node.get("Id") == "CommonAppDataFolder"  # %ProgramData%
    program_data = drop_in_folders({"PROGRAMDATA": "/ProgramData"}, "win32", "")
    assert Path("/ProgramData", *path) in program_data


def test_the_build_makes_the_portable_zip_and_the_msi() -> None:
    build = (PACKAGING / "windows" / "build.sh").read_text(encoding="utf-8")
    assert "-m zipfile -c" in build and "portable.zip" in build
    assert "wix build" in build and "reflect.wxs" in build
