"""The hall's projector window: the ranking in large type, paging, following the desk,
hiding marks until announced, never an ID number or a phone. Real widgets, offscreen."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from skillscore.actions.competition import Competition
from ui.hall_data import employers_of, hall_screen
from ui.projector import COLUMNS, ProjectorWindow
from ui.projector_control import ProjectorController
from ui.session import Session

HALL = (1920, 1080)


@pytest.fixture
def session(demo_file):
    s = Session.open(demo_file, operator="测试员")
    yield s
    s.close()


@pytest.fixture
def wall(qtbot, session):
    w = ProjectorWindow()
    qtbot.addWidget(w)
    w.set_page_seconds(0)  # tests turn the pages themselves unless they test the pace
    w.resize(*HALL)
    w.refresh(session.comp.ranking(), employers_of(session.contestants()))
    return w


def all_pages(w: ProjectorWindow) -> list[list[str]]:
    rows = []
    for page in range(w.page_count()):
        w.go_to(page)
        rows.extend(w.page_texts())
    w.go_to(0)
    return rows


def column(w: ProjectorWindow, key: str) -> int:
    return [c.key for c in w.columns()].index(key)


def test_every_contestant_appears_once_in_ranking_order_with_rank_total_and_outcome(wall, session):
    ranking = session.comp.ranking()
    rows = all_pages(wall)
    assert [r[column(wall, "no")] for r in rows] == [r["no"] for r in ranking["rows"]]
    units = employers_of(session.contestants())
    for shown, r in zip(rows, ranking["rows"]):
        cell = dict(zip([c.key for c in wall.columns()], shown))
        assert cell["name"] == r["name"] and cell["unit"] == units[r["no"]]
        if r["status"] == "ranked":
            rank = str(r["rank"]) if r["rank"] else f"{r['rank_range'][0]}–{r['rank_range'][1]}"
            assert (cell["rank"], cell["total"]) == (rank, r["total"])
            assert cell["advances"] == ("✓" if r["advances"] else "")
        else:
            assert cell["rank"] == "" and cell["total"] in ("缺考", "弃权", "取消资格", "待录入")
    # The demo is certificate-bearing at the prelim: every column of the issue is there.
    assert [c.key for c in wall.columns()] == [c.key for c in COLUMNS]


def test_no_id_number_or_phone_ever_reaches_the_wall(wall, session):
    shown = "\n".join("\t".join(r) for r in all_pages(wall))
    people = session.contestants()
    assert people
    for c in people:
        assert c.id_number not in shown and c.phone not in shown
        assert c.id_number[:6] + "*" not in shown  # not even masked: the hall has no use for it
    # Hidden mode shows even less.
    wall.set_marks_hidden(True)
    shown = "\n".join("\t".join(r) for r in all_pages(wall))
    assert not any(c.id_number in shown or c.phone in shown for c in people)


def test_the_cut_off_line_sits_under_the_last_advancing_row_and_ties_are_marked(wall, session):
    ranking = session.comp.ranking()
    cut = [i for i, row in enumerate(wall.rows) if row.cut_after]
    last_in = max(i for i, r in enumerate(ranking["rows"]) if r["advances"] is True)
    assert cut == [last_in]
    tied = [row for row in wall.rows if row.tie == "unresolved"]
    assert [row.cells["rank"] for row in tied] == ["14–15", "14–15"]
    assert {row.tie for row in wall.rows} >= {"practical", "unresolved"}


def test_a_saved_mark_shows_on_the_wall_at_once(qtbot, session):
    desk = QWidget()
    qtbot.addWidget(desk)
    controller = ProjectorController(desk)
    qtbot.addWidget(controller.window)
    controller.window.resize(*HALL)
    controller.follow(session)
    controller.toggle()  # F11: the wall opens full screen
    qtbot.waitExposed(controller.window)
    assert controller.window.isVisible() and controller.window.isFullScreen()
    before = next(r for r in controller.window.rows if r.cells["no"] == "A058")
    assert before.cells["rank"] != "1"

    session.set_mark("A058", "theory", "100")  # what the marks grid does on Enter
    session.set_mark("A058", "practical", "100")

    with Competition(session.path) as other:  # what the file now holds, read independently
        top = other.ranking()["rows"][0]
    assert top["no"] == "A058" and top["total"] == "100.00"
    first = controller.window.rows[0]
    assert (first.cells["rank"], first.cells["no"], first.cells["total"]) == ("1", "A058", "100.00")
    assert first.cells["theory"] == "100.00"
    controller.toggle()
    assert not controller.window.isVisible()


def test_hiding_marks_blanks_every_result_and_lists_by_number(wall, session):
    ranking = session.comp.ranking()
    results = {r[k] for r in ranking["rows"] for k in ("theory", "practical", "total") if r[k]} - {"absent"}
    wall.set_marks_hidden(True)
    assert [c.key for c in wall.columns()] == ["no", "name", "unit"]
    rows = all_pages(wall)
    assert [r[0] for r in rows] == sorted(r["no"] for r in ranking["rows"])  # by number, no order hint
    cells = {cell for row in rows for cell in row}
    assert not cells & results
    assert not any(row.advances or row.tie or row.cut_after for row in wall.rows)
    wall.set_marks_hidden(False)
    assert all_pages(wall)[0][column(wall, "total")] == ranking["rows"][0]["total"]


def test_the_hide_switch_in_the_menu_and_the_h_key_agree(qtbot, session):
    desk = QWidget()
    qtbot.addWidget(desk)
    controller = ProjectorController(desk)
    qtbot.addWidget(controller.window)
    controller.follow(session)
    show, hide, pace = controller.actions(desk)
    assert show.shortcut().toString() == "F11"
    hide.setChecked(True)
    assert controller.window.hidden
    qtbot.keyClick(controller.window, Qt.Key_H)
    assert not controller.window.hidden and not hide.isChecked()


def test_choices_made_before_the_wall_is_built_carry_over_to_it(qtbot, session, monkeypatch):
    """The hall's window is built when first needed: the hiding and the pace chosen from
    the menu before that are what it starts with, and the pace is remembered."""
    desk = QWidget()
    qtbot.addWidget(desk)
    controller = ProjectorController(desk)
    controller.follow(session)
    show, hide, pace = controller.actions(desk)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getInt", lambda *a, **k: (25, True))
    pace.trigger()
    hide.setChecked(True)
    assert controller._window is None  # nothing shown on the wall yet, nothing built
    show.trigger()  # F11
    qtbot.addWidget(controller.window)
    assert controller.window.isVisible() and controller.window.hidden
    assert controller.window.seconds == 25 and controller.window.timer.interval() == 25000
    assert ProjectorController(desk).seconds == 25  # remembered for the next start
    qtbot.keyClick(controller.window, Qt.Key_H)  # and the wall's H still moves the menu's mark
    assert not hide.isChecked() and not controller.hidden


def test_pages_turn_by_themselves_at_the_set_pace_and_wrap_around(qtbot, wall):
    assert wall.page_count() > 1
    wall.set_page_seconds(1)
    assert wall.timer.isActive() and wall.timer.interval() == 1000
    with qtbot.waitSignal(wall.page_changed, timeout=3000) as signal:
        pass
    assert signal.args == [1, wall.page_count()] and wall.page == 1
    wall.go_to(wall.page_count() - 1)
    wall.next_page()
    assert wall.page == 0
    wall.set_page_seconds(0)
    assert not wall.timer.isActive()


def test_keys_on_the_wall_turn_pages_and_escape_closes(qtbot, wall):
    wall.show()
    qtbot.waitExposed(wall)
    qtbot.keyClick(wall, Qt.Key_Space)
    assert wall.page == 1
    qtbot.keyClick(wall, Qt.Key_PageUp)
    assert wall.page == 0
    qtbot.keyClick(wall, Qt.Key_Escape)
    assert not wall.isVisible()


@pytest.mark.parametrize("height, at_least", [(768, 10), (1080, 14), (2160, 14)])
def test_a_taller_screen_shows_at_least_as_many_rows_and_every_row_once(wall, height, at_least):
    wall.resize(height * 16 // 9, height)
    assert wall.rows_per_page() >= at_least
    rows = all_pages(wall)
    assert len(rows) == len(wall.rows) == 60
    assert len({r[column(wall, "no")] for r in rows}) == 60


def test_the_picture_is_painted_at_full_hd(wall):
    wall.show()
    image = wall.grab().toImage()
    assert (image.width(), image.height()) == HALL
    # The header band is dark and the rows are light: the paint really ran.
    assert image.pixelColor(10, 10).lightness() < 80
    assert image.pixelColor(HALL[0] // 2, HALL[1] // 2).lightness() > 150


def test_the_wall_goes_to_another_screen_when_one_is_attached():
    desk, hall = SimpleNamespace(name="desk"), SimpleNamespace(name="hall")
    assert hall_screen([desk, hall], desk) is hall
    assert hall_screen([hall, desk], desk) is hall
    assert hall_screen([desk], desk) is desk
    assert hall_screen([desk, hall], None) is desk  # unknown desk screen: the first one


def test_show_on_hall_screen_goes_full_screen_on_a_real_screen(qtbot, wall):
    screen = wall.show_on_hall_screen(None)
    qtbot.waitExposed(wall)
    assert screen is not None and wall.isFullScreen()
    assert wall.geometry() == screen.geometry()


def test_in_english_the_wall_uses_the_english_words(qtbot, session):
    from ui.i18n import install_language

    install_language("en")
    w = ProjectorWindow()
    qtbot.addWidget(w)
    w.resize(*HALL)
    w.refresh(session.comp.ranking(), employers_of(session.contestants()))
    first = dict(zip([c.key for c in w.columns()], w.page_texts()[0]))
    assert first["certificate"] == "Level 3 / Senior worker" and first["advances"] == "✓"
    statuses = {r.cells["total"] for r in w.rows if not r.cells["rank"]}
    assert statuses <= {"Absent", "Withdrawn", "Disqualified", "Not entered"} and statuses
    assert QCoreApplication.translate("Projector", COLUMNS[0].title) == "Rank"
    w.show()
    assert not w.grab().isNull()


def test_the_wall_reads_the_same_ranking_as_the_file(session):
    from ui.hall_data import ranking_of

    session.set_mark("A001", "practical", "77.77")
    with Competition(session.path) as other:
        assert ranking_of(session) == other.ranking()
    # Finalised: the stored results, fingerprint included.
    for no in [r["no"] for r in session.comp.ranking()["rows"] if r["status"] == "incomplete"]:
        session.set_mark(no, "practical", "60")
    session.comp.draw_lots(list(session.comp.standings().tie_groups[0]), pin="2468", seed="s")
    session.comp.finalize(pin="2468")
    session.after(frozenset({"stage"}))
    with Competition(session.path) as other:
        assert ranking_of(session) == other.ranking() and ranking_of(session)["fingerprint"]
