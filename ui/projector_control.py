"""The desk's side of 投影 (ui/projector.py): its menu entries, its remembered pace, and
the session the hall's window follows.

The window itself, with its drawing and the hall's data, is built the first time it is
needed (F11, or a test asking for it), not when the desk starts: a committee may never
project, and the start paints sooner without it (issue 18).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .i18n import settings

translate = QCoreApplication.translate

DEFAULT_SECONDS = 10


class ProjectorController(QObject):
    """What the desk holds: the hall window once built, its settings (remembered), and the
    session it follows. ``actions()`` gives the menu entries; F11 is ``toggle``."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.desk_window = parent
        self.session = None
        self._window = None  # ui.projector.ProjectorWindow, once needed
        self.seconds = max(0, int(settings().value("projector/seconds", DEFAULT_SECONDS)))
        self.hidden = False  # the marks hidden on the wall (H there, or the menu)
        self._hide: QAction | None = None  # the menu's check mark for it

    @property
    def window(self):
        """The hall's window, built on first use with the pace and the hiding chosen so far."""
        if self._window is None:
            from .projector import ProjectorWindow

            self._window = ProjectorWindow()
            self._window.set_page_seconds(self.seconds)
            self._window.set_marks_hidden(self.hidden)
            self._window.hidden_changed.connect(self._hidden_changed)  # H on the wall's window
        return self._window

    def showing(self) -> bool:
        return self._window is not None and self._window.isVisible()

    def follow(self, session) -> None:
        """Show this session's results from now on (None: nothing open)."""
        if self.session is not None:
            try:
                self.session.changed.disconnect(self._on_changed)
            except (RuntimeError, TypeError):
                pass
        self.session = session
        if session is not None:
            session.changed.connect(self._on_changed)
        if session is None or self.showing():  # a hidden window is filled by toggle()
            self.reload()

    def _on_changed(self, _change=None) -> None:
        if self.showing():
            self.reload()

    def reload(self) -> None:
        if self.session is None:
            self.close()
            return
        from .hall_data import employers_of, ranking_of

        self.window.sealed = self.session.codes_sealed()
        self.window.refresh(ranking_of(self.session), employers_of(self.session.contestants()))

    def toggle(self) -> None:
        if self.showing():
            self.window.close()
        elif self.session is not None:
            self.reload()
            desk_screen = self.desk_window.screen() if self.desk_window is not None else None
            self.window.show_on_hall_screen(desk_screen)

    def set_marks_hidden(self, hidden: bool) -> None:
        self.hidden = hidden
        if self._window is not None:
            self._window.set_marks_hidden(hidden)

    def _hidden_changed(self, hidden: bool) -> None:
        self.hidden = hidden
        if self._hide is not None:
            self._hide.setChecked(hidden)

    def ask_seconds(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # built by PySide when first imported

        seconds, ok = QInputDialog.getInt(self.desk_window, translate("Projector", "翻页间隔"),
                                          translate("Projector", "每页停留秒数（0 = 不自动翻页）："),
                                          self.seconds, 0, 600)
        if ok:
            self.set_page_seconds(seconds)

    def set_page_seconds(self, seconds: int) -> None:
        self.seconds = max(0, int(seconds))
        if self._window is not None:
            self._window.set_page_seconds(self.seconds)
        settings().setValue("projector/seconds", self.seconds)

    def actions(self, parent: QObject | None = None) -> list[QAction]:
        """投影模式 (F11), 投影时隐藏成绩, 翻页间隔…: for the desk's 视图 menu."""
        parent = parent or self.desk_window
        show = QAction(translate("Projector", "投影模式（第二屏幕）"), parent)
        show.setObjectName("projector")
        show.setShortcut(QKeySequence("F11"))
        show.triggered.connect(lambda _=False: self.toggle())
        hide = QAction(translate("Projector", "投影时隐藏成绩（待公布）"), parent)
        hide.setObjectName("projector_hide")
        hide.setCheckable(True)
        hide.setChecked(self.hidden)
        hide.toggled.connect(self.set_marks_hidden)
        self._hide = hide
        pace = QAction(translate("Projector", "投影翻页间隔…"), parent)
        pace.setObjectName("projector_pace")
        pace.triggered.connect(lambda _=False: self.ask_seconds())
        return [show, hide, pace]

    def close(self) -> None:
        if self._window is not None:
            self._window.close()
