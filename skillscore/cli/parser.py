"""The whole ``skillscore`` parser, built in one place from one module per command group.

Each group module has ``add_commands(sub, command, groups)`` and imports its heavy
libraries only inside its command functions, so building the parser stays cheap.
"""

from __future__ import annotations

import argparse

from . import codes, day, desks, gui, handoff, panel, record, reports, safety, scoring

GROUPS = (scoring, handoff, safety, reports, panel, record, gui, desks, day, codes)


def _common(default) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--operator", default=default, help="录入员 / operator recorded in the audit log")
    common.add_argument("--lang", choices=["zh", "en"], default=default)
    return common


def build_parser() -> argparse.ArgumentParser:
    # The options may stand before the command or after it. A command's own copy must not
    # default to None: argparse copies a sub-command's values over the top level's, so
    # ``skillscore --operator 王秘书 marks import …`` recorded the login name.
    common = _common(argparse.SUPPRESS)

    parser = argparse.ArgumentParser(prog="skillscore", parents=[_common(None)],
                                     description="北京市职工职业技能大赛 成绩管理 / competition scoring")
    sub = parser.add_subparsers(dest="command", required=True)

    groups: dict[str, argparse._SubParsersAction] = {}

    def command(name, func, parent=sub, **kw):
        """Add a command; ``parent`` may name a group ('roster', 'marks', 'tie')."""
        parent = groups[parent] if isinstance(parent, str) else parent
        p = parent.add_parser(name, parents=[common], **kw)
        p.set_defaults(func=func)
        return p


    for group in GROUPS:
        group.add_commands(sub, command, groups)
    return parser
