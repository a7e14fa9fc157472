"""A section's chart drawn with QPainter: the same bars and pies the PDF draws (documents/outcome_pdf.py).

Why QPainter: PySide6-Essentials has no QtCharts, and a chart is a handful of rectangles and
labels. What is drawn comes from the section's :class:`~...documents.outcome_sections.Chart`
(labels, values, bar or pie), in the PDF's colours, so the screen and the page agree.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...documents.outcome_sections import Chart, nice_top

#: The PDF's slice and bar colours (Okabe–Ito: distinct for most colour-blind readers).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#999999", "#882255", "#117733", "#332288"]
BAR = 20  # pixels a bar's line takes
PIE = 150  # the pie's diameter


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class ChartView(QWidget):
    """One chart: horizontal bars (a label, a bar, its value) or a pie with its legend."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setObjectName(f"chart_{chart.kind}")
        self.labels = [label.replace("\n", " / ") if chart.kind == "bar" else label.replace("\n", " ")
                       for label in chart.labels]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(280)
        self.setMaximumWidth(760)  # bars across a wide window would be hard to compare with their labels
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        rows = len(self.chart.values)
        if self.chart.kind == "pie":
            return QSize(460, max(PIE + 20, rows * 20 + 20))
        return QSize(460, rows * BAR + 30)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            if self.chart.kind == "pie":
                self._pie(painter)
            else:
                self._bars(painter)
        finally:
            painter.end()

    def _bars(self, p: QPainter) -> None:
        values = self.chart.values
        metrics = QFontMetrics(self.font())
        width = self.width()
        room = min(width * 0.45, max((metrics.horizontalAdvance(s) for s in self.labels), default=0) + 16)
        labels = [metrics.elidedText(s, Qt.TextElideMode.ElideRight, int(room) - 8) for s in self.labels]
        value_room = metrics.horizontalAdvance(number(max(values, default=0))) + 12
        left, right = room, width - value_room
        top = nice_top(max(values, default=0))
        text = self.palette().color(self.foregroundRole())
        grid = QColor(text)
        grid.setAlpha(50)
        bottom = len(values) * BAR + 6
        for n in range(6):  # the value axis: 0 … top in five steps
            x = left + (right - left) * n / 5
            p.setPen(QPen(grid, 1))
            p.drawLine(int(x), 4, int(x), bottom)
            p.setPen(text)
            tick = number(top * n / 5)
            p.drawText(QRectF(x - 40, bottom, 80, 20), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, tick)
        for row, (label, value) in enumerate(zip(labels, values)):
            y = 6 + row * BAR
            p.setPen(text)
            p.drawText(QRectF(0, y, room - 6, BAR), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = (right - left) * value / top if top else 0
            p.fillRect(QRectF(left, y + 3, length, BAR - 6), QColor(PALETTE[0]))
            p.drawText(QRectF(left + length + 4, y, value_room + 40, BAR),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number(value))

    def _pie(self, p: QPainter) -> None:
        values = self.chart.values
        total = sum(values) or 1
        box = QRectF(10, 10, PIE, PIE)
        angle = 90 * 16  # from twelve o'clock, clockwise as the PDF's
        p.setPen(QPen(QColor("white"), 1.5))
        for n, value in enumerate(values):
            span = -round(360 * 16 * value / total)
            p.setBrush(QColor(PALETTE[n % len(PALETTE)]))
            if span:
                p.drawPie(box, angle, span)
            angle += span
        metrics = QFontMetrics(self.font())
        x = PIE + 30
        text = self.palette().color(self.foregroundRole())
        for n, (label, value) in enumerate(zip(self.labels, values)):
            y = 10 + n * 20
            p.fillRect(QRectF(x, y + 5, 10, 10), QColor(PALETTE[n % len(PALETTE)]))
            p.setPen(text)
            line = metrics.elidedText(f"{label}  {number(value)} ({value * 100 / total:.1f} %)",
                                      Qt.TextElideMode.ElideMiddle, max(40, self.width() - x - 20))
            p.drawText(QRectF(x + 16, y, self.width() - x - 16, 20), Qt.AlignmentFlag.AlignVCenter, line)
