"""The demo clinic's mix: how its patients' illness runs and what care they get, as shares and
ranges (the record counts per patient follow from these; bench/README.md lists them)."""

from __future__ import annotations

# Order in which items fall, by onset region: the first region's items weaken first.
REGION_ITEMS = {
    "bulbar": ("1", "2", "3"),
    "upper_limb": ("4", "5", "6"),
    "lower_limb": ("8", "9", "7"),
    "respiratory": ("10", "11", "12"),
}
SPREAD = ("bulbar", "upper_limb", "lower_limb", "respiratory")


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
# What the demo's staff typed, in English and Chinese: each patient's in their own language, as
# their papers print them (a typed text is printed as it was typed).
MILESTONE_NOTES = {
    "gastrostomy": ("Gastrostomy placed", "已置入胃造瘘管"),
    "niv": ("Nocturnal NIV started", "已开始夜间无创通气"),
}
THERAPY_PLANS = (
    ("physiotherapy", ("Stretching and range of motion", "牵伸和活动关节练习"), "spatel", 14),
    ("speech_language_therapy", ("Swallow and communication review", "吞咽和交流复查"), "yzhao", 28),
    ("dietetics", ("Nutrition review", "营养复查"), "rhughes", 42),
)
REFERRAL_REASONS = {
    "respiratory_medicine": ("Respiratory assessment and NIV discussion", "呼吸评估，讨论无创通气"),
    "gastroenterology": ("Gastrostomy assessment", "胃造瘘评估"),
    "palliative_care": ("Advance care planning and symptom control", "预立医疗照护计划和症状控制"),
    "occupational_therapy": ("Home adaptations and wheelchair assessment", "居家改造和轮椅评估"),
    "genetics_counselling": ("Family history: genetic counselling", "有家族史：遗传咨询"),
}
REFERRAL_SERVICE = ("Assessment", "评估")
REFERRAL_FINDINGS = ("Seen; plan agreed", "已就诊，方案已商定")
# Where the booked studies are done (a workup's place), in English and Chinese.
WORKUP_PLACES = {
    "emg": ("Neurophysiology lab, level 2", "神经电生理室（二楼）"),
    "ncs": ("Neurophysiology lab, level 2", "神经电生理室（二楼）"),
    "mri_cervical": ("Imaging department, level 1", "影像科（一楼）"),
}
# Clinic hours: starts on the quarter hour from 08:30 to 16:00, none over lunch (12:00 to 13:00).
CLINIC_STARTS = tuple(
    f"{h:02d}:{m:02d}" for h in range(8, 17) for m in (0, 15, 30, 45) if (8, 30) <= (h, m) <= (16, 0) and h != 12
)


def clinic_time(key: str) -> str:
    """A start time in clinic hours chosen by a row's id (its last digits are random bits drawn
    from the seed): the same seed gives the same times, and the clinic's own draws are untouched."""
    return CLINIC_STARTS[int(key[-8:], 16) % len(CLINIC_STARTS)]


FACILITIES = (
    ("County Hospital", "县医院"),
    ("Regional Medical Centre", "区域医疗中心"),
    ("University Hospital", "大学附属医院"),
)
EDUCATION_TOPICS = {
    "education": ("Understanding ALS and the care team", "认识渐冻症和照护团队"),
    "shared_decision": ("Non-invasive ventilation", "无创通气"),
}
# Riluzole ALT results: the share of patients whose liver reacts to it, the share of results above
# the upper limit of normal for the others and for them (after a normal result, after a raised one),
# and the share at 5 x ULN or more (riluzole is then stopped).
ALT_SENSITIVE_SHARE = 0.15
ALT_RAISED_SHARE = {False: (0.05, 0.3), True: (0.5, 0.85)}
ALT_STOP_SHARE = 0.006
ALT_UPPER_LIMIT = 40.0
# Edaravone IV courses (with their infusion sessions) among the diagnosed.
EDARAVONE_IV_SHARE = 0.05

# Advance care plans (story.care_plan): every palliative or deceased patient has one, and this share
# of the others with NIV or a gastrostomy; this share of plans was revised once. Typed texts (English,
# Chinese), the patient's language choosing.
CARE_PLAN_SHARE = 0.6
CARE_PLAN_REVISED_SHARE = 0.4
CARE_PLAN_WISHES = (
    ("Wants to stay at home with family for as long as possible.", "希望尽可能长时间和家人一起待在家里。"),
    (
        "Wants to be comfortable and free of pain. Visits from the grandchildren matter most.",
        "希望舒适、没有痛苦。孙辈来看望最重要。",
    ),
    (
        "Wants to keep talking with a communication aid for as long as possible.",
        "希望尽可能长时间借助沟通辅助设备与家人交流。",
    ),
)
CARE_PLAN_ADRT = ("No ventilation through a tracheostomy.", "不接受经气管切开的呼吸机通气。")
CARE_PLAN_RELATION = ("Spouse", "配偶")

# NIV settings and gastrostomy details (story.plans): recorded for most milestones, the rest left
# for the plan's blank lines. Pressures a respiratory team starts at (EPAP 4-6, IPAP 12-18 cmH2O).
PLAN_RECORDED_SHARE = 0.8
NIV_MACHINES = ("ResMed Lumis 150 VPAP ST", "Philips DreamStation BiPAP AVAPS", "Yuwell YH-830")
FEEDS = ("Jevity 1.5", "Nutrison Multi Fibre", "Fresubin Energy Fibre", "Ensure Plus")
# (English, Chinese: typed in the patient's language), by pump
FEED_TIMES = (
    (("20:00 to 06:00 by pump", "20:00 至 06:00 用泵"), True),
    (("08:00, 12:00, 17:00 by syringe", "08:00、12:00、17:00 用注射器"), False),
)

# What a letter names besides the illness (story.contacts): a GP, an interpreter, allergies.
GP_SHARE = 0.85
INTERPRETER_SHARE = 0.1
ALLERGY_SHARE = 0.2  # one or two recorded
NO_KNOWN_ALLERGIES_SHARE = 0.45  # confirmed at registration; the rest: not asked yet
ALLERGIES = (
    ("Penicillin", "Rash", "moderate"),
    ("Sulfonamides", "Hives", "mild"),
    ("Latex", "Skin irritation", "mild"),
    ("Codeine", "Nausea and vomiting", "mild"),
    ("Shellfish", "Swelling of the lips and throat", "severe"),
    ("Aspirin", "Wheeze", "moderate"),
)
