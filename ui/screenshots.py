"""Screenshots of the main screens at 1366×768, offscreen, with the bundled font.

    python -m ui.screenshots docs/screenshots

Writes desk-*.png (each kept under 300 KB) from a fresh copy of the demo, the dialogs, and
the competition day's screens (ui/day_screenshots.py). Settings go to
a temporary folder, so taking screenshots never changes the user's language or recent
files.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)
# The competition day (赛务), taken by ui/day_screenshots.py in the order it takes them.
DAY_SCREENS = ("checkin", "draw", "checkin-en", "draw-en")


def _settle(app, widget=None) -> None:
    for _ in range(3):
        app.processEvents()


def take(out_dir: str | Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    settings_dir = tempfile.mkdtemp(prefix="skillscore-shots-")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, settings_dir)
    from .app import make_app
    from .i18n import install_language
    from .mainwindow import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(lang="zh")
    written: list[Path] = []

    def shot(widget, name: str) -> None:
        _settle(app)
        path = out / f"desk-{name}.png"
        widget.grab().save(str(path), "PNG", 9)
        written.append(path)

    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    shot(window, "start")

    window.open_demo(operator="王芳")
    desk = window.desk
    shot(window, "ranking")

    desk.tabs.setCurrentWidget(desk.marks_tab)
    view = desk.marks_tab.view
    view.setFocus()
    view.setCurrentIndex(view.marks.index(4, view.marks.column_of("theory")))
    view.marks.setData(view.currentIndex(), "100.5")  # refused: shows the reason under the cell
    shot(window, "marks")

    window.statusBar().clearMessage()
    desk.tabs.setCurrentWidget(desk.roster_tab)
    shot(window, "roster")

    desk.tabs.setCurrentWidget(desk.statistics_tab)
    shot(window, "statistics")

    desk.tabs.setCurrentWidget(desk.finalize_tab)
    shot(window, "finalize")

    desk.tabs.setCurrentWidget(desk.log_tab)
    shot(window, "log")

    bad = Path(settings_dir) / "名单-有误.csv"
    bad.write_text("编号,姓名,身份证号,工作单位\nB001,张三,110101199003071235,某公司\nB002,,11010120100101001X,某公司\n"
                   "A001,李四,110101199003071234,某公司\n", encoding="utf-8")
    dialog = desk.import_file("roster", str(bad))
    dialog.resize(1000, 460)
    while dialog.state == "checking":
        app.processEvents()
    shot(dialog, "import")
    dialog.reject()

    # Settle the demo's tie and missing marks, then finalise: the read-only banner.
    session = desk.session
    from . import operations as ops
    from skillscore.demo import DEMO_PIN

    for no in [r.unit.key for r in session.standings().rows if r.unit.status.value == "incomplete"]:
        session.set_mark(no, "practical", "70")
    for group in session.standings().tie_groups:
        session.do(ops.draw_lots, list(group), pin=DEMO_PIN)
    session.do(ops.finalize, pin=DEMO_PIN)
    desk.tabs.setCurrentWidget(desk.ranking_tab)
    shot(window, "finalised")

    window.set_language("en")
    shot(window, "ranking-en")
    install_language("zh")
    window.close()
    return written


def _finalised_prelim(folder: Path, committee: str, *, seed: int, prefix: str) -> tuple[Path, str]:
    """A finalised prelim sitting of 快递员 with 40 contestants, exported as a handoff file
    (with the code it is sealed under)."""
    from skillscore.actions.competition import Competition
    from skillscore.demo import DEMO_PIN, ROSTER_HEADER, _write, mark_rows, roster_rows
    from skillscore.exchange.handoff import export_package

    rows = roster_rows(40, seed=seed, prefix=prefix)
    with Competition.create(folder / f"{committee}.skillscore", event_no=29, stage="prelim", committee=committee,
                            pin=DEMO_PIN, date="2025-09-20", operator="演示") as comp:
        comp.import_roster(_write(folder / f"{prefix}-名单.csv", ROSTER_HEADER, rows))
        comp.import_marks(_write(folder / f"{prefix}-成绩.csv", ["编号", "理论知识", "技能操作", "状态"],
                                 mark_rows([r[0] for r in rows], seed=seed)))
        for group in comp.standings().tie_groups:  # random marks may tie; the committee draws lots
            comp.draw_lots(list(group), pin=DEMO_PIN)
        comp.finalize(pin=DEMO_PIN)
        done = export_package(comp, folder / f"{committee}.sspkg")
        return done.path, done.code


def take_dialogs(out_dir: str | Path) -> list[Path]:
    """dialog-handoff-import.png (two handoff files, one checked against its paper sheet,
    one typed wrong), dialog-backups.png and dialog-pending-marks.png, each at its own size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    settings_dir = Path(tempfile.mkdtemp(prefix="skillscore-shots-"))
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(settings_dir))
    from skillscore.actions.competition import Competition
    from skillscore.demo import DEMO_PIN, ROSTER_HEADER, _write, roster_rows

    from .app import make_app
    from .dialogs.backups import BackupsDialog
    from .dialogs.handoff_import import NextStageDialog
    from .dialogs.pending_marks import PendingMarksDialog
    from .mainwindow import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(lang="zh")
    written: list[Path] = []

    def shot(widget, name: str) -> None:
        widget.show()
        _settle(app)
        path = out / f"dialog-{name}.png"
        widget.grab().save(str(path), "PNG", 9)
        written.append(path)
        widget.close()

    packages = [_finalised_prelim(settings_dir, committee, seed=seed, prefix=prefix)
                for committee, seed, prefix in (("东城区初赛组委会", 11, "D"), ("西城区初赛组委会", 12, "X"))]
    dialog = NextStageDialog(operator="王芳")
    first, second = dialog.picker.add_files([path for path, _ in packages])
    first.code.setText(packages[0][1])
    second.code.setText(packages[0][1])  # the code of another committee's sheet: refused
    dialog.committee.setText("北京市复赛组委会")
    dialog.path.setText(str(Path.home() / "Documents" / "skillscore" / "快递员-复赛.skillscore"))
    shot(dialog, "handoff-import")

    window = MainWindow()
    window.resize(*SIZE)
    window.open_demo(operator="王芳")
    session = window.desk.session
    session.set_mark("A058", "practical", "70")
    backups = BackupsDialog(window, session)
    backups.backup_now()
    shot(backups, "backups")
    window.close()

    double = settings_dir / "复核.skillscore"
    with Competition.create(double, event_no=29, stage="prelim", committee="东城区初赛组委会", pin=DEMO_PIN,
                            date="2025-09-20", double_entry=True, operator="演示") as comp:
        comp.import_roster(_write(settings_dir / "复核-名单.csv", ROSTER_HEADER, roster_rows(12, seed=29)))
    typed = {1: ("王芳", ["86.5", "72", "90", "64.25"]), 2: ("李军", ["86.5", "27", "90", "46.25"])}
    for pass_no, (operator, values) in typed.items():
        with Competition(double, operator=operator) as comp:
            for i, value in enumerate(values):
                comp.set_mark(f"A{i + 1:03d}", "theory", value, entry_pass=pass_no)
    window = MainWindow()
    window.open_file(double, operator="张裁判长")
    pending = PendingMarksDialog(window, window.session)
    pending.select("A002", "theory")
    shot(pending, "pending-marks")
    window.close()
    return written


if __name__ == "__main__":
    from .codes_screenshots import take as take_codes  # desk-codes, dialog-reveal, desk-appeals
    from .day_screenshots import take as take_day  # 赛务: desk-checkin(-en).png, desk-draw(-en).png

    folder = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"
    for p in take(folder) + take_dialogs(folder) + take_day(folder) + take_codes(folder):
        print(f"{p}  {p.stat().st_size // 1024} KB")
