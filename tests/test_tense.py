"""tense.around: which way a sentence points for the date in it, per language; Russian with
pymorphy3 (verbs told from nouns by their grammar) and without it (endings only)."""

from __future__ import annotations

import pytest

from factx.rules.tense import FUTURE, OPEN, PAST, TenseCues, cues, sentence
from factx.rules.tense_morph import VerbTenses, load
from factx.rules.timewords import time_words

CASES = [
    ("en", "The central bank said on Thursday it held rates.", "Thursday", PAST),
    ("en", "The talks will resume on Monday.", "Monday", FUTURE),
    ("en", "The vote is to be held on Sunday.", "Sunday", FUTURE),  # "be held": no past
    ("en", "A verdict is expected on Monday.", "Monday", OPEN),
    ("en", "The firm said on Monday it would cut jobs.", "Monday", PAST),  # a tie: the past
    ("en", "Officials met on Friday. Talks will resume in May.", "Friday", PAST),
    ("en", "Officials met on Friday. Talks will resume in May.", "May", FUTURE),
    ("en", "Ahmed arrives on Monday.", "Monday", OPEN),  # a name is no "-ed" past
    ("en", "on Monday", "Monday", OPEN),
    # after a determiner an "-ed" word is an adjective; "planned", "proposed" look ahead
    ("en", "A planned strike on Friday threatens flights.", "Friday", FUTURE),
    ("en", "The proposed vote on Friday splits the board.", "Friday", FUTURE),
    ("en", "Its scheduled launch in March draws crowds.", "March", FUTURE),
    ("en", "The upcoming summit on Tuesday draws crowds.", "Tuesday", FUTURE),
    ("en", "The ferry, due on Sunday, carries grain.", "Sunday", FUTURE),
    ("en", "Talks planned for Monday look shaky.", "Monday", FUTURE),
    ("en", "The painted fence on Friday looks new.", "Friday", OPEN),
    ("en", "The union planned on Friday to strike.", "Friday", PAST),  # a verb: no determiner
    ("en", "The plant that closed on Friday employs 300.", "Friday", PAST),
    ("vi", "Hôm thứ Ba, bộ đã ban hành quyết định.", "thứ Ba", PAST),
    ("vi", "Công ty sẽ họp vào thứ sáu.", "thứ sáu", FUTURE),
    ("vi", "Vào thứ Ba, ông Nam cho biết giá điện tăng.", "thứ Ba", PAST),
    ("vi", "thứ sáu", "thứ sáu", OPEN),
]

# Russian through pymorphy3: nouns with a verb's ending give no cue.
RU_MORPH = [
    ("В пятницу правительство повысило пошлины.", "пятницу", PAST),
    ("Заседание состоится в среду.", "среду", FUTURE),
    ("Павел в пятницу дома.", "пятницу", OPEN),  # a name is no "-л" past
    ("В понедельник министр заявил, что цены вырастут в апреле.", "понедельник", PAST),
    ("В понедельник министр заявил, что цены вырастут в апреле.", "апреле", FUTURE),
    ("Представители и жители в пятницу здесь.", "пятницу", OPEN),
    ("Переговоры возобновятся в пятницу.", "пятницу", FUTURE),
    ("Совет собрался в пятницу.", "пятницу", PAST),
    ("Подписав в пятницу договор, стороны разъехались.", "пятницу", PAST),  # a past gerund
    ("Встреча посла намечена на пятницу.", "пятницу", OPEN),  # a noun, a passive participle
    ("Премьера сериала в пятницу.", "пятницу", OPEN),
    ("Весь персонал прибудет в пятницу.", "пятницу", FUTURE),  # perfective present: future
    ("Министр подпишет указ в четверг.", "четверг", FUTURE),
    ("Глава региона выступит в среду.", "среду", FUTURE),
    ("Выставка открывается в субботу.", "субботу", FUTURE),  # a scheduled present
    ("Модели недели ждут в пятницу.", "пятницу", FUTURE),  # "ждут": the verb, not the nouns
    ("Канал и журнал в пятницу без перемен.", "пятницу", OPEN),
    ("Ремонт каюты занял десять минут в пятницу.", "пятницу", PAST),
]

# Without pymorphy3 only endings no common noun shares count; nouns give no cue.
RU_ENDINGS = [
    ("Совет собрался в пятницу.", "пятницу", PAST),
    ("Переговоры возобновятся в пятницу.", "пятницу", FUTURE),
    ("Заседание состоится в среду.", "среду", FUTURE),
    ("Десять лет назад в пятницу здесь открылись магазины.", "пятницу", PAST),
    ("Встреча посла намечена на пятницу.", "пятницу", OPEN),
    ("Премьера сериала в пятницу.", "пятницу", OPEN),
    ("Весь персонал в пятницу на месте.", "пятницу", OPEN),
    ("Итоги недели и модели в пятницу.", "пятницу", OPEN),
    ("Десять минут в пятницу, и валют нет.", "пятницу", OPEN),
]


@pytest.fixture(scope="module")
def ru_verbs() -> VerbTenses:
    pytest.importorskip("pymorphy3", reason="the ru extra is not installed: pip install factx[ru]")
    verbs = load(time_words("ru"))
    assert verbs is not None
    return verbs


def tense(tenses: TenseCues, text: str, date: str) -> int:
    start = text.index(date)
    return tenses.around(text, start, start + len(date))


@pytest.mark.parametrize(("lang", "text", "date", "expected"), CASES)
def test_tense_around_a_date(lang: str, text: str, date: str, expected: int) -> None:
    assert tense(cues(lang), text, date) == expected


@pytest.mark.parametrize(("text", "date", "expected"), RU_MORPH)
def test_russian_tense_by_grammar(ru_verbs: VerbTenses, text: str, date: str, expected: int):
    assert tense(TenseCues.of(time_words("ru"), ru_verbs), text, date) == expected


@pytest.mark.parametrize(("text", "date", "expected"), RU_ENDINGS)
def test_russian_tense_by_endings_alone(text: str, date: str, expected: int) -> None:
    assert tense(cues("ru"), text, date) == expected


def test_languages_without_an_analyser_get_none() -> None:
    assert load(time_words("en")) is None
    assert load(time_words("vi")) is None


def test_sentence_stops_at_sentence_ends_only() -> None:
    text = "Prices rose 3.5 percent. Shares closed on Friday."
    start = text.index("Friday")
    lo, hi = sentence(text, start, start + 6)
    assert "closed on Friday" in text[lo:hi]
    assert "rose" not in text[lo:hi]
    assert "3.5" not in text[lo:hi]
