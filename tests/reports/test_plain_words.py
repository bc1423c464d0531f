"""Issue 13 item 8: plain words. The English handout reads at or below grade 6 (Flesch–Kincaid,
syllables by pyphen), and the Chinese texts use the plain terms of docs/plain-chinese.md.

What is measured: the handout's prose as `handout_story` builds it for the demo patients with the
richest handouts (NIV, gastrostomy, riluzole, tests due, programs), not text read back from the
PDF, whose line breaks and hyphenation would split words and sentences. Prose is every paragraph
in a body style; left out are headings (title, h2, h3), tables (contacts, appointments: names,
phones, dates), the medicines list (drug names and doses are not the writer's to choose) and what
staff typed as education topics. Dates are dropped before counting."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pyphen
import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po
from reportlab.platypus import Flowable, Paragraph

ROOT = Path(__file__).resolve().parents[2]
ANCHOR = date(2026, 6, 1)
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")  # a hyphen or a slash separates words
DATE = re.compile(r"\d{4}-\d{2}-\d{2}:?")
HYPHENATOR = pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    return len(HYPHENATOR.positions(word.lower())) + 1


def sentences(paragraph: str) -> list[str]:
    """A sentence ends at . ! or ?, or where its paragraph (a bullet) ends."""
    parts = re.split(r"(?<=[.!?])\s+", DATE.sub("", paragraph).strip())
    return [p for p in parts if WORD.search(p)]


def grade(paragraphs: list[str]) -> float:
    """Flesch–Kincaid grade level: 0.39 words per sentence + 11.8 syllables per word − 15.59."""
    found = [WORD.findall(s) for p in paragraphs for s in sentences(p)]
    words = [w for s in found for w in s]
    return 0.39 * len(words) / len(found) + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59


def test_grade_by_hand():
    # 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
    assert grade(["The cat sat on the mat."]) == pytest.approx(-1.45)
    # breath-ing be-comes dif-fi-cult | call now: 5 words, 2 sentences, 9 syllables:
    # 0.39 × 2.5 + 11.8 × 1.8 − 15.59 = 6.625
    assert grade(["Breathing becomes difficult.", "Call now"]) == pytest.approx(6.625)


@pytest.fixture(scope="module")
def demo_clinic(template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    """An 80-patient demo clinic (fixed seed and day), one for the module: loading it is the slow part."""
    import shutil

    from alsdesk import demo
    from alsdesk.app import open_clinic
    from alsdesk.services.access import Actor

    class Everything(Actor):
        def may(self, permission: str) -> bool:
            return True

    path = tmp_path_factory.mktemp("plain") / "demo.sqlite3"
    shutil.copy(template_db, path)
    db = open_clinic(f"sqlite:///{path}")
    db.actor = Everything("test-admin", role="administrator")
    with db.write() as s:
        demo.load_demo(session=s, patients=80, seed=1, anchor=ANCHOR)
    yield db
    db.dispose()


def richest(db, lang: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Handouts of the 6 living demo patients with the most of NIV, gastrostomy, riluzole, tests
    due and programs, in `lang`."""
    from alsdesk.models import Patient
    from alsdesk.services.printing import PrintOptions
    from alsdesk.services.printing_sheets import handout_data

    options = PrintOptions(lang=lang, printed_on=ANCHOR)
    with db.read() as s:
        ids = s.scalars(sa.select(Patient.id).where(Patient.status != "deceased").order_by(Patient.mrn))
        handouts = [handout_data(session=s, patient_id=i, options=options) for i in ids]

    def richness(d) -> int:  # type: ignore[no-untyped-def]
        return sum(("niv" in d.in_place, "gastrostomy" in d.in_place, d.on_riluzole, bool(d.due), bool(d.programs)))

    return sorted(handouts, key=richness, reverse=True)[:6]


@pytest.fixture(scope="module")
def rich_handouts(demo_clinic):  # type: ignore[no-untyped-def]
    chosen = richest(demo_clinic, "en")
    assert any("gastrostomy" in d.in_place for d in chosen) and any(d.on_riluzole for d in chosen)
    assert {k.kind for d in chosen for k in d.due} == {"reassessment", "alt"}
    return chosen


