"""Load a language's compiled catalogue (.mo) once, and look texts up in it."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from alsdesk.errors import AlsdeskError
from alsdesk.paths import resource

LANGUAGES = ("en", "zh_CN")
DOMAIN = "alsdesk"


def catalogue_file(lang: str, suffix: str = ".mo") -> Path:
    return resource("locale", lang, "LC_MESSAGES", DOMAIN + suffix)


def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang`; English is the message ids themselves."""
    if lang == "en":
        return gettext.NullTranslations()
    if lang not in LANGUAGES:
        raise AlsdeskError(
            "alsdesk has no {language} texts; it speaks {languages}.", language=lang, languages=LANGUAGES
        )
    return _load(lang, catalogue_file(lang))  # by file: another resources folder is another catalogue


@cache
def _load(lang: str, mo: Path) -> gettext.NullTranslations:
    po = mo.with_suffix(".po")
    if po.is_file() and (not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime):
        compile_catalogue(po, mo)  # a checkout whose catalogue was edited since it was last compiled
    try:
        with mo.open("rb") as f:
            return gettext.GNUTranslations(f)
    except OSError:
        raise AlsdeskError(
            "alsdesk's {language} texts are missing from this installation; reinstall alsdesk.", language=lang
        ) from None


def compile_catalogue(po: Path, mo: Path) -> None:
    """Compile a checkout's .po with Babel, as the wheel build does (setup.py); scripts/setup.sh calls
    this too. Without Babel the .mo that scripts/setup.sh compiled is used as it is.

    Not `pybabel compile`: its python-format check misreads brace texts such as "{n}% on {date}"
    ("% o" is a %-conversion) and fails them; tests/unit/test_catalogue.py checks the placeholders
    that are real, the braces."""
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:
        return

    with po.open("rb") as f:
        catalog = read_po(f)
    part = mo.with_suffix(".mo.part")
    with part.open("wb") as f:
        write_mo(f, catalog)
    part.replace(mo)


def translate(lang: str, text: str, context: str | None = None) -> str:
    """`text` in `lang` (in `context` when given); the English text itself when it has no translation."""
    if lang == "en":  # the message ids are the English (what `translations` gives): asked per worklist line
        return text
    found = translations(lang)
    return found.pgettext(context, text) if context else found.gettext(text)
