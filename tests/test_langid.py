from __future__ import annotations

import pytest

from factx.langid import LanguageIdentifier

CASES = [
    ("Президент России Владимир Путин поручил правительству подготовить карту.", "ru"),
    ("Tổng thống Putin đã mô tả ngành công nghiệp này là nguồn lực chiến lược.", "vi"),
    ("The president said the plan would be ready by December.", "en"),
]


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier(["ru", "vi", "en"])


@pytest.mark.parametrize(("text", "lang"), CASES)
def test_detects_the_configured_languages(identifier, text, lang):
    assert identifier.detect(text) == lang


def test_a_single_language_needs_no_detection():
    assert LanguageIdentifier(["ru"]).detect("anything") == "ru"
