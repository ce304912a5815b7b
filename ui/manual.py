"""帮助 ▸ 使用手册 (F1): the committees' user guide, offline, in the desk's language.

The guide is Markdown in docs/manual (bundled into the frozen app), shown in a
QTextBrowser: no web browser, no network, and the pictures are the screenshots
docs/screenshots holds, taken by the screenshot scripts from the real screens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from skillscore.system.paths import manual_path

from .i18n import current_lang

translate = QCoreApplication.translate


class ManualWindow(QWidget):
    """A window of its own beside the desk, so the clerk can read and work at once."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.setObjectName("manual")
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual_text")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        layout.addWidget(self.browser)
        QShortcut(QKeySequence.Close, self, self.close)
        self.show_lang(current_lang())

    def show_lang(self, lang: str) -> None:
        self.setWindowTitle(translate("Manual", "使用手册"))
        self.browser.setSource(QUrl.fromLocalFile(str(manual_path(lang))))

    def follow(self, url: QUrl) -> None:
        # Links inside the guide (the other language, a chapter) stay here; a web address
        # goes to the system's browser, which may well have no network: that is its business.
        if url.scheme() in ("", "file"):
            self.browser.setSource(self.browser.source().resolved(url))
        else:
            QDesktopServices.openUrl(url)


def show_manual(window) -> ManualWindow:
    """Open (or raise) the guide for ``window``, in the language the desk speaks now."""
    manual = getattr(window, "_manual", None)
    if manual is None:
        manual = window._manual = ManualWindow(window)
    manual.show_lang(current_lang())
    manual.show()
    manual.raise_()
    manual.activateWindow()
    return manual
