"""The outcome report as a PDF: one section a page, each chart drawn as vectors above the table it shows.

Why reportlab's own graphics: its charts are vectors in the PDF and use the fonts the documents
already register, so Chinese labels print (a chart label is one String in one font: a label
holding Chinese is set in the CJK font, which has Latin letters too). Every page's footer names
the programme and the period, and numbers the pages. Text from the database goes through
:class:`.markup.Markup` (escaped, fonts per script); chart labels are drawn as plain strings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from ..core.reports.outcome import OutcomeReport
from .agenda_pdf import pdf_lang, wrap_for
from .fonts import HAN, SANS, FontSet, font_set
from .language import DocLanguage, language
from .markup import Markup
from .outcome_sections import Chart, Section, both, nice_top, period, said, scope_title, sections
from .page import CREATOR, Para, Rendered, build, frame_width, styles, table_style

#: Slice and bar colours, distinct in print and for most colour-blind readers (Okabe–Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#999999", "#882255", "#117733", "#332288"]
BAR_HEIGHT = 13.0
LABEL_SIZE = 7.5
#: The most lines a table prints (sessions, cities, organisations run to thousands in a big curriculum).
PDF_ROWS = 60


def render_outcome_report(report: OutcomeReport, *, paper: str = "a4", lang: str = "en",
                          printed: dt.date | None = None, fonts: FontSet | None = None) -> Rendered:
    """The report as a PDF in memory, in English, Chinese or both."""
    lg = language(lang)
    markup = Markup(fonts or font_set())
    heading = scope_title(report, lg)
    when = period(report, lg)

    days = (f"{report.first_day.isoformat()} – {report.last_day.isoformat()}"
            if report.first_day and report.last_day else "")
    short = scope_title(report, language("en") if lg.code == "en+zh" else lg)
    left = _fit(f"{short} · {when if report.scope.seminar_id is None and len(when) < 12 else days}", 92)

    def footer(day: dt.date, page: int, total: int) -> tuple[str, str]:
        return left, lg.page_of(page, total)

    data, pages = build(
        lambda split_rows: _story(report, markup, lg, paper, split_rows), paper=paper,
        title=f"{said(lg, 'report')} – {heading}", author=CREATOR, subject=f"{said(lg, 'report')} {when}",
        printed=printed, footer=footer, fonts=markup.fonts, lang=pdf_lang(lg),
    )
    return Rendered(data, pages, markup.report("outcome report"))


def _story(report: OutcomeReport, m: Markup, lg: DocLanguage, paper: str, split_rows: bool) -> list[Flowable]:
    st = styles()
    width = frame_width(paper)
    story: list[Flowable] = []
    for n, section in enumerate(sections(report, lg)):
        if n:
            story.append(PageBreak())
        if n == 0:
            title = said(lg, "report")
            story.append(m.para(title, wrap_for(title, st.title), bold=True))
            for line in lg.pick(report.title, report.title_zh):
                story.append(m.para(line, wrap_for(line, st.heading), bold=True))
            story.append(m.para(period(report, lg), st.info))
            if report.scope.seminar_id is not None and report.seminars:
                s = report.seminars[0]
                story.append(m.para(lg.text(s.title, s.title_zh, " / "), st.info))
        story.append(m.para(section.title, wrap_for(section.title, st.heading), bold=True))
        story += section_body(section, m, lg, width, split_rows, gap=4 * mm)
        if section.note:
            story.append(m.para(section.note, st.note))
    return story


def section_body(section: Section, m: Markup, lg: DocLanguage, width: float, split_rows: bool,
                 gap: float) -> list[Flowable]:
    """A section under its heading: its chart, its table (the first :data:`PDF_ROWS` lines, then how many
    more the XLSX holds), or "none"; the outcome report and the evaluation results print sections alike."""
    st = styles()
    body: list[Flowable] = []
    if section.chart is not None and any(section.chart.values):
        body += [chart_drawing(section.chart, m.fonts, width), Spacer(1, gap)]
    if not section.rows:
        return [*body, m.para(said(lg, "none"), st.info)]
    body.append(section_table(cut_section(section), m, width, split_rows))
    if len(section.rows) > PDF_ROWS:
        more = len(section.rows) - PDF_ROWS
        body.append(m.para(both(lg, f"… and {more:,} more lines (the XLSX has every line)",
                                f"……另有{more:,}行（XLSX中有全部数据）"), st.note))
    return body


def cut_section(section: Section) -> Section:
    """``section`` with its first :data:`PDF_ROWS` lines."""
    if len(section.rows) <= PDF_ROWS:
        return section
    return Section(section.key, section.title, section.headers, section.rows[:PDF_ROWS], section.chart,
                   section.note, section.numeric)


def section_table(section: Section, m: Markup, width: float, split_rows: bool) -> Table:
    st = styles()
    widths = _widths(section, width)
    numeric = section.numeric
    head = [m.para(h, wrap_for(h, st.head_cell), bold=True) for h in section.headers]
    rows: list[list[Any]] = [head]
    for row in section.rows:
        cells: list[Any] = []
        for i, value in enumerate(row):
            if i in numeric:
                cells.append(Para(_number(value), _right(st.cell)))
            else:
                text = "" if value is None else str(value)
                cells.append(m.para(text, wrap_for(text, st.cell)))
        rows.append(cells)
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1 if split_rows else 0)
    table.setStyle(table_style([]))
    return table


def display_width(text: str) -> int:
    """Columns a text takes: CJK characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _widths(section: Section, width: float) -> list[float]:
    """Numbers narrow; the text columns share the rest by how long their text runs (dates stay on a line)."""
    texts = [i for i in range(len(section.headers)) if i not in section.numeric]
    number = min(17 * mm, width * 0.5 / max(1, len(section.numeric)))
    rest = width - number * (len(section.headers) - len(texts))
    weight = {i: min(60, max(8, max((display_width(str(row[i] or "")) for row in section.rows), default=8)))
              for i in texts}
    least = min(21 * mm, rest / max(1, len(texts)))  # a day (2020-07-13) on one line
    total = sum(weight.values()) or 1
    share = {i: rest * weight[i] / total for i in texts}
    short = [i for i in texts if share[i] < least]
    spare = rest - least * len(short)
    long_total = sum(weight[i] for i in texts if i not in short) or 1
    share.update({i: least if i in short else spare * weight[i] / long_total for i in texts})
    return [number if i in section.numeric else share[i] for i in range(len(section.headers))]


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}" if value != int(value) or abs(value) < 1000 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _right(style: Any) -> Any:
    from .markup import right_aligned

    return right_aligned(style)


