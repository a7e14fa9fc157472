"""Certificates and sign-in sheets in English, Chinese or both, read back with pypdf: the
Chinese wording, title, city and dates where asked, none where not; names always in their
own script; the QR code still decodes on a Chinese page; the demo's certificate settings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from learninghub.core.services import certificate_eligibility, certificate_settings, certificates, demo, seminars
from learninghub.documents import certificate_pdf as cp
from learninghub.documents import certificates_batch, signin_pdf
from learninghub.documents.certificate_pdf import Signatory
from learninghub.documents.signin_pdf import SigninLine, SigninSheet
from tests.documents.test_certificate_pdf import certificate
from tests.pdftext import page_texts, squash

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SIGNATORIES = (Signatory("Núria Puig i Ferrer", "Learning Hub Programme Manager, Metropolis", "世界大都市协会学习中心项目经理"),
               Signatory("王浩然", "Director, Chengdu Foreign Affairs Office", "成都市人民政府外事办公室处长"))
PEOPLE = [("李佳", "Jia Li"), ("김민준", "Kim Min-jun"), ("Александра Петрова", "Aleksandra Petrova"),
          ("Anna Müller", None)]


def _page(lang: str | None, **kw: object) -> str:
    fields: dict[str, object] = dict(seminar_title_zh="公园城市项目", city_zh="成都", signatories=SIGNATORIES, lang=lang)
    fields.update(kw)
    item = certificate(str(fields.pop("name", "李佳")), fields.pop("latin", "Jia Li"), **fields)  # type: ignore[arg-type]
    return squash(page_texts(cp.render_certificates([item]).data)[0])


def test_chinese_certificate_reads_as_a_chinese_certificate() -> None:
    flat = _page("zh", hours=29)
    for expected in ("结业证书", "兹证明", "李佳", "JiaLi", "于2020年7月13日至17日在成都参加了", "公园城市项目",
                     "共29学时，特发此证。", "颁发日期：2020年7月17日", "证书编号", "7K3M-Q9XT-2WPA",
                     "Núria Puig i Ferrer", "世界大都市协会学习中心项目经理", "王浩然", "成都市人民政府外事办公室处长"):
        assert squash(expected) in flat, expected
    for english in ("Certificate of Participation", "This is to certify", "took part", "Park City Project",
                    "Chengdu", "July", "hours", "Issued", "Certificate no", "Learning Hub Programme Manager"):
        assert squash(english) not in flat, english


def test_chinese_falls_back_to_the_main_title_and_city_name() -> None:
    flat = _page("zh", seminar_title_zh=None, city_zh=None, hours=None,
                 signatories=(Signatory("Octavi de la Varga", "Secretary General"),))
    assert squash("ParkCityProject") in flat and "在Chengdu参加了" in flat and "特发此证。" in flat
    assert "学时" not in flat and squash("Secretary General") in flat  # no Chinese title given: the one there is


def test_a_city_without_a_chinese_name_is_named_in_latin_on_chinese_lines() -> None:
    """Incheon's own name is 인천: a Chinese sentence names it Incheon, never in Hangul."""
    korean = _page("zh", name="김서연", latin="Seo-yeon Kim", city="Incheon", city_zh="인천")
    assert "于2020年7月13日至17日在Incheon参加了" in korean and "인천" not in korean
    both = _page("en+zh", name="김서연", latin="Seo-yeon Kim", city="Incheon", city_zh="인천")
    assert "2020年7月13日至17日·Incheon" in both and "인천" not in both
    assert "在Ioannina参加了" in _page("zh", city="Ioannina", city_zh="Ιωάννινα")
    assert "在成都参加了" in _page("zh")  # a Chinese city's own name is its Chinese name


