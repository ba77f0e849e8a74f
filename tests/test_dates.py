"""DateExtractor: per-language case tables, traps that must give nothing, relative dates with
and without a document date, and robustness on any text."""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.model import Document
from factx.rules.dates import DateExtractor
from factx.testing import check_extractor, check_robust

DOC_DATE = dt.date(2025, 11, 5)  # a Wednesday


@pytest.fixture(scope="module", params=["ru", "vi", "en"])
def any_lang(request: pytest.FixtureRequest) -> str:
    return request.param


@cache
def extractor(lang: str) -> DateExtractor:
    """One per language: the Russian one loads pymorphy3 once for the whole module."""
    return DateExtractor(lang)


def norms(lang: str, text: str, date: dt.date | None = DOC_DATE) -> list[str | None]:
    return [m.norm for m in extractor(lang).extract(Document("t", text, lang, date))]


RU = [
    ("Указ подписан 17 ноября 2025 года.", ["2025-11-17"]),
    ("Документ от 15.12.2025 вступает в силу.", ["2025-12-15"]),
    ("Постановление № 1437 от 21.06.2024", ["2024-06-21"]),
    ("В феврале 2025 года импорт вырос.", ["2025-02"]),
    ("в 2024 году урожай вырос", ["2024"]),
    ("к 2030 году", ["2030"]),
    ("по итогам 2023 г. компания", ["2023"]),
    ("В третьем квартале 2025 года", ["2025-Q3"]),
    ("Во II квартале продажи упали", ["2025-Q2"]),
    ("в 4-м квартале", ["2025-Q4"]),
    ("в первом полугодии 2024 года", ["2024-01/2024-06"]),
    ("за 9 месяцев 2025 года", ["2025-01/2025-09"]),
    ("Вчера морозы усилились", ["2025-11-04"]),
    ("Позавчера", ["2025-11-03"]),
    ("Завтра банк объявит итоги", ["2025-11-06"]),
    ("в прошлом месяце", ["2025-10"]),
    ("в этом году", ["2025"]),
    ("в прошлом году", ["2024"]),
    ("в следующем году", ["2026"]),
    ("на следующей неделе", ["2025-W46"]),
    ("в мае прошлого года", ["2024-05"]),
    ("С 1 июля пошлина выросла", ["2025-07-01"]),
    ("десятого августа", ["2025-08-10"]),
    ("к двадцать седьмому февраля", ["2025-02-27"]),
    ("В декабре отгрузки выросли", ["2024-12"]),
    ("в 2020–2025 годах", ["2020/2025"]),
    ("с 2020 по 2025 год", ["2020/2025"]),
    ("с 1 по 15 июля", ["2025-07-01/2025-07-15"]),
    ("три недели назад", ["2025-10-15"]),
    ("Десять лет назад здесь был пустырь.", ["2015"]),
    ("через неделю", ["2025-11-12"]),
    ("в пятницу", ["2025-11-07"]),
    ("в прошлый вторник", ["2025-11-04"]),
    ("Ср, 16 июля 2014", ["2014-07-16"]),
    ("Новый год", ["2026-01-01"]),
    ("утвердили в минувшую среду 14 мая договор", ["2025-05-14"]),
    ("2025-11-13", ["2025-11-13"]),
    # tense: a bare weekday or yearless month points back in the past tense, ahead in the future
    ("Совет директоров собрался в пятницу.", ["2025-10-31"]),
    ("Совещание состоится в пятницу.", ["2025-11-07"]),
    ("Первые выплаты будут перечислены в январе.", ["2026-01"]),
    ("Завод остановил линию 20 декабря.", ["2024-12-20"]),
    # a noun with a past verb's ending is no past tense; a perfective present is a future
    ("Встреча посла намечена на пятницу.", ["2025-11-07"]),
    ("Премьера сериала в пятницу.", ["2025-11-07"]),
    ("Весь персонал прибудет в пятницу.", ["2025-11-07"]),
    ("Губернатор выступит в апреле.", ["2026-04"]),
    ("В апреле канал сменил владельца.", ["2025-04"]),
    # inflected and adjectival forms, a half of a named year, "сего года"
    ("во второй половине 2013 года", ["2013-07/2013-12"]),
    ("в первой половине прошлого года", ["2024-01/2024-06"]),
    ("по итогам вчерашних торгов", ["2025-11-04"]),
    ("В прошедшем году выручка упала.", ["2024"]),
    ("решение примут в сентябре с.г.", ["2025-09"]),
    # each listed day is its own date
    ("Митинги прошли 9 или 10 июня.", ["2025-06-09", "2025-06-10"]),
    ("7 и 8 июня 2011 года", ["2011-06-07", "2011-06-08"]),
]

