"""The committed screenshots of the desk (docs/screenshots/desk-*.png) can be made again
offscreen, at 1366×768, each under 300 KB."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
SCREENS = ["start", "ranking", "marks", "roster", "statistics", "finalize", "log", "finalised", "ranking-en"]


def test_screenshots_are_made_at_1366x768_and_stay_small(tmp_path):
    from ui.screenshots import take

    written = {p.stem.removeprefix("desk-"): p for p in take(tmp_path)}
    assert set(SCREENS) | {"import"} == set(written)
    for name in SCREENS:
        image = QImage(str(written[name]))
        assert (image.width(), image.height()) == (1366, 768), name
    for path in written.values():
        assert path.stat().st_size < 300_000, path.name


def test_the_committed_screenshots_are_there_and_small():
    for name in SCREENS + ["import"]:
        path = ROOT / "docs" / "screenshots" / f"desk-{name}.png"
        assert path.is_file(), path
        assert path.stat().st_size < 300_000, path.name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_desk_fits_1366x768_without_scrolling_sideways(qtbot, window, lang):
    from PySide6.QtWidgets import QApplication, QTableView

    window.set_language(lang)
    desk = window.desk
    assert window.minimumSizeHint().width() <= 1366
    for i in range(desk.tabs.count()):
        desk.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        for view in desk.tabs.currentWidget().findChildren(QTableView):
            if view.isVisible():
                assert not view.horizontalScrollBar().isVisible(), (desk.tabs.tabText(i), view.objectName())
