"""Errors are worded from templates: the English stays exact, and every template, field name,
record field and permission has a Chinese translation that names only values it is given."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from alsdesk import models
from alsdesk.errors import ConflictError, DomainError, NotFoundError, RestrictedRecord, render
from alsdesk.exchange import format as exchange
from alsdesk.services import access, assessments, common, lifecycle, patients, scoring, settings
from alsdesk.services.audit import DERIVED
from tests.unit import catalogue

# Records whose edits are version-checked, so a lost race can name their fields (babel.cfg's `records`).
VERSIONED = ("Patient", "Workup", "Referral", "Enrollment", "Assessment", "TherapySession", "Allergy")


def test_every_error_a_person_sees_is_raised_from_a_template() -> None:
    scans = catalogue.error_scans()
    assert {"alsdesk/services/patients.py", "alsdesk/storage/database.py", "alsdesk/app/clinic.py"} <= set(scans)
    problems = [f"{path}:{problem}" for path, scan in scans.items() for problem in scan.problems]
    assert problems == []  # an f-string message, or a template missing one of its values
    templates, fields = catalogue.texts("errors"), catalogue.texts("fields")
    assert len(templates) >= 150 and len(fields) >= 80
    assert "{what} is required." in templates and "Birth date" in fields


def test_names_kept_in_tables_are_extracted() -> None:
    """Field names, permissions and an import file's frame that no raise site spells out."""
    fields = set(catalogue.texts("fields"))
    assert {label for _f, label, _lo, _hi in assessments.MEASUREMENTS} <= fields
    assert {label for _f, label, _lo, _hi in assessments.MEASUREMENTS} <= set(catalogue.texts("alsfrs"))
    assert {label for _key, label in patients.ORDERED_DATES} <= fields
    assert {spec.label for spec in settings.SPECS.values()} <= fields
    assert set(catalogue.texts("permissions")) == {action for _roles, action in access.PERMISSIONS.values()}
    assert exchange.IMPORT_FILE_TEMPLATE in catalogue.texts("errors")


def test_the_fields_a_lost_race_names_are_the_versioned_records_columns() -> None:
    """babel.cfg's `columns` extraction reads the models' source: it names what the tables hold."""
    # Bookkeeping every versioned record has (models.base), the travel columns too (models.base.FromSite):
    # set when a row is made or travels, never edited by a person.
    skip = {"id", "created_at", "updated_at", "version", "site_id", "synced_version", *DERIVED}
    columns = {
        c.key.replace("_", " ") for m in VERSIONED for c in getattr(models, m).__table__.columns if c.key not in skip
    }
    assert set(catalogue.texts("columns")) == columns


@pytest.mark.parametrize("lang", catalogue.languages())
@pytest.mark.parametrize("context", ["errors", "fields", "columns", "permissions"])
def test_every_catalogue_text_is_translated(lang: str, context: str) -> None:
    translated = catalogue.translations(lang, context)
    wanted = catalogue.texts(context)
    assert len(wanted) >= 10
    assert [t for t in wanted if not translated.get(t)] == []
    assert [t for t in wanted if translated[t] == t] == []  # left in English
    if context == "errors":
        # A translation may leave a value out, never name one the error does not carry.
        wrong = [t for t in wanted if catalogue.placeholders(translated[t]) - catalogue.placeholders(t)]
        assert wrong == []


def _raised(fn) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        fn()
    return str(caught.value)


def test_english_words_are_unchanged() -> None:
    """The exact texts the CLI and logs printed before errors carried templates."""
    today = date.today()
    assert _raised(lambda: patients.FIELD_RULES["birth_date"](date(2999, 1, 1))) == (
        f"Birth date (2999-01-01) cannot be after {today.isoformat()}."
    )
    assert _raised(lambda: common.check_date(date(1899, 12, 31), "Start date")) == (
        "Start date (1899-12-31) cannot be before 1900-01-01."
    )
    assert _raised(lambda: common.check_date("2026-01-01", "Due date")) == "Due date must be a date (YYYY-MM-DD)."
    assert _raised(lambda: common.parse_date("soon", "Date")) == (
        "Date must be a real date written YYYY-MM-DD, not 'soon'."
    )
    assert _raised(lambda: common.check_text("x" * 12, "Note", max_len=10)) == (
        "Note is too long (12 characters; at most 10)."
    )
    assert _raised(lambda: patients.FIELD_RULES["sex"]("x")) == (
        "Sex must be one of: male, female, other, unknown (got 'x')."
    )
    assert _raised(lambda: lifecycle.WORKUP.check("planned", "resulted")) == (
        "A workup that is 'planned' cannot become 'resulted'; allowed next: ordered, cancelled."
    )
    assert _raised(lambda: lifecycle.WORKUP.check("reviewed", "ordered")) == (
        "A workup that is 'reviewed' cannot become 'ordered'; allowed next: none (it is closed)."
    )
    assert _raised(lambda: common.as_uuid("nope", "patient")) == "No patient has the ID 'nope'."
    assert _raised(lambda: scoring.validate_items({"1": 4})) == "ALSFRS-R item 2 is missing"
    assert _raised(
        lambda: patients.check_consistency({"birth_date": date(1960, 1, 1), "onset_date": date(1959, 1, 1)})
    ) == ("Symptom onset (1959-01-01) cannot be before the birth date (1960-01-01).")

    class Session:
        def __init__(self, actor: access.Actor) -> None:
            self.info = {"actor": actor}

    viewer = Session(access.Actor("viewer", None, "read_only"))
    assert _raised(lambda: access.check(viewer, "patient.write")) == (  # type: ignore[arg-type]
        "An account with the read-only role may not register or edit patients; nothing was changed."
    )
    nobody = Session(access.Actor("os:someone"))
    assert _raised(lambda: access.check(nobody, "patient.read")) == access.NOT_SIGNED_IN  # type: ignore[arg-type]


