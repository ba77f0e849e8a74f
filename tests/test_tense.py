"""tense.around: which way a sentence points for the date in it, per language."""

from __future__ import annotations

import pytest

from factx.rules.tense import FUTURE, OPEN, PAST, cues, sentence

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
    ("ru", "В пятницу правительство повысило пошлины.", "пятницу", PAST),
    ("ru", "Заседание состоится в среду.", "среду", FUTURE),
    ("ru", "Павел в пятницу дома.", "пятницу", OPEN),  # a name is no "-л" past
    ("ru", "В понедельник министр заявил, что цены вырастут в апреле.", "понедельник", PAST),
    ("ru", "В понедельник министр заявил, что цены вырастут в апреле.", "апреле", FUTURE),
    ("ru", "Представители и жители в пятницу здесь.", "пятницу", OPEN),  # nouns in "-тели"
    ("ru", "Переговоры возобновятся в пятницу.", "пятницу", FUTURE),
    ("vi", "Hôm thứ Ba, bộ đã ban hành quyết định.", "thứ Ba", PAST),
    ("vi", "Công ty sẽ họp vào thứ sáu.", "thứ sáu", FUTURE),
    ("vi", "Vào thứ Ba, ông Nam cho biết giá điện tăng.", "thứ Ba", PAST),
    ("vi", "thứ sáu", "thứ sáu", OPEN),
]


@pytest.mark.parametrize(("lang", "text", "date", "expected"), CASES)
def test_tense_around_a_date(lang: str, text: str, date: str, expected: int) -> None:
    start = text.index(date)
    assert cues(lang).around(text, start, start + len(date)) == expected


def test_sentence_stops_at_sentence_ends_only() -> None:
    text = "Prices rose 3.5 percent. Shares closed on Friday."
    start = text.index("Friday")
    lo, hi = sentence(text, start, start + 6)
    assert "closed on Friday" in text[lo:hi]
    assert "rose" not in text[lo:hi]
    assert "3.5" not in text[lo:hi]
