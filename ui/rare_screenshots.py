"""Screenshots of rare names (issue 13): the demo with 刘䶮, 赵孟𫖯, 王𬌗, 李𬭚, 张𰻝 (Ext G),
周𮧵 (Ext F) and 孙〓明 (a private-use code point no font has) among the best seven.

    python -m ui.rare_screenshots docs/screenshots

Writes desk-rare-names.png (the ranking tab, 1366×768), projector-rare-names.png (the hall,
1920×1080) and sheet-rare-names.png (the top of the results sheet, rendered by pdftoppm
at 200 dpi), so a person can see that each glyph shows, and where the placeholder goes.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

RARE_NAMES = ("刘䶮", "赵孟𫖯", "王𬌗", "李𬭚", "张𰻝", "周𮧵", "孙\ue000明")


def rare_demo(folder: Path) -> Path:
    """The demo prelim with the seven best renamed through a corrected roster file."""
    from skillscore.actions.competition import Competition
    from skillscore.demo import build_demo

    path = build_demo(folder / "rare.skillscore")
    with Competition(path, operator="演示") as comp:
        best = [r["no"] for r in comp.results_document()["ranking"]["rows"] if r["status"] == "ranked"][:7]
        names = dict(zip(best, RARE_NAMES))
        comp.export_roster(folder / "roster.csv")
        with open(folder / "roster.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        for row in rows[1:]:
            row[1] = names.get(row[0], row[1])
        with open(folder / "名单-更正.csv", "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        comp.import_roster(folder / "名单-更正.csv")
    return path


def take(out_dir: str | Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    folder = Path(tempfile.mkdtemp(prefix="skillscore-rare-"))
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(folder / "settings"))
    from skillscore.actions.competition import Competition
    from skillscore.reports import write_report

    from .app import make_app
    from .hall_data import employers_of
    from .mainwindow import MainWindow
    from .projector import ProjectorWindow
    from .record_screenshots import _fewer_colours

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(lang="zh")
    path = rare_demo(folder)
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.open_file(path, operator="王芳")
    window.desk.tabs.setCurrentWidget(window.desk.ranking_tab)
    for _ in range(3):
        app.processEvents()
    written = [out / "desk-rare-names.png", out / "projector-rare-names.png", out / "sheet-rare-names.png"]
    window.grab().save(str(written[0]), "PNG", 9)
    session = window.desk.session
    wall = ProjectorWindow()
    wall.set_page_seconds(0)
    wall.resize(1920, 1080)
    wall.refresh(session.comp.ranking(), employers_of(session.contestants()))
    wall.grab().save(str(written[1]), "PNG", 9)
    window.close()
    _fewer_colours(written[1])
    with Competition(path) as comp:
        write_report(comp, "results", folder / "results.pdf")
    subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", "1654", "-H", "900",
                    "-png", "-singlefile", str(folder / "results.pdf"), str(written[2].with_suffix(""))], check=True)
    return written


if __name__ == "__main__":
    for p in take(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"):
        print(p, p.stat().st_size)
