"""World regions of the UN M49 standard (region and sub-region) by ISO 3166-1 alpha-2 code.

Why a table of our own: funders ask for participants by world region, and pycountry has
no M49 grouping. The grouping is the UN Statistics Division's (unstats.un.org/unsd/methodology/m49),
at the sub-region level it publishes (Sub-Saharan Africa and Latin America and the Caribbean
are not split further). Taiwan, not listed by M49, is put in Eastern Asia; Antarctica and any code
not listed fall in no region.
"""

from __future__ import annotations

from functools import cache

#: region code -> (English name, Chinese name)
REGIONS: dict[str, tuple[str, str]] = {
    "002": ("Africa", "非洲"),
    "019": ("Americas", "美洲"),
    "142": ("Asia", "亚洲"),
    "150": ("Europe", "欧洲"),
    "009": ("Oceania", "大洋洲"),
}

#: sub-region code -> (region code, English name, Chinese name, the countries in it)
SUB_REGIONS: dict[str, tuple[str, str, str, str]] = {
    "015": ("002", "Northern Africa", "北非", "DZ EG LY MA SD TN EH"),
    "202": ("002", "Sub-Saharan Africa", "撒哈拉以南非洲",
            ("AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU MW MZ NA "
            "NE NG RE RW SC SH SL SN SO SS ST SZ TD TF TG TZ UG YT ZA ZM ZW")),
    "419": ("019", "Latin America and the Caribbean", "拉丁美洲和加勒比",
            ("AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY "
            "LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI")),
    "021": ("019", "Northern America", "北美", "BM CA GL PM US"),
    "143": ("142", "Central Asia", "中亚", "KG KZ TJ TM UZ"),
    "030": ("142", "Eastern Asia", "东亚", "CN HK JP KP KR MN MO TW"),
    "035": ("142", "South-eastern Asia", "东南亚", "BN ID KH LA MM MY PH SG TH TL VN"),
    "034": ("142", "Southern Asia", "南亚", "AF BD BT IN IR LK MV NP PK"),
    "145": ("142", "Western Asia", "西亚", "AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE"),
    "151": ("150", "Eastern Europe", "东欧", "BG BY CZ HU MD PL RO RU SK UA"),
    "154": ("150", "Northern Europe", "北欧", "AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ"),
    "039": ("150", "Southern Europe", "南欧", "AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA"),
    "155": ("150", "Western Europe", "西欧", "AT BE CH DE FR LI LU MC NL"),
    "053": ("009", "Australia and New Zealand", "澳大利亚和新西兰", "AU CC CX HM NF NZ"),
    "054": ("009", "Melanesia", "美拉尼西亚", "FJ NC PG SB VU"),
    "057": ("009", "Micronesia", "密克罗尼西亚", "FM GU KI MH MP NR PW UM"),
    "061": ("009", "Polynesia", "波利尼西亚", "AS CK NU PF PN TK TO TV WF WS"),
}


@cache
def _by_country() -> dict[str, str]:
    return {country: code for code, (_, _, _, countries) in SUB_REGIONS.items() for country in countries.split()}


def sub_region_of(country: str | None) -> str | None:
    """The M49 sub-region code of an ISO alpha-2 country code, or None (no country, or none listed)."""
    return _by_country().get((country or "").upper())


def region_of(country: str | None) -> str | None:
    """The M49 region code ('142' Asia) of an ISO alpha-2 country code, or None."""
    sub = sub_region_of(country)
    return SUB_REGIONS[sub][0] if sub else None


def names(code: str) -> tuple[str, str]:
    """(English, Chinese) name of a region or sub-region code."""
    if code in REGIONS:
        return REGIONS[code]
    _, en, zh, _ = SUB_REGIONS[code]
    return en, zh
