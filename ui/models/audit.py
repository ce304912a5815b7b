"""The audit log as a plain list, newest first (a fuller audit view is another issue).

Personal data in roster entries is masked, as in the exported log: the desk may be on a
projector.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from skillscore.reports.audit import action_text, field_text, value_text

from ..i18n import current_lang
from .base import RIGHT, Column, RowTableModel


class AuditModel(RowTableModel):
    columns = (
        Column("id", QT_TRANSLATE_NOOP("Columns", "序号"), RIGHT, 56),
        Column("at", QT_TRANSLATE_NOOP("Columns", "时间"), width=150),
        Column("operator", QT_TRANSLATE_NOOP("Columns", "录入员"), width=80),
        Column("action", QT_TRANSLATE_NOOP("Columns", "操作"), width=100),
        Column("subject", QT_TRANSLATE_NOOP("Columns", "对象"), width=90),
        Column("field", QT_TRANSLATE_NOOP("Columns", "字段"), width=80),
        Column("old", QT_TRANSLATE_NOOP("Columns", "原值"), width=110),
        Column("new", QT_TRANSLATE_NOOP("Columns", "新值"), width=160),
        Column("reason", QT_TRANSLATE_NOOP("Columns", "理由"), width=200),
    )

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session

    def reload(self) -> None:
        self.set_rows(list(reversed(self.session.audit_entries())))

    def key_of(self, row) -> str:
        return row.subject or ""

    def name_of(self, row) -> str:
        return row.operator

    def display(self, e, key: str) -> str:
        if key == "at":
            return (e.at or "").replace("T", " ")[:19]
        # The core's words for the log, with ID numbers and phones masked (audit_export).
        if key == "action":
            return action_text(e.action, current_lang())
        if key == "field":
            return field_text(e.field, current_lang())
        if key in ("old", "new"):
            return value_text(e, key, current_lang())
        value = getattr(e, key)
        return "" if value is None else str(value)

    def raw(self, e, key: str) -> Any:
        return self.display(e, key) if key in ("old", "new") else getattr(e, key)  # masked, even raw
