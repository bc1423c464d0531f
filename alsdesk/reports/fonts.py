"""The embedded font: WenQuanYi Micro Hei (TrueType outlines, Latin and CJK) from resources/fonts."""

from __future__ import annotations

import threading

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.tables import CellStyle

from alsdesk.paths import resource

# One face for every script: ReportLab embeds only glyf-outline TrueType, and a single face keeps
# mixed English and Chinese text on one baseline without splitting runs by script.
FONT = "AlsdeskSans"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
_lock = threading.Lock()


def register() -> str:
    """Register the font once per process (about 0.1 s) and return its name."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(resource(*FONT_FILE)), subfontIndex=0))
            # The face has no bold or italic; map them to it so <b> markup never fails.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            # ReportLab sets its default font, a Helvetica it never embeds, at the start of every
            # table cell and drawing even where nothing is written in it; ours is the default instead.
            CellStyle.fontname = FONT
            STATE_DEFAULTS["fontName"] = FONT
    return FONT