VI = [
    ("vào ngày 4/11", ["2025-11-04"]),
    ("Ngày 23/7, mưa lớn kéo dài", ["2025-07-23"]),
    ("đến hết ngày 31/3/2026", ["2026-03-31"]),
    ("vào tháng 12/2025", ["2025-12"]),
    ("tháng 6 năm 2024", ["2024-06"]),
    ("Trong tháng 3, sản lượng tăng", ["2025-03"]),
    ("tháng ba", ["2025-03"]),
    ("Năm 2024, xuất khẩu đạt", ["2024"]),
    ("ngày 1 tháng 9 năm 2024", ["2024-09-01"]),
    ("ngày mồng 5 tháng ba", ["2025-03-05"]),
    ("quý 3/2025", ["2025-Q3"]),
    ("quý III/2024", ["2024-Q3"]),
    ("trong quý 2 năm 2023", ["2023-Q2"]),
    ("tháng trước", ["2025-10"]),
    ("năm ngoái", ["2024"]),
    ("năm nay", ["2025"]),
    ("năm sau", ["2026"]),
    ("tuần tới", ["2025-W46"]),
    ("hôm qua", ["2025-11-04"]),
    ("Sáng nay", ["2025-11-05"]),
    ("ngày mai", ["2025-11-06"]),
    ("thứ hai tới", ["2025-11-10"]),
    ("thứ sáu tuần này", ["2025-11-07"]),
    ("2 tháng trước", ["2025-09"]),
    ("cách đây hơn hai năm", ["2023"]),
    ("Tối 24-3, đoàn kiểm tra đến nơi.", ["2025-03-24"]),
    ("ngày 19 - 4 – 2004", ["2004-04-19"]),
    ("công văn 812 ngày 23-2-1998", ["1998-02-23"]),
    ("từ tháng 9 – 2003", ["2003-09"]),
    ("quí 1 - 2004", ["2004-Q1"]),
    ("Hội chợ sẽ diễn ra ngày 7 và 8/12.", ["2025-12-07", "2025-12-08"]),
    ("6 tháng đầu năm 2025", ["2025-01/2025-06"]),
    ("giai đoạn 2021-2025", ["2021/2025"]),
    ("từ năm 2020 đến năm 2025", ["2020/2025"]),
    ("tháng 5 năm ngoái", ["2024-05"]),
    ("Hôm thứ Ba, công ty đã công bố kết quả.", ["2025-11-04"]),
    ("Hội nghị sẽ khai mạc vào thứ hai.", ["2025-11-10"]),
    ("Tháng 12, nhà máy đã dừng sản xuất.", ["2024-12"]),
    ("Dự án sẽ khởi công vào tháng 1.", ["2026-01"]),
    ("tháng 2 tới", ["2026-02"]),
    ("Tháng 11 vừa qua, xuất khẩu tăng.", ["2024-11"]),
    ("từ tháng 3 tới nay", ["2025-03"]),
]

