"""factx.testing must reject each way a plugin can break the Mention contract, and pass a
plugin that keeps it; otherwise plugin authors get false confidence from it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, ClassVar

import pytest
import regex

from factx.link import Change, Fact, Phrase
from factx.model import Document, Label, Mention
from factx.testing import (
    ODD_TEXTS,
    check_extractor,
    check_linker,
    check_linker_robust,
    check_protocol,
    check_robust,
    digit_amounts,
)

NUMBER = regex.compile(r"\d+")
TEXTS = {
    "ru": ["Россия добыла 658 млн тонн, из них 28 млн тонн — редкоземельные металлы."],
    "vi": ["Nga nắm giữ 658 triệu tấn kim loại hiếm, bao gồm 15 loại đất hiếm."],
    "en": ["China produced 270 thousand tonnes of rare earths in 2024."],
}


class Numbers:
    """A correct extractor: every run of digits, as a QUANTITY with its value."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.QUANTITY,)

    def __init__(self, lang: str, **options: Any) -> None:
        self.lang = lang

    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return Mention(Label.QUANTITY, *match.span(), match.group(), value=float(match.group()))

    def extract(self, doc: Document) -> Iterator[Mention]:
        for match in NUMBER.finditer(doc.text):
            yield self.mention(doc, match)


