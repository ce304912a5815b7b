"""Screenshots of the main screens at 1366×768, offscreen, with the bundled font.

    python -m ui.screenshots docs/screenshots

Writes desk-*.png (each kept under 300 KB) from a fresh copy of the demo. Settings go to
a temporary folder, so taking screenshots never changes the user's language or recent
files.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)


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


if __name__ == "__main__":
    for p in take(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"):
        print(f"{p}  {p.stat().st_size // 1024} KB")
