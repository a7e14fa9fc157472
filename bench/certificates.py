"""Time a batch of 1,000 certificates with QR codes and mixed-script names.

Why: the issue's budget is 1,000 certificates with QR codes and names in every
script in <= 3 s into one PDF on this 2-core machine; reportlab's stock
``QrCodeWidget`` caps such a batch at ~28 pages/s. This prints the figures.

How: names are drawn from a fixed random seed, a fifth each Chinese, Korean,
Cyrillic, Greek and Latin (some long, some with accents), each with its Latin
form; every certificate gets a fresh code (``certcodes.new_code``). It times:

1. encoding one QR code with zxing-cpp (used) and segno (the fallback);
2. the one-file batch through ``render_certificates``: the first run in this
   process (fonts loaded then) and the median of the following runs;
3. the split batch through ``render_certificate_files`` into a temporary folder,
   as it runs by default (two processes from 150 files) and in one process;
4. for comparison, pages with reportlab's ``QrCodeWidget`` instead (``--compare``).

    python -m bench.certificates [--count N] [--runs N] [--lang en|zh|en+zh] [--compare] [--strict]

Without --lang, half the pages are English and half English + Chinese (the seminar
setting); --lang prints them all in one language (the Chinese title and city given).

Figures are printed, and the exit code is 0 whatever they are, unless --strict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable

from learninghub.core import certcodes
from learninghub.documents import qr
from learninghub.documents.certificate_files import render_certificate_files
from learninghub.documents.certificate_pdf import CertificateData, Signatory, render_certificates

BUDGET_S = 3.0
SEED = 20200713

HAN_FAMILY = "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
HAN_GIVEN = "佳伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂睿雨桐晓"
HANGUL_FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
HANGUL_GIVEN = "민준서연지우하은도현수빈예진시우지호윤아현"
CYRILLIC = [("Александра", "Aleksandra"), ("Константин", "Konstantin"), ("Ольга", "Olga"), ("Дмитрий", "Dmitry")]
CYRILLIC_FAMILY = [("Петрова", "Petrova"), ("Иванов", "Ivanov"), ("Смирнова", "Smirnova"), ("Кузнецов", "Kuznetsov")]
GREEK = [("Δημήτρης Παπαδόπουλος", "Dimitris Papadopoulos"), ("Ελένη Γεωργίου", "Eleni Georgiou"),
         ("Νίκος Οικονόμου", "Nikos Oikonomou")]
LATIN = ["Núria Puig i Ferrer", "Jordi Casals Vidal", "Anna Müller", "Francesca Martelli", "Zoë Ångström",
         "Maximiliano Alejandro Fernández de la Torre y Guzmán-Villalobos", "Luca Ferraris", "Siobhán Ó Briain"]
SIGNATORIES = (Signatory("Octavi de la Varga", "Secretary General, Metropolis"),
               Signatory("王晓明", "Director, Chengdu Foreign Affairs Office"),
               Signatory("김수진", "Head of Training, Seoul Human Resource Development Center"))


def batch(count: int, rng: random.Random) -> list[CertificateData]:
    """``count`` certificates, one script in five each, fresh codes."""
    items = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            name = rng.choice(HAN_FAMILY) + rng.choice(HAN_GIVEN) + rng.choice(HAN_GIVEN) * rng.randint(0, 1)
            latin: str | None = f"Jia {rng.choice(['Li', 'Wang', 'Zhang'])}"
        elif kind == 1:
            name = rng.choice(HANGUL_FAMILY) + rng.choice(HANGUL_GIVEN) + rng.choice(HANGUL_GIVEN)
            latin = f"Kim Min-{rng.choice(['jun', 'seo', 'ji'])}"
        elif kind == 2:
            (given, given_latin), (family, family_latin) = rng.choice(CYRILLIC), rng.choice(CYRILLIC_FAMILY)
            name, latin = f"{given} {family}", f"{given_latin} {family_latin}"
        elif kind == 3:
            name, latin = rng.choice(GREEK)
        else:
            name, latin = rng.choice(LATIN), None
        items.append(CertificateData(
            code=certcodes.format_code(certcodes.new_code()), holder_name=name, holder_latin=latin,
            seminar_title="Park City Project: planning green and liveable cities", city="Chengdu",
            first_day=dt.date(2020, 7, 13), last_day=dt.date(2020, 7, 17), hours=rng.choice([18, 22.5, 24]),
            issued_on=dt.date(2020, 7, 17), signatories=SIGNATORIES, bilingual=i % 2 == 0,
        ))
    return items


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def qr_figures(codes: list[str]) -> None:
    print("QR code, one symbol (encode + merged rectangles):")
    for using in ("zxing", "segno"):
        try:
            seconds = timed(lambda: [qr.encode(code, using=using).path() for code in codes])
        except ImportError:
            print(f"  {using:6s} not installed")
            continue
        note = "  (used)" if using == qr.backend() else ""
        print(f"  {using:6s} {seconds / len(codes) * 1000:6.3f} ms{note}")


def stock_widget_pages(items: list[CertificateData]) -> float:
    """Pages per second with reportlab's QrCodeWidget drawn as the stock recipe does."""
    import io

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfgen.canvas import Canvas

    def run() -> None:
        canvas = Canvas(io.BytesIO())
        for item in items:
            widget = QrCodeWidget(item.code)
            x0, y0, x1, y1 = widget.getBounds()
            drawing = Drawing(68, 68, transform=[68 / (x1 - x0), 0, 0, 68 / (y1 - y0), 0, 0])
            drawing.add(widget)
            renderPDF.draw(drawing, canvas, 700, 40)
            canvas.showPage()
        canvas.save()

    return len(items) / timed(run)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.certificates", description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000, help="certificates in the batch (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="warm runs of the one-file batch (default 3)")
    ap.add_argument("--lang", choices=("en", "zh", "en+zh"), help="every page in this language")
    ap.add_argument("--compare", action="store_true", help="also time 100 pages of reportlab's QrCodeWidget")
    ap.add_argument("--strict", action="store_true", help="exit 1 when the budget is missed")
    args = ap.parse_args(argv)

    items = batch(args.count, random.Random(SEED))
    if args.lang:
        import dataclasses

        items = [dataclasses.replace(item, lang=args.lang, seminar_title_zh="公园城市项目：规划绿色宜居城市",
                                     city_zh="成都") for item in items]
    qr_figures([item.code for item in items[:500]])

    first = timed(lambda: render_certificates(items))
    warm = [timed(lambda: render_certificates(items)) for _ in range(args.runs)]
    rendered = render_certificates(items)
    median = statistics.median(warm) if warm else first
    print(f"One PDF, {args.count} certificates ({len(rendered.data) / 1e6:.1f} MB):")
    print(f"  first run {first:6.2f} s  {args.count / first:6.0f} pages/s  (fonts loaded in this run)")
    print(f"  median    {median:6.2f} s  {args.count / median:6.0f} pages/s  (of {len(warm)} more runs)")

    print("Split, one file per person:")
    for workers, label in ((None, "default"), (1, "1 process")):
        with tempfile.TemporaryDirectory(prefix="lh-certs-") as folder:
            split = timed(lambda: render_certificate_files(items, folder, workers=workers))
        print(f"  {label:9s} {split:6.2f} s  {args.count / split:6.0f} files/s")

    if args.compare:
        print(f"reportlab QrCodeWidget, QR alone: {stock_widget_pages(items[:100]):6.0f} pages/s")

    ok = first <= BUDGET_S
    print(f"  {'PASS' if ok else 'FAIL'}  {args.count} certificates into one PDF <= {BUDGET_S:.0f} s "
          f"(first run {first:.2f} s)")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
