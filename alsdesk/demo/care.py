"""The care a demo patient gets once diagnosed: medications (with riluzole's ALT checks and
edaravone infusions), therapy, referrals, care programs and notes. story.py tells the illness."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from alsdesk.demo.mix import (
    ALT_RAISED_SHARE,
    ALT_SENSITIVE_SHARE,
    ALT_STOP_SHARE,
    ALT_UPPER_LIMIT,
    EDARAVONE_IV_SHARE,
    EDUCATION_TOPICS,
    FACILITIES,
    PROGRAM_REPEAT,
    PROGRAM_REPEAT_DAYS,
    PROGRAM_SHARE,
    REFERRAL_COUNTS,
    REFERRAL_FINDINGS,
    REFERRAL_REASONS,
    REFERRAL_SERVICE,
    RESPIRATORY_PROGRAM_ON_NIV,
    THERAPY_PLANS,
    THERAPY_SHARE,
    TYPED_DOSES,
    clinic_time,
)
from alsdesk.demo.rows import Rows
from alsdesk.exchange.format import encode
from alsdesk.services import alerts, doses, interventions, programs, therapy


class CareMaker:
    """The records of a patient's care, made into `ctx["records"]` (see PatientMaker.patient)."""

    # Catalog entries by code, set by the generator after construction.
    templates: dict[str, dict[str, Any]]
    drugs: dict[str, dict[str, Any]]

    def __init__(
        self,
        rng: random.Random,
        rows: Rows,
        anchor: date,
        staff: dict[str, str],
        workup_types: list[str],
        settings: dict[str, float],
    ) -> None:
        self.rng, self.rows, self.anchor, self.staff = rng, rows, anchor, staff
        self.workup_types = workup_types
        self.settings = settings

    def add(self, ctx: dict[str, Any], table: str, stamp: date, **values: Any) -> dict[str, Any]:
        row = self.rows.make(table, stamp, patient_id=ctx["pid"], **values)
        ctx["records"][table].append(row)
        return row

    def dose(self, ctx: dict[str, Any], code: str) -> dict[str, Any]:
        """The dose columns of a course: a dose typed in the patient's language, read as
        prescribe() reads it, or else the catalog's, as it chooses one for a dose left blank."""
        if code in TYPED_DOSES:
            return doses.dose_from_text(TYPED_DOSES[code][ctx["language"] == "zh_CN"]).fields()
        drug = self.drugs[code]
        return doses.catalog_dose(code, drug["default_dose"], drug["default_dose_zh"], ctx["language"]).fields()

    def medications(self, ctx: dict[str, Any]) -> None:
        rng, start = self.rng, ctx["diagnosis"]
        if rng.random() < 0.75:
            course = self.add(
                ctx,
                "medication",
                start,
                drug_code="riluzole",
                **self.dose(ctx, "riluzole"),
                started_on=start,
                prescriber_id=self.staff["lchen"],
            )
            self.riluzole_alts(ctx, course)
        if ctx["genetics"] == "SOD1" and rng.random() < 0.8:
            self.add(
                ctx,
                "medication",
                start,
                drug_code="tofersen",
                **self.dose(ctx, "tofersen"),
                started_on=start + timedelta(days=30),
                prescriber_id=self.staff["lchen"],
            )
        for code, p in (("baclofen", 0.25), ("glycopyrronium", 0.15), ("edaravone_oral", 0.1)):
            if rng.random() < p:
                begun = start + timedelta(days=rng.randint(0, max(1, (ctx["end"] - start).days)))
                self.add(
                    ctx,
                    "medication",
                    begun,
                    drug_code=code,
                    **self.dose(ctx, code),
                    started_on=begun,
                    prescriber_id=self.staff["lchen"],
                )
        if ctx["status"] in ("diagnosed", "palliative") and rng.random() < EDARAVONE_IV_SHARE:
            self.edaravone_infusions(ctx, self.anchor - timedelta(days=rng.randint(0, 80)))

    def riluzole_alts(self, ctx: dict[str, Any], course: dict[str, Any]) -> None:
        """The ALT tests of a riluzole course as the monitoring rule asks for them (riluzole EU SmPC):
        a baseline within the 30 days before the start, then each next test on the date
        alerts.riluzole_alt_due gives from the latest one (monthly while raised); a few tests
        falling due in the last weeks are not done yet. An ALT at 5 x ULN or more raises the
        stop alert (alerts.alt_alert, as lab entry raises it) and the course is stopped."""
        rng, settings, start = self.rng, self.settings, date.fromisoformat(course["started_on"])
        taken = max(start - timedelta(days=rng.randint(0, 21)), ctx["registered"])
        value = float(rng.randint(12, 38))
        shares = ALT_RAISED_SHARE[rng.random() < ALT_SENSITIVE_SHARE]
        while True:
            lab = self.add(
                ctx,
                "lab_result",
                taken,
                test="ALT",
                taken_on=taken,
                value=value,
                unit="U/L",
                upper_limit=ALT_UPPER_LIMIT,
            )
            if taken >= start and (
                stop := alerts.alt_alert(value=value, upper_limit=ALT_UPPER_LIMIT, settings=settings)
            ):
                stopped = min(taken + timedelta(days=rng.randint(1, 3)), ctx["end"])
                recent = (self.anchor - taken).days < 7
                self.add(
                    ctx,
                    "alert",
                    taken,
                    kind=stop.kind,
                    raised_on=taken,
                    **alerts.message_columns(stop.message),
                    criteria=",".join(stop.criteria),
                    source_id=lab["id"],
                    status="open" if recent else "acknowledged",
                    acknowledged_by=None if recent else self.staff["lchen"],
                    acknowledged_note="" if recent else "Riluzole stopped",
                )
                if not recent:
                    course.update(stopped_on=stopped.isoformat(), stop_reason="ALT 5 x ULN or more (EU SmPC)")
                return
            last = alerts.AltResult(taken, value, ALT_UPPER_LIMIT)
            due = alerts.riluzole_alt_due(start, last, settings).due
            if due > ctx["end"] or (due > self.anchor - timedelta(days=14) and rng.random() < 0.5):
                return  # the next test is not due yet, or is due and not done yet
            taken = min(due + timedelta(days=rng.randint(-3, 6)), ctx["end"])
            raised = shares[alerts.alt_above_normal(last, settings)]
            draw = rng.random()
            value = float(
                rng.randint(205, 320)
                if draw < ALT_STOP_SHARE
                else rng.randint(41, 95)
                if draw < raised
                else rng.randint(12, 38)
            )

    def edaravone_infusions(self, ctx: dict[str, Any], begun: date) -> None:
        """An edaravone IV course with its infusion plan: one session on each dosing day of the
        cycles therapy.edaravone_days gives (as medications.prescribe schedules them)."""
        rng, anchor = self.rng, self.anchor
        begun = max(begun, ctx["diagnosis"])
        self.add(
            ctx,
            "medication",
            begun,
            drug_code=therapy.EDARAVONE_IV,
            **self.dose(ctx, therapy.EDARAVONE_IV),
            started_on=begun,
            prescriber_id=self.staff["lchen"],
        )
        days = therapy.edaravone_days(begun, int(self.settings["edaravone_cycles_scheduled"]))
        plan = self.add(
            ctx,
            "therapy_plan",
            begun,
            discipline="specialist_nursing",
            title=therapy.EDARAVONE_PLAN_TITLE.get(ctx["language"], therapy.EDARAVONE_PLAN_TITLE["en"]),
            start_date=begun,
            interval_days=1,
            session_count=len(days),
            staff_id=self.staff["wxu"],
            active=True,
            goals="",
        )
        for day in days:
            status = "scheduled" if day >= anchor else rng.choices(("attended", "missed"), (97, 3))[0]
            self.add(
                ctx,
                "therapy_session",
                begun,
                plan_id=plan["id"],
                scheduled_on=day,
                scheduled_time=clinic_time(plan["id"]),  # a plan's sessions keep one time
                status=status,
                note="",
            )

    def therapy(self, ctx: dict[str, Any]) -> None:
        rng = self.rng
        zh = ctx["language"] == "zh_CN"
        for discipline, titles, staff, interval in THERAPY_PLANS:
            if rng.random() > THERAPY_SHARE or ctx["status"] not in ("diagnosed", "palliative"):
                continue
            start = self.anchor - timedelta(days=rng.randint(0, 120))
            start = max(start, ctx["diagnosis"])
            count = rng.randint(4, 10)
            plan = self.add(
                ctx,
                "therapy_plan",
                start,
                discipline=discipline,
                title=titles[zh],
                start_date=start,
                interval_days=interval,
                session_count=count,
                staff_id=self.staff[staff],
                active=True,
                goals="",
            )
            for i in range(count):
                d = start + timedelta(days=interval * i)
                if d < self.anchor - timedelta(days=14):
                    status = rng.choices(("attended", "missed"), (90, 10))[0]
                elif d < self.anchor:
                    status = rng.choices(("attended", "missed", "scheduled"), (80, 10, 10))[0]
                else:
                    status = "scheduled"
                self.add(
                    ctx,
                    "therapy_session",
                    start,
                    plan_id=plan["id"],
                    scheduled_on=d,
                    scheduled_time=clinic_time(plan["id"]),
                    status=status,
                    note="",
                )

    def referrals(self, ctx: dict[str, Any]) -> None:
        rng = self.rng
        zh = ctx["language"] == "zh_CN"
        services = [(to, REFERRAL_REASONS[to][zh]) for to in REFERRAL_REASONS if to != "genetics_counselling"]
        if ctx["family_history"]:  # the referral's reason must agree with the recorded history
            services.append(("genetics_counselling", REFERRAL_REASONS["genetics_counselling"][zh]))
        for to, reason in rng.sample(services, min(len(services), rng.choices(*REFERRAL_COUNTS)[0])):
            created = ctx["diagnosis"] + timedelta(days=rng.randint(0, max(1, (ctx["end"] - ctx["diagnosis"]).days)))
            urgency = "urgent" if rng.random() < 0.15 else "routine"
            status = rng.choices(
                ("draft", "sent", "received", "accepted", "scheduled", "completed", "declined"),
                (5, 20, 10, 10, 10, 40, 5),
            )[0]
            if (self.anchor - created).days > 60 and status in ("draft", "sent", "received", "accepted", "scheduled"):
                status = "completed"  # old referrals have been answered
            sent = created + timedelta(days=1) if status != "draft" else None
            follow = (
                sent
                + timedelta(
                    days=int(
                        self.settings[
                            "referral_followup_urgent_days" if urgency == "urgent" else "referral_followup_routine_days"
                        ]
                    )
                )
                if sent
                else None
            )
            reply = (
                min(sent + timedelta(days=rng.randint(2, 20)), self.anchor)
                if status in ("received", "accepted", "scheduled", "completed", "declined") and sent
                else None
            )
            r = self.add(
                ctx,
                "referral",
                created,
                referral_date=created,
                from_specialty="neurology",
                to_specialty=to,
                to_facility=rng.choice(FACILITIES)[zh],
                to_person="",
                reason=reason,
                urgency=urgency,
                requested_service=REFERRAL_SERVICE[zh],
                questions="",
                status=status,
                sent_on=sent,
                follow_up_on=follow,
                appointment_on=reply + timedelta(days=14) if status == "scheduled" and reply else None,
                reply_on=reply,
                findings=REFERRAL_FINDINGS[zh] if status == "completed" else "",
                recommendations="",
                staff_id=self.staff["wxu"],
            )
            if r["appointment_on"] is not None:
                r["appointment_time"] = clinic_time(r["id"])
            # The usual way: the reply accepts (no separate 'received'), the visit completes it
            # (no separate 'scheduled'); a step is recorded only where the referral stopped at it.
            path = ["draft", "sent", "received", "accepted", "scheduled", "completed"]
            steps = path[: path.index(status) + 1] if status in path else ["draft", "sent", status]
            steps = [s for s in steps if s not in ("received", "scheduled") or s == status]
            prev = None
            for step in steps:
                self.add(
                    ctx,
                    "referral_event",
                    created,
                    referral_id=r["id"],
                    from_status=prev,
                    to_status=step,
                    at=datetime.combine(created, time(11), UTC),
                    staff_id=self.staff["wxu"],
                )
                prev = step

    def programs(self, ctx: dict[str, Any]) -> None:
        rng = self.rng
        on_niv = any(m["kind"] == "niv" for m in ctx["records"]["milestone"])
        for code, p in PROGRAM_SHARE:
            if code == "respiratory_home" and on_niv:  # home monitoring is offered to most on NIV
                p = RESPIRATORY_PROGRAM_ON_NIV
            if rng.random() > p or ctx["status"] not in ("diagnosed", "palliative"):
                continue
            latest = max(self.anchor - timedelta(days=rng.randint(0, 40)), ctx["diagnosis"])
            # Some did the same program before: an earlier sheet, mostly back by now.
            earlier = (
                latest - timedelta(days=rng.randint(*PROGRAM_REPEAT_DAYS)) if rng.random() < PROGRAM_REPEAT else None
            )
            for start in (earlier, latest):
                if start is not None and start >= ctx["diagnosis"]:
                    self.enroll(ctx, code, start)

    def enroll(self, ctx: dict[str, Any], code: str, start: date) -> None:
        """One enrollment in a program template from `start`, with its sheet's ticks if it came back."""
        rng = self.rng
        t = self.templates[code]
        end = start + timedelta(days=t["duration_days"] - 1)
        # Items that assume an intervention only for a patient who has it by the start (as enroll does).
        had = interventions.in_place(
            [(m["kind"], date.fromisoformat(str(m["occurred_on"]))) for m in ctx["records"]["milestone"]], [], start
        )
        items_json = programs.items_for_patient(json.dumps(t["items"], ensure_ascii=False), {i.kind for i in had})
        item_count = len(json.loads(items_json))
        # Most sheets come back within days of the end; some are still out, a few never come.
        back = 0.4 if (self.anchor - end).days <= self.settings["program_sheet_collect_days"] else 0.85
        returned = end + timedelta(days=rng.randint(1, 10)) if end < self.anchor and rng.random() < back else None
        returned = returned if returned and returned <= self.anchor else None
        e = self.add(
            ctx,
            "enrollment",
            start,
            template_code=code,
            name_en=t["name_en"],
            name_zh=t["name_zh"],
            evidence_level=t["evidence_level"],
            diet_restrictions=t["diet_restrictions"],
            instructions=t["instructions"],
            diet_restrictions_zh=t["diet_restrictions_zh"],
            instructions_zh=t["instructions_zh"],
            items_json=items_json,
            start_date=start,
            duration_days=t["duration_days"],
            status="completed" if returned else "active",
            sheet_returned_on=returned,
        )
        ctx["records"]["enrollment_event"] += [
            {k: encode(v) for k, v in event.items()} for event in programs.implied_events([e])
        ]
        if returned:
            keep = rng.uniform(0.5, 0.98)
            for item in range(len(t["items"])):  # the template's count: a seed draws the same numbers
                for day in range(t["duration_days"]):
                    if rng.random() < keep and item < item_count:
                        self.add(
                            ctx,
                            "enrollment_mark",
                            returned,
                            enrollment_id=e["id"],
                            item_index=item,
                            day_index=day,
                            done=True,
                        )

    def notes(self, ctx: dict[str, Any]) -> None:
        d = ctx["diagnosis"]
        self.add(
            ctx,
            "clinical_note",
            d,
            kind="education",
            occurred_on=d,
            topic=EDUCATION_TOPICS["education"][ctx["language"] == "zh_CN"],
            text="Explained the diagnosis, the multidisciplinary team and whom to call.",
            staff_id=self.staff["wxu"],
        )
        if self.rng.random() < 0.4:
            self.add(
                ctx,
                "clinical_note",
                d,
                kind="shared_decision",
                occurred_on=min(d + timedelta(days=90), ctx["end"]),
                topic=EDUCATION_TOPICS["shared_decision"][ctx["language"] == "zh_CN"],
                text="Discussed NIV options with patient and family; decision to trial at night when indicated.",
                staff_id=self.staff["lchen"],
            )


# The clinic's mix (the record counts per patient follow from these; bench/README.md lists them).
