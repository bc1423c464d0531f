"""Time a spreadsheet patient list previewed into an empty clinic (issue 14 item 5: 20,000 rows
under 2 s): read + map + check + duplicates, beside its floor, python-calamine reading the file.

    PYTHONPATH=. python bench/bench_spreadsheet.py [--rows 20000] [--repeat 5]

The first run also loads pypinyin's dictionaries (some 0.3 s), as every `alsdesk import-patients`
does; the median is of runs after it. The list is synthetic (generated here, seeded): MRNs, names in Chinese and pinyin, dates, phones
as text and as numbers Excel kept, one row in 50 with a phone that repeats another row's.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

FAMILY = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("赵", "Zhao")]
# Given-name characters enough for most rows' names to differ (as a real list's do): 60 × 60 × 7.
GIVEN = list(
    zip(
        "伟芳娜敏静磊洋丽强军杰涛明超秀霞平刚桂英华玉兰建国志红梅林海燕云飞鹏辉晶雪琳凯亮宇浩然欣怡佳慧子涵梓萱俊博文轩思雨晨阳天佑",
        "wei fang na min jing lei yang li qiang jun jie tao ming chao xiu xia ping gang gui ying hua yu lan jian guo "
        "zhi hong mei lin hai yan yun fei peng hui jing xue lin kai liang yu hao ran xin yi jia hui zi han zi xuan jun "
        "bo wen xuan si yu chen yang tian you".split(),
        strict=True,
    )
)
HEADERS = ["MRN", "姓", "名", "中文名", "性别", "出生日期", "电话", "地址"]


def write_list(path: Path, rows: int, seed: int = 1) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Patients")
    sheet.append(HEADERS)
    for i in range(rows):
        (fz, fp), (gz, gp), (gz2, gp2) = rng.choice(FAMILY), rng.choice(GIVEN), rng.choice(GIVEN)
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 50))
        phone: object = 13000000000 + rng.randrange(10**9) if i % 50 else 13900000000
        sheet.append(
            [float(100000 + i), fp, gp + gp2.lower(), fz + gz + gz2, rng.choice(("男", "女")), born, phone, "某市某路"]
        )
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from python_calamine import CalamineWorkbook

    from alsdesk.app import open_clinic, spreadsheet
    from alsdesk.exchange.spreadsheet.checking import pinyin
    from alsdesk.services.access import Actor

    tmp = Path(tempfile.mkdtemp(prefix="alsdesk-bench-sheet-"))
    db = open_clinic(f"sqlite:///{tmp / 'bench.sqlite3'}")
    db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
    try:
        path = tmp / "patients.xlsx"
        write_list(path, args.rows)
        floor, whole, cpu = [], [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            with CalamineWorkbook.from_path(str(path)) as book:
                cells = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
            floor.append(time.perf_counter() - start)
            assert len(cells) == args.rows + 1
            pinyin.cache_clear()  # each run converts its names afresh, as a new list would
            start, start_cpu = time.perf_counter(), time.process_time()
            with db.read() as s:
                found = spreadsheet.preview_file(session=s, path=path)
            whole.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            assert len(found.rows) == args.rows and not found.problems
        read, preview = statistics.median(floor), statistics.median(whole)
        print(
            f"{args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB xlsx, {len(found.duplicates):,} possible duplicates"
        )
        print(f"floor (calamine reads the sheet): median {read:.2f} s")
        print(
            f"preview (read + map + check + duplicates, empty clinic): median {preview:.2f} s ({preview / read:.1f}x), "
            f"{statistics.median(cpu):.2f} s CPU"
        )
        print(f"first run, loading pypinyin's dictionaries as a command does: {whole[0]:.2f} s")
        print(f"target 2 s: {'met' if preview < 2 else 'MISSED'}")
    finally:
        db.dispose()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
