"""A synthetic clinic for demonstrations, tests and benchmarks: no real patient, ever.

The same seed and anchor day give the same clinic. Records are dated relative to the anchor
(today by default) so that the worklist shows a realistic day.
"""

from __future__ import annotations

import gc
import itertools
import json
import multiprocessing
import pickle
import random
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import PATIENT_RECORDS, Patient, Staff
from alsdesk.models.assessment import item_column
from alsdesk.models.ids import uuid7_int
from alsdesk.services import alerts, assessments, death, exchange, interventions, programs, scoring, search, therapy
from alsdesk.services.access import Actor, requires
from alsdesk.services.catalogs import load_resource
from alsdesk.services.setting_values import SPECS

ZH_FAMILY = {
    "王": "Wang",
    "李": "Li",
    "张": "Zhang",
    "刘": "Liu",
    "陈": "Chen",
    "杨": "Yang",
    "黄": "Huang",
    "赵": "Zhao",
    "吴": "Wu",
    "周": "Zhou",
    "徐": "Xu",
    "孙": "Sun",
    "马": "Ma",
    "朱": "Zhu",
    "胡": "Hu",
    "郭": "Guo",
    "何": "He",
    "林": "Lin",
    "罗": "Luo",
    "高": "Gao",
}
ZH_GIVEN = {
    "伟": "Wei",
    "芳": "Fang",
    "娜": "Na",
    "敏": "Min",
    "静": "Jing",
    "丽": "Li",
    "强": "Qiang",
    "磊": "Lei",
    "军": "Jun",
    "洋": "Yang",
    "勇": "Yong",
    "艳": "Yan",
    "杰": "Jie",
    "娟": "Juan",
    "涛": "Tao",
    "明": "Ming",
    "超": "Chao",
    "秀": "Xiu",
    "霞": "Xia",
    "平": "Ping",
    "华": "Hua",
    "建": "Jian",
    "国": "Guo",
    "文": "Wen",
    "玉": "Yu",
    "兰": "Lan",
    "海": "Hai",
    "红": "Hong",
}
EN_FAMILY = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Hughes",
    "Edwards",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
)
EN_GIVEN = {
    "male": ("James", "John", "Robert", "Michael", "David", "William", "Richard", "Thomas", "Peter", "Paul"),
    "female": ("Mary", "Susan", "Margaret", "Sarah", "Karen", "Helen", "Anne", "Ruth", "Emma", "Grace"),
}
STAFF = (
    ("lchen", "Dr Lin Chen 陈琳", "neurology", "clinician"),
    ("jmorgan", "Dr Jane Morgan", "neurology", "clinician"),
    ("wxu", "Xu Wen 徐文", "specialist_nursing", "coordinator"),
    ("spatel", "Sam Patel", "physiotherapy", "clinician"),
    ("yzhao", "Zhao Yan 赵燕", "speech_language_therapy", "clinician"),
    ("rhughes", "Rachel Hughes", "dietetics", "clinician"),
    ("hliu", "Dr Liu Hai 刘海", "respiratory_medicine", "clinician"),
    ("kwong", "Kim Wong", "occupational_therapy", "clinician"),
    ("mgao", "Gao Min 高敏", "psychology", "clinician"),
    ("tward", "Tom Ward", "social_work", "clinician"),
    ("admin", "Clinic Administrator", "administration", "administrator"),
    ("viewer", "Audit Viewer", "administration", "read_only"),
)
# Order in which items fall, by onset region: the first region's items weaken first.
REGION_ITEMS = {
    "bulbar": ("1", "2", "3"),
    "upper_limb": ("4", "5", "6"),
    "lower_limb": ("8", "9", "7"),
    "respiratory": ("10", "11", "12"),
}
SPREAD = ("bulbar", "upper_limb", "lower_limb", "respiratory")