def _font_for(labels: list[str], fonts: FontSet) -> str:
    """One font for a chart's labels: the CJK font when any label needs it (it has Latin letters too)."""
    from .fonts import HANGUL, KANA, NEUTRAL, script_of

    for text in labels:
        for ch in text:
            script = script_of(ch)
            if script in (HAN, HANGUL, KANA, NEUTRAL):
                return fonts.for_script(HAN if script == NEUTRAL else script).name
    return SANS


def chart_drawing(chart: Chart, fonts: FontSet, width: float) -> Drawing:
    labels = [label.replace("\n", " / ") if chart.kind == "bar" else label.replace("\n", " ")
              for label in chart.labels]
    font = _font_for(labels, fonts)
    if chart.kind == "pie":
        return _pie(labels, chart.values, font, width)
    return _bars(labels, chart.values, font, width)


def _bars(labels: list[str], values: list[float], font: str, width: float) -> Drawing:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    shown = [_clip(label, font, 60 * mm) for label in labels]
    label_room = min(65 * mm, max(stringWidth(s, font, LABEL_SIZE) for s in shown) + 6)
    height = BAR_HEIGHT * len(values) + 24
    drawing = Drawing(width, height)
    bars = HorizontalBarChart()
    bars.x, bars.y = label_room, 14
    bars.width, bars.height = width - label_room - 30, height - 20
    bars.data = [list(reversed(values))]
    bars.categoryAxis.categoryNames = list(reversed(shown))
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -3
    bars.valueAxis.valueMin = 0
    bars.valueAxis.labels.fontName = SANS
    bars.valueAxis.labels.fontSize = LABEL_SIZE
    top = max(values) if values else 1
    bars.valueAxis.valueMax = nice_top(top)
    bars.valueAxis.valueStep = nice_top(top) / 5
    bars.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"
    bars.bars[0].fillColor = colors.HexColor(PALETTE[0])
    bars.bars.strokeColor = None
    bars.barLabelFormat = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"
    bars.barLabels.fontName = SANS
    bars.barLabels.fontSize = LABEL_SIZE - 0.5
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    drawing.add(bars)
    return drawing


def _pie(labels: list[str], values: list[float], font: str, width: float) -> Drawing:
    size = 55 * mm
    rows = len(values)
    height = max(size + 10, rows * 14 + 10)
    drawing = Drawing(width, height)
    pie = Pie()
    pie.x, pie.y = 10, (height - size) / 2
    pie.width = pie.height = size
    pie.data = [v if v > 0 else 0.0001 for v in values]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(rows):
        pie.slices[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
    drawing.add(pie)
    total = sum(values) or 1
    x = size + 30
    for i, (label, value) in enumerate(zip(labels, values)):
        y = height - 16 - i * 14
        drawing.add(Rect(x, y - 1, 9, 9, fillColor=colors.HexColor(PALETTE[i % len(PALETTE)]), strokeColor=None))
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        text = f"{_clip(label, font, width - x - 90)}  {number} ({value * 100 / total:.1f} %)"
        drawing.add(String(x + 14, y, text, fontName=font, fontSize=LABEL_SIZE + 0.5))
    return drawing


def _fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` display columns (a Chinese character takes two), with an ellipsis."""
    if display_width(text) <= columns:
        return text
    while text and display_width(text) > columns - 1:
        text = text[:-1]
    return text + "…"


def _clip(text: str, font: str, room: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, LABEL_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", font, LABEL_SIZE) > room:
        text = text[:-1]
    return text + "…"
