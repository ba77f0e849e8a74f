"""PERCENT: a number with "%" or a percent word, the value in percent and the unit "%".

"15%", "13,7%", "65 процентов", "90 phần trăm", "3.2 percent", "ten percent". The words
are the ``percent`` list of ``lang/<code>/numbers.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import regex

from factx import lang as langdata
from factx.model import Document, Label, Mention
from factx.rules import coordination, numbers, ranges
from factx.rules.amounts import Amounts, budget, followed
from factx.rules.compounds import Compounds

GAP = r"[ \u00a0\u202f]*"


@cache
def patterns(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The first letter of a sign or word after an amount, the percent sign or word matched
    right after it, and the first letter after a dashed range ("3–5%")."""
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
    return regex.compile(rf"{GAP}-?{first}"), after, regex.compile(rf"{GAP}{first}")


class PercentExtractor:
    """Percentages, written with a sign or a word, in digits or in words."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.PERCENT,)

    # The pipeline passes one amount scan to the extractors that share it.
    shared: ClassVar[dict[str, type]] = {"amounts": Amounts}

    def __init__(self, lang: str, amounts: Amounts | None = None) -> None:
        self.lang = lang
        self.follower, self.sign, self.dash_follower = patterns(lang)
        self.amounts = amounts or Amounts(lang)
        stems = langdata.load(lang, "numbers").get("percent_stems", ())
        self.adjectives = Compounds(lang, dict.fromkeys(stems, "%"))

    def extract(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        timeout = budget(text)
        scan = self.amounts.scan(text)
        found = [f for a in followed(scan.amounts, self.follower) if (f := self.read(a))]
        dashed = [m for m in scan.dashes if self.dash_follower.match(text, m.end())]  # "3–5%"
        found += [f for m in dashed for f in ranges.from_dash(m, self.read(m), self.lang)]
        # "50-процентной", "пятипроцентный": one word.
        found += [Found(c.start, c.end, c.value) for c in self.adjectives.find(text, timeout, scan)]
        found.sort(key=lambda f: f.start)
        same = lambda a, b: True  # noqa: E731 - every percentage has the unit "%"
        for f in coordination.pair_up(text, self.lang, found, same):
            if not numbers.finite(f.value, f.low, f.high):
                continue  # "9" * 400 "%": no float holds it
            yield Mention(
                Label.PERCENT,
                f.start,
                f.end,
                text[f.start : f.end],
                norm=None if f.low is None or f.high is None else ranges.norm(f.low, f.high),
                value=numbers.tidy(f.value),
                unit="%",
            )

    def read(self, amount: regex.Match[str]) -> Found | None:
        """The sign or word right after an amount; without its scale if only that way one
        follows."""
        text, scaled = amount.string, True
        m = self.sign.match(text, amount.end())
        if m is None and (amount["scale"] or amount["suffix"]):
            scaled, m = False, self.sign.match(text, amount.end("num"))
        value = numbers.amount_value(amount, self.lang, scaled) if m else None
        if m is None or value is None:
            return None
        scale = value / (numbers.parse_number(amount["num"], self.lang) or value or 1.0)
        return Found(amount.start(), m.end(), value, scale)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: float
    scale: float = 1.0
    low: float | None = None
    high: float | None = None