class _Rows:
    """Complete rows in the export format, filled with column defaults, timestamps from dates."""

    def __init__(self, rng: random.Random, anchor: date) -> None:
        self.rng = rng
        self.first_ms = int(datetime.combine(anchor, time(0), UTC).timestamp()) * 1000
        self.made = 0
        self.defaults: dict[str, dict[str, Any]] = {}
        for table in (*(m.__table__ for m in PATIENT_RECORDS), Patient.__table__, Staff.__table__):
            # Every exported column in table order; callables (ids, timestamps) are filled in by make().
            self.defaults[table.name] = {
                col.name: None
                if not isinstance(col.default, sa.ColumnDefault) or callable(col.default.arg)
                else exchange._encode(col.default.arg)
                for col in exchange.codec(table).selected
            }
        self._moments: dict[date, str] = {}

    def uuid(self) -> str:
        """A version-7 UUID as text, like the ones the app makes (models.ids): its "milliseconds"
        count on from the anchor day's midnight, one per key, and its random bits come from the
        seeded generator, so a seed gives the same keys and they sort in the order they were made."""
        self.made += 1
        h = f"{uuid7_int(self.first_ms + self.made, self.rng.getrandbits(74)):032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def make(self, table: str, stamp: date, **values: Any) -> dict[str, Any]:
        moment = self._moments.get(stamp)
        if moment is None:
            moment = self._moments[stamp] = datetime.combine(stamp, time(9), UTC).isoformat()
        row = self.defaults[table].copy()
        row["id"] = self.uuid()
        row["created_at"] = row["updated_at"] = moment
        row["version"] = 1
        encode, plain = exchange._encode, exchange._PLAIN
        for k, v in values.items():
            row[k] = v if type(v) in plain else encode(v)
        return row


