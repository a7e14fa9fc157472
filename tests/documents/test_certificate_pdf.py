"""Certificates read back: names in their own script and in Latin, the code as text and
as a QR code a reader decodes from the rendered page, files named after people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from learninghub.core.errors import ValidationError
from learninghub.documents import certificate_files as cf
from learninghub.documents import certificate_pdf as cp
from learninghub.documents import dates
from learninghub.documents.certificate_pdf import CertificateData, Signatory
from tests.pdftext import page_texts, squash

SIGNATORIES = (Signatory("Octavi de la Varga", "Secretary General, Metropolis"),
               Signatory("王晓明", "Director, Chengdu Foreign Affairs Office"),
               Signatory("Kim Min-jun", "Head of Training"))


def certificate(name: str, latin: str | None = None, code: str = "7K3M-Q9XT-2WPA", **kw: object) -> CertificateData:
    fields: dict[str, object] = dict(
        code=code, holder_name=name, holder_latin=latin, seminar_title="Park City Project", city="Chengdu",
        first_day=dt.date(2020, 7, 13), last_day=dt.date(2020, 7, 17), hours=24, issued_on=dt.date(2020, 7, 17),
        signatories=SIGNATORIES,
    )
    fields.update(kw)
    return CertificateData(**fields)  # type: ignore[arg-type]


PEOPLE = [("李佳", "Jia Li", "AAAA-BBBB-CCC1"), ("김민준", "Kim Min-jun", "AAAA-BBBB-CCC2"),
          ("Александра Петрова", "Aleksandra Petrova", "AAAA-BBBB-CCC3"), ("Anna Müller", None, "AAAA-BBBB-CCC4")]


def test_each_page_names_its_holder_in_their_script_and_in_latin() -> None:
    rendered = cp.render_certificates([certificate(n, latin, code) for n, latin, code in PEOPLE])
    texts = page_texts(rendered.data)
    assert rendered.pages == len(texts) == 4 and rendered.missing == ()
    for text, (name, latin, code) in zip(texts, PEOPLE):
        flat = squash(text)
        assert squash(name) in flat and code in flat
        assert latin is None or squash(latin) in flat
        for expected in ("Certificate of Participation", "Park City Project", "Chengdu", "13–17 July 2020",
                         "24 hours", "Octavi de la Varga", "王晓明", "Director, Chengdu Foreign Affairs Office",
                         "Issued 17 July 2020"):
            assert squash(expected) in flat, expected
        assert "结业证书" not in flat  # English only unless asked


def test_bilingual_wording_adds_chinese() -> None:
    rendered = cp.render_certificates([certificate("李佳", "Jia Li", bilingual=True, hours=22.5)])
    flat = squash(page_texts(rendered.data)[0])
    for expected in ("Certificate of Participation", "结业证书", "兹证明", "参加了", "2020年7月13日至17日",
                     "22.5 hours", "共22.5学时", "颁发日期：2020年7月17日", "证书编号"):
        assert squash(expected) in flat, expected


def test_hostile_text_is_printed_as_written() -> None:
    rendered = cp.render_certificates([certificate("<b>Li & Co</b>", None, seminar_title='<font name="x">&amp;',
                                                   signatories=(Signatory("<img src='/etc/passwd'/>", "A & B"),))])
    text = page_texts(rendered.data)[0]
    for expected in ("<b>Li & Co</b>", '<font name="x">&amp;', "<img src='/etc/passwd'/>", "A & B"):
        assert expected in text


def test_a_very_long_name_is_fitted_and_printed_whole() -> None:
    name = "Maximiliano Alejandro Fernández de la Torre y Guzmán-Villalobos " * 2
    rendered = cp.render_certificates([certificate(name.strip(), None)])
    assert squash(name) in squash(page_texts(rendered.data)[0])


def test_characters_no_font_has_are_reported() -> None:
    rendered = cp.render_certificates([certificate("𓀀 Li", "Li")])
    assert rendered.missing == ("𓀀",)


def test_no_hours_no_hours_line() -> None:
    rendered = cp.render_certificates([certificate("Jia Li", hours=None)])
    assert "hours" not in page_texts(rendered.data)[0]


def test_qr_code_on_the_rendered_page_decodes_to_the_code() -> None:
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 renders the page (pip install pypdfium2)")
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp decodes the QR code")
    items = [certificate("李佳", "Jia Li", code="7K3M-Q9XT-2WPA"),
             certificate("김민준", "Kim Min-jun", code="XV4E-1N8R-PQ0C", qr_text="https://hub.example/v/XV4E1N8RPQ0C")]
    document = pdfium.PdfDocument(cp.render_certificates(items).data)
    found = []
    for page in document:
        image = page.render(scale=150 / 72).to_pil()  # 150 dpi, as an office scanner or phone sees it
        found.append([r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode])
    assert found == [["7K3M-Q9XT-2WPA"], ["https://hub.example/v/XV4E1N8RPQ0C"]]


def test_logos_from_chosen_files_and_a_missing_one_is_named(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "city.png"
    Image.new("RGB", (300, 100), (200, 30, 30)).save(logo)
    rendered = cp.render_certificates([certificate("Jia Li", logos=(logo, cp.default_logos()[0]))])
    assert rendered.data.count(b"/Subtype /Image") == 2
    with pytest.raises(ValidationError, match="missing.png"):
        cp.render_certificates([certificate("Jia Li", logos=(tmp_path / "missing.png",))])


def test_default_logo_ships_with_the_app() -> None:
    assert [p.name for p in cp.default_logos()] == ["learning-hub.jpg"]


def test_progress_is_reported_and_cancel_stops() -> None:
    items = [certificate(f"Person {i}", code=f"CODE-{i:04d}") for i in range(5)]
    seen: list[tuple[int, int]] = []
    cp.render_certificates(items, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(cp.Cancelled, match="after 2 of 5"):
        cp.render_certificates(items, cancelled=cancelled)


def test_an_empty_batch_is_refused() -> None:
    with pytest.raises(ValidationError, match="no certificate"):
        cp.render_certificates([])


@pytest.mark.parametrize(
    ("name", "latin", "expected"),
    [
        ("李佳", "Jia Li", "李佳 Jia Li.pdf"),
        ("Anna Müller", None, "Anna Müller.pdf"),
        ("../../etc/passwd", None, "_.._etc_passwd.pdf"),  # no hidden file either
        ('a\\b:c*d?"e<f>g|h', None, "a_b_c_d_e_f_g_h.pdf"),
        ("CON", None, "_CON.pdf"),
        ("nul.txt", None, "_nul.txt.pdf"),
        ("Lpt1", None, "_Lpt1.pdf"),
        ("  ...  ", None, "certificate.pdf"),
        ("Jia\nLi\t", None, "Jia Li.pdf"),
        ("Jia Li. ", None, "Jia Li.pdf"),
    ],
)
def test_file_names_are_safe(name: str, latin: str | None, expected: str) -> None:
    assert cf.file_names([certificate(name, latin)]) == [expected]


def test_file_names_are_short_enough_for_any_file_system() -> None:
    [name] = cf.file_names([certificate("李" * 300)])
    assert len(name.encode("utf-8")) <= 255 and name.endswith(".pdf") and name.startswith("李")


def test_people_sharing_a_name_get_their_code_whatever_the_order() -> None:
    a = certificate("Jia Li", code="AAAA-1111-AAAA")
    b = certificate("jia li", code="BBBB-2222-BBBB")
    other = certificate("Min Zhou", code="CCCC-3333-CCCC")
    assert cf.file_names([a, other, b]) == ["Jia Li AAAA-1111-AAAA.pdf", "Min Zhou.pdf", "jia li BBBB-2222-BBBB.pdf"]
    assert cf.file_names([b, a]) == ["jia li BBBB-2222-BBBB.pdf", "Jia Li AAAA-1111-AAAA.pdf"]
    assert cf.file_names([a, a]) == ["Jia Li AAAA-1111-AAAA.pdf", "Jia Li AAAA-1111-AAAA (2).pdf"]


def test_split_files_one_per_person(tmp_path: Path) -> None:
    items = [certificate(n, latin, code) for n, latin, code in PEOPLE] + [certificate("李佳", "Jia Li", "ZZZZ-0000-ZZZ9")]
    seen: list[int] = []
    paths = cf.render_certificate_files(items, tmp_path / "out", progress=lambda done, total: seen.append(done))
    assert [p.name for p in paths] == ["李佳 Jia Li AAAA-BBBB-CCC1.pdf", "김민준 Kim Min-jun.pdf",
                                       "Александра Петрова Aleksandra Petrova.pdf", "Anna Müller.pdf",
                                       "李佳 Jia Li ZZZZ-0000-ZZZ9.pdf"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)  # no leftovers
    for path, (name, _latin, code) in zip(paths, PEOPLE):
        pages = PdfReader(path).pages
        assert len(pages) == 1 and squash(name) in squash(pages[0].extract_text()) and code in pages[0].extract_text()
    assert seen[-1] == 5


@pytest.mark.parametrize(
    ("first", "last", "english", "chinese"),
    [
        (dt.date(2020, 7, 13), dt.date(2020, 7, 17), "13–17 July 2020", "2020年7月13日至17日"),
        (dt.date(2020, 6, 30), dt.date(2020, 7, 2), "30 June – 2 July 2020", "2020年6月30日至7月2日"),
        (dt.date(2020, 12, 28), dt.date(2021, 1, 2), "28 December 2020 – 2 January 2021",
         "2020年12月28日至2021年1月2日"),
        (dt.date(2021, 5, 20), dt.date(2021, 5, 20), "20 May 2021", "2021年5月20日"),
    ],
)
def test_dates_in_both_languages(first: dt.date, last: dt.date, english: str, chinese: str) -> None:
    assert dates.day_range(first, last, style="plain") == english
    assert dates.day_range(first, last, style="plain", lang="zh") == chinese


def test_hours_wording() -> None:
    assert [cp.hours_text(h) for h in (1, 24, 22.5, 7.25)] == ["1 hour", "24 hours", "22.5 hours", "7.2 hours"]


def test_split_files_shared_by_two_processes_are_the_same_files(tmp_path: Path) -> None:
    items = [certificate(n, latin, code) for n, latin, code in PEOPLE] * 3  # same names: codes make them unique
    items = [certificate(x.holder_name, x.holder_latin, f"{x.code[:-1]}{i % 10}") for i, x in enumerate(items)]
    seen: list[tuple[int, int]] = []
    paths = cf.render_certificate_files(items, tmp_path, workers=2, progress=lambda d, t: seen.append((d, t)))
    assert [p.name for p in paths] == cf.file_names(items)
    assert seen[-1] == (12, 12) and sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    for path, item in zip(paths, items):
        text = PdfReader(path).pages[0].extract_text()
        assert item.code in text and squash(item.holder_name) in squash(text)


def test_a_missing_logo_is_refused_before_any_file_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="missing.png"):
        cf.render_certificate_files([certificate("Jia Li"), certificate("Min Zhou", logos=(tmp_path / "missing.png",))],
                                    tmp_path / "out", workers=2)
    assert list((tmp_path / "out").iterdir()) == []


def test_nothing_is_printed_in_the_qr_codes_quiet_zone() -> None:
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 renders the page (pip install pypdfium2)")
    scale = 150 / 72
    item = certificate("李佳", "Jia Li", bilingual=True, signatories=SIGNATORIES)
    image = pdfium.PdfDocument(cp.render_certificates([item]).data)[0].render(scale=scale).to_pil().convert("L")
    quiet = 4 * cp.QR_SIDE / 21  # a 14-character code is a 21-module symbol

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:  # PDF points to pixels
        return round(x0 * scale), round((cp.H - y1) * scale), round(x1 * scale), round((cp.H - y0) * scale)

    left, top, right, bottom = box(cp.QR_X - quiet, cp.QR_Y - quiet, cp.QR_X + cp.QR_SIDE + quiet,
                                   cp.QR_Y + cp.QR_SIDE + quiet)
    inner = box(cp.QR_X, cp.QR_Y, cp.QR_X + cp.QR_SIDE, cp.QR_Y + cp.QR_SIDE)
    ring = [(x, y) for x in range(left + 1, right - 1) for y in range(top + 1, bottom - 1)
            if not (inner[0] - 2 <= x <= inner[2] + 2 and inner[1] - 2 <= y <= inner[3] + 2)]
    assert ring and min(image.getpixel(p) for p in ring) > 240
    assert image.crop(inner).getextrema()[0] < 20  # and the symbol itself is there, black


def test_cancel_stops_the_processes_too(tmp_path: Path) -> None:
    items = [certificate(f"Person {i}", code=f"CODE-{i:04d}") for i in range(200)]
    with pytest.raises(cp.Cancelled, match="of 200"):
        cf.render_certificate_files(items, tmp_path, workers=2, cancelled=lambda: True)
    assert len(list(tmp_path.iterdir())) < 200


WRAPPED = [("Αικατερίνη-Μαργαρίτα Παπαδοπούλου-Βολφεσλεγκελσταϊνχάουζεν Καραγιαννοπούλου",
            "Aikaterini-Margarita Papadopoulou-Wolfeschlegelsteinhausen Karagiannopoulou"),
           ("欧阳晓明慕容云海诸葛长风司马青云上官婉儿东方明月皇甫春风", "Xiaoming Ouyang-Murong Zhuge-Sima Shangguan")]


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
@pytest.mark.parametrize("title", ["Park City Project", "Education, jobs, skills and entrepreneurship: synergies "
                                   "between European and Chinese cities, a long title on two lines"])
def test_a_name_on_two_lines_stays_clear_of_its_latin_form_and_the_lines_around(lang: str, title: str) -> None:
    """The second line of a wrapped name once ran into the Latin name under it."""
    from tests.documents.drawn import drawn

    items = [certificate(name, latin, lang=lang, seminar_title=title, seminar_title_zh="公园城市项目")
             for name, latin in WRAPPED]
    data = cp.render_certificates(items).data
    for page, (name, latin) in enumerate(WRAPPED):
        pieces = drawn(data, page)
        own = [d for d in pieces if d.size >= 14 and d.text.strip() and d.text.strip() in name]
        assert len(own) == 2 and squash("".join(d.text for d in own)) == squash(name), own  # two lines, whole
        [below] = [d for d in pieces if d.text.strip() == latin]
        above = [d for d in pieces if d.text.strip() in ("This is to certify that", "兹证明",
                                                         "This is to certify that  /  兹证明")]
        after = [d for d in pieces if "took part in" in d.text or d.text.strip().endswith("参加了")]
        assert above and after, [d.text for d in pieces]
        for upper, lower in zip([*above, *own], [*own, below, *after]):
            assert upper.box[1] > lower.box[3] + 1, (upper.text, upper.box, lower.text, lower.box)
