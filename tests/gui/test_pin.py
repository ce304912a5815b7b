"""The chief judge's actions: each asks for the PIN, and the facade refuses a wrong one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from skillscore.actions.competition import Competition

from support import PIN
from helpers import answer_next_dialog, audit_count

pytestmark = pytest.mark.gui
WRONG = "0000"
REFUSED = "裁判长口令错误，操作未执行"


def complete(desk):
    """Enter the demo's missing marks and settle its tie, so it can be finalised."""
    for no in ("A058", "A059", "A060"):
        desk.session.set_mark(no, "practical", "70")
    assert desk.finalize_tab.draw(("A015", "A022"), answer=(PIN, ""))


ACTIONS = {
    "admit": lambda d, pin: d.admit("A099", answer=(pin, "工龄证明已核实")),
    "resolve": lambda d, pin: d.finalize_tab.resolve(("A015", "A022"), answer=(["A022", "A015"], "复核", pin)),
    "draw": lambda d, pin: d.finalize_tab.draw(("A015", "A022"), answer=(pin, "")),
    "quota": lambda d, pin: d.finalize_tab.set_quota(quota=10, answer=(pin, "")),
    "finalize": lambda d, pin: d.finalize_tab.finalize(answer=(pin, "")),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_wrong_pin_is_refused_and_nothing_changes(desk, demo_file, action):
    if action == "finalize":
        complete(desk)
    before = audit_count(demo_file, ignore=("pin_failed",))
    assert not ACTIONS[action](desk, WRONG)
    assert desk.strip.text() == REFUSED
    assert audit_count(demo_file, ignore=("pin_failed",)) == before
    assert ACTIONS[action](desk, PIN)  # the right PIN does it
    assert audit_count(demo_file, ignore=("pin_failed",)) > before


def test_reopen_needs_the_pin_and_a_reason_and_bumps_the_version(desk, demo_file):
    complete(desk)
    assert desk.finalize_tab.finalize(answer=(PIN, ""))
    assert not desk.finalize_tab.reopen(answer=(WRONG, "改正录入错误"))
    assert desk.strip.text() == REFUSED and desk.session.info().finalized
    assert not desk.finalize_tab.reopen(answer=(PIN, " "))
    assert desk.strip.text() == "请填写理由"
    assert desk.finalize_tab.reopen(answer=(PIN, "改正录入错误"))
    assert not desk.banner.isVisibleTo(desk) and desk.session.info().version == 2
    assert desk.marks_tab.model.read_only is False


def test_drawing_lots_keeps_the_seed_and_turns_the_tie_blue(desk, demo_file):
    assert desk.finalize_tab.draw(("A015", "A022"), answer=(PIN, ""))
    with Competition(demo_file) as comp:
        decision = comp.tie_decisions()[-1]
        last = comp.audit_entries()[-1]
    assert decision.method == "lot" and decision.seed
    assert desk.strip.text() == f"抽签结果：{'、'.join(decision.order)}（种子 {decision.seed}）"
    assert (last.action, last.operator, last.reason) == ("tie_lot", "测试员", f"seed={decision.seed}")
    model = desk.ranking_tab.model
    assert {r.tie for r in model.rows if r.unit.key in decision.order} == {"committee"}


def test_the_finalise_checklist_says_exactly_what_blocks_it(desk):
    tab = desk.finalize_tab
    desk.tabs.setCurrentWidget(tab)
    assert tab.checklist.text() == ("✘ 不能定稿：3 名选手成绩待录入（A058、A059、A060）\n"
                                    "✘ 不能定稿：仍有并列待定（A015、A022），请组委会裁定或抽签")
    assert not tab.finalize_button.isEnabled()
    complete(desk)
    assert tab.checklist.text().startswith("✓ 可以定稿") and tab.finalize_button.isEnabled()


def test_the_real_pin_dialog_is_used_and_a_wrong_pin_from_it_is_refused(qtbot, desk, demo_file):
    complete(desk)
    desk.tabs.setCurrentWidget(desk.finalize_tab)
    seen = []

    def fill(dialog: QDialog):
        seen.append(dialog.objectName())
        dialog.pin.setText(WRONG)
        dialog.accept()

    answer_next_dialog(fill)
    desk.finalize_tab.finalize_button.click()
    assert seen == ["pin_dialog"] and desk.strip.text() == REFUSED
    assert not desk.session.info().finalized


def test_the_quota_box_offers_no_more_than_the_30_percent_ceiling(desk, monkeypatch):
    from ui.views import finalize_tab

    asked = []
    monkeypatch.setattr(finalize_tab.QInputDialog, "getInt",
                        lambda *a: asked.append(a[3:6]) or (a[3], False))  # (value, min, max); then cancel
    assert not desk.finalize_tab.set_quota()
    ranked = desk.session.standings().ranked
    # Once up to everyone ranked, with anything over 30 % refused only after the PIN.
    assert asked == [(desk.session.standings().advance_quota, 0, ranked * 30 // 100)] and ranked > 10