class _PatientMaker:
    # Catalog entries by code, set by the generator after construction.
    templates: dict[str, dict[str, Any]]
    drugs: dict[str, dict[str, Any]]

    def __init__(
        self,
        rng: random.Random,
        rows: _Rows,
        anchor: date,
        staff: dict[str, str],
        workup_types: list[str],
        settings: dict[str, float],
    ) -> None:
        self.rng, self.rows, self.anchor, self.staff = rng, rows, anchor, staff
        self.workup_types = workup_types
        self.settings = settings

    def person(self, n: int) -> dict[str, Any]:
        rng = self.rng
        sex = rng.choice(("male", "male", "female", "female", "male", "unknown") if n % 97 == 0 else ("male", "female"))
        if rng.random() < 0.6:
            fam = rng.choice(list(ZH_FAMILY))
            given = "".join(rng.sample(list(ZH_GIVEN), rng.choice((1, 2))))
            names = dict(
                family_name=ZH_FAMILY[fam],
                given_name="".join(ZH_GIVEN[c] for c in given).capitalize(),
                name_zh=fam + given,
                language="zh_CN",
            )
        else:
            names = dict(
                family_name=rng.choice(EN_FAMILY),
                given_name=rng.choice(EN_GIVEN.get(sex, EN_GIVEN["male"])),
                name_zh="",
                language="en",
            )
        birth = self.anchor - timedelta(days=rng.randint(38 * 365, 82 * 365))
        phone = (
            f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}"
            if names["name_zh"]
            else f"07{rng.randint(100_000_000, 999_999_999)}"
        )
        return dict(mrn=f"DEMO{n:06d}", sex=sex, birth_date=birth, phone=phone, **names)

    def patient(self, n: int) -> dict[str, Any]:
        rng, anchor = self.rng, self.anchor
        p = self.person(n)
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
            address=f"{rng.randint(1, 300)} {'Renmin Road' if p['name_zh'] else 'High Street'}",
            caregiver_name=("Spouse of " + p["given_name"]) if rng.random() < 0.8 else "",
            caregiver_phone="",
            caregiver_relation="spouse",
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
        records: dict[str, list[dict[str, Any]]] = {t: [] for t in exchange.RECORD_TABLES}
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
        return {"patient": row, "records": records}

    def add(self, ctx: dict[str, Any], table: str, stamp: date, **values: Any) -> dict[str, Any]:
        row = self.rows.make(table, stamp, patient_id=ctx["pid"], **values)
        ctx["records"][table].append(row)
        return row

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
                    self.add(ctx, "milestone", on, kind=kind, occurred_on=on, note=MILESTONE_NOTES[kind])
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
                    message=s.message,
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

    def dose(self, ctx: dict[str, Any], code: str) -> str:
        """A typed dose, or else the catalog default, in the patient's language as
        medications.default_dose chooses it for a prescription left blank."""
        zh = ctx["language"] == "zh_CN"
        if code in TYPED_DOSES:
            return TYPED_DOSES[code][zh]
        drug = self.drugs[code]
        return (zh and drug["default_dose_zh"]) or drug["default_dose"] or "as directed"

    def medications(self, ctx: dict[str, Any]) -> None:
        rng, start = self.rng, ctx["diagnosis"]
        if rng.random() < 0.75:
            course = self.add(
                ctx,
                "medication",
                start,
                drug_code="riluzole",
                dose=self.dose(ctx, "riluzole"),
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
                dose=self.dose(ctx, "tofersen"),
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
                    dose=self.dose(ctx, code),
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
                    message=stop.message,
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
            dose=self.dose(ctx, therapy.EDARAVONE_IV),
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
            self.add(ctx, "therapy_session", begun, plan_id=plan["id"], scheduled_on=day, status=status, note="")

    def therapy(self, ctx: dict[str, Any]) -> None:
        rng = self.rng
        for discipline, title, staff, interval in (
            ("physiotherapy", "Stretching and range of motion", "spatel", 14),
            ("speech_language_therapy", "Swallow and communication review", "yzhao", 28),
            ("dietetics", "Nutrition review", "rhughes", 42),
        ):
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
                title=title,
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
                self.add(ctx, "therapy_session", start, plan_id=plan["id"], scheduled_on=d, status=status, note="")

    def referrals(self, ctx: dict[str, Any]) -> None:
        rng = self.rng
        services = [
            ("respiratory_medicine", "Respiratory assessment and NIV discussion"),
            ("gastroenterology", "Gastrostomy assessment"),
            ("palliative_care", "Advance care planning and symptom control"),
            ("occupational_therapy", "Home adaptations and wheelchair assessment"),
        ]
        if ctx["family_history"]:  # the referral's reason must agree with the recorded history
            services.append(("genetics_counselling", "Family history: genetic counselling"))
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
                to_facility=rng.choice(("County Hospital", "Regional Medical Centre", "University Hospital")),
                to_person="",
                reason=reason,
                urgency=urgency,
                requested_service="Assessment",
                questions="",
                status=status,
                sent_on=sent,
                follow_up_on=follow,
                appointment_on=reply + timedelta(days=14) if status == "scheduled" and reply else None,
                reply_on=reply,
                findings="Seen; plan agreed" if status == "completed" else "",
                recommendations="",
                staff_id=self.staff["wxu"],
            )
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
            {k: exchange._encode(v) for k, v in event.items()} for event in programs.implied_events([e])
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
            topic="Understanding ALS and the care team",
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
                topic="Non-invasive ventilation",
                text="Discussed NIV options with patient and family; decision to trial at night when indicated.",
                staff_id=self.staff["lchen"],
            )


