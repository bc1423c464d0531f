"""`alsdesk appointment list|set`: a patient's coming appointments with their start times, and
booking one's day, time and place through the window's services; a bad --time is one line naming
the flag, exit 1, nothing changed."""

from __future__ import annotations

import json
from datetime import date, time, timedelta

import pytest

from alsdesk.cli import main
from alsdesk.services import chart

SOON = date.today() + timedelta(days=7)


@pytest.fixture
def booked(db, patient, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A coordinator signed in through the environment; a two-session plan (no time) and an ordered EMG."""
    from alsdesk.services import accounts, therapy, workups

    with db.write() as s:
        accounts.create_account(
            session=s, username="boss", display_name="Boss", role="administrator", password="admin password 1"
        )
        accounts.create_account(
            session=s, username="wxu", display_name="Wei Xu", role="coordinator", password="coordinator pw 1"
        )
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=SOON,
            interval_days=7,
            session_count=2,
        )
        emg, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=date.today())
    monkeypatch.setenv("ALSDESK_USER", "wxu")
    monkeypatch.setenv("ALSDESK_PASSWORD", "coordinator pw 1")
    return plan.sessions[0].id, emg.id


def cli(db_url: str, *args: str) -> int:
    return main(["--database", db_url, "appointment", *args])


def test_set_books_a_time_and_place_and_list_shows_them(db, db_url, patient, booked, capsys) -> None:  # type: ignore[no-untyped-def]
    session_id, emg_id = booked
    assert (
        cli(db_url, "set", str(session_id)[:30], "--patient", "T0001", "--date", SOON.isoformat(), "--time", "9:30")
        == 0
    )
    assert f"Booked: {SOON.isoformat()} 09:30  therapy" in capsys.readouterr().out
    day = (SOON + timedelta(days=1)).isoformat()
    code = cli(
        db_url,
        "set",
        str(emg_id),
        "--patient",
        "T0001",
        "--date",
        day,
        "--time",
        "23:59",
        "--place",
        "EMG lab",
        "--json",
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "id": str(emg_id),
        "kind": "workup",
        "on": day,
        "time": "23:59",
        "discipline": "neurology",
        "detail": "Electromyography (EMG)",
        "place": "EMG lab",
    }
    assert cli(db_url, "list", "--patient", "T0001", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["kind"], a["on"], a["time"]) for a in listed] == [
        ("therapy", SOON.isoformat(), "09:30"),
        ("workup", day, "23:59"),
        ("therapy", (SOON + timedelta(days=7)).isoformat(), None),
    ]
    # Without --time the time is kept; --time "" clears it.
    assert cli(db_url, "set", str(session_id), "--patient", "T0001", "--date", day) == 0
    assert cli(db_url, "set", str(emg_id), "--patient", "T0001", "--date", day, "--time", "") == 0
    with db.read() as s:
        c = chart.patient_chart(session=s, patient_id=patient.id)
    assert c.plans[0].sessions[0].scheduled_time == time(9, 30) and c.workups[0].scheduled_time is None
    assert c.workups[0].place == "EMG lab"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--time", "24:00"), "--time must be a time written HH:MM, from 00:00 to 23:59, not '24:00'."),
        (("--time", "9:5"), "--time must be a time written HH:MM, from 00:00 to 23:59, not '9:5'."),
        (("--place", "Room 2"), "--place is for a workup"),
    ],
)
def test_refusals_are_one_line_with_exit_1_and_change_nothing(db, db_url, patient, booked, capsys, args, says) -> None:  # type: ignore[no-untyped-def]
    session_id, _ = booked
    assert cli(db_url, "set", str(session_id), "--patient", "T0001", "--date", SOON.isoformat(), *args) == 1
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    with db.read() as s:
        assert chart.patient_chart(session=s, patient_id=patient.id).plans[0].sessions[0].version == 1
