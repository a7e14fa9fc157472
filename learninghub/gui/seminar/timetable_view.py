"""The timetable's canvas: a QGraphicsView drawing ``core.timetable``'s grid, and the mouse and key
gestures on it, handed on as requests (the panel, ``timetable.py``, turns them into commands).

Why a view of its own: the grid (days, hours, the second zone's ruler, the DST gap) is painted once as
the cached background, the sessions are items cached as pixmaps, so dragging a block over a 300-session
week repaints one small item, not the week. Nothing here changes data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...core import timetable as tt
from ...core import timezones
from ...core.pages.seminar import AgendaItem
from .. import bilingual, i18n, labels

#: Pixels per minute of wall clock (72 px an hour: two lines of text in a half-hour block).
PPM = 1.2
HEADER = 44
RULER = 52
STRIP = 44  # the second zone's ruler, at the left of each day
MIN_COLUMN = 150
EDGE = 6  # the lower edge a resize grabs (px)
KIND_COLOURS = {
    "talk": "#cfe2f3", "keynote": "#a9c4eb", "panel": "#d9d2e9", "workshop": "#d9ead3", "break": "#ececec",
    "meal": "#f6e7c8", "visit": "#fce5cd", "ceremony": "#f4cccc", "meeting": "#d0e0e3", "other": "#e6e6e6",
}
CONFLICT = QColor("#c62828")
DAY_CHANGE = QColor("#1565c0")


def city(zone: str) -> str:
    """A zone as a place: "Europe/Madrid" → "Madrid"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def describe(item: AgendaItem, zone: str) -> str:
    """A block in words, for its tooltip and for screen readers: title, day and time, kind, room, speakers."""
    tz = timezones.zone(zone)
    start, end = item.starts_at.astimezone(tz), item.ends_at.astimezone(tz)
    text = QCoreApplication.translate("Timetable", "{title}, {day} {start}–{end}, {kind}").format(
        title=bilingual.shown(item.title, item.title_zh), day=i18n.format_date(start), start=f"{start:%H:%M}",
        end=f"{end:%H:%M}", kind=labels.session_kind(item.kind))
    if item.room:
        text += ", " + QCoreApplication.translate("Timetable", "room {room}").format(room=item.room)
    if item.speakers:
        text += ", " + ", ".join(item.speakers)
    return text


