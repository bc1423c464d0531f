"""Export/import: round trip to the same document, all-or-nothing, first bad field named by path."""

import copy
import io
import json
import uuid
from datetime import date

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.demo import parallel
from alsdesk.errors import DomainError
from alsdesk.exchange import fast, validate
from alsdesk.models import Patient
from alsdesk.services import patients

ANCHOR = date(2026, 3, 1)


@pytest.fixture
def demo_doc() -> dict:
    return demo.demo_document(patients=25, seed=7, anchor=ANCHOR)


def test_demo_is_deterministic_for_a_seed(demo_doc: dict) -> None:
    again = demo.demo_document(patients=25, seed=7, anchor=ANCHOR)
    assert json.dumps(again, sort_keys=True) == json.dumps(demo_doc, sort_keys=True)
    other = demo.demo_document(patients=25, seed=8, anchor=ANCHOR)
    assert json.dumps(other, sort_keys=True) != json.dumps(demo_doc, sort_keys=True)


def test_demo_doses_are_structured_in_every_language(demo_doc: dict) -> None:
    """A demo dose left to the catalog is the catalog's structured dose, as prescribe() stores it,
    whatever the patient's language; a dose typed in Chinese is read into the same fields as in English."""
    courses = [(p["patient"]["language"], m) for p in demo_doc["patients"] for m in p["records"]["medication"]]
    riluzole = {
        (m["dose_amount"], m["dose_unit"], m["dose_route"], m["dose_frequency"])
        for _, m in courses
        if m["drug_code"] == "riluzole"
    }
    assert riluzole == {(50.0, "mg", "oral", "twice_daily")}
    baclofen = {
        (lang, m["dose_amount"], m["dose_frequency"], m["dose_note"])
        for lang, m in courses
        if m["drug_code"] == "baclofen"
    }
    assert {lang for lang, *_ in baclofen} == {"en", "zh_CN"}  # typed in each language
    assert {tuple(rest) for _, *rest in baclofen} == {(10.0, "three_times_daily", "")}


def test_demo_clinic_holds_every_kind_of_record(demo_doc: dict) -> None:
    tables = {name for p in demo_doc["patients"] for name, rows in p["records"].items() if rows}
    # A demo clinic has no patient transferred from another clinic, so no other clinic's MRN.
    missing = {"worklist_dismissal", "screening", "lab_result", "patient_identifier"}
    assert set(exchange.RECORD_TABLES) - tables <= missing | tables
    assert {
        "workup",
        "assessment",
        "medication",
        "therapy_session",
        "referral",
        "enrollment",
        "clinical_note",
    } <= tables
    names = [p["patient"]["name_zh"] for p in demo_doc["patients"]]
    assert any(names) and not all(names)  # Chinese and English names


def _wipe(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.models import PATIENT_RECORDS, PatientSearchKey, Staff

    with db.write() as s:
        for model in (*reversed(PATIENT_RECORDS), PatientSearchKey, Patient, Staff):
            s.execute(sa.delete(model))


def _rows_by_table(doc: dict) -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {"patient": [], "staff": sorted(json.dumps(r, sort_keys=True) for r in doc["staff"])}
    for p in doc["patients"]:
        tables["patient"].append(json.dumps(p["patient"], sort_keys=True))
        for name, rows in p["records"].items():
            tables.setdefault(name, []).extend(json.dumps(r, sort_keys=True) for r in rows)
    return {k: sorted(v) for k, v in tables.items() if v}


def test_import_then_export_gives_the_same_document(db, demo_doc: dict) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        result = exchange.import_document(session=s, document=copy.deepcopy(demo_doc))
    assert result.patients == 25 and result.records == sum(
        len(r) for p in demo_doc["patients"] for r in p["records"].values()
    )
    with db.read() as s:
        first = exchange.export_document(session=s)
    assert _rows_by_table(first) == _rows_by_table(json.loads(json.dumps(demo_doc)))  # every row kept exactly
    _wipe(db)
    with db.write() as s:
        exchange.import_document(session=s, document=copy.deepcopy(first))
    with db.read() as s:
        second = exchange.export_document(session=s)
    assert second == first


def test_streamed_export_equals_the_document(db, demo_doc: dict) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        exchange.import_document(session=s, document=demo_doc)
    out = io.StringIO()
    with db.read() as s:
        n = exchange.write_export(session=s, out=out)
        whole = exchange.export_document(session=s)
    assert n == 25
    assert json.loads(out.getvalue()) == whole
    out.seek(0)
    assert exchange.read_document(out) == whole


def test_export_one_patient_and_imported_patients_are_searchable(db, demo_doc: dict) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        exchange.import_document(session=s, document=demo_doc)
    target = demo_doc["patients"][3]["patient"]
    with db.read() as s:
        one = exchange.export_document(session=s, mrns=[target["mrn"]])
        found = patients.search_patients(session=s, text=target["family_name"])
    assert [p["patient"]["mrn"] for p in one["patients"]] == [target["mrn"]]
    assert target["mrn"] in [p.mrn for p in found]
    with pytest.raises(DomainError, match="No patient has the MRN 'NOPE'"), db.read() as s:
        exchange.export_document(session=s, mrns=["NOPE"])


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(Patient)) or 0)


