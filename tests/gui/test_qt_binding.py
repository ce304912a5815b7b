"""The Qt binding keeps Python's None, True and False alive.

PySide6 6.12.0 dropped a reference to None on every call of a method that returns nothing
(``QSettings.setValue``, ``QCheckBox.setChecked``) and on every ``data()`` override
returning None: after some tens of thousands of such calls (an afternoon at the desk, or
this test suite) the interpreter aborts with "none_dealloc" or "bool_dealloc". pyproject.toml
keeps that version out; this test fails on any binding with the same fault."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QCheckBox

pytestmark = pytest.mark.gui
CALLS = 2000


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 2

    def columnCount(self, parent=QModelIndex()):
        return 2

    def data(self, index, role=Qt.DisplayRole):
        return True if role == Qt.CheckStateRole else None


def lost(obj, call) -> int:
    """References to ``obj`` that CALLS calls took away (≈ 0 when the binding is right)."""
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(obj)


def test_methods_returning_nothing_leave_none_alone(qtbot, tmp_path):
    box = QCheckBox()
    qtbot.addWidget(box)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert lost(None, lambda: box.setChecked(True)) < CALLS // 2
    assert lost(None, lambda: settings.setValue("k", True)) < CALLS // 2


def test_overridden_data_returning_none_or_bools_leaves_them_alone(qtbot):
    model = Model()
    index = model.index(0, 0)
    assert lost(None, lambda: index.data(Qt.DisplayRole)) < CALLS // 2
    assert lost(True, lambda: index.data(Qt.CheckStateRole)) < CALLS // 2
    assert lost(False, lambda: box_checked()) < CALLS // 2


def box_checked() -> bool:
    return QCheckBox().isChecked()
