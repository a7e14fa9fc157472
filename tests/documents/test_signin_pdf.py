"""Sign-in sheets: registered people by family name, the header on every page, Page x of y."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from learninghub.core.store import Database
from learninghub.documents import signin_pdf
from learninghub.documents.language import language
from learninghub.documents.signin_pdf import SigninLine, SigninSheet
from tests.conftest import Hub
from tests.documents.drawn import drawn
from tests.pdftext import page_texts, squash

SHANGHAI = ZoneInfo("Asia/Shanghai")


def texts(data: bytes) -> list[str]:
    """Each page's text with whitespace squashed out."""
    return [squash(text) for text in page_texts(data)]


def sheet(lines: list[SigninLine]) -> SigninSheet:
    return SigninSheet(7, "Opening <ceremony> & welcome", "Park City Project", "Hall A (Jinjiang Hall)",
                       dt.datetime(2020, 7, 13, 9, 0, tzinfo=SHANGHAI), dt.datetime(2020, 7, 13, 9, 45, tzinfo=SHANGHAI),
                       "Asia/Shanghai", tuple(lines))


def test_a_long_list_spans_pages_with_the_header_on_each() -> None:
    per_page = signin_pdf.rows_per_page()
    lines = [SigninLine(f"张{i:03d}", f"Zhang {i:03d}", "Chengdu Open University") for i in range(per_page * 2 + 3)]
    rendered = signin_pdf.render_signin(sheet(lines), printed=dt.date(2026, 11, 23))
    pages = texts(rendered.data)
    assert rendered.pages == len(pages) == 3
    for n, page in enumerate(pages, start=1):
        for expected in ("SIGN-IN SHEET", "Opening <ceremony> & welcome", "Park City Project",
                         "Monday 13 July 2020, 09:00–09:45 (Asia/Shanghai, UTC+08:00)", "Room: Hall A (Jinjiang Hall)",
                         "Name", "Organisation", "Signature", f"Page {n} of 3", "Printed 2026-11-23"):
            assert squash(expected) in page, (n, expected)
    assert squash(f"张{per_page - 1:03d}") in pages[0] and squash(f"张{per_page:03d}") not in pages[0]
    assert squash(f"张{per_page:03d}") in pages[1]
    assert squash(f"张{2 * per_page + 2:03d}") in pages[2]
    assert per_page >= 15  # room enough to sign, and not a page per handful of people


def test_nobody_registered_still_gives_the_sheet() -> None:
    rendered = signin_pdf.render_signin(sheet([]))
    [page] = texts(rendered.data)
    assert squash("No one is registered to this seminar yet.") in page and "Page1of1" in page


def test_loaded_by_family_name_without_cancelled_or_erased(db: Database, hub: Hub) -> None:
    from learninghub.core.services import people, registration, seminars

    with db.transaction() as s:
        seminars.get_seminar(s, hub.seminar).capacity = 10
        for pid in (hub.kostya, hub.li, hub.han):
            registration.register(s, seminar_id=hub.seminar, person_id=pid)
        kim = people.add_person(s, given_name="Min-jun", family_name="Kim", native_name="김민준",
                                organisation="Seoul <Human> & Resource Center")
        registration.register(s, seminar_id=hub.seminar, person_id=kim.id)
        ahn = people.add_person(s, given_name="Ji-ho", family_name="Ahn")
        registration.set_status(s, registration.register(s, seminar_id=hub.seminar, person_id=ahn.id).id, "cancelled")
        gone = people.add_person(s, given_name="Erased", family_name="Aaron")
        registration.register(s, seminar_id=hub.seminar, person_id=gone.id)
        people.erase_person(s, gone.id)
    with db.reading() as s:
        loaded = signin_pdf.load_signin(s, hub.session)
    assert [(x.name, x.latin) for x in loaded.lines] == [
        ("한현숙", "Hyeon-suk Han"), ("김민준", "Min-jun Kim"), ("李佳", "Jia Li"), ("Константин Петров", "Konstantin Petrov")]
    assert (loaded.session_title, loaded.seminar_title, loaded.zone) == ("Opening ceremony", "Park City Project",
                                                                          "Asia/Shanghai")
    assert loaded.start == dt.datetime(2020, 7, 13, 9, 0, tzinfo=SHANGHAI)
    [page] = texts(signin_pdf.render_signin(loaded).data)
    order = [page.find(squash(x)) for x in ("한현숙", "김민준", "李佳", "Константин Петров")]
    assert all(p >= 0 for p in order) and order == sorted(order)
    assert squash("Seoul <Human> & Resource Center") in page and "Ahn" not in page and "Aaron" not in page


def test_the_waiting_list_comes_last_and_marked(db: Database, hub: Hub) -> None:
    from learninghub.core.services import people, registration, seminars

    with db.transaction() as s:
        seminars.get_seminar(s, hub.seminar).capacity = 1
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
        aaron = people.add_person(s, given_name="Ada", family_name="Aaron", organisation="Metropolis")
        assert registration.register(s, seminar_id=hub.seminar, person_id=aaron.id).status == "waitlisted"
    with db.reading() as s:
        loaded = signin_pdf.load_signin(s, hub.session)
    assert [(x.latin or x.name, x.organisation, x.waiting) for x in loaded.lines][-1] == ("Ada Aaron", "Metropolis", True)
    assert loaded.lines[-1].note(language("en")) == "Metropolis · waiting list"
    assert loaded.lines[-1].note(language("zh")) == "Metropolis · 候补"
    assert loaded.lines[0].name == "李佳"