EN = [
    ("The levy took effect on March 17, 2025.", ["2025-03-17"]),
    ("It closed on 5 December 2024 after a fire.", ["2024-12-05"]),
    ("The ferry ran aground on Nov. 16.", ["2024-11-16"]),
    ("In February 2024, the mill shipped steel.", ["2024-02"]),
    ("shipments in April", ["2025-04"]),
    ("output in 2023 rose", ["2023"]),
    ("by 2030, the country aims", ["2030"]),
    ("rose 5% in Q4 2021", ["2021-Q4"]),
    ("Profit for the third quarter of 2025 fell", ["2025-Q3"]),
    ("in the first half of 2024", ["2024-01/2024-06"]),
    ("yesterday", ["2025-11-04"]),
    ("tomorrow", ["2025-11-06"]),
    ("last month", ["2025-10"]),
    ("last year", ["2024"]),
    ("next year", ["2026"]),
    ("this week", ["2025-W45"]),
    ("last week", ["2025-W44"]),
    ("on Monday", ["2025-11-10"]),
    ("last Tuesday", ["2025-11-04"]),
    ("three months ago", ["2025-08"]),
    ("two years ago", ["2023"]),
    ("nearly a decade ago", ["2015"]),
    ("from 2020 to 2025", ["2020/2025"]),
    ("the 2020-2025 plan", ["2020/2025"]),
    ("mid-2024", ["2024"]),
    ("Christmas 2024", ["2024-12-25"]),
    ("Thanksgiving 2025", ["2025-11-27"]),
    ("Easter 2024", ["2024-03-31"]),
    ("the second Thursday of October 2014", ["2014-10-09"]),
    ("Tuesday, Feb 19, 2013", ["2013-02-19"]),
    ("12/25/2024", ["2024-12-25"]),
    ("the closest Friday to Oct 12th", ["2025-10-10"]),
    ("on the last day of May 2024", ["2024-05-31"]),
    ("the 3rd last day of June", ["2025-06-28"]),
    ("The minister said on Thursday that exports fell.", ["2025-10-30"]),
    ("The board will meet on Monday.", ["2025-11-10"]),
    ("Tolls were raised in December.", ["2024-12"]),
    ("The first payment is due in January.", ["2026-01"]),
    ("The show is to run from October 26 to December 4.", ["2025-10-26/2025-12-04"]),
    ("A storm struck the coast on Wednesday.", ["2025-11-05"]),
    ("The ruling was published on November 7.", ["2025-11-07"]),  # a date slip, not 2024
    # an "-ed" word after a determiner is an adjective; "planned", "proposed" look ahead
    ("A planned strike on Friday threatens flights.", ["2025-11-07"]),
    ("The proposed vote on Friday splits the board.", ["2025-11-07"]),
    ("The upcoming auction in April draws bidders.", ["2026-04"]),
    ("Workers staged a strike on Friday.", ["2025-10-31"]),
    # business words that also name a match's parts do not make a half or quarter a match's
    ("The goal for the second half is steady growth.", ["2025-07/2025-12"]),
    ("The game plan for the third quarter is cost cuts.", ["2025-Q3"]),
    ("Orders should match the first quarter.", ["2025-Q1"]),
    ("Sales will rise in the first quarter.", ["2026-Q1"]),
    ("This past week brought rain.", ["2025-W44"]),
    ("Talks were held on December 7 and 8.", ["2024-12-07", "2024-12-08"]),
    ("on December 7 and 8, 2014", ["2014-12-07", "2014-12-08"]),
    ("on December 7 and 8 people died", ["2025-12-07"]),
    ("The fair will run from December 9 to 13.", ["2025-12-09/2025-12-13"]),
    ("Turnout fell after the 2011 floods.", ["2011"]),
    ("a 2019 report by the agency", ["2019"]),
]

CASES = [("ru", *c) for c in RU] + [("vi", *c) for c in VI] + [("en", *c) for c in EN]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_dates(lang: str, text: str, expected: list[str]) -> None:
    assert norms(lang, text) == expected


