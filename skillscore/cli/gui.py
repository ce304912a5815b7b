"""``skillscore gui [FILE] [--demo] [--self-test]``: open the desk from the command line.

The core never imports Qt or ui/ (DESIGN.md), not even lazily: the desk is started as
its own program with the same options — ``python -m ui.app`` from an installed package,
or the sibling ``skillscore-gui`` executable in the frozen build.
"""

from __future__ import annotations

import sys
from pathlib import Path


def desk_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).with_name("skillscore-gui" + (".exe" if sys.platform == "win32" else "")))]
    return [sys.executable, "-m", "ui.app"]


def cmd_gui(args, lang) -> int:
    argv = desk_command() + ([args.file] if args.file else [])
    argv += [flag for flag, on in (("--demo", args.demo), ("--demo-panel", args.demo_panel),
                                   ("--self-test", args.self_test)) if on]
    if args.report:
        argv += ["--report", args.report]
    if args.operator:
        argv += ["--operator", args.operator]
    if args.lang:
        argv += ["--lang", args.lang]
    import subprocess  # only here: starting the desk is this command's one use of it

    return subprocess.call(argv)


def add_commands(sub, command, groups) -> None:
    p = command("gui", cmd_gui, help="打开成绩管理界面 / open the scoring desk")
    p.add_argument("file", nargs="?", help="竞赛文件或成绩交接文件 / competition file or handoff file (.sspkg)")
    p.add_argument("--demo", action="store_true", help="打开演示 / open a fresh copy of the demo sitting")
    p.add_argument("--demo-panel", action="store_true",
                   help="打开裁判组评分演示 / open a fresh demo whose practical part is marked by a judging panel")
    p.add_argument("--self-test", action="store_true",
                   help="自检：字体、翻译、演示（不显示窗口）/ check font, translations and the demo offscreen")
    p.add_argument("--report", metavar="FILE",
                   help="自检结果另写入此文件（无控制台时）/ also write the self-test verdict here (no console)")
