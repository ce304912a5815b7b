"""Small competition-day data for the sheet tests (and the sheet screenshots): Chinese
names and employers, real ID numbers, a draw made by the rules. Holds no tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from skillscore.reports.daydata import (
    AppealEntry, AppealsData, CheckinData, CheckinPerson, DrawData, DrawEntry, KeyData, KeyEntry, MarkChange,
    ScoreModule, ScoreSheetsData, ScoreUnit, Sitting,
)
from skillscore.rules.draw import draw
from skillscore.rules.eligibility import check_character

SITTING = Sitting("快递员", 29, "prelim", "东城区初赛组委会", "2025-09-20")
TEAM_SITTING = Sitting("城市轨道交通列车司机", 9, "final", "市总工会决赛组委会", "2025-11-20", team_event=True)
SEED = "示例"


def id_number(k: int) -> str:
    first17 = f"11010119{80 + k % 20:02d}0{1 + k % 9}1{k % 10}{k % 100:02d}{k % 10}"
    return first17 + check_character(first17)


PEOPLE = [("A001", "张三", "北京顺丰速运有限公司东城分部"), ("A002", "李四", "中国邮政集团有限公司北京市分公司"),
          ("A003", "王五", "京东物流"), ("A004", "欧阳娜娜", "圆通速递北京分公司朝阳区第三营业部（望京）"),
          ("A005", "赵六", "申通快递")]
IDS = {no: id_number(k) for k, (no, _, _) in enumerate(PEOPLE, start=1)}
CODES = {"A001": "0472", "A002": "1938", "A003": "0051", "A004": "7730", "A005": "5306"}


def seats(keys=None, stations: int = 2) -> dict[str, tuple[int, int]]:
    keys = keys or [no for no, _, _ in PEOPLE]
    return {s.key: (s.session, s.station) for s in draw(SEED, keys, stations)}


def checkin_data(drawn: bool = True) -> CheckinData:
    where = seats() if drawn else {}
    return CheckinData(SITTING, [CheckinPerson(no, name, IDS[no], unit, session=where.get(no, (None, None))[0],
                                               station=where.get(no, (None, None))[1]) for no, name, unit in PEOPLE])


def many_people(n: int) -> list[CheckinPerson]:
    return [CheckinPerson(f"B{k:03d}", f"选手{k:03d}", id_number(k), f"北京市第{k}建筑工程有限公司") for k in range(1, n + 1)]


def draw_data(seed: str | None = SEED) -> DrawData:
    where = seats()
    entries = [DrawEntry(no, *where[no], name=name, unit=unit,
                         note="3号工位设备故障，调至备用工位" if no == "A005" else "") for no, name, unit in PEOPLE]
    return DrawData(SITTING, seed, 2, entries, remarks=["第 2 次抽签：首次抽签漏列 A005（裁判长口令确认）"])


def score_data(sealed: bool = True, judges: int = 3, modules=(("实操", 70), ("答辩", 30))) -> ScoreSheetsData:
    where = seats()
    units = [ScoreUnit(CODES[no] if sealed else no, *where[no]) for no, _, _ in PEOPLE]
    return ScoreSheetsData(SITTING, sealed, units, judges=judges,
                           modules=[ScoreModule(name, Decimal(top)) for name, top in modules])


def key_data(printing: int = 1) -> KeyData:
    return KeyData(SITTING, [KeyEntry(CODES[no], no, name) for no, name, _ in PEOPLE], printing=printing)


def appeals_data(sealed: bool = False) -> AppealsData:
    return AppealsData(SITTING, [
        AppealEntry(2, "A004", "选手本人", "2025-09-20T19:05:00+08:00", True, "理论成绩复核", part="theory",
                    name="欧阳娜娜", decision="rejected", reason="逾期提出；经核查成绩无误"),
        AppealEntry(1, "A003", "领队 刘强", dt.datetime(2025, 9, 20, 17, 10), False, "实操计时有误，申请复核",
                    name="王五", decision="upheld", reason="经复核录像，计时器故障少计 2 分钟，予以更正",
                    changes=[MarkChange("A003", "practical", "80.00", "82.50"),
                             MarkChange("A003", "theory", "absent", "61.00")]),
        AppealEntry(3, "A001", "选手本人", dt.datetime(2025, 9, 20, 17, 40), False, "评分标准理解不一致", name="张三"),
    ], sealed=sealed)
