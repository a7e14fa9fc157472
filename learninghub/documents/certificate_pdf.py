"""Certificates of participation: one A4 landscape page per person, fast enough for
a seminar's whole batch while the user waits (1,000 pages in well under 3 s).

Interface (the ``certificates`` command and the app call these; keep it stable):

- :class:`Signatory` ``(name, title="")`` and :class:`CertificateData` — frozen
  plain values, made inside ``db.reading()`` by the caller; the renderer touches no
  database. ``holder_name`` is the name in its own script (李佳, 김민준, Jia Li
  when there is no other), ``holder_latin`` the Latin form printed below it (None
  or equal to ``holder_name``: not printed). ``code`` is printed as given
  (``XXXX-XXXX-XXXX``) and put in the QR code, unless ``qr_text`` says what the QR
  should hold instead (a verification address ending in the code, say).
  ``hours`` may be None (no hours line). ``logos`` are image files drawn at the
  top, left to right; empty means :func:`default_logos` (``resources/logos/``).
  ``lang`` is the wording's language, ``en``, ``zh`` or ``en+zh`` (None: ``en+zh``
  when ``bilingual``, else ``en``); in Chinese the seminar's ``seminar_title_zh``,
  the city's ``city_zh`` (when written in Chinese characters) and a signatory's
  ``title_zh`` are printed where given (the main text where not), in ``en+zh`` under
  the English ones. Names are
  always printed in their own script.
- :func:`render_certificates(items, *, progress=None, cancelled=None, fonts=None)
  <render_certificates>` -> :class:`~learninghub.documents.page.Rendered` (one
  PDF, one page per item, in order; ``.data``, ``.pages``, ``.missing``); an
  empty ``items`` is refused with a ValidationError.
- :func:`~.certificate_files.render_certificate_files(items, directory, ...)`
  -> ``list[Path]``: one PDF per item, same order, file names from the holder's
  name (:func:`~.certificate_files.file_names`), written to a temporary name and
  renamed; large batches are shared by two processes (``workers=`` to choose).
- ``progress(done, total)`` is called after each page (after each chunk of 20
  files when split across processes); ``cancelled()`` is asked before each page
  (about every 0.2 s across processes) and, when it answers True, rendering stops
  with :class:`Cancelled` (one PDF: nothing is returned; split: the files written
  so far stay). An exception raised by ``progress`` (the app's own Cancel) stops
  it the same way.
- A logo that is missing or unreadable is refused with a ValidationError naming
  the file, before any page is drawn.

Why no Platypus: the layout is fixed, so text is drawn with measured widths
(:mod:`.canvas_text`), long names shrink to fit, and everything the pages of a
seminar share (border, logos, wording, seminar, signatories) is drawn once into a
PDF form that each page reuses. The QR code is one filled path (:mod:`.qr`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .. import config
from . import dates, qr
from .canvas_text import CENTRE, ELLIPSIS, LEFT, TextDrawer, clean
from .fonts import FontSet, font_set
from .heavy import DocCanvas
from .language import BOTH, EN, LANGUAGES, ZH, DocLanguage, chinese_name
from .page import CREATOR, Rendered

PAGE = landscape(A4)
NAVY = colors.HexColor("#1f3a5f")
GOLD = colors.HexColor("#c4963c")
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
MAX_SIGNATORIES = 3
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
#: One DocLanguage per code, made once (a page asks for it many times).
_LANGS = {code: DocLanguage(code) for code in LANGUAGES}


class Cancelled(Exception):
    """Rendering stopped because ``cancelled()`` answered True."""


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str = ""
    title_zh: str = ""


@dataclass(frozen=True)
class CertificateData:
    """Everything one certificate prints."""

    code: str
    holder_name: str
    holder_latin: str | None
    seminar_title: str
    city: str | None
    first_day: dt.date
    last_day: dt.date
    hours: float | None
    issued_on: dt.date
    signatories: tuple[Signatory, ...] = ()
    bilingual: bool = False
    logos: tuple[Path, ...] = ()
    qr_text: str | None = None
    lang: str | None = None
    seminar_title_zh: str | None = None
    city_zh: str | None = None

    @property
    def language(self) -> DocLanguage:
        """The wording's language: ``lang``, else en+zh when ``bilingual``, else English."""
        return _LANGS[self.lang or (BOTH if self.bilingual else EN)]


