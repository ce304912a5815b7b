"""Message texts in Chinese (first) and English, keyed by a stable code.

Modules register the messages they raise next to the code that raises them
(``register({...})``), so no single file has to know every message. The words follow
UI.md's table, the same on screens, sheets and messages.
"""

from __future__ import annotations

import os
from typing import Any

_MESSAGES: dict[str, tuple[str, str]] = {}


def minute(stamp: str | None) -> str:
    """A stored time as messages show it: ``2025-09-20T08:31:05+08:00`` → ``2025-09-20 08:31``."""
    return (stamp or "").replace("T", " ")[:16]


def register(messages: dict[str, tuple[str, str]]) -> None:
    for code, pair in messages.items():
        if code in _MESSAGES and _MESSAGES[code] != pair:
            raise ValueError(f"message code {code!r} registered twice with different text")
        _MESSAGES[code] = pair


def default_lang() -> str:
    return "en" if os.environ.get("SKILLSCORE_LANG", "").lower().startswith("en") else "zh"


class Words(str):
    """A message value that has its own Chinese: it reads as its English (its ``str``) and
    ``render`` shows ``zh`` in a Chinese message (the system's reasons: errors.system_reason)."""

    zh: str

    def __new__(cls, en: str, zh: str) -> "Words":
        words = super().__new__(cls, en)
        words.zh = zh
        return words


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(code: str, lang: str | None = None, **params: Any) -> str:
    lang = lang or default_lang()
    if code == "where":
        return _where(lang, **params)
    zh, en = _MESSAGES.get(code, (code, code))
    text = en if lang == "en" else zh
    shown = {k: ("" if v is None else v.zh if lang != "en" and isinstance(v, Words) else v)
             for k, v in params.items()}
    return text.format_map(_Blank(shown))


def _where(lang: str, file=None, row=None, column=None, **_: Any) -> str:
    parts = []
    if lang == "en":
        if file:
            parts.append(f"file {file}")
        if row is not None:
            parts.append(f"row {row}")
        if column:
            parts.append(f"column '{column}'")
        return (", ".join(parts) + ": ") if parts else ""
    if file:
        parts.append(f"文件 {file}")
    if row is not None:
        parts.append(f"第 {row} 行")
    if column:
        parts.append(f"「{column}」列")
    return (" ".join(parts) + "：") if parts else ""


register(
    {
        "input_rejected": (
            "导入被拒绝：发现 {count} 处问题，文件未作任何改动。",
            "Import refused: {count} problem(s) found; nothing was changed.",
        ),
        "more_problems": ("……另有 {count} 处问题未列出。", "… and {count} more problem(s)."),
    }
)
