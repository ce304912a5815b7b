"""统计: how the marks are spread, before the committee sets a smaller quota.

Histograms of totals, theory and practical (10-point bins) with the advancement cut-off,
the lowest total of each certificate level and the pass mark drawn as labelled lines;
mean, median and spread; the counts per employer; and a 试算名额 box that draws where a
smaller quota would cut (and says when a tie to be decided straddles it). 导出 PNG saves
the charts as shown. Every figure comes from ``skillscore.statistics``; nothing is
computed here but pixel positions.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSizePolicy, QSpinBox, QTableView, QVBoxLayout, QWidget)

from skillscore.rules import statistics as st
from skillscore.system.files import atomic_path
from skillscore.rules.outcomes import default_quota

from .models.base import Column, RIGHT, RowTableModel, TOOLTIP
from .hall_data import ranking_of
from .words import level_text, word

translate = QCoreApplication.translate
BAR = QColor("#9FB3D1")
BAR_EDGE = QColor("#2F4468")
GRID = QColor("#D5D5D5")
CUTOFF = QColor("#1B5E20")  # the desk's cut-off green, drawn thick
LEVEL = QColor("#1F4E9E")
PASS = QColor("#B00000")
TRIAL = QColor("#8D4E00")
LEVEL_DASHES = (Qt.DashLine, Qt.DotLine, Qt.DashDotLine, Qt.DashDotDotLine, Qt.DashLine)
PART_TITLES = {
    "total": QT_TRANSLATE_NOOP("StatisticsView", "总成绩"),
    "theory": QT_TRANSLATE_NOOP("StatisticsView", "理论知识"),
    "practical": QT_TRANSLATE_NOOP("StatisticsView", "技能操作"),
}


class Line:
    """A vertical line on a histogram: where (a Decimal mark), its label, how it looks."""

    def __init__(self, value: Decimal, label: str, colour: QColor, style=Qt.SolidLine, width: float = 1.5):
        self.value, self.label, self.colour, self.style, self.width = value, label, colour, style, width


class Histogram(QWidget):
    """One distribution painted with QPainter. ``bar_rects()`` and ``line_x()`` give the
    geometry it paints, so a test can check the picture against the data."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.dist: st.Distribution | None = None
        self.lines: list[Line] = []
        self.setMinimumSize(300, 170)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_data(self, dist: st.Distribution, lines: list[Line]) -> None:
        self.dist = dist
        self.lines = sorted(lines, key=lambda l: l.value)  # leftmost label on the top row
        self.update()

    # -- geometry -----------------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.85))
        return self.font(), small

    def plot_rect(self) -> QRectF:
        fm = QFontMetricsF(self._fonts()[1])
        row = fm.height() + 2
        top = 2 * (QFontMetricsF(self.font()).height() + 2) + len(self.lines) * row + fm.height() + 4
        left = fm.horizontalAdvance("888") + 10
        return QRectF(left, top, max(10.0, self.width() - left - 10), max(10.0, self.height() - top - fm.height() - 8))

    def _ymax(self) -> tuple[int, int]:
        most = max((b.count for b in self.dist.bins), default=0) if self.dist else 0
        step = 1
        while True:
            for m in (1, 2, 5):
                if most <= 5 * step * m:
                    s = step * m
                    return max(s, -(-most // s) * s), s
            step *= 10

    def bar_rects(self) -> list[tuple[st.Bin, QRectF]]:
        if not self.dist:
            return []
        plot = self.plot_rect()
        ymax, _ = self._ymax()
        width = plot.width() / len(self.dist.bins)
        out = []
        for i, b in enumerate(self.dist.bins):
            h = plot.height() * b.count / ymax
            out.append((b, QRectF(plot.left() + i * width + 1, plot.bottom() - h, width - 2, h)))
        return out

    def line_x(self, value: Decimal) -> float:
        plot = self.plot_rect()
        return plot.left() + plot.width() * float(value / st.HUNDRED)  # a pixel position, not a mark

    # -- painting -----------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), Qt.white)
        if not self.dist:
            return
        big, small = self._fonts()
        fm_big, fm = QFontMetricsF(big), QFontMetricsF(small)
        s = self.dist.summary
        title = translate("StatisticsView", "{part}（{n} 人）").format(
            part=translate("StatisticsView", PART_TITLES[self.dist.part]), n=s.count)
        p.setFont(big)
        p.setPen(Qt.black)
        p.drawText(QPointF(4, fm_big.ascent() + 2), title)
        p.setFont(small)
        p.setPen(QColor("#444444"))
        if s.count:
            figures = translate("StatisticsView", "平均 {mean} · 中位数 {median} · 标准差 {sd}").format(
                mean=s.mean, median=s.median, sd=s.stdev)
            if s.absent:
                figures += translate("StatisticsView", " · 缺考 {n} 人计为 0").format(n=s.absent)
        else:
            figures = translate("StatisticsView", "尚无排名成绩")
        p.drawText(QPointF(4, fm_big.height() + 4 + fm.ascent() + 2), figures)

        plot = self.plot_rect()
        ymax, step = self._ymax()
        p.setPen(QPen(GRID, 1))
        for v in range(0, ymax + 1, step):
            y = plot.bottom() - plot.height() * v / ymax
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor("#555555"))
            p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 5, fm.height()), Qt.AlignRight | Qt.AlignVCenter,
                       str(v))
            p.setPen(QPen(GRID, 1))
        for b, r in self.bar_rects():
            if b.count:
                p.fillRect(r, BAR)
                p.setPen(QPen(BAR_EDGE, 1))
                p.drawRect(r)
                p.setPen(Qt.black)
                p.drawText(QRectF(r.left() - 6, r.top() - fm.height() - 1, r.width() + 12, fm.height()),
                           Qt.AlignHCenter | Qt.AlignBottom, str(b.count))
        p.setPen(QPen(Qt.black, 1.5))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        p.setPen(QColor("#555555"))
        bins = self.dist.bins
        for i in range(len(bins) + 1):
            x = plot.left() + plot.width() * i / len(bins)
            edge = bins[0].low + (bins[0].high - bins[0].low) * i
            p.drawText(QRectF(x - 20, plot.bottom() + 2, 40, fm.height()), Qt.AlignHCenter | Qt.AlignTop, f"{edge:.0f}")
        # Lines: each label on its own row above the plot, on a white ground (none overlap).
        row_h = fm.height() + 2
        first_row = plot.top() - len(self.lines) * row_h - fm.height() - 2
        for k, line in enumerate(self.lines):
            x = self.line_x(line.value)
            y_label = first_row + k * row_h
            pen = QPen(line.colour, line.width)
            pen.setStyle(line.style)
            p.setPen(pen)
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, y_label + row_h / 2))
            w = fm.horizontalAdvance(line.label)
            lx = x + 4 if x + 4 + w <= self.width() - 2 else x - 4 - w
            box = QRectF(lx - 2, y_label, w + 4, row_h)
            p.fillRect(box, Qt.white)
            p.setPen(line.colour)
            p.drawText(box, Qt.AlignCenter, line.label)
        p.end()


