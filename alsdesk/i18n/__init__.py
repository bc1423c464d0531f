"""One catalogue per language for every text a person reads: the window, the CLI and documents.

The catalogue is gettext's: `resources/locale/<lang>/LC_MESSAGES/alsdesk.po`, written by hand for
the translation, extracted with `pybabel extract` and compiled to `.mo` at build time (setup.py;
scripts/setup.sh in a checkout). The message id is the English text, so English needs no catalogue.
Services never format a text for a person in one language: they return a `Msg` (a key and named
values) and the front end renders it in the language it speaks (docs/i18n.md says why gettext).
"""

from alsdesk.i18n.catalogue import LANGUAGES, translate
from alsdesk.i18n.message import N_, Msg

__all__ = ["LANGUAGES", "N_", "Msg", "translate"]
