"""The programme PDF: every seminar of a curriculum, year by year, cancelled ones marked."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from learninghub.core.store import Database
from learninghub.documents import programme_pdf
from learninghub.documents.fonts import font_set
from tests.documents.test_agenda_pdf import assert_in_order, demo  # noqa: F401 (a fixture)


def render(db: Database, curriculum_id: int, path: Path, **kw: object) -> programme_pdf.Rendered:
    with db.reading() as s:
        data = programme_pdf.load_programme(s, curriculum_id)
    rendered = programme_pdf.render_programme(data, printed=dt.date(2026, 11, 23), fonts=font_set(), **kw)  # type: ignore[arg-type]
    rendered.save(path)
    return rendered


def test_every_seminar_of_the_demo_curriculum_under_its_year(demo: Database, tmp_path: Path) -> None:  # noqa: F811
    from learninghub.core.services import curricula, seminars

    with demo.reading() as s:
        hub = next(c for c in curricula.list_curricula(s) if c.title.startswith("Metropolis Learning Hub"))
        rows = [(x.start_date.year, x.title, x.status, x.city.name if x.city else "")
                for x in seminars.list_seminars(s, hub.id)]
        title = hub.title
    path = tmp_path / "programme.pdf"
    rendered = render(demo, hub.id, path)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert rendered.pages == 1 and "Page 1 of 1" in text
    assert_in_order(text, [title, "Programme 2020–2022"])
    expected: list[str] = []
    for year in (2020, 2021, 2022):
        in_year = [r for r in rows if r[0] == year]
        assert in_year, f"the demo has seminars in {year}"
        expected.append(f"{year} · {len(in_year)} seminar")
        for _, seminar_title, status, city in in_year:
            expected += [seminar_title, city, "Cancelled" if status == "cancelled" else status.capitalize()]
    assert_in_order(text, expected)
    cancelled = sum(r[2] == "cancelled" for r in rows)
    assert len(re.findall("Cancelled", text)) == cancelled and f"{len(rows)} seminars, {cancelled} cancelled" in text
    assert PdfReader(path).metadata.title == f"Programme – {title}"  # type: ignore[union-attr]


def test_years_without_seminars_are_listed_too(db: Database, hub, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "programme.pdf"
    render(db, hub.curriculum, path, paper="letter")
    text = PdfReader(path).pages[0].extract_text()
    assert_in_order(text, ["2020 · 1 seminar", "Park City Project", "Chengdu", "2021 · no seminars",
                           "2022 · no seminars"])
