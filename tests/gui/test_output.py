"""Output from the desk: printed sheets (Ctrl+P), the handoff file (Ctrl+E), the projector (F11),
the statistics and log tabs — all following what the desk saves."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtGui import QAction, QKeySequence
from pypdf import PdfReader

from conftest import PIN

pytestmark = pytest.mark.gui


def finalise(desk):
    for no in ("A058", "A059", "A060"):
        desk.session.set_mark(no, "practical", "70")
    assert desk.finalize_tab.draw(("A015", "A022"), answer=(PIN, ""))
    assert desk.finalize_tab.finalize(answer=(PIN, ""))


def test_print_and_export_are_on_their_keys(window):
    assert window.findChild(QAction, "print").shortcut() == QKeySequence("Ctrl+P")
    assert window.findChild(QAction, "export_package").shortcut() == QKeySequence("Ctrl+E")


def test_printing_the_results_sheet_runs_off_the_gui_thread_and_writes_a_real_pdf(qtbot, tmp_path, desk):
    out = tmp_path / "成绩表.pdf"
    desk.print_report("results", str(out))
    qtbot.waitUntil(lambda: desk.strip.text().startswith("已生成"), timeout=60_000)
    assert desk.strip.text() == f"已生成 {out}"
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    top = desk.ranking_tab.model.row_at(0).unit
    assert top.key in text and top.name in text


def test_the_handoff_file_carries_the_fingerprint_of_the_finalised_results(qtbot, tmp_path, desk):
    finalise(desk)
    out = tmp_path / "交接.sspkg"
    desk.export_package(str(out))
    qtbot.waitUntil(lambda: desk.strip.text().startswith("已导出"), timeout=60_000)
    code = re.search(r"交接码 (\S{19})", desk.strip.text()).group(1)  # shown to compare with the signed sheet
    verify = subprocess.run([sys.executable, "-m", "skillscore.cli", "verify", str(out), "--code", code],
                            capture_output=True, text=True)
    assert verify.returncode == 0, verify.stderr
    assert desk.session.info().fingerprint in verify.stdout


def test_exporting_before_finalising_is_refused_with_the_reason(qtbot, tmp_path, desk):
    desk.export_package(str(tmp_path / "x.sspkg"))
    qtbot.waitUntil(lambda: desk.strip.isVisibleTo(desk) and not desk.strip.text().startswith("已"), timeout=60_000)
    assert "定稿" in desk.strip.text() and not (tmp_path / "x.sspkg").exists()


def test_the_projector_follows_every_saved_mark(qtbot, window, desk):
    window.findChild(QAction, "projector").trigger()
    wall = window.projector.window
    assert wall.isVisible()
    desk.session.set_mark("A058", "practical", "99.5")  # total 96.65: first place
    first = wall.page_texts()[0]
    assert "A058" in first and "96.65" in first
    window.close()
    assert not wall.isVisible()


def test_statistics_and_log_tabs_refresh_when_shown(qtbot, desk):
    desk.session.set_mark("A001", "theory", "61")
    desk.tabs.setCurrentWidget(desk.log_tab)
    newest = desk.log_tab.model.row_at(0)
    assert (newest.subject, newest.field, newest.new, newest.operator) == ("A001", "theory", "61.00", "测试员")
    desk.tabs.setCurrentWidget(desk.statistics_tab)
    assert not desk.statistics_tab.dirty and desk.statistics_tab.stats is not None


def test_the_results_sheet_can_carry_the_statistics_page(qtbot, tmp_path, desk):
    out = tmp_path / "成绩表-统计.pdf"
    desk.print_report("results", str(out), with_statistics=True)
    qtbot.waitUntil(lambda: desk.strip.text().startswith("已生成"), timeout=60_000)
    plain = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "成绩分布" in plain


def test_an_export_the_system_refuses_is_said_in_words_naming_the_path(qtbot, tmp_path, desk):
    # A folder that is not there: once "[Errno 2] No such file or directory: '….tmp'".
    out = tmp_path / "没有的文件夹" / "名单.xlsx"
    desk.export_roster(str(out))
    qtbot.waitUntil(lambda: desk.strip.isVisibleTo(desk) and not desk.strip.text().startswith("正在"), timeout=60_000)
    text = desk.strip.text()
    assert text.startswith("无法完成：操作系统拒绝访问") and "没有的文件夹" in text and "Errno" not in text, text
    assert "（文件或文件夹不存在）" in text, text  # the system's reason in Chinese too
    assert not out.parent.exists()
