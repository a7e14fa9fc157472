"""A workbook looked at before any reader opens it: a "zip bomb" (1 MB that unpacks to 1 GB), a part
lying about its size, a password, a damaged archive are refused here, unread; and whether its sheets
hold formulas (``reading.read_xlsx`` says so: imports take the values a spreadsheet last computed).
"""

from __future__ import annotations

import io
import re
import zipfile

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP

_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
#: Caps on what a workbook may unpack to, checked before any reader opens it: a "zip bomb" of
#: 1 MB unpacks to 1 GB. A sheet of 100,000 people unpacks to some 60 MB, and its XML packs
#: 5 to 30 times; a bomb packs about 1,000 times.
MAX_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 100
#: Parts of a workbook smaller than this are not held to MAX_RATIO (tiny files pack oddly).
_RATIO_FROM = 1024 * 1024
MAX_PARTS = 10_000
_CHUNK = 1024 * 1024


def megabytes(size: int) -> str:
    """A size as the refusals say it: "256 MB"."""
    return f"{size / (1024 * 1024):,.0f} MB"


def inspect_zip(data: bytes) -> bool:
    """Check a workbook before a reader opens it, and say whether its sheets hold formulas.

    The sizes its parts declare (zipfile infolist) must stay under MAX_UNPACKED in all and each
    part pack no more than MAX_RATIO times; then every part is unpacked in chunks, never whole,
    and zipfile holds each to its declared size and checksum, so a part lying about its size is
    refused too. Raises ValidationError (the caller names the file).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
            if len(parts) > MAX_PARTS:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "core", "is not a workbook we can read: it holds {count} files, more than the {cap} allowed"),
                    count=f"{len(parts):,}", cap=f"{MAX_PARTS:,}")
            total = sum(part.file_size for part in parts)
            if total > MAX_UNPACKED:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "core", "is refused unread: it would unpack to {size}, more than the {cap} a workbook may take "
                            "(a \"zip bomb\"?); split it, or save it as CSV"),
                    size=megabytes(total), cap=megabytes(MAX_UNPACKED))
            for part in parts:
                if part.file_size >= _RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "core", "is refused unread: its part {part} packs {size} into {packed}, more than {cap} "
                                "times (a \"zip bomb\"?); a real sheet packs 5 to 30 times"),
                        part=part.filename, size=megabytes(part.file_size),
                        packed=f"{part.compress_size:,} bytes", cap=MAX_RATIO)
            formulas = False
            for part in parts:
                sheet = part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml")
                with z.open(part) as stream:
                    tail = b""
                    while chunk := stream.read(_CHUNK):
                        if sheet and not formulas:
                            formulas = _FORMULA.search(tail + chunk) is not None
                            tail = chunk[-16:]
            return formulas
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        raise ValidationError(QT_TRANSLATE_NOOP(
            "core", "is a password-protected archive; save the workbook without a password")) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "is a damaged or unusual ZIP archive, not a workbook we "
                                                        "can read ({error})"), error=str(exc)) from exc
