"""The bundled demo sitting and synthetic rosters for benchmarks.

The demo is a certificate-bearing event (快递员, no. 29) at the prelim with 60
contestants, so a newcomer sees every feature at once: marks still missing, totals split
by the practical mark, an unresolved tie, parts marked 缺考 and stage-wide statuses.
Everything is generated from a fixed seed, so the demo is the same on every machine.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import tempfile
from pathlib import Path

from .actions.competition import Competition
from .rules.eligibility import check_character

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文辉鹏宇浩晨欣雪梅玉兰海波斌峰亮新春云飞凤琳"
UNITS = [
    "中国邮政集团有限公司北京市分公司",
    "顺丰速运（北京）有限公司",
    "北京京东物流有限公司",
    "北京市燃气集团有限责任公司",
    "北京公共交通控股（集团）有限公司",
    "国网北京市电力公司",
    "北京城建集团有限责任公司",
    "北京首都开发控股（集团）有限公司",
    "北京汽车集团有限公司",
    "北京金隅集团股份有限公司",
    "中铁电气化局集团北京建安工程有限公司第三分公司（北京市丰台区）",
]
REGIONS = ["110101", "110102", "110105", "110106", "110108", "110111", "110112", "130102", "370102"]
ROSTER_HEADER = ["编号", "姓名", "性别", "身份证号", "出生日期", "人员类别", "工作单位", "互助服务卡", "联系电话"]


def make_id(rng: random.Random, birth: dt.date, male: bool) -> str:
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_character(first17)


def roster_rows(count: int, *, seed: int = 2025, prefix: str = "A") -> list[list[str]]:
    """Valid, eligible contestants: born 1976–2000, women marked 女干部 (no age issue)."""
    rng = random.Random(seed)
    width = max(3, len(str(count)))
    rows = []
    used: set[str] = set()
    for i in range(1, count + 1):
        male = rng.random() < 0.55
        birth = dt.date(1976, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 24))
        id_number = make_id(rng, birth, male)
        while id_number in used:  # ID numbers are unique; a large roster may draw one twice
            id_number = make_id(rng, birth, male)
        used.add(id_number)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        rows.append([
            f"{prefix}{i:0{width}d}", name, "男" if male else "女", id_number,
            birth.isoformat(), "" if male else "女干部", rng.choice(UNITS),
            "是" if rng.random() < 0.6 else "否", f"13{rng.randrange(100000000, 999999999)}",
        ])
    return rows


def mark_rows(nos: list[str], *, seed: int = 2025, missing: int = 0) -> list[list[str]]:
    """Plausible marks; the last ``missing`` contestants have no practical mark yet."""
    rng = random.Random(seed + 1)
    rows = []
    for i, no in enumerate(nos):
        theory = f"{rng.uniform(45, 99):.2f}" if rng.random() > 0.5 else str(rng.randrange(45, 100))
        practical = f"{rng.uniform(45, 99):.2f}"
        if i >= len(nos) - missing:
            practical = ""
        rows.append([no, theory, practical, ""])
    return rows


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


DEMO_PIN = "2468"


def build_demo(path: str | Path, *, operator: str = "演示", date: str = "2025-09-20") -> Path:
    """Create the demo sitting at ``path`` (which must not exist)."""
    path = Path(path)
    comp = Competition.create(path, event_no=29, stage="prelim", committee="东城区初赛组委会",
                              pin=DEMO_PIN, date=date, operator=operator)
    with comp, tempfile.TemporaryDirectory() as tmp:
        rows = roster_rows(60, seed=29)
        comp.import_roster(_write(Path(tmp) / "名单.csv", ROSTER_HEADER, rows))
        nos = [r[0] for r in rows]
        marks = mark_rows(nos, seed=29, missing=3)
        # Equal totals split by practical: 82.00/86.00 → 84.80 and 88.00/83.43 → 84.80 (▲).
        marks[4][1:3] = ["82.00", "86.00"]
        marks[9][1:3] = ["88.00", "83.43"]
        # An unresolved tie: identical totals and practical marks (⚠).
        marks[14][1:3] = ["75.50", "80.00"]
        marks[21][1:3] = ["75.50", "80.00"]
        marks[30][1] = "缺考"  # absent from theory
        marks[40][3] = "弃权"  # withdrawn
        marks[41][1:3] = ["缺考", "缺考"]  # absent from the stage
        comp.import_marks(_write(Path(tmp) / "成绩.csv", ["编号", "理论知识", "技能操作", "状态"], marks))
    return path


def build_large(path: str | Path, count: int, *, stage: str = "prelim", event_no: int = 29,
                missing: int = 0, operator: str = "基准") -> Path:
    """A sitting of ``count`` contestants with marks, for benchmarks."""
    path = Path(path)
    comp = Competition.create(path, event_no=event_no, stage=stage, committee="基准测试组委会",
                              pin=DEMO_PIN, date="2025-09-20", operator=operator)
    with comp, tempfile.TemporaryDirectory() as tmp:
        rows = roster_rows(count, seed=count)
        comp.import_roster(_write(Path(tmp) / "roster.csv", ROSTER_HEADER, rows))
        marks = mark_rows([r[0] for r in rows], seed=count, missing=missing)
        comp.import_marks(_write(Path(tmp) / "marks.csv", ["编号", "理论知识", "技能操作", "状态"], marks))
    return path


PANEL_MODULES = (("实操", 70), ("答辩", 30))
PANEL_JUDGES = 5
HARSH_JUDGE = 4  # marks every contestant well below the others: the statistics flag this judge


def panel_demo_marks(nos: list[str], *, seed: int = 2909) -> list[list[str]]:
    """Judges' marks (编号, 模块, 裁判, 分数) around each contestant's true level.

    Every judge marks within about ±1.5 of the level except judge ``HARSH_JUDGE``, who
    marks about 10% of the module's maximum lower. The last two contestants each miss
    one judge's mark (so their practical mark stays empty), and the third from last is
    absent from the practical part.
    """
    rng = random.Random(seed)
    rows = []
    for i, no in enumerate(nos):
        level = rng.uniform(0.55, 0.95)
        if i == len(nos) - 3:
            rows.append([no, PANEL_MODULES[0][0], "1", "缺考"])
            continue
        for module, maximum in PANEL_MODULES:
            for judge in range(1, PANEL_JUDGES + 1):
                if i >= len(nos) - 2 and module == PANEL_MODULES[i % 2][0] and judge == 2 + i % 2:
                    continue  # not marked yet
                score = maximum * level + rng.uniform(-1.5, 1.5) * maximum / 70
                if judge == HARSH_JUDGE:
                    score -= maximum * rng.uniform(0.08, 0.12)
                rows.append([no, module, str(judge), f"{min(max(score, 0), maximum):.1f}"])
    return rows


def build_panel_demo(path: str | Path, *, operator: str = "演示", date: str = "2025-09-20") -> Path:
    """A demo sitting whose practical part is marked by a panel (RULES.md §11): 快递员
    prelim, 30 contestants, 5 judges, modules 实操 (70) and 答辩 (30), trimmed mean."""
    from decimal import Decimal

    from .rules.panel import Module, PanelScheme

    path = Path(path)
    scheme = PanelScheme(PANEL_JUDGES, "trimmed", tuple(Module(n, Decimal(m)) for n, m in PANEL_MODULES))
    comp = Competition.create(path, event_no=29, stage="prelim", committee="东城区初赛组委会",
                              pin=DEMO_PIN, date=date, operator=operator, panel=scheme)
    with comp, tempfile.TemporaryDirectory() as tmp:
        rows = roster_rows(30, seed=2909)
        comp.import_roster(_write(Path(tmp) / "名单.csv", ROSTER_HEADER, rows))
        nos = [r[0] for r in rows]
        theory = [[no, t] for no, t, _, _ in mark_rows(nos, seed=2909)]
        comp.import_marks(_write(Path(tmp) / "理论.csv", ["编号", "理论知识"], theory))
        comp.import_panel_marks(_write(Path(tmp) / "裁判评分.csv", ["编号", "模块", "裁判", "分数"],
                                       panel_demo_marks(nos)))
    return path


def build_sealed_demo(path: str | Path, *, operator: str = "演示", date: str = "2025-09-20",
                      marked: int = 40) -> Path:
    """A demo sitting marked under codes (RULES.md §12.3): 快递员 prelim, 60 contestants,
    theory entered by 编号, seats drawn (20 stations, seed 示例), codes sealed, and the
    practical marks of the first ``marked`` seats entered by code."""
    from .rules.draw import draw

    path = Path(path)
    comp = Competition.create(path, event_no=29, stage="prelim", committee="东城区初赛组委会",
                              pin=DEMO_PIN, date=date, operator=operator)
    with comp, tempfile.TemporaryDirectory() as tmp:
        rows = roster_rows(60, seed=29)
        comp.import_roster(_write(Path(tmp) / "名单.csv", ROSTER_HEADER, rows))
        nos = [r[0] for r in rows]
        marks = mark_rows(nos, seed=29)
        comp.import_marks(_write(Path(tmp) / "理论.csv", ["编号", "理论知识"], [[m[0], m[1]] for m in marks]))
        # The seats as the draw of RULES.md §12.2 gives them; the competition-day actions
        # (issue 16) record a draw the same way, in draw_seats.
        with comp.store.transaction():
            comp.store.db.conn.executemany("INSERT INTO draw_seats(unit, session, station) VALUES (?,?,?)",
                                           [tuple(seat) for seat in draw("示例", nos, 20)])
            # and its settings, as the draw stores them: `draw list` names seed and stations
            for key, value in (("draw_seed", "示例"), ("draw_stations", "20"), ("draw_kind", "seed")):
                comp.store.set_meta(key, value)
        comp.seal_codes(pin=DEMO_PIN)
        practical = {m[0]: m[2] for m in marks}
        code_of = {e.key: e.code for e in comp.codes_key(pin=DEMO_PIN)}
        no_of = {code: no for no, code in code_of.items()}
        for row in comp.coded_rows()[:marked]:
            comp.set_mark(row.code, "practical", practical[no_of[row.code]])
    return path