# The clinic's mix (the record counts per patient follow from these; bench/README.md lists them).
# Most diagnosed patients arrive from their neurologist with the diagnostic workup already done.
DIAGNOSED_ELSEWHERE = 0.65
WORKUP_PATH_STUDY = ("ordered", "scheduled", "performed", "resulted", "reviewed")
WORKUP_PATH_SAMPLE = ("ordered", "performed", "resulted", "reviewed")
# Referrals per diagnosed patient (0, 1, 2, 3) and their weights.
REFERRAL_COUNTS = ((0, 1, 2, 3), (45, 35, 15, 5))
# ALSFRS-R points a palliative patient has lost by the anchor at least (a total of 24 or less).
PALLIATIVE_LOSS = 24
# Share of diagnosed and palliative patients on each therapy plan and program at a time.
THERAPY_SHARE = 0.2
# Doses the demo's prescribers typed rather than left to the catalog default, in English and Chinese:
# each patient's are in their own language, as their handout prints them.
TYPED_DOSES = {
    "tofersen": ("100 mg intrathecal", "100 mg 鞘内注射"),
    "baclofen": ("10 mg three times daily", "10 mg，每日三次"),
}
PROGRAM_SHARE = (("daily_routine", 0.15), ("respiratory_home", 0.06), ("low_glutamate_diet", 0.02))
# Share of enrolled patients who did the same program earlier, and how many days earlier it started.
PROGRAM_REPEAT = 0.3
PROGRAM_REPEAT_DAYS = (60, 150)
# Share of patients on NIV given the respiratory home-monitoring program (its ventilator item is theirs).
RESPIRATORY_PROGRAM_ON_NIV = 0.5
# Share of patients with lung disease (the patient's flag the SpO2 rule reads).
LUNG_DISEASE_SHARE = 0.1
# FVC percentage points lost per ALSFRS-R point lost: the range patients are drawn from.
FVC_PER_POINT = (0.9, 2.2)
# Chance that a visit falls during a chest infection (FVC and SNIP down for a while; an NG42 symptom).
CHEST_INFECTION = 0.04
MILESTONE_NOTES = {"gastrostomy": "Gastrostomy placed", "niv": "Nocturnal NIV started"}
# Riluzole ALT results: the share of patients whose liver reacts to it, the share of results above
# the upper limit of normal for the others and for them (after a normal result, after a raised one),
# and the share at 5 x ULN or more (riluzole is then stopped).
ALT_SENSITIVE_SHARE = 0.15
ALT_RAISED_SHARE = {False: (0.05, 0.3), True: (0.5, 0.85)}
ALT_STOP_SHARE = 0.006
ALT_UPPER_LIMIT = 40.0
# Edaravone IV courses (with their infusion sessions) among the diagnosed.
EDARAVONE_IV_SHARE = 0.05

# Patients per import batch in load_demo: memory stays flat however large the clinic.
CHUNK = 1000


def _demo_parts(
    *, patients: int, seed: int, anchor: date | None, existing_staff: dict[str, uuid.UUID] | None
) -> tuple[list[dict[str, Any]], Iterator[dict[str, Any]]]:
    """Staff rows to create, and the patient documents one by one (generated lazily, same sequence)."""
    rng = random.Random(seed)
    anchor = anchor or date.today()
    existing_staff = existing_staff or {}
    rows = _Rows(rng, anchor)
    staff_rows = [
        rows.make("staff", anchor - timedelta(days=400), username=u, display_name=n, discipline=d, role=r, active=True)
        for u, n, d, r in STAFF
    ]
    # Ids as export text: every row that refers to a staff member carries it as is.
    staff_ids = {r["username"]: str(existing_staff.get(r["username"], r["id"])) for r in staff_rows}
    staff_rows = [r for r in staff_rows if r["username"] not in existing_staff]
    maker = _PatientMaker(
        rng,
        rows,
        anchor,
        staff_ids,
        [w["code"] for w in load_resource("workup_types.json")],
        {k: s.default for k, s in SPECS.items()},
    )
    maker.templates = {t["code"]: t for t in load_resource("programs.json")}
    maker.drugs = {d["code"]: d for d in load_resource("drugs.json")}
    return staff_rows, (maker.patient(n) for n in range(1, patients + 1))


# From this size on the clinic is generated in a second process while this one imports (the
# two overlap on a multi-core machine); smaller ones are not worth the process start (~0.5 s).
PARALLEL_FROM = 3 * CHUNK


