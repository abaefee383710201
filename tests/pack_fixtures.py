"""Pack specs and signed packs for tests, built from the example in docs/examples so the
documented example is itself checked by every run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from reflect.exchange.canonical import signature_text
from reflect.exchange.identity import Identity
from reflect.exchange.pack import pack_bytes
from reflect.formats.pack_spec import PackSpec, read_spec
from reflect.resources import resource_path
from reflect.services.frameworks import FrameworkCatalog

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
SPEC_NAME = "programme-pack.toml"


def shipped_catalog(tmp_path: Path) -> FrameworkCatalog:
    return FrameworkCatalog(resource_path("frameworks"), tmp_path / "no-user-frameworks")


def example_folder(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of the example spec and its files; each (old, new) edits the spec's text."""
    folder = tmp_path / "spec"
    shutil.copytree(EXAMPLES, folder, dirs_exist_ok=True)
    spec = folder / SPEC_NAME
    text = spec.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"the example spec no longer contains {old!r}"
        text = text.replace(old, new, 1)
    spec.write_text(text, encoding="utf-8")
    return spec


def example_spec(tmp_path: Path, *replacements: tuple[str, str]) -> PackSpec:
    catalog = shipped_catalog(tmp_path)
    return read_spec(example_folder(tmp_path, *replacements), catalog.find)


def signed_pack(
    tmp_path: Path,
    facilitator: Identity,
    *replacements: tuple[str, str],
    name: str = "cohort.reflectpack",
) -> Path:
    """The example pack (edited by ``replacements``), signed by ``facilitator``."""
    spec = example_spec(tmp_path, *replacements)
    out = tmp_path / name
    out.write_bytes(pack_bytes(spec, facilitator, "2027-01-01T09:00:00+00:00"))
    return out


def resigned(path: Path, signer: Identity, edit: dict[str, Any]) -> Path:
    """The pack at ``path`` with top-level fields replaced and signed again by ``signer``,
    who also becomes its claimed facilitator: valid signature, whatever the content."""
    document = json.loads(path.read_bytes())
    document.update(edit)
    document["facilitator"]["signing_key"] = signer.signing_public
    document["signature"] = signature_text(document, signer.signing_key())
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


EVALUATION_START = "\n# Optional: ask participants for an evaluation"


def signed_plain_pack(
    tmp_path: Path, facilitator: Identity, *replacements: tuple[str, str]
) -> Path:
    """The example pack without its [evaluation] section (so the reminder bar offers only
    reflections), signed by ``facilitator``."""
    spec = example_folder(tmp_path, *replacements)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text[: text.index(EVALUATION_START)] + "\n", encoding="utf-8")
    out = tmp_path / "plain.reflectpack"
    built = read_spec(spec, shipped_catalog(tmp_path).find)
    out.write_bytes(pack_bytes(built, facilitator, "2027-01-01T09:00:00+00:00"))
    return out