def default_logos() -> tuple[Path, ...]:
    """The images in ``resources/logos/``, by file name: the organisers' logos when a
    seminar names none (replace or add files there)."""
    folder = config.resource_path("logos")
    if not folder.is_dir():
        return ()
    return tuple(sorted(p for p in folder.iterdir() if p.suffix.lower() in LOGO_SUFFIXES))


# -- wording ---------------------------------------------------------------------------------------------------

def hours_text(hours: float) -> str:
    """'24 hours', '1 hour', '22.5 hours'."""
    number = f"{hours:.1f}".rstrip("0").rstrip(".")
    return f"{number} hour" + ("" if number == "1" else "s")


def hours_text_zh(hours: float) -> str:
    """'共24学时', '共22.5学时' (学时: the class hours a Chinese training certificate counts)."""
    return f"共{hours:.1f}".rstrip("0").rstrip(".") + "学时"


# -- layout ----------------------------------------------------------------------------------------------------

W, H = PAGE
FRAME = 10 * mm
TEXT_WIDTH = W - 2 * 38 * mm
QR_SIDE = 24 * mm
QR_X = W - FRAME - 9 * mm - QR_SIDE
QR_Y = FRAME + 12 * mm
NAME_Y, LATIN_Y = 352.0, 322.0


def _static_key(item: CertificateData) -> tuple[Any, ...]:
    return (item.seminar_title, item.seminar_title_zh, item.city, item.city_zh, item.first_day, item.last_day,
            item.issued_on, item.signatories, item.language.code, item.logos)


