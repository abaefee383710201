"""The two virtual environments whole-process benchmarks run in, made on first use.

- ``reflect-venv`` holds Reflect's dependencies as pyproject.toml lists them, and nothing else,
  as a user's install would (a development environment may hold numpy, which sqlite-utils
  imports when it can, adding a tenth of a second to every start). Reflect itself runs from this
  checkout's ``src`` through ``PYTHONPATH``, so no install is needed after an edit.
- ``jrnl-venv`` holds jrnl, pinned, for the comparison. jrnl is never a project dependency.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from benchmarks.processes import ROOT

JRNL_REQUIREMENT = "jrnl==4.6"


def reflect_python(work: Path) -> str:
    """The Python of a venv holding exactly Reflect's dependencies."""
    requirements = _project_dependencies()
    venv = work / "reflect-venv"
    return str(_ensure(venv, requirements) / "bin" / "python")


def jrnl_command(work: Path) -> str:
    return str(_ensure(work / "jrnl-venv", [JRNL_REQUIREMENT]) / "bin" / "jrnl")


def _project_dependencies() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def _ensure(venv: Path, requirements: list[str]) -> Path:
    """``venv`` with ``requirements`` installed; reinstalled when the list changes."""
    wanted = "\n".join(requirements) + "\n"
    stamp = venv / "requirements.txt"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return venv
    print(f"Setting up {venv.name} ({', '.join(requirements)})...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    pip = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    subprocess.run([*pip, *requirements], check=True)
    stamp.write_text(wanted, encoding="utf-8")
    return venv