def _break(doc: dict, path: list, value: object) -> dict:
    broken = copy.deepcopy(doc)
    node = broken
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return broken


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["format"], "other", "format: must be 'alsdesk-export'"),
        (["version"], 99, "version: must be 1"),
        (
            ["patients", 20, "patient", "birth_date"],
            "2020-02-30",
            "patients[20].patient.birth_date: day is out of range",
        ),
        (["patients", 20, "patient", "sex"], "robot", "patients[20].patient.sex: must be one of"),
        (["patients", 20, "patient", "mrn"], KeyError, "patients[20].patient.mrn: is missing"),
        (["patients", 20, "patient", "family_name"], None, "patients[20].patient.family_name: must not be null"),
        (["patients", 20, "patient", "colour"], "blue", "patients[20].patient.colour: is not a field of patient"),
        (
            ["patients", 20, "records", "assessment", 0, "item_7"],
            9,
            "patients[20].records.assessment[0]: ALSFRS-R item 7",
        ),
        (
            ["patients", 20, "records", "assessment", 0, "fvc_percent"],
            "high",
            "patients[20].records.assessment[0].fvc_percent: must be a number",
        ),
        (  # a whole number too large for a float: refused by name, not an OverflowError
            ["patients", 20, "records", "assessment", 0, "fvc_percent"],
            10**400,
            "patients[20].records.assessment[0].fvc_percent: must be a number",
        ),
        (
            ["patients", 20, "records", "workup", 0, "patient_id"],
            "00000000-0000-4000-8000-000000000000",
            "patients[20].records.workup[0].patient_id: does not match",
        ),
        (
            ["patients", 20, "records", "workup", 0, "reviewer_id"],
            "00000000-0000-4000-8000-000000000001",
            "patients[20].records.workup[0].reviewer_id: refers to a staff",
        ),
        (["patients", 20, "records", "surprise"], [], "patients[20].records.surprise: is not a record table"),
    ],
)
def test_a_bad_file_is_rejected_whole_naming_the_first_bad_field(db, demo_doc, path, value, message) -> None:  # type: ignore[no-untyped-def]
    while not demo_doc["patients"][20]["records"]["assessment"] or not demo_doc["patients"][20]["records"]["workup"]:
        demo_doc["patients"].insert(20, demo_doc["patients"].pop())  # put a patient with visits and workups at [20]
    with pytest.raises(DomainError) as err, db.write() as s:
        exchange.import_document(session=s, document=_break(demo_doc, path, value))
    assert str(err.value).startswith(message.split(":")[0])
    assert message in str(err.value)
    assert _count(db) == 0


def test_importing_a_patient_already_present_merges_it_and_changes_nothing_when_nothing_changed(
    db, demo_doc: dict
) -> None:  # type: ignore[no-untyped-def]
    """Once refused as a duplicate; now matched by id and merged: the same file again adds,
    updates and conflicts with nothing (tests/db/test_transfer.py merges real edits)."""
    with db.write() as s:
        exchange.import_document(session=s, document=copy.deepcopy(demo_doc))
    with db.read() as s:
        before = exchange.export_document(session=s)
    with db.write() as s:
        again = exchange.import_document(session=s, document=copy.deepcopy(demo_doc))
    assert (again.patients, again.merged, again.records, again.updated, again.conflicts) == (0, 25, 0, 0, 0)
    assert _count(db) == 25
    with db.read() as s:
        assert exchange.export_document(session=s) == before


def test_not_json_and_not_utf8() -> None:
    with pytest.raises(DomainError, match="not valid JSON"):
        exchange.read_document(io.StringIO("{nope"))


