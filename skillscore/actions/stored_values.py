"""Reading the sitting's settings and marks as the file stores them, and naming the value at
fault when another program wrote one the program never writes ('abc' as a mark, an unknown
stage, a date of 2025-13-01).

The common reads stay plain loops; only after one fails is the file searched for the value
that cannot be read (``first_unreadable``), so the refusal names the setting or the
contestant and column. If no stored value is at fault the failure was the program's own and
is not blamed on the file.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from ..catalog import event as catalog_event
from ..messages import register
from ..model import CertificatePolicy, Info, Stage, StageRules, Status
from ..rules.marks import mark_from_text

register(
    {
        "file_setting_missing": (
            "{path} 缺少设置 {key}，文件可能被其他程序改动过：请用“备份”恢复最近的完好备份",
            "{path} has no setting {key}; another program may have changed the file: restore the latest good backup",
        ),
        "file_setting_unreadable": (
            "{path} 的设置 {key} 的值「{value}」无法读取，文件可能被其他程序改动过：请用“备份”恢复最近的完好备份",
            "{path}: the setting {key} holds '{value}', which the program cannot read; another program may have "
            "changed the file: restore the latest good backup",
        ),
        "file_mark_unreadable": (
            "{path} 中编号 {no} 的 {column} 值「{value}」无法读取，文件可能被其他程序改动过：请用“备份”恢复最近的完好备份",
            "{path}: contestant {no}'s {column} holds '{value}', which the program cannot read; another program "
            "may have changed the file: restore the latest good backup",
        ),
    }
)

READ_ERRORS = (KeyError, ValueError, ArithmeticError)

# How each stored setting is read (the meta table holds text).
SETTINGS: dict[str, Callable[[str], object]] = {
    "event_no": lambda v: catalog_event(int(v)),
    "stage": Stage,
    "levels": lambda v: tuple(int(x) for x in v.split(",") if x),
    "quota": lambda v: int(v) if v else None,
    "pass_mark": Decimal,
    "certificate_policy": CertificatePolicy,
    "date": dt.date.fromisoformat,
    "version": int,
}
REQUIRED = ("event_no", "stage", "levels", "committee", "date")
DEFAULTS = {"quota": "", "pass_mark": "60", "certificate_policy": "overall", "version": "1"}


def read_info(meta: dict[str, str], path: Path, finalized: bool) -> Info:
    """The sitting's settings from the meta table's texts (raises as SETTINGS' readers do);
    ``finalized``: the stage's state, which the facade reads."""
    v = {key: read(meta[key] if key in meta else DEFAULTS[key]) for key, read in SETTINGS.items()}
    ev = v["event_no"]
    rules = StageRules(stage=v["stage"], certified=ev.certified, levels=v["levels"], team_size=ev.team_size,
                       quota=v["quota"], pass_mark=v["pass_mark"], certificate_policy=v["certificate_policy"])
    return Info(event=ev, stage=rules.stage, committee=meta["committee"], date=v["date"], rules=rules,
                finalized=finalized, version=v["version"],
                fingerprint=meta.get("fingerprint") or None, path=path)


def read_status(text: str | None) -> Status | None:
    return Status(text) if text else None


def first_unreadable(meta: dict[str, str], marks: Iterable[tuple]) -> tuple[str, dict] | None:
    """The first stored value the readers refuse, as a message code and its values; None when
    every setting and mark reads (``marks``: rows of no, theory, practical, status)."""
    for key in REQUIRED:
        if key not in meta:
            return "file_setting_missing", {"key": key}
    for key, read in SETTINGS.items():
        if key in meta:
            try:
                read(meta[key])
            except READ_ERRORS:
                return "file_setting_unreadable", {"key": key, "value": meta[key]}
    for no, *values in marks:
        for column, value, read in zip(("theory", "practical", "status"), values,
                                       (mark_from_text, mark_from_text, read_status)):
            try:
                read(value)
            except READ_ERRORS:
                return "file_mark_unreadable", {"no": no, "column": column, "value": value}
    return None