class ShiftedOffset(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return Mention(Label.QUANTITY, match.start() + 1, match.end() + 1, match.group())


class PastTheEnd(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        end = len(doc.text) + 5
        return Mention(Label.QUANTITY, match.start(), end, doc.text[match.start() : end])


class EmptySpan(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return Mention(Label.QUANTITY, match.start(), match.start(), "")


class UndeclaredLabel(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return Mention(Label.MONEY, *match.span(), match.group())


class LowerCaseLabel(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return Mention("quantity", *match.span(), match.group())


class InfiniteValue(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return Mention(Label.QUANTITY, *match.span(), match.group(), value=float("nan"))


class StringValue(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return Mention(Label.QUANTITY, *match.span(), match.group(), value=match.group())


class TupleNotMention(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        return (Label.QUANTITY, *match.span())


class CrashesOnDigits(Numbers):
    def mention(self, doc: Document, match: regex.Match[str]) -> Any:
        raise KeyError(match.group())


@pytest.mark.parametrize(
    ("extractor", "problem"),
    [
        (ShiftedOffset, "not mention.text"),
        (PastTheEnd, "outside the text"),
        (EmptySpan, "are empty"),
        (UndeclaredLabel, "'MONEY' is not declared"),
        (LowerCaseLabel, "'quantity' is not an upper-case identifier"),
        (InfiniteValue, "value nan is not finite"),
        (StringValue, "value must be a float"),
        (TupleNotMention, "not a factx.model.Mention"),
        (CrashesOnDigits, "extract raised KeyError"),
    ],
)
@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_check_extractor_names_class_text_and_problem(
    extractor: type[Numbers], problem: str, lang: str
) -> None:
    with pytest.raises(AssertionError) as caught:
        check_extractor(extractor(lang), TEXTS[lang], lang)
    message = str(caught.value)
    assert extractor.__qualname__ in message
    assert problem in message
    assert repr(TEXTS[lang][0]) in message


@pytest.mark.parametrize(
    ("attrs", "problem"),
    [
        ({"labels": ()}, "`labels` must be a non-empty tuple"),
        ({"labels": ["QUANTITY"]}, "`labels` must be a non-empty tuple"),
        ({"labels": ("Quantity",)}, "not an upper-case identifier"),
        ({"languages": ("rus",)}, "not an ISO 639-1 code"),
        ({"languages": "ru"}, "`languages` must be a non-empty tuple"),
        ({"extract": None}, "has no callable `extract(doc)`"),
    ],
)
def test_check_protocol_rejects_malformed_class(attrs: dict[str, Any], problem: str) -> None:
    broken = type("Broken", (Numbers,), attrs)
    with pytest.raises(AssertionError, match="Broken") as caught:
        check_protocol(broken)
    assert problem in str(caught.value)


def test_check_extractor_rejects_undeclared_language() -> None:
    with pytest.raises(AssertionError, match="language 'de' is not among"):
        check_extractor(Numbers, ["Es gibt 5 Seltene Erden."], "de")


@pytest.mark.parametrize(
    ("lang", "values"),
    [
        ("ru", [658.0, 28.0]),
        ("vi", [658.0, 15.0]),
        ("en", [270.0, 2024.0]),
    ],
)
def test_check_extractor_passes_correct_extractor(lang: str, values: list[float]) -> None:
    for extractor in (Numbers, Numbers(lang)):  # a class is built with cls(lang)
        mentions = check_extractor(extractor, TEXTS[lang], lang)
        assert [m.value for m in mentions] == values
        assert all(m.label == "QUANTITY" for m in mentions)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_check_robust_passes_correct_extractor(lang: str) -> None:
    mentions = check_robust(Numbers(lang), lang)
    assert mentions  # the digit soup and the dates do contain numbers


class CrashesOnEmpty(Numbers):
    def extract(self, doc: Document) -> Iterator[Mention]:
        if not doc.text.strip():
            raise ValueError("nothing to read")
        yield from super().extract(doc)


class CrashesOnLongText(Numbers):
    def extract(self, doc: Document) -> Iterator[Mention]:
        if len(doc.text) > 5000:
            raise RecursionError("maximum recursion depth exceeded")
        yield from super().extract(doc)


@pytest.mark.parametrize(
    ("extractor", "problem"),
    [
        (CrashesOnEmpty, "extract raised ValueError: nothing to read"),
        (CrashesOnLongText, "extract raised RecursionError"),
        (PastTheEnd, "outside the text"),
    ],
)
def test_check_robust_catches_crash_on_odd_input(extractor: type[Numbers], problem: str) -> None:
    with pytest.raises(AssertionError) as caught:
        check_robust(extractor("en"), "en")
    assert extractor.__qualname__ in str(caught.value)
    assert problem in str(caught.value)


def test_odd_texts_cover_what_the_contract_promises() -> None:
    assert "" in ODD_TEXTS
    assert any(t and t.isspace() for t in ODD_TEXTS)
    assert any(len(t) == 10_000 and not regex.search(r"\p{L}", t) for t in ODD_TEXTS)
    assert any(regex.search(r"\p{Bidi_Class=R}|\p{Bidi_Class=AL}", t) for t in ODD_TEXTS)
    assert any(regex.search(r"\p{Cc}", t) for t in ODD_TEXTS)


# Linker kit: check_linker must reject each way a linker can break the Fact contract.


class FirstWord:
    """A correct linker: each amount is held by the first word of its text."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")

    def __init__(self, lang: str, **options: Any) -> None:
        self.lang = lang

    def link(self, doc: Document, mentions: Any) -> list[Fact]:
        first = regex.search(r"\w+", doc.text)
        holder = Phrase(first.start(), first.end(), first.group()) if first else None
        return [
            Fact(m, holder=holder, change=Change.NONE, score=0.5)
            for m in mentions
            if str(m.label) in ("MONEY", "QUANTITY", "PERCENT")
        ]


class WrongHolderText(FirstWord):
    def link(self, doc, mentions):
        return [replace(f, holder=Phrase(0, 1, "?")) for f in super().link(doc, mentions)]


class InventedAmount(FirstWord):
    def link(self, doc, mentions):
        return [Fact(Mention("MONEY", 0, 1, doc.text[:1]))] if doc.text else []


class ScoreAboveOne(FirstWord):
    def link(self, doc, mentions):
        return [replace(f, score=1.5) for f in super().link(doc, mentions)]


class CrashesOnEmpty(FirstWord):
    def link(self, doc, mentions):
        if not doc.text.strip():
            raise IndexError("empty")
        return super().link(doc, mentions)


class NoLink:
    languages: ClassVar[tuple[str, ...]] = ("en",)


LINKED = {lang: [(t, digit_amounts(t)) for t in texts] for lang, texts in TEXTS.items()}


@pytest.mark.parametrize("lang", ["ru", "vi", "en"])
def test_check_linker_passes_correct_linker(lang: str) -> None:
    facts = check_linker(FirstWord, LINKED[lang], lang)
    assert len(facts) == sum(len(m) for _, m in LINKED[lang]) > 0
    assert check_linker_robust(FirstWord, lang)


@pytest.mark.parametrize(
    ("linker", "problem"),
    [
        (WrongHolderText, "is not holder.text"),
        (InventedAmount, "is not one of the MONEY, QUANTITY or PERCENT mentions"),
        (ScoreAboveOne, "is not a number in [0, 1]"),
        (NoLink, "has no callable `link(doc, mentions)`"),
    ],
)
def test_check_linker_rejects_broken_facts(linker: type, problem: str) -> None:
    with pytest.raises(AssertionError, match=regex.escape(problem)):
        check_linker(linker, LINKED["en"], "en")


def test_check_linker_robust_catches_crash_on_odd_input() -> None:
    with pytest.raises(AssertionError, match="link raised IndexError"):
        check_linker_robust(CrashesOnEmpty, "en")


@pytest.mark.parametrize("lang", ["ru", "vi", "en"])
def test_the_syntax_linker_keeps_the_contract(all_languages, lang: str) -> None:
    (linker,) = [x for _, x in all_languages.pipeline(lang).linkers]
    check_linker_robust(linker, lang)
    assert check_linker(linker, LINKED[lang], lang)
