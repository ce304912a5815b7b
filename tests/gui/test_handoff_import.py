"""Taking in handoff files at the desk (issue 6): each package's manifest and fingerprint are
shown, the first 8 characters typed from the signed paper must match before anything
is done; the next stage's file is made from real packages and opened; the sources view
lists where its roster came from and takes a late file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton

from skillscore.actions.competition import Competition
from skillscore.errors import SkillscoreError
from skillscore.exchange.handoff_read import read_package
from skillscore.actions.competition import Competition as _Competition
create_from_packages = _Competition.create_from_packages

from support import PIN
from helpers import answer_next_dialog
from test_handoff_support import CODES, prelim_package

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
FP = "f71cf042e234ee78529d3474238b2493b7cc7245d1b78894cd58733f1ee68708"


@pytest.fixture
def packages(tmp_path) -> list[Path]:
    """Three finalised prelim packages of 快递员 (40 contestants, 12 advance in each)."""
    return [prelim_package(tmp_path, name, committee=f"{name}初赛组委会", count=40, seed=seed, prefix=prefix)
            for name, seed, prefix in (("东城区", 1, "D"), ("西城区", 2, "X"), ("朝阳区", 3, "C"))]


def advancing_ids(*paths: Path) -> list[str]:
    """ID numbers of every advancing contestant, package by package in rank order."""
    out = []
    for path in paths:
        pkg = read_package(path, CODES[path])
        people = {c["no"]: c["id_number"] for c in pkg.results["contestants"]}
        out += [people[r["no"]] for r in pkg.results["ranking"]["rows"] if r["advances"]]
    return out


@pytest.mark.parametrize("typed, verdict", [
    ("", None), ("f71c", None), ("F71CF042", True), ("f71c f042", True), (" f71cf042 ", True), (FP, True),
    ("f71cf043", False), ("x", False), ("f71cf042e", True), ("f71cf0420", False), (FP + "0", False), ("f71cf042e234ee7852", True),
])
def test_the_prefix_must_be_the_fingerprints_first_8_characters_or_more(typed, verdict):
    from ui.dialogs.handoff_import import prefix_verdict

    assert prefix_verdict(typed, FP) is verdict


def test_the_confirmation_refuses_a_wrong_prefix_and_accepts_the_right_one(qtbot, packages):
    from ui.dialogs.handoff_import import ConfirmPackagesDialog

    dialog = ConfirmPackagesDialog()
    qtbot.addWidget(dialog)
    (card,) = dialog.picker.add_files([packages[0]])
    code = CODES[packages[0]]
    fingerprint = read_package(packages[0], code).fingerprint
    details = card.findChild(QLabel, "details")
    assert details.text().splitlines()[1:4] == ["竞赛项目：29 快递员", "阶段：初赛", "组委会：东城区初赛组委会"]
    assert "定稿版本：第 1 版" in details.text() and "晋级 12" in details.text()
    assert f"成绩指纹：{fingerprint}" in details.text().splitlines()  # in full, read from the manifest
    assert "内容已加密，未输入交接码" in details.text() and card.prefix is None  # a sealed file asks for its code
    assert "--code" not in details.text()
    assert not dialog.ok.isEnabled() and card.verdict.text().startswith("请对照已签字的纸质成绩单输入交接码")

    card.code.setText(CODES[packages[1]])  # the sheet of another committee
    assert card.verdict.text().startswith("✘ 交接码打不开 东城区.sspkg")
    assert not dialog.ok.isEnabled()
    dialog.accept()  # Enter on the dialog must not slip past either
    assert dialog.result() != QDialog.Accepted

    card.code.setText(code[:6])
    assert card.verdict.text() == "已输入 5/16 位" and not dialog.ok.isEnabled()
    card.code.setText(code.lower().replace("-", " "))  # typed as read aloud
    assert card.verdict.text().startswith("✓ 交接码正确") and dialog.ok.isEnabled()
    assert details.text().splitlines()[-1] == f"成绩指纹：{fingerprint}" and "完好，未被改动" in details.text()
    assert dialog.picker.codes == [code.lower().replace("-", " ")]


def test_a_file_from_before_sealing_is_checked_by_the_fingerprints_first_8_characters(qtbot, packages, tmp_path):
    from test_handoff_sealed import _old_package
    from ui.dialogs.handoff_import import ConfirmPackagesDialog

    sitting = tmp_path / "东城区.sqlite"  # prelim_package's sitting
    old = _old_package(sitting, tmp_path / "旧.sspkg")
    dialog = ConfirmPackagesDialog()
    qtbot.addWidget(dialog)
    (card,) = dialog.picker.add_files([old])
    assert card.code is None and card.verdict.text() == "请对照已签字的纸质成绩单输入"
    card.prefix.setText(read_package(old).fingerprint[:8])
    assert card.verdict.text() == "✓ 与纸质成绩单一致" and dialog.ok.isEnabled() and dialog.picker.codes == [None]


def test_a_damaged_file_is_listed_with_the_cores_refusal_and_never_confirms(qtbot, packages, tmp_path):
    from ui.dialogs.handoff_import import ConfirmPackagesDialog

    damaged = tmp_path / "damaged.sspkg"
    data = bytearray(packages[0].read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    dialog = ConfirmPackagesDialog()
    qtbot.addWidget(dialog)
    good, bad = dialog.picker.add_files([packages[0], damaged])
    assert bad.package is None and bad.prefix is None
    with pytest.raises(SkillscoreError) as refused:
        read_package(damaged, CODES[packages[0]])
    assert bad.verdict.text() == refused.value.message("zh") and "damaged.sspkg" in bad.verdict.text()
    good.code.setText(CODES[packages[0]])
    assert good.confirmed and not dialog.ok.isEnabled()
    bad.findChild(QPushButton, "remove").click()  # take the damaged one out: the rest may go ahead
    assert dialog.picker.cards == [good] and dialog.ok.isEnabled()


def fill_next_stage(dialog, packages, target: Path, *, stage: str | None = None) -> None:
    for card in dialog.picker.add_files(packages):
        card.code.setText(CODES[card.path])  # from the signed sheet
    if stage:
        dialog.stage.setCurrentIndex(dialog.stage.findData(stage))
    dialog.committee.setText("复赛组委会")
    dialog.pin.setText(PIN)
    dialog.pin_again.setText(PIN)
    dialog.path.setText(str(target))


def test_the_next_stage_is_made_from_two_packages_and_opened_with_their_advancers(qtbot, window, packages, tmp_path):
    target = tmp_path / "快递员-复赛.skillscore"

    def fill(dialog):
        assert dialog.objectName() == "next_stage_dialog"
        fill_next_stage(dialog, packages[:2], target)
        assert dialog.stage.currentData() == "semifinal"  # the stage after the packages'
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    answer_next_dialog(fill)
    window.findChild(QAction, "new_from_packages").trigger()
    qtbot.waitUntil(lambda: window.session is not None and window.session.path == target, timeout=20000)
    desk = window.desk
    assert desk.header.text().endswith("快递员 · 复赛 · 复赛组委会 · 录入员：测试员")
    people = desk.session.contestants()
    assert [c.id_number for c in people] == advancing_ids(*packages[:2])
    assert [c.no for c in people] == [f"{i:03d}" for i in range(1, 25)]
    assert desk.ranking_tab.model.counts()["incomplete"] == 24  # nobody has marks at this stage yet
    with Competition(target) as comp:
        assert [e.action for e in comp.audit_entries()].count("source_add") == 2
        assert comp.verify_audit() == []


def test_a_refusal_of_the_core_is_shown_and_no_file_is_made(qtbot, packages, tmp_path):
    from ui.dialogs.handoff_import import NextStageDialog

    dialog = NextStageDialog(operator="测试员")
    qtbot.addWidget(dialog)
    target = tmp_path / "决赛.skillscore"
    fill_next_stage(dialog, packages[:1], target, stage="final")  # a final is built from semifinal files
    dialog.pin_again.setText("1357")
    dialog.ok.click()
    assert dialog.problem.text() == "两次输入的口令不一致" and dialog.task is None
    dialog.pin_again.setText(PIN)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert "东城区.sspkg 是初赛的成绩，决赛的名单只能来自复赛的成绩交接文件" == dialog.problem.text()
    assert dialog.created is None and not target.exists() and dialog.ok.isEnabled()


def test_what_was_checked_against_paper_is_what_is_used_even_if_the_file_changes_meanwhile(qtbot, packages,
                                                                                           tmp_path):


    from ui.dialogs.handoff_import import NextStageDialog

    dialog = NextStageDialog(operator="测试员")
    qtbot.addWidget(dialog)
    target = tmp_path / "复赛.skillscore"
    on_stick = tmp_path / "U盘" / "东城区.sspkg"
    on_stick.parent.mkdir()
    on_stick.write_bytes(packages[0].read_bytes())
    CODES[on_stick] = CODES[packages[0]]
    fill_next_stage(dialog, [on_stick], target)
    checked = read_package(packages[0], CODES[packages[0]]).fingerprint
    on_stick.write_bytes(packages[2].read_bytes())  # another committee's results land under the same name
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.created is not None or dialog.problem.isVisible(), timeout=20000)
    assert dialog.created == target, dialog.problem.text()
    with Competition(target) as comp:
        (source,) = comp.sources()
        assert (source.fingerprint, source.file_name) == (checked, "东城区.sspkg")
        assert [c.id_number for c in comp.contestants()] == advancing_ids(packages[0])


@pytest.fixture
def semifinal(packages, tmp_path) -> Path:
    path = tmp_path / "semi.skillscore"
    create_from_packages(path, packages[:2], codes=[CODES[p] for p in packages[:2]], stage="semifinal", committee="复赛组委会", pin=PIN,
                         operator="建档").close()
    return path


def test_the_sources_view_lists_the_packages_and_a_late_one_joins_after_the_check(qtbot, window, packages,
                                                                                 semifinal):
    from ui.dialogs.sources import SourcesDialog

    assert window.open_file(semifinal, operator="测试员")
    assert window.findChild(QAction, "sources").isEnabled()
    dialog = SourcesDialog(window, window.session)
    qtbot.addWidget(dialog)
    table = dialog.table

    def row(r):
        return [table.item(r, c).text() for c in range(table.columnCount())]

    assert table.rowCount() == 2
    first = row(0)
    assert first[:5] == ["东城区初赛组委会", "初赛", "1", "12", "东城区.sspkg"]
    assert (first[6], first[7], first[8]) == ("建档", "使用中", read_package(packages[0], CODES[packages[0]]).fingerprint)
    assert row(1)[0] == "西城区初赛组委会"

    late = packages[2]
    seen = []

    def confirm(confirming):
        (card,) = confirming.picker.cards
        card.code.setText(CODES[packages[0]])  # another committee's sheet
        seen.append(confirming.ok.isEnabled())
        card.code.setText(CODES[late])
        seen.append(confirming.ok.isEnabled())
        confirming.ok.click()

    answer_next_dialog(confirm)
    assert dialog.add([late])
    assert seen == [False, True]
    assert table.rowCount() == 3 and row(2)[0] == "朝阳区初赛组委会"
    assert dialog.message.text() == "已加入 朝阳区.sspkg（朝阳区初赛组委会 第 1 版）：新增 12，更新 0，移除 0"
    assert len(window.session.contestants()) == 36  # the desk sees the roster grow
    assert window.desk.ranking_tab.model.counts()["incomplete"] == 36

    assert not dialog.add([(late, CODES[late])], confirmed=True)  # the same file again: the core refuses, nothing changes
    assert "已经使用过" in dialog.message.text() and table.rowCount() == 3


def test_a_prelim_file_has_no_sources_and_cannot_add_any(qtbot, window):
    from ui.dialogs.sources import SourcesDialog

    dialog = SourcesDialog(window, window.session)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.add_button.isEnabled()
    assert dialog.intro.text().startswith("初赛没有上一阶段")
    QApplication.processEvents()


def test_the_dialog_screenshots_are_made_and_stay_small(tmp_path):
    from PySide6.QtGui import QImage

    from ui.screenshots import take_dialogs

    written = {p.name: p for p in take_dialogs(tmp_path)}
    assert set(written) == {"dialog-handoff-import.png", "dialog-backups.png", "dialog-pending-marks.png"}
    for path in written.values():
        image = QImage(str(path))
        assert 600 <= image.width() <= 1366 and 400 <= image.height() <= 768, path.name
        assert path.stat().st_size < 300_000, path.name
    for name in written:  # the committed ones too
        committed = ROOT / "docs" / "screenshots" / name
        assert committed.is_file() and committed.stat().st_size < 300_000, name


def test_the_menu_opens_the_sources_of_the_file_on_the_desk(qtbot, window, semifinal):
    assert window.open_file(semifinal, operator="测试员")
    seen = []

    def fill(dialog):
        seen.append((dialog.objectName(), dialog.table.rowCount(), dialog.add_button.isEnabled()))
        dialog.reject()

    answer_next_dialog(fill)
    window.findChild(QAction, "sources").trigger()
    assert seen == [("sources_dialog", 2, True)]
