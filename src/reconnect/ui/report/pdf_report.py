"""Draws a report's pages (``services.report.ReportContent``) into a PDF with Qt's own writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from reconnect.services.report import Bar, Chart, ReportContent, Section
from reconnect.ui.theme import LIGHT

# Points on A4 (the writer's resolution is set to 72 dots per inch, so a unit is a point).
PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 56.0, 56.0, 52.0, 60.0
WIDTH = PAGE_WIDTH - LEFT - RIGHT
FONT_FAMILY = "DejaVu Sans"
INK, QUIET, HEADING = QColor(LIGHT.strong), QColor(LIGHT.quiet), QColor(LIGHT.heading)
CALM, SOFT, PALE, LINE = (
    QColor(LIGHT.chart_calm),
    QColor(LIGHT.chart_soft),
    QColor(LIGHT.chart_quiet),
    QColor(LIGHT.border),
)
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    # No ligatures: "fl" stays two letters for whoever copies or searches the text.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


BODY, SMALL, TINY = _font(10), _font(8.5), _font(7.5)
TITLE, HEAD, STRONG = _font(18, bold=True), _font(13, bold=True), _font(10, bold=True)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfReport", text)


class _Pages:
    """A painter on the writer and where the next thing goes; starts a page when one is full."""

    def __init__(self, writer: QPdfWriter, content: ReportContent) -> None:
        self.writer = writer
        self.content = content
        self.painter = QPainter(writer)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.page = 1
        self.y = TOP
        self._decorate()

    def _decorate(self) -> None:
        p = self.painter
        p.setFont(SMALL)
        p.setPen(QUIET)
        bottom = QRectF(LEFT, PAGE_HEIGHT - BOTTOM + 18, WIDTH, 14)
        p.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft), self.content.footer)
        page = _tr("Page {page}").format(page=self.page)
        p.drawText(bottom, int(Qt.AlignmentFlag.AlignRight), page)
        if self.page > 1:
            top = f"{self.content.title} · {self.content.period}"
            p.drawText(QRectF(LEFT, TOP - 26, WIDTH, 14), int(Qt.AlignmentFlag.AlignLeft), top)

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = TOP
        self._decorate()

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` fits below ``y``."""
        if self.y + height > PAGE_HEIGHT - BOTTOM and self.y > TOP:
            self.new_page()

    def text(self, text: str, font: QFont, colour: QColor = INK, after: float = 6) -> None:
        self.painter.setFont(font)
        bound = self.painter.boundingRect(QRectF(LEFT, 0, WIDTH, 10_000), WRAP, text)
        self.room(bound.height())
        self.painter.setPen(colour)
        self.painter.drawText(QRectF(LEFT, self.y, WIDTH, bound.height() + 2), WRAP, text)
        self.y += bound.height() + after

    def finish(self) -> None:
        self.painter.end()


def _section(pages: _Pages, section: Section) -> None:
    pages.room(90)
    pages.y += 6
    pages.text(section.heading, HEAD, HEADING, after=6)
    for paragraph in section.paragraphs:
        pages.text(paragraph, BODY)
    if section.table:
        _table(pages, section.table)
    for chart in section.charts:
        if chart.kind == "ranges":
            _ranges(pages, chart)
        else:
            _columns(pages, chart)
    pages.y += 6


def _table(pages: _Pages, rows: tuple[tuple[str, ...], ...]) -> None:
    p, row_height = pages.painter, 15.0
    first = WIDTH - 4 * 72
    pages.y += 2
    for index, row in enumerate(rows):
        pages.room(row_height)
        p.setFont(STRONG if index == 0 else BODY)
        p.setPen(QUIET if index == 0 else INK)
        x = LEFT
        for column, cell in enumerate(row):
            width = first if column == 0 else 72.0
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            shown = p.fontMetrics().elidedText(cell, Qt.TextElideMode.ElideRight, int(width - 8))
            flags = int(align) | int(Qt.AlignmentFlag.AlignVCenter)
            p.drawText(QRectF(x, pages.y, width, row_height), flags, shown)
            x += width
        pages.y += row_height
        if index == 0:
            p.setPen(QPen(LINE, 0.8))
            p.drawLine(QPointF(LEFT, pages.y), QPointF(LEFT + WIDTH, pages.y))
    pages.y += 8


def _caption(pages: _Pages, chart: Chart) -> None:
    pages.text(chart.title, STRONG, INK, after=4)


def _ranges(pages: _Pages, chart: Chart) -> None:
    """A row per practice: its likely range as a band, its estimate as a dot, the usual line."""
    p, row = pages.painter, 17.0
    label_width, detail_width = 150.0, 120.0
    plot_left = LEFT + label_width
    plot_width = WIDTH - label_width - detail_width - 8

    def x_of(rate: float) -> float:
        return plot_left + plot_width * min(max(rate, 0.0), 1.0)

    pages.room(40 + row * min(len(chart.bars), 6))
    _caption(pages, chart)
    p.setFont(TINY)
    p.setPen(QUIET)
    for tick in (0, 25, 50, 75, 100):
        x = x_of(tick / 100)
        p.drawText(QRectF(x - 20, pages.y, 40, 10), int(Qt.AlignmentFlag.AlignCenter), f"{tick}%")
    pages.y += 12
    top = pages.y
    for bar in chart.bars:
        if pages.y + row > PAGE_HEIGHT - BOTTOM:
            _usual_line(pages, chart, x_of, top)
            pages.new_page()
            top = pages.y
        _range_row(pages, bar, x_of, row, label_width, detail_width)
        pages.y += row
    _usual_line(pages, chart, x_of, top)
    pages.y += 10


