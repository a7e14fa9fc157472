"""Bold for fonts that have no bold face: CJK text filled and outlined in its own colour.

Few CJK fonts ship a bold face (WenQuanYi Micro Hei has none). Without one, a bold
heading would print its Latin letters and digits bold and its Chinese characters
regular. Word processors embolden such text by drawing the glyphs filled and stroked
(PDF text render mode 2) with a thin outline in the text colour; this does the same.

A font without a bold face gets a *heavy alias* (:func:`heavy_alias`): another name
for the very same reportlab font object, so widths, subsets and the embedded font are
shared and nothing is embedded twice. Text set in the alias is drawn heavy by
:class:`HeavyText`, the text object of :class:`DocCanvas`, the canvas every document
draws on: Paragraphs (agendas, programmes) and ``drawString`` (certificates, badges,
sign-in sheets) alike. On any other canvas the alias prints as the regular face.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

#: The outline's width, in em: ~1/30 em, as word processors embolden CJK text.
STROKE = 0.03
#: Names of heavy aliases (fonts drawn filled and stroked).
HEAVY: set[str] = set()


def heavy_alias(font_name: str) -> str:
    """The name under which ``font_name`` prints heavy, registered once."""
    alias = f"{font_name}-Heavy"
    if alias not in HEAVY:
        font = pdfmetrics.getFont(font_name)
        twin = copy.copy(font)
        twin.fontName = alias
        if hasattr(twin, "name"):
            twin.name = alias  # CID fonts name their PDF resource after it
        # A TrueType font whose face is registered already becomes another name for that
        # font object (reportlab shares it by face name); a CID font gets its own resource.
        pdfmetrics.registerFont(twin)
        HEAVY.add(alias)
    return alias


class HeavyText(PDFTextObject):
    """A text object that draws heavy aliases filled and stroked (render mode 2) in the
    fill colour, and leaves the render mode, line width and stroke colour as it found
    them when it ends."""

    def __init__(self, canvas: Canvas, x: float = 0, y: float = 0, direction: Any = None) -> None:
        self._heavy = False
        self._fill = canvas._fillColorObj
        super().__init__(canvas, x, y, direction=direction)
        self._weight()

    def _setFont(self, psfontname: str, size: float) -> None:  # noqa: N802 (reportlab's names)
        super()._setFont(psfontname, size)
        self._weight()

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:  # noqa: N802
        super().setFont(psfontname, size, leading)
        self._weight()

    def setFillColor(self, aColor: Any, alpha: Any = None) -> None:  # noqa: N802, N803
        super().setFillColor(aColor, alpha)
        self._fill = aColor
        if self._heavy:
            self.setStrokeColor(aColor)

    def _weight(self) -> None:
        heavy = self._fontname in HEAVY
        if heavy:
            if not self._heavy:
                self._code.append("2 Tr")
                self.setStrokeColor(self._fill)
            self._code.append(f"{fp_str(self._fontsize * STROKE)} w")
        elif self._heavy:
            self._code.append("0 Tr")
        self._heavy = heavy

    def getCode(self) -> str:  # noqa: N802
        if self._heavy:  # the render mode, line width and stroke colour outlive the text object
            canvas = self._canvas
            self._code.append(f"0 Tr {fp_str(canvas._lineWidth)} w")
            self.setStrokeColor(canvas._strokeColorObj)
            self._heavy = False
        return super().getCode()


class DocCanvas(Canvas):
    """The canvas documents draw on: its text objects draw heavy aliases heavy."""

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802
        return HeavyText(self, x, y, direction=direction)
