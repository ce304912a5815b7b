"""Time read_table on a 10,000-row roster xlsx, as a registration site would export it.

Run: python benchmarks/bench_read_xlsx.py [ROWS]
The whole roster import should take under 3 s, so reading the file should stay well
under 2 s. Prints the best of three runs in seconds.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from skillscore.demo import ROSTER_HEADER  # noqa: E402
from skillscore.io.columns import ROSTER_COLUMNS, ROSTER_REQUIRED  # noqa: E402
from skillscore.io.tables import read_table  # noqa: E402
from skillscore.rules.eligibility import check_character  # noqa: E402

# The importer's own headers, so the benchmark reads exactly what a roster import reads.
HEADERS = ROSTER_HEADER
COLUMNS = ROSTER_COLUMNS
REQUIRED = ROSTER_REQUIRED


def write_roster(path: Path, rows: int, *, streamed: bool = False) -> None:
    """The normal writer stores strings once (shared strings) with a <dimension>, as Excel
    and WPS do. ``streamed`` (openpyxl's write-only mode, like many web exporters) writes
    inline strings and no <dimension>, which makes read-only openpyxl scan the sheet twice:
    the slow case."""
    rng = random.Random(2025)
    book = openpyxl.Workbook(write_only=streamed)
    if streamed:
        ws = book.create_sheet("报名表")
    else:
        ws = book.active
        ws.title = "报名表"
    ws.append(["2025年北京市职工职业技能大赛 报名信息导出"])
    ws.append(HEADERS)
    for i in range(rows):
        birth = dt.date(1966, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365))
        sex_digit = rng.randrange(10)
        first17 = f"110{rng.randrange(100, 999)}{birth:%Y%m%d}{rng.randrange(10, 99)}{sex_digit}"
        woman = sex_digit % 2 == 0
        ws.append([
            f"A{i + 1:05d}",
            rng.choice("张王李赵刘陈杨黄") + rng.choice("伟芳娜敏静丽强磊军洋"),
            "女" if woman else "男",
            first17 + check_character(first17),
            birth,
            rng.choice(["女干部", "女工人"]) if woman else None,
            f"北京市第{rng.randrange(1, 300)}快递服务有限公司",
            rng.choice(["是", "否"]),
            f"13{rng.randrange(10**8, 10**9)}",
        ])
    book.save(path)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        for label, streamed in (("Excel-like", False), ("streamed export", True)):
            path = Path(tmp) / f"roster-{streamed}.xlsx"
            write_roster(path, rows, streamed=streamed)
            times = []
            for _ in range(3):
                start = time.perf_counter()
                table = read_table(path, columns=COLUMNS, required=REQUIRED)
                times.append(time.perf_counter() - start)
            assert len(table.rows) == rows, len(table.rows)
            assert not table.numeric_cells & {(3, "id_number")}
            print(f"read_table, {label} file: {rows} rows in {min(times):.3f} s (runs: "
                  + ", ".join(f"{t:.3f}" for t in times) + ")")


if __name__ == "__main__":
    main()
