"""Certificates as one file per person: safe file names from the holder's name, and a
large batch written by two processes.

Split from :mod:`.certificate_pdf` (which draws the pages) because this half is about
files and processes: a name that is legal on Windows, macOS and Linux whatever the
script, unique when two people share a name, and a batch of 1,000 files (each
embedding its own fonts, ~10 ms) shared across cores with progress and Cancel.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..filenames import RESERVED_NAMES, without_hidden
from .canvas_text import clean
from .certificate_pdf import Cancelled, CertificateData, check_logos, progress_checker, render_pages
from .fonts import FontSet, font_set


def render_certificate_files(
    items: Sequence[CertificateData], directory: str | os.PathLike[str], *,
    progress: Callable[[int, int], Any] | None = None, cancelled: Callable[[], bool] | None = None,
    fonts: FontSet | None = None, workers: int | None = None,
) -> list[Path]:
    """One PDF per certificate in ``directory`` (made if missing), named by
    :func:`file_names`; returns the paths in the order of ``items``. A file of the
    same name is replaced. Cancelled: the files written so far stay.

    Each file embeds its own fonts and logos (~10 ms a file), so a large batch is
    shared by ``workers`` processes (default: 2 from :data:`PARALLEL_FROM` files on
    a machine with 2 or more cores; 1 = all in this process).
    """
    items = list(items)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    fonts = fonts or font_set()
    check_logos(items)
    jobs = [(item, folder / name) for item, name in zip(items, file_names(items))]
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if len(items) >= PARALLEL_FROM else 1
    if workers > 1 and len(jobs) > 1:
        _write_in_processes(jobs, fonts, workers, progress, cancelled)
    else:
        check = progress_checker(len(items), progress, cancelled)
        for n, job in enumerate(jobs):
            check(n)
            _write_one(job, fonts)
    if progress is not None and items:
        progress(len(items), len(items))
    return [path for _item, path in jobs]


#: Split batches at least this large are shared by two processes (starting one takes ~0.5 s).
PARALLEL_FROM = 150
_CHUNK = 20


def _write_one(job: tuple[CertificateData, Path], fonts: FontSet) -> None:
    item, target = job
    rendered = render_pages([item], fonts)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(rendered.data)
    partial.replace(target)


_worker_fonts: FontSet | None = None


def _start_worker(system_fonts: bool, candidates: list[Path]) -> None:
    global _worker_fonts
    _worker_fonts = FontSet(system_fonts=system_fonts, candidates=candidates)


def _write_chunk(jobs: list[tuple[CertificateData, Path]]) -> int:
    fonts = _worker_fonts or font_set()
    for job in jobs:
        _write_one(job, fonts)
    return len(jobs)


def _write_in_processes(jobs: list[tuple[CertificateData, Path]], fonts: FontSet, workers: int,
                        progress: Callable[[int, int], Any] | None, cancelled: Callable[[], bool] | None) -> None:
    """Chunks of files written by ``workers`` fresh processes ("spawn": safe beside the
    GUI's threads, where forking is not); progress and Cancel between chunks."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    total = len(jobs)
    chunks = [jobs[i:i + _CHUNK] for i in range(0, total, _CHUNK)]
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                               initargs=(fonts.system_fonts, list(fonts._candidates)))
    try:
        pending = {pool.submit(_write_chunk, chunk) for chunk in chunks}
        done = 0
        while pending:
            if cancelled is not None and cancelled():
                raise Cancelled(f"stopped after {done} of {total} certificates")
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                done += future.result()
            if finished and progress is not None and done < total:
                progress(done, total)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- file names ------------------------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
#: Bytes a file name may take (most file systems allow 255), leaving room for a code and '.pdf'.
MAX_NAME_BYTES = 180


def safe_stem(text: str) -> str:
    """A file name stem from a person's name, safe on Windows, macOS and Linux: no path
    separators or characters Windows refuses, no control characters, no leading dot or
    trailing dot/space, not a reserved device name (CON, NUL, COM1...), at most
    :data:`MAX_NAME_BYTES` bytes; CJK and other scripts are kept."""
    stem = unicodedata.normalize("NFC", without_hidden(text or ""))
    stem = _UNSAFE.sub("_", stem)
    stem = " ".join(stem.split())
    stem = stem.strip(" .")
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if not stem:
        return "certificate"
    if stem.split(".")[0].strip().upper() in RESERVED_NAMES:
        stem = f"_{stem}"
    return stem


def _person_stem(item: CertificateData) -> str:
    name, latin = clean(item.holder_name), clean(item.holder_latin)
    return safe_stem(f"{name} {latin}" if latin and latin != name else name or latin)


def file_names(items: Sequence[CertificateData]) -> list[str]:
    """'李佳 Jia Li.pdf' for each item; people whose names would give the same file (case
    ignored, as Windows and macOS do) all get their certificate code added, so a name
    does not depend on the order of the batch."""
    stems = [_person_stem(item) for item in items]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem.casefold()] = counts.get(stem.casefold(), 0) + 1
    names: list[str] = []
    taken: set[str] = set()
    for item, stem in zip(items, stems):
        if counts[stem.casefold()] > 1:
            stem = f"{stem} {safe_stem(item.code)}"
        name, n = f"{stem}.pdf", 2
        while name.casefold() in taken:  # the same name and code twice: numbered
            name, n = f"{stem} ({n}).pdf", n + 1
        taken.add(name.casefold())
        names.append(name)
    return names
