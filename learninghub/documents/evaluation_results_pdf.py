"""A questionnaire's results as a PDF: each section's chart drawn as vectors above its table, bilingual.

Why the outcome report's drawing: the same house style (Okabe–Ito bars, CJK labels in the CJK font,
tables through :class:`.markup.Markup`), so a funder reads both documents alike.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..core.evaluations.results import EvaluationResults
from .agenda_pdf import pdf_lang, wrap_for
from .evaluation_sections import said, sections
from .fonts import FontSet, font_set
from .language import DocLanguage, language
from .markup import Markup
from .outcome_pdf import section_body
from .outcome_sections import both
from .page import CREATOR, Rendered, build, frame_width, styles


def render_evaluation_results(results: EvaluationResults, *, paper: str = "a4", lang: str = "en",
                              printed: dt.date | None = None, fonts: FontSet | None = None) -> Rendered:
    lg = language(lang)
    markup = Markup(fonts or font_set())
    heading = both(lg, results.seminar_title, results.seminar_title_zh)

    def footer(day: dt.date, page: int, total: int) -> tuple[str, str]:
        return f"{said(lg, 'results')} · {results.seminar_title[:70]}", lg.page_of(page, total)

    data, pages = build(lambda split: _story(results, markup, lg, paper, split), paper=paper,
                        title=f"{said(lg, 'results')} – {heading}", author=CREATOR, subject=said(lg, "results"),
                        printed=printed, footer=footer, fonts=markup.fonts, lang=pdf_lang(lg))
    return Rendered(data, pages, markup.report("evaluation results"))


def _story(r: EvaluationResults, m: Markup, lg: DocLanguage, paper: str, split_rows: bool) -> list[Flowable]:
    st = styles()
    width = frame_width(paper)
    title = said(lg, "results")
    story: list[Flowable] = [m.para(title, wrap_for(title, st.title), bold=True)]
    for line in lg.pick(r.seminar_title, r.seminar_title_zh):
        story.append(m.para(line, wrap_for(line, st.heading), bold=True))
    story.append(m.para(f"{said(lg, 'responses')}: {r.responses} ({r.linked} {said(lg, 'linked')})", st.info))
    for section in sections(r, lg):
        heading = m.para(section.title, wrap_for(section.title, st.heading), bold=True)
        heading.keepWithNext = True  # never a heading alone at the foot of a page
        story.append(heading)
        story += section_body(section, m, lg, width, split_rows, gap=3 * mm)
    return story
