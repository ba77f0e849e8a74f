"""QUANTITY per language: value with scale, pint unit; counts, years and codes give nothing."""

from __future__ import annotations

import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.model import Document
from factx.rules.quantities import QuantityExtractor
from factx.testing import check_extractor, check_robust

LANGS = ("ru", "vi", "en")


@pytest.fixture(scope="module", params=LANGS)
def extractor(request: pytest.FixtureRequest) -> QuantityExtractor:
    return QuantityExtractor(request.param)


def found(lang: str, text: str) -> list[tuple[str, float, str]]:
    ex = QuantityExtractor(lang)
    mentions = check_extractor(ex, [text], lang)
    return [(m.text, m.value, m.unit) for m in mentions]


CASES = {
    "ru": [
        ("Урожай составит 132,5 млн тонн.", "132,5 млн тонн", 132.5e6, "t"),
        ("Отгрузили 12 480 тонн угля.", "12 480 тонн", 12480, "t"),
        ("Выпуск составил 3,1 млн т.", "3,1 млн т", 3.1e6, "t"),
        ("Надои: 812,4 тыс. т молока.", "812,4 тыс. т", 812400, "t"),
        ("Сбор 1,2 тыс. тонн.", "1,2 тыс. тонн", 1200, "t"),
        ("Длина моста 3,2 км.", "3,2 км", 3.2, "km"),
        ("Зона затопления 3,5 км².", "3,5 км²", 3.5, "km**2"),
        ("Подтоплено 120 кв. км.", "120 кв. км", 120, "km**2"),
        ("Посевы 9,8 млн га.", "9,8 млн га", 9.8e6, "ha"),
        ("Пожары охватили 14 350 гектаров.", "14 350 гектаров", 14350, "ha"),
        ("Добыча 171,4 млрд кубометров газа.", "171,4 млрд кубометров", 171.4e9, "m**3"),
        ("Вывезли триста тысяч кубометров.", "триста тысяч кубометров", 300_000, "m**3"),
        ("Приняли 13,5 млн литров молока.", "13,5 млн литров", 13.5e6, "L"),
        ("Энергоблок мощностью 800 МВт.", "800 МВт", 800, "MW"),
        ("Мощность 1,2 ГВт.", "1,2 ГВт", 1.2, "GW"),
        ("Выработка 4,5 млрд кВт·ч.", "4,5 млрд кВт·ч", 4.5e9, "kWh"),
        ("Мороз достиг минус 52 градусов.", "минус 52 градусов", -52, "degC"),
        ("Жара до +38 °C.", "38 °C", 38, "degC"),
        ("Выпало 96 мм осадков.", "96 мм", 96, "mm"),
        ("Запасы оцениваются в 58,4 тонны.", "58,4 тонны", 58.4, "t"),
        ("Два литра воды.", "Два литра", 2, "L"),
        ("Упаковка 500 г.", "500 г", 500, "g"),
        ("Рост 2см.", "2см", 2, "cm"),
        ("Урожай 40 центнеров.", "40 центнеров", 4000, "kg"),
        ("Килограмм картофеля стоит 50 рублей.", "Килограмм", 1, "kg"),
        ("Урожайность 40 ц/га.", "40 ц/га", 4000, "kg/ha"),
        ("Поймали сома весом 90 фунтов.", "90 фунтов", 90, "lb"),
        ("Проложили 800-километровый газопровод.", "800-километровый", 800, "km"),
        ("Установили пятиметровую вышку.", "пятиметровую", 5, "m"),
        ("Остыл до 4 градусов по абсолютной шкале.", "4 градусов по абсолютной шкале", 4, "K"),
        ("Экспорт 7 млн баррелей в сутки.", "7 млн баррелей в сутки", 7e6, "bbl/d"),
        ("Добыча 2 млн тонн угля в год.", "2 млн тонн угля в год", 2e6, "t/year"),
        ("Поезд шёл со скоростью 90 километров в час.", "90 километров в час", 90, "km/h"),
    ],
    "vi": [
        ("Nga nắm giữ 658 triệu tấn kim loại hiếm.", "658 triệu tấn", 658e6, "t"),
        ("Trong đó 28,5 triệu tấn thuộc 15 loại đất hiếm.", "28,5 triệu tấn", 28.5e6, "t"),
        ("Xuất khẩu 10.000 tấn gạo.", "10.000 tấn", 10000, "t"),
        ("Nhập khoảng hai triệu tấn ngô.", "hai triệu tấn", 2e6, "t"),
        ("Thu hoạch 45 nghìn tấn thanh long.", "45 nghìn tấn", 45000, "t"),
        ("Tuyến dài 1.726 km.", "1.726 km", 1726, "km"),
        ("Ngập khoảng 320 km2.", "320 km2", 320, "km**2"),
        ("Lũ làm ngập 1.250 ha lúa.", "1.250 ha", 1250, "ha"),
        ("Hồ tích được 8,2 tỷ m3 nước.", "8,2 tỷ m3", 8.2e9, "m**3"),
        ("Tiêu thụ 5,3 tỷ lít bia.", "5,3 tỷ lít", 5.3e9, "L"),
        ("Khai thác 6,1 triệu thùng dầu thô.", "6,1 triệu thùng", 6.1e6, "barrel"),
        ("Nhiệt độ lên tới 39,5 độ C.", "39,5 độ C", 39.5, "degC"),
        ("Nhiệt độ xuống âm 2 độ C.", "âm 2 độ C", -2, "degC"),
        ("Phụ tải đạt 21.500 MW.", "21.500 MW", 21500, "MW"),
        ("Sản lượng 36,8 tỷ kWh.", "36,8 tỷ kWh", 36.8e9, "kWh"),
        ("Lượng mưa vượt 280 mm.", "280 mm", 280, "mm"),
        ("Mỗi thùng 18 kg.", "18 kg", 18, "kg"),
        ("Một lượng vàng nặng 37,5 g.", "37,5 g", 37.5, "g"),
        ("Mực nước đạt 113,5 m.", "113,5 m", 113.5, "m"),
        ("Nhà máy xử lý 500 tấn mỗi ngày.", "500 tấn mỗi ngày", 500, "t/d"),
        ("Nhà máy xay 80 tấn gạo mỗi ngày.", "80 tấn gạo mỗi ngày", 80, "t/d"),
        ("Một gói nặng 200 g.", "200 g", 200, "g"),
        ("Kho chứa 12 . 500 tấn gạo .", "12 . 500 tấn", 12_500, "t"),
    ],
    "en": [
        ("Output reached 28.5 million tonnes.", "28.5 million tonnes", 28.5e6, "t"),
        ("It bought 3 million barrels of crude.", "3 million barrels", 3e6, "barrel"),
        ("A tanker carrying half a million barrels.", "half a million barrels", 5e5, "barrel"),
        ("The port unloaded 62,000 t of coal.", "62,000 t", 62000, "t"),
        ("Floods destroyed 1,300 hectares.", "1,300 hectares", 1300, "ha"),
        ("Fires burned 78,500 square kilometres.", "78,500 square kilometres", 78500, "km**2"),
        ("It exported 9.6 billion cubic metres.", "9.6 billion cubic metres", 9.6e9, "m**3"),
        ("It generated 2.4 billion kilowatt-hours.", "2.4 billion kilowatt-hours", 2.4e9, "kWh"),
        ("The 1,200 MW wind farm.", "1,200 MW", 1200, "MW"),
        ("A deal for 600 megawatts.", "600 megawatts", 600, "MW"),
        ("Temperatures hit 44.6C.", "44.6C", 44.6, "degC"),
        ("Temperatures fell to -18°C.", "-18°C", -18, "degC"),
        ("A 340-kilometre line.", "340-kilometre", 340, "km"),
        ("Lake Mead dropped 2.1 metres.", "2.1 metres", 2.1, "m"),
        ("Hailstones up to 5 cm across.", "5 cm", 5, "cm"),
        ("Storms dropped 120 mm of rain.", "120 mm", 120, "mm"),
        ("Each gets 5 litres of oil.", "5 litres", 5, "L"),
        ("Walk eight mile.", "eight mile", 8, "mi"),
        ("Buy two pounds of meat.", "two pounds", 2, "lb"),
        ("The catch weighed 14 pounds.", "14 pounds", 14, "lb"),
        ("Add 3/4 cup.", "3/4 cup", 0.75, "cup"),
        ("Pour a liter.", "a liter", 1, "L"),
        ("It is 7 feet, 10 inches tall.", "7 feet, 10 inches", 94, "inch"),
        ("A 2 km and 1 meter walk.", "2 km and 1 meter", 2001, "m"),
        ("The field pumps 450,000 barrels a day.", "450,000 barrels a day", 450_000, "bbl/d"),
        ("Exports rose to 2.1 mb/d.", "2.1 mb/d", 2.1e6, "bbl/d"),
        ("They marched 6 km an hour.", "6 km an hour", 6, "km/h"),
        ("It took 5 kg and a day.", "5 kg", 5, "kg"),
        (
            "It pumps 3 million barrels of oil a day.",
            "3 million barrels of oil a day",
            3e6,
            "bbl/d",
        ),
        ("A limit of 50 km/h.", "50 km/h", 50, "km/h"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "span", "value", "unit"),
    [(lang, *case) for lang, cases in CASES.items() for case in cases],
)
def test_quantity(lang: str, text: str, span: str, value: float, unit: str) -> None:
    assert found(lang, text) == [(span, pytest.approx(value), unit)]


# Counts, years, codes, phone and page numbers, model names, rates, money: no QUANTITY.
TRAPS = {
    "ru": [
        "В 2024 г. выпущено 15 моделей.",
        "Звоните 8 800 200-34-11 с 9:00.",
        "Согласно статье 78, стр. 45.",
        "Поставят 12 самолётов МС-21-310 и Су-57.",
        "На предприятиях работают 37 тыс. человек.",
        "Цена 36 рублей за литр.",
        "Сделка на $350m.",
        "Квадратный метр жилья подорожал.",
        "5 г. Москва",
    ],
    "vi": [
        "Trong đó có 15 loại đất hiếm và 3 người mất tích.",
        "Gọi đường dây nóng 1900 6868.",
        "Theo Nghị định số 95/2025/NĐ-CP.",
        "Tỷ số 2-1, bán được 18.000 vé.",
        "Giá 71,4 đô la/thùng, 420 đồng/lít.",
        "Động đất 5,2 độ Richter.",
        "Mẫu xe VF 6, công suất 250.000 xe mỗi năm.",
        "Tàu đến lúc 6 g chiều, về lúc 21 g 30.",
        "Đội nhà thắng 3 - 1 , theo công văn 327 của sở .",
    ],
    "en": [
        "Call 1-800-555-0142 between 8 a.m. and 6 p.m.",
        "See page 14 of the notice, Section 301.",
        "The carrier ordered 25 Boeing 737 MAX 10 jets.",
        "It will cut 1,500 jobs in 2024.",
        "Palladium rose to $1,184.50 an ounce.",
        "Oil at $79 per barrel.",
        "After the 3-1 win, the iPhone 15 sold out.",
        'The "Group of 7" met.',
        'Shells fell near posts 31 and 32", the agency said.',
        "They lined up in a 1-4-3-2-1 formation and won 2-1.",
        "It raised £65m.",
        "a ton of work",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in TRAPS.items() for t in ts])
def test_trap_gives_nothing(lang: str, text: str) -> None:
    assert found(lang, text) == []


@pytest.mark.parametrize("lang", LANGS)
def test_units_are_pint_symbols(lang: str) -> None:
    ureg = pint.UnitRegistry()
    ex = QuantityExtractor(lang)
    for unit in {u.symbol for u in (*ex.units.words.values(), *ex.units.symbols.values())}:
        ureg.Unit(unit)


# An amount no float holds (it would be infinity) is no mention; the rest of the text is.
BEYOND_A_FLOAT = [
    ("en", "9" * 400 + " km, then 5 km.", [("5 km", 5.0, "km")]),
    ("en", "5-" + "9" * 400 + " km.", []),
    ("en", "9" * 300 + " billion tons.", []),
    ("ru", "9" * 400 + " тонн и 5 тонн.", [("5 тонн", 5.0, "t")]),
    ("vi", "9" * 400 + " tấn và 5 tấn.", [("5 tấn", 5.0, "t")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), BEYOND_A_FLOAT)
def test_amount_beyond_a_float_is_dropped(lang: str, text: str, expected: list) -> None:
    assert found(lang, text) == expected


def test_rejects_options() -> None:
    with pytest.raises(TypeError, match="unexpected keyword"):
        QuantityExtractor("en", model="x")


def test_robust(extractor: QuantityExtractor) -> None:
    check_robust(extractor, extractor.lang)


@given(text=st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text(text: str) -> None:
    for lang in LANGS:
        check_extractor(QuantityExtractor(lang), [text], lang)


UNITISH = st.text(alphabet="0123456789 .,-/%kmtгкмтnghìn tỷ triệu млн тонн tấn km²", max_size=300)


@given(text=UNITISH)
@settings(max_examples=200, deadline=None)
def test_unit_like_text(text: str) -> None:
    for lang in LANGS:
        check_extractor(QuantityExtractor(lang), [text], lang)


SEPARATED = ("0123456789 .,-/%$€\u00a0\u202f" * 60_000)[:1_000_000]


@pytest.mark.parametrize(
    "text",
    [SEPARATED, "7" * 1_000_000, ("1 234 567,89." * 80_000)[:1_000_000], "1,234," * 170_000],
    ids=["mixed", "digits", "groups", "commas"],
)
def test_megabyte_of_digits_finishes(extractor: QuantityExtractor, text: str) -> None:
    """No timing assertion (it would flake); the regex timeout raises on a hang."""
    list(extractor.extract(Document("big", text, extractor.lang)))


def test_dense_mentions_finish(extractor: QuantityExtractor) -> None:
    """100 KB that is all mentions: the per-mention work stays linear."""
    text = ("1 234 km " * 20_000)[:100_000]
    list(extractor.extract(Document("dense", text, extractor.lang)))


@pytest.mark.parametrize(
    ("lang", "text", "span", "unit", "per"),
    [
        ("en", "Rations of 2 kg per person.", "2 kg per person", "kg", "person"),
        ("ru", "Норма 3 литра на человека.", "3 литра на человека", "L", "person"),
        ("vi", "Khẩu phần 15 kg / người.", "15 kg / người", "kg", "person"),
    ],
)
def test_per_a_counted_thing_keeps_the_unit(
    lang: str, text: str, span: str, unit: str, per: str
) -> None:
    (m,) = check_extractor(QuantityExtractor(lang), [text], lang)
    assert (m.text, m.unit, m.per) == (span, unit, per)
