"""Info.plist entries for Reflect.app: document types and the UTIs Reflect declares.

Finder opens ``.reflect`` bundles and ``.reflectpack`` packs in Reflect because the app exports
a uniform type identifier for each suffix and claims them as their owner. The types come from
``reflect.exchange.file_types.OPENED``, the list every installer recipe registers.
"""

from __future__ import annotations

import os

BUNDLE_ID = os.environ.get("REFLECT_MAC_BUNDLE_ID", "org.reflect-journal.Reflect")


def documents() -> list[tuple[str, str, str, str]]:
    """(UTI, description, suffix without its dot, MIME type) for each type Reflect opens."""
    from reflect.exchange.file_types import OPENED

    return [(t.uti, t.description, t.suffix.lstrip("."), t.mime) for t in OPENED]


def exported_type(uti: str, description: str, suffix: str, mime: str) -> dict[str, object]:
    return {
        "UTTypeIdentifier": uti,
        "UTTypeDescription": description,
        "UTTypeConformsTo": ["public.data"],
        "UTTypeTagSpecification": {
            "public.filename-extension": [suffix],
            "public.mime-type": [mime],
        },
    }


def document_type(uti: str, description: str) -> dict[str, object]:
    return {
        "CFBundleTypeName": description,
        "CFBundleTypeRole": "Viewer",
        "LSHandlerRank": "Owner",
        "LSItemContentTypes": [uti],
    }


def info_plist() -> dict[str, object]:
    from reflect import __version__

    return {
        "CFBundleName": "Reflect",
        "CFBundleDisplayName": "Reflect",
        "CFBundleShortVersionString": __version__,
        "CFBundleVersion": __version__,
        "LSMinimumSystemVersion": "12.0",  # PySide6 6.8 LTS reaches macOS 12 (docs/packaging.md)
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "UTExportedTypeDeclarations": [exported_type(*doc) for doc in documents()],
        "CFBundleDocumentTypes": [document_type(uti, text) for uti, text, _, _ in documents()],
    }
