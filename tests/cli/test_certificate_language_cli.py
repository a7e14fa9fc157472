"""`certificates --lang` and `signin --lang` on the demo programme; a language not offered exits 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.pdftext import squash


def _first_page(path: Path) -> str:
    return squash(PdfReader(path).pages[0].extract_text())


@pytest.fixture
def demo(cli):  # noqa: ANN001, ANN201
    code, _out, err = cli("demo")
    assert code == 0, err
    return cli


def test_certificates_in_chinese_both_and_the_seminars_default(demo, tmp_path: Path) -> None:  # noqa: ANN001
    pages = {}
    for lang in ("zh", "en+zh", "en", None):
        target = tmp_path / f"{lang or 'default'}.pdf"
        issued = demo.json("certificates", "--seminar", "1", "-o", str(target), *(["--lang", lang] if lang else []))
        assert issued and len(PdfReader(target).pages) == len(issued)
        pages[lang] = _first_page(target)
    assert "结业证书" in pages["zh"] and "公园城市项目" in pages["zh"] and "CertificateofParticipation" not in pages["zh"]
    assert "2020年7月13日至17日" in pages["zh"] and "证书编号" in pages["zh"]
    assert "CertificateofParticipation" in pages["en+zh"] and "结业证书" in pages["en+zh"]
    assert "结业证书" not in pages["en"] and "公园城市项目" not in pages["en"]
    assert pages[None] == pages["en+zh"]  # the demo's Park City settings: bilingual
    code, out, _ = demo("verify", demo.json("certificates", "--seminar", "1", "--list")[0]["code"])
    assert code == 0 and "Park City Project" in out  # the register keeps the main title


def test_the_bilingual_setting_still_chooses_the_default(demo, tmp_path: Path) -> None:  # noqa: ANN001
    code, out, err = demo("seminar", "certificate", "1", "--english-only")
    assert code == 0 and "English wording" in out, err
    target = tmp_path / "c.pdf"
    demo.json("certificates", "--seminar", "1", "-o", str(target))
    assert "结业证书" not in _first_page(target)


def test_signin_in_chinese(demo, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "sheet.pdf"
    code, out, err = demo("signin", "--session", "1", "-o", str(target), "--lang", "zh")
    assert code == 0, err
    page = _first_page(target)
    for expected in ("签到表", "开幕式", "公园城市项目", "2020年7月13日星期一", "序号", "姓名", "单位", "签名", "第1页"):
        assert expected in page, expected


@pytest.mark.parametrize("command", [["certificates", "--seminar", "1", "-o", "{dir}/c.pdf"],
                                     ["signin", "--session", "1", "-o", "{dir}/s.pdf"]])
def test_a_language_not_offered_exits_2(demo, tmp_path: Path, command: list[str],  # noqa: ANN001
                                       capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        demo(*[x.format(dir=tmp_path) for x in command], "--lang", "fr")
    assert info.value.code == 2 and "invalid choice: 'fr'" in capsys.readouterr().err
    assert list(tmp_path.glob("*.pdf")) == []
