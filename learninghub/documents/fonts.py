"""Which font draws which character, so names print right in every script.

Latin, Greek and Cyrillic use the vendored DejaVu Sans, embedded in every PDF.
Chinese, Korean and Japanese use an installed TrueType CJK font when one exists
(reportlab reads TrueType outlines only: CFF fonts such as Noto Sans CJK are
skipped), else reportlab's built-in CID fonts, which need nothing installed.
Text is split into runs by script so "李佳 (Jia Li)" switches font mid-line.

Loading a CJK TrueType font takes ~0.1 s, so it happens only when a document
first holds such text, once per process.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby
from pathlib import Path

from .. import config

SANS = "LH-Sans"
SANS_BOLD = "LH-Sans-Bold"

LATIN, HAN, HANGUL, KANA = "latin", "han", "hangul", "kana"
#: Scripts drawn by a CJK font, with a character the font must have to be chosen for it.
CJK_PROBES: dict[str, str] = {HAN: "中", HANGUL: "한", KANA: "あ"}
#: reportlab's built-in CID fonts: always available, not embedded (viewers supply the glyphs).
CID_FONTS: dict[str, str] = {HAN: "STSong-Light", HANGUL: "HYSMyeongJo-Medium", KANA: "HeiseiMin-W3"}
#: Set to "0" to ignore installed CJK fonts and use the CID fonts (tests, reproducible output).
SYSTEM_FONTS_ENV = "LEARNINGHUB_PDF_SYSTEM_FONTS"
#: Extra TrueType font files to try first, separated by os.pathsep.
EXTRA_FONTS_ENV = "LEARNINGHUB_PDF_CJK_FONTS"

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
#: Installed TrueType CJK fonts, best first (Debian/Ubuntu, Fedora, macOS, Windows).
SYSTEM_CJK_FONTS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
    Path("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf"),
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/System/Library/Fonts/STHeiti Light.ttc"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
    Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
    _WINDOWS_FONTS / "msyh.ttc",
    _WINDOWS_FONTS / "simsun.ttc",
    _WINDOWS_FONTS / "malgun.ttf",
    _WINDOWS_FONTS / "msgothic.ttc",
)
#: The bold face that goes with an installed CJK font, where the system has one (a file,
#: or a file and the index of the face in a collection). A font without one is drawn
#: heavy instead (:mod:`.heavy`): filled and outlined.
CJK_BOLD_FACES: dict[Path, Path | tuple[Path, int]] = {
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"): Path("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
    Path("/System/Library/Fonts/STHeiti Light.ttc"): Path("/System/Library/Fonts/STHeiti Medium.ttc"),
    _WINDOWS_FONTS / "msyh.ttc": _WINDOWS_FONTS / "msyhbd.ttc",
    _WINDOWS_FONTS / "malgun.ttf": _WINDOWS_FONTS / "malgunbd.ttf",
}

_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xFFA0, 0xFFDC))
_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F), (0x1B000, 0x1B16F))
_HAN = ((0x2E80, 0x2FDF), (0x3190, 0x319F), (0x31C0, 0x31EF), (0x3200, 0x33FF), (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
#: CJK punctuation and full-width forms: drawn with the CJK text around them.
_CJK_NEUTRAL = ((0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
NEUTRAL = "cjk-neutral"
REPLACEMENT = "\ufffd"


def _within(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def script_of(ch: str) -> str:
    """The script class of one character: latin (everything DejaVu is for), han, hangul, kana."""
    cp = ord(ch)
    if cp < 0x1100:
        return LATIN
    if _within(cp, _HANGUL):
        return HANGUL
    if _within(cp, _KANA):
        return KANA
    if _within(cp, _HAN):
        return HAN
    if _within(cp, _CJK_NEUTRAL):
        return NEUTRAL
    return LATIN


@dataclass(frozen=True)
class Font:
    """A registered font: its reportlab name, what it covers, and its name inside the PDF."""

    name: str
    covers: Callable[[int], bool]
    pdf_name: str
    embedded: bool
    #: Where it was read from (TrueType fonts): (file, index of the face in a collection).
    source: tuple[Path, int] | None = None


def _ttf(name: str, path: Path, subfont: int = 0) -> Font:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, str(path), subfontIndex=subfont)
    pdfmetrics.registerFont(font)
    glyphs = font.face.charToGlyph
    face_name = font.face.name
    pdf_name = face_name.decode("latin-1") if isinstance(face_name, bytes) else str(face_name)
    return Font(name, glyphs.__contains__, pdf_name, True, (path, subfont))


@cache
def _cid(script: str) -> Font:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    name = CID_FONTS[script]
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    own = {HAN: _HAN, HANGUL: _HANGUL + _HAN, KANA: _KANA + _HAN}[script]

    def covers(cp: int) -> bool:  # UCS-2 encodings reach the Basic Multilingual Plane only
        return cp <= 0xFFFF and (_within(cp, own) or _within(cp, _CJK_NEUTRAL))

    return Font(name, covers, name, False)


@lru_cache(maxsize=1)
def _vendored() -> tuple[Font, Font]:
    """DejaVu Sans regular and bold from resources/fonts, registered once per process
    (with <b> and <i> mapped onto them: there is no italic face)."""
    from reportlab.lib.fonts import addMapping

    sans = _ttf(SANS, config.resource_path("fonts", "DejaVuSans.ttf"))
    bold = _ttf(SANS_BOLD, config.resource_path("fonts", "DejaVuSans-Bold.ttf"))
    for is_bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
        addMapping(SANS, is_bold, italic, SANS_BOLD if is_bold else SANS)
    return sans, bold


_installed: dict[tuple[Path, int], Font | None] = {}
_installed_lock = threading.Lock()


def _open_installed(path: Path, subfont: int = 0) -> Font | None:
    """An installed font file (a face of a collection) opened once per process (under one
    name), or None if it is missing or reportlab cannot read it (CFF outlines, a damaged file)."""
    key = (path, subfont)
    with _installed_lock:
        if key not in _installed:
            font = None
            if path.is_file():
                try:
                    font = _ttf(f"LH-CJK-{len(_installed) + 1}", path, subfont)
                except Exception:  # TTFError for CFF outlines, or any malformed file: just not usable
                    font = None
            _installed[key] = font
        return _installed[key]


class FontSet:
    """The fonts a document may use, CJK ones loaded on first need."""

    def __init__(self, *, system_fonts: bool = True, candidates: Iterable[Path] | None = None,
                 bold_faces: Mapping[Path, Path | tuple[Path, int]] | None = None) -> None:
        self.system_fonts = system_fonts
        self._candidates = list(candidates if candidates is not None else _default_candidates())
        self._bold_faces = dict(CJK_BOLD_FACES if bold_faces is None else bold_faces)
        self._bold: dict[str, Font] = {}
        self._lock = threading.Lock()
        self.sans, self.sans_bold = _vendored()
        self._loaded: list[Font] = []  # installed TrueType CJK fonts opened so far
        self._tried = 0  # how many candidates have been opened (or failed)
        self._by_script: dict[str, Font] = {}

    def _open_next(self) -> Font | None:
        """Open the next usable installed CJK font, skipping files reportlab cannot read."""
        while self.system_fonts and self._tried < len(self._candidates):
            path = self._candidates[self._tried]
            self._tried += 1
            font = _open_installed(path)
            if font is not None:
                self._loaded.append(font)
                return font
        return None

    def for_script(self, script: str) -> Font:
        """The font for ``script`` (latin, han, hangul, kana)."""
        if script == LATIN:
            return self.sans
        found = self._by_script.get(script)
        if found is not None:
            return found
        with self._lock:
            probe = ord(CJK_PROBES[script])
            found = next((f for f in self._loaded if f.covers(probe)), None)
            while found is None:
                opened = self._open_next()
                if opened is None:
                    break
                if opened.covers(probe):
                    found = opened
            if found is None:
                found = _cid(script)
            self._by_script[script] = found
            return found

    def bold(self, font: Font) -> Font:
        """The bold of ``font``: DejaVu Sans Bold for DejaVu Sans; for a CJK font, its bold
        face when one is installed (:data:`CJK_BOLD_FACES`), else the font drawn heavy
        (filled and outlined, :mod:`.heavy`)."""
        if font.name in (SANS, SANS_BOLD):
            return self.sans_bold
        found = self._bold.get(font.name)
        if found is not None:
            return found
        with self._lock:
            face = self._bold_faces.get(font.source[0]) if font.source is not None else None
            real = _open_installed(*(face if isinstance(face, tuple) else (face, 0))) if face is not None else None
            probes = [ord(c) for c in CJK_PROBES.values() if font.covers(ord(c))]
            if real is not None and all(real.covers(p) for p in probes):
                found = real
            else:  # no bold face (or one that lacks the font's scripts): the font drawn heavy
                from .heavy import heavy_alias

                found = Font(heavy_alias(font.name), font.covers, font.pdf_name, font.embedded, font.source)
            self._bold[font.name] = found
            return found

    def bold_pieces(self, font: Font, piece: str) -> list[tuple[str, str]]:
        """``piece``, set in ``font``, as (font name, text) runs in bold: the bold font
        (:meth:`bold`) where it has the character, ``font`` where it lacks it (DejaVu Sans
        Bold lacks a few mathematical letters: they stay regular rather than vanish)."""
        bold = self.bold(font)
        if bold.covers is font.covers or (bold is self.sans_bold and piece.isascii()):
            return [(bold.name, piece)]
        return [(bold.name if in_bold else font.name, "".join(chars))
                for in_bold, chars in groupby(piece, key=lambda ch: ch.isspace() or bold.covers(ord(ch)))]

    def covering(self, cp: int, script: str) -> Font | None:
        """Some font that has the character ``cp``: one in use, else another installed
        font, else (for CJK) the built-in CID font of its script."""
        known = [self.sans, *self._loaded, *self._by_script.values()]
        found = next((f for f in known if f.covers(cp)), None)
        if found is not None:
            return found
        with self._lock:
            while (opened := self._open_next()) is not None:
                if opened.covers(cp):
                    return opened
        if script in CID_FONTS:
            cid = _cid(script)
            return cid if cid.covers(cp) else None
        return None


def _default_candidates() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(EXTRA_FONTS_ENV, "").split(os.pathsep) if p.strip()]
    return extra + list(SYSTEM_CJK_FONTS)


@lru_cache(maxsize=4)
def font_set(system_fonts: bool | None = None) -> FontSet:
    """The shared font set; ``system_fonts=None`` follows $LEARNINGHUB_PDF_SYSTEM_FONTS (default on)."""
    if system_fonts is None:
        system_fonts = os.environ.get(SYSTEM_FONTS_ENV, "1").strip().lower() not in {"0", "no", "false", "off"}
    return FontSet(system_fonts=system_fonts)


def _segment_scripts(text: str) -> list[str]:
    """The script of each character; a run of Han with kana in it is Japanese, CJK
    punctuation goes with the CJK text it stands in."""
    scripts = [script_of(ch) for ch in text]
    i = 0
    while i < len(scripts):
        if scripts[i] not in (HAN, KANA, NEUTRAL):
            i += 1
            continue
        j = i
        while j < len(scripts) and scripts[j] in (HAN, KANA, NEUTRAL):
            j += 1
        segment = scripts[i:j]
        if KANA in segment:
            chosen = KANA
        elif HAN in segment:
            chosen = HAN
        else:  # punctuation alone: with the CJK text just before it, else Chinese
            chosen = next((s for s in reversed(scripts[:i]) if s != LATIN), HAN) if i else HAN
            chosen = chosen if chosen in (HAN, HANGUL, KANA) else HAN
        scripts[i:j] = [chosen] * (j - i)
        i = j
    return scripts


def split_runs(text: str, fonts: FontSet, missing: set[str] | None = None) -> list[tuple[Font, str]]:
    """``text`` as (font, piece) runs. A character no font has is added to ``missing``
    and printed as U+FFFD '�', the mark for "cannot be shown here" (an unknown glyph
    would print as an empty box and extract as nothing)."""
    if text.isascii():
        return [(fonts.sans, text)] if text else []
    runs: list[tuple[Font, list[str]]] = []
    for ch, script in zip(text, _segment_scripts(text)):
        font = fonts.for_script(script)
        cp = ord(ch)
        if not font.covers(cp) and not ch.isspace():
            other = fonts.covering(cp, script)
            if other is not None:
                font = other
            elif ch.isprintable():
                if missing is not None:
                    missing.add(ch)
                font, ch = fonts.sans, REPLACEMENT
        if runs and runs[-1][0] is font:
            runs[-1][1].append(ch)
        else:
            runs.append((font, [ch]))
    return [(font, "".join(chars)) for font, chars in runs]
