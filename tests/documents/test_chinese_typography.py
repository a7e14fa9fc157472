"""Chinese typography in print, read back from real PDFs: bold that is bold in every
script, lines broken by the kinsoku rules (and words cut with a hyphen), no character
alone on a last line, and the day headings of a bilingual agenda kept apart."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from learninghub.core.store import Database
from learninghub.documents import programme_pdf, signin_pdf
from learninghub.documents.canvas_text import CLOSING, OPENING, TextDrawer
from learninghub.documents.fonts import HAN, SYSTEM_CJK_FONTS, FontSet, font_set
from learninghub.documents.heavy import DocCanvas
from learninghub.documents.markup import Markup
from learninghub.documents.page import Para, styles
from tests.documents.drawn import drawn, pieces
from tests.pdftext import PRINTED, page_texts, render_agenda, squash

WQY = SYSTEM_CJK_FONTS[0]  # WenQuanYi Micro Hei (Debian's fonts-wqy-microhei): .ci/run installs it


@pytest.fixture(scope="module")
def ids(demo: Database) -> dict[str, int]:
    from learninghub.core.services import curricula, seminars

    with demo.reading() as s:
        park = next(x.id for x in seminars.list_seminars(s) if x.title == "Park City Project")
        hub = next(c.id for c in curricula.list_curricula(s) if c.title.startswith("Metropolis Learning Hub"))
    return {"park": park, "hub": hub}


def weights(pdf: bytes | Path, page: int = 0) -> tuple[str, list[bool]]:
    """The page's drawn text, and for each of its characters whether it is bold."""
    text, bold = "", []
    for piece in drawn(pdf, page):
        text += piece.text
        bold += [piece.bold] * len(piece.text)
    return text, bold


def weight_of(pdf: bytes | Path, words: str, page: int = 0, nth: int = 0) -> set[bool]:
    """{True} if every character of ``words`` (its ``nth`` occurrence) is drawn bold, {False} if none is."""
    text, bold = weights(pdf, page)
    at = -1
    for _ in range(nth + 1):
        at = text.find(words, at + 1)
    assert at >= 0, f"{words!r} not drawn on page {page + 1}: {pieces(pdf, page)}"
    return {b for ch, b in zip(words, bold[at:at + len(words)]) if not ch.isspace()}


# ---------------------------------------------------------------- bold
def test_chinese_headings_titles_and_labels_are_bold_character_by_character(
    demo: Database, ids: dict[str, int], tmp_path: Path
) -> None:
    """A bold heading is bold in all of it: before, '2020年7月13日' had bold digits between regular characters."""
    agenda = tmp_path / "agenda.pdf"
    render_agenda(demo, ids["park"], agenda, lang="zh")
    for bold in ("公园城市项目", "主办单位：", "7月13日周一", "日程", "发言人", "开幕式"):
        assert weight_of(agenda, bold) == {True}, (bold, pieces(agenda))
    assert weight_of(agenda, "2020年7月13日星期一", nth=1) == {True}  # the day's heading (the first: the dates)
    for regular in ("成都市人民政府外事办公室", "09:00–09:45", "仪式", "李佳"):
        assert weight_of(agenda, regular) == {False}, regular
    with demo.reading() as s:
        data = programme_pdf.load_programme(s, ids["hub"])
    programme = programme_pdf.render_programme(data, printed=PRINTED, fonts=font_set(), lang="en+zh").data
    for bold in ("大都市学习中心（成都）2020–2022", "日期", "线上研讨会：教育、就业、技能与创业"):
        assert weight_of(programme, bold) == {True}, bold
    assert weight_of(programme, "参加者：") == {False}


