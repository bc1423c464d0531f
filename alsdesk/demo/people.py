"""The demo clinic's people: patients' names (Chinese with their pinyin, or English), their
birth dates and phones, and the staff; all made up."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

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
# username, name, discipline, access role, job title in English and Chinese (printed on letters and
# handouts in their language), phone.
STAFF = (
    (
        "lchen",
        "Dr Lin Chen 陈琳",
        "neurology",
        "clinician",
        "Consultant neurologist",
        "神经内科主任医师",
        "+86 898 0000 0101",
    ),
    (
        "jmorgan",
        "Dr Jane Morgan",
        "neurology",
        "clinician",
        "Consultant neurologist",
        "神经内科主任医师",
        "+86 898 0000 0102",
    ),
    (
        "wxu",
        "Xu Wen 徐文",
        "specialist_nursing",
        "coordinator",
        "ALS specialist nurse",
        "渐冻症专科护士",
        "+86 898 0000 0103",
    ),
    (
        "spatel",
        "Sam Patel",
        "physiotherapy",
        "clinician",
        "Neurological physiotherapist",
        "神经康复物理治疗师",
        "+86 898 0000 0104",
    ),
    (
        "yzhao",
        "Zhao Yan 赵燕",
        "speech_language_therapy",
        "clinician",
        "Speech and language therapist",
        "言语及吞咽治疗师",
        "",
    ),
    ("rhughes", "Rachel Hughes", "dietetics", "clinician", "Specialist dietitian", "专科营养师", "+86 898 0000 0106"),
    (
        "hliu",
        "Dr Liu Hai 刘海",
        "respiratory_medicine",
        "clinician",
        "Respiratory physician",
        "呼吸科医生",
        "+86 898 0000 0107",
    ),
    ("kwong", "Kim Wong", "occupational_therapy", "clinician", "Occupational therapist", "日常生活能力训练治疗师", ""),
    ("mgao", "Gao Min 高敏", "psychology", "clinician", "Clinical psychologist", "临床心理治疗师", ""),
    ("tward", "Tom Ward", "social_work", "clinician", "Social worker", "社会工作者", ""),
    ("admin", "Clinic Administrator", "administration", "administrator", "", "", ""),
    ("viewer", "Audit Viewer", "administration", "read_only", "", "", ""),
)


def person(rng: random.Random, anchor: date, n: int) -> dict[str, Any]:
    """The `n`th patient's identity: name, sex, birth date and phone, drawn from `rng`."""
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
    birth = anchor - timedelta(days=rng.randint(38 * 365, 82 * 365))
    phone = (
        f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}"
        if names["name_zh"]
        else f"07{rng.randint(100_000_000, 999_999_999)}"
    )
    return dict(mrn=f"DEMO{n:06d}", sex=sex, birth_date=birth, phone=phone, **names)


# Typed by the clinic's staff in the patient's language, as the family's papers print them.
def home_address(number: int, p: dict[str, Any]) -> str:
    return f"人民路{number}号" if p["name_zh"] else f"{number} High Street"


def spouse_of(p: dict[str, Any]) -> str:
    return f"{p['name_zh']}的配偶" if p["name_zh"] else f"Spouse of {p['given_name']}"
