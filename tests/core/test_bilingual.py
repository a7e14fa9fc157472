"""Chinese titles and descriptions beside the main text: stored, checked like the main
title, carried through series edits and undo, and added to older databases without loss."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, inspect, text

from learninghub.core.errors import ValidationError
from learninghub.core.services import agenda, curricula, seminars
from learninghub.core.store import open_database

LONG_300 = "长" * 301
LONG_500 = "长" * 501


def test_chinese_versions_are_stored_trimmed_and_cleared_with_empty_text(hub, db) -> None:
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, title_zh="  公园城市项目 ", description_zh="绿道\n与公园")
        curricula.edit_curriculum(s, hub.curriculum, title_zh="大都市学习中心（成都）")
        agenda.edit_session(s, hub.session, title_zh="开幕式", description_zh="欢迎致辞")
    with db.reading() as s:
        seminar = seminars.get_seminar(s, hub.seminar)
        assert (seminar.title, seminar.title_zh, seminar.description_zh) == ("Park City Project", "公园城市项目", "绿道\n与公园")
        assert curricula.get_curriculum(s, hub.curriculum).title_zh == "大都市学习中心（成都）"
        row = agenda.get_session(s, hub.session)
        assert (row.title, row.title_zh, row.description_zh) == ("Opening ceremony", "开幕式", "欢迎致辞")
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, title_zh="")
        seminars.edit_seminar(s, hub.seminar, title="Park City")  # an edit of another field keeps it
    with db.reading() as s:
        seminar = seminars.get_seminar(s, hub.seminar)
        assert seminar.title_zh is None and seminar.description_zh == "绿道\n与公园"


@pytest.mark.parametrize(
    ("action", "match"),
    [
        (lambda s, h: seminars.edit_seminar(s, h.seminar, title_zh=LONG_300), "Chinese title: is 301 characters long; at most 300"),
        (lambda s, h: seminars.add_seminar(s, curriculum_id=h.curriculum, title="Visit", title_zh=LONG_300,
                                           start="2021-03-01", end="2021-03-02", timezone="Europe/Madrid"),
         "Chinese title: is 301 characters long"),
        (lambda s, h: curricula.add_curriculum(s, title="Hub", title_zh=LONG_300), "Chinese title: is 301 characters long"),
        (lambda s, h: curricula.edit_curriculum(s, h.curriculum, title_zh=LONG_300), "Chinese title: is 301"),
        (lambda s, h: agenda.edit_session(s, h.session, title_zh=LONG_500), "Chinese title: is 501 characters long; at most 500"),
        (lambda s, h: agenda.add_session(s, seminar_id=h.seminar, title="Walk", title_zh=LONG_500,
                                         start="2020-07-14 09:00", end="2020-07-14 10:00"), "Chinese title: is 501"),
        (lambda s, h: seminars.edit_seminar(s, h.seminar, title_zh="公园\x00城市"), "Chinese title: contains control characters"),
        (lambda s, h: agenda.edit_session(s, h.session, description_zh="说明\x07"), "Chinese description: contains control"),
    ],
)
def test_chinese_titles_follow_the_title_rules(hub, refused, action: Callable, match: str) -> None:
    error = refused(lambda s: action(s, hub), ValidationError, match)
    assert error.where in ("Chinese title", "Chinese description")


def test_a_title_of_exactly_the_limit_fits(hub, db) -> None:
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, title_zh="长" * 300)
        agenda.edit_session(s, hub.session, title_zh="长" * 500)
    with db.reading() as s:
        assert len(agenda.get_session(s, hub.session).title_zh) == 500


def test_a_series_carries_its_chinese_title_and_an_undone_delete_brings_it_back(hub, db) -> None:
    with db.transaction() as s:
        rows = agenda.add_session(s, seminar_id=hub.seminar, title="Morning walk", title_zh="晨间散步",
                                  start="2020-07-14 07:00", end="2020-07-14 07:45", repeat="FREQ=DAILY;COUNT=3")
        series_id, first = rows[0].series_id, rows[0].id
    with db.transaction() as s:
        agenda.edit_series(s, series_id, title_zh="绿道晨练", description_zh="天府绿道")
    with db.reading() as s:
        assert {(r.title_zh, r.description_zh) for r in agenda.series_occurrences(s, series_id)} == {("绿道晨练", "天府绿道")}
    with db.transaction() as s:
        kept = agenda.snapshot(s, first)
        agenda.cancel_occurrence(s, first)
    with db.transaction() as s:
        restored = agenda.restore_session(s, kept)
        assert (restored.title_zh, restored.description_zh, restored.series_id) == ("绿道晨练", "天府绿道", series_id)


def _columns(url: str, table: str) -> set[str]:
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.connect() as conn:
            return {c["name"] for c in inspect(conn).get_columns(table)}
    finally:
        engine.dispose()


def test_the_migration_adds_the_columns_and_keeps_every_row(db_kind: str, fresh_db_url) -> None:  # noqa: ANN001
    """0006 -> 0007 on SQLite and PostgreSQL: rows written before read back unchanged, the new fields empty."""
    url = fresh_db_url("old", migrated=False)
    open_database(url, upgrade_to="0006_certificates").close()
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO curricula (id, title, start_year, end_year, description, version)"
            " VALUES (1, 'Metropolis Learning Hub Chengdu 2020–2022', 2020, 2022, 'Chengdu', 1)"))
        conn.execute(text(
            "INSERT INTO seminars (id, curriculum_id, title, kind, format, venue, city_id, timezone, start_date,"
            " end_date, capacity, status, description, created_at, updated_at, version) VALUES (1, 1,"
            " 'Park City Project', 'seminar', 'hybrid', NULL, NULL, 'Asia/Shanghai', '2020-07-13', '2020-07-17', 40,"
            " 'held', '公园', '2020-07-01 00:00:00', '2020-07-01 00:00:00', 2)"))
        conn.execute(text(
            "INSERT INTO sessions (id, seminar_id, series_id, title, kind, starts_at, ends_at, room, language,"
            " description, moderator_id, version) VALUES (1, 1, NULL, 'Opening ceremony', 'ceremony',"
            " '2020-07-13 01:00:00', '2020-07-13 01:45:00', 'Hall A', 'zh', NULL, NULL, 1)"))
    engine.dispose()
    assert "title_zh" not in _columns(url, "seminars")

    db = open_database(url)
    try:
        for table in ("curricula", "seminars", "sessions"):
            assert {"title_zh", "description_zh"} <= _columns(url, table)
        with db.reading() as s:
            seminar = seminars.get_seminar(s, 1)
            assert (seminar.title, seminar.description, seminar.version, seminar.title_zh) == (
                "Park City Project", "公园", 2, None)
            assert curricula.get_curriculum(s, 1).title == "Metropolis Learning Hub Chengdu 2020–2022"
            assert [(r.title, r.room, r.title_zh) for r in agenda.list_sessions(s, 1)] == [
                ("Opening ceremony", "Hall A", None)]
        with db.transaction() as s:
            seminars.edit_seminar(s, 1, title_zh="公园城市项目", expected_version=2)
        with db.reading() as s:
            assert seminars.get_seminar(s, 1).title_zh == "公园城市项目"
    finally:
        db.close()
