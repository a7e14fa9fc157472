"""Hebrew and Arabic printed in visual order, Arabic letters joined: read back by glyph position.

Text extraction of right-to-left PDFs depends on the reader's own guesses, so these
tests ask PDFium where each glyph's origin is and read every printed line left to
right by x. Without reordering, "דוד כהן" reads "דוד כהן" that way (drawn backwards);
printed right it reads "ןהכ דוד".

PDFium reports Arabic presentation forms as their base letters and mirrors brackets it
guesses are in right-to-left text, so positions are compared after NFKC and with
brackets folded (bracket mirroring is checked on :func:`visual` itself). That the
Arabic letters are drawn joined is checked with pypdf, which reports the drawn
characters: presentation forms such as ﺪﻤﺤﻣ (U+FEAA U+FEE4 U+FEA4 U+FEE3), not the
unjoined U+062F U+0645 U+062D U+0645.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import io
import re
import unicodedata
from collections import defaultdict

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.pdfgen.canvas import Canvas

from learninghub.core import timezones
from learninghub.core.store import Database
from learninghub.documents import agenda_pdf, badges_pdf
from learninghub.documents import certificate_pdf as cp
from learninghub.documents.badges_pdf import Badge, BadgeSheet
from learninghub.documents.canvas_text import LEFT, TextDrawer
from learninghub.documents.certificate_pdf import CertificateData, Signatory
from learninghub.documents.fonts import font_set
from learninghub.documents.markup import Markup
from learninghub.documents.rtl import has_rtl, visual
from tests.pdftext import page_texts, squash

HEBREW = "דוד כהן"
HEBREW_SEEN = "ןהכדוד"  # left to right on the page, spaces left out
ARABIC = "محمد علي"
ARABIC_SEEN = "\ufef2\ufee0\ufecb\ufeaa\ufee4\ufea4\ufee3"  # ﻲﻠﻋ ﺪﻤﺤﻣ
MIXED = "Li Wei (李伟) — محمد"
MIXED_SEEN = "LiWei(李伟)—\ufeaa\ufee4\ufea4\ufee3"


_BRACKETS = str.maketrans("<>()", "<<((")


def fold(text: str) -> str:
    """What comparing positions can tell: presentation forms as letters, brackets unmirrored."""
    return unicodedata.normalize("NFKC", text).translate(_BRACKETS)


def drawn_text(data: bytes) -> str:
    """The characters drawn (pypdf maps glyphs back through the fonts' ToUnicode)."""
    return squash("".join(page_texts(data)))


def printed_lines(data: bytes) -> list[list[str]]:
    """Each page's lines (glyphs sharing a baseline), top to bottom, each line's glyphs
    ordered by their x origin, whitespace left out."""
    pdf = pdfium.PdfDocument(data)
    pages = []
    try:
        for page in pdf:
            text = page.get_textpage()
            rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
            x, y = ctypes.c_double(), ctypes.c_double()
            for i in range(text.count_chars()):
                ch = chr(pdfium_c.FPDFText_GetUnicode(text.raw, i))
                if ch.isspace() or pdfium_c.FPDFText_IsGenerated(text.raw, i):
                    continue
                pdfium_c.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
                rows[round(y.value, 1)].append((x.value, ch))
            pages.append([fold("".join(ch for _, ch in sorted(row))) for _, row in sorted(rows.items(), reverse=True)])
            text.close()
            page.close()
    finally:
        pdf.close()
    return pages


def line_with(lines: list[str], seen: str) -> str:
    """The printed line holding ``seen`` (its glyphs left to right), or a failure listing the lines."""
    found = [line for line in lines if fold(seen) in line]
    assert found, f"{seen!r} not printed left to right on any line: {lines}"
    return found[0]


# ---- the reordering itself ------------------------------------------------------------------------------------

def test_left_to_right_text_is_returned_untouched() -> None:
    for text in ("Anna Müller", "李佳 (Jia Li)", "김민준", "Александра", "Δημήτρης", "<b>Li & Co</b>", ""):
        assert visual(text) is text and not has_rtl(text)


@pytest.mark.parametrize(("logical", "seen"), [
    (HEBREW, "ןהכ דוד"),
    (ARABIC, "\ufef2\ufee0\ufecb \ufeaa\ufee4\ufea4\ufee3"),
    (MIXED, "Li Wei (李伟) — \ufeaa\ufee4\ufea4\ufee3"),  # a left-to-right line: the Arabic name reversed in place
    ("דוד (David)", "(David) דוד"),  # right-to-left line: the Latin part stays a block, at the left end
    ("(דוד) כהן", "ןהכ (דוד)"),  # brackets mirrored: an opening bracket still opens towards the name
    ("כיתה 12 אביב", "ביבא 12 התיכ"),  # numbers keep their own left-to-right order
    ("محمد ٣ مايو 2026", "2026 \ufeee\ufef3\ufe8e\ufee3 ٣ \ufeaa\ufee4\ufea4\ufee3"),
    ("<b>שלום</b>", "<b>םולש</b>"),  # markup-looking text is text: a left-to-right line with Hebrew in it
    ("李伟 דוד כהן", "李伟 ןהכ דוד"),
])
def test_lines_come_out_in_visual_order(logical: str, seen: str) -> None:
    assert visual(logical) == seen


def test_vowel_points_and_harakat_stay_with_their_letter() -> None:
    """Combining marks come just before their letter in the drawn string: DejaVu Sans draws
    its zero-width Hebrew and Arabic marks right of the pen, over the glyph that follows."""
    shalom = visual("שָׁלוֹם")  # shin+qamats+shin dot, lamed, vav+holam, final mem
    assert shalom[:4] == "\u05dd\u05b9\u05d5\u05dc" and set(shalom[4:6]) == {"\u05b8", "\u05c1"} and shalom[6] == "ש"
    muhammad = visual("مُحَمَّد")
    assert muhammad[-2:] == "\u064f\ufee3"  # damma, then the initial meem it sits on
    assert "\u064e" in muhammad and "\u0651" in muhammad  # the marks are kept, not deleted


@pytest.mark.parametrize("text", ["\U00010b9d", "דוד \U00010b9d (x)", "\u202eأحمد محمد\u202c", "\u2067שרה\u2069 12",
                                  "\u064b\u0640", "لا\ufeff)", "\u05b8"])
def test_odd_right_to_left_text_never_fails_and_keeps_every_character(text: str) -> None:
    """U+10B9D (unassigned in Python's tables) makes python-bidi's pure-Python algorithm
    assert; such a line goes through the Rust one. Bidi controls and other invisible (BN) characters are used up."""
    def letters(s: str) -> list[str]:
        return sorted(re.sub("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", fold(s)))

    assert letters(visual(text)) == letters(text)


# ---- certificates, badges, agenda --------------------------------------------------------------------------

def certificate(name: str, latin: str | None, code: str, **kw: object) -> CertificateData:
    fields: dict[str, object] = dict(
        code=code, holder_name=name, holder_latin=latin, seminar_title="Park City Project", city="Chengdu",
        first_day=dt.date(2020, 7, 13), last_day=dt.date(2020, 7, 17), hours=24, issued_on=dt.date(2020, 7, 17),
        signatories=(Signatory("Octavi de la Varga", "Secretary General, Metropolis"),),
    )
    fields.update(kw)
    return CertificateData(**fields)  # type: ignore[arg-type]


def test_certificates_print_hebrew_and_arabic_names_right_to_left() -> None:
    rendered = cp.render_certificates([
        certificate(HEBREW, "David Cohen", "AAAA-BBBB-CCC1"),
        certificate(ARABIC, "Muhammad Ali", "AAAA-BBBB-CCC2", seminar_title="ورشة المدن 2026"),
        certificate(MIXED, None, "AAAA-BBBB-CCC3"),
    ], fonts=font_set(False))
    assert rendered.pages == 3 and rendered.missing == ()
    hebrew, arabic, mixed = printed_lines(rendered.data)
    assert line_with(hebrew, HEBREW_SEEN) == HEBREW_SEEN  # the name alone on its line
    assert line_with(hebrew, "DavidCohen")
    assert line_with(arabic, ARABIC_SEEN) == fold(ARABIC_SEEN)
    assert line_with(arabic, "2026ندملاةشرو")  # ورشة المدن 2026: the number stays at the left end
    assert line_with(mixed, MIXED_SEEN) == fold(MIXED_SEEN)
    drawn = drawn_text(rendered.data)
    assert "\ufeaa\ufee4\ufea4\ufee3" in drawn or "\ufee3\ufea4\ufee4\ufeaa" in drawn  # joined forms
    assert "محمد" not in drawn  # no unjoined letters


def test_badges_print_hebrew_arabic_and_hostile_mixes() -> None:
    sheet = BadgeSheet(1, "סמינר ערים 2026", (
        Badge(HEBREW, "David Cohen", "עיריית תל אביב", "Tel Aviv, IL", "expert"),
        Badge(ARABIC, "Muhammad Ali", "بلدية عمان", "Amman, JO", "elected"),
        Badge("<b>שלום</b> & Co", None, "Metropolis", "Chengdu 成都, CN", "elected"),
        Badge(MIXED, "Li Wei", "כיתה 12 אביב", None, "expert"),
    ))
    rendered = badges_pdf.render_badges(sheet, fonts=font_set(False))
    assert rendered.pages == 1 and rendered.missing == ()
    (lines,) = printed_lines(rendered.data)
    assert line_with(lines, HEBREW_SEEN)  # two badges side by side share a line
    assert line_with(lines, ARABIC_SEEN)
    assert line_with(lines, "ביבאלתתייריע")  # organisation: עיריית תל אביב
    assert line_with(lines, "<b>םולש</b>&Co")  # markup stays literal text, the Hebrew reversed within it
    assert line_with(lines, MIXED_SEEN)
    assert line_with(lines, "ביבא12התיכ")  # digits left to right inside the right-to-left line
    assert sum(line.count("2026םירערנימס") for line in lines) == 4  # the seminar title on every badge


def test_agenda_session_titles_and_speakers_in_hebrew_and_arabic(demo: Database) -> None:
    """A demo seminar's agenda with session titles and a speaker replaced by RTL text
    (the Paragraph path: markup.py), bold titles included."""
    with demo.reading() as s:
        from sqlalchemy import select

        from learninghub.core.models import Seminar

        seminar_id = s.scalars(select(Seminar.id).order_by(Seminar.id)).first()
        agenda = agenda_pdf.load_agenda(s, seminar_id)
    items = list(agenda.items)
    items[0] = dataclasses.replace(items[0], title=HEBREW, speakers=(agenda_pdf.Speaker(ARABIC, "بلدية عمان"),))
    items[1] = dataclasses.replace(items[1], title="<b>شارع</b> 12 & 李伟")
    agenda = dataclasses.replace(agenda, items=tuple(items), title="סמינר ערים")
    rendered = agenda_pdf.render_agenda(agenda, printed=dt.date(2026, 11, 23), fonts=font_set(False))
    assert rendered.missing == ()
    lines = [line for page in printed_lines(rendered.data) for line in page]
    assert line_with(lines, HEBREW_SEEN)
    assert line_with(lines, ARABIC_SEEN)
    assert line_with(lines, "نامعةيدلب")  # the speaker's organisation: بلدية عمان
    assert line_with(lines, "<b>عراش</b>12&李伟")  # literal markup, digits, CJK
    drawn = drawn_text(rendered.data)
    assert "\ufec9\ufead\ufe8e\ufeb7" in drawn or "\ufeb7\ufe8e\ufead\ufec9" in drawn  # شارع joined
    assert line_with(lines, "םירערנימס")


def test_markup_reorders_before_escaping_and_keeps_font_runs() -> None:
    m = Markup(font_set(False))
    assert m("<b>שלום</b> & 李伟") .startswith("&lt;b&gt;םולש&lt;/b&gt; &amp; <font")
    assert m(HEBREW + "\n" + ARABIC) == "ןהכ דוד<br/>" + visual(ARABIC)  # each line on its own
    assert m("Anna Müller") == "Anna Müller" and m.missing == set()


def test_missing_rtl_glyphs_are_reported_like_any_other_script() -> None:
    """DejaVu Sans has Hebrew and Arabic, but not Syriac or Thaana: those are named, printed as U+FFFD."""
    rendered = badges_pdf.render_badges(
        BadgeSheet(1, "Seminar", (Badge("ܐܠܗܐ", None, None, None, "expert"), Badge("ދިވެހި", None, None, None, "expert"))),
        fonts=font_set(False))
    assert "ܐ" in rendered.missing and "ދ" in rendered.missing


def test_wrapped_right_to_left_lines_each_read_right_to_left_in_order() -> None:
    """Canvas text wraps the stored text, then reorders each line: the first words are on
    the first line, at its right end."""
    drawer = TextDrawer(font_set(False))
    words = ["אחת", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה"]
    size, lines = drawer.fit_lines(" ".join(words), 90, 12, min_size=12, max_lines=4)
    assert len(lines) > 1 and lines[0].startswith(words[0])
    buffer = io.BytesIO()
    c = Canvas(buffer)
    for n, line in enumerate(lines):
        drawer.draw(c, line, 100, 700 - 20 * n, size, align=LEFT)
    c.save()
    (printed,) = printed_lines(buffer.getvalue())
    assert printed == [squash(visual(line)) for line in lines]
    assert printed[0].endswith(words[0][::-1])  # the first word at the right end of the first line
    assert squash("".join(lines)) == squash(" ".join(words))


def paragraph_lines(markup: str, width: float) -> list[str]:
    """The printed lines of one Paragraph ``width`` wide (DejaVu Sans 10 pt)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from learninghub.documents.fonts import SANS

    para = Paragraph(markup, ParagraphStyle("t", fontName=SANS, fontSize=10, leading=13))
    buffer = io.BytesIO()
    c = Canvas(buffer)
    _, height = para.wrapOn(c, width, 1000)
    para.drawOn(c, 50, 800 - height)
    c.save()
    (lines,) = printed_lines(buffer.getvalue())
    return lines


WORDS = ["התחדשות", "עירונית", "לאורך", "הנהר:", "חוסן", "מפני", "שיטפונות,", "אקולוגיה", "ומרחב", "ציבורי"]


def test_paragraph_given_its_width_prints_wrapped_hebrew_lines_in_order() -> None:
    lines = paragraph_lines(Markup(font_set(False))(" ".join(WORDS), width=150, size=10), 150)
    assert len(lines) > 2
    assert lines[0].endswith(fold(WORDS[0][::-1]))  # the first word at the right end of the first line
    assert lines[-1].startswith(fold(WORDS[-1][::-1]))  # the last word at the left end of the last line
    assert "".join(line[::-1] for line in lines) == fold("".join(WORDS))  # every word, once, in order


def test_paragraph_without_its_width_prints_wrapped_hebrew_lines_in_reverse_order() -> None:
    """The documented limit: each line reads right to left, but the lines come last first."""
    lines = paragraph_lines(Markup(font_set(False))(" ".join(WORDS)), 150)
    assert len(lines) > 2
    assert lines[0].startswith(fold(WORDS[-1][::-1])) and lines[-1].endswith(fold(WORDS[0][::-1]))


def test_paragraph_width_leaves_left_to_right_text_to_the_paragraph() -> None:
    m = Markup(font_set(False))
    text = "Rethinking the links between economy, territory and society"
    assert m(text, width=60, size=10) == m(text) == text
    assert m._drawer is None  # nothing measured


# ---- wrapped right-to-left paragraphs in the agenda and the programme -------------------------------------------

LONG_HEBREW = "התחדשות עירונית לאורך הנהר חוסן מפני שיטפונות אקולוגיה ומרחב ציבורי בשכונות הוותיקות של העיר"
LONG_ARABIC = ("ورشة عمل حول التخطيط الحضري المستدام في المدن الساحلية مع جولة ميدانية في الميناء "
               "ونقاش مفتوح مع السكان والخبراء من البلديات")
MORE_ARABIC = ("وتختتم الورشة بجلسة عامة لعرض توصيات المشاركين حول تمويل البنية التحتية الخضراء "
               "ثم زيارة إلى مشروع الحديقة المركزية الجديدة على ضفة النهر")
assert "لا" not in LONG_ARABIC + MORE_ARABIC  # lam-alef is one glyph: its letters cannot be read back in order


def _script(ch: str, hebrew: bool) -> bool:
    return ("\u05d0" <= ch <= "\u05ea") if hebrew else ("\u0620" <= ch <= "\u064a")


def script_rows(data: bytes, hebrew: bool) -> list[list[tuple[float, float, str]]]:
    """Every printed line's Hebrew (or Arabic) letters, top to bottom over all pages: each
    as (left, right, letter) ordered by x; other glyphs on the same baseline left out, and
    letters more than 12 pt apart (in different table columns) on lines of their own."""
    pdf = pdfium.PdfDocument(data)
    rows_out: list[list[tuple[float, float, str]]] = []
    try:
        for page in pdf:
            text = page.get_textpage()
            rows: dict[float, list[tuple[float, float, str]]] = defaultdict(list)
            x, y = ctypes.c_double(), ctypes.c_double()
            left, right, bottom, top = (ctypes.c_double() for _ in range(4))
            for i in range(text.count_chars()):
                ch = unicodedata.normalize("NFKC", chr(pdfium_c.FPDFText_GetUnicode(text.raw, i)))
                if len(ch) != 1 or not _script(ch, hebrew):
                    continue
                pdfium_c.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
                pdfium_c.FPDFText_GetCharBox(text.raw, i, *(ctypes.byref(v) for v in (left, right, bottom, top)))
                rows[round(y.value, 1)].append((left.value, right.value, ch))
            for _, row in sorted(rows.items(), reverse=True):
                row.sort()
                start = 0
                for n in range(1, len(row) + 1):
                    if n == len(row) or row[n][0] - row[n - 1][1] > 12:
                        rows_out.append(row[start:n])
                        start = n
            text.close()
            page.close()
    finally:
        pdf.close()
    return rows_out


def letters(text: str, hebrew: bool) -> str:
    return "".join(ch for ch in text if _script(ch, hebrew))


def lines_of(rows: list[list[tuple[float, float, str]]], text: str, hebrew: bool) -> list[list[tuple[float, float, str]]]:
    """The printed lines that are pieces of ``text`` (read right to left)."""
    whole = letters(text, hebrew)
    return [row for row in rows if len(row) > 3 and "".join(ch for _, _, ch in reversed(row)) in whole]


def assert_reads_in_order(rows: list[list[tuple[float, float, str]]], text: str, hebrew: bool) -> None:
    """The paragraph's lines, each read right to left, top to bottom, give ``text``: the first
    words on the top line at its right end. Its lines share their right end (right-aligned)."""
    read = ["".join(ch for _, _, ch in reversed(row)) for row in rows]
    assert len(read) >= 3, read
    assert "".join(read) == letters(text, hebrew), read
    assert read[0].startswith(letters(text.split()[0], hebrew))
    rights = [row[-1][1] for row in rows]
    lefts = [row[0][0] for row in rows]
    assert max(rights) - min(rights) < 1.5, rights  # right-aligned
    assert max(lefts) - min(lefts) > 3, lefts  # ragged on the left


def rtl_agenda(agenda: agenda_pdf.Agenda) -> agenda_pdf.Agenda:
    """The agenda with its first session titled in long Hebrew, described in long Arabic,
    given a Hebrew speaker with an Arabic organisation, an Arabic moderator and a Hebrew room."""
    items = list(agenda.items)
    items[0] = dataclasses.replace(
        items[0], title=LONG_HEBREW, title_zh=None, description=LONG_ARABIC, description_zh=None,
        speakers=(agenda_pdf.Speaker(HEBREW, "بلدية عمان الكبرى"),), moderator=agenda_pdf.Speaker(ARABIC, ""),
        room="אולם הכנסים")
    return dataclasses.replace(agenda, items=tuple(items))


@pytest.fixture(scope="module")
def demo_agenda(demo: Database) -> agenda_pdf.Agenda:
    from sqlalchemy import select

    from learninghub.core.models import Seminar

    with demo.reading() as s:
        seminar_id = s.scalars(select(Seminar.id).order_by(Seminar.id)).first()
        return agenda_pdf.load_agenda(s, seminar_id)


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
@pytest.mark.parametrize("second_zone", [False, True], ids=["one-zone", "two-zones"])
def test_agenda_wrapped_hebrew_title_and_arabic_description_read_top_to_bottom(
    demo_agenda: agenda_pdf.Agenda, lang: str, second_zone: bool
) -> None:
    agenda = rtl_agenda(demo_agenda)
    if second_zone:
        agenda = dataclasses.replace(agenda, second_zone=timezones.zone("Europe/Paris"))
    rendered = agenda_pdf.render_agenda(agenda, printed=dt.date(2026, 11, 23), fonts=font_set(False), lang=lang)
    assert rendered.missing == ()
    assert_reads_in_order(lines_of(script_rows(rendered.data, True), LONG_HEBREW, True), LONG_HEBREW, True)
    assert_reads_in_order(lines_of(script_rows(rendered.data, False), LONG_ARABIC, False), LONG_ARABIC, False)
    lines = [line for page in printed_lines(rendered.data) for line in page]
    assert line_with(lines, HEBREW_SEEN) and line_with(lines, "םיסנכהםלוא")  # speaker, room
    assert line_with(lines, fold("\ufef2\ufee0\ufecb\ufeaa\ufee4\ufea4\ufee3"))  # the moderator after its label


def test_agenda_right_to_left_cells_are_right_aligned_and_left_to_right_ones_are_not(
    demo_agenda: agenda_pdf.Agenda,
) -> None:
    """Hebrew and Arabic cells end at their column's right edge: the room (the last column)
    near the page margin, the title and the description at the same x, the speaker's name and
    organisation too; 'Moderator: محمد علي' starts with Latin, so it stays on the left."""
    agenda = rtl_agenda(demo_agenda)
    rendered = agenda_pdf.render_agenda(agenda, printed=dt.date(2026, 11, 23), fonts=font_set(False))
    hebrew, arabic = script_rows(rendered.data, True), script_rows(rendered.data, False)

    def row_of(rows: list[list[tuple[float, float, str]]], text: str, is_hebrew: bool) -> list[tuple[float, float, str]]:
        return next(row for row in rows if "".join(ch for _, _, ch in reversed(row)) == letters(text, is_hebrew))

    room, name = row_of(hebrew, "אולם הכנסים", True), row_of(hebrew, HEBREW, True)
    organisation, moderator = row_of(arabic, "بلدية عمان الكبرى", False), row_of(arabic, ARABIC, False)
    title, description = lines_of(hebrew, LONG_HEBREW, True), lines_of(arabic, LONG_ARABIC, False)
    page_width = pdfium.PdfDocument(rendered.data)[0].get_width()
    assert page_width - 60 < room[-1][1] < page_width - 40  # 14 mm margin, 6 pt frame, 4 pt cell padding
    assert abs(title[0][-1][1] - description[0][-1][1]) < 1.5
    assert abs(name[-1][1] - organisation[-1][1]) < 1.5
    assert moderator[-1][1] < name[-1][1] - 20 and moderator[0][0] > name[0][0] - 200  # after its label, on the left


def test_left_to_right_text_keeps_the_plain_paragraph() -> None:
    """Nothing changes for Latin text without long words: the same markup, a plain Para made
    once. (Chinese is broken by the Markup too, for its punctuation rules: see test_chinese_typography.)"""
    from learninghub.documents.markup import FlowPara
    from learninghub.documents.page import Para, styles

    m = Markup(font_set(False))
    for text in ("Rethinking the links between economy, territory and society", "Ελένη Ζέρβα", None):
        para = m.para(text, styles().cell)
        assert type(para) is Para and para.text == m(text) and para.style is styles().cell
    assert m._drawer is None
    chinese = m.para("李佳 (Jia Li)", styles().cell)
    assert chinese.style is styles().cell and (chinese.wrap(300, 100), chinese.text) == ((300, 10.6), m("李佳 (Jia Li)"))
    assert isinstance(m.para(HEBREW, styles().cell), FlowPara)
    assert m.para(HEBREW, styles().cell).style.alignment == 2  # TA_RIGHT
    assert m.para("Li Wei — محمد", styles().cell).style is styles().cell  # starts left to right: stays left


def test_label_before_right_to_left_text_keeps_the_line_left_to_right() -> None:
    """'Venue: <Hebrew>' is a left-to-right paragraph (its first strong letter is Latin): left-
    aligned, the label first, the Hebrew words in order from line to line (each line's run read
    right to left), the first line shorter by the label."""
    from learninghub.documents.page import styles

    m = Markup(font_set(False))
    para = m.para(" ".join(WORDS), styles().cell, lead="<b>Venue:</b> ", lead_text="Venue: ")
    assert para.style is styles().cell
    buffer = io.BytesIO()
    c = Canvas(buffer)
    _, height = para.wrapOn(c, 150, 1000)
    para.drawOn(c, 50, 800 - height)
    c.save()
    (lines,) = printed_lines(buffer.getvalue())
    assert lines[0].startswith("Venue:") and len(lines) > 2
    hebrew = script_rows(buffer.getvalue(), True)
    assert "".join("".join(ch for _, _, ch in reversed(row)) for row in hebrew) == letters(" ".join(WORDS), True)
    assert max(row[0][0] for row in hebrew[1:]) - min(row[0][0] for row in hebrew[1:]) < 1.5  # left-aligned


def test_a_right_to_left_cell_split_over_pages_keeps_its_reading_order() -> None:
    """A description too long for one page is split by the table (splitInRow): the pieces
    continue on the next pages, still top to bottom in reading order."""
    from zoneinfo import ZoneInfo

    long = " ".join(LONG_HEBREW.split() * 30)
    start = dt.datetime(2020, 9, 1, 1, tzinfo=dt.UTC)
    items = tuple(agenda_pdf.Item(start + dt.timedelta(hours=n), start + dt.timedelta(hours=n, minutes=50),
                                  LONG_HEBREW, "talk", long, "Room 1", (), None) for n in range(3))
    agenda = agenda_pdf.Agenda(1, "Split", dt.date(2020, 9, 1), dt.date(2020, 9, 1), ZoneInfo("Asia/Shanghai"),
                               None, "Seminar", "Onsite", "planned", None, None, (), (), items)
    rendered = agenda_pdf.render_agenda(agenda, fonts=font_set(False))
    assert rendered.pages >= 3
    read = "".join("".join(ch for _, _, ch in reversed(row)) for row in script_rows(rendered.data, True))
    assert read == (letters(LONG_HEBREW, True) + letters(long, True)) * 3


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_programme_wrapped_hebrew_title_and_arabic_description(lang: str) -> None:
    from learninghub.documents.programme_pdf import Programme, SeminarLine, render_programme

    line = SeminarLine(1, LONG_HEBREW, dt.date(2026, 3, 2), dt.date(2026, 3, 4), "תל אביב", "בית העירייה",
                       "Asia/Jerusalem", "Seminar", "Onsite", "planned", 40, 12, "9 policymakers",
                       kind_code="seminar", format_code="onsite", audience_counts=(("policymaker", 9),))
    latin = dataclasses.replace(line, seminar_id=2, title="Greenways, parks and the people-centred city",
                                city="Chengdu", venue=None)
    description = " ".join([LONG_ARABIC, MORE_ARABIC, LONG_ARABIC])  # as wide as the page: three lines
    programme = Programme(1, "برنامج المدن", 2026, 2026, description, (line, latin))
    rendered = render_programme(programme, printed=dt.date(2026, 11, 23), fonts=font_set(False), lang=lang)
    assert rendered.missing == ()
    assert_reads_in_order(lines_of(script_rows(rendered.data, True), LONG_HEBREW, True), LONG_HEBREW, True)
    assert_reads_in_order(lines_of(script_rows(rendered.data, False), description, False), description, False)
    lines = [line for page in printed_lines(rendered.data) for line in page]
    assert line_with(lines, "ביבאלת") and line_with(lines, "הייריעהתיב")
    assert any("Greenways,parks" in line for line in lines)  # left to right, as before
