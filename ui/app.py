"""Starting the desk: ``skillscore-gui [FILE] [--demo] [--self-test]`` (also ``skillscore gui``).

FILE is what a double-click passes (the Windows file association): a competition file
opens in the desk, a handoff file (.sspkg) opens the handoff check. Before any window: the
bundled CJK font is registered and made the application font (so Chinese renders on
machines without Chinese fonts), and the remembered language is installed. Settings live
in the user's local application-data folder (skillscore/system/folders.py).
``--self-test`` checks the font and translations, opens the demo offscreen, scores the
bundled acceptance scenario and writes a PDF and an xlsx; it exits 0, or non-zero naming
what failed: the frozen build runs it to prove it works.
"""

from __future__ import annotations

import gc

if __name__ == "__main__":  # the desk program itself (python -m ui.app): see main()
    gc.disable()

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

from skillscore.system.paths import resources_dir

# No Qt at import: the desk's start begins counting a file's counters (skillscore/actions/
# counted.py) before Qt loads, ~100 ms in which SQLite works on the second core (issue 18).
if TYPE_CHECKING:
    import argparse

    from PySide6.QtWidgets import QApplication


def translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def make_app(argv: list[str] | None = None, *, lang: str | None = None) -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .i18n import install_language, load_font, saved_lang

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("skillscore")
    app.setApplicationName("skillscore")
    app.setWindowIcon(QIcon(str(resources_dir() / "icon" / "skillscore-256.png")))
    load_font()
    install_language(lang or saved_lang())
    return app


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="skillscore-gui", description="北京市职工职业技能大赛 成绩管理 / scoring desk")
    add_arguments(parser)
    return parser


class Option(NamedTuple):
    flag: str
    help: str
    valued: bool = False  # takes one value; else a flag, true when given
    choices: tuple[str, ...] | None = None  # the values allowed, if limited
    metavar: str | None = None

    @property
    def dest(self) -> str:
        return self.flag[2:].replace("-", "_")


FILE_HELP = "竞赛文件或成绩交接文件 / competition file or handoff file (.sspkg)"
# Every option of the desk, once: argparse is built from these (add_arguments), and
# read_arguments reads the usual forms by them without it.
OPTIONS = (
    Option("--demo", "打开演示 / open a fresh copy of the demo sitting"),
    Option("--demo-panel", "打开裁判组评分演示 / open a fresh demo whose practical part is marked by a judging panel"),
    Option("--self-test", "自检：字体、翻译、演示（不显示窗口）/ check font, translations and the demo offscreen"),
    Option("--report", "自检结果另写入此文件（无控制台时）/ also write the self-test verdict here (no console)",
           valued=True, metavar="FILE"),
    Option("--operator", "录入员 / who works the desk (asked for when left out)", valued=True),
    Option("--lang", "界面语言 / interface language for this run", valued=True, choices=("zh", "en")),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help=FILE_HELP)
    for option in OPTIONS:
        if option.valued:
            parser.add_argument(option.flag, choices=option.choices, metavar=option.metavar, help=option.help)
        else:
            parser.add_argument(option.flag, action="store_true", help=option.help)


def read_arguments(argv: list[str]) -> SimpleNamespace:
    """What ``build_parser().parse_args(argv)`` returns, for the forms a double-click, a
    shortcut and the benchmarks use (``FILE``, ``--flag``, ``--option VALUE``); anything else
    (``--help``, a mistake, ``--option=VALUE``, an abbreviation) goes to argparse itself,
    which prints the usage or the error. Building an argparse parser imports gettext and
    locale and looks for translation files: ~4 ms of every start (issue 18)."""
    by_flag = {option.flag: option for option in OPTIONS}
    values: dict = {"file": None, **{o.dest: None if o.valued else False for o in OPTIONS}}
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        option = by_flag.get(word)
        if option is not None and not option.valued:
            values[option.dest] = True
        elif option is not None and rest and not rest[0].startswith("-"):
            values[option.dest] = rest.pop(0)
            if option.choices is not None and values[option.dest] not in option.choices:
                break
        elif option is None and not word.startswith("-") and values["file"] is None:
            values["file"] = word
        else:
            break
    else:
        return SimpleNamespace(**values)
    return SimpleNamespace(**vars(build_parser().parse_args(argv)))


def use_user_folders() -> None:
    """The running program's settings go to the local application-data folder; tests and
    screenshot scripts point QSettings at a temporary folder themselves instead."""
    from PySide6.QtCore import QSettings

    from skillscore.system.folders import settings_base

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(settings_base()))