@pytest.mark.parametrize("system_fonts", [True, False], ids=["installed-cjk", "cid-fallback"])
def test_bold_chinese_on_the_canvas_documents(system_fonts: bool) -> None:
    """Sign-in sheets and certificates draw on the canvas: their bold Chinese is bold too,
    in an embedded CJK font or in reportlab's built-in CID font."""
    from learninghub.documents import certificate_pdf
    from tests.documents.test_certificate_pdf import certificate

    fonts = font_set(system_fonts)
    shanghai = dt.timezone(dt.timedelta(hours=8))
    sheet = signin_pdf.SigninSheet(7, "Opening", "Park City", None, dt.datetime(2020, 7, 13, 9, tzinfo=shanghai),
                                   dt.datetime(2020, 7, 13, 10, tzinfo=shanghai), "Asia/Shanghai",
                                   (signin_pdf.SigninLine("李佳", "Jia Li", "成都市外事办"),), "开幕式", "公园城市")
    signin = signin_pdf.render_signin(sheet, lang="zh", fonts=fonts).data
    for bold in ("签到表", "开幕式", "姓名", "李佳"):
        assert weight_of(signin, bold) == {True}, (bold, pieces(signin))
    assert weight_of(signin, "成都市外事办") == {False} and weight_of(signin, "公园城市") == {False}
    cert = certificate_pdf.render_certificates([certificate("王晓明", "Wang Xiaoming", lang="zh",
                                                            seminar_title_zh="公园城市项目")], fonts=fonts).data
    for bold in ("结业证书", "王晓明", "公园城市项目"):
        assert weight_of(cert, bold) == {True}, (bold, pieces(cert))
    assert weight_of(cert, "兹证明") == {False}