class _Pages:
    """Draws certificate pages on one canvas; a form per seminar holds what its pages share."""

    def __init__(self, canvas: Canvas, text: TextDrawer) -> None:
        self.canvas = canvas
        self.text = text
        self.forms: dict[tuple[Any, ...], tuple[str, float, float]] = {}  # form name, hours' and took part's line

    def page(self, item: CertificateData) -> None:
        c = self.canvas
        key = _static_key(item)
        found = self.forms.get(key)
        if found is None:
            name = f"lhcert{len(self.forms)}"
            c.beginForm(name)
            hours_y, took_y = self._shared(item)
            c.endForm()
            found = self.forms[key] = (name, hours_y, took_y)
        c.doForm(found[0])
        self._holder(item, found[2])
        self._hours(item, found[1])
        self._code(item)
        c.showPage()

    # What changes from page to page -------------------------------------------------------------------------

    def _holder(self, item: CertificateData, took_y: float) -> None:
        """The name large in its own script, the Latin form below. A name too long for one
        line at 24 pt goes on two, smaller, and the two lines and the Latin form are stacked
        as one block between "This is to certify that" and the line under it (``took_y``),
        so a wrapped name never runs into its Latin form."""
        c, t = self.canvas, self.text
        name = clean(item.holder_name) or clean(item.holder_latin) or "—"
        latin = clean(item.holder_latin)
        latin = latin if latin != name else ""
        c.setFillColor(INK)
        size = t.fit_size(name, TEXT_WIDTH, 40, min_size=24, bold=True)
        latin_size = t.fit_size(latin, TEXT_WIDTH, 17, min_size=9) if latin else 0.0
        if t.width(name, size, bold=True) <= TEXT_WIDTH:
            drop = 0 if latin else 10  # no Latin line: the name sits a little lower, centred in the space
            t.draw(c, name, W / 2, NAME_Y - drop, size, bold=True, align=CENTRE)
            if latin:
                c.setFillColor(MUTED)
                t.draw(c, t.truncate(latin, TEXT_WIDTH, latin_size), W / 2, LATIN_Y, latin_size, align=CENTRE)
            return
        size, lines = 26.0, t.wrap(name, TEXT_WIDTH, 26, bold=True)
        if len(lines) > 2:
            size, lines = t.fit_lines(name, TEXT_WIDTH, 24, min_size=14, max_lines=2, bold=True)
        if not lines[-1].endswith(ELLIPSIS):
            lines = t.balanced(name, TEXT_WIDTH, size, bold=True)  # two lines of about the same length
        top = (398 if item.language.code == BOTH else 404) - 9  # under the certifying line's descenders
        bottom = took_y + 12.5 * 0.75 + 8  # over the next line's capitals
        gap = 6.0

        def block(size: float) -> float:  # from the name's capitals to the Latin form's descenders
            height = 0.78 * size + (len(lines) - 1) * size * 1.15 + 0.24 * size
            return height + (gap + 0.78 * latin_size + 0.24 * latin_size if latin else 0)

        while block(size) > top - bottom and size > 14:  # tight (a wrapped title pushes the next line up)
            size -= 1
            lines = t.fit_lines(name, TEXT_WIDTH, size, min_size=size, max_lines=2, bold=True)[1]
            if not lines[-1].endswith(ELLIPSIS):
                lines = t.balanced(name, TEXT_WIDTH, size, bold=True)
        first = top - (top - bottom - block(size)) / 2 - 0.78 * size  # the block centred in the space
        for n, line in enumerate(lines):
            t.draw(c, line, W / 2, first - n * size * 1.15, size, bold=True, align=CENTRE)
        if latin:
            c.setFillColor(MUTED)
            y = first - (len(lines) - 1) * size * 1.15 - 0.24 * size - gap - 0.78 * latin_size
            t.draw(c, t.truncate(latin, TEXT_WIDTH, latin_size), W / 2, y, latin_size, align=CENTRE)

    def _hours(self, item: CertificateData, y: float) -> None:
        if item.hours is None or item.hours <= 0:
            if item.language.code == ZH:  # the Chinese sentence still ends with its closing words
                self.canvas.setFillColor(INK)
                self.text.draw(self.canvas, "特发此证。", W / 2, y, 12, align=CENTRE)
            return
        c, t = self.canvas, self.text
        c.setFillColor(INK)
        lang = item.language
        line = {EN: hours_text(item.hours), ZH: hours_text_zh(item.hours) + "，特发此证。",
                BOTH: f"{hours_text(item.hours)}  /  {hours_text_zh(item.hours)}"}[lang.code]
        t.draw(c, line, W / 2, y, 12, align=CENTRE)

    def _code(self, item: CertificateData) -> None:
        c, t = self.canvas, self.text
        matrix = qr.encode(item.qr_text or item.code)
        qr.draw(c, matrix, QR_X, QR_Y, QR_SIDE)
        c.setFillColor(INK)
        code = clean(item.code)
        size = t.fit_size(code, QR_SIDE + 8 * mm, 8, min_size=5)
        t.draw(c, code, QR_X + QR_SIDE / 2, QR_Y - 7.5 * mm, size, align=CENTRE)  # below the quiet zone

    # What the pages of one seminar share ---------------------------------------------------------------------

    def _shared(self, item: CertificateData) -> tuple[float, float]:
        """Draw what the seminar's pages share; return the baselines of the hours line and
        of the line under the holder's name ("took part in").

        English: "This is to certify that / NAME / took part in / TITLE / city · dates".
        Chinese reads as one sentence, as Chinese certificates do: "兹证明 / NAME /
        于2020年7月13日至17日在成都参加了 / TITLE / 共29学时，特发此证。". Both: the English
        layout with the Chinese beside or under each part.
        """
        c, t = self.canvas, self.text
        lang = item.language
        bi, zh_only = lang.code == BOTH, lang.code == ZH
        c.setStrokeColor(NAVY)
        c.setLineWidth(2.2)
        c.rect(FRAME, FRAME, W - 2 * FRAME, H - 2 * FRAME)
        c.setLineWidth(0.6)
        inset = FRAME + 2.2 * mm
        c.rect(inset, inset, W - 2 * inset, H - 2 * inset)

        self._logos(item.logos or default_logos(), top=H - FRAME - 7 * mm, height=(13 if bi else 15) * mm)

        c.setFillColor(NAVY)
        title_y = 462 if bi else 452
        t.draw(c, "结业证书" if zh_only else "Certificate of Participation", W / 2, title_y, 30, bold=True,
               align=CENTRE)
        if bi:
            t.draw(c, "结业证书", W / 2, title_y - 27, 19, bold=True, align=CENTRE)
        rule_y = title_y - (37 if bi else 14)
        c.setStrokeColor(GOLD)
        c.setLineWidth(1.2)
        c.line(W / 2 - 40 * mm, rule_y, W / 2 + 40 * mm, rule_y)

        c.setFillColor(MUTED)
        certify = {EN: "This is to certify that", ZH: "兹证明", BOTH: "This is to certify that  /  兹证明"}[lang.code]
        t.draw(c, certify, W / 2, 398 if bi else 404, 12.5, align=CENTRE)

        main_title = clean(item.seminar_title)
        zh_title = clean(item.seminar_title_zh)
        # On a Chinese line the city's Chinese name, else its Latin one: never Hangul or Greek.
        city, city_zh = clean(item.city), clean(chinese_name(item.city_zh)) or clean(item.city)
        days_zh = dates.day_range(item.first_day, item.last_day, style="plain", lang="zh")
        size, lines = t.fit_lines(zh_title or main_title if zh_only else main_title, TEXT_WIDTH, 21, min_size=13,
                                  max_lines=2, bold=True)
        if zh_only:
            took = f"于{days_zh}" + (f"在{city_zh}" if city_zh else "") + "参加了"
        else:
            took = "took part in" + ("  /  参加了" if bi else "")
        took_y = 288 if len(lines) == 1 else 294
        t.draw(c, t.truncate(took, TEXT_WIDTH, 12.5), W / 2, took_y, 12.5, align=CENTRE)

        c.setFillColor(NAVY)
        y = 256 if len(lines) == 1 else 264
        for n, line in enumerate(lines):
            t.draw(c, line, W / 2, y - n * size * 1.2, size, bold=True, align=CENTRE)
        y -= (len(lines) - 1) * size * 1.2
        if bi and zh_title and zh_title != main_title:  # the Chinese title under the English one
            zh_size = t.fit_size(zh_title, TEXT_WIDTH, min(16.0, size), min_size=10, bold=True)
            y -= zh_size + 8
            t.draw(c, t.truncate(zh_title, TEXT_WIDTH, zh_size, bold=True), W / 2, y, zh_size, bold=True,
                   align=CENTRE)

        y -= 28
        if not zh_only:  # in Chinese, the dates and the city are in the sentence above the title
            c.setFillColor(INK)
            place = " · ".join(x for x in (city, dates.day_range(item.first_day, item.last_day, style="plain")) if x)
            t.draw(c, t.truncate(place, TEXT_WIDTH, 12), W / 2, y, 12, align=CENTRE)
            if bi:
                chinese = " · ".join(x for x in (days_zh, city_zh) if x)
                c.setFillColor(MUTED)
                y -= 15
                t.draw(c, t.truncate(chinese, TEXT_WIDTH, 10.5), W / 2, y, 10.5, align=CENTRE)
            y -= 18

        self._signatories(item.signatories[:MAX_SIGNATORIES], lang)
        self._issued(item, lang)
        return y, took_y

    def _issued(self, item: CertificateData, lang: DocLanguage) -> None:
        """The date of issue at the bottom left, the code's label above the QR code."""
        c, t = self.canvas, self.text
        c.setFillColor(MUTED)
        left = FRAME + 9 * mm
        issued_zh = "颁发日期：" + dates.day_range(item.issued_on, item.issued_on, style="plain", lang="zh")
        issued = f"Issued {item.issued_on.day} {dates.MONTHS[item.issued_on.month - 1]} {item.issued_on.year}"
        if lang.code == ZH:
            t.draw(c, issued_zh, left, QR_Y + 8, 9, align=LEFT)
        else:
            t.draw(c, issued, left, QR_Y + 8, 9, align=LEFT)
            if lang.code == BOTH:
                t.draw(c, issued_zh, left, QR_Y - 4, 9, align=LEFT)
        label = {EN: "Certificate no.", ZH: "证书编号", BOTH: "Certificate no. / 证书编号"}[lang.code]
        t.draw(c, label, QR_X + QR_SIDE / 2, QR_Y + QR_SIDE + 5.2 * mm, 7, align=CENTRE)

    def _logos(self, logos: Sequence[Path], *, top: float, height: float) -> None:
        """The logos side by side, centred, each ``height`` tall (narrower if very wide)."""
        from reportlab.lib.utils import ImageReader

        if not logos:
            return
        gap = 10 * mm
        max_width = min(70 * mm, (TEXT_WIDTH - gap * (len(logos) - 1)) / len(logos))
        placed: list[tuple[str, float, float]] = []
        for path in logos:
            width, high = ImageReader(str(path)).getSize()
            scale = min(height / high, max_width / width)
            placed.append((str(path), width * scale, high * scale))
        x = W / 2 - (sum(w for _, w, _ in placed) + gap * (len(placed) - 1)) / 2
        for path, width, high in placed:
            self.canvas.drawImage(path, x, top - height + (height - high) / 2, width, high, mask="auto")
            x += width + gap

    def _signatories(self, people: Sequence[Signatory], lang: DocLanguage) -> None:
        if not people:
            return
        c, t = self.canvas, self.text
        left, right = FRAME + 58 * mm, QR_X - 14 * mm
        slot = (right - left) / len(people)
        line_width = min(slot - 8 * mm, 62 * mm)
        for i, person in enumerate(people):
            centre = left + slot * (i + 0.5)
            c.setStrokeColor(INK)
            c.setLineWidth(0.6)
            c.line(centre - line_width / 2, 118, centre + line_width / 2, 118)
            c.setFillColor(INK)
            name = clean(person.name)
            size = t.fit_size(name, line_width, 10.5, min_size=7, bold=True)
            t.draw(c, t.truncate(name, line_width, size, bold=True), centre, 105, size, bold=True, align=CENTRE)
            c.setFillColor(MUTED)
            y = 93.0
            for title in lang.pick(clean(person.title), clean(person.title_zh)):  # en+zh: the Chinese title below
                size, lines = 8.5, t.wrap(title, line_width, 8.5)
                if len(lines) > 2:  # two lines at full size read better than one tiny line
                    size, lines = t.fit_lines(title, line_width, 8, min_size=6.5, max_lines=2)
                for line in lines:
                    t.draw(c, line, centre, y, size, align=CENTRE)
                    y -= size + 1.5


