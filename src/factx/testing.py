"""Contract checks for extractor and linker plugins, for a plugin's own pytest suite.

The pipeline trusts every Mention it is handed: a wrong offset or an undeclared label does
not fail there, it silently ends up as a wrong row in someone's table. These helpers turn
the contract into assertions a plugin author runs before publishing, with messages that name
the extractor, the text and the offending mention.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from factx.link.fact import AMOUNTS, Change, Fact, Phrase
from factx.model import Document, Mention
from factx.registry import Extractor

LABEL = re.compile(r"[A-Z][A-Z0-9_]*")
LANGUAGE = re.compile(r"[a-z]{2}|\*")

# Inputs real feeds deliver sooner or later; none of them may crash an extractor.
ODD_TEXTS: tuple[str, ...] = (
    "",
    " ",
    " \t\n\r\n\u00a0\u2003\u3000 ",
    "🙂👍🏽 🇷🇺🇻🇳 👨\u200d👩\u200d👧 2025 🚀",
    "مرحبا بالعالم ١٢٣٤ שלום עולם \u202bRTL\u202c",
    "\x00\x01\x07\x1b[31m\x7f\u200b\u200e\ufeff\x85\u2028\u2029",
    "Москва Hà Nội 北京 Αθήνα नई दिल्ली e\u0301 \ufb01 \u2115 \u216b 2025-11-13",
    ("0123456789 .,:;-/%+ 1,5 3.000 12/2025 " * 300)[:10_000],
)


def _name(extractor: Any) -> str:
    cls = extractor if isinstance(extractor, type) else type(extractor)
    return f"{cls.__module__}.{cls.__qualname__}"


def _error(
    extractor: Any, problem: str, text: str | None = None, mention: Any = None
) -> AssertionError:
    message = f"{_name(extractor)}: {problem}"
    if text is not None:
        snippet = text if len(text) <= 200 else f"{text[:200]}… ({len(text)} chars)"
        message += f"\n  text: {snippet!r}"
    if mention is not None:
        message += f"\n  mention: {mention!r}"
    return AssertionError(message)


def check_languages(cls: type) -> None:
    """``languages``: a non-empty tuple of ISO 639-1 codes or "*", for any plugin kind."""
    languages = getattr(cls, "languages", None)
    if not isinstance(languages, tuple) or not languages:
        raise _error(cls, f"`languages` must be a non-empty tuple, got {languages!r}")
    for code in languages:
        if not isinstance(code, str) or not LANGUAGE.fullmatch(code):
            raise _error(cls, f"`languages` holds {code!r}, not an ISO 639-1 code or '*'")


def instance_for(plugin: Any, lang: str) -> Any:
    """The plugin built for ``lang`` if a class was given, after checking it takes ``lang``."""
    cls = plugin if isinstance(plugin, type) else type(plugin)
    if lang not in cls.languages and "*" not in cls.languages:
        raise _error(cls, f"language {lang!r} is not among languages {cls.languages!r}")
    return plugin(lang) if isinstance(plugin, type) else plugin


def check_protocol(extractor: Extractor | type[Extractor]) -> None:
    """The class attributes the registry and ``factx plugins`` read without instantiating."""
    cls = extractor if isinstance(extractor, type) else type(extractor)
    check_languages(cls)
    labels = getattr(cls, "labels", None)
    if not isinstance(labels, tuple) or not labels:
        raise _error(cls, f"`labels` must be a non-empty tuple, got {labels!r}")
    for label in labels:
        if not isinstance(label, str) or not LABEL.fullmatch(label):
            raise _error(cls, f"`labels` holds {label!r}, not an upper-case identifier")
    if not callable(getattr(cls, "extract", None)):
        raise _error(cls, "has no callable `extract(doc)`")


def check_mention(extractor: Any, doc: Document, mention: Any) -> None:
    """One mention against the contract; the pipeline relies on each of these."""
    cls = extractor if isinstance(extractor, type) else type(extractor)
    text = doc.text

    def fail(problem: str) -> AssertionError:
        return _error(cls, problem, text, mention)

    if not isinstance(mention, Mention):
        raise fail(f"yielded a {type(mention).__name__}, not a factx.model.Mention")
    start, end = mention.start, mention.end
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in (start, end)):
        raise fail("offsets must be ints")
    if not 0 <= start < end <= len(text):
        raise fail(f"offsets {start}:{end} are empty or outside the text (length {len(text)})")
    if text[start:end] != mention.text:
        raise fail(f"text[{start}:{end}] is {text[start:end]!r}, not mention.text")
    if not isinstance(mention.label, str) or not LABEL.fullmatch(mention.label):
        raise fail(f"label {mention.label!r} is not an upper-case identifier")
    if mention.label not in cls.labels:
        declared = tuple(str(label) for label in cls.labels)
        raise fail(f"label {str(mention.label)!r} is not declared in labels {declared!r}")
    for field in ("value", "score"):
        number = getattr(mention, field)
        if number is None:
            continue
        if not isinstance(number, float | int) or isinstance(number, bool):
            raise fail(f"{field} must be a float or None, got {type(number).__name__}")
        if not math.isfinite(number):
            raise fail(f"{field} {number!r} is not finite")
    for field in ("norm", "unit"):
        if not isinstance(getattr(mention, field), str | None):
            raise fail(f"{field} must be a str or None")


def check_extractor(
    extractor: Extractor | type[Extractor], texts: Iterable[str], lang: str
) -> list[Mention]:
    """Run the extractor over each text as a Document and check every mention it yields.

    Takes an instance, or a class that is built with ``cls(lang)``. Returns all mentions in
    order, so the caller can go on to assert what was found.
    """
    check_protocol(extractor)
    cls = extractor if isinstance(extractor, type) else type(extractor)
    instance = instance_for(extractor, lang)
    found: list[Mention] = []
    for i, text in enumerate(texts):
        doc = Document(f"check-{i}", text, lang)
        try:
            mentions = list(instance.extract(doc))
        except Exception as exc:
            problem = f"extract raised {type(exc).__name__}: {exc}"
            raise _error(cls, problem, text) from exc
        for mention in mentions:
            check_mention(cls, doc, mention)
        found.extend(mentions)
    return found


def check_robust(extractor: Extractor | type[Extractor], lang: str) -> list[Mention]:
    """Empty, blank, emoji, RTL, control characters, mixed scripts, 10k digits: no crash."""
    return check_extractor(extractor, ODD_TEXTS, lang)


# Linkers (the factx.linkers group): the same contract checks, for facts.

DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def check_linker_protocol(linker: Any) -> None:
    """What the pipeline reads from a linker class: ``languages`` and a callable ``link``."""
    cls = linker if isinstance(linker, type) else type(linker)
    check_languages(cls)
    if not callable(getattr(cls, "link", None)):
        raise _error(cls, "has no callable `link(doc, mentions)`")


def check_fact(linker: Any, doc: Document, mentions: Sequence[Mention], fact: Any) -> None:
    """One fact against the contract: it is built on one of the amounts it was given, every
    phrase is a span of the text, and the change, date and score are well formed."""
    cls = linker if isinstance(linker, type) else type(linker)
    text = doc.text

    def fail(problem: str) -> AssertionError:
        return _error(cls, problem, text, fact)

    if not isinstance(fact, Fact):
        raise fail(f"returned a {type(fact).__name__}, not a factx.link.Fact")
    amounts = {(m.start, m.end) for m in mentions if str(m.label) in AMOUNTS}
    if (fact.amount.start, fact.amount.end) not in amounts:
        raise fail("its amount is not one of the MONEY, QUANTITY or PERCENT mentions given")
    for field in ("measured", "holder", "predicate", "source"):
        phrase = getattr(fact, field)
        if phrase is None:
            continue
        if not isinstance(phrase, Phrase):
            raise fail(f"{field} must be a factx.link.Phrase or None")
        if not 0 <= phrase.start < phrase.end <= len(text):
            raise fail(f"{field} offsets {phrase.start}:{phrase.end} are empty or outside")
        if text[phrase.start : phrase.end] != phrase.text:
            raise fail(f"text[{phrase.start}:{phrase.end}] is not {field}.text {phrase.text!r}")
    if fact.change not in tuple(Change):
        raise fail(f"change {fact.change!r} is not one of {[str(c) for c in Change]}")
    for field in ("holder_label", "holder_norm", "date"):
        if not isinstance(getattr(fact, field), str | None):
            raise fail(f"{field} must be a str or None")
    score = fact.score
    if not isinstance(score, float | int) or isinstance(score, bool) or not 0 <= score <= 1:
        raise fail(f"score {score!r} is not a number in [0, 1]")


def check_linker(
    linker: Any, cases: Iterable[tuple[str, Sequence[Mention]]], lang: str
) -> list[Fact]:
    """Link each text with the mentions given for it and check every fact returned.

    Takes an instance, or a class built with ``cls(lang)``. Returns the facts in order, so
    the caller can go on to assert what was linked.
    """
    check_linker_protocol(linker)
    cls = linker if isinstance(linker, type) else type(linker)
    instance = instance_for(linker, lang)
    found: list[Fact] = []
    for i, (text, mentions) in enumerate(cases):
        doc = Document(f"check-{i}", text, lang)
        try:
            facts = list(instance.link(doc, list(mentions)))
        except Exception as exc:
            raise _error(cls, f"link raised {type(exc).__name__}: {exc}", text) from exc
        for fact in facts:
            check_fact(cls, doc, mentions, fact)
        found.extend(facts)
    return found


def digit_amounts(text: str) -> list[Mention]:
    """Every number in ``text`` as a QUANTITY mention: stand-in amounts for odd input."""
    return [Mention("QUANTITY", *m.span(), m.group()) for m in DIGITS.finditer(text)]


def check_linker_robust(linker: Any, lang: str) -> list[Fact]:
    """The odd texts extractors face, each number an amount, and none at all: no crash."""
    cases = [(text, digit_amounts(text)) for text in ODD_TEXTS]
    cases += [(text, []) for text in ODD_TEXTS[:3]]
    return check_linker(linker, cases, lang)
