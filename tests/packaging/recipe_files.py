"""Reading the installer recipes in ``packaging/`` for the static checks: the Inno Setup
script's sections and entries, the WiX source, the workflow. Parsed, not grepped, so that a
comment or a reordered parameter cannot fool a check."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def iss_sections(path: Path = PACKAGING / "windows" / "reflect.iss") -> dict[str, list[str]]:
    """Section name (lower case) -> its lines, without comments, blanks or preprocessor lines.

    Lines inside ``#ifdef``/``#ifndef`` blocks are dropped too: an entry there exists only when
    the build asks for it, so no check may rely on one."""
    sections: dict[str, list[str]] = {}
    current = ""
    depth = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith(("#ifdef", "#ifndef", "#if ")):
            depth += 1
            continue
        if line.startswith("#endif"):
            depth -= 1
            continue
        if depth or not line or line.startswith((";", "#", "//")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1).lower()
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def iss_directives(lines: list[str]) -> dict[str, str]:
    """``Name=Value`` lines, as in [Setup]."""
    found = {}
    for line in lines:
        name, _, value = line.partition("=")
        found[name.strip().lower()] = value.strip()
    return found


def iss_entry(line: str) -> dict[str, str]:
    """``Name: value; Name: "quoted; value"`` -> {name (lower case): value unquoted}.

    Inno Setup quotes a value in double quotes and writes a quote inside one as two."""
    entry: dict[str, str] = {}
    pattern = re.compile(r'\s*(\w+)\s*:\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')
    pos = 0
    while pos < len(line):
        match = pattern.match(line, pos)
        if not match or match.end() == pos:
            raise ValueError(f"cannot read the Inno Setup entry at {line[pos:]!r}")
        value = match.group(2).strip()
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            value = value[1:-1].replace('""', '"')
        entry[match.group(1).lower()] = value
        pos = match.end()
    return entry


def workflow() -> dict[Any, Any]:
    """The installers workflow. YAML 1.1 reads the key ``on`` as True; it is put back."""
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return dict(data)


def run_scripts(job: dict[str, Any]) -> list[str]:
    """The ``run`` text of each step of a job."""
    return [str(step.get("run", "")) for step in job.get("steps", [])]