class UnitCountModel(RowTableModel):
    extra_roles = frozenset({Qt.ToolTipRole})
    columns = (
        Column("unit", QT_TRANSLATE_NOOP("Columns", "工作单位"), width=230),
        Column("contestants", QT_TRANSLATE_NOOP("Columns", "参赛"), RIGHT, 48),
        Column("ranked", QT_TRANSLATE_NOOP("Columns", "排名"), RIGHT, 48),
        Column("advancing", QT_TRANSLATE_NOOP("Columns", "晋级"), RIGHT, 48),
        Column("certified", QT_TRANSLATE_NOOP("Columns", "取证"), RIGHT, 48),
    )

    def display(self, row: st.UnitCount, key: str) -> str:
        return str(getattr(row, key))

    def raw(self, row: st.UnitCount, key: str) -> Any:
        return getattr(row, key)

    def key_of(self, row) -> str:
        return row.unit

    def name_of(self, row) -> str:
        return row.unit

    def extra(self, row, key: str, role: int) -> Any:
        if role == TOOLTIP and key == "unit":
            return row.unit  # long employer names are cut at the column edge
        return None


class StatisticsView(QWidget):
    """The 统计 tab. Give it a session (it refreshes from ``session.comp``) or call
    ``set_statistics`` directly. The desk calls ``refresh()`` when the tab is shown."""

    def __init__(self, session=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.stats: st.Statistics | None = None
        self.ranking: dict | None = None
        self.certified = False
        layout = QHBoxLayout(self)

        left = QVBoxLayout()
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(QLabel(translate("StatisticsView", "试算名额")))
        self.trial = QSpinBox()
        self.trial.setObjectName("trial")
        self.trial.setSpecialValueText(translate("StatisticsView", "关"))
        self.trial.setToolTip(translate("StatisticsView", "看看较小的晋级名额会在哪里划线；只是试算，不改变设置"))
        bar.addWidget(self.trial)
        self.png_button = QPushButton(translate("StatisticsView", "导出 PNG…"))
        self.png_button.setObjectName("png")
        bar.addWidget(self.png_button)
        left.addLayout(bar)
        self.trial_note = QLabel()
        self.trial_note.setObjectName("trial_note")
        self.trial_note.setStyleSheet("color: #8D4E00;")
        self.trial_note.hide()
        left.addWidget(self.trial_note)

        self.charts = QWidget()  # what 导出 PNG saves
        self.charts.setObjectName("charts")
        self.charts.setAutoFillBackground(True)
        self.charts.setStyleSheet("QWidget#charts { background: white; }")
        grid = QGridLayout(self.charts)
        grid.setContentsMargins(6, 6, 6, 6)
        # The sitting and the headline figures sit inside the picture, so a saved PNG
        # says what it shows.
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.summary, 1, 0, 1, 2)
        self.histograms = {part: Histogram() for part in st.PARTS}
        grid.addWidget(self.histograms["total"], 2, 0, 1, 2)
        grid.addWidget(self.histograms["theory"], 3, 0)
        grid.addWidget(self.histograms["practical"], 3, 1)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 2)
        left.addWidget(self.charts, 1)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(QLabel(translate("StatisticsView", "各工作单位人数")))
        self.units = UnitCountModel(self)
        self.unit_view = QTableView()
        self.unit_view.setModel(self.units)
        self.unit_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.unit_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.unit_view.verticalHeader().setVisible(False)
        self.unit_view.setAlternatingRowColors(True)
        header = self.unit_view.horizontalHeader()
        for i, column in enumerate(self.units.columns):
            header.resizeSection(i, column.width)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        right.addWidget(self.unit_view, 1)
        layout.addLayout(right, 2)

        self.trial.valueChanged.connect(lambda _: self._draw())
        self.png_button.clicked.connect(lambda: self.export_png())

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session is None:
            return
        self._set_sealed(self.session.codes_sealed())
        if getattr(self, "_sealed", False):
            return  # RULES.md §12.3: nothing about the results before the reveal
        info = self.session.info()
        units = {c.no: c.unit for c in self.session.contestants()}
        ranking = ranking_of(self.session)
        pass_mark = info.rules.pass_mark if info.event.certified else None
        self.set_statistics(st.compute(ranking, units, pass_mark=pass_mark), ranking, certified=info.event.certified)

    def _set_sealed(self, sealed: bool) -> None:
        """While sealed one line, 已加密，解密后显示, stands in for the charts and tables."""
        if sealed == getattr(self, "_sealed", False):
            return
        from .views.tabs import sealed_placeholder

        if not hasattr(self, "placeholder"):
            self.placeholder = sealed_placeholder()
            self.layout().addWidget(self.placeholder, 1)
        if sealed:
            self._shown = [w for w in self.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                           if w.isVisibleTo(self) and w is not self.placeholder]
            for w in self._shown:
                w.hide()
        else:
            for w in self._shown:
                w.show()
        self.placeholder.setVisible(sealed)
        self._sealed = sealed

    def set_statistics(self, stats: st.Statistics, ranking: dict, *, certified: bool) -> None:
        self.stats, self.ranking, self.certified = stats, ranking, certified
        self.title.setText(translate("StatisticsView", "成绩分布统计 · {event} · {stage} · {committee}").format(
            event=ranking["event"]["name"], stage=word(ranking["stage"]), committee=ranking["committee"]))
        ceiling = default_quota(stats.ranked) if stats.quota is not None else 0
        self.trial.blockSignals(True)
        self.trial.setRange(0, ceiling)
        self.trial.setValue(min(self.trial.value(), ceiling))
        self.trial.blockSignals(False)
        self.trial.setEnabled(ceiling > 0)
        self.units.set_rows(stats.units)
        self.unit_view.setColumnHidden(self.units.column_of("certified"), not certified)
        self._draw()

    def _draw(self) -> None:
        s = self.stats
        if s is None:
            return
        parts = [translate("StatisticsView", "排名人数 N = {n}").format(n=s.ranked)]
        if s.quota is not None:
            parts.append(translate("StatisticsView", "晋级名额 {q}").format(q=s.quota))
        if s.cutoff:
            parts.append(translate("StatisticsView", "晋级线 {total}（第 {rank} 名）").format(
                total=s.cutoff.total, rank=s.cutoff.rank))
        if s.undecided_advance:
            parts.append(translate("StatisticsView", "晋级待定 {n} 人").format(n=s.undecided_advance))
        self.summary.setText(" · ".join(parts))

        lines = []
        if s.cutoff:
            lines.append(Line(s.cutoff.total, translate("StatisticsView", "晋级线 {total}").format(total=s.cutoff.total),
                              CUTOFF, Qt.SolidLine, 3))
        for k, t in enumerate(s.levels):
            lines.append(Line(t.total, translate("StatisticsView", "{level} 最低 {total}").format(
                level=level_text(t.level), total=t.total), LEVEL, LEVEL_DASHES[k % len(LEVEL_DASHES)], 1.5))
        trial = self.trial_line()
        if trial:
            lines.append(trial)
        self.histograms["total"].set_data(s.distributions["total"], lines)
        for part in ("theory", "practical"):
            pass_lines = []
            if s.pass_mark is not None:
                pass_lines.append(Line(s.pass_mark, translate("StatisticsView", "及格线 {mark}").format(
                    mark=f"{s.pass_mark:.0f}"), PASS, Qt.DashLine, 1.5))
            self.histograms[part].set_data(s.distributions[part], pass_lines)

    def trial_line(self) -> Line | None:
        quota = self.trial.value()
        at = st.cutoff_for_quota(self.ranking, quota) if quota and self.ranking else None
        if at is None:
            self.trial_note.hide()
            return None
        total, straddles = at
        note = translate("StatisticsView", "试算：名额 {q} 时晋级线为 {total}").format(q=quota, total=total)
        if straddles:
            note += translate("StatisticsView", "；此处有并列待定，需组委会裁定或抽签后才能确定谁晋级")
        self.trial_note.setText(note)
        self.trial_note.show()
        return Line(total, translate("StatisticsView", "试算 {q} 名").format(q=quota), TRIAL, Qt.DashLine, 2)

    # -- output -----------------------------------------------------------------------------------------
    def export_png(self, out: str | Path | None = None) -> Path | None:
        if out is None:
            start = str(Path(self.session.path).with_name("成绩分布.png")) if self.session else "成绩分布.png"
            out, _ = QFileDialog.getSaveFileName(self, translate("StatisticsView", "导出 PNG"), start, "PNG (*.png)")
            if not out:
                return None
        out = Path(out)
        image = self.charts.grab()
        try:
            with atomic_path(out) as tmp:  # a failed save leaves no half-written picture
                if not image.save(str(tmp), "PNG"):
                    raise OSError(f"cannot write {out}")
        except OSError:
            self.trial_note.setText(translate("StatisticsView", "无法写入 {path}").format(path=out))
            self.trial_note.show()
            return None
        return out