def test_heavy_text_leaves_the_render_mode_line_width_and_stroke_colour_as_it_found_them() -> None:
    """Bold without a bold face is drawn filled and outlined; nothing drawn after it is outlined or thicker."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    buffer = io.BytesIO()
    c = DocCanvas(buffer)
    text = TextDrawer(FontSet(candidates=[]))  # the CID font: no bold face, ever
    c.setStrokeColorRGB(1, 0, 0)
    c.setLineWidth(2)
    c.setFillColorRGB(0, 0, 1)
    text.draw(c, "公园 Park", 50, 700, 20, bold=True)
    text.draw(c, "成都", 50, 650, 20)
    c.line(50, 600, 300, 600)
    c.save()
    heavy, plain = [(d.text.strip(), d.mode) for d in drawn(buffer.getvalue()) if not d.text.isascii()]
    assert heavy == ("公园", 2) and plain == ("成都", 0)
    page = pdfium.PdfDocument(buffer.getvalue())[0]
    [line] = page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH])
    r, g, b, a = (raw.c_uint(), raw.c_uint(), raw.c_uint(), raw.c_uint())
    width = raw.c_float()
    assert raw.FPDFPageObj_GetStrokeColor(line, r, g, b, a) and raw.FPDFPageObj_GetStrokeWidth(line, width)
    assert (r.value, g.value, b.value, width.value) == (255, 0, 0, 2.0)


def test_a_bold_face_is_used_where_one_is_installed() -> None:
    """A CJK font with a bold face beside it prints bold Chinese in that face, not outlined.
    (WenQuanYi has none; its collection's second face stands in for one here.)"""
    assert WQY.is_file(), f"{WQY} missing: apt-get install fonts-wqy-microhei (.ci/run does)"
    fonts = FontSet(candidates=[WQY], bold_faces={WQY: (WQY, 1)})
    assert fonts.bold(fonts.for_script(HAN)).source == (WQY, 1)
    buffer = io.BytesIO()
    c = DocCanvas(buffer)
    TextDrawer(fonts).draw(c, "李佳 Li", 50, 700, 20, bold=True)
    para = Para(Markup(fonts)("成都 Chengdu", bold=True), styles().title)
    para.wrap(400, 100)
    para.drawOn(c, 50, 600)
    c.save()
    chinese = [d for d in drawn(buffer.getvalue()) if not d.text.strip().isascii()]
    assert [(d.text.strip(), d.font.split("+")[-1].split("-")[0], d.mode) for d in chinese] == [
        ("李佳", "WenQuanYiMicroHeiMono", 0), ("成都", "WenQuanYiMicroHeiMono", 0)]


# ---------------------------------------------------------------- line breaking
TITLE = "重新思考经济、空间与社会的关系：大都市政府的相互学习（成都、巴塞罗那），会议定于7月15日星期三和7月16日周四举行。"


@pytest.fixture(scope="module")
def text() -> TextDrawer:
    return TextDrawer(font_set())


def check_lines(lines: list[str], whole: str) -> None:
    assert "".join(lines) == whole
    assert not [line for line in lines[1:] if line[0] in CLOSING], lines  # 、，：）。 never start a line
    assert not [line for line in lines[:-1] if line[-1] in OPENING], lines  # （ never ends one
    for word in ("星期三", "周四"):
        assert any(word in line for line in lines), (word, lines)  # never 周|四
    if len(lines) > 1:
        assert len(lines[-1]) > 1 or lines[-1] in CLOSING, lines  # no character alone on the last line


@pytest.mark.parametrize("width", range(40, 320, 7))
def test_chinese_on_the_canvas_breaks_by_the_kinsoku_rules(text: TextDrawer, width: int) -> None:
    lines = text.wrap(TITLE, width, 10, bold=True)
    check_lines(lines, TITLE)
    assert all(text.width(line, 10, bold=True) <= width for line in lines)


def paragraph_lines(para: Para, width: float) -> list[str]:
    para.wrap(width, 10_000)
    return ["".join(piece for piece in line[1]) if isinstance(line, tuple)
            else "".join(frag.text for frag in line.words) for line in para.blPara.lines]


@pytest.mark.parametrize("width", range(40, 320, 7))
def test_chinese_in_paragraphs_breaks_by_the_same_rules(width: int) -> None:
    """Agendas and programmes (Paragraphs in table cells) break as the canvas does."""
    from learninghub.documents.agenda_pdf import wrap_for

    m = Markup(font_set())
    lines = paragraph_lines(m.para(TITLE, wrap_for(TITLE, styles().cell_bold), bold=True), width)
    check_lines(lines, TITLE)


def test_no_character_alone_on_the_last_line_of_a_title(text: TextDrawer) -> None:
    """'天府绿道：区域、城市和社区三级绿道网络规' over '划': the last line takes a character more."""
    title = "天府绿道：区域、城市和社区三级绿道网络规划"
    for width in range(60, 240):
        lines = text.wrap(title, width, 8.8, bold=True)
        if len(lines) > 1:
            assert len(lines[-1]) >= 2, (width, lines)


@pytest.mark.parametrize("width", range(50, 200, 9))
def test_a_long_latin_word_breaks_at_its_hyphen_or_takes_one(text: TextDrawer, width: int) -> None:
    name = "Aikaterini Papadopoulou-Wolfeschlegelsteinhausen"
    lines = text.wrap(name, width, 9)
    assert all(text.width(line, 9) <= width for line in lines), lines
    for line, after in zip(lines, lines[1:]):
        assert line.endswith("-") or line == "Aikaterini", lines  # never 'Papadopoulou-W' | 'olfeschlegel…'
        assert after[0].isalpha()
    joined = "".join(line[:-1] if line.endswith("-") else line + " " for line in lines).strip()
    assert joined == name.replace("-", "")


def test_a_long_name_in_an_agenda_column_is_hyphenated(db: Database, hub, tmp_path: Path) -> None:  # noqa: ANN001
    from learninghub.core.services import agenda, people

    with db.transaction() as s:
        greek = people.add_person(s, given_name="Aikaterini", family_name="Papadopoulou-Wolfeschlegelsteinhausen",
                                  native_name="Αικατερίνη Παπαδοπούλου-Βολφεσλεγκελσταϊνχάουζεν")
        agenda.add_session(s, seminar_id=hub.seminar, title="Panel", start="2020-07-14 09:00", end="2020-07-14 10:00",
                           kind="panel", speaker_ids=[greek.id])
    path = tmp_path / "agenda.pdf"
    render_agenda(db, hub.seminar, path)
    lines = [line.strip() for page in page_texts(path) for line in page.splitlines()]
    for word in ("Βολφεσλεγκελσταϊνχάουζεν", "Wolfeschlegelsteinhausen"):  # narrower than the column: whole
        assert any(word in line for line in lines), lines  # not 'Papadopoulou-Wo' over 'lfeschlegelsteinhausen'
    assert "Παπαδοπούλου-" in lines[[n for n, line in enumerate(lines) if line.startswith("Αικατερίνη")][0]]


def test_day_headings_of_a_bilingual_agenda_are_kept_apart(demo: Database, ids: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "agenda.pdf"
    render_agenda(demo, ids["park"], path, lang="en+zh")
    flat = squash("\n".join(page_texts(path)))
    for heading in ("Monday 13 July 2020 · 2020年7月13日星期一", "Wednesday 15 July 2020 · 2020年7月15日星期三"):
        assert squash(heading) in flat, heading  # not 'Monday 13 July 2020 2020年7月13日星期一'
