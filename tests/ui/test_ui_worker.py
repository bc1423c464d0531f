"""The background helper: results and errors arrive on the GUI thread; writes broadcast Changes."""

from __future__ import annotations

import threading

import pytest

from alsdesk.errors import AlsdeskError, DomainError
from alsdesk.services import patients
from alsdesk.services.common import Changes


def test_read_runs_off_the_gui_thread_and_delivers_on_it(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(session):  # type: ignore[no-untyped-def]
        seen["work_thread"] = threading.get_ident()
        return patients.count_patients(session=session)

    def done(count: int) -> None:
        seen["count"] = count
        seen["done_thread"] = threading.get_ident()

    backend.read(work, done)
    idle()
    assert seen["count"] == 1
    assert seen["work_thread"] != gui
    assert seen["done_thread"] == gui


def test_domain_error_is_delivered_not_raised(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    errors: list[AlsdeskError] = []
    backend.write(
        lambda s: patients.update_patient(session=s, patient_id=patient.id, mrn="bad mrn!"), failed=errors.append
    )
    idle()
    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert "MRN may hold only" in str(errors[0])


@pytest.mark.logs_errors("background work failed")
def test_unhandled_error_goes_to_the_error_signal(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    def boom(session):  # type: ignore[no-untyped-def]
        raise RuntimeError("bug")

    with qtbot.waitSignal(backend.error, timeout=5000) as blocker:
        backend.read(boom)
    assert "Unexpected error (RuntimeError: bug)" in blocker.args[0]


def test_write_broadcasts_changes_in_order(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    received: list[Changes] = []
    backend.changed.connect(received.append)
    order: list[int] = []
    for n in range(5):
        backend.write(lambda s, n=n: (order.append(n), Changes(patients=True))[1])
    idle()
    assert order == [0, 1, 2, 3, 4]  # one writer: writes run one at a time, in order
    assert len(received) == 5 and all(c.patients for c in received)


def test_result_for_a_closed_widget_is_dropped(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    called: list[object] = []
    backend.read(lambda s: 1, called.append, owner=owner)
    import shiboken6

    shiboken6.delete(owner)  # closed before the event loop could deliver the (queued) result
    qtbot.waitUntil(lambda: not backend.busy)
    assert called == []


@pytest.mark.parametrize("writes", [True, False])
def test_call_runs_plain_functions(qtbot, backend, idle, writes: bool) -> None:  # type: ignore[no-untyped-def]
    got: list[int] = []
    backend.call(lambda: 41 + 1, got.append, writes=writes)
    idle()
    assert got == [42]


def test_latest_applies_only_the_newest_result(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    import time

    from alsdesk.ui.widgets.worker import Latest

    latest = Latest()
    shown: list[str] = []
    backend.read(lambda s: (time.sleep(0.3), "old")[1], latest(shown.append))  # slow, finishes last
    backend.read(lambda s: "new", latest(shown.append))
    idle()
    assert shown == ["new"]
