"""Contract checks for extractor plugins, for a plugin's own pytest suite.

The pipeline trusts every Mention it is handed: a wrong offset or an undeclared label does
not fail there, it silently ends up as a wrong row in someone's table. These helpers turn
the contract into assertions a plugin author runs before publishing, with messages that name
the extractor, the text and the offending mention.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

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


def check_protocol(extractor: Extractor | type[Extractor]) -> None:
    """The class attributes the registry and ``factx plugins`` read without instantiating."""
    cls = extractor if isinstance(extractor, type) else type(extractor)
    languages = getattr(cls, "languages", None)
    if not isinstance(languages, tuple) or not languages:
        raise _error(cls, f"`languages` must be a non-empty tuple, got {languages!r}")
    for code in languages:
        if not isinstance(code, str) or not LANGUAGE.fullmatch(code):
            raise _error(cls, f"`languages` holds {code!r}, not an ISO 639-1 code or '*'")
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
    if lang not in cls.languages and "*" not in cls.languages:
        raise _error(cls, f"language {lang!r} is not among languages {cls.languages!r}")
    instance = extractor(lang) if isinstance(extractor, type) else extractor
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
