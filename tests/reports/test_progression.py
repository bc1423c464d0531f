"""ΔFS at diagnosis and the latest slope, each labelled, read back from the printed documents.

The fixture patient: onset 2025-01-01, diagnosed 2025-06-01; ALSFRS-R 41 on 2025-07-01 (30 days
after diagnosis: ΔFS (48 − 41) / (181 / 30.4375) = 1.18, fast) and 38 on 2025-08-20 (slope
3 points in 50 days = 1.83 points lost per month)."""

from __future__ import annotations

import re
from datetime import date

from alsdesk.services.printing import PrintOptions, summary_data
from alsdesk.services.printing_sheets import visit_data
from tests.reports.conftest import PRINT_DAY, pdf_text

OPTS = PrintOptions(lang="en", printed_on=PRINT_DAY)


def test_summary_prints_delta_fs_at_diagnosis_and_the_latest_slope(db, rich):
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=rich.patient_id, options=OPTS)
    text = pdf_text(summary_pdf(data, invariant=True)).replace("\n", " ")
    assert "ΔFS at diagnosis 1.18 points/month (fast; assessed 2025-07-01)" in text
    assert "Latest slope 1.83 points lost per month (2025-07-01 → 2025-08-20)" in text


def test_summary_in_chinese_labels_both_in_chinese(db, rich):
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=rich.patient_id, options=PrintOptions(lang="zh_CN"))
    text = pdf_text(summary_pdf(data, invariant=True)).replace("\n", " ")
    assert "确诊时 ΔFS" in text and "每月 1.18 分（快；评估日期 2025-07-01）" in text
    assert "最近斜率" in text and "每月下降 1.83 分（2025-07-01 → 2025-08-20）" in text
    # Outside the alerts: an alert's own text is still stored in English (the documents issue words it).
    text = re.sub("未处理的提醒.*?(?=诊断 状态)", "", text)
    assert "points" not in text and "slope" not in text.lower()


def test_without_an_assessment_near_diagnosis_none_is_stated(db, rich):
    from alsdesk.reports.visit import visit_pdf
    from alsdesk.services import patients

    with db.write() as s:  # diagnosed 31 days before the first visit: no ΔFS at diagnosis
        patients.update_patient(session=s, patient_id=rich.patient_id, diagnosis_date=date(2025, 5, 31))
    with db.read() as s:
        data = visit_data(session=s, patient_id=rich.patient_id, assessed_on=date(2025, 7, 1), options=OPTS)
    text = pdf_text(visit_pdf(data, invariant=True)).replace("\n", " ")
    assert "ΔFS at diagnosis none (no assessment within 30 days of diagnosis)" in text
    assert "Latest slope none (fewer than two scored visits)" in text  # as of that visit
