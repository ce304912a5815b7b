"""One root exception with specific subclasses (DESIGN.md).

Every error carries a message code and its parameters, not a finished sentence, so the
same error reads in Chinese or English at the edge (CLI, GUI). Input errors carry a list
of problems, each naming the file, row, column, value and rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .messages import register, render

register({"os_refused": ("无法完成：操作系统拒绝访问 {path}（{reason}）",
                         "Could not finish: the operating system refused access to {path} ({reason})")})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row) of an input file."""

    code: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

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
    return render("os_refused", lang, path=exc.filename or "", reason=exc.strerror or str(exc))


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