def _generate(out: Any, patients: int, seed: int, anchor: date, existing_staff: dict[str, uuid.UUID]) -> None:
    """The generating process: staff rows, then chunks of CHUNK patient documents, then the end.

    Sent from this thread through a plain pipe (no queue feeder thread: the two threads fought over
    the GIL at every 64 KiB pipe write, which made the generator ~50 % slower).
    """
    gc.disable()  # this process only builds acyclic rows (see exchange.without_cycle_collector)
    try:
        staff_rows, docs = _demo_parts(patients=patients, seed=seed, anchor=anchor, existing_staff=existing_staff)
        out.send_bytes(pickle.dumps(("staff", staff_rows), pickle.HIGHEST_PROTOCOL))
        while chunk := list(itertools.islice(docs, CHUNK)):
            out.send_bytes(pickle.dumps(("patients", chunk), pickle.HIGHEST_PROTOCOL))
        out.send_bytes(pickle.dumps(("end", None)))
    except BrokenPipeError:
        pass  # the importing process gave up
    except Exception as err:  # reported by the importing process as one line
        out.send_bytes(pickle.dumps(("error", f"{type(err).__name__}: {err}")))


def _receive(inbox: Any, proc: Any) -> tuple[str, Any]:
    while not inbox.poll(1):
        if not proc.is_alive() and not inbox.poll(0):
            raise DomainError("The process generating the demo clinic stopped; nothing was saved.")
    try:
        kind, value = pickle.loads(inbox.recv_bytes())
    except EOFError:
        raise DomainError("The process generating the demo clinic stopped; nothing was saved.") from None
    if kind == "error":
        raise DomainError("Generating the demo clinic failed ({reason}); nothing was saved.", reason=value)
    return kind, value


@contextmanager
def _generated(
    *, patients: int, seed: int, anchor: date, existing_staff: dict[str, uuid.UUID]
) -> Iterator[tuple[list[dict[str, Any]], Iterator[list[dict[str, Any]]]]]:
    """Staff rows to create and the patient documents in chunks of CHUNK: the same clinic either way."""
    if patients < PARALLEL_FROM or getattr(sys, "frozen", False):
        staff_rows, docs = _demo_parts(patients=patients, seed=seed, anchor=anchor, existing_staff=existing_staff)
        yield staff_rows, iter(lambda: list(itertools.islice(docs, CHUNK)), [])
        return
    # "spawn", not fork: the caller may be the GUI, with Qt and database threads running.
    mp = multiprocessing.get_context("spawn")
    inbox, outbox = mp.Pipe(duplex=False)  # the next chunk is made while this one is imported
    proc = mp.Process(target=_generate, args=(outbox, patients, seed, anchor, existing_staff), daemon=True)
    proc.start()
    outbox.close()  # the child's end: EOF here if the child dies
    try:
        _kind, staff_rows = _receive(inbox, proc)

        def chunks() -> Iterator[list[dict[str, Any]]]:
            while (got := _receive(inbox, proc))[0] == "patients":
                yield got[1]

        yield staff_rows, chunks()
    finally:
        if proc.is_alive():
            proc.kill()  # the import failed or was cancelled: stop generating
        proc.join()
        inbox.close()


