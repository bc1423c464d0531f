"""Words printed on documents, from the one catalogue the window and the CLI read (docs/i18n.md).

A document's own words are English msgids in context "report": `t(lang, "Patient summary")` (babel.cfg
names `t` a call whose text is extracted, and `N_` marks a text kept in a table). Stored codes print
as the window words them (context "codes", alsdesk.i18n.labels) unless a document has always worded
them its own way (lower case inside a sentence, "URGENT", a longer department name): those are in
reports/code_words.py, context "report-codes". Worklist headings are the window's (context "worklist").
"""

from __future__ import annotations

from alsdesk.i18n import translate
from alsdesk.i18n.labels import code_text
from alsdesk.reports.code_words import CODES_CONTEXT, OWN_WORDS

CONTEXT = "report"


def t(lang: str, text: str, /, **values: object) -> str:
    """`text` (an English msgid in context "report") in `lang`, with `values` filled in."""
    found = translate(lang, text, CONTEXT)
    return found.format(**values) if values else found


def code(lang: str, group: str, value: str) -> str:
    """A stored code of `group` (discipline, status, region…) in words; unknown codes print readably,
    not as keys, and gene symbols (SOD1, C9orf72) as they are (labels.code_text)."""
    if not value:  # nothing recorded: nothing printed (code_text would show "—")
        return ""
    if (group, value) in OWN_WORDS:
        return translate(lang, OWN_WORDS[group, value], CODES_CONTEXT)
    return code_text(value, lang)
