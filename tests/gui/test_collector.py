"""The cycle collector run by the desk's event loop (ui/collector.py): never inside a typed
mark's update, always on the GUI thread, never while a worker runs, and garbage in cycles
is still freed."""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ui import collector
from ui.workers import run_task

from .conftest import open_window


@pytest.fixture
def running(qapp):
    collector.start(qapp)
    yield
    collector.stop()
    assert gc.isenabled()  # the rest of the suite runs with automatic collection


class Node:
    def __init__(self):
        self.me = self  # a cycle: only the cycle collector frees it


def cyclic_garbage(count: int = 2000) -> list[weakref.ref]:
    refs = []
    for _ in range(count):
        refs.append(weakref.ref(Node()))
    return refs


@contextmanager
def no_tick():
    """The collector's timer held still: what follows runs as inside one keystroke."""
    collector._State.timer.stop()
    try:
        yield
    finally:
        collector._State.timer.start()


class Collections:
    """Every collection that runs, with its generation and thread."""

    def __init__(self):
        self.seen: list[tuple[int, str]] = []

    def __call__(self, phase, info):
        if phase == "start":
            self.seen.append((info["generation"], threading.current_thread().name))

    def __enter__(self):
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self)


def test_garbage_in_cycles_is_freed_by_the_timer_on_the_gui_thread(running, qtbot):
    assert not gc.isenabled() and collector.running()
    with Collections() as collections:
        refs = cyclic_garbage()
        assert all(r() is not None for r in refs)  # nothing collected it where it was made
        qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=5000)
    assert collections.seen
    assert {thread for _, thread in collections.seen} == {threading.main_thread().name}


def test_only_due_generations_are_collected(running):
    gc.collect()
    assert collector.collect_due() is None  # counts are back under the thresholds
    refs = cyclic_garbage(gc.get_threshold()[0] + 100)
    assert collector.collect_due() == 0
    assert all(r() is None for r in refs)


@pytest.fixture
def small_thresholds():
    kept = gc.get_threshold()
    gc.set_threshold(100, 1, 1)
    yield
    gc.set_threshold(*kept)


def counts_making_every_generation_due():
    gc.collect()
    for generation in (0, 0, 1, 1, 0, 0):  # each pass counts one in the next generation up
        gc.collect(generation)
    assert gc.get_count()[1:] == (2, 2)


def test_a_full_pass_runs_at_most_once_every_few_minutes(running, small_thresholds, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(collector, "time", SimpleNamespace(monotonic=lambda: now[0]))
    monkeypatch.setattr(collector._State, "last_full", float("-inf"))
    counts_making_every_generation_due()
    refs = cyclic_garbage(200)
    assert collector.collect_due() == 2  # one pass, every generation in it
    assert gc.get_count()[1:] == (0, 0) and all(r() is None for r in refs)
    now[0] += collector.FULL_EVERY / 2
    counts_making_every_generation_due()
    cyclic_garbage(200)
    assert collector.collect_due() == 1  # too soon for another full pass: the middle one
    now[0] += collector.FULL_EVERY / 2 + 1
    counts_making_every_generation_due()
    cyclic_garbage(200)
    assert collector.collect_due() == 2


def test_a_typed_mark_at_the_desk_runs_no_collection(running, qtbot, demo_file):
    w = open_window(qtbot, demo_file)
    desk = w.desk
    marks = desk.marks_tab.model
    column = marks.column_of("practical")
    keep = [Node() for _ in range(5000)]  # well past every threshold: a collection is due
    assert gc.get_count()[0] > gc.get_threshold()[0]
    with no_tick(), Collections() as collections:  # a tick between two keystrokes is right, but not asked here
        for row, value in enumerate(["91.50", "62.25", "88.00"]):
            assert marks.setData(marks.index(row, column), value, Qt.EditRole)
            QApplication.processEvents()
    assert collections.seen == []
    assert not gc.isenabled()  # the kept ranking's pause did not switch automatic collection back on
    del keep


def test_nothing_is_collected_while_a_worker_runs(running, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    started, finish = threading.Event(), threading.Event()
    done = []

    def body(progress):
        started.set()
        finish.wait(5)
        return "ok"

    run_task(parent, "…", body, on_done=done.append, on_error=done.append, show_progress=False)
    assert started.wait(5)
    refs = cyclic_garbage(gc.get_threshold()[0] + 100)
    with Collections() as collections:
        assert collector.collect_due() is None
        qtbot.wait(collector.INTERVAL_MS + 300)  # the timer fires and holds back
    assert collections.seen == [] and all(r() is not None for r in refs)
    finish.set()
    qtbot.waitUntil(lambda: done == ["ok"], timeout=5000)
    assert not gc.isenabled()  # automatic collection stays off: the timer collects again
    qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=5000)


def test_without_the_timer_a_worker_leaves_automatic_collection_as_it_found_it(qapp, qtbot):
    assert not collector.running() and gc.isenabled()
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []

    def body(progress):
        seen.append(gc.isenabled())
        return "ok"

    done = []
    run_task(parent, "…", body, on_done=done.append, on_error=done.append, show_progress=False)
    qtbot.waitUntil(lambda: done == ["ok"], timeout=5000)
    assert seen == [False] and gc.isenabled()


def test_the_desk_starts_it(qapp, monkeypatch):
    import ui.app as app_module

    monkeypatch.setattr(app_module, "start_window", lambda *a, **k: None)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    monkeypatch.setattr(app_module, "use_user_folders", lambda: None)
    monkeypatch.setattr(app_module, "install_error_hook", lambda: None)
    try:
        assert app_module.run() == 0
        assert collector.running() and not gc.isenabled()
    finally:
        collector.stop()
    assert gc.isenabled()


def test_a_worker_that_exits_still_hands_back_and_releases_the_collector(running, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []

    def body(progress):
        raise SystemExit(3)

    run_task(parent, "…", body, on_done=errors.append, on_error=errors.append, show_progress=False)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], SystemExit)
    refs = cyclic_garbage(gc.get_threshold()[0] + 100)
    assert collector.collect_due() == 0 and all(r() is None for r in refs)  # no hold left behind


def test_a_replaced_ranking_is_freed_on_the_next_tick_not_inside_the_keystroke(running, qtbot, demo_file):
    w = open_window(qtbot, demo_file)
    marks = w.desk.marks_tab.model
    column = marks.column_of("practical")
    assert marks.setData(marks.index(0, column), "91.50", Qt.EditRole)
    # The ranking before that mark. A Standings is a tuple, which takes no weak reference, so
    # the test holds it and counts who else does: 2 (this name, getrefcount's argument) is
    # "let go of by everyone but the test".
    older = w.session._live.previous
    with no_tick():
        assert marks.setData(marks.index(1, column), "62.25", Qt.EditRole)  # older is no longer kept by the desk
        assert any(kept is older for kept in collector._State.later)  # … but not let go of inside the keystroke
        assert sys.getrefcount(older) > 2
    qtbot.waitUntil(lambda: sys.getrefcount(older) == 2, timeout=5000)  # let go of on the tick


def test_without_the_timer_nothing_is_kept_for_later(qapp):
    assert not collector.running()
    obj = Node()
    ref = weakref.ref(obj)
    collector.release_later(obj)
    del obj
    gc.collect()
    assert ref() is None
