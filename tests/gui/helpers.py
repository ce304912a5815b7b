"""Small helpers shared by the GUI tests (kept out of conftest so they can be imported)."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, ROSTER_HEADER, roster_rows

MARKS_HEADER = ["编号", "理论知识", "技能操作", "状态"]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def small_sitting(folder: Path, marks: list[tuple[str, str]], *, stage: str = "prelim", event_no: int = 29,
                  name: str = "small.skillscore") -> Path:
    """A sitting of len(marks) contestants with the given (theory, practical) marks."""
    path = folder / name
    rows = roster_rows(len(marks), seed=7)
    with Competition.create(path, event_no=event_no, stage=stage, committee="测试组委会", pin=DEMO_PIN,
                            date="2025-09-20", operator="测试") as comp:
        comp.import_roster(write_csv(folder / "roster.csv", ROSTER_HEADER, rows))
        comp.import_marks(write_csv(folder / "marks.csv", MARKS_HEADER,
                                    [[r[0], t, p, ""] for r, (t, p) in zip(rows, marks)]))
    return path


def stored(path: Path, no: str):
    """What the file holds for one contestant, read through a fresh connection."""
    with Competition(path) as comp:
        return comp.entries().get(no)


def audit_count(path: Path, *, ignore=("pin_failed",)) -> int:
    with Competition(path) as comp:
        return sum(1 for e in comp.audit_entries() if e.action not in ignore)


def answer_next_dialog(fill) -> None:
    """Fill the next modal dialog as a user would, once it is open."""

    def go():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, go)
            return
        fill(dialog)

    QTimer.singleShot(0, go)


def at_first_frame(window, read, timeout_ms: int = 2000) -> list:
    """What ``read()`` returns once ``window`` has painted the frame it watches for
    (``MainWindow.after_first_frame``: the desk's first, before it reads the rest); the event
    loop runs until then. A list: empty when no frame was painted in time."""
    seen = []
    loop = QEventLoop()
    QTimer.singleShot(timeout_ms, loop.quit)
    window.after_first_frame.extend([lambda: seen.append(read()), loop.quit])
    loop.exec()
    return seen
