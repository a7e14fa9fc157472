"""QR matrices: both encoders give symbols a reader decodes, and the merged rectangles
cover exactly the dark modules, each once."""

from __future__ import annotations

import pytest

from learninghub.documents import qr

zxingcpp = pytest.importorskip("zxingcpp")
Image = pytest.importorskip("PIL.Image")

TEXTS = ["7K3M-Q9XT-2WPA", "https://verify.example.org/c/7K3M-Q9XT-2WPA", "李佳 김민준 " * 8]


def picture(matrix: qr.QrMatrix, scale: int = 6) -> object:
    """The symbol as a black-on-white image with its quiet zone, drawn from the rectangles."""
    quiet = qr.QUIET_MODULES
    side = (matrix.size + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    for x, y, w, h in matrix.rects:
        image.paste(0, ((x + quiet) * scale, (y + quiet) * scale, (x + quiet + w) * scale, (y + quiet + h) * scale))
    return image


@pytest.mark.parametrize("using", ["zxing", "segno"])
@pytest.mark.parametrize("text", TEXTS)
def test_the_symbol_decodes_back_to_its_text(using: str, text: str) -> None:
    pytest.importorskip("segno" if using == "segno" else "zxingcpp")
    matrix = qr.encode(text, using=using)
    found = zxingcpp.read_barcodes(picture(matrix))
    assert [r.text for r in found] == [text]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode


@pytest.mark.parametrize("using", ["zxing", "segno"])
def test_rectangles_cover_each_dark_module_once(using: str) -> None:
    pytest.importorskip("segno" if using == "segno" else "zxingcpp")
    size, cells = qr._BACKENDS[using]("7K3M-Q9XT-2WPA", "M")
    matrix = qr.encode("7K3M-Q9XT-2WPA", using=using)
    covered = [[0] * size for _ in range(size)]
    for x, y, w, h in matrix.rects:
        for row in range(y, y + h):
            for col in range(x, x + w):
                covered[row][col] += 1
    assert all(covered[r][c] == cells[r * size + c] for r in range(size) for c in range(size))
    # Merging is worth it: far fewer rectangles than dark modules.
    assert len(matrix.rects) < sum(cells) / 2


def test_a_short_code_is_the_smallest_symbol_and_the_path_is_integers() -> None:
    matrix = qr.encode("7K3M-Q9XT-2WPA")
    assert matrix.size == 21  # version 1 at level M
    operators = matrix.path().split()
    assert operators[-1] == "f" and all(op.isdigit() or op == "re" for op in operators[:-1])


def test_empty_text_is_refused() -> None:
    with pytest.raises(ValueError, match="needs some text"):
        qr.encode("")
