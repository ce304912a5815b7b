"""Screenshots of the competition day (赛务) at 1366×768, offscreen, with the bundled font.

    python -m ui.day_screenshots docs/screenshots

Writes desk-checkin.png (a contestant just checked in by ID number, theory closed with its
absentees 缺考) and desk-draw.png (the demo drawn with the seed shown, one seat moved), and
their English twins desk-checkin-en.png and desk-draw-en.png, each under 300 KB, from a
fresh demo. ``ui.screenshots`` takes them with the others. Settings go to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)
LIMIT = 300 * 1024
SEED = "3f5a9c0e71b2d486"


def day_demo(path: Path) -> Path:
    """The demo's 60 contestants on their competition day, nothing marked yet: drawn with
    ``SEED`` at 8 stations, theory check-in from 07:40 closed at 08:50 (its absentees
    缺考), practical check-in from 12:30, one seat moved."""
    from skillscore.actions.competition import Competition
    from skillscore.demo import DEMO_PIN, ROSTER_HEADER, _write, roster_rows

    start = dt.datetime(2025, 9, 20, 7, 40, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    now = [start]
    with Competition.create(path, event_no=29, stage="prelim", committee="东城区初赛组委会", pin=DEMO_PIN,
                            date="2025-09-20", operator="王芳", clock=lambda: now[0]) as comp:
        comp.import_roster(_write(path.with_name("赛务-名单.csv"), ROSTER_HEADER, roster_rows(60, seed=29)))
        comp.make_draw(8, SEED)
        people = [c.no for c in comp.contestants()]
        for i, no in enumerate(people[:52]):  # theory from 07:40, one every 50 s
            now[0] = start + dt.timedelta(seconds=50 * i)
            comp.check_in([no], "theory")
        now[0] = start.replace(hour=8, minute=50)
        comp.close_checkin("theory", pin=DEMO_PIN)
        for i, no in enumerate(people[:31]):  # practical from 12:30
            now[0] = start.replace(hour=12, minute=30) + dt.timedelta(seconds=55 * i)
            comp.check_in([no], "practical")
        comp.move_seat(comp.draw_rows()[2][0], 8, 8, reason="3号工位设备故障", pin=DEMO_PIN)
    return path


def take(out_dir: str | Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractItemView

    settings_dir = tempfile.mkdtemp(prefix="skillscore-shots-")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, settings_dir)
    from .app import make_app
    from .i18n import install_language
    from .mainwindow import MainWindow
    from .record_screenshots import _fewer_colours

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(lang="zh")
    written: list[Path] = []

    def shot(widget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"desk-{name}.png"
        widget.grab().save(str(path), "PNG", 9)
        if path.stat().st_size > LIMIT:
            _fewer_colours(path)
        written.append(path)

    demo = day_demo(Path(settings_dir) / "演示-快递员-初赛-赛务.skillscore")
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.open_file(demo, operator="王芳")
    at = dt.datetime(2025, 9, 20, 13, 4, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    from .screenshots import DAY_SCREENS

    names = iter(DAY_SCREENS)
    for lang in ("zh", "en"):
        if lang == "en":
            window.set_language("en")
        desk = window.desk
        desk.session.comp.clock = lambda: at  # the scan below at 13:04, as on the day
        desk.tabs.setCurrentWidget(desk.day_tab)
        view = desk.day_tab.checkin
        desk.day_tab.pages.setCurrentWidget(view)
        view.parts.button(1).setChecked(True)  # practical: check-in still open
        person = desk.session.contestants()[40 if lang == "zh" else 41]
        view.submit(person.id_number)  # as a card reader types it
        window.statusBar().clearMessage()
        desk.strip.hide()
        shot(window, next(names))
        draw = desk.day_tab.draw
        desk.day_tab.pages.setCurrentWidget(draw)
        moved = next(i for i, r in enumerate(draw.model.rows) if r.note)  # the seat moved after a failure
        draw.table.setFocus()
        draw.table.selectRow(moved)
        draw.table.scrollTo(draw.model.index(moved, 0), QAbstractItemView.PositionAtCenter)
        shot(window, next(names))
    install_language("zh")
    window.close()
    return written


if __name__ == "__main__":
    for p in take(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"):
        print(f"{p}  {p.stat().st_size // 1024} KB")
