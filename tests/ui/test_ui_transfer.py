"""Patient transfer in the window: the clinic's site ID in its settings, other clinics' staff kept
out of the staff list (issue 14 item 6)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from alsdesk.models import Staff
from alsdesk.services import clinic, sites


def test_settings_show_the_site_id_and_list_only_this_clinics_staff(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    with db.write() as s:
        ours = clinic.add_staff(
            session=s, username="wxu", display_name="Xu Wen", discipline="neurology", role="clinician"
        )
        s.add(
            Staff(
                username="lchen@k7q2m9",
                display_name="Lin Chen",
                discipline="neurology",
                role="clinician",
                site_id="k7q2m9",
            )
        )
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    idle()
    listed = {admin.staff.row(i).username for i in range(admin.staff.rowCount())}
    assert "wxu" in listed and not any("@" in name for name in listed)
    assert admin.site_id.text() == "(made when the clinic profile is first saved)"
    admin.name.setText("Clinic")
    admin.save_clinic()
    idle()
    with db.read() as s:
        made = sites.local_site(s)
    assert sites.SITE_PATTERN.match(made) and made != sites.HERE
    assert admin.site_id.text() == made
    assert ours.site_id == sites.HERE


def test_a_conflict_is_resolved_in_the_window(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    """A record changed on both sides, kept as a conflict by the merge, resolved from Administration."""
    import copy

    from alsdesk import demo, exchange
    from alsdesk.ui.admin.view import AdminView

    document = demo.demo_document(patients=1, seed=4, anchor=date(2026, 3, 1))
    document["site_id"] = "k7q2mx"  # from another clinic
    with db.write() as s:
        exchange.import_document(session=s, document=copy.deepcopy(document))
    entry = document["patients"][0]
    with db.write() as s:  # changed here...
        s.execute(sa.text("UPDATE patient SET phone = '13900000001', version = version + 1"))
    entry["patient"]["phone"], entry["patient"]["version"] = (
        "13900000002",
        entry["patient"]["version"] + 1,
    )  # ...and there
    with db.write() as s:
        assert exchange.import_document(session=s, document=copy.deepcopy(document)).conflicts == 1
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    idle()
    page = admin.conflicts
    admin.tabs.setCurrentWidget(page)
    idle()
    assert page.model.rowCount() == 1 and not page.empty.isVisible()
    assert page.model.data(page.model.index(0, 4)) == "phone: '13900000001' → '13900000002'"
    page.keep_incoming.click()
    idle()
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    with db.read() as s:
        assert s.scalar(sa.text("SELECT phone FROM patient")) == "13900000002"
        assert s.scalar(sa.text("SELECT count(*) FROM audit_entry WHERE action = 'resolve_conflict'")) == 1
