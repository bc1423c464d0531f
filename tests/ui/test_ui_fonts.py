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
