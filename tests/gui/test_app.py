"""Starting the desk: the demo, new and opened files, the operator, the self-test, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from skillscore.actions.competition import Competition

from helpers import answer_next_dialog
from ui.mainwindow import MainWindow
from ui.recent import recent_files

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def start(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_the_demo_opens_with_every_feature_in_view(qtbot, start):
    start.findChild(QPushButton, "demo").click()
    desk = start.desk
    assert desk is not None and desk.session.demo
    assert desk.tabs.currentWidget() is desk.ranking_tab
    rows = desk.ranking_tab.model.rows
    assert len(rows) == 60
    ties = {r.tie for r in rows}
    assert {"practical", "unresolved"} <= ties
    assert {r.unit.status.value for r in rows} >= {"ranked", "incomplete", "absent", "withdrawn"}
    assert desk.header.text().endswith("演示")
    path = desk.session.path
    assert path.name.startswith("演示") and "skillscore-demo-" in str(path.parent)
    start.open_demo(operator="另一位")
    assert start.desk.session.path != path  # a fresh copy every time


def test_opening_a_file_asks_who_works_the_desk_and_the_log_carries_the_name(qtbot, start, demo_file):
    def fill(dialog):
        assert dialog.objectName() == "operator_dialog"
        dialog.name.setText("王芳")
        dialog.accept()

    answer_next_dialog(fill)
    assert start.open_file(demo_file)
    assert "录入员：王芳" in start.desk.header.text()
    start.desk.session.set_mark("A001", "theory", "61")
    with Competition(demo_file) as comp:
        assert comp.audit_entries()[-1].operator == "王芳"
    assert recent_files()[0] == str(demo_file)


def test_a_new_competition_is_created_from_the_catalogue_and_opened(qtbot, start, tmp_path):
    target = tmp_path / "新文件.skillscore"

    def fill_new(dialog):
        dialog.event.setCurrentIndex(dialog.event.findData(9))  # the team event
        dialog.stage.setCurrentIndex(dialog.stage.findData("final"))
        dialog.committee.setText("市决赛组委会")
        dialog.pin.setText("1357")
        dialog.pin_again.setText("1357")
        dialog.path.setText(str(target))
        answer_next_dialog(lambda op: (op.name.setText("李娜"), op.accept()))
        dialog.accept()

    answer_next_dialog(fill_new)
    start.new_competition()
    assert target.is_file()
    info = start.desk.session.info()
    assert (info.event.no, info.stage.value, info.committee) == (9, "final", "市决赛组委会")
    with Competition(target) as comp:
        comp.check_pin("1357")


def test_a_new_competition_with_mismatched_pins_is_refused_in_the_dialog(qtbot, tmp_path):
    from ui.dialogs.start import NewCompetitionDialog

    dialog = NewCompetitionDialog()
    qtbot.addWidget(dialog)
    dialog.committee.setText("组委会")
    dialog.pin.setText("1")
    dialog.pin_again.setText("2")
    dialog.path.setText(str(tmp_path / "x.skillscore"))
    dialog.accept()
    assert dialog.problem.text() == "两次输入的口令不一致" and not (tmp_path / "x.skillscore").exists()


def _run(*args, env=None):
    full = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    full.update(env or {})
    return subprocess.run(list(args), capture_output=True, text=True, cwd=ROOT, env=full, timeout=120)


@pytest.mark.parametrize("command", [[sys.executable, "-m", "skillscore.cli", "gui", "--self-test"],
                                     [sys.executable, "-m", "ui.app", "--self-test"]])
def test_self_test_loads_font_and_translations_and_opens_the_demo(command):
    out = _run(*command)
    assert out.returncode == 0, out.stderr
    assert "self-test ok: font WenQuanYi Micro Hei, translations zh/en, demo 60 rows" in out.stdout


def test_the_installed_gui_entry_point_runs_the_self_test():
    import shutil

    exe = shutil.which("skillscore-gui")
    assert exe, "pip install -e . installs skillscore-gui (pyproject [project.gui-scripts])"
    out = _run(exe, "--self-test")
    assert out.returncode == 0, out.stderr


def test_self_test_fails_loudly_when_the_translations_are_missing(tmp_path):
    fake = tmp_path / "resources"
    (fake / "translations").mkdir(parents=True)
    for part in ("fonts", "catalog"):
        (fake / part).symlink_to(ROOT / "resources" / part)
    script = textwrap.dedent(f"""
        import sys
        from skillscore.system import paths
        paths.resources_dir = lambda: __import__("pathlib").Path({str(fake)!r})
        from ui.app import run_self_test
        sys.exit(run_self_test())
    """)
    out = _run(sys.executable, "-c", script)
    assert out.returncode == 1
    assert "self-test FAILED" in out.stderr and "skillscore_en" in out.stderr


def test_chinese_renders_with_the_bundled_font_on_a_machine_without_chinese_fonts(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    script = textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtGui import QFontDatabase, QFontMetrics
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        assert not [f for f in QFontDatabase.families() if "WenQuanYi" in f], "system has the font"
        from ui.app import make_app
        make_app([], lang="zh")
        metrics = QFontMetrics(app.font())
        # Every character the desk writes as text; ⚠ is painted as a shape (marks_paint.py).
        missing = [ch for ch in "排名技能操作缺考并列待定▲◆✓✘！–…·「」" if not metrics.inFontUcs4(ord(ch))]
        assert not missing, missing
        assert not metrics.inFontUcs4(0x26A0)  # why ⚠ is painted rather than typed
        print(app.font().family())
    """)
    out = _run(sys.executable, "-c", script, env={"FONTCONFIG_FILE": str(conf)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "WenQuanYi Micro Hei"


def test_the_gui_command_keeps_qt_out_of_the_rest_of_the_cli():
    script = "import sys; from skillscore.cli.parser import build_parser; build_parser(); print('PySide6' in sys.modules, 'ui' in sys.modules)"
    out = _run(sys.executable, "-c", script)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]
    help_text = _run(sys.executable, "-m", "skillscore.cli", "gui", "--help").stdout
    assert "--demo" in help_text and "--self-test" in help_text


WORDS = ["初赛.sqlite", r"D:\大赛\初赛.sqlite", "", "--demo", "--demo-panel", "--self-test", "--operator", "李娜",
         "--lang", "zh", "en", "fr", "--report", "-", "-x", "--", "--operator=李娜", "--oper", "--demo=1", "-h"]


@pytest.mark.parametrize("argv", [
    [], ["初赛.sqlite"], ["初赛.sqlite", "--operator", "基准"], ["--operator", "李娜", r"D:\大赛\初赛.sqlite"],
    ["--demo", "--lang", "en"], ["--demo-panel"], ["--self-test", "--report", "out.txt"], [""],
    ["a.sqlite", "--operator", "a", "--operator", "b"],
])
def test_the_desks_own_reading_of_its_arguments_is_argparses(argv):
    from ui.app import build_parser, read_arguments

    assert vars(read_arguments(argv)) == vars(build_parser().parse_args(argv))


def test_whatever_the_desks_reading_does_not_take_argparse_answers_usage_and_errors_included():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ui.app import build_parser, read_arguments

    def outcome(read, argv):
        try:
            return "args", vars(read(argv))
        except SystemExit as exit_:  # --help, or an error: argparse printed it
            return "exit", exit_.code

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(WORDS), max_size=5))
    def same(argv):
        assert outcome(read_arguments, argv) == outcome(lambda a: build_parser().parse_args(a), argv)

    same()


