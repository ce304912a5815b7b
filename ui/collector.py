"""Python's cycle collector, run by the desk's event loop instead of by whichever line allocates.

Left automatic, a collection starts inside whatever code happens to allocate past the
threshold. At the desk that was the ranking's update after a typed mark: at 10,000
contestants a young-generation pass (~2 ms) on most keystrokes and a middle one (~10 ms)
on every tenth, while the clerk waits for the new order (issue 18). And a pass that starts
in a worker thread may destroy Qt objects off the GUI thread, which crashes Qt.

So while the desk runs, automatic collection is off and a timer on the GUI thread
collects between keystrokes when the counts pass the same thresholds automatic
collection uses, one pass a tick (the pattern of pyqtgraph's GarbageCollector). While
a worker runs (``hold``) nothing is collected at all; plain reference counting, which frees
almost everything, goes on regardless.

Freeing can cost a keystroke too: the ranking a typed mark replaces held thousands of rows
of its own at 10,000 (~0.4 ms to free). ``release_later`` keeps such an object until the
next tick, so it is freed between keystrokes.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000  # often enough that garbage never piles up, rarely enough to cost nothing
FULL_EVERY = 120.0  # seconds between full passes at most


class _State:
    timer: QTimer | None = None
    holds = 0
    later: list[object] = []  # freed on the next tick
    last_full = float("-inf")


def start(parent: QObject) -> None:
    """Collect on ``parent``'s thread from now on (the application's, in ``ui.app.run``)."""
    if _State.timer is not None:
        return
    gc.disable()
    timer = QTimer(parent)
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(_tick)
    timer.destroyed.connect(lambda *_: _stopped(timer))  # its parent went: collect as before
    timer.start()
    _State.timer = timer


def stop() -> None:
    """Back to automatic collection (tests, and a desk closing down)."""
    timer = _State.timer
    _State.later.clear()
    if timer is not None:
        _State.timer = None
        timer.stop()
        timer.deleteLater()
    if _State.holds == 0:
        gc.enable()


def _stopped(timer: QTimer) -> None:
    if _State.timer is not timer:  # an earlier timer, stopped and now deleted
        return
    _State.timer = None
    _State.later.clear()
    if _State.holds == 0:
        gc.enable()


def release_later(obj: object) -> None:
    """Let go of ``obj`` on the next tick rather than now (at once when no timer runs)."""
    if _State.timer is not None and obj is not None:
        _State.later.append(obj)


def _tick() -> None:
    _State.later.clear()
    collect_due()


def running() -> bool:
    return _State.timer is not None


def collect_due() -> int | None:
    """The oldest generation that is due, collected in one pass with every younger one (as
    ``gc.collect(n)`` does); None when nothing is due or a worker runs.

    A full pass walks every object the program holds (tens of milliseconds at 10,000
    contestants), so, as CPython gates its own full passes on how much survived since the
    last, this one is also gated: at most once every FULL_EVERY seconds."""
    if _State.holds:
        return None
    thresholds, counts = gc.get_threshold(), gc.get_count()
    due = None
    for generation in range(3):
        if counts[generation] <= thresholds[generation]:
            break
        due = generation
    if due == 2 and time.monotonic() - _State.last_full < FULL_EVERY:
        due = 1
    if due is not None:
        gc.collect(due)
        if due == 2:
            _State.last_full = time.monotonic()
    return due


def hold() -> None:
    """A worker starts: collect now, on this (the GUI) thread, then nothing until it ends."""
    if _State.holds == 0:
        gc.collect()
        gc.disable()
    _State.holds += 1


def release() -> None:
    _State.holds -= 1
    if _State.holds == 0 and _State.timer is None:
        gc.enable()
