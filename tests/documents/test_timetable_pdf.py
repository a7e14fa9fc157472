"""The timetable PDF: a page a day, titles (Chinese too) and both zones' rulers, read back with pypdf;
the ``timetable`` command's contract."""

from __future__ import annotations

import json
from pathlib import Path

from learninghub.cli import main
from learninghub.core.services import agenda, curricula, seminars
from learninghub.core.store import Database
from learninghub.documents import timetable_pdf
from tests.pdftext import page_texts, squash


def _madrid(db: Database) -> int:
    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Learning Hub", start_year=2021, end_year=2021)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Madrid spring", title_zh="马德里春季研讨会",
                                   start="2021-03-27", end="2021-03-29", timezone="Europe/Madrid")
        agenda.add_session(s, seminar_id=sem.id, title="Plenary <b>&amp;</b> opening", title_zh="全体会议",
                           start="2021-03-27 09:00", end="2021-03-27 10:00", room="Sala 1")
        agenda.add_session(s, seminar_id=sem.id, title="Lunch", kind="meal", start="2021-03-29 13:00",
                           end="2021-03-29 14:00")
        return sem.id


def test_a_page_a_day_with_both_rulers_and_literal_titles(db: Database, tmp_path: Path) -> None:
    seminar_id = _madrid(db)
    rendered = timetable_pdf.build(db, seminar_id, second_zone="Asia/Shanghai")
    assert rendered.pages == 3 and not rendered.missing
    pages = page_texts(rendered.data)
    assert "Saturday27March2021" in squash(pages[0]) or "27March2021" in squash(pages[0])
    assert "Plenary<b>&amp;</b>opening" in squash(pages[0])  # user text printed as typed, never markup
    assert "16:00" in pages[0] and "15:00" in pages[2]  # 09:00 in Madrid is 16:00 in Shanghai, then 15:00
    assert "Lunch" in pages[2] and "Lunch" not in pages[0]
    assert "28March2021" in squash(pages[1])  # the day the clocks jump: a page like any other


def test_chinese_titles_render_in_the_cjk_font(db: Database) -> None:
    seminar_id = _madrid(db)
    rendered = timetable_pdf.build(db, seminar_id, lang="zh")
    assert not rendered.missing
    text = squash(page_texts(rendered.data)[0])
    assert "全体会议" in text and "2021年3月27日" in text


def test_the_command(db_path: Path, tmp_path: Path, capsys) -> None:
    from learninghub.core.store import open_database

    database = open_database(str(db_path))
    seminar_id = _madrid(database)
    database.close()
    target = tmp_path / "tt.pdf"
    assert main(["--db", str(db_path), "timetable", "--seminar", str(seminar_id), "-o", str(target),
                 "--second-zone", "Asia/Shanghai", "--lang", "en+zh", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"id": seminar_id, "file": str(target), "pages": 3}
    assert len(page_texts(target)) == 3
    assert main(["--db", str(db_path), "timetable", "--seminar", str(seminar_id), "-o", str(tmp_path / "x.pdf"),
                 "--second-zone", "Mars/Base"]) == 1
    assert "unknown time zone" in capsys.readouterr().err
