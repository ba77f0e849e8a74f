"""DurationExtractor: per-language case tables, traps that must give nothing (dates, clock
times, rates, ages) and robustness on any text."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.model import Document
from factx.rules.duration_units import iso_duration
from factx.rules.durations import DurationExtractor
from factx.testing import check_extractor, check_robust


@pytest.fixture(scope="module", params=["ru", "vi", "en"])
def any_lang(request: pytest.FixtureRequest) -> str:
    return request.param


def norms(lang: str, text: str) -> list[str | None]:
    return [m.norm for m in DurationExtractor(lang).extract(Document("t", text, lang))]


RU = [
    ("На выполнение задания отведен всего один месяц.", ["P1M"]),
    ("срок составит 5 лет", ["P5Y"]),
    ("стачка продлилась 96 часов", ["PT96H"]),
    ("в течение 48 часов", ["PT48H"]),
    ("Реконструкция займёт полтора года", ["P18M"]),
    ("проверка продлится три месяца", ["P3M"]),
    ("вернут в течение 45 дней", ["P45D"]),
    ("займёт восемь недель", ["P8W"]),
    ("аренда на тридцать пять лет", ["P35Y"]),
    ("со сроком погашения девять лет", ["P9Y"]),
    ("полгода", ["P6M"]),
    ("полчаса", ["PT30M"]),
    ("пол дня", ["PT12H"]),
    ("три четверти часа", ["PT45M"]),
    ("5 суток", ["P5D"]),
    ("10 рабочих дней", ["P10D"]),
    ("2 года и 3 месяца", ["P2Y3M"]),
    ("Перелёт длился 2 часа 40 минут.", ["PT2H40M"]),
    ("Ремонт занял полтора месяца", ["P45D"]),
    ("Его приговорили к 4,5 года колонии", ["P54M"]),
    ("Через три дня после аварии завод встал", ["P3D"]),
    ("Состоялась полуторачасовая встреча", ["PT90M"]),
    ("Начался двухнедельный карантин", ["P2W"]),
    ("Объявлен 10-дневный траур", ["P10D"]),
    ("Переговоры шли около полугода", ["P6M"]),
    ("два с половиной года", ["P30M"]),
    ("за сутки", ["P1D"]),
    ("3 квартала", ["P9M"]),
    ("приблизительно 2.5 месяца", ["P75D"]),
]

VI = [
    ("nghỉ trong ba tuần", ["P3W"]),
    ("trong tám năm tới", ["P8Y"]),
    ("thời hạn bảy năm", ["P7Y"]),
    ("kỳ hạn 28 ngày", ["P28D"]),
    ("trong khoảng 27 giờ", ["PT27H"]),
    ("trong 3 năm qua", ["P3Y"]),
    ("mất 2 tiếng", ["PT2H"]),
    ("nửa năm", ["P6M"]),
    ("một tháng rưỡi", ["P45D"]),
    ("hai tiếng rưỡi", ["PT150M"]),
    ("kéo dài 45 phút", ["PT45M"]),
    ("một thập kỷ", ["P10Y"]),
    ("Phiên họp kéo dài 3 giờ 15 phút", ["PT3H15M"]),
    ("Họ làm việc hai tháng năm ngày liền", ["P2M5D"]),
    ("Về quê ba ngày trước Tết", ["P3D"]),
]

EN = [
    ("The court gave the firm one month", ["P1M"]),
    ("over the next four years", ["P4Y"]),
    ("to be finished within 14 months", ["P14M"]),
    ("The walkout lasted six weeks", ["P6W"]),
    ("cutting the trip to 75 minutes", ["PT75M"]),
    ("a 15-year gas supply agreement", ["P15Y"]),
    ("for a year", ["P1Y"]),
    ("half an hour", ["PT30M"]),
    ("an hour and a half", ["PT90M"]),
    ("an hour and 35 minutes", ["PT1H35M"]),
    ("The climb took 3 hours 20 minutes", ["PT3H20M"]),
    ("She served 4-1/2 years in jail", ["P54M"]),
    ("Nine minutes later the fire spread", ["PT9M"]),
    ("A day later the ferry sailed", ["P1D"]),
    ("1.5 hours", ["PT90M"]),
    ("two decades", ["P20Y"]),
    ("a fortnight", ["P2W"]),
    ("three straight years", ["P3Y"]),
    ("48 hours", ["PT48H"]),
]

CASES = [("ru", *c) for c in RU] + [("vi", *c) for c in VI] + [("en", *c) for c in EN]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_durations(lang: str, text: str, expected: list[str]) -> None:
    assert norms(lang, text) == expected


TRAPS = [
    ("ru", "в 2024 году"),
    ("ru", "работает с 9 до 18 часов"),
    ("ru", "в 15 часов"),
    ("ru", "8 часов утра"),
    ("ru", "2 раза в месяц"),
    ("ru", "площадь 145 кв. км"),
    ("ru", "Год выдался тяжёлым"),
    ("ru", "в полдень"),
    ("ru", "принимаются кандидаты не старше 41 года"),
    ("ru", "по записям, сделанным в 1812 году"),
    ("ru", "Начало в 14 часов 20 минут по московскому времени"),
    ("ru", "Её сын (12 лет) пошёл в школу"),
    ("ru", "Это случилось три года назад"),
    ("ru", "Задержан 40-летний мужчина"),
    ("ru", "Полгода назад завод закрылся"),
    ("ru", "Ей было 35 лет, когда она уехала"),
    ("vi", "ngày 14 tháng 9 năm 2019"),
    ("vi", "tháng 12/2025"),
    ("vi", "năm 2022"),
    ("vi", "từ 8 giờ đến 21 giờ"),
    ("vi", "lúc 18 giờ 40"),
    ("vi", "8 giờ sáng"),
    ("vi", "một tiếng nổ lớn"),
    ("vi", "Bão số 5"),
    ("vi", "Tháng Mười năm ngoái, lượng khách giảm"),
    ("vi", "Thứ Hai tuần tới, đoàn công tác về"),
    ("vi", "Họ gặp nhau lúc 9 giờ 15 phút ."),
    ("vi", "Anh ấy chuyển đi cách đây hai năm ."),
    ("vi", "Cách đây gần ba năm ông về hưu ."),
    ("vi", "Theo quyết định 215 ngày 12 - 3 của tỉnh"),
    ("vi", "Họ có mặt lúc 22 g 40 ."),
    ("en", "a 20-year-old man"),
    ("en", "$5bn a year"),
    ("en", "three meals a day"),
    ("en", "a second wave"),
    ("en", "a quarter of the budget"),
    ("en", "in 2023"),
    ("en", "They lost the three-day series"),
    ("en", "The plant closed two years ago"),
]


@pytest.mark.parametrize(("lang", "text"), TRAPS, ids=[t[1][:40] for t in TRAPS])
def test_traps_give_nothing(lang: str, text: str) -> None:
    assert norms(lang, text) == []


def test_value_is_seconds_with_a_30_day_month() -> None:
    (m,) = DurationExtractor("ru").extract(Document("t", "один месяц", "ru"))
    assert (m.norm, m.value, m.unit) == ("P1M", 30 * 86400.0, "s")


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (1.5, "year", "P18M"),
        (3, "quarter", "P9M"),
        (0.5, "day", "PT12H"),
        (15.5, "minute", "PT930S"),
        (2, "decade", "P20Y"),
        (0.25, "second", "PT0.25S"),
    ],
)
def test_fractions_move_down_to_a_whole_unit(amount: float, unit: str, expected: str) -> None:
    assert iso_duration(amount, unit)[0] == expected


def test_offsets_and_contract(any_lang: str) -> None:
    texts = [text for lang, text, _ in CASES if lang == any_lang]
    assert check_extractor(DurationExtractor, texts, any_lang)
    check_robust(DurationExtractor, any_lang)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200), lang=st.sampled_from(["ru", "vi", "en"]))
def test_any_text_never_raises(text: str, lang: str) -> None:
    check_extractor(DurationExtractor, [text], lang)


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            [
                "1",
                "2,5",
                "полтора",
                "hai",
                "half",
                "an",
                "hour",
                "and",
                "a",
                "часа",
                "tháng",
                "rưỡi",
                "-",
                " ",
                "year",
                "пол",
                "лет",
                "giờ",
            ]
        ),
        max_size=30,
    ),
    lang=st.sampled_from(["ru", "vi", "en"]),
)
def test_duration_shaped_text_keeps_offsets(parts: list[str], lang: str) -> None:
    check_extractor(DurationExtractor, [" ".join(parts), "".join(parts)], lang)


def test_a_megabyte_of_digits_and_separators_finishes(any_lang: str) -> None:
    """Must finish without the regex timeout firing; timing is measured separately."""
    rng = random.Random(7)
    text = "".join(rng.choice("0123456789 .,/-:") for _ in range(1_000_000))
    mentions = list(DurationExtractor(any_lang).extract(Document("big", text, any_lang)))
    assert all(text[m.start : m.end] == m.text for m in mentions)
