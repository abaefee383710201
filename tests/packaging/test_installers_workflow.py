"""The installers workflow, which only GitHub runs: read as data, it must test on all three
systems, and build, install silently without administrator rights, smoke-test and uninstall
each installer; then publish the artefacts' hashes."""

from __future__ import annotations

from typing import Any

import pytest
from recipe_files import PACKAGING, WORKFLOW, run_scripts, workflow

WATCHED = {"src/**", "resources/**", "packaging/**"}


@pytest.fixture(scope="module")
def flow() -> dict[str, Any]:
    return workflow()


def joined(job: dict[str, Any]) -> str:
    return "\n".join(run_scripts(job))


def test_it_lives_where_github_runs_workflows() -> None:
    assert WORKFLOW.relative_to(PACKAGING.parent).parts[:2] == (".github", "workflows")


def test_every_change_to_the_app_or_its_packaging_runs_it(flow: dict[str, Any]) -> None:
    triggers = flow["on"]
    for event in ("push", "pull_request"):
        assert set(triggers[event]["paths"]) >= WATCHED, event
    assert "workflow_dispatch" in triggers


def test_the_full_suite_runs_on_each_system(flow: dict[str, Any]) -> None:
    tests = flow["jobs"]["tests"]
    systems = set(tests["strategy"]["matrix"]["os"])
    assert {"windows-latest", "macos-latest"} <= systems
    assert any(s.startswith("ubuntu-") for s in systems)
    commands = run_scripts(tests)
    assert "python -m pytest" in commands  # the README's command: every test, no filter
    for job in ("linux", "windows", "macos"):
        assert flow["jobs"][job]["needs"] == "tests", job


def test_linux_builds_on_old_glibc_and_installs_without_root(flow: dict[str, Any]) -> None:
    linux = flow["jobs"]["linux"]
    assert linux["runs-on"] == "ubuntu-22.04"
    assert linux["env"]["REFLECT_MAX_GLIBC"] == "2.35"
    script = joined(linux)
    assert "packaging/linux/build.sh" in script
    # The release is built on Debian 11 (glibc 2.31) and that is what is installed and kept.
    assert "packaging/linux/build_debian11.sh" in script
    assert "./dist/debian11/reflect-journal_" in script
    kept = linux["steps"][-1]["with"]["path"].split()
    assert kept and all(path.startswith("dist/debian11/") for path in kept)
    assert "sudo -u reflecttest" in script and "tar -C ~/.local/opt -xzf" in script
    assert "apt-get install" in script and "apt-get remove" in script
    assert script.count("packaging/smoke_installed.py") == 2  # the tarball and the .deb


def test_windows_installs_per_user_as_a_standard_user(flow: dict[str, Any]) -> None:
    windows = flow["jobs"]["windows"]
    assert windows["runs-on"] == "windows-latest"
    script = joined(windows)
    for piece in ("packaging/windows/build.sh", "install_test.ps1", "msi_test.ps1", "wix"):
        assert piece in script
    outer = (PACKAGING / "windows" / "install_test.ps1").read_text(encoding="utf-8")
    assert "net user $user $password /add" in outer and "-Credential $credential" in outer
    inner = (PACKAGING / "windows" / "install_as_user.ps1").read_text(encoding="utf-8")
    assert (
        "-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)" in inner
    )
    for piece in (
        "/VERYSILENT",
        "/CURRENTUSER",
        "smoke_installed.py",
        "unins000.exe",
        "HKCU:\\Software\\Classes",
        "the journal was left in place",
        "portable.zip",
    ):
        assert piece in inner, piece
    msi = (PACKAGING / "windows" / "msi_test.ps1").read_text(encoding="utf-8")
    assert "'/qn'" in msi and "'/x'" in msi and "smoke_installed.py" in msi


def test_macos_installs_by_dragging_as_a_standard_user(flow: dict[str, Any]) -> None:
    macos = flow["jobs"]["macos"]
    script = joined(macos)
    assert "packaging/macos/build.sh" in script
    assert "sysadminctl -addUser reflecttest" in script and "sudo -u reflecttest" in script
    assert "ditto" in script and "~/Applications/Reflect.app" in script
    assert "smoke_installed.py" in script and "rm -rf ~/Applications/Reflect.app" in script


def test_the_installed_smoke_test_covers_what_the_issue_names() -> None:
    smoke = (PACKAGING / "smoke_installed.py").read_text(encoding="utf-8")
    for piece in (
        '"--version"',
        '"demo"',
        '"search"',
        '"receive"',
        '"pack", "install"',
        '"key", "show"',
        "--require-keyring",
    ):
        assert piece in smoke, piece


def test_every_artefact_is_hashed(flow: dict[str, Any]) -> None:
    checksums = flow["jobs"]["checksums"]
    assert set(checksums["needs"]) == {"linux", "windows", "macos"}
    script = joined(checksums)
    assert "sha256sum" in script and "SHA256SUMS" in script
    for suffix in ("*.tar.gz", "*.deb", "*.exe", "*.msi", "*.zip", "*.dmg"):
        assert suffix in script


def test_the_debian_11_build_holds_its_floor() -> None:
    script = (PACKAGING / "linux" / "build_debian11.sh").read_text(encoding="utf-8")
    assert "debootstrap" in script and " bullseye " in script
    assert "REFLECT_MAX_GLIBC=2.31" in script
    assert "smoke_installed.py" in script and "apt-get install" in script
