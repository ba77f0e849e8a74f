"""A place's norm without its administrative unit (factx.resolve.places)."""

from __future__ import annotations

import pytest

from factx.resolve.places import bare_place

PLACES = [
    ("vi", "huyện Nghi Sơn", "Nghi Sơn"),
    ("vi", "Huyện Nghi Sơn", "Nghi Sơn"),
    ("vi", "tỉnh Bình Phước", "Bình Phước"),
    ("vi", "thị xã Sơn Hà", "Sơn Hà"),
    # one city, however its unit and name are shortened
    ("vi", "Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("vi", "thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("vi", "TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("vi", "TP Hồ Chí Minh", "Hồ Chí Minh"),
    ("vi", "TP.HCM", "Hồ Chí Minh"),
    ("vi", "Tp.HCM", "Hồ Chí Minh"),
    ("vi", "TP HCM", "Hồ Chí Minh"),
    ("vi", "TPHCM", "Hồ Chí Minh"),
    ("vi", "Hồ Chí Minh", "Hồ Chí Minh"),
    # a unit written with its dot may touch the name; without the dot it is a letter
    ("vi", "Q.Bình Thạnh", "Bình Thạnh"),
    ("vi", "P. Tân Định", "Tân Định"),
    ("vi", "Q Bình Thạnh", "Q Bình Thạnh"),
    # a number or a letter names nothing without its unit
    ("vi", "quận 5", "quận 5"),
    ("vi", "Q.3", "Q.3"),
    ("vi", "phường B", "phường B"),
    # a head that is no administrative unit is part of the name
    ("vi", "sông Hồng", "sông Hồng"),
    ("vi", "cầu Thủ Thiêm", "cầu Thủ Thiêm"),
    ("vi", "Biển Đông", "Biển Đông"),
    # a unit word before a lowercase word is no unit
    ("vi", "thành phố biển", "thành phố biển"),
    # languages without unit words keep the name
    ("en", "Lake Tahoe", "Lake Tahoe"),
    ("ru", "Нижний Новгород", "Нижний Новгород"),
]


@pytest.mark.parametrize(("lang", "text", "norm"), PLACES)
def test_a_place_norm_leaves_out_its_administrative_unit(lang, text, norm):
    assert bare_place(text, lang) == norm
