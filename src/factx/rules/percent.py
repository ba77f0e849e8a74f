"""PERCENT: a number with "%" or a percent word, the value in percent and the unit "%".

"15%", "12,5%", "70 процентов", "90 phần trăm", "3.2 percent", "ten percent". The words
are the ``percent`` list of ``lang/<code>/numbers.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

import regex

from factx import lang as langdata
from factx.model import Document, Label, Mention
from factx.rules import numbers

TIMEOUT = 1.0  # seconds per 200 000 characters: a backstop, the patterns are linear
GAP = r"[ \u00a0\u202f]*"


@cache
def patterns(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The amount scan and the percent sign or word matched right after each amount."""
    words = langdata.load(lang, "numbers").get("percent", ())
    if not words:
        raise ValueError(
            f"No percent words for language '{lang}': add a `percent` list to "
            f'src/factx/lang/{lang}/numbers.toml, e.g. percent = ["%", "percent"].'
        )
    signs = [w for w in words if not regex.search(r"\w", w)]
    spelt = [w for w in words if w not in signs]
    first = numbers.initials(spelt, signs)
    sign = numbers.alternation(signs) if signs else r"(?!)"
    after = regex.compile(rf"{GAP}{first}(?:{sign}|{numbers.forms_pattern(spelt)})")
    return regex.compile(numbers.amount_before(lang, first)), after


class PercentExtractor:
    """Percentages, written with a sign or a word, in digits or in words."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.PERCENT,)

    def __init__(self, lang: str, **options: Any) -> None:
        if options:
            raise ValueError(f"the percent extractor takes no options, got {sorted(options)}")
        self.lang = lang
        self.scan, self.sign = patterns(lang)

    def extract(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        timeout = TIMEOUT * max(1.0, len(text) / 200_000)
        # The scan runs to the end before its matches are read, so the timeout measures the
        # regex alone, not the work done per match.
        for amount in list(self.scan.finditer(text, timeout=timeout)):
            scaled = True
            m = self.sign.match(text, amount.end())
            if m is None and (amount["scale"] or amount["suffix"]):
                scaled, m = False, self.sign.match(text, amount.end("num"))
            value = numbers.amount_value(amount, self.lang, scaled) if m else None
            if value is None:
                continue
            yield Mention(
                Label.PERCENT,
                amount.start(),
                m.end(),
                text[amount.start() : m.end()],
                value=numbers.tidy(value),
                unit="%",
            )
