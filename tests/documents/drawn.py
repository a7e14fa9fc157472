"""What a rendered PDF page draws, piece by piece, as PDFium reads it back: each text
object's text, font, size, render mode and box. Text extraction (pypdf) says *what* a
page says; this says *how*: bold or not, where, and whether two lines overlap."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FILL_STROKE = 2  # PDF text render mode 2: glyphs filled and outlined (bold for a font without a bold face)


@dataclass(frozen=True)
class Drawn:
    text: str
    font: str  # the PDF font's base name, subset prefix included ('AAAAAA+DejaVuSans-Bold')
    mode: int  # text render mode
    size: float
    box: tuple[float, float, float, float]  # left, bottom, right, top in points, the origin at the bottom left

    @property
    def bold(self) -> bool:
        """Drawn in a bold face, or filled and outlined."""
        return "Bold" in self.font or self.mode == FILL_STROKE


def drawn(pdf: bytes | Path, page: int = 0) -> list[Drawn]:
    """The text objects of ``page`` in drawing order, forms (reused page parts) included."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        one = document[page]
        textpage = one.get_textpage()
        found = []
        for obj in one.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=4, textpage=textpage):
            text = obj.extract().replace("\x02", "-")  # PDFium reads a hyphen ending a line as U+0002
            if not text.strip():
                continue
            found.append(Drawn(text, obj.get_font().get_base_name(), raw.FPDFTextObj_GetTextRenderMode(obj),
                               round(obj.get_font_size(), 2), tuple(round(v, 2) for v in obj.get_bounds())))
        return found
    finally:
        document.close()


def pieces(pdf: bytes | Path, page: int = 0) -> str:
    """The page's text as drawn, each piece marked: '*李佳*' bold, '李佳' not (for messages)."""
    return " ".join(f"*{d.text}*" if d.bold else d.text for d in drawn(pdf, page))