# Holidays, with a year and without one (the next date on or after the document date, or
# the last one before it after "last"). Lunar and lunisolar dates come from `holidays`.
HOLIDAYS = {
    "ru": [
        ("на Рождество", ["2026-01-07"]),
        ("День Победы 2025 года", ["2025-05-09"]),
        ("День народного единства", ["2026-11-04"]),
        ("Пасха 2026", ["2026-04-12"]),
        ("Курбан-байрам 2025", ["2025-06-06"]),
        ("Китайский Новый год", ["2026-02-17"]),
        ("Старый Новый год", ["2026-01-14"]),
        # a name's first words in another case
        ("парад ко Дню Победы", ["2026-05-09"]),
        ("подарки к Новому году", ["2026-01-01"]),
        ("с Днём России", ["2026-06-12"]),
        ("после Пасхи", ["2026-04-12"]),
        ("к Рождеству Христову", ["2026-01-07"]),
        ("на Пасху в 2017 году", ["2017-04-16"]),
    ],
    "vi": [
        ("Tết Nguyên Đán năm 2026", ["2026-02-17"]),
        ("tăng chuyến tàu dịp Tết", ["2026-02-17"]),
        ("Giỗ Tổ Hùng Vương năm 2025", ["2025-04-07"]),
        ("Tết Trung thu năm 2025", ["2025-10-06"]),
        ("ngày Quốc khánh", ["2026-09-02"]),
        ("Giáng sinh", ["2025-12-25"]),
        ("lễ Phục sinh năm 2025", ["2025-04-20"]),
    ],
    "en": [
        ("Diwali 2019", ["2019-10-27"]),
        ("during Diwali", ["2026-11-08"]),
        ("Chinese New Year 2024", ["2024-02-10"]),
        ("last Chinese New Year", ["2025-01-29"]),
        ("next chinese new years", ["2026-02-17"]),
        ("Eid al-Adha 2024", ["2024-06-16"]),
        ("Bakr Id 2019", ["2019-08-11"]),
        ("Hanukkah 2025", ["2025-12-15"]),
        ("Yom Kippur 2024", ["2024-10-12"]),
        ("Mahavir Jayanti 2022", ["2022-04-14"]),
        ("Guru Gobind Singh Jayanti 2021", ["2021-01-20"]),
        ("Maha Saptami 2022", ["2022-10-02"]),
        ("Diwali's lights", ["2026-11-08"]),
        ("Thanksgiving", ["2025-11-27"]),
        ("Boxing Day 2025", ["2025-12-26"]),
        ("Christmas of 2024", ["2024-12-25"]),
        ("Good Friday 2026", ["2026-04-03"]),
        ("China's National Day holiday", ["2026-10-01"]),
        ("Chinese New Year in 2018", ["2018-02-16"]),
    ],
}
HOLIDAY_CASES = [(lang, *case) for lang, cases in HOLIDAYS.items() for case in cases]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), HOLIDAY_CASES, ids=[c[1][:40] for c in HOLIDAY_CASES]
)
def test_holidays(lang: str, text: str, expected: list[str]) -> None:
    assert norms(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "last chinese new years", "2013-02-10"),
        ("en", "guru gobind singh jayanti", "2014-01-07"),
        ("en", "this Christmas", "2013-12-25"),
        ("ru", "Пасха", "2013-05-05"),
        ("vi", "Tết", "2014-01-31"),
    ],
)
def test_holidays_relative_to_the_document_date(lang: str, text: str, expected: str) -> None:
    assert norms(lang, text, dt.date(2013, 2, 12)) == [expected]


def test_holiday_without_document_date_keeps_norm_empty() -> None:
    assert norms("en", "after Diwali", date=None) == [None]
    assert norms("en", "Diwali 2019", date=None) == ["2019-10-27"]