def test_errors_keep_their_template_and_values() -> None:
    err = NotFoundError("No {what} has the ID {value!r}.", what="workup", value="x1")
    assert str(err) == "No workup has the ID 'x1'." and err.template.startswith("No {what}")
    assert err.params == {"what": "workup", "value": "x1"}
    assert str(DomainError("Braces {kept} when nothing fills them.")) == "Braces {kept} when nothing fills them."
    assert render("one of: {allowed}.", {"allowed": ("a", "b")}) == "one of: a, b."
    refused = RestrictedRecord("Restricted record ({mrn}): only its care team.", mrn="M7", may_break_glass=True)
    assert str(refused) == "Restricted record (M7): only its care team." and refused.mrn == "M7"
    from alsdesk.services.audit import ChangeBy

    change = ChangeBy("wxu", "Xu Wen", datetime(2026, 11, 27, 6, 30, tzinfo=UTC), ("phone",))
    lost = ConflictError("This {what} changed: {changes}.", (change,), what="patient", changes=change.describe())
    assert lost.changes == (change,) and str(lost).startswith("This patient changed: Xu Wen (wxu) at ")


def test_every_patient_field_rule_names_a_catalogued_field() -> None:
    """Field names reach `what` through helpers too (_phone, _past_date…): each is translatable."""
    fields = set(catalogue.texts("fields"))
    for key, rule in patients.FIELD_RULES.items():
        with pytest.raises(DomainError) as caught:
            rule(object())  # no rule accepts an arbitrary object
        assert caught.value.params.get("what") in fields, key


def test_errors_render_in_the_language_asked_without_qt() -> None:
    """alsdesk.i18n.errors is the window's error rendering, Qt-free: any front end passes its language."""
    from alsdesk.i18n.errors import change_lines, error_text
    from alsdesk.services.audit import ChangeBy

    with pytest.raises(DomainError) as caught:
        lifecycle.WORKUP.check("planned", "resulted")
    err = caught.value
    assert error_text(err, "en") == str(err)
    assert error_text(err, "zh_CN") == "状态为“已计划”的检查不能改为“已出结果”；下一步可为：已开单、已取消。"

    class Session:
        def __init__(self, actor: access.Actor) -> None:
            self.info = {"actor": actor}

    with pytest.raises(DomainError) as caught:
        access.check(Session(access.Actor("viewer", None, "read_only")), "patient.write")  # type: ignore[arg-type]
    assert error_text(caught.value, "zh_CN") == "只读角色的账户无权登记或编辑患者；未做任何更改。"  # role and action
    not_made_from_a_template = ValueError("plain")
    assert error_text(not_made_from_a_template, "zh_CN") == "plain"
    # An error that is a text a service returned (a sign-in refusal) is that text in the language.
    from alsdesk.services import accounts, messages

    refused = accounts.SignInError(messages.text(messages.SIGNIN_LOCKED, minutes=3))
    assert (
        str(refused)
        == error_text(refused, "en")
        == ("Too many failed sign-ins: this account is locked for 3 more minute(s).")
    )
    assert error_text(refused, "zh_CN") == refused.message.text("zh_CN") != str(refused)
    assert "3" in error_text(refused, "zh_CN")

    change = ChangeBy("wxu", "Xu Wen", datetime(2026, 11, 27, 6, 30, tzinfo=UTC), ("birth date", "phone"))
    lost = ConflictError("This {what} changed: {changes}.", (change,), what="patient", changes=change.describe())
    at = change.at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert change_lines(lost, "en") == [f"Xu Wen (wxu) changed birth date, phone at {at}"]
    assert change_lines(lost, "zh_CN") == [f"Xu Wen (wxu) 于 {at} 修改了：出生日期、电话"]
