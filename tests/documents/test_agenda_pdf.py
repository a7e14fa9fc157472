"""The agenda PDF, read back with pypdf: every title, speaker and time in order, in every script."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from learninghub.core import timezones
from learninghub.core.store import Database
from learninghub.documents.fonts import HAN, font_set
from learninghub.documents.page import BREAK_FILL
from tests.pdftext import assert_in_order, page_texts, render_agenda, squash


@pytest.fixture(scope="module")
def park(demo: Database) -> int:
    from learninghub.core.services import seminars

    with demo.reading() as s:
        return next(x.id for x in seminars.list_seminars(s) if x.title == "Park City Project")


def sessions_of(db: Database, seminar_id: int) -> list[dict[str, object]]:
    from learninghub.core.services import agenda, seminars

    with db.reading() as s:
        tz = timezones.zone(seminars.get_seminar(s, seminar_id).timezone)
        return [
            {"title": r.title, "start": r.starts_at, "end": r.ends_at, "tz": tz,
             "speakers": [p.display_name for p in r.speakers]}
            for r in agenda.list_sessions(s, seminar_id)
        ]


def span(row: dict[str, object], zone: object = None) -> str:
    tz = zone or row["tz"]
    return f"{row['start'].astimezone(tz):%H:%M}–{row['end'].astimezone(tz):%H:%M}"  # type: ignore[union-attr]


@pytest.mark.parametrize("system_fonts", [True, False], ids=["installed-cjk", "cid-fallback"])
def test_demo_agenda_has_every_title_speaker_and_time_in_order(
    demo: Database, park: int, tmp_path: Path, system_fonts: bool
) -> None:
    path = tmp_path / "park.pdf"
    rendered = render_agenda(demo, park, path, system_fonts=system_fonts)
    rows = sessions_of(demo, park)
    assert len(rows) == 30 and rendered.missing == ()
    text = "\n".join(page_texts(path))
    expected: list[str] = []
    for row in rows:
        expected += [span(row), str(row["title"]), *row["speakers"]]  # type: ignore[misc]
    assert_in_order(text, expected)
    assert any("李" in name for row in rows for name in row["speakers"])  # type: ignore[attr-defined]
    assert_in_order(text, ["Park City Project", "Monday 13 – Friday 17 July 2020", "Chengdu 成都",
                           "Organisers:", "Metropolis", "Partners:", "Chengdu University"])
    assert_in_order(text, [f"{day} July 2020" for day in ("Monday 13", "Tuesday 14", "Wednesday 15",
                                                          "Thursday 16", "Friday 17")])


def test_every_page_has_its_footer_and_the_metadata_names_the_seminar(demo: Database, park: int, tmp_path: Path) -> None:
    path = tmp_path / "park.pdf"
    rendered = render_agenda(demo, park, path)
    pages = page_texts(path)
    assert len(pages) == rendered.pages >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text and "Printed 2026-11-23" in text
    meta = PdfReader(path).metadata
    assert meta is not None and meta.title == "Agenda – Park City Project" and "Metropolis" in (meta.author or "")


def test_second_zone_adds_the_times_there(demo: Database, park: int, tmp_path: Path) -> None:
    path = tmp_path / "park-madrid.pdf"
    render_agenda(demo, park, path, second_tz="Europe/Madrid")
    text = "\n".join(page_texts(path))
    madrid = timezones.zone("Europe/Madrid")
    rows = sessions_of(demo, park)
    assert_in_order(text, [part for row in rows for part in (span(row), span(row, madrid), str(row["title"]))])
    assert "09:00–09:45 03:00–03:45" in re.sub(r"\s+", " ", text)  # Chengdu 09:00 is 03:00 in Madrid
    assert "Europe/Madrid (UTC+02:00)" in text
    assert "-1 day" not in text and "+1 day" not in text  # Madrid is on the same day all week


def test_a_second_zone_on_another_day_is_marked(demo: Database, park: int, tmp_path: Path) -> None:
    path = tmp_path / "park-ny.pdf"
    render_agenda(demo, park, path, second_tz="America/New_York")
    text = re.sub(r"\s+", " ", "\n".join(page_texts(path)))
    assert "09:00–09:45 21:00–21:45 -1 day Opening ceremony" in text  # Sunday evening in New York


def test_a_session_over_midnight_ends_on_the_next_day(db: Database, hub, tmp_path: Path) -> None:  # noqa: ANN001
    from learninghub.core.services import agenda

    with db.transaction() as s:
        agenda.add_session(s, seminar_id=hub.seminar, title="Night market walk", start="2020-07-14 23:30",
                           end="2020-07-15 00:30", kind="visit")
    path = tmp_path / "night.pdf"
    render_agenda(db, hub.seminar, path)
    text = re.sub(r"\s+", " ", "\n".join(page_texts(path)))
    assert "23:30–00:30 +1 day" in text and "Tuesday 14 July 2020" in text
    assert "Wednesday 15 July 2020" not in text  # listed on the day it starts


def test_user_text_is_printed_literally_never_as_markup(db: Database, hub, tmp_path: Path) -> None:  # noqa: ANN001
    from learninghub.core.services import agenda, people

    hostile = "<b>Li & Co</b> <img src='/etc/passwd'/>"
    with db.transaction() as s:
        person = people.add_person(s, given_name=hostile, family_name="&amp; <font name=x>",
                                   title="<para>Director</para>", organisation="A & B <i>Ltd</i>")
        agenda.add_session(s, seminar_id=hub.seminar, title="<font name=x>", start="2020-07-14 10:00",
                           end="2020-07-14 11:00", room="<br/>Room & 1", description="x < y > z & <u>w</u>",
                           speaker_ids=[person.id])
    path = tmp_path / "hostile.pdf"
    render_agenda(db, hub.seminar, path)
    text = "\n".join(page_texts(path))
    for literal in (hostile, "&amp; <font name=x>", "<para>Director</para>", "A & B <i>Ltd</i>",
                    "<font name=x>", "<br/>Room & 1", "x < y > z & <u>w</u>"):
        assert squash(literal) in squash(text), literal


def test_sixty_sessions_fill_pages_each_with_the_table_header(db: Database, hub, tmp_path: Path) -> None:  # noqa: ANN001
    """60 sessions over 3 days with mixed-script speakers: several pages, each with the table
    header; breaks on a grey background."""
    from learninghub.core.services import agenda, seminars

    with db.transaction() as s:
        long = seminars.add_seminar(s, curriculum_id=hub.curriculum, title="Three long days", start="2020-09-01",
                                    end="2020-09-03", timezone="Asia/Shanghai", city="Chengdu")
        titles = []
        for day in range(3):
            for n in range(20):
                start = dt.datetime(2020, 9, 1 + day, 8) + dt.timedelta(minutes=35 * n)
                kind = "break" if n % 5 == 4 else "talk"
                title = f"Day {day + 1} item {n + 1}: greenways, parks and the people-centred city"
                agenda.add_session(s, seminar_id=long.id, title=title, start=start,
                                   end=start + dt.timedelta(minutes=30), kind=kind,
                                   speaker_ids=[] if kind == "break" else [hub.li, hub.han, hub.kostya][: n % 3 + 1])
                titles.append(title)
    path = tmp_path / "long.pdf"
    rendered = render_agenda(db, long.id, path)
    pages = page_texts(path)
    assert rendered.pages == len(pages) >= 3
    days = ("Tue 1 Sep", "Wed 2 Sep", "Thu 3 Sep")
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        day = next(d for d in days if d in text)  # the day heads the repeated header
        assert_in_order(text, [day, "Asia/Shanghai", "Session", "Kind", "Speakers", "Room"])
    assert_in_order("\n".join(pages), titles)
    assert_in_order("\n".join(pages), ["李佳 (Jia Li)", "한현숙 (Hyeon-suk Han)", "Константин Петров (Konstantin Petrov)"])
    grey = " ".join([f"{BREAK_FILL.red:.6f}".lstrip("0")] * 3) + " rg"  # as reportlab writes a fill colour
    contents = PdfReader(path).pages[0].get_contents()
    assert contents is not None and grey in contents.get_data().decode("latin-1")


def _fonts_drawing(path: Path) -> list[tuple[str, str]]:
    """(text, font name) of every piece of text drawn on every page."""
    drawn: list[tuple[str, str]] = []
    for page in PdfReader(path).pages:
        def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
            if text.strip() and font is not None:
                drawn.append((text.strip(), str(font.get("/BaseFont"))))  # type: ignore[attr-defined]
        page.extract_text(visitor_text=visit)
    return drawn


@pytest.mark.parametrize("system_fonts", [True, False], ids=["installed-cjk", "cid-fallback"])
def test_chinese_is_drawn_with_the_cjk_font_and_latin_with_dejavu(
    demo: Database, park: int, tmp_path: Path, system_fonts: bool
) -> None:
    path = tmp_path / "fonts.pdf"
    render_agenda(demo, park, path, system_fonts=system_fonts)
    cjk = font_set(system_fonts).for_script(HAN).pdf_name
    drawn = _fonts_drawing(path)
    chinese = {font for text, font in drawn if "李佳" in text}
    assert chinese and all(cjk in font for font in chinese), (cjk, chinese)
    assert all("DejaVuSans" in font for text, font in drawn if "(Jia Li)" in text)
    names = {str(f.get_object()["/BaseFont"]) for page in PdfReader(path).pages
             for f in page["/Resources"]["/Font"].values()}
    assert not any("Helvetica" in n for n in names), names  # nothing in a font that is not embedded...
    assert any("DejaVuSans" in n for n in names) and any(cjk in n for n in names)  # ...but the CID fallback


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(demo: Database, park: int, tmp_path: Path, paper: str, size: tuple[int, int]) -> None:
    path = tmp_path / f"{paper}.pdf"
    render_agenda(demo, park, path, paper=paper)
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_a_cancelled_seminar_without_sessions_still_prints(db: Database, hub, tmp_path: Path) -> None:  # noqa: ANN001
    from learninghub.core.services import seminars

    with db.transaction() as s:
        empty = seminars.add_seminar(s, curriculum_id=hub.curriculum, title="Called off", start="2021-05-20",
                                     end="2021-05-20", timezone="Europe/Brussels")
        seminars.cancel_seminar(s, empty.id)
    path = tmp_path / "empty.pdf"
    assert render_agenda(db, empty.id, path).pages == 1
    text = page_texts(path)[0]
    assert "CANCELLED" in text and "No sessions in the agenda yet." in text and "Thursday 20 May 2021" in text


def test_a_row_taller_than_a_page_is_split_rather_than_refused(db: Database, hub, tmp_path: Path) -> None:  # noqa: ANN001
    from learninghub.core.services import agenda

    description = " ".join(f"word{n}" for n in range(1800)) + " THE-END"
    with db.transaction() as s:
        agenda.add_session(s, seminar_id=hub.seminar, title="Very long notes", start="2020-07-15 10:00",
                           end="2020-07-15 11:00", description=description)
    path = tmp_path / "tall.pdf"
    rendered = render_agenda(db, hub.seminar, path)
    text = "\n".join(page_texts(path))
    assert rendered.pages >= 2 and "word0" in text and "THE-END" in text
