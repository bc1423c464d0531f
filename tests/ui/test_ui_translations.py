"""Text users see is collectable for translation: code labels have marked sources, lupdate finds strings."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from alsdesk import vocab
from alsdesk.services import worklist


def test_every_code_label_is_marked_for_translation() -> None:
    from alsdesk.ui.i18n.code_texts import CODE_TEXTS, WORKLIST_HEADINGS
    from alsdesk.ui.widgets.common import code_label

    codes = [c for name in dir(vocab) if name.isupper() for c in getattr(vocab, name) if isinstance(c, str)]
    missing = sorted({code_label(c) for c in codes} - set(CODE_TEXTS))
    assert missing == [], f"regenerate alsdesk/ui/i18n/code_texts.py; missing: {missing}"
    assert set(worklist.KINDS.values()) == set(WORKLIST_HEADINGS)


def test_every_service_template_is_marked_for_translation() -> None:
    """lupdate keeps only what it finds in alsdesk/ui: the services' templates are marked there."""
    from alsdesk.services import messages
    from alsdesk.ui.i18n.code_texts import MESSAGE_TEXTS

    assert set(messages.TEMPLATES) <= set(MESSAGE_TEXTS), "regenerate MESSAGE_TEXTS in alsdesk/ui/i18n/code_texts.py"
    from alsdesk.services.assessments import MEASUREMENTS
    from alsdesk.ui.i18n.code_texts import MEASUREMENT_LABELS

    assert {label for _f, label, _lo, _hi in MEASUREMENTS} == set(MEASUREMENT_LABELS)


def test_every_error_text_is_marked_for_translation() -> None:
    """Error templates, field names, record fields and permissions are marked in ui/i18n/error_texts.py."""
    from alsdesk.ui.i18n import error_texts
    from tests.unit import error_catalogue as catalogue

    hint = "regenerate: python -m tests.unit.error_catalogue > alsdesk/ui/i18n/error_texts.py"
    assert set(error_texts.ERROR_TEXTS) == set(catalogue.templates()), hint
    assert set(error_texts.FIELD_TEXTS) == set(catalogue.field_names()), hint
    assert set(error_texts.COLUMN_TEXTS) == set(catalogue.column_names()), hint
    assert set(error_texts.PERMISSION_TEXTS) == set(catalogue.permission_actions()), hint


def test_lupdate_collects_the_ui_strings(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(__import__("sys").executable).with_name("pyside6-lupdate"))
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate not installed")
    sources = sorted(str(p) for p in Path("alsdesk/ui").rglob("*.py"))  # every folder of the window
    ts = tmp_path / "alsdesk_zh_CN.ts"
    subprocess.run([lupdate, *sources, "-ts", str(ts)], check=True, capture_output=True, timeout=120)
    text = ts.read_text("utf-8")
    for context, source in (
        ("WorklistView", "All disciplines"),
        ("alsfrs", "Invasive mechanical ventilation by intubation or tracheostomy"),
        ("codes", "Speech and language therapy"),
        ("worklist", "Results awaiting review"),
        ("timeline", "Symptom onset"),
        ("messages", "{workup} {status}, due today"),
        ("errors", "{what} is required."),
        ("fields", "Birth date"),
        ("columns", "birth date"),
        ("language", "en"),
    ):
        assert f"<name>{context}</name>" in text
        assert f"<source>{source}</source>" in text
    assert "<name></name>" not in text  # no string lost in an empty context


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