def test_both_languages_print_the_chinese_under_the_english() -> None:
    flat = _page("en+zh", hours=22.5)
    for expected in ("Certificate of Participation", "结业证书", "This is to certify that", "兹证明", "took part in",
                     "参加了", "Park City Project", "公园城市项目", "Chengdu · 13–17 July 2020", "2020年7月13日至17日 · 成都",
                     "22.5 hours", "共22.5学时", "Issued 17 July 2020", "颁发日期：2020年7月17日",
                     "Certificate no. / 证书编号", "Learning Hub Programme Manager, Metropolis", "世界大都市协会学习中心项目经理"):
        assert squash(expected) in flat, expected
    assert flat.index(squash("Park City Project")) < flat.index("公园城市项目") < flat.index(squash("13–17 July 2020"))


def test_english_has_no_chinese_wording_only_names() -> None:
    flat = _page("en")
    assert squash("Certificate of Participation") in flat and squash("Park City Project") in flat
    assert "李佳" in flat and "王浩然" in flat  # names stay in their own script
    assert not CJK.search(flat.replace("李佳", "").replace("王浩然", "")), flat


def test_lang_overrides_the_bilingual_setting_and_none_follows_it() -> None:
    assert "结业证书" not in _page("en", bilingual=True)
    assert "结业证书" in _page(None, bilingual=True)
    assert "CertificateofParticipation" in _page(None, bilingual=False)
    assert certificate("Li", bilingual=True).language.code == "en+zh"
    assert certificate("Li", lang="zh").language.code == "zh"


@pytest.mark.parametrize("lang", ["zh", "en+zh"])
def test_names_are_printed_in_their_own_script_and_in_latin(lang: str) -> None:
    items = [certificate(name, latin, seminar_title_zh="公园城市项目", lang=lang) for name, latin in PEOPLE]
    texts = [squash(t) for t in page_texts(cp.render_certificates(items).data)]
    for text, (name, latin) in zip(texts, PEOPLE):
        assert squash(name) in text and (latin is None or squash(latin) in text)
        assert "结业证书" in text and "公园城市项目" in text


def test_the_qr_code_decodes_on_a_chinese_page() -> None:
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 renders the page (pip install pypdfium2)")
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp decodes the QR code")
    items = [certificate("李佳", "Jia Li", code="7K3M-Q9XT-2WPA", seminar_title_zh="公园城市项目", lang=lang,
                         signatories=SIGNATORIES) for lang in ("zh", "en+zh")]
    found = []
    for page in pdfium.PdfDocument(cp.render_certificates(items).data):
        image = page.render(scale=150 / 72).to_pil()  # 150 dpi, as an office scanner or phone sees it
        found.append([r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode])
    assert found == [["7K3M-Q9XT-2WPA"], ["7K3M-Q9XT-2WPA"]]


def test_hours_in_chinese() -> None:
    assert (cp.hours_text_zh(24), cp.hours_text_zh(22.5), cp.hours_text_zh(10), cp.hours_text_zh(9.25)) == (
        "共24学时", "共22.5学时", "共10学时", "共9.2学时")


# ---------------------------------------------------------------- the demo and the batch
@pytest.fixture
def park(db) -> int:
    with db.transaction() as s:
        demo.load_demo(s)
        return next(x.id for x in seminars.list_seminars(s) if x.title == "Park City Project")


def test_the_demo_loads_park_citys_certificate_settings(db, park) -> None:
    with db.reading() as s:
        st = certificate_settings.get_settings(s, park)
        rows = certificate_eligibility.eligibility(s, park)
    assert st.rule == certificate_settings.Rule(60.0, 6.0) and st.bilingual and st.lang == "en+zh" and st.version == 1
    assert [(x.name, bool(x.title), bool(x.title_zh)) for x in st.signatories] == [
        ("Núria Puig i Ferrer", True, True), ("王浩然", True, True)]
    eligible = {r.name for r in rows if r.eligible}
    chinese = {n for n in eligible if CJK.search(n)}
    assert len(chinese) >= 8 and len(eligible - chinese) >= 3, eligible  # on site and online delegations both
    assert "Elena Moreno Ibáñez" in eligible  # online afternoons only, enough hours