def test_the_desk_reads_its_arguments_without_building_an_argparse_parser():
    # A parser's messages go through gettext, which imports locale and looks for translation
    # files: ~4 ms of every start (issue 18). (PySide itself imports argparse, not locale.)
    script = ("import sys, argparse; argparse.ArgumentParser.__init__ = None; from ui import app;"
              "app.run = lambda *a, **k: 0; app.main(['x.sqlite', '--operator', 'a']);"
              "print('locale' in sys.modules, 'ok')")
    done = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT)] + sys.path[1:])})
    assert done.stdout.split() == ["False", "ok"], done.stderr


def test_the_desks_start_counts_a_files_counters_before_qt_loads(tmp_path):
    """ui.app loads no Qt at import, and its start begins counting the file's counters
    (skillscore/actions/counted.py CountedAhead) before any Qt module is loaded: SQLite
    counts on the second core while Qt loads on the first (issue 18)."""
    from skillscore.demo import build_large

    path = build_large(tmp_path / "大.sqlite", 200)  # keeps no counters: a count is begun
    script = textwrap.dedent(f"""
        import sys
        import ui.app as app
        print("at-import", any(m.startswith("PySide6") for m in sys.modules))
        from skillscore.actions import counted
        begun = []
        start = counted.CountedAhead.__init__
        def noted(self, path):
            begun.append(any(m.startswith("PySide6") for m in sys.modules))
            start(self, path)
        counted.CountedAhead.__init__ = noted
        app.main([{str(path)!r}, "--operator", "测试员"])
        print("begun", begun)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SKILLSCORE_EXIT_AFTER_PAINT="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines.get("at-import") == "False", done.stderr
    assert lines.get("begun") == "[False]", done.stderr  # one count, begun before Qt loaded
