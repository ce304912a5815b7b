"""The 31 events of 2025 (resources/catalog/events-2025.csv), with their standards' levels."""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

from .errors import UsageError
from .messages import register
from .system.paths import resources_dir

LEVEL_NAMES = {
    1: ("一级/高级技师", "Level 1 / Senior technician"),
    2: ("二级/技师", "Level 2 / Technician"),
    3: ("三级/高级工", "Level 3 / Senior worker"),
    4: ("四级/中级工", "Level 4 / Intermediate worker"),
    5: ("五级/初级工", "Level 5 / Junior worker"),
}

register(
    {
        "unknown_event": (
            "没有编号为 {no} 的竞赛项目（2025年共 1–31 项）",
            "There is no event number {no} (the 2025 events are numbered 1–31)",
        ),
    }
)


class Event(NamedTuple):
    """One event of the catalogue (a row of events-2025.csv): host, name, team size and its standard's levels."""

    no: int
    host: str
    name: str
    certified: bool
    team_size: int
    levels: tuple[int, ...]
    note: str = ""


def _parse_levels(text: str) -> tuple[int, ...]:
    return tuple(sorted(int(x) for x in text.replace("，", ",").split(",") if x.strip()))


@lru_cache(maxsize=1)
def events() -> dict[int, Event]:
    path = resources_dir() / "catalog" / "events-2025.csv"
    with open(path, encoding="utf-8", newline="") as f:
        result = {}
        for row in csv.DictReader(f):
            no = int(row["no"])
            result[no] = Event(
                no=no,
                host=row["host"],
                name=row["name"],
                certified=row["certified"] == "1",
                team_size=int(row["team_size"]),
                levels=_parse_levels(row["levels"]) or (1, 2, 3, 4, 5),
                note=row.get("note") or "",
            )
    return result


def event(no: int) -> Event:
    try:
        return events()[int(no)]
    except (KeyError, ValueError):
        raise UsageError("unknown_event", no=no) from None


def level_name(level: int, lang: str = "zh") -> str:
    zh, en = LEVEL_NAMES[level]
    return en if lang == "en" else zh
