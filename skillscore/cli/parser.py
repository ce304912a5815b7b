"""The whole ``skillscore`` parser, built in one place from one module per command group.

Each group module has ``add_commands(sub, command, groups)`` and imports its heavy
libraries only inside its command functions, so building the parser stays cheap. A
command line that names its command builds only the groups that command needs
(``COMMANDS``): one group instead of ten saves ~8 ms on every command (issue 18).
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from .argparse_words import language_of, speak

# The order the groups are added in: "marks" is made by scoring, then safety and codes add to it.
GROUPS = ("scoring", "handoff", "safety", "reports", "panel", "record", "gui", "desks", "day", "codes")

# The groups each top-level command needs (tests/test_cli_parser.py holds every command
# built this way equal to the whole parser's): those that add to it, and scoring before
# safety and codes, which also add to its "marks". A name not here, or none, builds all.
# In the order the groups add them: the usage line lists them so, built or not.
COMMANDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("new", "roster"), ("scoring",)),
    "marks": ("scoring", "safety", "codes"),
    **dict.fromkeys(("ranking", "tie", "quota", "finalize", "reopen", "audit"), ("scoring",)),
    **dict.fromkeys(("export", "verify", "sources", "summary"), ("handoff",)),
    **dict.fromkeys(("backup", "copy", "settings", "pin"), ("scoring", "safety")),
    "report": ("reports",),
    "panel": ("panel",),
    "stats": ("record",), "audit-export": ("record",),
    "gui": ("gui",),
    "desk": ("desks",),
    "checkin": ("day",), "draw": ("day",),
    "codes": ("scoring", "codes"), "appeal": ("scoring", "codes"),
}

_VALUED = ("--operator", "--lang")  # the top-level options that take a value


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, given the terminal's width as argparse would find it. argparse
    builds one for every option it adds and asks ``shutil`` for the width, and loading
    shutil (with its compression modules) cost ~3 ms of every command (issue 18)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=terminal_columns() - 2)


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """The parser of every command (sub-commands are made of their parser's class)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _common(default) -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--operator", default=default, help="录入员 / operator recorded in the audit log")
    common.add_argument("--lang", choices=["zh", "en"], default=default)
    return common


def command_name(argv: list[str]) -> str | None:
    """The command ``argv`` names: its first word that is neither one of the top-level
    options nor such an option's value. None when anything else comes first (``--help``,
    an unknown or abbreviated option): then every group is built and argparse answers."""
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif word.startswith(tuple(option + "=" for option in _VALUED)):
            continue
        elif word.startswith("-"):
            return None
        else:
            return word
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with only the groups its command needs when it names one
    (``COMMANDS``), else (or without ``argv``) with every command."""
    # The options may stand before the command or after it. A command's own copy must not
    # default to None: argparse copies a sub-command's values over the top level's, so
    # ``skillscore --operator 王秘书 marks import …`` recorded the login name.
    speak(language_of(argv))  # argparse's own sentences (usage, errors, headings) in the command's language
    common = _common(argparse.SUPPRESS)

    parser = _Parser(prog="skillscore", parents=[_common(None)],
                     description="北京市职工职业技能大赛 成绩管理 / competition scoring")
    # Every command in the usage line, also when only some are built: an error at the top
    # level (``ranking FILE --bogus``) prints the same usage either way.
    sub = parser.add_subparsers(dest="command", required=True, metavar="{" + ",".join(COMMANDS) + "}")

    groups: dict[str, argparse._SubParsersAction] = {}

    def command(name, func, parent=sub, **kw):
        """Add a command; ``parent`` may name a group ('roster', 'marks', 'tie')."""
        parent = groups[parent] if isinstance(parent, str) else parent
        p = parent.add_parser(name, parents=[common], **kw)
        p.set_defaults(func=func)
        return p

    needed = COMMANDS.get(command_name(argv)) if argv is not None else None
    for name in needed or GROUPS:  # ``needed`` is in GROUPS' order
        import_module(f".{name}", __package__).add_commands(sub, command, groups)
    return parser
