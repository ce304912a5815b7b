"""Small sittings for the competition-day tests (check-in, draw): real files, a fixed clock.
Holds no tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, roster_rows

from support import PIN, run_cli, write_csv

TZ = dt.timezone(dt.timedelta(hours=8))


class Clock:
    """A clock the test moves by hand: 2025-09-20 08:00 +08:00 onwards."""

    def __init__(self):
        self.now = dt.datetime(2025, 9, 20, 8, 0, tzinfo=TZ)

    def __call__(self) -> dt.datetime:
        return self.now

    def later(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


def individual(folder: Path, n: int = 5, *, clock=None, name: str = "day.skillscore") -> Path:
    """A 快递员 prelim of n contestants A001… without marks."""
    path = folder / name
    with Competition.create(path, event_no=29, stage="prelim", committee="东城区初赛组委会", pin=PIN,
                            date="2025-09-20", operator="测试", clock=clock) as comp:
        comp.import_roster(write_csv(folder / f"{name}-roster.csv", ROSTER_HEADER, roster_rows(n, seed=16)))
    return path


def team(folder: Path, teams: int = 3, *, clock=None) -> Path:
    """The team event (no. 9, two per team): teams 一队, 二队, 三队 … of A001/A002, A003/A004 …"""
    path = folder / "team.skillscore"
    names = ["一队", "二队", "三队", "四队", "五队"][:teams]
    rows = [r + [names[i // 2]] for i, r in enumerate(roster_rows(2 * teams, seed=9))]
    with Competition.create(path, event_no=9, stage="final", committee="市总工会决赛组委会", pin=PIN,
                            date="2025-11-20", operator="测试", clock=clock) as comp:
        comp.import_roster(write_csv(folder / "team-roster.csv", ROSTER_HEADER + ["团队"], rows))
    return path


def open_file(path: Path, clock=None) -> Competition:
    return Competition(path, operator="检录员", clock=clock)


def ok(*args) -> str:
    """Run the command, which must succeed; its output."""
    out = run_cli(*args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def pdf_text(path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() for p in pdf.pages)
