"""The files opened lately, newest first: the start page and the 文件 menu list them."""

from __future__ import annotations

from pathlib import Path

from .i18n import settings

RECENT_MAX = 8


def recent_files() -> list[str]:
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember_recent(path: Path) -> None:
    items = [str(path)] + [p for p in recent_files() if p != str(path)]
    settings().setValue("recent", items[:RECENT_MAX])