# -- rendering ---------------------------------------------------------------------------------------------------

def _canvas(buffer: io.BytesIO, items: Sequence[CertificateData]) -> Canvas:
    first = items[0] if items else None
    chinese = first is not None and first.language.code == ZH
    title = (f"结业证书 – {first.seminar_title_zh or first.seminar_title}" if chinese
             else f"Certificates – {first.seminar_title}" if first else "Certificates")
    c = DocCanvas(buffer, pagesize=PAGE, pageCompression=1, initialFontName="LH-Sans", lang="zh-CN" if chinese else "en")
    c.setTitle(title)
    c.setAuthor(CREATOR)
    c.setSubject("结业证书" if chinese else "Certificates of participation")
    c.setCreator(CREATOR)
    return c


def render_pages(items: Sequence[CertificateData], fonts: FontSet,
            each: Callable[[int], None] | None = None) -> Rendered:
    text = TextDrawer(fonts)
    buffer = io.BytesIO()
    canvas = _canvas(buffer, items)
    pages = _Pages(canvas, text)
    for n, item in enumerate(items):
        if each is not None:
            each(n)
        pages.page(item)
    canvas.save()
    return Rendered(buffer.getvalue(), len(items), tuple(sorted(text.missing)))


def progress_checker(total: int, progress: Callable[[int, int], Any] | None,
             cancelled: Callable[[], bool] | None) -> Callable[[int], None]:
    def each(done: int) -> None:
        if progress is not None and done:
            progress(done, total)
        if cancelled is not None and cancelled():
            raise Cancelled(f"stopped after {done} of {total} certificates")
    return each


