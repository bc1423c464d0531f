"""A demo patient's story: who they are, how their illness began and ran (workups, findings,
visits with ALSFRS-R, breathing and weight), and how it ended; care.py adds their care."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from alsdesk.demo import people
from alsdesk.demo.care import CareMaker
from alsdesk.demo.mix import (
    ALLERGIES,
    ALLERGY_SHARE,
    CARE_PLAN_ADRT,
    CARE_PLAN_RELATION,
    CARE_PLAN_REVISED_SHARE,
    CARE_PLAN_SHARE,
    CARE_PLAN_WISHES,
    CHEST_INFECTION,
    DIAGNOSED_ELSEWHERE,
    FEED_TIMES,
    FEEDS,
    FVC_PER_POINT,
    GP_SHARE,
    INTERPRETER_SHARE,
    LUNG_DISEASE_SHARE,
    MILESTONE_NOTES,
    NIV_MACHINES,
    NO_KNOWN_ALLERGIES_SHARE,
    PALLIATIVE_LOSS,
    PLAN_RECORDED_SHARE,
    REGION_ITEMS,
    SPREAD,
    WORKUP_PATH_SAMPLE,
    WORKUP_PATH_STUDY,
    WORKUP_PLACES,
    clinic_time,
)
from alsdesk.exchange.format import RECORD_TABLES
from alsdesk.models.assessment import item_column
from alsdesk.services import alerts, assessments, death, scoring, search


class PatientMaker(CareMaker):
    """A whole patient document, made from the seeded generator in one fixed order."""

    contacts_rng: random.Random  # set by the generator after construction (contacts)
    care_plans_rng: random.Random  # and this one (care_plan)
    plans_rng: random.Random  # and this one (plans)

    def patient(self, n: int) -> dict[str, Any]:
        rng, anchor = self.rng, self.anchor
        p = people.person(rng, anchor, n)
        status = rng.choices(
            ("screening", "suspected", "diagnosed", "palliative", "deceased", "discharged"), (8, 10, 62, 10, 6, 4)
        )[0]
        onset: date | None = None
        diagnosis: date | None = None
        death: date | None = None
        region = None
        if status != "screening":
            onset = anchor - timedelta(days=rng.randint(120, 1100))
            region = rng.choices(
                ("bulbar", "upper_limb", "lower_limb", "respiratory", "generalised"), (30, 30, 32, 3, 5)
            )[0]
        if status in ("diagnosed", "palliative", "deceased", "discharged"):
            assert onset is not None  # every status after screening has one
            diagnosis = min(onset + timedelta(days=rng.randint(200, 420)), anchor - timedelta(days=rng.randint(5, 60)))
        if status == "deceased":
            death = anchor - timedelta(days=rng.randint(1, 90))
            assert diagnosis is not None  # set just above for the deceased
            diagnosis = min(diagnosis, death - timedelta(days=30))
        genetics = (
            rng.choices(("not_tested", "negative", "C9orf72", "SOD1", "TARDBP", "FUS"), (40, 45, 7, 3, 1, 1))[0]
            if diagnosis
            else "not_tested"
        )
        family_history = genetics in ("C9orf72", "SOD1", "FUS")
        lung_disease = rng.random() < LUNG_DISEASE_SHARE and diagnosis is not None  # found at their workup
        registered = (onset or anchor - timedelta(days=rng.randint(1, 60))) + timedelta(days=60)
        registered = min(registered, diagnosis or anchor, anchor)
        neuro = rng.choice((self.staff["lchen"], self.staff["jmorgan"]))
        row = self.rows.make(
            "patient",
            registered,
            **p,
            sort_key=search.sort_key(p["family_name"], p["given_name"]),
            address=people.home_address(rng.randint(1, 300), p),
            caregiver_name=people.spouse_of(p) if rng.random() < 0.8 else "",
            caregiver_phone="",
            caregiver_relation="配偶" if p["name_zh"] else "spouse",
            status=status,
            archived=status == "discharged",
            onset_date=onset,
            onset_region=region,
            diagnosis_date=diagnosis,
            el_escorial=rng.choice(("definite", "probable", "probable_lab_supported", "possible"))
            if diagnosis
            else None,
            awaji_applied=bool(diagnosis) and rng.random() < 0.7,
            gold_coast_met=True if diagnosis else None,
            gold_coast_progressive=True if diagnosis else None,
            gold_coast_mimics_excluded=True if diagnosis else None,
            family_history=family_history,
            genetics=genetics,
            death_date=death,
            lung_disease=lung_disease,
            responsible_staff_id=neuro,
        )
        pid = row["id"]
        records: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES}
        ctx = dict(
            pid=pid,
            onset=onset,
            diagnosis=diagnosis,
            region=region or "generalised",
            end=death or anchor,
            genetics=genetics,
            family_history=family_history,
            status=status,
            language=p["language"],
            sex=p["sex"],
            lung_disease=lung_disease,
            records=records,
            registered=registered,
        )
        self.workups(ctx)
        if diagnosis:
            self.findings(ctx)
            self.visits(ctx)
            self.medications(ctx)
            self.therapy(ctx)
            self.referrals(ctx)
            self.programs(ctx)
            self.notes(ctx)
            self.care_plan(ctx, row)
            if ctx["status"] == "deceased":
                self.end_at_death(ctx)
        else:
            self.add(
                ctx,
                "screening",
                registered,
                screened_on=registered,
                weakness=True,
                fasciculations=rng.random() < 0.6,
                cramps=rng.random() < 0.5,
                slurred_speech=rng.random() < 0.3,
                family_history=rng.random() < 0.1,
            )
        self.contacts(ctx, row)
        self.plans(ctx)
        return {"patient": row, "records": records}

    def contacts(self, ctx: dict[str, Any], row: dict[str, Any]) -> None:
        """What a letter names besides the illness: the GP, an interpreter, allergies (recorded,
        or "no known allergies" confirmed at registration, or nothing asked yet). Drawn from a
        generator of their own, so the rest of the clinic is drawn as before these existed."""
        rng, registered = self.contacts_rng, ctx["registered"]
        if rng.random() < GP_SHARE:
            surname = rng.choice(("Wang", "Li", "Brown", "Evans", "Zhang", "Taylor"))
            row["gp_name"] = f"Dr {surname}"
            practice = rng.choice(("Riverside", "Harbour", "Boao Town"))
            row["gp_contact"] = f"{practice} Practice, +86 898 6{rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        row["interpreter_needed"] = rng.random() < INTERPRETER_SHARE
        draw = rng.random()
        if draw < ALLERGY_SHARE:
            for substance, reaction, severity in rng.sample(ALLERGIES, rng.choice((1, 1, 2))):
                allergy = self.rows.make(
                    "allergy",
                    registered,
                    rng,
                    patient_id=ctx["pid"],
                    substance=substance,
                    reaction=reaction,
                    severity=severity,
                    status="active",
                    recorded_on=registered,
                    staff_id=self.staff["wxu"],
                )
                ctx["records"]["allergy"].append(allergy)
        elif draw < ALLERGY_SHARE + NO_KNOWN_ALLERGIES_SHARE:
            row["allergies_checked_on"] = registered.isoformat()

    def care_plan(self, ctx: dict[str, Any], row: dict[str, Any]) -> None:
        """An advance care plan for a late-stage patient (palliative, deceased, or with NIV or a
        gastrostomy), sometimes revised once: drawn from a generator of its own, so the rest of the
        clinic is drawn as before plans existed."""
        rng, end, zh = self.care_plans_rng, ctx["end"], ctx["language"] == "zh_CN"
        supported = any(m["kind"] in ("niv", "gastrostomy") for m in ctx["records"]["milestone"])
        chosen = rng.random() < CARE_PLAN_SHARE
        if not (ctx["status"] in ("palliative", "deceased") or (supported and chosen)):
            return
        first = max(end - timedelta(days=rng.randint(20, 240)), ctx["diagnosis"])
        later = first + timedelta(days=rng.randint(14, 90))
        days = [first] + ([later] if rng.random() < CARE_PLAN_REVISED_SHARE and later <= end else [])
        adrt, place = rng.random() < 0.5, rng.choice(("home", "home", "hospice", "hospital"))
        named = bool(row["caregiver_name"]) and rng.random() < 0.8
        wishes = rng.choice(CARE_PLAN_WISHES)[zh]
        for revision, on in enumerate(days, start=1):
            cpr = "not_for_cpr" if adrt or revision == 2 else "for_cpr"  # a revision: no longer for CPR
            plan = self.rows.make(
                "advance_care_plan",
                on,
                rng,
                patient_id=ctx["pid"],
                revision=revision,
                recorded_on=on,
                staff_id=self.staff["lchen"],
                preferences=wishes,
                adrt_in_place=adrt,
                adrt_refuses="tube_feeding cpr" if adrt else "",
                adrt_text=CARE_PLAN_ADRT[zh] if adrt else "",
                resuscitation=cpr,
                resuscitation_on=on,
                care_place=place,
                care_place_text="",
                death_place=place,
                death_place_text="",
                decider="lpa_health" if named else "no_one_named",
                decider_name=row["caregiver_name"] if named else "",
                decider_relationship=CARE_PLAN_RELATION[zh] if named else "",
                decider_phone="",
                review_on=on + timedelta(days=90),
            )
            ctx["records"]["advance_care_plan"].append(plan)

    def plans(self, ctx: dict[str, Any]) -> None:
        """NIV settings and gastrostomy details from the day of each such milestone, for most of
        them (the rest print the plan's blank lines). A generator of their own, like contacts."""
        rng = self.plans_rng
        for milestone in list(ctx["records"]["milestone"]):
            kind, on = milestone["kind"], date.fromisoformat(milestone["occurred_on"])
            if kind not in ("niv", "gastrostomy") or rng.random() >= PLAN_RECORDED_SHARE:
                continue
            if kind == "niv":
                epap = rng.choice((4, 5, 6))
                values: dict[str, Any] = dict(
                    mode=rng.choice(("spontaneous_timed", "spontaneous_timed", "volume_assured")),
                    ipap=float(epap + rng.choice((8, 10, 12))),
                    epap=float(epap),
                    backup_rate=rng.choice((12, 14, 16)),
                    mask=rng.choice(("oronasal", "nasal", "nasal_pillows")),
                    overnight=True,
                    hours_per_day=rng.choice((None, 8, 10, 12)),
                    machine=rng.choice(NIV_MACHINES),
                    supplier_phone=f"+86 400 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    staff_id=self.staff["hliu"],
                )
            else:
                times, by_pump = rng.choice(FEED_TIMES)
                values = dict(
                    tube_type=rng.choice(("peg", "peg", "rig")),
                    tube_size=rng.choice((14, 15, 18, 20)),
                    placed_on=on,
                    feed_name=rng.choice(FEEDS),
                    feed_volume=rng.choice((1000, 1200, 1500)),
                    feed_rate=rng.choice((80, 100, 125)) if by_pump else None,
                    feed_times=times[ctx["language"] == "zh_CN"],
                    flush_volume=rng.choice((30, 50)),
                    contact_name="Rachel Hughes",
                    contact_phone="+86 898 0000 0106",
                    staff_id=self.staff["rhughes"],
                )
            row = self.rows.make(f"{kind}_setting", on, rng, patient_id=ctx["pid"], set_on=on, **values)
            ctx["records"][f"{kind}_setting"].append(row)

    def end_at_death(self, ctx: dict[str, Any]) -> None:
        """A deceased patient's courses stop on the date of death, as services.death ends them when
        a death is recorded (their visits and courses all start on or before it: ctx["end"])."""
        died = ctx["end"]
        for row in ctx["records"]["medication"]:
            if row["stopped_on"] is None:
                row["stopped_on"] = died.isoformat()
                row["stop_reason"] = death.died_reason(died)

    def workups(self, ctx: dict[str, Any]) -> None:
        rng, anchor = self.rng, self.anchor
        done_by = ctx["diagnosis"]
        if done_by and rng.random() < DIAGNOSED_ELSEWHERE:
            return  # worked up before referral: the results came in the letter, not as workups here
        for kind in ("emg", "ncs", "mri_cervical", "blood_panel") + (
            ("genetic",) if ctx["genetics"] != "not_tested" else ()
        ):
            # Samples are taken at the visit (ordered -> performed); studies are booked first.
            path = WORKUP_PATH_SAMPLE if kind in ("blood_panel", "genetic") else WORKUP_PATH_STUDY
            if done_by:
                ordered = done_by - timedelta(days=rng.randint(30, 90))
                stages = list(path)
            else:
                ordered = anchor - timedelta(days=rng.randint(0, 50))
                stages = list(path[: rng.randint(1, len(path))])
            dates = {"ordered": ordered}
            d = ordered
            for stage in stages[1:]:
                d = min(d + timedelta(days=rng.randint(2, 12)), anchor)
                dates[stage] = d
            status = stages[-1]
            w = self.add(
                ctx,
                "workup",
                ordered,
                type_code=kind,
                status=status,
                due_date=dates.get("scheduled", ordered + timedelta(days=30)),
                ordered_on=ordered,
                scheduled_for=dates.get("scheduled"),
                performed_on=dates.get("performed"),
                resulted_on=dates.get("resulted"),
                reviewed_on=dates.get("reviewed"),
                result="Findings consistent with motor neuron disease" if "resulted" in dates else "",
                interpretation="Widespread active denervation" if kind == "emg" and "resulted" in dates else "",
                reviewer_id=self.staff["lchen"] if "reviewed" in dates else None,
            )
            if w["scheduled_for"] is not None:  # a booked study: when and where
                w["scheduled_time"] = clinic_time(w["id"])
                w["place"] = WORKUP_PLACES.get(kind, ("", ""))[ctx["language"] == "zh_CN"]
            prev = None
            for stage in stages:
                self.add(
                    ctx,
                    "workup_event",
                    dates[stage],
                    workup_id=w["id"],
                    from_status=prev,
                    to_status=stage,
                    at=datetime.combine(dates[stage], time(10), UTC),
                    staff_id=self.staff["wxu"],
                )
                prev = stage

    def findings(self, ctx: dict[str, Any]) -> None:
        for region in ("bulbar", "cervical", "thoracic", "lumbosacral"):
            self.add(
                ctx,
                "diagnostic_finding",
                ctx["diagnosis"],
                region=region,
                umn=self.rng.random() < 0.6,
                lmn=self.rng.random() < 0.7,
                emg_lmn=self.rng.random() < 0.7,
                examined_on=ctx["diagnosis"],
            )

    def items_at(self, ctx: dict[str, Any], loss: int, gastrostomy: bool) -> dict[str, int]:
        # The same patient weakens in the same order visit to visit: one generator seeded by the
        # patient, and each visit carries on from the last one's state (loss never decreases).
        state = ctx.get("weakening")
        if state is None or loss < state[3]:
            items = {k: 4 for k in scoring.ITEM_KEYS if k not in ("5a", "5b")} | {"5": 4}
            start = ctx["region"] if ctx["region"] in REGION_ITEMS else "upper_limb"
            order = [start] + [r for r in SPREAD if r != start]
            pool = [k for r in order for k in REGION_ITEMS[r] if k != "12"]
            weight = {k: max(1, 8 - i) for i, k in enumerate(pool)}
            state = ctx["weakening"] = [random.Random(str(ctx["pid"])), items, (pool, weight), 0]
        rng, items, (pool, weight), done = state
        for _ in range(loss - done):
            left = [k for k in pool if items[k] > 0]
            if not left:
                break
            items[rng.choices(left, [weight[k] for k in left])[0]] -= 1
        state[3] = max(done, loss)
        out = {("5b" if gastrostomy else "5a") if k == "5" else k: v for k, v in items.items()}
        return out

    def visits(self, ctx: dict[str, Any]) -> None:
        """Visits from diagnosis, each judged by the alert rules as the assessment service judges it,
        and between visits what the team did about the advice: a gastrostomy after "discuss
        gastrostomy", NIV after "discuss NIV" (not always: some patients decline). The alert it
        answers closes on that day with the intervention as its reason, as
        alerts.close_answered_alerts closes it when the milestone is recorded."""
        rng = self.rng
        rate = rng.choices((rng.uniform(0.2, 0.5), rng.uniform(0.5, 1.0), rng.uniform(1.0, 1.6)), (40, 45, 15))[0]
        if ctx["status"] == "palliative":  # palliative care follows advanced disease: at most 24 by now
            last_visit_by = max(30, (ctx["end"] - ctx["onset"]).days - 120)  # visits are up to ~4 months apart
            rate = max(rate, PALLIATIVE_LOSS / (last_visit_by / scoring.DAYS_PER_MONTH))
        weight0 = rng.uniform(50, 90)
        fvc0 = rng.uniform(80, 110)
        # FVC points lost per ALSFRS-R point: breathing weakens at each patient's own pace.
        breath = rng.uniform(*FVC_PER_POINT)
        lung = ctx["lung_disease"]
        d, previous, weights = ctx["diagnosis"], None, []
        snips: list[tuple[date, float]] = []
        fvcs: list[tuple[date, float]] = []
        started: dict[str, date] = {}  # intervention -> the day it was put in place
        breathless = False
        visit_gap = rng.choice((84, 90, 91, 98, 105))
        while d <= ctx["end"]:
            months = (d - ctx["onset"]).days / scoring.DAYS_PER_MONTH
            loss = min(44, int(rate * months))
            fvc = fvc0 - rate * months * breath + rng.uniform(-4, 4)
            snip = fvc * 0.8 + rng.uniform(-5, 5)
            symptoms = []
            if fvc < 90 and rng.random() < CHEST_INFECTION:  # an infection weakens breathing for a while
                fvc, snip = fvc - rng.uniform(3, 8), snip - rng.uniform(10, 18)
                symptoms.append("chest_infections")
            fvc, snip = max(15.0, fvc), max(10.0, snip)
            weight = weight0 * (1 - min(0.25, rate * months * 0.006)) + rng.uniform(-0.8, 0.8)
            items = self.items_at(ctx, loss, "gastrostomy" in started)
            breathless = breathless or fvc < 50
            if breathless:  # short of breath by then: the respiratory items agree with the FVC
                items["10"], items["11"] = min(items["10"], 3), min(items["11"], 3)
            if "niv" in started:  # item 12 as the ALSFRS-R anchors describe NIV in use
                items["12"] = 2 if fvc < 35 else 3
            # The NG42 symptoms asked at the visit, as the items and the FVC show them.
            symptoms += [code for code, item in (("breathlessness", "10"), ("orthopnoea", "11")) if items[item] < 4]
            if fvc < 80 and rng.random() < 0.5:
                symptoms.append(rng.choice(("disturbed_sleep", "daytime_sleepiness", "morning_headache", "fatigue")))
            spo2 = rng.choice((97, 96, 95, 98, 93 if fvc < 50 else 96))
            if lung:  # lung disease lowers the SpO2 a patient lives with
                spo2 -= rng.choice((2, 3, 4, 4))
            total = scoring.alsfrs_total(items)
            values = {item_column(k): items.get(k) for k in scoring.ITEM_KEYS}
            a = self.add(
                ctx,
                "assessment",
                d,
                assessed_on=d,
                **values,
                fvc_percent=round(fvc, 1),
                snip_cmh2o=round(snip, 1),
                spo2_percent=float(spo2),
                lung_disease=False,  # as record_assessment stores it: the flag is the patient's now
                symptoms=assessments.check_symptoms(symptoms),
                weight_kg=round(weight, 1),
                height_cm=None,
                staff_id=self.staff["lchen"],
                note="",
            )
            weights.append((d, round(weight, 1)))
            fvcs.append((d, a["fvc_percent"]))
            at_start = [f for f in fvcs if "niv" in started and f[0] <= started["niv"]]
            facts = alerts.VisitFacts(
                on=d,
                sex=ctx["sex"],
                lung_disease=lung,
                items=items,
                symptoms=tuple(a["symptoms"].split(",")) if a["symptoms"] else (),
                fvc_percent=a["fvc_percent"],
                snip_cmh2o=a["snip_cmh2o"],
                spo2_percent=a["spo2_percent"],
                weight_kg=a["weight_kg"],
                baseline_weight_kg=alerts.baseline_weight(weights, ctx["diagnosis"]),
                earlier_snips=tuple(snips),
                previous_scored=previous,
                in_place=frozenset(started),
                fvc_at_niv_start=at_start[-1] if at_start else None,
            )
            specs = alerts.visit_alerts(facts, self.settings)
            snips.append((d, a["snip_cmh2o"]))
            raised = {s.kind: s for s in specs}
            after = d + timedelta(days=visit_gap + rng.randint(-7, 20))
            if "niv" in raised:  # NG42: breathing is checked again sooner while NIV is being discussed
                after = min(after, d + timedelta(days=rng.randint(42, 70)))
            # What the team did before the next visit: an intervention answers the alert asking for it.
            by = min(after - timedelta(days=1), ctx["end"])
            done: dict[str, date] = {}
            if "gastrostomy" not in started and (
                ("gastrostomy" in raised and rng.random() < 0.6) or (loss >= 20 and rng.random() < 0.3)
            ):
                done["gastrostomy"] = d + timedelta(days=rng.randint(21, 60))
            if "niv" not in started and "niv" in raised:
                urgent = {"fvc_50", "snip_40"} & set(raised["niv"].criteria)
                if rng.random() < (0.7 if urgent else 0.2):
                    done["niv"] = d + timedelta(days=rng.randint(14, 42))
            for kind, on in done.items():
                if on <= by:
                    started[kind] = on
                    self.add(
                        ctx,
                        "milestone",
                        on,
                        kind=kind,
                        occurred_on=on,
                        note=MILESTONE_NOTES[kind][ctx["language"] == "zh_CN"],
                    )
            # Alerts from the last visit stay open unless the team has had two weeks to act on them.
            latest = after > ctx["end"] and ((self.anchor - d).days < 14 or rng.random() < 0.1)
            for s in specs:
                answered = [(i, on) for i, on in started.items() if on > d and s.kind in alerts.answered_kinds([i])]
                row = self.add(
                    ctx,
                    "alert",
                    d,
                    kind=s.kind,
                    raised_on=d,
                    **alerts.message_columns(s.message),
                    criteria=",".join(s.criteria),
                    source_id=a["id"],
                    status="open" if latest else "acknowledged",
                    acknowledged_by=None if latest else self.staff["lchen"],
                    acknowledged_note="" if latest else "Discussed at clinic",
                )
                if answered:  # open until the intervention was recorded, then closed by it
                    (i, on), *_ = answered
                    row.update(
                        status="closed",
                        acknowledged_by=None,
                        acknowledged_note="",
                        closed_reason=alerts.CLOSED_BY[i],
                        closed_on=on.isoformat(),
                    )
            previous = (d, total)
            d = after