def test_demo_refuses_a_database_with_patients(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        demo.load_demo(session=s, patients=3, anchor=ANCHOR)
    with pytest.raises(DomainError, match="already holds patients"), db.write() as s:
        demo.load_demo(session=s, patients=3, anchor=ANCHOR)


def test_staff_name_taken_by_someone_else_arrives_as_another_clinics_staff(db, demo_doc: dict) -> None:  # type: ignore[no-untyped-def]
    """A file naming no site (the demo, versions 1 to 6) whose 'lchen' is someone else here: the
    import goes through, our lchen is untouched, theirs is kept apart as another clinic's."""
    from alsdesk.services import clinic

    with db.write() as s:
        ours = clinic.add_staff(
            session=s, username="lchen", display_name="Another Chen", discipline="neurology", role="clinician"
        )
    with db.write() as s:
        exchange.import_document(session=s, document=demo_doc)
    assert _count(db) == 25
    theirs = next(r for r in demo_doc["staff"] if r["username"] == "lchen")
    with db.read() as s:
        local = clinic.staff_by_username(session=s, username="lchen")
        listed = {v.id for v in clinic.list_staff(session=s, include_inactive=True)}
        everyone = {v.id: v for v in clinic.list_staff(session=s, include_inactive=True, include_foreign=True)}
    assert local == ours
    arrived = everyone[uuid.UUID(theirs["id"])]
    assert (arrived.username, arrived.site_id) == ("lchen@?", "?") and arrived.id not in listed
    assert arrived.shown_name == f"{theirs['display_name']} (?)"


def _decoders() -> tuple:  # type: ignore[type-arg]
    from alsdesk.models import Staff

    memos: dict = {}  # type: ignore[type-arg]
    codecs = {name: validate.TableCodec(table, memos) for name, table in exchange.RECORD_TABLES.items()}
    return validate.TableCodec(Patient.__table__, memos), codecs, validate.TableCodec(Staff.__table__, memos)


def test_columnwise_checks_decode_exactly_as_the_row_by_row_pass() -> None:
    """The fast path (whole columns) is taken for a good file and gives the very same values."""
    doc = json.loads(json.dumps(demo.demo_document(patients=60, seed=9, anchor=ANCHOR)))
    patient_codec, codecs, staff_codec = _decoders()
    staff = {staff_codec.decode(r, "staff")["id"] for r in doc["staff"]}
    quick = fast.decode_patients(doc["patients"], patient_codec, codecs, staff, None)
    patient_codec, codecs, _ = _decoders()
    exact = validate.decode_rows(doc["patients"], patient_codec, codecs, staff, None)
    assert quick is not None
    assert quick == exact
    assert all(type(v) is type(w) for t in quick[1] for v, w in zip(quick[1][t]["id"], exact[1][t]["id"], strict=True))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ([3, "assessment", "id"], "0123456789ABCDEF0123456789ABCDEF"),  # a valid id, not in canonical form
        ([3, "assessment", "patient_id"], None),
        ([3, "assessment", "item_1"], True),
        ([3, "assessment", "item_1"], 5),
        ([3, "assessment", "weight_kg"], float("inf")),
        ([3, "assessment", "note"], "a\x00b"),
        ([3, "assessment", "staff_id"], "00000000-0000-4000-8000-000000000000"),  # nobody
        ([3, "workup", "id"], None),
        ([3, None, "mrn"], "DEMO000001"),  # the first patient's
    ],
)
def test_columnwise_checks_leave_anything_doubtful_to_the_exact_pass(path: list, value: object) -> None:  # type: ignore[type-arg]
    doc = demo.demo_document(patients=20, seed=9, anchor=ANCHOR)
    while not doc["patients"][3]["records"]["assessment"] or not doc["patients"][3]["records"]["workup"]:
        doc["patients"].insert(3, doc["patients"].pop())
    i, table, field = path
    where = ["patients", i, "patient", field] if table is None else ["patients", i, "records", table, 0, field]
    doc = _break(doc, where, value)
    patient_codec, codecs, staff_codec = _decoders()
    staff = {staff_codec.decode(r, "staff")["id"] for r in doc["staff"]}
    assert fast.decode_patients(doc["patients"], patient_codec, codecs, staff, None) is None
    patient_codec, codecs, _ = _decoders()
    if path[2] == "id" and value is not None:  # valid, only not canonical: the exact pass accepts it
        assert validate.decode_rows(doc["patients"], patient_codec, codecs, staff, None)
    else:
        with pytest.raises(exchange.ImportFileError):
            validate.decode_rows(doc["patients"], patient_codec, codecs, staff, None)


def test_demo_made_in_a_second_process_is_the_same_clinic(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        demo.load_demo(session=s, patients=12, seed=5, anchor=ANCHOR)
    with db.read() as s:
        here = _rows_by_table(exchange.export_document(session=s))
    _wipe(db)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    received = []
    monkeypatch.setattr(
        parallel, "_receive", lambda *a, real=parallel._receive: received.append(real(*a)) or received[-1]
    )
    with db.write() as s:
        demo.load_demo(session=s, patients=12, seed=5, anchor=ANCHOR)
    with db.read() as s:
        there = _rows_by_table(exchange.export_document(session=s))
    assert there == here and len(here["patient"]) == 12
    assert [kind for kind, _ in received] == ["staff", "patients", "end"]  # it did come from the other process


def test_a_demo_generator_that_fails_or_dies_gives_one_line() -> None:
    import multiprocessing
    import pickle

    class Gone:
        def is_alive(self) -> bool:
            return False

    inbox, outbox = multiprocessing.Pipe(duplex=False)
    outbox.send_bytes(pickle.dumps(("error", "ValueError: bad anchor")))
    with pytest.raises(DomainError, match=r"^Generating the demo clinic failed \(ValueError: bad anchor\); nothing"):
        parallel._receive(inbox, Gone())
    outbox.close()
    with pytest.raises(DomainError, match="^The process generating the demo clinic stopped; nothing was saved"):
        parallel._receive(inbox, Gone())
