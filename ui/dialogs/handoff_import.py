"""Taking in handoff files (成绩交接文件) from the previous stage (issue 6).

A USB stick can carry the wrong file, or a file changed after the paper was signed. So
each package is read and verified by the core, its manifest shown (event, stage,
committee, version, counts, the fingerprint in full), and checked against the signed
paper sheet: a sealed file (issue 14) asks for the code (交接码) the sheet prints, and
only a code that opens it (the core then checks everything inside) confirms it; a file
written before sealing asks, as before, for the first 8 characters of the fingerprint.
Only when every package is confirmed does OK enable. Two uses: a new next-stage file built from the packages
(``NextStageDialog``), and a package joining an existing roster (``ConfirmPackagesDialog``,
opened from the sources view).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from skillscore.errors import SkillscoreError

from ..i18n import current_lang
from ..words import error_text, word
from .common import ok_cancel, problem_label
from .start import default_folder

translate = QCoreApplication.translate
PREFIX = 8  # characters of the fingerprint the user types from the paper
NEXT_STAGE = {"prelim": "semifinal", "semifinal": "final"}
GREEN, RED, GREY = "#1B5E20", "#8E1B1B", "#555555"


def prefix_verdict(typed: str, fingerprint: str) -> bool | None:
    """True: the typed characters are the fingerprint's first 8 (or more); False: they
    cannot be; None: not enough typed yet. Case and spaces do not matter (a sheet may be
    read aloud in groups)."""
    text = "".join(typed.split()).lower()
    fingerprint = fingerprint.lower()
    if not fingerprint.startswith(text):
        return False
    return True if len(text) >= PREFIX else None


def package_filter() -> str:
    return translate("HandoffImport", "成绩交接文件 (*.sspkg);;所有文件 (*)")


class PackageCard(QFrame):
    """One package: what it holds, the fingerprint prefix typed from paper, the verdict."""

    changed = Signal()
    removed = Signal(object)  # the card

    def __init__(self, path: Path, package=None, error: str | None = None, parent=None):
        super().__init__(parent)
        from skillscore.exchange.handoff import Unopened

        self.path = Path(path)
        self.package = package  # Package, or Unopened for a sealed file until its code opens it
        self.sealed = isinstance(package, Unopened)
        self.code = None  # the code field of a sealed file
        self.code_value: str | None = None  # the code that opened it
        self.setFrameShape(QFrame.StyledPanel)
        layout = QHBoxLayout(self)  # what the file says on the left, the check against paper on the right
        left = QVBoxLayout()
        right = QVBoxLayout()
        layout.addLayout(left, 1)
        layout.addLayout(right)
        remove = QPushButton(translate("HandoffImport", "移除"))
        remove.setObjectName("remove")
        remove.clicked.connect(lambda: self.removed.emit(self))
        self.prefix = None
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        if package is None:  # refused by the core: say why, and it never counts as confirmed
            name = QLabel(self.path.name)
            name.setStyleSheet("font-weight: bold;")
            left.addWidget(name)
            self.verdict.setText(error or "")
            self.verdict.setStyleSheet(f"color: {RED};")
            left.addWidget(self.verdict)
            right.addWidget(remove, 0, Qt.AlignRight | Qt.AlignTop)
            return
        from skillscore.exchange.handoff_read import describe

        text = describe(package, current_lang())
        if self.sealed:  # its last line points the command line to --code; here the field asks
            text = text.rsplit("\n", 1)[0]
        details = QLabel(text)
        details.setObjectName("details")
        details.setToolTip(str(self.path))
        details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        details.setWordWrap(True)
        left.addWidget(details)
        right.addWidget(remove, 0, Qt.AlignRight)
        right.addStretch(1)
        self.details = details
        asked = QLabel(translate("HandoffImport", "纸质成绩单上的交接码：") if self.sealed
                       else translate("HandoffImport", "纸质成绩单上成绩指纹的前 8 位："))
        asked.setWordWrap(True)
        right.addWidget(asked)
        field = QLineEdit()
        field.setMaxLength(80)
        right.addWidget(field)
        self.verdict.setFixedWidth(250)
        self.verdict.setMinimumHeight(self.verdict.fontMetrics().lineSpacing() * 3)  # no jumping as it changes
        self.verdict.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        right.addWidget(self.verdict)
        if self.sealed:
            self.code = field
            field.setObjectName("code")
            field.textChanged.connect(self._code_typed)
            self._code_typed("")
        else:
            self.prefix = field
            field.setObjectName("prefix")
            field.textChanged.connect(self._typed)
            self._typed("")

    @property
    def confirmed(self) -> bool:
        if self.sealed:
            return self.code_value is not None
        return self.package is not None and self.prefix is not None and \
            prefix_verdict(self.prefix.text(), self.package.fingerprint) is True

    def _code_typed(self, text: str) -> None:
        """A whole code opens the file right away (the core checks everything behind it);
        until then the count of symbols typed, or why it cannot be a code."""
        from skillscore.exchange.sealing import LENGTH, normalize_code
        from skillscore.exchange.handoff import Package
        from skillscore.exchange.handoff_read import describe, read_package

        self.code_value = None
        if isinstance(self.package, Package):  # a code typed again: back to the unopened manifest
            from skillscore.exchange.handoff_read import inspect_package

            self.package = inspect_package(self.package.path)
        symbols = "".join(ch for ch in text if ch.isalnum())
        colour = GREY
        if not text.strip():
            shown = translate("HandoffImport", "请对照已签字的纸质成绩单输入交接码（可用扫码枪扫描交接码二维码）")
        elif len(symbols) < LENGTH:
            shown = translate("HandoffImport", "已输入 {n}/16 位").format(n=len(symbols))
        else:
            try:
                normalize_code(text)
                QApplication.setOverrideCursor(Qt.WaitCursor)  # the key takes about half a second
                try:
                    opened = read_package(self.package.path, text)
                finally:
                    QApplication.restoreOverrideCursor()
            except SkillscoreError as e:
                shown, colour = "✘ " + e.message(current_lang()), RED
            else:
                self.package, self.code_value = opened, text
                self.details.setText(describe(opened, current_lang()))
                shown, colour = translate("HandoffImport", "✓ 交接码正确，文件完好，与纸质成绩单一致"), GREEN
        self.verdict.setText(shown)
        self.verdict.setStyleSheet(f"color: {colour};")
        self.changed.emit()

    def _typed(self, text: str) -> None:
        verdict = prefix_verdict(text, self.package.fingerprint)
        if verdict is True:
            shown, colour = translate("HandoffImport", "✓ 与纸质成绩单一致"), GREEN
        elif verdict is False:
            shown, colour = translate("HandoffImport", "✘ 与本文件的成绩指纹不符：请核对已签字的纸质成绩单，"
                                                       "或确认拿到的是对应的成绩交接文件"), RED
        elif text.strip():
            shown, colour = translate("HandoffImport", "已输入 {n}/8 位").format(n=len("".join(text.split()))), GREY
        else:
            shown, colour = translate("HandoffImport", "请对照已签字的纸质成绩单输入"), GREY
        self.verdict.setText(shown)
        self.verdict.setStyleSheet(f"color: {colour};")
        self.changed.emit()


class PackagePicker(QWidget):
    """Choose packages; each is read by the core and must be confirmed against the paper."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.choose = QPushButton(translate("HandoffImport", "选择成绩交接文件…"))
        self.choose.setObjectName("choose")
        self.choose.clicked.connect(lambda: self.browse())
        row.addWidget(self.choose)
        hint = QLabel(translate("HandoffImport", "每份文件须与已签字的纸质成绩单核对：输入成绩单上的交接码"
                                                 "（旧版文件：成绩指纹的前 8 位）。"))
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        layout.addLayout(row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self.list = QVBoxLayout(holder)
        self.list.setAlignment(Qt.AlignTop)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self.cards: list[PackageCard] = []
        held = tempfile.TemporaryDirectory(prefix="skillscore-sspkg-")
        self.held = Path(held.name)
        self.destroyed.connect(lambda *_: held.cleanup())

    def _hold(self, path: Path) -> Path:
        """A private copy of the chosen file, which is what is read, shown, checked against
        the paper and then used: swapping the stick or rewriting the file meanwhile cannot
        slip in results nobody checked."""
        from skillscore.exchange.handoff import MAX_PACKAGE_BYTES

        if not path.is_file() or path.stat().st_size > MAX_PACKAGE_BYTES:
            return path  # read_package refuses it in its own words
        copy = self.held / str(len(self.cards)) / path.name  # the name stays: sources record it
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        return copy

    def browse(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, translate("HandoffImport", "选择成绩交接文件"), "",
                                                package_filter())
        self.add_files(paths)

    def add_files(self, paths) -> list[PackageCard]:
        from skillscore.exchange.handoff_read import inspect_package as read_package  # a sealed file waits for its code

        added = []
        QApplication.setOverrideCursor(Qt.WaitCursor)  # a large file takes a moment to verify
        try:
            for path in map(Path, paths):
                if any(card.path.resolve() == path.resolve() for card in self.cards):
                    continue  # the same file chosen twice is listed once
                added.append(self._card(path, read_package))
        finally:
            QApplication.restoreOverrideCursor()
        self.changed.emit()
        return added

    def _card(self, path: Path, read_package) -> PackageCard:
        try:
            card = PackageCard(path, read_package(self._hold(path)))
        except (SkillscoreError, OSError) as e:
            card = PackageCard(path, error=error_text(e))
        card.changed.connect(self.changed)
        card.removed.connect(self.remove)
        self.list.addWidget(card)
        self.cards.append(card)
        return card

    def remove(self, card: PackageCard) -> None:
        self.cards.remove(card)
        card.setParent(None)
        card.deleteLater()
        self.changed.emit()

    @property
    def packages(self) -> list:
        return [card.package for card in self.cards if card.package is not None]

    @property
    def codes(self) -> list[str | None]:
        """The code that opened each package (None for a file written before sealing)."""
        return [card.code_value for card in self.cards if card.package is not None]

    @property
    def all_confirmed(self) -> bool:
        """Something chosen, every file readable and every fingerprint matched to paper."""
        return bool(self.cards) and all(card.confirmed for card in self.cards)


class ConfirmPackagesDialog(QDialog):
    """Packages chosen and confirmed against their paper sheets (for 添加来源)."""

    def __init__(self, parent=None, title: str | None = None):
        super().__init__(parent)
        self.setObjectName("confirm_packages_dialog")
        self.setWindowTitle(title or translate("HandoffImport", "添加来源"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.picker = PackagePicker()
        layout.addWidget(self.picker, 1)
        self.buttons = ok_cancel(self)
        self.ok = self.buttons.button(QDialogButtonBox.Ok)
        layout.addWidget(self.buttons)
        self.picker.changed.connect(lambda: self.ok.setEnabled(self.picker.all_confirmed))
        self.ok.setEnabled(False)

    def accept(self) -> None:
        if self.picker.all_confirmed:  # the button is disabled otherwise; Enter must not slip past
            super().accept()


class NextStageDialog(QDialog):
    """The next stage's competition file from the previous stage's packages."""

    def __init__(self, parent=None, *, operator: str | None = None):
        super().__init__(parent)
        self.setObjectName("next_stage_dialog")
        self.setWindowTitle(translate("HandoffImport", "新建下一阶段（从成绩交接文件）"))
        self.resize(820, 700)
        self.operator = operator
        self.created: Path | None = None  # the new file, once made
        self.task = None
        self._suggested = ""
        layout = QVBoxLayout(self)
        self.picker = PackagePicker()
        layout.addWidget(self.picker, 1)
        form = QFormLayout()
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        for stage in NEXT_STAGE.values():
            self.stage.addItem(word(stage), stage)
        self.committee = QLineEdit()
        self.committee.setObjectName("committee")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin_again = QLineEdit()
        self.pin_again.setObjectName("pin_again")
        self.pin_again.setEchoMode(QLineEdit.Password)
        self.path = QLineEdit()
        self.path.setObjectName("path")
        browse = QPushButton(translate("HandoffImport", "浏览…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(translate("HandoffImport", "新阶段"), self.stage)
        form.addRow(translate("HandoffImport", "组委会"), self.committee)
        form.addRow(translate("HandoffImport", "比赛日期"), self.date)
        form.addRow(translate("HandoffImport", "裁判长口令"), self.pin)
        form.addRow(translate("HandoffImport", "再输入一次口令"), self.pin_again)
        form.addRow(translate("HandoffImport", "新竞赛文件"), path_row)
        layout.addLayout(form)
        self.problem = problem_label()
        self.problem.setObjectName("problem")
        layout.addWidget(self.problem)
        self.buttons = ok_cancel(self)
        self.ok = self.buttons.button(QDialogButtonBox.Ok)
        layout.addWidget(self.buttons)
        self.picker.changed.connect(self._packages_changed)
        self.stage.currentIndexChanged.connect(lambda _: self._suggest_path())
        self._packages_changed()

    def _packages_changed(self) -> None:
        packages = self.picker.packages
        stages = {p.stage for p in packages}
        if len(stages) == 1 and stages <= NEXT_STAGE.keys():  # mixed or final: the core says why
            self.stage.setCurrentIndex(self.stage.findData(NEXT_STAGE[stages.pop()]))
        self._suggest_path()
        self.ok.setEnabled(self.picker.all_confirmed and self.task is None)

    def _suggest_path(self) -> None:
        packages = self.picker.packages
        if not packages or self.path.text() not in ("", self._suggested):
            return  # never overwrite a name the user chose
        self._suggested = str(default_folder() / f"{packages[0].event_name}-{self.stage.currentText()}.skillscore")
        self.path.setText(self._suggested)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, translate("HandoffImport", "新竞赛文件"), self.path.text(),
                                                translate("HandoffImport", "竞赛文件 (*.skillscore *.sqlite)"))
        if chosen:
            self.path.setText(chosen)

    def fail(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def accept(self) -> None:
        if not self.picker.all_confirmed or self.task is not None:
            return
        if self.pin.text() != self.pin_again.text():
            return self.fail(translate("HandoffImport", "两次输入的口令不一致"))
        if not self.committee.text().strip():
            return self.fail(translate("HandoffImport", "请填写组委会名称"))
        if not self.path.text().strip():
            return self.fail(translate("HandoffImport", "请选择新竞赛文件的位置"))
        self.problem.hide()
        self._create(Path(self.path.text().strip()))

    def _create(self, path: Path) -> None:
        """Off the GUI thread: reading every package again and writing the roster takes a
        while for large sittings. The core checks everything first and leaves no file
        behind on a refusal."""
        from skillscore.actions.competition import Competition

        from ..workers import run_task

        options = dict(stage=self.stage.currentData(), committee=self.committee.text().strip(), pin=self.pin.text(),
                       date=dt.date.fromisoformat(self.date.date().toString("yyyy-MM-dd")), quota=None, levels=None,
                       operator=self.operator)
        packages = [p.path for p in self.picker.packages]
        codes = self.picker.codes

        def body(progress):
            path.parent.mkdir(parents=True, exist_ok=True)
            Competition.create_from_packages(path, packages, codes=codes, **options).close()
            return path

        self.ok.setEnabled(False)
        self.task = run_task(self, translate("HandoffImport", "正在生成名单…"), body,
                             on_done=self._created, on_error=self._refused)

    def _created(self, path: Path) -> None:
        self.task = None
        self.created = path
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self.task = None
        self.ok.setEnabled(self.picker.all_confirmed)
        self.fail(error.message(current_lang()) if isinstance(error, SkillscoreError) else str(error))

    def reject(self) -> None:
        if self.task is None:  # the file is being written: let it finish
            super().reject()

    @classmethod
    def ask(cls, parent, *, operator: str | None = None, packages=()) -> Path | None:
        dialog = cls(parent, operator=operator)
        dialog.picker.add_files(packages)  # a double-clicked handoff file arrives already chosen
        try:
            return dialog.created if dialog.exec() == QDialog.Accepted else None
        finally:
            dialog.deleteLater()