def render_certificates(
    items: Sequence[CertificateData], *, progress: Callable[[int, int], Any] | None = None,
    cancelled: Callable[[], bool] | None = None, fonts: FontSet | None = None,
) -> Rendered:
    """All certificates in one PDF, one page each, in the order given; refuses an
    empty batch (a PDF without pages helps nobody)."""
    items = list(items)
    if not items:
        from ..core.errors import ValidationError
        from ..core.messages import QT_TRANSLATE_NOOP

        raise ValidationError(QT_TRANSLATE_NOOP("core", "there is no certificate to print"), where="certificates")
    check_logos(items)
    rendered = render_pages(items, fonts or font_set(), progress_checker(len(items), progress, cancelled))
    if progress is not None and items:
        progress(len(items), len(items))
    return rendered


def check_logos(items: Sequence[CertificateData]) -> None:
    """Refuse a missing or unreadable logo before any page is drawn, naming the file."""
    from reportlab.lib.utils import ImageReader

    from ..core.errors import ValidationError
    from ..core.messages import QT_TRANSLATE_NOOP

    for path in {path for item in items for path in item.logos}:
        try:
            ImageReader(str(path)).getSize()
        except Exception as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "cannot read logo {path}: {error}"), where="logos",
                                  path=str(path), error=str(exc)) from None
