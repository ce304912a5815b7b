"""A desk tab whose page is built the first time it is shown or asked for (issue 18).

Opening a file paints the desk's first tab and its counters; the 赛务, 统计, 定稿与输出 and
日志 pages are neither seen nor read then, yet their modules and widgets were ~30 ms of
every launch at 300 contestants and ~55 ms at 10,000 (whole-process cold starts,
alternating; docs/benchmarks.md "Session 9"). Each now stands in the tab bar as this
holder until then; so do a panel's 裁判评分 and 裁判统计, which read every judge's mark
through the facade.

The holder takes the page's place for the desk and the tests: it keeps the desk's
``dirty``/``refresh()`` convention, and any attribute it lacks is the page's
(``desk.day_tab.checkin`` builds the 赛务 page and returns its check-in view). A page
built that way, without being shown, is in the state it had when every page was built
with the desk: constructed, not yet refreshed.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._build = build
        self._page: QWidget | None = None
        self._dirty = True  # refreshed when first shown, like every page of the desk
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def dirty(self) -> bool:
        """To be refreshed when next shown. A page that follows the file itself (the judges'
        pages: their own ``dirty``) keeps its own flag once built."""
        page = self._page
        return page.dirty if page is not None and "dirty" in vars(page) else self._dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        page = self._page
        if page is not None and "dirty" in vars(page):
            page.dirty = value
        else:
            self._dirty = value

    @property
    def page(self) -> QWidget:
        if self._page is None:
            try:
                page = self._build()
            except AttributeError as e:
                # Raised from a property, it would send Python to __getattr__("page") and
                # build again, a thousand times over, hiding the error (found in review).
                raise RuntimeError(f"building the page failed: {e}") from e
            self._page = page
            self.layout().addWidget(self._page)
            # A layout shows a child added to a visible parent only from the event loop;
            # shown now, the page is visible as soon as the tab is, as before.
            self._page.show()
        return self._page

    def refresh(self) -> None:
        self.page.refresh()

    def __getattr__(self, name: str):
        # Called only for what the holder itself lacks: never its own (private) names, nor
        # dunders (copy, pickle and PySide probe those), nor before __init__ has stored the
        # builder. What QWidget itself has (``find``, ``update``…) is the holder's, not the
        # page's: ask ``page`` for those.
        if name.startswith("_") or name in ("page", "built", "dirty") or "_build" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self.page, name)


def page_of(tab: QWidget) -> QWidget:
    """The page a tab shows: a holder's (built now if it was not), or the tab itself."""
    return tab.page if isinstance(tab, LazyTab) else tab
