"""What every command group shares: opening the file, asking for the PIN, printing a
message in the user's language."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from ..actions.competition import Competition
from ..errors import UsageError
from ..messages import default_lang, register, render

register(
    {
        "pin_needed": (
            "需要裁判长口令：请用 --pin 给出（标准输入不是终端，无法询问）",
            "The chief judge's PIN is needed: give it with --pin (standard input is not a terminal)",
        ),
        "pin_prompt": ("裁判长口令：", "Chief judge's PIN: "),
        "pin_prompt_again": ("再输入一次裁判长口令：", "Chief judge's PIN again: "),
        "pin_mismatch": ("两次输入的口令不一致", "The two PINs differ"),
    }
)


def _say(lang: str, code: str, **params) -> None:
    print(render(code, lang, **params))


def _pin(args, lang: str, *, twice: bool = False) -> str:
    if args.pin is not None:
        return args.pin
    if not sys.stdin.isatty():
        raise UsageError("pin_needed")
    import getpass  # here: it loads the terminal module, for a prompt most commands never show

    pin = getpass.getpass(render("pin_prompt", lang))
    if twice and getpass.getpass(render("pin_prompt_again", lang)) != pin:
        raise UsageError("pin_mismatch")
    return pin


@contextmanager
def _open(args, *, check_alongside: bool = False) -> Iterator[Competition]:
    """``check_alongside``: for a command that reads and prints after the block ends
    (Competition says why)."""
    comp = Competition(args.file, operator=args.operator, check_alongside=check_alongside)
    try:
        with comp:
            yield comp
    finally:
        # A backup of the command (or of closing) could not be copied to the second folder:
        # said after the command's own answer, which it does not change.
        if comp.second_backup_problem:
            print(comp.second_backup_problem.message(args.lang or default_lang()), file=sys.stderr)
