"""The programme PDF: every seminar of a curriculum, year by year, cancelled ones marked."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from learninghub.core.store import Database
from learninghub.documents import programme_pdf
from learninghub.documents.fonts import font_set
from tests.pdftext import assert_in_order, page_texts


def render(db: Database, curriculum_id: int, path: Path, **kw: object) -> programme_pdf.Rendered:
    with db.reading() as s:
        data = programme_pdf.load_programme(s, curriculum_id)
    rendered = programme_pdf.render_programme(data, printed=dt.date(2026, 11, 23), fonts=font_set(), **kw)  # type: ignore[arg-type]
    rendered.save(path)
    return rendered


def test_every_seminar_of_the_demo_curriculum_under_its_year(demo: Database, tmp_path: Path) -> None:
    from learninghub.core.services import curricula, seminars

    with demo.reading() as s:
        hub = next(c for c in curricula.list_curricula(s) if c.title.startswith("Metropolis Learning Hub"))
        rows = [(x.start_date.year, x.title, x.status, x.city.name if x.city else "")
                for x in seminars.list_seminars(s, hub.id)]
        title = hub.title
    path = tmp_path / "programme.pdf"
    rendered = render(demo, hub.id, path)
    text = "\n".join(page_texts(path))
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


def test_programme_names_each_seminars_audience(tmp_path) -> None:
    """Who each seminar is for, as its registrations show it (cancelled ones left out)."""
    import io

    from pypdf import PdfReader

    from learninghub.core.services import curricula, people, registration, seminars
    from learninghub.core.store import open_database
    from learninghub.documents import build

    db = open_database(str(tmp_path / "hub.sqlite"))
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Audience test", start_year=2020, end_year=2020)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Park City Project", start="2020-07-13",
                                   end="2020-07-17", timezone="Asia/Shanghai")
        for i, role in enumerate(["policymaker", "policymaker", "planner", "elected"]):
            p = people.add_person(s, given_name=f"P{i}", family_name="Test", role=role)
            registration.register(s, seminar_id=sem.id, person_id=p.id)
        gone = people.add_person(s, given_name="Gone", family_name="Test", role="expert")
        registration.register(s, seminar_id=sem.id, person_id=gone.id, status="cancelled")
    page = PdfReader(io.BytesIO(build.programme(db, c.id).data)).pages[0]
    text = " ".join(page.extract_text().split())
    db.close()
    assert "Audience: 2 policymakers, 1 elected representative, 1 urban planner" in text
    assert "expert" not in text.lower()
