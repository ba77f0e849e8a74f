from __future__ import annotations

import pytest

from factx.resolve.orgs import org_words

CANONICAL = [
    ("en", "Microsoft Corp.", None, "Microsoft"),
    ("en", "Acme Widgets, Inc.", None, "Acme Widgets"),
    ("en", "Northwind Holdings Ltd", None, "Northwind"),
    ("en", "Federal Reserve", None, "Federal Reserve"),
    ("en", "Fed", None, "Federal Reserve"),
    ("en", "Group of Seven", None, "Group of Seven"),  # a leading word is no legal form
    ("ru", "ПАО «Сбертехлизинг»", None, "Сбертехлизинг"),
    ("ru", "ЦБ", None, "Банк России"),
    ("ru", "Центральный банк", "России", "Банк России"),
    ("ru", "Банк России", None, "Банк России"),
    ("ru", "Минфин", "РФ", "Министерство финансов"),
    ("ru", "Минфин", "США", "Министерство финансов США"),
    ("ru", "Министерство финансов России", None, "Министерство финансов"),
    ("ru", "Правительство России", None, "Правительство России"),  # one word would be left
    ("vi", "Công ty Sony", None, "Sony"),
    ("vi", "Tập đoàn Hòa Bình Xanh", None, "Hòa Bình Xanh"),
    ("vi", "Công ty Điện tử Sao Sáng", None, "Công ty Điện tử Sao Sáng"),  # descriptive
    ("vi", "Ngân hàng Nhà nước Việt Nam", None, "Ngân hàng Nhà nước"),
    ("vi", "báo Tuổi Mới", None, "Tuổi Mới"),
    ("vi", "đội Sông Lam Xanh", None, "Sông Lam Xanh"),
    ("vi", "Đài Truyền hình Bình Phước", None, "Đài Truyền hình Bình Phước"),
]


@pytest.mark.parametrize(("lang", "name", "qualifier", "norm"), CANONICAL)
def test_an_organisation_norm_leaves_out_legal_forms_and_the_home_country(
    lang, name, qualifier, norm
):
    assert org_words(lang).canonical(name, qualifier) == norm


ABBREVIATIONS = [
    ("en", "IMF", "International Monetary Fund", True),
    ("en", "NWA", "Northern Water Authority", True),
    ("en", "IEA", "International Monetary Fund", False),
    ("en", "Acme", "Acme Research", False),  # a name is no abbreviation of a longer one
    ("en", "UN", "United", False),  # one word is no full name
    ("ru", "МИД", "Министерство иностранных дел", True),
    ("ru", "МЧС", "Министерство по чрезвычайным ситуациям", True),
    ("ru", "Минфин", "Министерство финансов", True),
    ("ru", "Минобороны", "Министерство обороны", True),
    ("ru", "Евросоюз", "Европейский союз", True),
    ("ru", "Минфин", "Министерство обороны", False),
    ("vi", "UBND", "Ủy ban nhân dân", True),
    ("vi", "Bộ GD-ĐT", "Bộ Giáo dục và Đào tạo", True),
    ("vi", "NHNN", "Ngân hàng Nhà nước", True),
    ("vi", "Vinamilk", "Sữa Việt Nam", False),  # compounds are Russian's, not Vietnamese
]


@pytest.mark.parametrize(("lang", "short", "full", "fits"), ABBREVIATIONS)
def test_an_abbreviation_is_spelt_from_the_beginnings_of_every_word(lang, short, full, fits):
    assert org_words(lang).abbreviates(short, full) is fits


# The index only narrows: each abbreviation finds exactly the names it abbreviates.
EXPANSIONS = [
    ("en", "NWA", ["Northern Water Authority", "National Wine Academy", "North Wales"], 2),
    ("en", "IMF", ["International Monetary Fund", "Imperial Mining Firm", "IMF"], 2),
    ("en", "Acme", ["Acme Research", "Acme Mining Export"], 0),  # no compounds in English
    ("ru", "Минфин", ["Министерство финансов", "Министерство обороны", "Минский финал"], 2),
    ("ru", "МЧС", ["Министерство по чрезвычайным ситуациям", "Мировой чемпионат"], 1),
    ("vi", "Bộ GD-ĐT", ["Bộ Giáo dục và Đào tạo", "Bộ Giao thông", "Ban Giáo dục"], 1),
    ("vi", "UBND", ["Ủy ban nhân dân", "Ủy ban Nhà nước"], 1),
]


@pytest.mark.parametrize(("lang", "short", "names", "found"), EXPANSIONS)
def test_the_index_finds_every_name_an_abbreviation_spells(lang, short, names, found):
    words = org_words(lang)
    expansions = words.index(names).expansions(short)
    assert expansions == [n for n in names if words.abbreviates(short, n)]
    assert len(expansions) == found
