"""What the competition-day sheets are drawn from (RULES.md §12): plain values the caller
reads from the store, so a sheet module never opens the file and the rules of who may see
what are decided in one place, the caller. Importing this module is cheap (no ReportLab).

Times are given as ``datetime`` (printed "YYYY-MM-DD HH:MM" in their own zone) or as text
(ISO 8601, printed the same way; other text as given). Marks are the strings of
``ranking --json``: "80.00", "absent" or None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence


@dataclass(frozen=True)
class Sitting:
    """The header of every sheet: which event, stage and committee."""

    event: str  # the event's name, e.g. 快递员
    event_no: int
    stage: str  # prelim | semifinal | final
    committee: str
    date: str  # the stage date, YYYY-MM-DD
    team_event: bool = False


# -- 签到表 ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckinPerson:
    """One line of the check-in sheet (in the team event: one member). The full ID number
    is given; the sheet masks it (first 6, last 4)."""

    no: str
    name: str
    id_number: str
    unit: str
    team: str = ""
    session: int | None = None
    station: int | None = None


@dataclass(frozen=True)
class CheckinData:
    """One group of pages per part. Lines are ordered by session, station, then 编号;
    the 场次 and 工位号 columns appear when anyone has been drawn."""

    sitting: Sitting
    people: Sequence[CheckinPerson]
    parts: tuple[str, ...] = ("theory", "practical")


# -- 抽签记录表 ---------------------------------------------------------------------------
@dataclass(frozen=True)
class DrawEntry:
    """One seat of the draw record: a contestant (or team) and the session and station drawn."""

    key: str  # 编号, or the team name in the team event
    session: int
    station: int
    name: str = ""  # the contestant's name, or the members' names of a team
    unit: str = ""
    note: str = ""  # e.g. a move after an equipment failure, in the caller's words


@dataclass(frozen=True)
class DrawData:
    """The draw record (RULES.md §12.2): every seat, the seed (or a draw by hand), and the remarks."""

    sitting: Sitting
    seed: str | None  # None: a draw recorded by hand (printed 手工抽签)
    stations: int
    seats: Sequence[DrawEntry]
    remarks: Sequence[str] = ()  # printed above the signatures (a redo and its reason, moves)


# -- 评分表 ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScoreUnit:
    """A line of a score sheet: the code while sealed, else the 编号 (team name). There is
    no field for a name on purpose: a score sheet never shows one."""

    label: str
    session: int | None = None
    station: int | None = None


@dataclass(frozen=True)
class ScoreModule:
    """A module of the score sheets, with its maximum mark."""

    name: str
    maximum: Decimal


@dataclass(frozen=True)
class ScoreSheetsData:
    """One group of pages per module and judge (modules in order, judges 1..k in each).
    ``modules`` empty: a file without a panel, one sheet for the practical out of 100."""

    sitting: Sitting
    sealed: bool
    units: Sequence[ScoreUnit]
    judges: int = 1
    modules: Sequence[ScoreModule] = ()


# -- 加密对照表 -----------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyEntry:
    """One line of the key sheet: a code and the 编号 (team name) it stands for."""

    code: str
    key: str  # 编号, or the team name
    name: str = ""


@dataclass(frozen=True)
class KeyData:
    """The key sheet (RULES.md §12.3): every code and whom it stands for, and which printing this is."""

    sitting: Sitting
    entries: Sequence[KeyEntry]  # printed in code order
    printing: int = 1  # 2, 3 … for a reprint (which needs the PIN and is audited)


# -- 申诉处理登记表 ---------------------------------------------------------------------------
@dataclass(frozen=True)
class MarkChange:
    """One mark an appeal or a correction changed: whose, which part, the value before and after."""

    no: str
    field: str  # theory | practical
    old: str | None
    new: str | None


@dataclass(frozen=True)
class AppealEntry:
    """One line of the appeals register (RULES.md §12.4): the appeal, whether late, its decision and the changes."""

    id: int
    key: str  # 编号, or the team name
    by: str
    received: dt.datetime | str
    late: bool
    subject: str
    part: str = "practical"
    name: str = ""
    decision: str | None = None  # None (pending), "upheld" or "rejected"
    reason: str = ""
    changes: Sequence[MarkChange] = ()


@dataclass(frozen=True)
class AppealsData:
    """``sealed``: practical marks in the changes print as 已加密，解密后显示.
    ``corrections``: practical marks changed after the reveal outside an appeal (PIN and
    reason, RULES.md §12.3), listed after the appeals; ``decision`` "correction", the
    reason in ``subject``, who changed it in ``by``."""

    sitting: Sitting
    appeals: Sequence[AppealEntry]
    sealed: bool = False
    corrections: Sequence[AppealEntry] = ()


# -- 成绩公示 ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class PublicationData:
    """``results`` is what ``write_report`` takes for the results sheet (a Competition, a
    results document with ``fingerprint``, or a SheetSource); it must be finalised.
    ``appeal_to``: where and how to appeal, in the committee's words."""

    results: Any
    start: dt.date
    appeal_to: str
    days: int = 5
    fingerprint: str | None = None
