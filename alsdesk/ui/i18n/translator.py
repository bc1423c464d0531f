"""Qt's texts from alsdesk's catalogue: `self.tr(...)` and `QCoreApplication.translate(...)` look up
the gettext catalogue (alsdesk/i18n) with their Qt context as msgctxt, so the window, the CLI and the
documents read one catalogue per language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from alsdesk.i18n.catalogue import translations


class CatalogueTranslator(QTranslator):
    """A QTranslator answering from the gettext catalogue of `language`, loaded when it is made (a
    missing catalogue raises AlsdeskError then, not while a window paints)."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = translations(language)

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The translation, else the source text itself: what Qt would show anyway. Never None (the
        PySide None hazard, tests/ui/test_pyside_none_refcount.py) and never "": Qt takes the first
        answer that is not a null string, and PySide passes "" as an empty, non-null one, so "" would
        blank the text. So this translator answers everything: install it before Qt's own (qtbase),
        which Qt then asks first (the last installed is asked first)."""
        if not source:
            return ""
        # `disambiguation` is unused: no call passes one, the Qt context alone names the entry.
        if n >= 0:  # a %n text: its plural entry (Qt fills in the count afterwards)
            return self._catalogue.npgettext(context, source, source, n)
        return self._catalogue.pgettext(context, source)


def window_language() -> str:
    """The language the window speaks now (chosen, else the system's when alsdesk has it): each
    catalogue translates "en" in context "language" into its own language's code."""
    return QCoreApplication.translate("language", "en")