def _range_row(
    pages: _Pages, bar: Bar, x_of: Callable[[float], float], row: float, label: float, detail: float
) -> None:
    p, y = pages.painter, pages.y
    p.setFont(BODY)
    p.setPen(INK)
    name = p.fontMetrics().elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label - 8))
    middle = int(Qt.AlignmentFlag.AlignVCenter)
    p.drawText(QRectF(LEFT, y, label, row), int(Qt.AlignmentFlag.AlignLeft) | middle, name)
    p.setPen(QPen(LINE, 0.6))
    p.drawLine(QPointF(x_of(0.0), y + row / 2), QPointF(x_of(1.0), y + row / 2))
    if bar.low is not None and bar.high is not None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(PALE if bar.faint else SOFT)
        band = QRectF(QPointF(x_of(bar.low), y + 4), QPointF(x_of(bar.high), y + row - 4))
        p.drawRoundedRect(band, 3, 3)
    if bar.value is not None:
        p.setBrush(QUIET if bar.faint else CALM)
        p.drawEllipse(QPointF(x_of(bar.value), y + row / 2), 3.2, 3.2)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setFont(SMALL)
    p.setPen(QUIET)
    right = QRectF(LEFT + WIDTH - detail, y, detail, row)
    p.drawText(right, int(Qt.AlignmentFlag.AlignRight) | middle, bar.detail)


def _usual_line(pages: _Pages, chart: Chart, x_of: Callable[[float], float], top: float) -> None:
    if chart.usual is None or pages.y <= top:
        return
    p, x = pages.painter, x_of(chart.usual)
    pen = QPen(HEADING, 0.9, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.drawLine(QPointF(x, top), QPointF(x, pages.y))
    p.setFont(TINY)
    p.drawText(
        QRectF(x - 40, pages.y + 1, 80, 10), int(Qt.AlignmentFlag.AlignCenter), chart.usual_label
    )
    pages.y += 10


def _columns(pages: _Pages, chart: Chart) -> None:
    """Columns of rates from 0 to 100%, a label and a count under each, and the usual line."""
    if not chart.bars:
        return
    p, height = pages.painter, 80.0
    pages.room(height + 50)
    _caption(pages, chart)
    axis, margin = 28.0, 56.0  # the usual line's label goes in the margin on the right
    left, width = LEFT + axis, WIDTH - axis - margin
    bottom = pages.y + 4 + height
    p.setFont(TINY)
    for tick in (0, 50, 100):
        y = bottom - height * tick / 100
        p.setPen(QPen(LINE, 0.5))
        p.drawLine(QPointF(left, y), QPointF(left + width, y))
        p.setPen(QUIET)
        p.drawText(QRectF(LEFT, y - 5, axis - 4, 10), int(Qt.AlignmentFlag.AlignRight), f"{tick}%")
    step = width / len(chart.bars)
    bar_width = min(step * 0.62, 28.0)
    for index, bar in enumerate(chart.bars):
        centre = left + step * (index + 0.5)
        if bar.value is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(PALE if bar.faint else CALM)
            rise = height * min(max(bar.value, 0.0), 1.0)
            p.drawRect(QRectF(centre - bar_width / 2, bottom - rise, bar_width, rise))
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(INK)
        p.setFont(TINY)
        below = QRectF(centre - step / 2, bottom + 2, step, 10)
        p.drawText(below, int(Qt.AlignmentFlag.AlignCenter), bar.label)
        p.setPen(QUIET)
        p.drawText(below.translated(0, 10), int(Qt.AlignmentFlag.AlignCenter), bar.detail)
    if chart.usual is not None:
        y = bottom - height * chart.usual
        p.setPen(QPen(HEADING, 0.9, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(left, y), QPointF(left + width, y))
        p.setFont(TINY)
        label = QRectF(left + width + 4, y - 5, margin - 4, 10)
        p.drawText(label, int(Qt.AlignmentFlag.AlignLeft), chart.usual_label)
    pages.y = bottom + 30


def write_pdf(content: ReportContent, path: Path) -> int:
    """Writes the report to ``path`` (A4); returns how many pages it has.

    Needs a QGuiApplication (the offscreen platform will do).
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(content.title)
    writer.setCreator("Reconnect")
    pages = _Pages(writer, content)
    pages.text(content.title, TITLE, HEADING, after=4)
    pages.text(content.period, HEAD, QUIET, after=10)
    for number, sections in enumerate(content.pages):
        if number:
            pages.new_page()
        for section in sections:
            _section(pages, section)
    pages.finish()
    return pages.page
