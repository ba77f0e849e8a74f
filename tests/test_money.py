"""MONEY per language: value with scale, ISO 4217 code; prices per unit keep only the money."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.model import Document
from factx.rules.money import MoneyExtractor
from factx.testing import check_extractor, check_robust

LANGS = ("ru", "vi", "en")


@pytest.fixture(scope="module", params=LANGS)
def extractor(request: pytest.FixtureRequest) -> MoneyExtractor:
    return MoneyExtractor(request.param)


def found(lang: str, text: str) -> list[tuple[str, float, str | None]]:
    mentions = check_extractor(MoneyExtractor(lang), [text], lang)
    return [(m.text, m.value, m.unit) for m in mentions]


CASES = {
    "ru": [
        ("Дефицит составит 2,3 трлн рублей.", "2,3 трлн рублей", 2.3e12, "RUB"),
        ("Выручка достигла 387 млрд руб.", "387 млрд руб", 387e9, "RUB"),
        ("Цена 57 300 рублей за тонну.", "57 300 рублей", 57300, "RUB"),
        ("Зарплата 97,3 тыс. рублей.", "97,3 тыс. рублей", 97_300, "RUB"),
        ("Ремонт обойдётся в 3 120 млн рублей.", "3 120 млн рублей", 3.12e9, "RUB"),
        ("Убытки — полтора миллиарда рублей.", "полтора миллиарда рублей", 1.5e9, "RUB"),
        ("Разместит ОФЗ на 35 млрд ₽.", "35 млрд ₽", 35e9, "RUB"),
        ("Нефть по $63,4 за баррель.", "$63,4", 63.4, "USD"),
        ("Экспорт принёс 9,6 млрд долл. США.", "9,6 млрд долл. США", 9.6e9, "USD"),
        ("Сделка оценена в 715 млн USD.", "715 млн USD", 715e6, "USD"),
        ("Инвестиции 2,3 млрд евро.", "2,3 млрд евро", 2.3e9, "EUR"),
        ("Расчёты достигли 275 млрд юаней.", "275 млрд юаней", 275e9, "CNY"),
        ("Стоит один доллар.", "один доллар", 1, "USD"),
        ("Всего 20 долларов 43 цента.", "20 долларов 43 цента", 20.43, "USD"),
        ("Цена 10к$.", "10к$", 10_000, "USD"),
        ("Курс 57 BGN.", "57 BGN", 57, "BGN"),
        ("Машину продали за $15,000.", "$15,000", 15_000, "USD"),
        (
            "Долг превысил полтриллиона, а затем более триллиона рублей.",
            "триллиона рублей",
            1e12,
            "RUB",
        ),
        (
            "Выручка составила 12,4 миллиона кипрских фунтов.",
            "12,4 миллиона кипрских фунтов",
            12.4e6,
            "CYP",
        ),
        ("Кредит в 80 млн немецких марок.", "80 млн немецких марок", 80e6, "DEM"),
        ("Заём в 30 млн марок.", "30 млн марок", 30e6, "DEM"),
        ("Штраф составил 700 dollars.", "700 dollars", 700, "USD"),
        ("Клуб заплатил 40 млн фунтов.", "40 млн фунтов", 40e6, "GBP"),
    ],
    "vi": [
        ("Mỹ đã chi khoảng 350 tỷ đô la cho Kiev.", "350 tỷ đô la", 350e9, "USD"),
        ("Xuất khẩu đạt 4,37 tỷ USD.", "4,37 tỷ USD", 4.37e9, "USD"),
        ("Tổng vốn 3.200 tỷ đồng.", "3.200 tỷ đồng", 3.2e12, "VND"),
        ("Vốn đầu tư 128.470 tỷ đồng.", "128.470 tỷ đồng", 128_470e9, "VND"),
        ("Ngân sách 173 ngàn tỷ đồng.", "173 ngàn tỷ đồng", 173e12, "VND"),
        ("Dư nợ 10,7 triệu tỷ đồng.", "10,7 triệu tỷ đồng", 10.7e15, "VND"),
        ("Giá 23.640 đồng/lít.", "23.640 đồng", 23640, "VND"),
        ("Lên 57 nghìn đồng/kg.", "57 nghìn đồng", 57000, "VND"),
        ("Doanh thu 3.800 tỉ đồng.", "3.800 tỉ đồng", 3.8e12, "VND"),
        ("Giải ngân 437.000 tỷ VND.", "437.000 tỷ VND", 437e12, "VND"),
        ("Thu về 3,6 tỷ VNĐ.", "3,6 tỷ VNĐ", 3.6e9, "VND"),
        ("Vay tối đa bốn trăm triệu đồng.", "bốn trăm triệu đồng", 400e6, "VND"),
        ("Mục tiêu 18 tỷ đô la Mỹ.", "18 tỷ đô la Mỹ", 18e9, "USD"),
        ("Giá 3.870 USD/tấn.", "3.870 USD", 3870, "USD"),
        ("Giá 1.450 nhân dân tệ.", "1.450 nhân dân tệ", 1450, "CNY"),
        ("Tài trợ 700 triệu yên.", "700 triệu yên", 700e6, "JPY"),
        ("Hợp đồng 1,35 tỷ euro.", "1,35 tỷ euro", 1.35e9, "EUR"),
        ("Giá 10K đồng.", "10K đồng", 10_000, "VND"),
        ("Chiếc xe giá 12,000 USD.", "12,000 USD", 12_000, "USD"),
        ("Vé giá 2.500 рублей .", "2.500 рублей", 2500, "RUB"),
        ("Mỗi suất 350 . 000 đ .", "350 . 000 đ", 350_000, "VND"),
    ],
    "en": [
        ("Aid totalled $350bn.", "$350bn", 350e9, "USD"),
        ("A €1.2 billion loan.", "€1.2 billion", 1.2e9, "EUR"),
        ("It received 620,000 yuan.", "620,000 yuan", 620_000, "CNY"),
        ("It pledged £72m.", "£72m", 72e6, "GBP"),
        ("Revenue rose to $5.18 billion.", "$5.18 billion", 5.18e9, "USD"),
        ("Jets worth US$4.6 billion.", "US$4.6 billion", 4.6e9, "USD"),
        ("Worth about USD 2.7 billion.", "USD 2.7 billion", 2.7e9, "USD"),
        ("A 108.5 trillion yen budget.", "108.5 trillion yen", 108.5e12, "JPY"),
        ("A 587.4 trillion won budget.", "587.4 trillion won", 587.4e12, "KRW"),
        ("It cost 64 million dollars.", "64 million dollars", 64e6, "USD"),
        ("Platinum rose to $1,027.40 an ounce.", "$1,027.40", 1027.4, "USD"),
        ("Paid 3.4 million euros.", "3.4 million euros", 3.4e6, "EUR"),
        ("It costs $30 and 27c.", "$30 and 27c", 30.27, "USD"),
        ("Only ten cents.", "ten cents", 0.1, "USD"),
        ("Less than a dollar a day.", "a dollar", 1, "USD"),
        ("It is 5 lakh rupees.", "5 lakh rupees", 500_000, "INR"),
        ("Paid RM42.", "RM42", 42, "MYR"),
        ("Fined 10 dinars.", "10 dinars", 10, None),
        ("The ticket cost 40 pounds.", "40 pounds", 40, "GBP"),
        ("A grant of 3 million pounds.", "3 million pounds", 3e6, "GBP"),
        ("Tallinn paid 900 kroons.", "900 kroons", 900, "EEK"),
        ("Sales of 45 million kronor.", "45 million kronor", 45e6, "SEK"),
        ("A loan of 60 million marks.", "60 million marks", 60e6, "DEM"),
        ("A fee of 75 BGN.", "75 BGN", 75, "BGN"),
        ("It cost NZ $ 12 million.", "NZ $ 12 million", 12e6, "NZD"),
        ("The fee is 900 рублей.", "900 рублей", 900, "RUB"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "span", "value", "code"),
    [(lang, *case) for lang, cases in CASES.items() for case in cases],
)
def test_money(lang: str, text: str, span: str, value: float, code: str | None) -> None:
    assert found(lang, text) == [(span, pytest.approx(value), code)]


# A price per something keeps its currency as the unit and says what it is per.
PER = {
    "ru": [
        ("Нефть торговалась по $61,3 за баррель.", "$61,3", "USD", "bbl"),
        ("Пособие составит 500 рублей на человека.", "500 рублей", "RUB", "person"),
        ("Компания теряет 3 млн долларов в день.", "3 млн долларов", "USD", "d"),
        ("Дивиденд 12 рублей за акцию.", "12 рублей", "RUB", "share"),
    ],
    "vi": [
        ("Mỗi hộ được hỗ trợ 3 triệu đồng / người.", "3 triệu đồng", "VND", "person"),
        ("Giá 23.640 đồng/lít.", "23.640 đồng", "VND", "L"),
        ("Lương 8 triệu đồng mỗi tháng.", "8 triệu đồng", "VND", "month"),
    ],
    "en": [
        ("Brent settled at $81.25 a barrel.", "$81.25", "USD", "bbl"),
        ("It pays a dividend of 40 cents per share.", "40 cents", "USD", "share"),
        ("Rooms cost £90 per night.", "£90", "GBP", "night"),
        ("Aid of $5bn a year.", "$5bn", "USD", "year"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "span", "code", "per"),
    [(lang, *case) for lang, cases in PER.items() for case in cases],
)
def test_price_per_something(lang: str, text: str, span: str, code: str, per: str) -> None:
    mentions = check_extractor(MoneyExtractor(lang), [text], lang)
    assert [(m.text, m.unit, m.per) for m in mentions] == [(span, code, per)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Diesel went from $3.90 to $4.15 a gallon.",
            [("$3.90", "gallon"), ("$4.15", "gallon")],
        ),
        (
            "ru",
            "Цена выросла с 60 до 75 долларов за баррель.",
            [("60", "bbl"), ("75 долларов", "bbl")],
        ),
        ("vi", "Giá tăng từ 20.000 lên 23.000 đồng/lít.", [("20.000", "L"), ("23.000 đồng", "L")]),
    ],
)
def test_joined_prices_share_what_they_are_per(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    mentions = check_extractor(MoneyExtractor(lang), [text], lang)
    assert [(m.text, m.per) for m in mentions] == expected


def test_plain_amount_has_no_per() -> None:
    (m,) = MoneyExtractor("en").extract(Document("t", "It paid $40 in fees.", "en"))
    assert m.per is None


TRAPS = {
    "ru": [
        "В 2024 году выпущено 15 моделей.",
        "Урожайность 40 ц/га.",
        "Бензин АИ-95 подорожал на 3%.",
        "Звоните 8 800 555-17-42.",
        "Поставят 14 самолётов МС-21-300.",
        "В его коллекции 300 марок.",
        "Сотни миллионов людей.",
    ],
    "vi": [
        "Giá xăng RON 92 giảm nhẹ.",
        "Có 3 đồng chí và 5 đồng nghiệp dự họp.",
        "Hà Nội có 3 đô thị vệ tinh.",
        "Trận đấu có 3 bảng đấu.",
        "Tỷ số 3-1, bán được 16.000 vé.",
    ],
    "en": [
        "Euro 2024 starts in June.",
        "The team won 3 games.",
        "At 6 p.m. on Monday.",
        "He traded between $5 and 10.",  # the range end is no cents
        "Call 1-800-555-0198 or see page 22.",
        "PHP 8 and AMD 7000 chips.",
        "The parcel weighed 12 pounds.",
        "She scored 9 marks out of 10.",
        "She carried a ten pound sack of flour.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in TRAPS.items() for t in ts])
def test_trap(lang: str, text: str) -> None:
    got = found(lang, text)
    if text.startswith("He traded"):
        assert got == [("$5", 5.0, "USD")]
    else:
        assert got == []


# An amount no float holds (it would be infinity) is no mention; the rest of the text is.
BEYOND_A_FLOAT = [
    ("en", "9" * 400 + " USD, then $5.", [("$5", 5.0, "USD")]),
    ("en", "$" + "9" * 400 + " or $5.", [("$5", 5.0, "USD")]),
    ("en", "$5-" + "9" * 400 + " million.", []),
    ("en", "$" + "9" * 300 + " billion.", []),
    ("ru", "9" * 400 + " рублей и 5 рублей.", [("5 рублей", 5.0, "RUB")]),
    ("vi", "9" * 400 + " đô la và 5 đô la.", [("5 đô la", 5.0, "USD")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), BEYOND_A_FLOAT)
def test_amount_beyond_a_float_is_dropped(lang: str, text: str, expected: list) -> None:
    assert found(lang, text) == expected


def test_rejects_options() -> None:
    with pytest.raises(TypeError, match="unexpected keyword"):
        MoneyExtractor("en", currency="USD")


def test_robust(extractor: MoneyExtractor) -> None:
    check_robust(extractor, extractor.lang)


@given(text=st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text(text: str) -> None:
    for lang in LANGS:
        check_extractor(MoneyExtractor(lang), [text], lang)


MONEYISH = st.text(alphabet="0123456789 .,-$€£₽kKmb USD tỷ đồng руб млрд and và и c¢", max_size=300)


@given(text=MONEYISH)
@settings(max_examples=200, deadline=None)
def test_money_like_text(text: str) -> None:
    for lang in LANGS:
        check_extractor(MoneyExtractor(lang), [text], lang)


SEPARATED = ("0123456789 .,-/%$€\u00a0\u202f" * 60_000)[:1_000_000]


@pytest.mark.parametrize(
    "text",
    [SEPARATED, "7" * 1_000_000, ("1 234 567,89." * 80_000)[:1_000_000], "1,234," * 170_000],
    ids=["mixed", "digits", "groups", "commas"],
)
def test_megabyte_of_digits_finishes(extractor: MoneyExtractor, text: str) -> None:
    """No timing assertion (it would flake); the regex timeout raises on a hang."""
    list(extractor.extract(Document("big", text, extractor.lang)))


def test_dense_mentions_finish(extractor: MoneyExtractor) -> None:
    """100 KB that is all mentions: the per-mention work stays linear."""
    text = ("$1,234 " * 20_000)[:100_000]
    list(extractor.extract(Document("dense", text, extractor.lang)))
