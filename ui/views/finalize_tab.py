"""定稿与输出: settle ties, see exactly what blocks finalising, finalise or reopen, output.

Every action here is the chief judge's: each asks for the PIN (and a reason where the
rules want one) and the facade refuses a wrong one. The checklist is the facade's own
``finalize_blockers()``, rendered in the user's language, so it never disagrees with
what ``finalize`` would say.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from skillscore.errors import SkillscoreError
from skillscore.messages import render
from skillscore.rules.outcomes import default_quota  # the 30 % ceiling: the box offers no more

from .. import operations as ops
from ..dialogs.pin import PinDialog
from ..dialogs.tie_order import TieOrderDialog
from ..i18n import current_lang
from ..words import mark_text

translate = QCoreApplication.translate


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


class FinalizeTab(QWidget):
    notify = Signal(str, bool)  # text, is_error

    def __init__(self, session, outputs: list[tuple[str, Callable]], parent=None):
        super().__init__(parent)
        self.session = session
        layout = QHBoxLayout(self)
        # Left: ties.
        ties_box = QGroupBox(translate("FinalizeTab", "并列待定"))
        ties_layout = QVBoxLayout(ties_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setStyleSheet("QScrollArea { background: transparent; } QScrollArea > QWidget > QWidget { background: transparent; }")
        self.ties_holder = QWidget()
        self.ties_list = QVBoxLayout(self.ties_holder)
        self.ties_list.setAlignment(Qt.AlignTop)
        scroll.setWidget(self.ties_holder)
        ties_layout.addWidget(scroll, 1)
        ties_layout.addWidget(_bold(translate("FinalizeTab", "已裁定")))
        self.decided = QLabel()
        self.decided.setObjectName("decided")
        self.decided.setWordWrap(True)
        self.decided.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        ties_layout.addWidget(self.decided)
        layout.addWidget(ties_box, 3)
        # Right: finalising and output.
        right = QVBoxLayout()
        final_box = QGroupBox(translate("FinalizeTab", "定稿"))
        final_layout = QVBoxLayout(final_box)
        self.checklist = QLabel()
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        final_layout.addWidget(self.checklist)
        quota_row = QHBoxLayout()
        self.quota_label = QLabel()
        self.quota_button = QPushButton(translate("FinalizeTab", "修改晋级名额…"))
        self.quota_button.clicked.connect(lambda: self.set_quota())
        quota_row.addWidget(self.quota_label, 1)
        quota_row.addWidget(self.quota_button)
        final_layout.addLayout(quota_row)
        buttons = QHBoxLayout()
        self.finalize_button = QPushButton(translate("FinalizeTab", "定稿…"))
        self.finalize_button.setObjectName("finalize")
        self.reopen_button = QPushButton(translate("FinalizeTab", "撤销定稿…"))
        self.reopen_button.setObjectName("reopen")
        self.finalize_button.clicked.connect(lambda: self.finalize())
        self.reopen_button.clicked.connect(lambda: self.reopen())
        buttons.addWidget(self.finalize_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        final_layout.addLayout(buttons)
        right.addWidget(final_box)
        out_box = QGroupBox(translate("FinalizeTab", "输出"))
        out_layout = QGridLayout(out_box)
        for i, (label, action) in enumerate(outputs):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, a=action: a())
            out_layout.addWidget(button, i // 2, i % 2)
        right.addWidget(out_box)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.group_buttons: list[tuple[tuple[str, ...], QPushButton, QPushButton]] = []

    # -- showing --------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        info, standings = s.info(), s.standings()
        lang = current_lang()
        while self.ties_list.count():
            item = self.ties_list.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.group_buttons = []
        by_key = {r.unit.key: r for r in standings.rows}
        for group in standings.tie_groups:
            self.ties_list.addWidget(self._group_box(group, by_key, info.finalized))
        if not standings.tie_groups:
            self.ties_list.addWidget(QLabel(translate("FinalizeTab", "✓ 没有并列待定")))
        self.decided.setText(self._decided_text() or translate("FinalizeTab", "无"))
        blockers = s.finalize_blockers()
        if info.finalized:
            text = translate("FinalizeTab", "已定稿（第 {version} 版）\n成绩指纹 {fingerprint}").format(
                version=info.version, fingerprint=info.fingerprint)
            colour = "#1B5E20"
        elif blockers:
            # The core's messages already begin "不能定稿：", so no heading of our own.
            text = "\n".join("✘ " + render(code, lang, **params) for code, params in blockers)
            colour = "#8E1B1B"
        else:
            text = translate("FinalizeTab", "✓ 可以定稿：成绩已全部录入，没有并列待定。定稿后成绩只读，并生成成绩指纹。")
            colour = "#1B5E20"
        self.checklist.setText(text)
        self.checklist.setStyleSheet(f"color: {colour};")
        if info.stage.advances:
            quota = translate("FinalizeTab", "晋级名额 {quota}（参赛 {ranked} 人）").format(
                quota=standings.advance_quota, ranked=standings.ranked)
            if info.rules.quota is None:
                quota += translate("FinalizeTab", "，按 30% 向下取整")
        else:
            quota = translate("FinalizeTab", "决赛不设晋级名额")
        self.quota_label.setText(quota)
        self.quota_button.setVisible(info.stage.advances)
        self.quota_button.setEnabled(not info.finalized)
        self.finalize_button.setEnabled(not info.finalized and not blockers)
        self.reopen_button.setEnabled(info.finalized)

    def _group_box(self, group: tuple[str, ...], by_key: dict, finalized: bool) -> QWidget:
        rows = [by_key[k] for k in group]
        first = rows[0]
        a, b = first.rank_range or (0, 0)
        box = QFrame()
        box.setObjectName("tie_group")
        box.setStyleSheet("QFrame#tie_group { background: #FBE3E3; border: 1px solid #D9A0A0; }")
        layout = QVBoxLayout(box)
        names = "、".join(f"{r.unit.key} {r.unit.name}" for r in rows)
        text = translate("FinalizeTab", "名次 {a}–{b} 并列待定：{names}\n总成绩 {total} · 技能操作 {practical}").format(
            a=a, b=b, names=names, total=mark_text(first.unit.total), practical=mark_text(first.unit.practical))
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        buttons = QHBoxLayout()
        order = QPushButton(translate("FinalizeTab", "组委会裁定…"))
        lots = QPushButton(translate("FinalizeTab", "抽签…"))
        order.clicked.connect(lambda: self.resolve(group))
        lots.clicked.connect(lambda: self.draw(group))
        order.setEnabled(not finalized)
        lots.setEnabled(not finalized)
        buttons.addWidget(order)
        buttons.addWidget(lots)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.group_buttons.append((group, order, lots))
        return box

    def _decided_text(self) -> str:
        standings = self.session.standings()
        live = {r.unit.key for r in standings.rows if r.tie == "committee"}
        lines = []
        for d in self.session.tie_decisions():
            if not set(d.order) & live:
                continue  # made on marks that have since changed: no longer applies
            order = " > ".join(d.order)
            if d.method == "lot":
                lines.append(translate("FinalizeTab", "◆ 抽签确定：{order}（种子 {seed}）").format(order=order, seed=d.seed))
            else:
                lines.append(translate("FinalizeTab", "◆ 组委会裁定：{order}（理由：{reason}）").format(order=order, reason=d.reason))
        return "\n".join(lines)

    # -- acting (each asks for the PIN; ``answer`` lets a caller supply it) -----------------------------
    def _run(self, op, *args, done: str | None, **kwargs) -> bool:
        try:
            result = self.session.do(op, *args, **kwargs)
        except SkillscoreError as e:
            self.notify.emit(e.message(current_lang()), True)
            return False
        if done is not None:
            self.notify.emit(done.format(result=result), False)
        return True

    def resolve(self, group, *, answer: tuple[list[str], str, str] | None = None) -> bool:
        if answer is None:
            rows = {r.unit.key: r for r in self.session.standings().rows}
            first = rows[group[0]].rank_range[0] if rows[group[0]].rank_range else 1
            dialog = TieOrderDialog(self, [(k, rows[k].unit.name) for k in group], first)
            accepted = dialog.exec() == QDialog.Accepted
            answer = dialog.values() if accepted else None
            dialog.deleteLater()
            if answer is None:
                return False
        order, reason, pin = answer
        return self._run(ops.resolve_tie, list(order), reason=reason, pin=pin,
                         done=translate("FinalizeTab", "已按组委会裁定排序：") + "、".join(order))

    def draw(self, group, *, answer: tuple[str, str] | None = None) -> bool:
        answer = answer or PinDialog.ask(
            self, translate("FinalizeTab", "抽签"),
            translate("FinalizeTab", "由程序为 {members} 抽签排序，随机种子记入日志，任何人可复核。").format(members="、".join(group)))
        if answer is None:
            return False
        if not self._run(ops.draw_lots, list(group), pin=answer[0], done=None):
            return False
        drawn = self.session.tie_decisions()[-1]
        self.notify.emit(translate("FinalizeTab", "抽签结果：{order}（种子 {seed}）").format(
            order="、".join(drawn.order), seed=drawn.seed), False)
        return True

    def finalize(self, *, answer: tuple[str, str] | None = None) -> bool:
        answer = answer or PinDialog.ask(self, translate("FinalizeTab", "定稿"),
                                         translate("FinalizeTab", "定稿后本阶段成绩只读，并生成成绩指纹。"))
        if answer is None:
            return False
        return self._run(ops.finalize, pin=answer[0], done=translate("FinalizeTab", "已定稿 · 成绩指纹 {result}"))

    def reopen(self, *, answer: tuple[str, str] | None = None) -> bool:
        answer = answer or PinDialog.ask(self, translate("FinalizeTab", "撤销定稿"),
                                         translate("FinalizeTab", "撤销定稿后可以修改成绩，版本号加一。请写明理由。"),
                                         reason=True)
        if answer is None:
            return False
        pin, reason = answer
        return self._run(ops.reopen, reason=reason, pin=pin, done=translate("FinalizeTab", "已撤销定稿，现为第 {result} 版"))

    def set_quota(self, *, quota: int | None = None, answer: tuple[str, str] | None = None) -> bool:
        if quota is None:
            standings = self.session.standings()
            value, ok = QInputDialog.getInt(self, translate("FinalizeTab", "晋级名额"),
                                            translate("FinalizeTab", "晋级名额（不超过 30%，向下取整）："),
                                            standings.advance_quota or 0, 0, default_quota(standings.ranked))
            if not ok:
                return False
            quota = value
        answer = answer or PinDialog.ask(self, translate("FinalizeTab", "晋级名额"),
                                         translate("FinalizeTab", "将晋级名额设为 {quota}。").format(quota=quota))
        if answer is None:
            return False
        return self._run(ops.set_quota, quota, pin=answer[0],
                         done=translate("FinalizeTab", "晋级名额已设为 {quota}").format(quota=quota))

