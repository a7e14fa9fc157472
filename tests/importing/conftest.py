"""Import fixtures: spreadsheets written by the tests themselves, in the encodings offices use."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest


def csv_bytes(rows: Sequence[Sequence[object]], *, delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    path.write_bytes(csv_bytes(rows, delimiter=delimiter).encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Participants"
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


#: A cell and the indentation after it: spaces pack best, so 1 GiB of these packs into about 2 MB.
_BOMB_CELL = b'<c t="inlineStr"><is><t>x</t></is></c>\n' + b" " * 2048


def _deflated_run(unit: bytes, size: int) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, length) of ``unit`` repeated to about ``size`` bytes, made fast and
    small: one 1 MiB piece compressed with a full flush (the compressor starts afresh after it, so every
    piece compresses to the same bytes) repeated, then an empty final block."""
    import zlib

    piece = unit * ((1 << 20) // len(unit))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(piece) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = max(1, size // len(piece))
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(piece, crc)
    return packed * count + b"\x03\x00", crc, len(piece) * count


def write_zip_bomb(path: Path, unpacked: int = 1 << 30, *, declared: int | None = None) -> Path:
    """An .xlsx whose sheet is a run of identical cells unpacking to ``unpacked`` bytes (1 GiB: a
    file of about 1 MB), written part by part as zipfile would (ZIP_DEFLATED) but without deflating a
    gigabyte. ``declared`` makes the sheet lie about its size in the archive's directories."""
    import struct
    import zlib

    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    sheet, crc, size = _deflated_run(_BOMB_CELL, unpacked)
    small = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"/>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                           b'2006/main"><sheets><sheet name="Bomb" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/worksheets/sheet0.xml": head + b"<sheetData/></worksheet>",
    }
    parts: list[tuple[str, bytes, int, int]] = []
    for name, content in small.items():
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        parts.append((name, compressor.compress(content) + compressor.flush(), zlib.crc32(content), len(content)))
    parts.append(("xl/worksheets/sheet1.xml", sheet, crc, size if declared is None else declared))
    out, directory = bytearray(), bytearray()
    for name, packed, checksum, length in parts:
        raw = name.encode()
        offset = len(out)
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, checksum, len(packed), length)
        out += b"PK\x03\x04" + fields + struct.pack("<HH", len(raw), 0) + raw + packed
        directory += (b"PK\x01\x02" + struct.pack("<H", 20) + fields
                      + struct.pack("<HHHHHII", len(raw), 0, 0, 0, 0, 0, offset) + raw)
    out += directory + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts), len(directory),
                                                   len(out), 0)
    path.write_bytes(bytes(out))
    return path
