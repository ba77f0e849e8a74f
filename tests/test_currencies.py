"""Currency vocabularies: names per language, ISO codes active and withdrawn, and the names
other languages write in another script."""

from __future__ import annotations

import pytest

from factx.rules.currencies import foreign_words, vocabulary


@pytest.mark.parametrize(
    ("lang", "form", "code"),
    [
        ("en", "kroons", "EEK"),
        ("en", "BGN", "BGN"),
        ("en", "DEM", "DEM"),
        ("en", "рублей", "RUB"),
        ("ru", "dollars", "USD"),
        ("ru", "кипрских фунтов", "CYP"),
        ("vi", "рублей", "RUB"),
        ("vi", "bảng Anh", "GBP"),
    ],
)
def test_forms_read_in_each_language(lang: str, form: str, code: str) -> None:
    cur = vocabulary(lang).main(form)
    assert cur is not None and cur.code == code


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_latin_script_languages_take_no_latin_foreign_words(lang: str) -> None:
    assert all(not w.isascii() for w in foreign_words(lang))


def test_marks_need_a_scale_and_pounds_exclude_weighing() -> None:
    en = vocabulary("en")
    assert en.main("marks").after_scale and "weighed" in en.main("pounds").not_after