def test_the_batch_prints_in_the_asked_language_and_the_register_keeps_the_main_title(db, park, tmp_path: Path):
    out = tmp_path / "documents"
    out.mkdir()
    result = certificates_batch.make_certificates(db, park, output=out / "zh.pdf", lang="zh")
    flat = squash(page_texts(out / "zh.pdf")[0])
    assert "结业证书" in flat and "公园城市项目" in flat and "在成都参加了" in flat and "2020年7月" in flat
    assert "国际交流处处长" in flat and "证书编号" in flat
    certificates_batch.make_certificates(db, park, output=out / "default.pdf")  # the settings: en+zh
    both = squash(page_texts(out / "default.pdf")[0])
    assert squash("Certificate of Participation") in both and "结业证书" in both and "公园城市项目" in both
    with db.reading() as s:
        answer = certificates.verify(s, result.certificates[0].code)
    assert answer.status == "valid" and answer.seminar_title == "Park City Project"


def test_the_korean_seminars_chinese_certificates_name_incheon_in_latin(db, park, tmp_path: Path) -> None:
    with db.reading() as s:
        yeonsu = next(x.id for x in seminars.list_seminars(s) if x.title.startswith("Yeonsu 2021"))
    result = certificates_batch.make_certificates(db, yeonsu, output=tmp_path / "zh.pdf", lang="zh")
    pages = [squash(text) for text in page_texts(tmp_path / "zh.pdf")]
    assert len(pages) == len(result.certificates) >= 1
    assert all("在Incheon参加了" in page and "인천" not in page for page in pages), pages


def test_a_language_not_offered_is_refused(db, park, tmp_path: Path) -> None:
    from learninghub.core.errors import ValidationError

    with pytest.raises(ValidationError, match="--lang"):
        certificates_batch.make_certificates(db, park, output=tmp_path / "x.pdf", lang="fr")
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------- sign-in sheets
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _sheet(lines: list[SigninLine]) -> SigninSheet:
    return SigninSheet(7, "Opening ceremony", "Park City Project", "Hall A",
                       dt.datetime(2020, 7, 13, 9, 0, tzinfo=SHANGHAI), dt.datetime(2020, 7, 13, 9, 45, tzinfo=SHANGHAI),
                       "Asia/Shanghai", tuple(lines), "开幕式", "公园城市项目")


LINES = [SigninLine("李佳", "Jia Li", "Chengdu Foreign Affairs Office"), SigninLine("Anna Müller", None, "Metropolis"),
         SigninLine("김서연", "Seo-yeon Kim", "Yeonsu-gu Office", waiting=True)]


def test_a_chinese_sign_in_sheet() -> None:
    rendered = signin_pdf.render_signin(_sheet(LINES), lang="zh", printed=dt.date(2026, 11, 23))
    [page] = [squash(t) for t in page_texts(rendered.data)]
    for expected in ("签到表", "开幕式", "公园城市项目", "2020年7月13日星期一09:00–09:45", "会场：HallA", "序号", "姓名",
                     "单位", "签名", "李佳", "JiaLi", "AnnaMüller", "김서연", "Yeonsu-guOffice·候补", "打印日期2026-11-23",
                     "第1页，共1页"):
        assert expected in page, expected
    for english in ("SIGN-IN", "Opening", "ParkCity", "Monday", "July", "Signature", "waiting", "Printed", "Page1"):
        assert english not in page, english


def test_a_sign_in_sheet_in_both_languages() -> None:
    rendered = signin_pdf.render_signin(_sheet(LINES), lang="en+zh", printed=dt.date(2026, 11, 23))
    [page] = [squash(t) for t in page_texts(rendered.data)]
    for expected in ("SIGN-INSHEET", "签到表", "Openingceremony", "开幕式", "ParkCityProject·公园城市项目",
                     "Monday13July2020", "2020年7月13日星期一", "Name/姓名", "Signature/签名", "waitinglist/候补",
                     "Page1of1"):
        assert expected in page, expected
    assert signin_pdf.rows_per_page("en+zh") < signin_pdf.rows_per_page("en") == signin_pdf.rows_per_page("zh")


def test_an_empty_chinese_sheet_says_so() -> None:
    [page] = page_texts(signin_pdf.render_signin(_sheet([]), lang="zh").data)
    assert "本研讨会尚无人报名。" in squash(page)
