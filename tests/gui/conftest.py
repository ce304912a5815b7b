"""GUI tests: real Qt widgets, offscreen, with pytest-qt.

Qt must load: these tests import PySide6 at the top and fail (they never skip) on a
machine where it cannot. Each test gets its own settings folder and starts in Chinese.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402  (a failed import fails the run)

from skillscore.demo import DEMO_PIN, build_demo  # noqa: E402

PIN = DEMO_PIN


@pytest.fixture(scope="session")
def qapp(tmp_path_factory):
    """The desk's own application: bundled font and translations, as ``main`` sets it up."""
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path_factory.mktemp("settings")))
    from ui.app import make_app

    app = make_app([], lang="zh")
    assert isinstance(app, QApplication)
    return app


@pytest.fixture(autouse=True)
def fresh_settings(qapp, tmp_path):
    from ui.i18n import install_language

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    install_language("zh")
    yield
    install_language("zh")


@pytest.fixture
def demo_file(tmp_path) -> Path:
    return build_demo(tmp_path / "demo.skillscore")


def open_window(qtbot, path: Path):
    """The desk at 1366×768 with ``path`` open, as a clerk would have it."""
    from ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_file(path, operator="测试员")
    return w


@pytest.fixture
def window(qtbot, demo_file):
    w = open_window(qtbot, demo_file)
    yield w
    w.close()


@pytest.fixture
def panel_file(tmp_path) -> Path:
    from skillscore.demo import build_panel_demo

    return build_panel_demo(tmp_path / "panel.skillscore")


@pytest.fixture
def panel_window(qtbot, panel_file):
    w = open_window(qtbot, panel_file)
    yield w
    w.close()


@pytest.fixture
def desk(window):
    return window.desk
