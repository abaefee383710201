"""Where IT can leave a pack for every user of a machine, on each operating system."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

from reflect.paths import drop_in_folders, packs_in


def test_linux_looks_in_each_xdg_config_dir() -> None:
    found = drop_in_folders({"XDG_CONFIG_DIRS": "/etc/xdg:/opt/conf"}, "linux", executable="")
    assert found == [Path("/etc/xdg/reflect/packs"), Path("/opt/conf/reflect/packs")]


def test_linux_defaults_to_etc_xdg() -> None:
    assert drop_in_folders({}, "linux", executable="") == [Path("/etc/xdg/reflect/packs")]


def test_windows_uses_programdata() -> None:
    (found,) = drop_in_folders({"PROGRAMDATA": r"D:\ProgramData"}, "win32", executable="")
    assert PureWindowsPath(str(found)) == PureWindowsPath(r"D:\ProgramData\Reflect\packs")


def test_macos_uses_the_shared_application_support_folder() -> None:
    found = drop_in_folders({}, "darwin", executable="")
    assert found == [Path("/Library/Application Support/Reflect/packs")]


def test_an_unpacked_app_also_looks_beside_itself() -> None:
    found = drop_in_folders({}, "linux", executable="/opt/reflect/reflect")
    assert found[-1] == Path("/opt/reflect/packs")


def test_the_environment_replaces_them_all(tmp_path: Path) -> None:
    env = {"REFLECT_PACKS_DIR": str(tmp_path), "XDG_CONFIG_DIRS": "/etc/xdg"}
    assert drop_in_folders(env, "linux", executable="/opt/reflect/reflect") == [tmp_path]


def test_only_pack_files_in_existing_folders_are_found(tmp_path: Path) -> None:
    (tmp_path / "b.reflectpack").write_text("{}")
    (tmp_path / "a.reflectpack").write_text("{}")
    (tmp_path / "notes.txt").write_text("")
    found = packs_in([tmp_path / "missing", tmp_path])
    assert [p.name for p in found] == ["a.reflectpack", "b.reflectpack"]
