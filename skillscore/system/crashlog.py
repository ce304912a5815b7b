"""What an unexpected error leaves behind: a log file in the user's log folder, and one
line in the user's language saying where it is. No traceback ever reaches a user (the
command line's ``main`` and the desk's exception hook both end here)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from ..messages import register, render
from .folders import log_dir

register({
    "internal_error": (
        "程序内部出错，本次操作未完成。详细信息已写入 {path}，请把该文件发给技术支持。",
        "An internal error stopped this action. The details were written to {path}; please send that file to support.",
    ),
    "internal_error_no_log": (
        "程序内部出错，本次操作未完成（{error}）。详细信息无法写入日志文件：{reason}",
        "An internal error stopped this action ({error}). The details could not be written to a log file: {reason}",
    ),
})


def write_crash_log(exc: BaseException, *, where: str, folder: Path | None = None) -> Path:
    """The traceback and what ran, in a new file of the log folder; returns its path."""
    import platform  # here, not at the top: every command imports this module, few crash
    import traceback

    from .. import __version__

    folder = Path(folder) if folder is not None else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    path = folder / f"skillscore-{now:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    lines = [
        f"skillscore {__version__} · {where} · {now.isoformat(timespec='seconds')}",
        f"python {sys.version.split()[0]} · {platform.platform()}",
        "argv: " + " ".join(sys.argv),
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n".join(line.rstrip("\n") for line in lines) + "\n")
    return path


def report_crash(exc: BaseException, lang: str, *, where: str, folder: Path | None = None) -> str:
    """Log ``exc`` and return the one line for the user (it never raises itself)."""
    try:
        return render("internal_error", lang, path=write_crash_log(exc, where=where, folder=folder))
    except Exception as failure:  # noqa: BLE001 - the log folder itself may be the problem
        return render("internal_error_no_log", lang, error=type(exc).__name__, reason=failure)
