"""A patient's chart window: the header with its alert badges, one tab per part of the record
(overview, workups, assessments, therapy, referrals, care programs, notes), the dialogs a chart
opens (edit patient, findings, care team, emergency access, a lost edit race) and the lifecycle steps
its rows take. `data` is what a chart loads in one read; `tab.ChartTab` is the base of every tab."""
