"""Several desks from the GUI: export this desk's marks, merge another desk's file after a
trial that shows what it adds (issue 9)."""

from __future__ import annotations

from skillscore.actions.competition import Competition
from skillscore.actions.safety import copy_file


def test_merging_a_desk_file_shows_the_trial_then_adds_its_marks(window, tmp_path, monkeypatch):
    from ui.dialogs.desk_files import DeskMergeDialog

    main = window.session.comp.path
    desk_copy = copy_file(main, tmp_path / "desk2.skillscore")
    with Competition(desk_copy, operator="二号台") as desk:
        desk.set_mark("A058", "practical", "71.50")
        code = desk.export_desk(tmp_path / "desk2.ssdesk", desk="二号台").code

    shown = []

    def run(dialog):
        from PySide6.QtWidgets import QLineEdit

        assert isinstance(dialog, DeskMergeDialog) and not dialog.merge_button.isEnabled()
        field = dialog.findChild(QLineEdit, "desk_code")
        field.setText("2222-2222-2222-2222")  # mistyped: the trial says so and nothing merges
        dialog.trial()
        assert "交接码打不开 desk2.ssdesk" in dialog.summary.text() and not dialog.merge_button.isEnabled()
        field.setText(code)  # as the exporting desk showed it
        dialog.trial()
        assert dialog.merge_button.isEnabled()
        shown.append(dialog.report.toPlainText())
        dialog.merge()

    monkeypatch.setattr(window, "_run_dialog", run)
    assert window.merge_desk_files([str(tmp_path / "desk2.ssdesk")])
    assert "+ A058" in shown[0] and "71.50" in shown[0]
    assert str(window.session.comp.entries()["A058"].practical) == "71.50"
    # The same file again changes nothing, and says so.
    assert window.merge_desk_files([str(tmp_path / "desk2.ssdesk")])
    assert "合并过" in shown[1]


def test_exporting_this_desks_marks(window, tmp_path):
    window.session.comp.set_mark("A059", "practical", "66")
    out = tmp_path / "me.ssdesk"
    window.export_desk_file(str(out))
    assert out.is_file() and "已导出" in window.statusBar().currentMessage()
    from PySide6.QtWidgets import QMessageBox

    with Competition(window.session.comp.path) as comp:
        code = comp.store.meta("desk_code")
    box = window.findChild(QMessageBox, "desk_code_box")
    assert box.isVisible() and code in box.text() and code in window.statusBar().currentMessage()
    box.close()
