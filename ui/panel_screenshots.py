"""Screenshots of the judging-panel screens at 1366×768, offscreen, with the bundled font.

    python -m ui.panel_screenshots docs/screenshots

Writes panel-grid.png (the judges' marks of module 实操, the last rows on screen: a
practical part marked 缺考, a judge's mark still missing, and a mark above the module's
maximum refused with its reason) and judge-stats.png (the harsh judge flagged), each
kept under 300 KB, from a fresh panel demo. Settings go to a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)
LIMIT = 300 * 1024


def take(out_dir: str | Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractItemView

    settings_dir = tempfile.mkdtemp(prefix="skillscore-shots-")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, settings_dir)
    from skillscore.demo import build_panel_demo

    from .app import make_app
    from .mainwindow import MainWindow
    from .record_screenshots import _fewer_colours

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(lang="zh")
    written: list[Path] = []

    def shot(widget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path), "PNG", 9)
        if path.stat().st_size > LIMIT:
            _fewer_colours(path)
        written.append(path)

    demo = build_panel_demo(Path(settings_dir) / "演示-快递员-初赛-裁判组.skillscore")
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.open_file(demo, operator="王芳")
    desk = window.desk

    desk.tabs.setCurrentWidget(desk.panel_tab)
    view = desk.panel_tab.show_module("实操")
    model = view.marks
    view.setFocus()
    index = model.index(model.row_of("A029"), model.column_of("judge2"))
    view.scrollTo(index, QAbstractItemView.PositionAtBottom)
    view.setCurrentIndex(index)
    model.setData(index, "75")  # above 实操's maximum of 70: refused, the reason under the cell
    shot(window, "panel-grid")

    window.statusBar().clearMessage()
    desk.tabs.setCurrentWidget(desk.judges_tab)
    shot(window, "judge-stats")
    window.close()
    return written


if __name__ == "__main__":
    for p in take(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"):
        print(f"{p}  {p.stat().st_size // 1024} KB")
