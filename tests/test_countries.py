from __future__ import annotations

import pytest

from factx.model import Label, Mention
from factx.resolve.countries import CountryNames, CountryResolver

CASES = {
    "ru": [
        ("Россия", "RU"),
        ("России", "RU"),
        ("Китаем", "CN"),
        ("Китая", "CN"),
        ("в США", "US"),
        ("США", "US"),
        ("КНР", "CN"),
        ("Соединённых Штатах", "US"),
        ("Германией", "DE"),
        ("Австрии", "AT"),
        ("Австралией", "AU"),
        ("Ливии", "LY"),
        ("Ливана", "LB"),
        ("Пекин", None),
        ("Москве", None),
        ("Вашингтон", None),
    ],
    "vi": [
        ("Nga", "RU"),
        ("Mỹ", "US"),
        ("Hoa Kỳ", "US"),
        ("Trung Quốc", "CN"),
        ("Nhật Bản", "JP"),
        ("Việt Nam", "VN"),
        ("Bắc Kinh", None),
        ("Hà Nội", None),
        ("Washington", None),
    ],
    "en": [
        ("the US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("China", "CN"),
        ("Britain", "GB"),
        ("Russia", "RU"),
        ("South Korea", "KR"),
        ("Washington", None),
        ("Beijing", None),
    ],
}


@pytest.mark.parametrize(
    ("lang", "name", "code"), [(lang, n, c) for lang, cases in CASES.items() for n, c in cases]
)
def test_country_codes(lang, name, code):
    assert CountryNames(lang).code(name) == code


def test_resolver_promotes_locations_and_leaves_capitals():
    resolve = CountryResolver("ru")
    out = resolve(
        [Mention(Label.LOCATION, 0, 6, "России"), Mention(Label.LOCATION, 9, 14, "Пекин")]
    )
    assert [(m.label, m.norm) for m in out] == [(Label.COUNTRY, "RU"), (Label.LOCATION, None)]


def test_resolver_relabels_a_bare_country_name_tagged_as_a_person():
    (m,) = CountryResolver("vi")([Mention(Label.PERSON, 0, 3, "Nga")])
    assert (m.label, m.norm) == (Label.COUNTRY, "RU")


def test_resolver_keeps_an_organisation_that_only_contains_a_country():
    (m,) = CountryResolver("ru")([Mention(Label.ORG, 0, 11, "Банк России")])
    assert m.label == Label.ORG


def test_unknown_language_still_matches_nothing_quietly():
    assert CountryNames("xx").code("Atlantis") is None


ENGLISH_IN_OTHER_LANGUAGES = [("vi", "Myanmar", "MM"), ("vi", "UAE", "AE"), ("ru", "Myanmar", "MM")]


@pytest.mark.parametrize(("lang", "name", "code"), ENGLISH_IN_OTHER_LANGUAGES)
def test_english_country_names_are_known_in_every_language(lang, name, code):
    assert CountryNames(lang).code(name) == code
