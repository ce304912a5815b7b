"""Screenshots of the hall and record views, offscreen, with the bundled font.

    python -m ui.record_screenshots docs/screenshots

Writes projector-*.png at 1920×1080 (the hall) and statistics-*.png, audit-*.png at
1366×768 (the desk), each kept under 300 KB, from a fresh copy of the demo. Settings go
to a temporary folder, so taking screenshots never changes the user's settings.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

DESK = (1366, 768)
HALL = (1920, 1080)
LIMIT = 300 * 1024


def take(out_dir: str | Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp(prefix="skillscore-shots-"))
    from skillscore.demo import DEMO_PIN, build_demo

    from .app import make_app
    from .audit_view import AuditView
    from .hall_data import employers_of
    from .projector import ProjectorWindow
    from .session import Session
    from .statistics_view import StatisticsView

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(lang="zh")
    written: list[Path] = []
    shown: list = []  # deleted before returning, while the application still exists

    def shot(widget, name: str, size) -> None:
        widget.resize(*size)
        widget.show()
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path), "PNG", 9)
        if path.stat().st_size > LIMIT:
            _fewer_colours(path)
        written.append(path)
        widget.hide()
        shown.append(widget)

    folder = Path(tempfile.mkdtemp(prefix="skillscore-shots-"))
    demo = build_demo(folder / "演示-快递员-初赛.skillscore")
    session = Session.open(demo, operator="王芳")

    wall = ProjectorWindow()
    wall.set_page_seconds(10)
    wall.refresh(session.comp.ranking(), employers_of(session.contestants()))
    shot(wall, "projector-1920x1080", HALL)
    wall.next_page()
    shot(wall, "projector-1920x1080-page2", HALL)
    wall.set_marks_hidden(True)
    shot(wall, "projector-1920x1080-hidden", HALL)
    wall.close()

    stats = StatisticsView(session)
    stats.refresh()
    shot(stats, "statistics-1366x768", DESK)
    stats.trial.setValue(12)
    shot(stats, "statistics-1366x768-trial", DESK)

    # For the log: a clerk corrects a 缺考 typed by mistake, the chief judge settles the tie.
    session.close()
    session = Session.open(demo, operator="李军")
    session.set_mark("A031", "theory", "58.50")
    group = list(session.comp.standings().tie_groups[0])
    session.comp.resolve_tie(sorted(group), reason="现场复核操作记录后，组委会裁定", pin=DEMO_PIN)
    log = AuditView(session)
    log.refresh()
    log.verify()
    shot(log, "audit-1366x768", DESK)
    session.close()

    # The same file after someone edited a mark in the log with an SQLite editor.
    db = sqlite3.connect(demo)
    db.execute("DROP TRIGGER audit_no_update")
    db.execute("UPDATE audit SET new='95.00' WHERE id=(SELECT max(id) FROM audit WHERE action='mark')")
    db.commit()
    db.close()
    session = Session.open(demo, operator="王芳")
    log = AuditView(session)
    log.refresh()
    log.verify()
    shot(log, "audit-1366x768-tampered", DESK)
    session.close()
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in shown:
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    return written


def _fewer_colours(path: Path) -> None:
    """A busy picture (anti-aliased type at 1920×1080) as a 128-colour palette: the same
    words at a third of the size. Pillow comes with ReportLab."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


if __name__ == "__main__":
    for p in take(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"):
        print(p, p.stat().st_size // 1024, "KB")