def demo_document(
    *,
    patients: int,
    seed: int = 1,
    anchor: date | None = None,
    existing_staff: dict[str, uuid.UUID] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """An export document holding a synthetic clinic of `patients` patients.

    Staff whose user name is in `existing_staff` are referred to, not created again.
    """
    staff_rows, docs_iter = _demo_parts(patients=patients, seed=seed, anchor=anchor, existing_staff=existing_staff)
    docs = []
    for n, doc in enumerate(docs_iter, 1):
        docs.append(doc)
        if progress and n % 500 == 0:
            progress(n, patients)
    return {"format": exchange.FORMAT, "version": exchange.VERSION, "staff": staff_rows, "patients": docs}


FIRST_ANCHOR = date(1985, 1, 1)


@requires("import")
def load_demo(
    *,
    session: Session,
    patients: int,
    seed: int = 1,
    anchor: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> exchange.ImportResult:
    """Fill an empty database with a synthetic clinic; refuses a database that holds patients.

    The clinic is the one demo_document() describes, imported in batches of CHUNK patients
    within the caller's one transaction, so memory does not grow with the clinic.
    """
    day = anchor or date.today()
    # Its patients are born up to 82 years before the day, and what they went through (visits,
    # diagnoses) is entered as it is by hand: nothing after today.
    if not FIRST_ANCHOR <= day <= date.today():
        raise DomainError(
            "A demo clinic is dated from {first} to today ({today}), not {day}.",
            first=FIRST_ANCHOR,
            today=date.today(),
            day=day,
        )
    if session.scalar(sa.select(Patient.id).limit(1)) is not None:
        raise DomainError(
            "This database already holds patients; demo data goes only into an empty database "
            "(choose another file with --database)."
        )
    if not 1 <= patients <= 1_000_000:
        raise DomainError("The number of demo patients must be from 1 to 1,000,000.")
    existing = dict(session.execute(sa.select(Staff.username, Staff.id)).all())
    done = records = 0
    generated = _generated(patients=patients, seed=seed, anchor=day, existing_staff=existing)
    with exchange.without_cycle_collector(), generated as (staff_rows, chunks):
        new_staff = len(staff_rows)
        for chunk in chunks:
            doc = {"format": exchange.FORMAT, "version": exchange.VERSION, "staff": staff_rows, "patients": chunk}
            result = exchange.import_document(session=session, document=doc)
            records += result.records
            done += len(chunk)
            staff_rows = []  # created with the first batch; later batches refer to them
            if progress:
                progress(done, patients)
    from alsdesk.services import clinic

    if clinic.get_clinic(session=session) is None:
        clinic.save_clinic(
            session=session,
            name="Demo ALS Clinic 示范渐冻症门诊",
            address="1 Demo Road, Boao, Hainan",
            phone="+86 898 0000 0000",
        )
    return exchange.ImportResult(patients=done, records=records, staff=new_staff)


# One demo account per role; the passwords are public (README), so demo databases only.
DEMO_ADMIN = "admin"
DEMO_ACCOUNTS = {
    "admin": ("administrator", "demo-admin-2026"),
    "lchen": ("clinician", "demo-clinician-2026"),
    "wxu": ("coordinator", "demo-coordinator-2026"),
    "viewer": ("read_only", "demo-viewer-2026"),
}


def create_demo_accounts(*, session: Session) -> dict[str, tuple[str, str]]:
    """Give the demo staff passwords so each role can sign in; only where no account exists yet."""
    from alsdesk.services import accounts

    if accounts.has_accounts(session=session):
        return {}
    return _demo_passwords(session)


def load_demo_clinic(
    *,
    session: Session,
    patients: int,
    seed: int = 1,
    anchor: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[exchange.ImportResult, dict[str, tuple[str, str]]]:
    """A demo clinic on a database with no accounts: its administrator account is made first (the
    first account needs nobody signed in), the clinic is loaded as that administrator, and every
    demo role gets its password, all in the caller's one transaction. Returns the accounts made."""
    from alsdesk.services import accounts

    if accounts.has_accounts(session=session):
        raise DomainError("This database has staff accounts; sign in as an administrator to load demo data.")
    if session.scalar(sa.select(Patient.id).limit(1)) is not None:
        raise DomainError(
            "This database already holds patients; demo data goes only into an empty database "
            "(choose another file with --database)."
        )
    role, password = DEMO_ACCOUNTS[DEMO_ADMIN]
    admin = accounts.create_account(
        session=session, username=DEMO_ADMIN, display_name="Clinic Administrator", role=role, password=password
    )
    session.info["actor"] = Actor(admin.username, admin.id, admin.role)
    result = load_demo(session=session, patients=patients, seed=seed, anchor=anchor, progress=progress)
    return result, _demo_passwords(session)


def _demo_passwords(session: Session) -> dict[str, tuple[str, str]]:
    from alsdesk.services import accounts

    made = {}
    for username, (role, password) in DEMO_ACCOUNTS.items():
        row = session.scalar(sa.select(Staff).where(Staff.username == username, Staff.role == role))
        if row is not None:
            row.password_hash = accounts.hasher().hash(password)
            made[username] = (role, password)
    return made
