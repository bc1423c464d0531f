"""QT_TRANSLATE_NOOP as mypy should see it: it returns its text (PySide6's stub says `object`).

Call sites keep the name, which is what lupdate looks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    QT_TRANSLATE_NOOP: Callable[[str, str], str]
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
