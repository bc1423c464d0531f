"""Text users see is collectable for translation: code labels and worklist headings are marked
where they are defined, and the window's translator answers from the catalogue."""

from __future__ import annotations

from alsdesk import vocab
from alsdesk.services import messages, worklist
from tests.unit import catalogue


def test_every_code_label_is_marked_for_translation() -> None:
    from alsdesk.ui.widgets.common import code_label

    codes = [c for name in dir(vocab) if name.isupper() for c in getattr(vocab, name) if isinstance(c, str)]
    labels = {code_label(c) for c in codes if not vocab.gene_symbol(c)}  # symbols stay as they are
    missing = sorted(labels - set(catalogue.texts("codes")))
    assert missing == [], f"mark them with N_ in alsdesk/i18n/labels.py; missing: {missing}"
    assert set(worklist.KINDS.values()) == set(catalogue.texts("worklist"))


def test_every_service_template_is_marked_for_translation() -> None:
    assert set(messages.TEMPLATES) <= set(catalogue.texts("messages"))


def test_install_translation_takes_a_language(qapp) -> None:  # type: ignore[no-untyped-def]
    """The screenshots script renders a language without touching the user's saved choice."""
    from PySide6.QtCore import QCoreApplication

    from alsdesk.ui.app import install_translation

    installed = install_translation(qapp, "zh_CN")
    try:
        assert installed and QCoreApplication.translate("language", "en") == "zh_CN"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("language", "en") == "en"
    assert install_translation(qapp, "en") == []


def test_the_translator_answers_from_the_catalogue(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    """Qt contexts are msgctxt; a text without a translation shows as written; %n is a plural entry."""
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "Worklist") == "工作清单"
    assert QCoreApplication.translate("codes", "Neurology") == catalogue.translations("zh_CN", "codes")["Neurology"]
    assert QCoreApplication.translate("MainWindow", "No such text, anywhere") == "No such text, anywhere"
    assert QCoreApplication.translate("NoSuchContext", "Worklist") == "Worklist"  # contexts keep texts apart
    assert QCoreApplication.translate("MainWindow", "") == ""
    source = next(t for c, t in catalogue.extracted() if c == "SessionGuard" and t.startswith("%n"))
    assert QCoreApplication.translate("SessionGuard", source, "", 3).startswith("3 个打开的窗口")


def test_the_translator_always_answers_a_text(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    """Never None (the PySide hazard of tests/ui/test_pyside_none_refcount.py) and never "" for a
    text it lacks (Qt would show nothing): the source text, so Qt's own catalogue, asked first, and
    the English fallback both still work."""
    from PySide6.QtCore import QCoreApplication

    from alsdesk.ui.i18n.translator import CatalogueTranslator

    translator = CatalogueTranslator("zh_CN")
    lookups = [("MainWindow", "Worklist"), ("MainWindow", "Not in the catalogue"), ("QDialogButtonBox", "&Save")]
    answers = [translator.translate(c, t, None, -1) for c, t in lookups]
    assert answers == ["工作清单", "Not in the catalogue", "&Save"]
    assert translator.translate("MainWindow", "", None, -1) == ""
    shown = {QCoreApplication.translate(c, t) for _ in range(2_000) for c, t in lookups}
    assert shown == {"工作清单", "Not in the catalogue", "&Save"}
