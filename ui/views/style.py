"""Restyling a widget only when its style sheet changes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style(widget: QWidget, sheet: str) -> None:
    """Qt styles a widget afresh on every setStyleSheet, even with the same sheet; the
    ranking's counters and warnings are set after every typed mark, almost always unchanged."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
