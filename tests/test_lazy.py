"""Patterns compiled on first use match as the compiled pattern does."""

from __future__ import annotations

import pytest
import regex

from factx.rules.lazy import LazyPattern

CASES = [
    (r"(?r)(?<n>\d+)\s+\Z", "за 25 лет", (0, 6), "25"),
    (r"\s+(?<n>\d+)(?!\w)", "2 giờ 30 phút", (5, 6), None),
    (r"(?i)half", "Half an hour", (0, 12), None),
]


@pytest.mark.parametrize(("source", "text", "bounds", "n"), CASES)
def test_lazy_search_and_match_equal_the_compiled_pattern(source, text, bounds, n):
    lazy, compiled = LazyPattern(source), regex.compile(source)
    assert "pattern" not in vars(lazy)  # nothing compiled before the first use
    found = lazy.search(text, *bounds)
    expected = compiled.search(text, *bounds)
    assert (found and found.span()) == (expected and expected.span())
    if n is not None:
        assert found["n"] == n
    assert (lazy.match(text) and lazy.match(text).span()) == (
        compiled.match(text) and compiled.match(text).span()
    )
    assert "pattern" in vars(lazy)


def test_a_pattern_without_a_place_to_start_in_a_text_is_never_compiled():
    from factx.rules.amounts import Amounts
    from factx.rules.starts import Starts

    scan = Amounts("en").scan("Prices rose in May 2024.")
    closest = LazyPattern(r"\b(?:closest|nearest)\s+\w+", regex.I)
    starts = Starts(prefixes=("closest", "nearest"))
    assert scan.matches(closest, scan.starts(prefixes=starts.prefixes)) == ()
    assert "pattern" not in vars(closest)
    scan = Amounts("en").scan("the closest Friday to May 9")
    found = scan.matches(closest, scan.starts(prefixes=starts.prefixes))
    assert [m[0] for m in found] == ["closest Friday"]
