"""packaging/linux/glibc_floor.py reads the glibc versions an ELF file needs as objdump does."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from types import ModuleType

import pytest
from recipe_files import PACKAGING

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files: Linux")


def floor_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "glibc_floor", PACKAGING / "linux" / "glibc_floor.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extension_modules() -> list[Path]:
    """This Python's own compiled modules: real ELF files that need glibc."""
    dynload = Path(sysconfig.get_config_var("DESTSHARED"))
    return sorted(dynload.glob("*.so"))[:12]


@pytest.mark.skipif(shutil.which("objdump") is None, reason="needs binutils' objdump")
def test_the_versions_needed_are_objdumps() -> None:
    module = floor_module()
    files = extension_modules()
    assert files
    for path in files:
        dumped = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        expected = {
            word.split("GLIBC_")[1].rstrip(")")
            for word in dumped.split()
            if word.startswith(("GLIBC_", "(GLIBC_")) and word.split("GLIBC_")[1][:1].isdigit()
        }
        assert module.needed_versions(path) == expected, path.name


def test_a_folder_reports_its_highest_version_and_a_limit_fails_it(tmp_path: Path) -> None:
    module = floor_module()
    for path in extension_modules():
        shutil.copy(path, tmp_path)
    (tmp_path / "notes.txt").write_text("not an ELF file")
    highest = max(
        (v for p in tmp_path.glob("*.so") for v in module.needed_versions(p)),
        key=module.version_key,
    )
    script = [sys.executable, str(PACKAGING / "linux" / "glibc_floor.py"), str(tmp_path)]
    done = subprocess.run(script, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == highest
    refused = subprocess.run([*script, "--max", "2.0"], capture_output=True, text=True)
    assert refused.returncode == 1 and f"needs glibc {highest}" in refused.stderr