@dataclass(frozen=True)
class Geometry:
    """Where a column and a minute are on the canvas, and back."""

    columns: int
    first_hour: int
    last_hour: int
    width: float  # of a column
    strip: float  # the second zone's ruler in each column (0: none)

    def x(self, column: int) -> float:
        return RULER + column * self.width

    def y(self, minute: float) -> float:
        return HEADER + (minute - self.first_hour * 60) * PPM

    def minute_at(self, y: float) -> float:
        return (y - HEADER) / PPM + self.first_hour * 60

    def column_at(self, x: float) -> int:
        return int((x - RULER) // self.width) if x >= RULER else -1

    def size(self) -> tuple[float, float]:
        return RULER + self.columns * self.width, self.y(self.last_hour * 60) + 8

    def block_rect(self, block: tt.Block) -> QRectF:
        inner = self.width - self.strip - 6
        lane = inner / block.lanes
        left = self.x(block.column) + self.strip + 3 + block.lane * lane
        return QRectF(left, self.y(block.top), lane - 2, max(self.y(block.bottom) - self.y(block.top) - 1, 6))


class BlockItem(QGraphicsItem):
    """One session's piece: its kind's colour, title, time, room and speakers; a red outline when it
    clashes; a shaded fill for a break or a meal."""

    def __init__(self, item: AgendaItem, block: tt.Block, rect: QRectF, zone: str, clashes: Sequence[str]) -> None:
        super().__init__()
        self.item, self.block, self.rect = item, block, rect
        self.clashes = tuple(clashes)
        self.selected = False
        tz = timezones.zone(zone)
        start, end = item.starts_at.astimezone(tz), item.ends_at.astimezone(tz)
        self.time = f"{start:%H:%M}–{end:%H:%M}"
        self.title = bilingual.shown(item.title, item.title_zh)
        self.detail = " · ".join(x for x in (item.room or "", ", ".join(item.speakers)) if x)
        self.name = describe(item, zone)
        self.setToolTip("\n".join([self.name, *self.clashes]))
        self.setData(0, self.name)  # what a screen reader is told when it is chosen (the view's name)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)

    def set_selected(self, chosen: bool) -> None:
        if chosen != self.selected:
            self.selected = chosen
            self.update()

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = rect
        self.update()

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        r = self.rect
        colour = QColor(KIND_COLOURS.get(self.item.kind, "#e6e6e6"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(r, 3, 3)
        if self.block.shaded:
            painter.setBrush(QBrush(QColor(0, 0, 0, 28), Qt.BrushStyle.BDiagPattern))
            painter.drawRoundedRect(r, 3, 3)
        if self.clashes:
            painter.setPen(QPen(CONFLICT, 2.5))
        elif self.selected:
            painter.setPen(QPen(QColor("#202020"), 2))
        else:
            painter.setPen(QPen(colour.darker(135), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(r, 3, 3)
        if self.selected and self.clashes:
            painter.setPen(QPen(QColor("#202020"), 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(r.adjusted(3, 3, -3, -3), 2, 2)
        painter.setPen(QColor("#1a1a1a"))
        text = r.adjusted(4, 1, -3, -1)
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        line = painter.fontMetrics().height()
        marks = ("↑ " if self.block.continues_before else "") + ("⟳ " if self.item.series_id else "")
        rest = QRectF(text.left(), text.top() + line, text.width(), max(0.0, text.height() - line))
        first = f"{marks}{self.time}" if rest.height() >= line else f"{marks}{self.time} {self.title}"
        painter.drawText(QRectF(text.left(), text.top(), text.width(), line), Qt.TextFlag.TextSingleLine,
                         painter.fontMetrics().elidedText(first, Qt.TextElideMode.ElideRight, int(text.width())))
        font.setBold(True)
        painter.setFont(font)
        if rest.height() >= line:
            lines = max(1, int(rest.height() // line) - (1 if self.detail and rest.height() >= 3 * line else 0))
            title_rect = QRectF(rest.left(), rest.top(), rest.width(), lines * line)
            painter.save()
            painter.setClipRect(title_rect)
            painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), self.title)
            painter.restore()
            if self.detail and rest.height() >= (lines + 1) * line:
                font.setBold(False)
                painter.setFont(font)
                painter.setPen(QColor("#404040"))
                painter.drawText(QRectF(rest.left(), rest.top() + lines * line, rest.width(), line),
                                 Qt.TextFlag.TextSingleLine,
                                 painter.fontMetrics().elidedText(self.detail, Qt.TextElideMode.ElideRight,
                                                                  int(rest.width())))


class Bubble(QGraphicsItem):
    """Why a gesture was refused, next to the block, until the next gesture (or a few seconds)."""

    def __init__(self, text: str, at: QPointF, width: float) -> None:
        super().__init__()
        self.text = text
        self.width = max(180.0, width)
        self.setZValue(10)
        self.setPos(at)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, 64)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        painter.setPen(QPen(CONFLICT, 1.5))
        painter.setBrush(QColor("#fff3f0"))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 4, 4)
        painter.setPen(QColor("#5d0000"))
        painter.drawText(self.boundingRect().adjusted(6, 4, -6, -4), int(Qt.TextFlag.TextWordWrap), self.text)


class TimetableView(QGraphicsView):
    """The grid and its blocks; gestures come out as signals, in the seminar's wall-clock terms.

    ``moved(session_id, days, minutes, room)``: a block dropped elsewhere (``room`` is the room column it
    landed in when rooms are side by side, else None); ``resized(session_id, minutes)``: its lower edge;
    ``drawn(day, top, bottom, room)``: a slot dragged out on an empty part of a day; ``opened(session_id)``:
    Enter or a double click; ``chosen(session_id)``: the selection changed (0: none)."""

    moved = Signal(int, int, float, object)
    resized = Signal(int, float)
    drawn = Signal(object, float, float, object)
    opened = Signal(int)
    chosen = Signal(int)
    copy_asked = Signal()
    paste_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setObjectName("timetableView")
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setMinimumSize(200, 160)
        self.setAccessibleName(QCoreApplication.translate("Timetable", "Timetable"))
        self.table: tt.Timetable | None = None
        self.geometry_: Geometry | None = None
        self.items: dict[int, AgendaItem] = {}
        self.blocks: dict[int, list[BlockItem]] = {}
        self.zone = "UTC"
        self.selected_id = 0
        #: The empty slot clicked last (day, minute, room): where Ctrl+V pastes.
        self.slot: tuple[dt.date, float, str | None] | None = None
        self.bubble: Bubble | None = None
        self._press: tuple[str, QPointF, BlockItem | None] | None = None  # (move|resize|draw, where, block)
        self._dragging = False
        self._band: QGraphicsRectItem | None = None
        self._data: tuple[Sequence[AgendaItem], dict[int, list[str]], dt.date, dt.date, str | None, bool] | None = None
        self._bubble_timer = QTimer(self)
        self._bubble_timer.setSingleShot(True)
        self._bubble_timer.timeout.connect(self.clear_bubble)

    # -- what is shown
    def show_agenda(self, items: Sequence[AgendaItem], zone: str, first_day: dt.date, last_day: dt.date, *,
                    clashes: dict[int, list[str]], second_zone: str | None, by_room: bool) -> None:
        """Lay the sessions out (again): after a page is read, or the second zone or the columns changed."""
        self.zone = zone
        self._data = (items, clashes, first_day, last_day, second_zone, by_room)
        self._build()

    def _build(self) -> None:
        if self._data is None:
            return
        items, clashes, first_day, last_day, second_zone, by_room = self._data
        self.table = tt.layout(items, self.zone, first_day, last_day, second_zone=second_zone, by_room=by_room)
        n = max(1, len(self.table.columns))
        width = max(float(MIN_COLUMN), (self.viewport().width() - RULER - 2) / n)
        self.geometry_ = Geometry(n, self.table.first_hour, self.table.last_hour, width,
                                  STRIP if second_zone else 0.0)
        scene = self.scene()
        said = (self.bubble.text, self.bubble.pos()) if self.bubble is not None else None
        self.bubble = None
        self._band = None
        scene.clear()
        self.items = {item.id: item for item in items}
        self.blocks = {}
        for block in self.table.blocks:
            item = BlockItem(self.items[block.session_id], block, self.geometry_.block_rect(block), self.zone,
                             clashes.get(block.session_id, ()))
            scene.addItem(item)
            self.blocks.setdefault(block.session_id, []).append(item)
        w, h = self.geometry_.size()
        scene.setSceneRect(0, 0, w, h)
        self.resetCachedContent()
        if self.selected_id not in self.items:
            self.selected_id = 0
        self.select(self.selected_id, scroll=False)
        if said is not None and self._bubble_timer.isActive():  # a refusal is read again after it is said
            self.bubble = Bubble(said[0], said[1], self.geometry_.width)
            scene.addItem(self.bubble)
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.geometry_ is not None:
            n = self.geometry_.columns
            width = max(float(MIN_COLUMN), (self.viewport().width() - RULER - 2) / n)
            if abs(width - self.geometry_.width) > 0.5:
                self._build()

    # -- the grid, painted once (cached) under the blocks
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("#ffffff"))
        t, g = self.table, self.geometry_
        if t is None or g is None:
            return
        w = g.size()[0]
        bottom = g.y(t.last_hour * 60)
        small = QFont(painter.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
        # the seminar's zone: the hours on the left ruler
        painter.setFont(small)
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(2, 2, RULER - 4, HEADER - 14), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                         | int(Qt.TextFlag.TextWordWrap), city(t.zone))
        for hour in range(t.first_hour, t.last_hour + 1):
            y = g.y(hour * 60)
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(0, y - 8, RULER - 6, 16), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{hour:02d}:00")
            painter.setPen(QPen(QColor("#d8d8d8"), 1))
            painter.drawLine(QPointF(RULER, y), QPointF(w, y))
            if hour < t.last_hour:
                painter.setPen(QPen(QColor("#efefef"), 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(RULER, y + 30 * PPM), QPointF(w, y + 30 * PPM))
        header = QFont(painter.font())
        header.setBold(True)
        for n, column in enumerate(t.columns):
            x = g.x(n)
            new_day = n == 0 or t.columns[n - 1].day != column.day
            painter.setPen(QPen(QColor("#707070" if new_day else "#cccccc"), 1.5 if new_day else 1))
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
            painter.setFont(header)
            painter.setPen(QColor("#202020"))
            title = i18n.format_date(column.day)
            if column.room is not None:
                title = (title if new_day else "") + "\n" + column.room
            painter.drawText(QRectF(x + 4, 2, g.width - 8, HEADER - 4),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), title)
            painter.setFont(small)
            jump = QCoreApplication.translate("Timetable", "the clocks jump forward")
            twice = QCoreApplication.translate("Timetable", "this hour happens twice")
            for span, colour, note in ((column.gap, QColor(120, 120, 120, 60), jump),
                                       (column.fold, QColor(255, 193, 7, 50), twice)):
                if span is not None and t.first_hour * 60 <= span[0] < t.last_hour * 60:
                    band = QRectF(x + g.strip, g.y(span[0]), g.width - g.strip, (span[1] - span[0]) * PPM)
                    painter.fillRect(band, QBrush(colour, Qt.BrushStyle.Dense4Pattern if column.gap == span
                                                  else Qt.BrushStyle.SolidPattern))
                    painter.setPen(QColor("#555555"))
                    painter.drawText(band.adjusted(4, 0, -4, 0), int(Qt.AlignmentFlag.AlignCenter), note)
            if g.strip:
                strip = QRectF(x, HEADER, g.strip, bottom - HEADER)
                painter.fillRect(strip, QColor("#f4f7fb"))
                painter.setPen(QColor("#4a6a8a"))
                painter.drawText(QRectF(x + 1, HEADER - 14, g.width / 2, 14), int(Qt.AlignmentFlag.AlignLeft),
                                 city(t.second_zone or ""))
                for tick in column.ticks:
                    painter.drawText(QRectF(x + 2, g.y(tick.minute) + 1, g.strip - 4, 14),
                                     int(Qt.AlignmentFlag.AlignLeft), tick.label)
                for change in column.day_changes:
                    y = g.y(change.minute)
                    painter.setPen(QPen(DAY_CHANGE, 1.5, Qt.PenStyle.DashLine))
                    painter.drawLine(QPointF(x, y), QPointF(x + g.width, y))
                    painter.setPen(DAY_CHANGE)
                    painter.drawText(QRectF(x + g.strip + 3, y - 14, g.width - g.strip - 6, 13),
                                     int(Qt.AlignmentFlag.AlignRight),
                                     QCoreApplication.translate("Timetable", "{zone}: {day}").format(
                                         zone=city(t.second_zone or ""), day=i18n.format_date(change.day)))
        painter.setPen(QPen(QColor("#707070"), 1.5))
        painter.drawLine(QPointF(w - 1, 0), QPointF(w - 1, bottom))
        painter.drawLine(QPointF(RULER, HEADER), QPointF(w, HEADER))

    # -- choosing
    def select(self, session_id: int, *, scroll: bool = True) -> None:
        """Choose a block (0: none); the view's accessible name says which, for screen readers."""
        for blocks in self.blocks.values():
            for b in blocks:
                b.set_selected(b.item.id == session_id)
        changed = session_id != self.selected_id
        self.selected_id = session_id if session_id in self.items else 0
        chosen = self.blocks.get(self.selected_id)
        named = QCoreApplication.translate("Timetable", "Timetable: {block}")
        self.setAccessibleName(named.format(block=chosen[0].name) if chosen
                               else QCoreApplication.translate("Timetable", "Timetable"))
        if chosen and scroll:
            self.ensureVisible(chosen[0].rect, 8, 8)
        if changed:
            self._tell_accessibility()
            self.chosen.emit(self.selected_id)

    def _tell_accessibility(self) -> None:
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

    def block_at(self, pos: QPointF) -> BlockItem | None:
        for found in self.scene().items(pos):
            if isinstance(found, BlockItem):
                return found
        return None

    # -- refusals, in place
    def refuse(self, session_id: int, message: str) -> None:
        """Put a refused block back where it was and say why beside it."""
        self.put_back(session_id)
        for b in self.blocks.get(session_id, []):
            if self.geometry_ is not None:
                b.set_rect(self.geometry_.block_rect(b.block))
        anchor = self.blocks.get(session_id)
        where = anchor[0].rect.topRight() + QPointF(4, 0) if anchor else self.mapToScene(20, HEADER + 20)
        self.say(message, where)

    def say(self, message: str, where: QPointF) -> None:
        self.clear_bubble()
        width = self.geometry_.width if self.geometry_ else 200.0
        if self.geometry_ and where.x() + width > self.geometry_.size()[0]:
            where = QPointF(max(0.0, where.x() - 2 * width), where.y())
        self.bubble = Bubble(message, where, width)
        self.scene().addItem(self.bubble)
        self._bubble_timer.start(6000)

    def clear_bubble(self) -> None:
        if self.bubble is not None:
            self.scene().removeItem(self.bubble)
            self.bubble = None

    # -- the mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.geometry_ is None:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.clear_bubble()
        pos = self.mapToScene(event.position().toPoint())
        block = self.block_at(pos)
        if block is not None:
            self.select(block.item.id, scroll=False)  # scrolling under the hand would move what it drags
            edge = block.rect.bottom() - pos.y() <= EDGE and not block.block.continues_after
            self._press = ("resize" if edge else "move", pos, block)
        elif pos.y() > HEADER and self.geometry_.column_at(pos.x()) in range(self.geometry_.columns):
            self.select(0)
            self._press = ("draw", pos, None)
            column = self.table.columns[self.geometry_.column_at(pos.x())]  # type: ignore[union-attr]
            self.slot = (column.day, tt.snap(self.geometry_.minute_at(pos.y())), column.room)
        self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self._press is None:
            block = self.block_at(pos)
            near_edge = block is not None and block.rect.bottom() - pos.y() <= EDGE
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor)
            super().mouseMoveEvent(event)
            return
        mode, start, block = self._press
        if not self._dragging and (pos - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._dragging = True
        g = self.geometry_
        assert g is not None
        if mode == "move" and block is not None:
            days = self._columns_moved(start, pos)
            minutes = tt.snap(g.minute_at(pos.y()) - g.minute_at(start.y()))
            for piece in self.blocks.get(block.item.id, [block]):
                piece.setPos(days * g.width, minutes * PPM)
                piece.setZValue(5)
        elif mode == "resize" and block is not None:
            bottom = block.block.bottom + tt.snap(g.minute_at(pos.y()) - g.minute_at(start.y()))
            rect = QRectF(block.rect)
            rect.setBottom(max(g.y(bottom), rect.top() + tt.SNAP * PPM))
            block.set_rect(rect)
        elif mode == "draw":
            column = g.column_at(start.x())
            low, high = sorted((tt.snap(g.minute_at(start.y())), tt.snap(g.minute_at(pos.y()))))
            rect = QRectF(g.x(column) + g.strip + 3, g.y(low), g.width - g.strip - 6, max(2.0, (high - low) * PPM))
            if self._band is None:
                self._band = self.scene().addRect(rect, QPen(QColor("#1565c0"), 1.5, Qt.PenStyle.DashLine),
                                                  QBrush(QColor(21, 101, 192, 40)))
                self._band.setZValue(4)
            else:
                self._band.setRect(rect)
        event.accept()

    def _columns_moved(self, start: QPointF, pos: QPointF) -> int:
        g = self.geometry_
        assert g is not None
        here = min(max(g.column_at(pos.x()), 0), g.columns - 1)
        return here - min(max(g.column_at(start.x()), 0), g.columns - 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        mode, start, block = self._press
        self._press = None
        pos = self.mapToScene(event.position().toPoint())
        g, t = self.geometry_, self.table
        assert g is not None and t is not None
        if self._band is not None:
            self.scene().removeItem(self._band)
            self._band = None
        if not self._dragging:
            event.accept()
            return
        self._dragging = False
        if mode == "move" and block is not None:
            shift = self._columns_moved(start, pos)
            source = t.columns[block.block.column]
            target = t.columns[min(max(block.block.column + shift, 0), len(t.columns) - 1)]
            days = (target.day - source.day).days
            minutes = g.minute_at(pos.y()) - g.minute_at(start.y())
            room = target.room if target.room != source.room else None
            if days or tt.snap(minutes) or room is not None:
                self.moved.emit(block.item.id, days, minutes, room)
            else:
                self.put_back(block.item.id)
        elif mode == "resize" and block is not None:
            minutes = g.minute_at(pos.y()) - g.minute_at(start.y())  # the hand's way, not where it grabbed
            self.resized.emit(block.item.id, minutes)
        elif mode == "draw":
            column = t.columns[g.column_at(start.x())]
            self.drawn.emit(column.day, g.minute_at(start.y()), g.minute_at(pos.y()), column.room)
        event.accept()

    def put_back(self, session_id: int) -> None:
        """A block dragged but not moved (cancelled, or the same place) goes back where it was."""
        for b in self.blocks.get(session_id, []):
            b.setPos(0, 0)
            b.setZValue(1)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(self.mapToScene(event.position().toPoint()))
        if block is not None:
            self.opened.emit(block.item.id)
        event.accept()

    # -- the keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        arrows = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}
        if key in arrows and self.table is not None:
            direction = arrows[key]  # type: ignore[index]
            if mods & Qt.KeyboardModifier.AltModifier:
                if self.selected_id:
                    step: dict[str, tuple[int, float]] = {"up": (0, -tt.SNAP), "down": (0, tt.SNAP),
                                                          "left": (-1, 0), "right": (1, 0)}
                    days, minutes = step[direction]
                    self.moved.emit(self.selected_id, days, minutes, None)
            else:
                found = tt.neighbour(self.table, self.selected_id, direction) if self.selected_id else (
                    self.table.blocks[0].session_id if self.table.blocks else 0)
                if found:
                    self.select(found)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id:
            self.opened.emit(self.selected_id)
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_C:
            self.copy_asked.emit()
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_V:
            self.paste_asked.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- for tests and the bench: where things are on screen
    def point_of(self, session_id: int, *, edge: bool = False) -> tuple[int, int]:
        """A viewport point on a block (its middle, or just above its lower edge)."""
        block = self.blocks[session_id][0]
        r = block.rect
        at = QPointF(r.center().x(), r.bottom() - 2 if edge else min(r.top() + 12, r.center().y()))
        p = self.mapFromScene(at)
        return p.x(), p.y()

    def point_at(self, day: dt.date, minute: float, room: str | None = None) -> tuple[int, int]:
        """A viewport point of ``day`` at ``minute`` of wall clock (in its column's free side)."""
        assert self.table is not None and self.geometry_ is not None
        column = self.table.column_of(day, room)
        g = self.geometry_
        p = self.mapFromScene(QPointF(g.x(column) + g.width - 8, g.y(minute)))
        return p.x(), p.y()

