"""One catalogue per language: every text the source marks (pybabel extract with babel.cfg) is in
every language's .po, translated, with the same placeholders; the .po holds nothing the source no
longer uses; the committed template (alsdesk.pot) is the extraction's; the build's compiled .mo
answers every entry (the tests of lupdate's -no-obsolete run and of the .qm compiler, ported)."""

from __future__ import annotations

import gettext
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.unit import catalogue

PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[^{}]*\}")


def _keys(found: object) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in found if m.id}  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", catalogue.languages())
def test_every_extracted_text_is_translated_and_nothing_else_is_kept(lang: str) -> None:
    po = catalogue.catalogue(lang)
    extracted = catalogue.extracted()
    missing = sorted(set(extracted) - _keys(po), key=str)
    unused = sorted(_keys(po) - set(extracted), key=str)
    assert missing == [], "run the update in docs/i18n.md, then translate"
    assert unused == [], "entries no code uses: run the update in docs/i18n.md (pybabel update --ignore-obsolete)"
    untranslated = [
        (m.context, m.id) for m in po if m.id and not all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    assert untranslated == []
    assert [(m.context, m.id) for m in po if m.id and m.fuzzy] == []


@pytest.mark.parametrize("lang", catalogue.languages())
def test_placeholders_match_and_plurals_are_plural(lang: str) -> None:
    problems = []
    for m in catalogue.catalogue(lang):
        if not m.id:
            continue
        source = m.id if isinstance(m.id, str) else m.id[0]
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.pluralizable != bool(catalogue.extracted().get((m.context, source))):
            problems.append(f"{m.context}: {source!r} plural in one of source and catalogue only")
        for text in forms:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{m.context}: {source!r} placeholders differ in {text!r}")
    assert problems == []


def test_every_text_has_a_context_and_the_window_reads_them_all() -> None:
    extracted = catalogue.extracted()
    assert len(extracted) > 1500
    assert [msgid for context, msgid in extracted if not context] == []  # no text lost in an empty context
    for key in (
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
        ("dialog", "Wrong user name or password."),  # x.tr(...) outside a class: lupdate named it by x
    ):
        assert key in extracted, key
    assert extracted[("SessionGuard", next(t for c, t in extracted if c == "SessionGuard" and t.startswith("%n")))]


def test_the_committed_template_is_the_extraction(tmp_path: Path) -> None:
    """`pybabel extract` itself (the command docs/i18n.md gives) writes alsdesk.pot as committed."""
    pybabel = shutil.which("pybabel") or str(Path(sys.executable).with_name("pybabel"))
    if not Path(pybabel).exists():
        pytest.skip("Babel's pybabel not installed")
    pot = tmp_path / "alsdesk.pot"
    command = [pybabel, "extract", "-F", "babel.cfg", "--no-location", "--omit-header", "-o", str(pot), "."]
    subprocess.run(command, cwd=catalogue.ROOT, check=True, capture_output=True, timeout=300)
    with pot.open("rb") as f:
        assert _keys(read_po(f)) == set(catalogue.extracted())  # the command finds what the tests check
    committed = catalogue.LOCALE / "alsdesk.pot"
    assert committed.read_text("utf-8") == pot.read_text("utf-8"), (
        "regenerate resources/locale/alsdesk.pot (docs/i18n.md)"
    )


@pytest.mark.parametrize("lang", catalogue.languages())
def test_the_compiled_catalogue_answers_every_entry(lang: str) -> None:
    """What the build writes (Babel's write_mo) gives gettext each translation, plural forms too."""
    po = catalogue.catalogue(lang)
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    mo = gettext.GNUTranslations(buffer)
    wrong = []
    for m in po:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            for n, form in ((1, m.string[0]), (5, m.string[-1])):
                if mo.npgettext(m.context, m.id[0], m.id[1], n) != form:
                    wrong.append(m.id[0])
        elif mo.pgettext(m.context, m.id) != m.string:
            wrong.append(m.id)
    assert wrong == []


def test_a_checkout_without_babel_reads_the_catalogue_setup_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited .po is compiled on first use when Babel is there; without it, the .mo that
    scripts/setup.sh compiled is read as it is, and a missing one is a clear error."""
    from alsdesk import paths
    from alsdesk.errors import AlsdeskError
    from alsdesk.i18n.catalogue import translations

    folder = tmp_path / "resources" / "locale" / "zh_CN" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    source = catalogue.LOCALE / "zh_CN" / "LC_MESSAGES" / "alsdesk.po"
    with source.open("rb") as f, (folder / "alsdesk.mo").open("wb") as out:
        write_mo(out, read_po(f))
    (folder / "alsdesk.po").write_bytes(source.read_bytes())
    os.utime(folder / "alsdesk.mo", (1, 1))  # the .po edited since: stale
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "resources")
    monkeypatch.setitem(sys.modules, "babel.messages.mofile", None)  # import fails: Babel is not installed
    assert translations("zh_CN").pgettext("MainWindow", "Worklist") == "工作清单"
    assert (folder / "alsdesk.mo").stat().st_mtime == 1  # read as it was, not recompiled

    (folder / "alsdesk.mo").unlink()
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "elsewhere")  # another file: not cached
    with pytest.raises(AlsdeskError, match="missing from this installation"):
        translations("zh_CN")
