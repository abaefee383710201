"""Counted words for code that is not a widget (flows, start-up): "1 event", "7 events".

Plural forms come from a translation (English included, resources/translations/reflect_en.ts),
and lupdate reads a message as plural only from a ``tr(text, "", n)`` call inside a class, not
from ``QCoreApplication.translate``. So such words live here, as methods of one QObject.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Counted(QObject):
    def events(self, n: int) -> str:
        return self.tr("%n event(s)", "", n)

    def frameworks(self, n: int) -> str:
        return self.tr("%n framework(s)", "", n)

    def words(self, n: int) -> str:
        return self.tr("%n word(s)", "", n)

    def unmatched_comments(self, n: int) -> str:
        return self.tr("%n were about entries this journal does not have.", "", n)

    def saved_for_appraisal(self, n: int) -> str:
        return self.tr("Saved %n account(s) for appraisal: {0}", "", n)

    def unkept_drafts(self, n: int) -> str:
        return self.tr(
            "Reflect closed before %n piece(s) of writing were kept. Open it in the editor?\n"
            "(Choose No to discard it.)",
            "",
            n,
        )


def counted() -> Counted:
    """The words, in the language installed now (a new object is cheap)."""
    return Counted()
