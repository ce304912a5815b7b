"""Every Qt model passes pytest-qt's model tester, and signals are exact."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from skillscore.errors import InputError, Problem
from ui.models.audit import AuditModel
from ui.models.base import RIGHT
from ui.models.marks import MarksModel
from ui.models.preview import PreviewModel, PreviewRow, ProblemModel
from ui.models.ranking import FILTERS, RankingModel
from ui.models.roster import RosterModel
from ui.session import Session

pytestmark = pytest.mark.gui


@pytest.fixture
def session(demo_file):
    s = Session.open(demo_file, operator="测试员")
    yield s
    s.close()


def ranking_model(session) -> RankingModel:
    model = RankingModel()
    model.set_standings(session.standings(), employers={c.no: c.unit for c in session.contestants()},
                        decisions=session.tie_decisions())
    return model


def test_ranking_model_passes_the_model_tester_in_every_filter(qtmodeltester, session):
    model = ranking_model(session)
    qtmodeltester.check(model, force_py=True)  # the tester stays attached and checks every signal below
    for mode in FILTERS:
        model.set_filter(mode)
        assert model.rowCount() > 0
    model.set_filter("all")
    session.set_mark("A058", "practical", "99")
    model.set_standings(session.standings(), employers={}, decisions=session.tie_decisions())


def test_marks_roster_audit_and_import_models_pass_the_model_tester(qtmodeltester, session):
    qtmodeltester.check(MarksModel(session), force_py=True)
    qtmodeltester.check(RosterModel(session), force_py=True)
    audit = AuditModel(session)
    audit.reload()
    qtmodeltester.check(audit, force_py=True)
    problems = ProblemModel()
    problems.set_rows(InputError([Problem("value_required", file="a.csv", row=3, column="姓名",
                                          params={"column": "姓名"})]).problems)
    qtmodeltester.check(problems, force_py=True)
    preview = PreviewModel()
    preview.set_rows([PreviewRow(2, "A001", "张三 · 某公司", "add")])
    qtmodeltester.check(preview, force_py=True)


def test_numbers_are_right_aligned_display_is_formatted_edit_is_raw(session):
    model = ranking_model(session)
    total = model.index(0, model.column_of("total"))
    assert model.data(total, Qt.TextAlignmentRole) == RIGHT
    assert model.data(total) == "93.45" and model.data(total, Qt.EditRole) == Decimal("93.45")
    assert model.headerData(model.column_of("total"), Qt.Horizontal) == "总成绩"


def test_a_saved_mark_changes_only_the_rows_that_moved(qtbot, session):
    model = ranking_model(session)
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles=(): changed.append((a.row(), b.row())))
    session.set_mark("A033", "practical", "73.72")  # 78.43 → 78.44: still 16th, same neighbours
    model.set_standings(session.standings(), employers={}, decisions=session.tie_decisions())
    row = next(i for i, r in enumerate(model.rows) if r.unit.key == "A033")
    assert resets == [] and changed == [(row, row)]


def test_marks_model_refuses_through_the_core_and_keeps_the_old_value(session):
    model = MarksModel(session)
    index = model.index(model.row_of("A001"), model.column_of("practical"))
    old = model.data(index)
    refused = []
    model.refused.connect(lambda i, text: refused.append(text))
    assert not model.setData(index, "-1")
    assert model.data(index) == old and refused == ["分数 -1 超出范围：应在 0–100 之间"]
    status = model.index(model.row_of("A001"), model.column_of("status"))
    assert not model.setData(status, "迟到")
    assert refused[-1] == "状态「迟到」无法识别：应为空、缺考、弃权或取消资格"


def test_the_roster_never_shows_a_full_id_number(session):
    model = RosterModel(session)
    col = model.column_of("id_number")
    full = {c.no: c.id_number for c in session.contestants()}
    for row in range(model.rowCount()):
        no = model.row_at(row).no
        for role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            shown = model.data(model.index(row, col), role)
            assert shown is None or full[no] not in str(shown)
    assert model.data(model.index(0, col)).count("*") == 8