# ---------------------------------------------------------------- whole names, rows that grow
LONG = [
    SigninLine("Ana María de los Ángeles Fernández de la Torre y Castillo-Villanueva", None,
               "Ayuntamiento de Santa María de los Ángeles de la Frontera, Departamento de Cooperación Internacional"),
    SigninLine("Αικατερίνη Παπαδοπούλου-Βολφεσλεγκελσταϊνχάουζεν", "Aikaterini Papadopoulou-Wolfeschlegelsteinhausen",
               "Περιφέρεια Ηπείρου – Διεύθυνση Αναπτυξιακού Προγραμματισμού και Περιφερειακής Πολιτικής"),
    SigninLine("欧阳晓明慕容云海诸葛长风司马青云", "Xiaoming Ouyang-Murong", "成都市公园城市建设管理局国际合作与交流处生态价值转化研究中心"),
    SigninLine("남궁서연하은", "Seo-yeon Ha-eun Nam-goong", "인천광역시 연수구청 평생학습관 국제교류협력팀", waiting=True),
    SigninLine("李佳", "Jia Li", "Chengdu Foreign Affairs Office"),
]


def overlapping(boxes: list[tuple[str, tuple[float, float, float, float]]]) -> list[tuple[str, str]]:
    return [(a, b) for n, (a, (l1, b1, r1, t1)) in enumerate(boxes) for b, (l2, b2, r2, t2) in boxes[n + 1:]
            if l1 < r2 - 0.5 and l2 < r1 - 0.5 and b1 < t2 - 0.5 and b2 < t1 - 0.5]


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_every_name_and_organisation_is_printed_whole_and_nothing_overlaps(lang: str) -> None:
    """A signature record shows the whole name: long names and organisations wrap, their
    rows grow, nothing ends in '…' or shrinks below 8 pt, and no two lines overlap."""
    rendered = signin_pdf.render_signin(sheet(LONG), lang=lang)
    [page] = texts(rendered.data)
    for line in LONG:
        for part in (line.name, line.latin, line.organisation):
            assert part is None or squash(part) in page, part
    assert "…" not in page
    pieces = drawn(rendered.data)
    names = {squash(x.name) for x in LONG} | {squash(x.organisation or "") for x in LONG}
    assert min(d.size for d in pieces if any(squash(d.text) in n for n in names)) >= 8
    assert not overlapping([(d.text, d.box) for d in pieces])


def test_tall_rows_move_to_the_next_page_whole_and_every_page_counts_them() -> None:
    per_page = signin_pdf.rows_per_page()
    lines = [SigninLine(f"{line.name} {n:02d}", line.latin, line.organisation) for n in range(per_page)
             for line in LONG[:1]]
    rendered = signin_pdf.render_signin(sheet(lines), printed=dt.date(2026, 11, 23))
    pages = texts(rendered.data)
    assert rendered.pages == len(pages) > 1  # rows of three lines: fewer to a page than rows of one
    for n, page in enumerate(pages, start=1):
        assert f"Page{n}of{len(pages)}" in page and "Opening<ceremony>&welcome" in page
        assert not overlapping([(d.text, d.box) for d in drawn(rendered.data, n - 1)])
    flat = "".join(pages)
    for n in range(per_page):  # each once, whole (its number, then its name: never split between pages)
        assert flat.count(squash(f"{LONG[0].name} {n:02d}")) == 1, n


def test_a_long_title_and_seminar_wrap_in_the_header() -> None:
    long = SigninSheet(7, "Opening ceremony and keynote: from emergency to resilience, building healthy and resilient "
                       "cities through lifelong learning", "Yeonsu 2021 – 5th International Conference on Learning "
                       "Cities: lifelong learning for healthy and resilient cities, Incheon, Republic of Korea",
                       "Songdo Convensia, Convention Hall and Rooms 105–109 (hybrid, simultaneous interpretation)",
                       dt.datetime(2021, 10, 27, 10, tzinfo=ZoneInfo("Asia/Seoul")),
                       dt.datetime(2021, 10, 27, 11, tzinfo=ZoneInfo("Asia/Seoul")), "Asia/Seoul", tuple(LONG))
    rendered = signin_pdf.render_signin(long)
    [page] = texts(rendered.data)
    for part in (long.session_title, long.seminar_title, long.room):
        assert squash(part) in page, part
    assert "…" not in page and not overlapping([(d.text, d.box) for d in drawn(rendered.data)])
    heads = [d for d in drawn(rendered.data) if d.text.strip() in ("Name", "Organisation", "Signature")]
    last_header_line = min(d.box[1] for d in drawn(rendered.data) if "Rooms" in d.text or "interpretation)" in d.text)
    assert heads and all(d.box[3] < last_header_line for d in heads)  # the table starts below the grown header
