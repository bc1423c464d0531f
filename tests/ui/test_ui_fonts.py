"""The bundled CJK font is registered at start, so Chinese renders without a system CJK font."""

from __future__ import annotations


def test_bundled_cjk_font_is_registered_and_covers_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont

    from alsdesk.ui.app import register_fonts

    families = register_fonts()
    assert any("WenQuanYi" in f for f in families), families
    assert set(families) <= set(QFontDatabase.families())
    font = QFont(families[0])
    assert QFontMetrics(font).inFont("渐") and QFontMetrics(font).inFont("A")
    assert QRawFont.fromFont(font).supportsCharacter("冻")
    assert register_fonts() == families  # registered once


def test_the_cjk_font_is_a_fallback_not_the_ui_font(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontInfo, QFontMetrics
    from PySide6.QtWidgets import QApplication, QLabel

    from alsdesk.ui.app import register_fonts

    families = register_fonts()
    font = QApplication.font()
    assert font.families()[0] not in families  # the system's UI font comes first
    assert any("WenQuanYi" in f for f in font.families()[1:])  # the bundled one behind it
    label = QLabel("Worklist")
    assert "WenQuanYi" not in QFontInfo(label.font()).family()  # English is drawn in the system font
    assert QFontMetrics(label.font()).inFont("渐")  # Chinese still has glyphs (from the fallback)
