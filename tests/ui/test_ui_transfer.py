"""Patient transfer in the window: the clinic's site ID in its settings, other clinics' staff kept
out of the staff list (issue 14 item 6)."""

from __future__ import annotations

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
