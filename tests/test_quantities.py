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
        ("Урожай составит 117,3 млн тонн.", "117,3 млн тонн", 117.3e6, "t"),
        ("Отгрузили 16 270 тонн угля.", "16 270 тонн", 16270, "t"),
        ("Выпуск составил 4,7 млн т.", "4,7 млн т", 4.7e6, "t"),
        ("Надои: 635,8 тыс. т молока.", "635,8 тыс. т", 635800, "t"),
        ("Сбор 1,2 тыс. тонн.", "1,2 тыс. тонн", 1200, "t"),
        ("Длина моста 2,7 км.", "2,7 км", 2.7, "km"),
        ("Зона затопления 3,5 км².", "3,5 км²", 3.5, "km**2"),
        ("Подтоплено 145 кв. км.", "145 кв. км", 145, "km**2"),
        ("Посевы 7,6 млн га.", "7,6 млн га", 7.6e6, "ha"),
        ("Пожары охватили 11 740 гектаров.", "11 740 гектаров", 11740, "ha"),
        ("Добыча 163,9 млрд кубометров газа.", "163,9 млрд кубометров", 163.9e9, "m**3"),
        ("Вывезли триста тысяч кубометров.", "триста тысяч кубометров", 300_000, "m**3"),
        ("Приняли 11,8 млн литров молока.", "11,8 млн литров", 11.8e6, "L"),
        ("Энергоблок мощностью 650 МВт.", "650 МВт", 650, "MW"),
        ("Мощность 1,6 ГВт.", "1,6 ГВт", 1.6, "GW"),
        ("Выработка 3,8 млрд кВт·ч.", "3,8 млрд кВт·ч", 3.8e9, "kWh"),
        ("Мороз достиг минус 47 градусов.", "минус 47 градусов", -47, "degC"),
        ("Жара до +36 °C.", "36 °C", 36, "degC"),
        ("Выпало 83 мм осадков.", "83 мм", 83, "mm"),
        ("Запасы оцениваются в 46,2 тонны.", "46,2 тонны", 46.2, "t"),
        ("Два литра воды.", "Два литра", 2, "L"),
        ("Упаковка 400 г.", "400 г", 400, "g"),
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
        ("Nhập khoảng ba triệu tấn sắn.", "ba triệu tấn", 3e6, "t"),
        ("Thu hoạch 38 nghìn tấn xoài.", "38 nghìn tấn", 38000, "t"),
        ("Tuyến dài 1.384 km.", "1.384 km", 1384, "km"),
        ("Ngập khoảng 275 km2.", "275 km2", 275, "km**2"),
        ("Lũ làm ngập 1.470 ha ngô.", "1.470 ha", 1470, "ha"),
        ("Hồ chứa 6,4 tỷ m3 nước.", "6,4 tỷ m3", 6.4e9, "m**3"),
        ("Tiêu thụ 4,6 tỷ lít sữa.", "4,6 tỷ lít", 4.6e9, "L"),
        ("Khai thác 7,3 triệu thùng dầu thô.", "7,3 triệu thùng", 7.3e6, "barrel"),
        ("Nhiệt độ lên tới 38,2 độ C.", "38,2 độ C", 38.2, "degC"),
        ("Nhiệt độ xuống âm 4 độ C.", "âm 4 độ C", -4, "degC"),
        ("Phụ tải đạt 19.300 MW.", "19.300 MW", 19300, "MW"),
        ("Sản lượng 29,4 tỷ kWh.", "29,4 tỷ kWh", 29.4e9, "kWh"),
        ("Lượng mưa vượt 230 mm.", "230 mm", 230, "mm"),
        ("Mỗi thùng 16 kg.", "16 kg", 16, "kg"),
        ("Mỗi miếng nặng 12,5 g.", "12,5 g", 12.5, "g"),
        ("Mực nước đạt 104,2 m.", "104,2 m", 104.2, "m"),
        ("Nhà máy xử lý 500 tấn mỗi ngày.", "500 tấn mỗi ngày", 500, "t/d"),
        ("Nhà máy xay 80 tấn gạo mỗi ngày.", "80 tấn gạo mỗi ngày", 80, "t/d"),
        ("Một gói nặng 200 g.", "200 g", 200, "g"),
        ("Kho chứa 12 . 500 tấn gạo .", "12 . 500 tấn", 12_500, "t"),
    ],
    "en": [
        ("Output reached 28.5 million tonnes.", "28.5 million tonnes", 28.5e6, "t"),
        ("It bought 4 million barrels of crude.", "4 million barrels", 4e6, "barrel"),
        ("A barge holding half a million barrels.", "half a million barrels", 5e5, "barrel"),
        ("The terminal handled 47,000 t of coal.", "47,000 t", 47000, "t"),
        ("Floods destroyed 1,650 hectares.", "1,650 hectares", 1650, "ha"),
        ("Fires burned 64,200 square kilometres.", "64,200 square kilometres", 64200, "km**2"),
        ("It exported 7.3 billion cubic metres.", "7.3 billion cubic metres", 7.3e9, "m**3"),
        ("It generated 3.7 billion kilowatt-hours.", "3.7 billion kilowatt-hours", 3.7e9, "kWh"),
        ("The 1,400 MW wind farm.", "1,400 MW", 1400, "MW"),
        ("A deal for 450 megawatts.", "450 megawatts", 450, "MW"),
        ("Temperatures hit 41.3C.", "41.3C", 41.3, "degC"),
        ("Temperatures fell to -23°C.", "-23°C", -23, "degC"),
        ("A 260-kilometre line.", "260-kilometre", 260, "km"),
        ("The reservoir dropped 1.7 metres.", "1.7 metres", 1.7, "m"),
        ("Hailstones up to 4 cm wide.", "4 cm", 4, "cm"),
        ("Storms dropped 95 mm of rain.", "95 mm", 95, "mm"),
        ("Each gets 5 litres of oil.", "5 litres", 5, "L"),
        ("Walk nine mile.", "nine mile", 9, "mi"),
        ("Buy two pounds of meat.", "two pounds", 2, "lb"),
        ("The catch weighed 14 pounds.", "14 pounds", 14, "lb"),
        ("Add 3/4 cup.", "3/4 cup", 0.75, "cup"),
        ("Pour a liter.", "a liter", 1, "L"),
        ("It is 7 feet, 10 inches tall.", "7 feet, 10 inches", 94, "inch"),
        ("A 3 km and 4 meter walk.", "3 km and 4 meter", 3004, "m"),
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
        "Звоните 8 800 555-17-42 с 9:00.",
        "Согласно статье 78, стр. 45.",
        "Поставят 14 самолётов МС-21-300 и Су-57.",
        "На предприятиях работают 42 тыс. человек.",
        "Цена 45 рублей за литр.",
        "Сделка на $420m.",
        "Квадратный метр жилья подорожал.",
        "5 г. Москва",
    ],
    "vi": [
        "Trong đó có 15 loại đất hiếm và 3 người mất tích.",
        "Gọi đường dây nóng 1900 5454.",
        "Theo Nghị định số 47/2024/NĐ-CP.",
        "Tỷ số 3-1, bán được 16.000 vé.",
        "Giá 68,9 đô la/thùng, 350 đồng/lít.",
        "Động đất 5,2 độ Richter.",
        "Mẫu xe VF 8, công suất 180.000 xe mỗi năm.",
        "Tàu đến lúc 6 g chiều, về lúc 21 g 30.",
        "Đội nhà thắng 3 - 1 , theo công văn 415 của sở .",
    ],
    "en": [
        "Call 1-800-555-0198 between 9 a.m. and 5 p.m.",
        "See page 22 of the report, Section 232.",
        "The airline ordered 18 Boeing 737 MAX 8 jets.",
        "It will cut 2,300 jobs in 2024.",
        "Platinum rose to $1,027.40 an ounce.",
        "Oil at $83 per barrel.",
        "After the 4-2 win, the iPhone 15 sold out.",
        'The "Group of 7" met.',
        'Shells fell near posts 31 and 32", the agency said.',
        "They lined up in a 1-4-3-2-1 formation and won 2-1.",
        "It raised £48m.",
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
