"""Alerts keep their history: re-judging a visit and recording an intervention change an alert's
status (closed, with the reason and the day), never delete it; interventions in place change the
advice a visit raises; SpO2 reads the patient's lung-disease flag; a visit's symptoms are stored."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.models import Alert, Assessment
from alsdesk.services import assessments, medications, patients

D1, D2, D3 = date(2025, 7, 1), date(2025, 9, 1), date(2025, 11, 1)
ITEMS = {k: 4 for k in ("1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12")}


def alerts_of(db, patient_id) -> list[tuple[str, str, str | None, date | None]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        rows = s.execute(
            sa.select(Alert.kind, Alert.status, Alert.closed_reason, Alert.closed_on)
            .where(Alert.patient_id == patient_id)
            .order_by(Alert.created_at, Alert.kind)
        ).all()
    return [tuple(r) for r in rows]


def record(db, patient_id, on: date, **kw):  # type: ignore[no-untyped-def]
    with db.write() as s:
        view, found, _ = assessments.record_assessment(session=s, patient_id=patient_id, assessed_on=on, **kw)
    return view, found


def correct(db, view, **kw):  # type: ignore[no-untyped-def]
    with db.write() as s:
        version = s.get(Assessment, view.id).version  # the visit as saved now (corrected before)
        return assessments.update_assessment(session=s, assessment_id=view.id, expected_version=version, **kw)


def test_rejudging_closes_an_alert_no_longer_met_and_never_deletes(db, patient) -> None:  # type: ignore[no-untyped-def]
    view, found = record(db, patient.id, D1, fvc_percent=45.0)
    assert [a.kind for a in found] == ["niv"] and alerts_of(db, patient.id) == [("niv", "open", None, None)]
    view, found, _ = correct(db, view, fvc_percent=60.0)
    assert found == []
    assert alerts_of(db, patient.id) == [("niv", "closed", "no_longer_met", D1)]


def test_rejudging_with_other_values_replaces_and_keeps_the_old_one(db, patient) -> None:  # type: ignore[no-untyped-def]
    view, _ = record(db, patient.id, D1, fvc_percent=45.0)
    view, found, _ = correct(db, view, fvc_percent=48.0)
    assert [str(a.message).startswith("FVC 48%") for a in found] == [True]
    assert alerts_of(db, patient.id) == [("niv", "closed", "replaced", D1), ("niv", "open", None, None)]
    # The same values again: the open alert stays as it is, nothing new.
    correct(db, view, fvc_percent=48.0)
    assert alerts_of(db, patient.id) == [("niv", "closed", "replaced", D1), ("niv", "open", None, None)]


def test_an_acknowledged_alert_stays_acknowledged_when_its_visit_is_judged_again(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import alerts

    view, _ = record(db, patient.id, D1, fvc_percent=45.0)
    with db.write() as s:
        alert_id = s.scalar(sa.select(Alert.id))
        alerts.acknowledge_alert(session=s, alert_id=alert_id, note="Referred")
    correct(db, view, fvc_percent=45.0, note="typo fixed")
    assert alerts_of(db, patient.id) == [("niv", "acknowledged", None, None)]
    correct(db, view, fvc_percent=70.0)
    assert alerts_of(db, patient.id) == [("niv", "acknowledged", None, None)]


def test_a_gastrostomy_milestone_closes_discuss_gastrostomy_and_changes_the_advice(db, patient) -> None:  # type: ignore[no-untyped-def]
    record(db, patient.id, D1, weight_kg=80.0)  # the weight at diagnosis (first recorded)
    _, found = record(db, patient.id, D2, weight_kg=71.0)  # 11.25 % down
    assert [a.kind for a in found] == ["gastrostomy"]
    assert alerts_of(db, patient.id) == [("gastrostomy", "open", None, None)]
    with db.write() as s:
        medications.record_milestone(session=s, patient_id=patient.id, kind="gastrostomy", occurred_on=D3)
    assert alerts_of(db, patient.id) == [("gastrostomy", "closed", "gastrostomy_in_place", D3)]
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Alert)) == 1  # kept, not deleted
    # After it: the same loss asks for a review of the feed, not a gastrostomy.
    _, found = record(db, patient.id, date(2025, 12, 1), weight_kg=70.0)
    assert [a.kind for a in found] == ["feed_review"]
    assert "dietitian review of the feed" in str(found[0].message)


def test_a_visit_before_the_milestone_still_raises_discuss_gastrostomy(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        medications.record_milestone(session=s, patient_id=patient.id, kind="gastrostomy", occurred_on=D3)
    record(db, patient.id, D1, weight_kg=80.0)
    _, before = record(db, patient.id, D2, weight_kg=71.0)
    _, after = record(db, patient.id, date(2025, 12, 1), weight_kg=71.0)
    assert [a.kind for a in before] == ["gastrostomy"] and [a.kind for a in after] == ["feed_review"]


def test_a_visit_showing_niv_closes_the_open_niv_alert(db, patient) -> None:  # type: ignore[no-untyped-def]
    record(db, patient.id, D1, items=ITEMS, fvc_percent=45.0)
    _, found = record(db, patient.id, D2, items={**ITEMS, "12": 3}, fvc_percent=44.0)  # item 12 < 4: NIV in use
    assert [a.kind for a in found] == []
    assert alerts_of(db, patient.id) == [("niv", "closed", "niv_in_place", D2)]


def test_niv_review_when_fvc_falls_10_points_after_niv_started(db, patient) -> None:  # type: ignore[no-untyped-def]
    record(db, patient.id, D1, fvc_percent=62.0)
    with db.write() as s:
        medications.record_milestone(session=s, patient_id=patient.id, kind="niv", occurred_on=date(2025, 8, 1))
    _, above = record(db, patient.id, D2, fvc_percent=52.1)  # 9.9 below the FVC at the start (62 on D1)
    _, at = record(db, patient.id, D3, fvc_percent=52.0)  # 10 below
    assert above == [] and [a.kind for a in at] == ["niv_review"]
    assert "(62% on 2025-07-01)" in str(at[0].message)


def test_spo2_line_follows_the_patients_lung_disease_flag(db, patient) -> None:  # type: ignore[no-untyped-def]
    _, found = record(db, patient.id, D1, spo2_percent=93.0)
    assert [a.kind for a in found] == ["abg"]
    with db.write() as s:
        p, _ = patients.update_patient(session=s, patient_id=patient.id, lung_disease=True)
    assert p.lung_disease is True
    _, found = record(db, patient.id, D2, spo2_percent=93.0)
    assert found == []
    _, found = record(db, patient.id, D3, spo2_percent=91.9)
    assert [a.kind for a in found] == ["abg"] and "with lung disease" in str(found[0].message)


def test_symptoms_are_stored_as_codes_and_make_the_symptomatic_lines_apply(db, patient) -> None:  # type: ignore[no-untyped-def]
    view, found = record(db, patient.id, D1, fvc_percent=75.0, symptoms=["orthopnoea", "breathlessness"])
    assert view.symptoms == ("breathlessness", "orthopnoea")  # vocabulary order
    assert [a.criteria for a in found] == [("fvc_symptomatic",)]
    with db.read() as s:
        assert s.scalar(sa.select(Assessment.symptoms)) == "breathlessness,orthopnoea"
        assert s.scalar(sa.select(Alert.criteria)) == "fvc_symptomatic"
    with pytest.raises(DomainError, match="Respiratory symptoms has no 'wheeze'"):
        record(db, patient.id, D2, fvc_percent=75.0, symptoms=["wheeze"])