def plain_paragraphs(story: list[Flowable], typed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The text of every paragraph of `story` in a body style, but what staff typed (`typed`)."""
    found = []
    for flowable in story:
        for f in [flowable, *getattr(flowable, "_content", [])]:  # KeepTogether holds its parts
            text = " ".join(f.getPlainText().split()) if isinstance(f, Paragraph) else ""
            if text and f.style.name.split("-")[0] in ("plain", "warning_plain") and text not in typed:
                found.append(text)
    return found


def prose(data) -> list[str]:  # type: ignore[no-untyped-def]
    from alsdesk.reports.handout import handout_story

    typed = {" ".join(f"{m.text} {m.detail}".split()) for m in data.medications}
    typed |= {" ".join(f"{e.on.isoformat() if e.on else ''} {e.text}".split()) for e in data.education}
    return plain_paragraphs(handout_story(data), typed)


def test_english_handout_reads_at_grade_6_or_below(rich_handouts):
    for data in rich_handouts:
        text = prose(data)
        assert "niv" not in data.in_place or any(p.startswith("Oxygen:") for p in text)  # safety texts count
        assert grade(text) <= 6, (data.header.patient.mrn, round(grade(text), 1))


def test_every_handout_sentence_reads_at_grade_8_or_below(rich_handouts):
    """A long hard sentence can hide in an easy page: each full sentence (ending in . ! or ?) of 8
    words or more stays at grade 8. List items are left out (a 2-word item's grade is noise; the
    program items are keyed by their English text in migration 0018); they count in the page's grade."""
    hard = [
        s
        for data in rich_handouts
        for p in prose(data)
        for s in sentences(p)
        if s.endswith((".", "!", "?")) and len(WORD.findall(s)) >= 8 and grade([s]) > 8
    ]
    assert not sorted(set(hard))


def plain_terms() -> list[tuple[str, str, str]]:
    """(English or "", avoid, use) from the table in docs/plain-chinese.md."""
    rows = []
    for line in (ROOT / "docs" / "plain-chinese.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and cells[1] and cells[1] not in ("avoid", "---"):
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def chinese_texts() -> list[tuple[str, str]]:
    """(English, Chinese) of the catalogue and of the program catalogue's items, names and instructions."""
    with (ROOT / "resources/locale/zh_CN/LC_MESSAGES/alsdesk.po").open("rb") as f:
        texts = [(str(m.id), str(m.string)) for m in read_po(f) if m.id and m.string]
    for p in json.loads((ROOT / "resources/catalog/programs.json").read_text(encoding="utf-8")):
        texts += [(p["name_en"], p["name_zh"]), (p["instructions"], p["instructions_zh"])]
        texts += [(i["en"], i["zh"]) for i in p["items"]]
    return texts


def test_plain_term_table_is_read():
    terms = plain_terms()
    assert ("", "作业治疗", "日常生活能力训练（作业治疗）") in terms
    assert ("Definite", "确诊", "临床确定级") in terms


@pytest.mark.parametrize(("english", "avoid", "use"), plain_terms())
def test_chinese_uses_the_plain_term(english, avoid, use):
    texts = [(en, zh) for en, zh in chinese_texts() if not english or en == english]
    assert texts, f"no text {english!r} in the catalogue"
    assert [zh for _, zh in texts if avoid in zh.replace(use, "")] == []
    if english:
        assert all(use in zh for _, zh in texts)


def test_chinese_handout_and_checklist_use_the_plain_terms(demo_clinic):
    """The printed pages, not only their sources: the richest Chinese handouts and their checklists."""
    from alsdesk.reports.checklist import checklist_pdf
    from alsdesk.reports.handout import handout_pdf
    from alsdesk.services.printing import PrintOptions
    from alsdesk.services.printing_sheets import checklist_data
    from tests.reports.conftest import pdf_text

    handouts = richest(demo_clinic, "zh_CN")
    texts = [pdf_text(handout_pdf(d, invariant=True)) for d in handouts]
    options = PrintOptions(lang="zh_CN", printed_on=ANCHOR)
    with demo_clinic.read() as s:
        for d in handouts:
            for p in d.programs:
                data = checklist_data(
                    session=s, patient_id=d.header.patient.id, enrollment_id=p.enrollment_id, options=options
                )
                texts.append(pdf_text(checklist_pdf(data, invariant=True)))
    printed = "".join("".join(t.split()) for t in texts)  # a term may wrap across lines
    assert "活动关节的练习" in printed  # the daily routine is among them: the check can see its item
    everywhere = [(avoid, use) for english, avoid, use in plain_terms() if not english]  # the rest: one text
    for avoid, use in everywhere:
        assert avoid not in printed.replace(use, ""), avoid


def gp_letter_prose(data) -> list[str]:  # type: ignore[no-untyped-def]
    """The plain copy's own sentences: paragraphs in the body style, less the drugs' names."""
    from alsdesk.reports.gp_letter import plain_story

    drugs = [*data.plain_started, *data.plain_stopped]
    found = []
    for f in plain_story(data):
        text = " ".join(f.getPlainText().split()) if isinstance(f, Paragraph) else ""
        if text and f.style.name.split("-")[0] == "plain" and not any(d in text for d in drugs):
            found.append(text)
    return found


def test_english_gp_letter_plain_copy_reads_at_grade_6_or_below(demo_clinic):
    """The patient's copy of the GP letter for the 6 English-speaking demo patients with the most
    to tell (changes, tests due, coming appointments)."""
    from alsdesk.errors import AlsdeskError
    from alsdesk.models import Patient
    from alsdesk.services.printing import PrintOptions
    from alsdesk.services.printing_letters import gp_letter_data

    options = PrintOptions(lang="en", printed_on=ANCHOR)
    letters = []
    with demo_clinic.read() as s:
        english = sa.select(Patient.id).where(Patient.language == "en", Patient.status != "deceased")
        for pid in s.scalars(english.order_by(Patient.mrn)):
            try:
                letters.append(gp_letter_data(session=s, patient_id=pid, options=options))
            except AlsdeskError:
                continue  # no visit yet

    def richness(d) -> int:  # type: ignore[no-untyped-def]
        return len(d.started) + len(d.new_interventions) + len(d.plain_due) + bool(d.coming) + bool(d.previous_on)

    chosen = sorted(letters, key=richness, reverse=True)[:6]
    assert any(d.new_interventions for d in chosen) and any(d.plain_due for d in chosen)
    for data in chosen:
        text = gp_letter_prose(data)
        assert len(text) >= 4 and grade(text) <= 6, (data.header.patient.mrn, round(grade(text), 1))


def plan_prose() -> dict[str, list[str]]:
    """The NIV and gastrostomy plans' own words, with settings recorded and without (blank lines)."""
    from alsdesk.printdata import (
        Clinic,
        GastrostomyPlanData,
        GastrostomySettings,
        Header,
        NivPlanData,
        NivSettings,
        Person,
    )
    from alsdesk.reports.gastrostomy_plan import gastrostomy_plan_story
    from alsdesk.reports.niv_plan import niv_plan_story

    header = Header(Clinic("C", phone="0898 1234567"), Person("x", "M1", "Li", "Na", "李娜", ANCHOR), "en", ANCHOR)
    niv = NivSettings(ANCHOR, "spontaneous_timed", 16, 6, "nasal", 14, True, 10, "Lumis", "400 800 1234")
    tube = GastrostomySettings(ANCHOR, "peg", 15, ANCHOR, "Jevity", 1500, 100, "20:00 to 06:00", 50, "Lin", "0898 5")
    found = {}
    for name, settings in (("recorded", True), ("not recorded", False)):
        found[f"NIV plan, {name}"] = plain_paragraphs(
            niv_plan_story(NivPlanData(header, ANCHOR, niv if settings else None))
        )
        data = GastrostomyPlanData(header, ANCHOR, tube if settings else None)
        found[f"gastrostomy plan, {name}"] = plain_paragraphs(gastrostomy_plan_story(data))
    return found


def test_english_niv_and_gastrostomy_plans_read_at_grade_6_or_below():
    for name, text in plan_prose().items():
        assert len(text) >= 8 and grade(text) <= 6, (name, round(grade(text), 1))
        hard = [s for p in text for s in sentences(p) if len(WORD.findall(s)) >= 8 and grade([s]) > 8]
        assert not hard, (name, hard)