def install_error_hook() -> None:
    """No traceback reaches a user of the desk: an error nobody caught (in a slot, a timer)
    is written to the log folder and named in one line of the user's language."""

    def hook(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        show_error(value.with_traceback(tb) if value is not None else kind())

    sys.excepthook = hook


def show_error(exc: BaseException) -> str:
    """A user's mistake says what it is; anything else is logged and says where. Returns the line."""
    from skillscore.errors import SkillscoreError
    from skillscore.system.crashlog import report_crash
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .i18n import current_lang

    lang = current_lang()
    line = exc.message(lang) if isinstance(exc, SkillscoreError) else report_crash(exc, lang, where="desk")
    _say(line, error=True)
    app = QApplication.instance()
    if app is not None:
        QMessageBox.warning(app.activeWindow(), translate("App", "出错了"), line)
    return line


def run(file: str | None = None, *, demo: bool | str = False, self_test: bool = False, operator: str | None = None,
        lang: str | None = None, report: str | None = None) -> int:
    from skillscore.system.console import safe_streams

    safe_streams()  # the windowed build has no console: sys.stdout and sys.stderr are None
    if self_test:
        gc.enable()  # no collector runs the self-test's collection
        return run_self_test(report)
    counted_ahead = _count_ahead(file) if file and not demo else None  # first: before Qt loads
    use_user_folders()
    install_error_hook()
    app = make_app(lang=lang)
    from . import collector

    collector.start(app)  # cycles collected between keystrokes, on this thread (ui/collector.py)
    window = start_window(file, demo=demo, operator=operator, counted_ahead=counted_ahead)
    if os.environ.get("SKILLSCORE_EXIT_AFTER_PAINT") == "1":
        _exit_after_first_paint(app, window, opened=os.environ.get("SKILLSCORE_EXIT_OPENED") == "1")
    return app.exec()


def _exit_after_first_paint(app: QApplication, window, *, opened: bool = False) -> None:
    """For benchmarks/run.py (issue 18): print ``painted-at <time.time()>`` once the window,
    with its file open, has painted a whole frame, then quit; the cold start is measured
    exactly like the bare-Qt floor (benchmarks/qt_floor.py). ``opened``: quit only once the
    desk has read the rest, as a clerk's desk would have, and kept its counters."""
    import time

    def painted():
        print(f"painted-at {time.time():.6f}", flush=True)
        if opened:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, app.quit)  # posted: after the rest of this turn, finish_opening's
        else:
            app.quit()

    # First of the callbacks, and before the desk's own finish_opening, which runs in the
    # same turn after them: the frame is painted by then.
    window.after_first_frame.insert(0, painted)
    window.watch_next_paint()
    window.update()  # a paint after the file is open, even if one already happened


def _count_ahead(file: str):
    """For a file that keeps no counters, the desk's first frame shows those SQLite counts
    (skillscore/actions/counted.py): begun here, they pass while the window is built."""
    if Path(file).suffix.lower() == ".sspkg":
        return None
    from skillscore.actions.opened import OpenedFile

    return OpenedFile.count_ahead(file)


def start_window(file: str | None = None, *, demo: bool | str = False, operator: str | None = None,
                 counted_ahead=None):
    """The main window, shown, with what the command line asked for open in it
    (``counted_ahead``: see ``_count_ahead``)."""
    from .mainwindow import MainWindow

    # A competition file with its clerk named opens at once: no start page to build first.
    opens_at_once = bool(file and operator) and not demo and Path(file).suffix.lower() != ".sspkg"
    window = MainWindow(empty=opens_at_once)
    window.show()
    if demo:
        window.open_demo(operator=operator, panel=demo == "panel")
    elif file and Path(file).suffix.lower() == ".sspkg":
        window.check_package(file, operator=operator)
    elif file:
        window.open_file(file, operator=operator, paint_first=True, counted_ahead=counted_ahead)
    if window.centralWidget() is None:  # the file did not open: the start page after all
        window.rebuild()
    return window


def _say(text: str, *, error: bool = False, report: str | None = None) -> None:
    stream = sys.stderr if error else sys.stdout
    if stream is not None:  # a windowed frozen app may have no console
        print(text, file=stream)
    if report:
        Path(report).write_text(text + "\n", encoding="utf-8")


def run_self_test(report: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    demo_dir = None
    try:
        from .i18n import font_family, install_language
        from .mainwindow import MainWindow

        app = make_app(lang="zh")
        family = font_family()
        if app.font().family() != family:
            raise RuntimeError(f"the application font is {app.font().family()!r}, not the bundled {family!r}")
        install_language("en")
        english = translate("Desk", "排名")
        install_language("zh")
        if english != "Ranking":
            raise RuntimeError(f"the English translation did not load ('排名' → {english!r})")
        window = MainWindow()
        path = window.open_demo(operator="自检")
        demo_dir = path.parent
        rows = window.desk.ranking_tab.model.rowCount()
        ties = window.desk.session.standings().tie_groups
        if rows < 50 or not ties:
            raise RuntimeError(f"the demo opened with {rows} rows and {len(ties)} unresolved ties")
        if window.grab().isNull():
            raise RuntimeError("the main window did not render")
        from .views.lazy_tab import page_of

        tabs = window.desk.tabs  # every page, those built on first showing too: a frozen
        for i in range(tabs.count()):  # build must carry their modules (ui/views/lazy_tab.py)
            tabs.setCurrentIndex(i)
            # Built here, not only in the tab's slot: an error raised in a slot is printed
            # and swallowed by Qt, and the empty holder would render (found in review).
            if page_of(tabs.widget(i)).grab().isNull():
                raise RuntimeError(f"the tab {tabs.tabText(i)} did not render")
        window.close()
        from skillscore.cli.selftest import check_scoring

        scored = check_scoring()
    except Exception as exc:  # noqa: BLE001 - every failure must be named and exit non-zero
        _say(f"skillscore self-test FAILED: {exc}", error=True, report=report)
        return 1
    finally:
        if demo_dir is not None:
            import shutil

            shutil.rmtree(demo_dir, ignore_errors=True)
    _say(f"skillscore self-test ok: font {family}, translations zh/en, demo {rows} rows, {scored}", report=report)
    return 0


def main(argv: list[str] | None = None) -> int:
    # The start imports and builds tens of thousands of objects and frees few: a cycle
    # collection then only delays the first frame (~5 ms, issue 18). The collector takes
    # collection over once the application exists (ui/collector.py, in run()).
    gc.disable()
    args = read_arguments(sys.argv[1:] if argv is None else argv)
    return run(args.file, demo="panel" if args.demo_panel else args.demo, self_test=args.self_test,
               operator=args.operator, lang=args.lang, report=args.report)


if __name__ == "__main__":
    sys.exit(main())
