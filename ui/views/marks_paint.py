"""The tie marks ▲ ⚠ ◆ painted as shapes, not as font glyphs.

The bundled CJK font has ▲ and ◆ but no ⚠ (U+26A0); on a machine without other fonts
that glyph would print as an empty box. Painting all three the same way keeps them alike
and legible on any machine, in greyscale, and on a projector.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

from ..models.ranking import TIE_MARK

INK = {"practical": QColor("#7A5200"), "unresolved": QColor("#B71C1C"), "committee": QColor("#0D47A1")}
GLYPH_OF = {mark: kind for kind, mark in TIE_MARK.items()}


def paint_mark(painter: QPainter, kind: str, box: QRectF) -> None:
    """One mark, centred in ``box`` (a square a little smaller than the text height)."""
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    ink = INK[kind]
    s = min(box.width(), box.height())
    c = box.center()
    if kind == "committee":
        shape = QPolygonF([QPointF(c.x(), c.y() - s / 2), QPointF(c.x() + s / 2, c.y()),
                           QPointF(c.x(), c.y() + s / 2), QPointF(c.x() - s / 2, c.y())])
    else:
        shape = QPolygonF([QPointF(c.x(), c.y() - s / 2), QPointF(c.x() + s / 2, c.y() + s / 2),
                           QPointF(c.x() - s / 2, c.y() + s / 2)])
    painter.setPen(QPen(ink, 1))
    painter.setBrush(ink)
    painter.drawPolygon(shape)
    if kind == "unresolved":  # the warning sign: a white "!" inside the red triangle
        painter.setPen(QPen(Qt.white, max(1.2, s / 9)))
        painter.drawLine(QPointF(c.x(), c.y() - s * 0.12), QPointF(c.x(), c.y() + s * 0.2))
        painter.drawPoint(QPointF(c.x(), c.y() + s * 0.36))
    painter.restore()


MARGIN = 1.0  # the outline's pen reaches half a pixel past the shape


def draw_mark(painter: QPainter, kind: str, box: QRectF) -> None:
    """What ``paint_mark`` paints, copied from a pixmap made once: the ranking repaints
    20-30 marks a frame at 10,000 contestants, and a copy costs a fifth of painting."""
    size = min(box.width(), box.height())
    pixmap = mark_pixmap(kind, size, painter.device().devicePixelRatioF())
    c = box.center()
    painter.drawPixmap(QPointF(c.x() - size / 2 - MARGIN, c.y() - size / 2 - MARGIN), pixmap)


@lru_cache(maxsize=32)
def mark_pixmap(kind: str, size: float, ratio: float) -> QPixmap:
    """The mark at the screen's resolution, painted in logical units (pens as wide as when
    painted directly) inside a margin that keeps the outline whole."""
    pixmap = QPixmap(math.ceil((size + 2 * MARGIN) * ratio), math.ceil((size + 2 * MARGIN) * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    paint_mark(painter, kind, QRectF(MARGIN, MARGIN, size, size))
    painter.end()
    return pixmap


def split_mark(text: str) -> tuple[str, str | None]:
    """'14–15 ⚠' → ('14–15', 'unresolved'); text without a mark → (text, None)."""
    if text and text[-1] in GLYPH_OF:
        return text[:-1].rstrip(), GLYPH_OF[text[-1]]
    return text, None


class MarkSwatch(QWidget):
    """A legend swatch: the row colour, optional text (e.g. "5–6") and the painted mark."""

    def __init__(self, kind: str | None, colour: QColor | None, text: str = "", parent=None):
        super().__init__(parent)
        self.kind, self.colour, self.text = kind, colour, text
        self.setFixedSize(QSize(52 if text else 34, 22))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        r = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.fillRect(r, self.colour if self.colour is not None else self.palette().base())
        p.setPen(QColor("#999999"))
        p.drawRect(r)
        size = self.fontMetrics().height() * 0.7
        if self.text:
            p.setPen(self.palette().text().color())
            width = self.fontMetrics().horizontalAdvance(self.text)
            x = (self.width() - width - size - 3) / 2
            p.drawText(QRectF(x, 0, width, self.height()), Qt.AlignVCenter | Qt.AlignLeft, self.text)
            box = QRectF(x + width + 3, (self.height() - size) / 2, size, size)
        else:
            box = QRectF((self.width() - size) / 2, (self.height() - size) / 2, size, size)
        if self.kind:
            paint_mark(p, self.kind, box)
        else:  # the advancing tick, as the table shows it
            p.setPen(QColor("#1B7F3B"))
            p.drawText(self.rect(), Qt.AlignCenter, "✓")
        p.end()