TRAPS = [
    ("ru", "Горячая линия 8 800 555-17-42 работает с 10:00 до 19:00."),
    ("ru", "Истребитель Су-57 и самолёт МС-21-300."),
    ("ru", "Матч завершился со счётом 2:1."),
    ("ru", "уроки в 5–7 классах перенесены"),
    ("ru", "выпущено 2025 тонн зерна"),
    ("ru", "прибыль выросла в 15.2 раза"),
    ("ru", "за 3 квартала"),
    ("ru", "Нападающий Олег Вторник забил гол."),
    ("ru", "в начале нового года цены вырастут"),  # any new year, not the holiday
    ("ru", "до конца дня победы не было"),
    ("ru", "Производство завершилось несколько дней назад."),
    ("ru", "спор не решён и через 40 лет после войны"),
    ("vi", "Theo Nghị định số 47/2024/NĐ-CP"),
    ("vi", "Khoảng 1/3 dân số sống ở nông thôn."),
    ("vi", "Trận đấu khép lại với tỷ số 3-1."),
    ("vi", "đường dây nóng 1900 5454 từ 8 giờ đến 21 giờ"),
    ("vi", "Việt Nam xuất khẩu 2025 tấn gạo."),
    ("vi", "lần thứ hai trong lịch sử"),
    ("vi", "trong 3 năm qua"),
    ("vi", "Bộ trưởng Lê Quốc Khánh cho hay"),
    ("vi", "ăn mừng chiến thắng"),
    ("vi", "từ 3-5 ngày"),
    ("vi", "hai ngày trước khi khai mạc"),
    ("vi", "tỷ lệ 2 và 1/3"),
    ("en", "Call 1-800-555-0198 between 9 a.m. and 5 p.m."),
    ("en", "After the 4-2 win, the team celebrated."),
    ("en", "according to page 22 of the report"),
    ("en", "the 3rd consecutive month"),
    ("en", "imports rose to 2030 tonnes"),
    ("en", "It may rain, and the sun rose as he sat down."),
    ("en", "18 Boeing 737 MAX 8 jets"),
    ("en", "veterans of the Tet Offensive"),
    ("en", "the National Day of Prayer"),
    ("en", "Independence Day of Ukraine"),
    ("en", "plans for the new year"),
    ("en", "on the last day of trading"),
    ("en", "The first half ended 1-1 after a late goal."),  # a period of a match
    ("en", "The first half ended 1-1."),
    ("en", "They led 2–0 in the second half."),
    ("en", "The referee sent off a player in the second half."),
    ("en", "He scored twice in the first half."),
    ("en", "a 1900 year old temple"),
    ("en", "She won the 2000 m final."),
    ("ru", "в первой половине дня"),
    # a weekday that recurs names no date
    ("en", "The market opens every Sunday."),
    ("en", "Shops close on Sundays."),
    ("ru", "Рынок работает каждую пятницу."),
    ("vi", "Chợ họp mỗi chủ nhật."),
    ("vi", "Chợ họp vào thứ hai hằng tuần."),
]


@pytest.mark.parametrize(("lang", "text"), TRAPS, ids=[t[1][:40] for t in TRAPS])
def test_traps_give_nothing(lang: str, text: str) -> None:
    assert norms(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Вчера"),
        ("ru", "в прошлом месяце"),
        ("vi", "tháng trước"),
        ("vi", "ngày 4/11"),
        ("en", "last week"),
        ("en", "on Monday"),
        ("en", "in April"),
        # a yearless half, quarter or month takes its year from the document date
        ("en", "Sales rose in the second half."),
        ("en", "Sales will rise in the first half."),
        ("en", "Revenue fell in the third quarter."),
        ("en", "Exports rose in March."),
        ("ru", "Во втором полугодии продажи выросли."),
        ("ru", "В третьем квартале выручка упала."),
        ("ru", "В марте экспорт вырос."),
        ("vi", "nửa cuối năm"),
        ("vi", "Trong quý 3, doanh thu giảm."),
        ("vi", "6 tháng đầu năm"),
        ("vi", "Tháng 5, giá điện tăng."),
    ],
)
def test_relative_without_document_date_keeps_norm_empty(lang: str, text: str) -> None:
    assert norms(lang, text, date=None) == [None]


