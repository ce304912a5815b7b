"""The live ranking: the table, the cut-off line, and the side panel with legend and warnings.

The cut-off is a thick line under the last advancing row, painted by the view, so it
reads on a greyscale print-out or a washed-out projector, not only as a colour.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget)

from ..models.base import DISPLAY
from ..models.ranking import TIE_COLOUR, RankingModel
from ..words import level_text, word
from .marks_paint import MarkSwatch, draw_mark, split_mark
from .style import set_style

translate = QCoreApplication.translate
CUTOFF_PEN = QPen(QColor("#1B5E20"), 3)


class RankingDelegate(QStyledItemDelegate):
    """The rank column: the tie mark painted as a shape beside the rank."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text, kind = split_mark(index.data(DISPLAY) or "")
        if kind is None:
            super().paint(painter, option, index)
        else:
            # QStyle is named only here: PySide builds its ~20 enums on the first mention,
            # ~5 ms of every desk's start (issue 18), and only a tie-marked rank needs it.
            from PySide6.QtWidgets import QStyle

            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style = opt.widget.style() if opt.widget else QApplication.style()
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
            metrics = opt.fontMetrics
            size = metrics.height() * 0.72
            width = metrics.horizontalAdvance(text) + 4 + size
            x = opt.rect.center().x() - width / 2
            selected = opt.state & QStyle.State_Selected
            painter.save()
            painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
            painter.drawText(QRectF(x, opt.rect.top(), width, opt.rect.height()), Qt.AlignVCenter | Qt.AlignLeft, text)
            painter.restore()
            draw_mark(painter, kind, QRectF(x + width - size, opt.rect.center().y() - size / 2, size, size))


class RankingView(QTableView):
    def __init__(self, model: RankingModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        # Only the rank column needs our painting; the rest keep Qt's own (fast) delegate.
        self.setItemDelegateForColumn(model.column_of("rank"), RankingDelegate(self))
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for i, column in enumerate(model.columns):
            header.resizeSection(i, column.width)
        header.setSectionResizeMode(model.column_of("unit"), QHeaderView.Stretch)
        self.fit_columns()

    def paintEvent(self, event) -> None:
        self._paint_tints(event.rect())
        super().paintEvent(event)
        row = self.model().cutoff_row()
        if row is None:
            return
        rect = self.visualRect(self.model().index(row, 0))
        if not rect.isValid() or rect.bottom() < 0 or rect.top() > self.viewport().height():
            return
        painter = QPainter(self.viewport())
        painter.setPen(CUTOFF_PEN)
        y = rect.bottom() - 1
        painter.drawLine(0, y, self.viewport().width(), y)
        painter.end()

    def _paint_tints(self, area) -> None:
        """A tied row's colour, one fill across the row under its cells. Asked of every cell
        as its background, it cost ~4 µs a cell: ~1 ms a repaint at 10,000, where almost
        every visible row is tied."""
        m: RankingModel = self.model()
        first = self.rowAt(area.top())
        if first < 0:
            return
        last = self.rowAt(area.bottom())
        last = m.rowCount() - 1 if last < 0 else last
        left, width = -self.horizontalOffset(), self.horizontalHeader().length()
        painter = None
        for row in range(first, last + 1):
            colour = TIE_COLOUR.get(m.row_at(row).tie)
            if colour is not None:
                if painter is None:
                    painter = QPainter(self.viewport())
                painter.fillRect(QRect(left, self.rowViewportPosition(row), width, self.rowHeight(row)), colour)
        if painter is not None:
            painter.end()

    def fit_columns(self) -> None:
        """Wide enough for the header and for the longest word the column shows, in the
        current language (level names are three times longer in English)."""
        m: RankingModel = self.model()
        metrics = self.fontMetrics()
        header_metrics = self.horizontalHeader().fontMetrics()
        widest = {"certificate": [level_text(level) for level in range(1, 6)],
                  "advances": [word("undecided")], "rank": ["888–888 ⚠"]}
        for i, column in enumerate(m.columns):
            if column.key == "unit":
                continue
            texts = widest.get(column.key, [])
            need = max([header_metrics.horizontalAdvance(m.headerData(i, Qt.Horizontal)) + 18]
                       + [metrics.horizontalAdvance(t) + 14 for t in texts])
            self.horizontalHeader().resizeSection(i, max(column.width, need))

    def show_columns_for(self, *, certified: bool, final: bool, advances: bool) -> None:
        m: RankingModel = self.model()
        self.setColumnHidden(m.column_of("certificate"), not certified)
        self.setColumnHidden(m.column_of("awards"), not final)
        self.setColumnHidden(m.column_of("advances"), not advances)

    def jump_to(self, text: str) -> bool:
        row = self.model().find(text)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0), QAbstractItemView.PositionAtCenter)
        return True


class SidePanel(QWidget):
    """Legend (what each colour and mark means) and the sitting's warnings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedWidth(236)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        title = QLabel(translate("SidePanel", "图例"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        entries = [
            ("practical", "", word("practical")),
            ("unresolved", "5–6", word("unresolved")),
            ("committee", "", translate("SidePanel", "组委会裁定 / 抽签确定")),
            (None, "", word("advances")),
        ]
        for kind, sample, text in entries:
            row = QHBoxLayout()
            row.addWidget(MarkSwatch(kind, TIE_COLOUR.get(kind), sample))
            label = QLabel(text)
            label.setWordWrap(True)
            row.addWidget(label, 1)
            layout.addLayout(row)
        line_row = QHBoxLayout()
        line = QFrame()
        line.setFixedSize(34, 3)
        line.setStyleSheet("background: #1B5E20;")
        line_row.addWidget(line)
        cutoff = QLabel(translate("SidePanel", "晋级分数线（粗线以上晋级）"))
        cutoff.setWordWrap(True)
        line_row.addWidget(cutoff, 1)
        layout.addLayout(line_row)
        hint = QLabel(translate("SidePanel", "鼠标停在某行上可查看原因。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addSpacing(12)
        heading = QLabel(translate("SidePanel", "提示"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(self.warnings)
        layout.addStretch(1)

    def set_warnings(self, lines: list[str]) -> None:
        if lines:
            self.warnings.setText("\n".join("！" + line for line in lines))
            set_style(self.warnings, "color: #8E1B1B;")
        else:
            self.warnings.setText(translate("SidePanel", "无"))
            set_style(self.warnings, "color: #1B5E20;")
