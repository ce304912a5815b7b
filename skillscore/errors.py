"""One root exception with specific subclasses (DESIGN.md).

Every error carries a message code and its parameters, not a finished sentence, so the
same error reads in Chinese or English at the edge (CLI, GUI). Input errors carry a list
of problems, each naming the file, row, column, value and rule.
"""

from __future__ import annotations

import errno
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

from .messages import Words, register, render

register({"os_refused": ("无法完成：操作系统拒绝访问 {path}（{reason}）",
                         "Could not finish: the operating system refused access to {path} ({reason})")})


class Problem(NamedTuple):
    """One thing wrong with one cell (or row) of an input file."""

    code: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: Mapping[str, Any] = MappingProxyType({})  # read-only: the default is shared

    def message(self, lang: str = "zh") -> str:
        where = render("where", lang, file=self.file, row=self.row, column=self.column)
        text = render(self.code, lang, value=self.value, **self.params)
        return f"{where}{text}" if where else text


class SkillscoreError(Exception):
    """Root of every error the program reports to a user."""

    exit_code = 1

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, **self.params)


def os_refusal(exc: OSError, lang: str | None = None) -> str:
    """The system's refusal (no such folder, a name too long, a folder where a file should
    be) in the user's words, naming the path: never Python's English."""
    return render("os_refused", lang, path=exc.filename or "", reason=system_reason(exc))


# The system's common reasons in Chinese. Python words errno's reasons in English whatever
# the system's language (Windows words its own errors, those with a winerror, in its own).
SYSTEM_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限（文件可能是只读的，或正被其他程序使用）",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.ENOSPC: "磁盘或U盘已满",
    errno.EROFS: "磁盘或U盘是只读的",
    errno.EEXIST: "已有同名的文件或文件夹",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EIO: "读写出错（U盘或磁盘可能已损坏或被拔出）",
    errno.ENODEV: "设备不在（U盘可能已拔出）",
    errno.ENXIO: "设备不在（U盘可能已拔出）",
    errno.EINVAL: "名称无效（可能含有系统不允许的字符）",
    errno.EMFILE: "打开的文件太多",
    errno.EXDEV: "不能跨磁盘移动",
}


def system_reason(error: BaseException) -> str:
    """Why the system refused, for a message's ``{reason}``: Python's words, which a Chinese
    message shows in Chinese when the reason is a common one (messages.Words)."""
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    zh = None if getattr(error, "winerror", None) else SYSTEM_REASONS.get(getattr(error, "errno", None))
    return Words(text, zh) if zh else text


class InputError(SkillscoreError):
    """An input file (roster, marks, package) has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("input_rejected", count=len(self.problems))

    def message(self, lang: str = "zh") -> str:
        head = render("input_rejected", lang, count=len(self.problems))
        lines = [p.message(lang) for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append(render("more_problems", lang, count=len(self.problems) - 200))
        return "\n".join([head, *lines])


class RefusedError(SkillscoreError):
    """A rule refuses the action (finalised stage, quota too large, unresolved tie …)."""


class PinError(RefusedError):
    """The chief judge's PIN was wrong."""


class UsageError(SkillscoreError):
    """The command was used wrongly (exit 2)."""

    exit_code = 2
