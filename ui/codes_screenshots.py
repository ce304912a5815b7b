"""Screenshots of marking under codes and of appeals at 1366×768, offscreen, bundled font.

    python -m ui.codes_screenshots docs/screenshots

Writes desk-codes.png (the code grid of a sealed sitting: codes in session and station
order, a third still unmarked, nothing of the person on screen), dialog-reveal.png (the
reveal's checklist: codes still without a practical mark) and desk-appeals.png (the
appeals register after the reveal: a late appeal, an upheld one with its corrected mark,
a rejected one), each under 300 KB, from a fresh sealed demo. Settings go to a temporary
folder.
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

    settings_dir = tempfile.mkdtemp(prefix="skillscore-shots-")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, settings_dir)
    from skillscore.actions.competition import Competition
    from skillscore.demo import DEMO_PIN, build_sealed_demo

    from .app import make_app
    from .codes_menu import open_appeals, reveal
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

    demo = build_sealed_demo(Path(settings_dir) / "演示-快递员-初赛-加密.skillscore")
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.open_file(demo, operator="王芳")
    desk = window.desk
    desk.tabs.setCurrentWidget(desk.marks_tab)
    tab = desk.marks_tab
    tab.grids.setCurrentWidget(tab.coded_page)
    view, model = tab.view, tab.coded_model
    view.setFocus()
    row = next(r for r in range(model.rowCount()) if model.row_at(r).get("practical") is None)
    view.setCurrentIndex(model.index(row, model.column_of("practical")))
    shot(window, "desk-codes")

    dialog = reveal(desk)
    for _ in range(3):
        app.processEvents()
    shot(dialog, "dialog-reveal")
    dialog.reject()

    with Competition(demo, operator="王芳") as comp:  # the rest marked, revealed, three appeals
        for r in comp.coded_rows():
            if r.practical is None:
                comp.set_mark(r.code, "practical", "缺考" if r.code.endswith("7") else "72.5")
        comp.reveal_codes(pin=DEMO_PIN)
        comp.set_appeal_window("practical", "2025-09-20 16:00")
        comp.add_appeal("A012", by="领队 李强", subject="3号工位设备故障，操作中断约5分钟", received="2025-09-20 16:40")
        comp.add_appeal("A031", by="选手本人", subject="评分表第2项漏记得分", received="2025-09-20 17:20")
        comp.add_appeal("A044", by="领队 周敏", subject="对实操计时有异议", received="2025-09-20 18:30")
        comp.decide_appeal(1, upheld=False, reason="经核查设备日志，故障发生在操作结束后", pin=DEMO_PIN)
        comp.decide_appeal(2, upheld=True, reason="评分表第2项确有漏记，裁判组复核一致", pin=DEMO_PIN,
                           changes=[("A031", "practical", "84.5")])
    window.reload_session()
    register = open_appeals(window.desk)
    register.resize(1340, 420)
    for _ in range(3):
        app.processEvents()
    shot(register, "desk-appeals")
    register.close()
    window.close()
    return written


if __name__ == "__main__":
    for p in take(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"):
        print(f"{p}  {p.stat().st_size // 1024} KB")