def test_absolute_dates_need_no_document_date() -> None:
    assert norms("ru", "17 ноября 2025 года", date=None) == ["2025-11-17"]
    assert norms("vi", "năm 2022", date=None) == ["2022"]


@pytest.mark.parametrize(
    ("doc_date", "text", "expected"),
    [
        (dt.date(2026, 1, 22), "В декабре отгрузки выросли", "2025-12"),
        (dt.date(2026, 6, 10), "в мае", "2026-05"),
        (dt.date(2024, 2, 1), "в апреле", "2024-04"),
        (dt.date(2024, 2, 10), "в четвёртом квартале", "2023-Q4"),
    ],
)
def test_month_without_year_takes_the_documents_year_or_the_month_just_before(
    doc_date: dt.date, text: str, expected: str
) -> None:
    assert norms("ru", text, doc_date) == [expected]


def test_offsets_and_contract(any_lang: str) -> None:
    texts = [text for lang, text, _ in CASES if lang == any_lang]
    found = check_extractor(DateExtractor, texts, any_lang)
    assert found
    check_robust(DateExtractor, any_lang)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200), lang=st.sampled_from(["ru", "vi", "en"]))
def test_any_text_never_raises(text: str, lang: str) -> None:
    check_extractor(DateExtractor, [text], lang)


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from(
            [
                "12",
                "2025",
                ".",
                "/",
                "-",
                " ",
                "ngày",
                "tháng",
                "năm",
                "в",
                "году",
                "May",
                "Q3",
                "quý",
                "III",
                "2/3",
                "1",
                "31",
            ]
        ),
        max_size=30,
    ),
    lang=st.sampled_from(["ru", "vi", "en"]),
)
def test_date_shaped_text_keeps_offsets(parts: list[str], lang: str) -> None:
    check_extractor(DateExtractor, [" ".join(parts), "".join(parts)], lang)


def test_a_megabyte_of_digits_and_separators_finishes(any_lang: str) -> None:
    """Must finish without the regex timeout firing; timing is measured separately."""
    rng = random.Random(7)
    text = "".join(rng.choice("0123456789 .,/-:") for _ in range(1_000_000))
    extractor = DateExtractor(any_lang)
    mentions = list(extractor.extract(Document("big", text, any_lang, DOC_DATE)))
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Совет собрался в пятницу.", ["2025-10-31"]),
        ("Переговоры возобновятся в пятницу.", ["2025-11-07"]),
        ("Встреча посла намечена на пятницу.", ["2025-11-07"]),
        ("Премьера сериала в пятницу.", ["2025-11-07"]),
    ],
)
def test_russian_tense_without_pymorphy3_reads_only_unambiguous_endings(
    text: str, expected: list[str]
) -> None:
    found = DateExtractor("ru", verbs=False).extract(Document("t", text, "ru", DOC_DATE))
    assert [m.norm for m in found] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected", "count_compiled"),
    [
        # Vietnamese asks whether a count comes before "năm qua" (then it is a length)
        ("vi", "trong 3 năm qua", [], True),
        ("vi", "năm qua", ["2024"], False),
        # no other language asks, so none pays for compiling the question
        ("ru", "Переговоры прошли в прошлом году, 3 года назад.", ["2024", "2022"], False),
        ("en", "Talks were held last year, 3 years ago.", ["2024", "2022"], False),
    ],
)
def test_the_count_before_a_date_word_is_compiled_only_where_a_language_asks_for_it(
    lang: str, text: str, expected: list[str], count_compiled: bool
) -> None:
    fresh = DateExtractor(lang, verbs=False)
    found = [m.norm for m in fresh.extract(Document("t", text, lang, DOC_DATE))]
    assert found == expected
    assert ("pattern" in vars(fresh.checks.count)) is count_compiled
