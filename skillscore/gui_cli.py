"""``skillscore gui [FILE] [--demo] [--self-test]``: open the desk from the command line.

PySide6 and ui/ are imported only inside the command, so the rest of the CLI stays fast
and works where Qt is not installed. In the frozen build the command-line program has no
Qt of its own; it then starts the sibling ``skillscore-gui`` program with the same options.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def cmd_gui(args, lang) -> int:
    try:
        from ui.app import run
    except ImportError:
        if not getattr(sys, "frozen", False):
            raise
        return _run_sibling(args)
    return run(args.file, demo="panel" if args.demo_panel else args.demo, self_test=args.self_test,
               operator=args.operator, lang=args.lang)


def _run_sibling(args) -> int:
    exe = Path(sys.executable).with_name("skillscore-gui" + (".exe" if sys.platform == "win32" else ""))
    argv = [str(exe)] + ([args.file] if args.file else [])
    argv += [flag for flag, on in (("--demo", args.demo), ("--demo-panel", args.demo_panel),
                                   ("--self-test", args.self_test)) if on]
    if args.operator:
        argv += ["--operator", args.operator]
    if args.lang:
        argv += ["--lang", args.lang]
    return subprocess.call(argv)


def add_commands(sub, command) -> None:
    p = command("gui", cmd_gui, help="打开成绩管理界面 / open the scoring desk")
    p.add_argument("file", nargs="?", help="竞赛文件 / competition file")
    p.add_argument("--demo", action="store_true", help="打开演示 / open a fresh copy of the demo sitting")
    p.add_argument("--demo-panel", action="store_true",
                   help="打开裁判组评分演示 / open a fresh demo whose practical part is marked by a judging panel")
    p.add_argument("--self-test", action="store_true",
                   help="自检：字体、翻译、演示（不显示窗口）/ check font, translations and the demo offscreen")
