"""MONEY: an amount with its currency, the scale applied and the currency as ISO 4217.

"350 tỷ đô la" → 350e9 USD, "$350bn" → 350e9 USD, "2,3 трлн рублей" → 2.3e12 RUB,
"3.200 tỷ đồng" → 3.2e12 VND. Currency names and symbols are read by
:mod:`factx.rules.currencies`.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import regex

from factx.model import Document, Label, Mention
from factx.rules import compiled, coordination, numbers, ranges, rates
from factx.rules.amounts import Amounts, budget, followed
from factx.rules.currencies import Currency, vocabulary
from factx.rules.forms import Forms

GAP = r"[ \u00a0\u202f]*"
GAP_RUN = regex.compile(GAP)
SPACE = r"[ \u00a0\u202f]"
# Cents written as a bare number count only at the end of the phrase: "$20 43".
PHRASE_END = regex.compile(r"[ \u00a0]*(?:$|[.;!?)\]\n])")
YEAR = regex.compile(r"(?:1[89]|20)\d\d")
LETTERS = regex.compile(r"\p{L}+")
# Money has at most two decimals, so "10,000" with no scale word after it is ten thousand
# even where a comma is the decimal mark ("$10,000" in a Russian article).
GROUPED = regex.compile(r"\d{1,3},\d{3}")


@dataclass(frozen=True)
class Patterns:
    prefix: regex.Pattern[str]  # a symbol or code, then the amount: "$350bn", "RM42"
    follower: regex.Pattern[str]  # the first letter of a currency after an amount
    dash_follower: regex.Pattern[str]  # …and after a dashed range ("3–5 млрд долларов")
    main: Forms  # after an amount: a currency ("рублей", "$")…
    sub: Forms  # …or a subunit ("центов")
    bare: regex.Pattern[str] | None  # "a dollar"
    cents: regex.Pattern[str]  # anchored after an amount: "and 27c"
    prefix_dash: regex.Pattern[str]  # "$3-5 million": a dashed range after its currency


@cache
def patterns(lang: str) -> Patterns:
    cur = vocabulary(lang)
    # Before the amount: a symbol or code, or one of the few names written first ("RM 42").
    symbols = numbers.alternation(cur.symbols)
    pre_words = numbers.forms_pattern(cur.prefix_words)
    first = numbers.initials(cur.prefix_words, cur.symbols)
    head = (
        rf"(?<![\w$€£¥₽₴]){first}"
        rf"(?:(?P<cur>{symbols})(?!(?<=\p{{L}})\p{{L}})|(?P<cur>{pre_words})){SPACE}?"
    )
    prefix = head + numbers.amount_pattern(lang, glued=True)
    words, signs = [*cur.words, *cur.sub_words], [*cur.symbols, *cur.sub_symbols]
    after_first = numbers.initials(words, signs)
    joiner = numbers.forms_pattern(cur.joiners) if cur.joiners else r"(?!)"
    subunits = numbers.forms_pattern(cur.sub_words, {**cur.sub_symbols, **cur.after_amount})
    cents = (
        rf"{SPACE}*(?:(?P<joiner>{joiner}|,){SPACE}+)?(?P<num>{numbers.number_pattern(lang)})"
        rf"(?:{GAP}(?P<sub>{subunits}))?"
    )
    bare = None
    if cur.articles and cur.bare:
        article = numbers.forms_pattern(cur.articles)
        bare = compiled.pattern(
            rf"(?<!\w)(?P<article>{article}){SPACE}+(?P<cur>{numbers.forms_pattern(cur.bare)})"
        )
    return Patterns(
        compiled.pattern(prefix),
        compiled.pattern(rf"{GAP}-?{after_first}"),
        compiled.pattern(rf"{GAP}{after_first}"),
        Forms(cur.words, cur.symbols),
        Forms(cur.sub_words, cur.sub_symbols),
        bare,
        compiled.pattern(cents),
        compiled.pattern(head + ranges.dash_source(lang, glued=True)),
    )


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: float
    code: str | None
    whole: bool  # no scale and an integer: cents may follow
    scale: float = 1.0  # "млрд" in "5 млрд рублей", lent to "от 3 до 5 млрд рублей"
    factor: float = 1.0  # the currency's: 0.01 for cents
    low: float | None = None  # a range: value is the midpoint
    high: float | None = None


class MoneyExtractor:
    """Amounts of money with a currency symbol, code or name before or after them."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.MONEY,)

    # The pipeline passes one amount scan to the extractors that share it.
    shared: ClassVar[dict[str, type]] = {"amounts": Amounts}

    def __init__(self, lang: str, amounts: Amounts | None = None) -> None:
        self.lang = lang
        self.cur = vocabulary(lang)
        self.patterns = patterns(lang)
        self.amounts = amounts or Amounts(lang)

    def extract(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        p = self.patterns
        timeout = budget(text)
        scan = self.amounts.scan(text)
        # Each scan runs to the end before its matches are read, so the timeout measures the
        # regex alone, not the work done per match.
        found = [f for m in list(p.prefix.finditer(text, timeout=timeout)) if (f := self.before(m))]
        found += [f for m in followed(scan.amounts, p.follower) if (f := self.after(m))]
        if p.bare is not None:
            bare = list(p.bare.finditer(text, timeout=timeout))
            found += [f for m in bare if (f := self.one(m))]
        in_currency = lambda v, f: v * f.factor  # noqa: E731 - cents are 0.01 of a dollar
        # Dashed ranges: "3–5 млрд долларов", "$3-5 million".
        dashed = [m for m in scan.dashes if p.dash_follower.match(text, m.end())]
        for m in dashed:
            found += ranges.from_dash(m, self.after(m), self.lang, in_currency)
        for m in list(p.prefix_dash.finditer(text, timeout=timeout)):
            found += ranges.from_dash(m, self.before(m), self.lang, in_currency)
        kept = longest_first([self.with_cents(text, f) for f in found])
        same = lambda a, b: a.code == b.code  # noqa: E731
        items = coordination.pair_up(text, self.lang, kept, same, to_value=in_currency)
        # A price per something ("$78.40 a barrel") keeps its currency as the unit; the
        # first of two joined prices shares the second's ("from $3.50 to $4.20 a gallon").
        pers = [rates.per_after(text, f.end, self.lang) for f in items]
        for i in range(len(items) - 2, -1, -1):
            if pers[i] is None and coordination.adjacent(
                text, items[i].end, items[i + 1].start, self.lang
            ):
                pers[i] = pers[i + 1]
        for f, per in zip(items, pers, strict=True):
            if not numbers.finite(f.value, f.low, f.high):
                continue
            yield Mention(
                Label.MONEY,
                f.start,
                f.end,
                text[f.start : f.end],
                norm=None if f.low is None or f.high is None else ranges.norm(f.low, f.high),
                value=numbers.tidy(f.value),
                unit=f.code,
                per=per.symbol if per else None,
            )

    def before(self, m: regex.Match[str]) -> Found | None:
        """A currency written before its amount: "$350bn", "US$ 3.9 billion", "RM42"."""
        cur = self.cur.symbols.get(m["cur"]) or self.cur.prefix_words.get(numbers.fold(m["cur"]))
        if cur is None:
            return None
        if LETTERS.fullmatch(m["cur"]) and (
            YEAR.fullmatch(m["num"]) or m["num"][:1] in "-−" or m["num"][:1].isalpha()
        ):
            return None  # "Euro 2024", "SR-71": a name with a year or a model number
        return self.found(m.start(), m.end(), m["num"], m["scale"] or m["suffix"], cur)

    def after(self, amount: regex.Match[str]) -> Found | None:
        """A currency or subunit after its amount: "350 tỷ đô la", "10к$", "43 цента"."""
        text = amount.string
        scale = amount["scale"] or amount["suffix"]
        m = self.currency_at(text, amount.end())
        if m is None and scale:
            m, scale = self.currency_at(text, amount.end("num")), None
        if m is None:
            return None
        is_sub, form, end = m
        cur = self.cur.sub(form) if is_sub else self.cur.main(form)
        if cur is None or (cur.needs and not cur.needs.match(text, end)):
            return None
        if (cur.after_scale and not scale) or (
            cur.not_after and cur.not_after & numbers.words_before(text, amount.start())
        ):
            return None  # "8 marks" in an exam, "weighed 20 pounds"
        found = self.found(amount.start(), end, amount["num"], scale, cur)
        return dataclasses.replace(found, whole=False) if found and is_sub else found

    def currency_at(self, text: str, at: int) -> tuple[bool, str, int] | None:
        """The currency or subunit after ``at`` and spaces: whether it is a subunit, the
        form as written, and where it ends."""
        start = GAP_RUN.match(text, at).end()
        for is_sub, forms in ((False, self.patterns.main), (True, self.patterns.sub)):
            if (hit := forms.match(text, start)) is not None:
                return is_sub, text[start : hit[1]], hit[1]
        return None

    def found(
        self, start: int, end: int, number: str, scale: str | None, cur: Currency
    ) -> Found | None:
        value = numbers.parse_number(number, self.lang)
        if not scale and GROUPED.fullmatch(number):
            value = float(number.replace(",", ""))
        if value is None:
            return None
        factor = (numbers.parse_scale(scale, self.lang) or 1.0) if scale else 1.0
        value *= factor
        if not numbers.finite(value * cur.factor):
            return None  # "9" * 400: no float holds it
        whole = not scale and value == int(value)
        return Found(start, end, value * cur.factor, cur.code, whole, factor, cur.factor)

    def one(self, m: regex.Match[str]) -> Found | None:
        """One unit after an article ("a dollar"), unless it is a rate after an amount."""
        cur = self.cur.bare.get(numbers.fold(m["cur"]))
        before = m.string[max(0, m.start() - 30) : m.start()].split()
        if cur is None or (before and any(ch.isdigit() for ch in before[-1])):
            return None
        return Found(m.start(), m.end(), cur.factor, cur.code, True, factor=cur.factor)

    def with_cents(self, text: str, f: Found) -> Found:
        """The cents after an amount: "$30 and 27c", "20 долларов 43 цента", "hai đô 23"."""
        if not f.whole:
            return f
        m = self.patterns.cents.match(text, f.end)
        if m is None:
            return f
        cents = numbers.parse_number(m["num"], self.lang)
        if cents is None or not 0 < cents < 100 or cents != int(cents):
            return f
        if m["sub"]:
            sub = self.cur.sub(m["sub"])
            if sub is None or (sub.needs and not sub.needs.match(text, m.end())):
                return f
            factor = sub.factor
        else:
            # A bare number is cents only where the phrase ends and no range is open.
            ends = m["joiner"] != "," and PHRASE_END.match(text, m.end())
            if not ends or (m["joiner"] and self.in_range(text, f.start)):
                return f
            factor = 0.01
        return dataclasses.replace(f, end=m.end(), value=f.value + cents * factor, whole=False)

    def in_range(self, text: str, start: int) -> bool:
        """Whether a range is open before the amount: "between $5 and 10" is no $5.10."""
        before = text[max(0, start - 40) : start].casefold().split()
        return bool(before) and bool(self.cur.range_words & set(before[-3:]))


def longest_first(found: list[Found]) -> list[Found]:
    """One reading per stretch of text: the longest match wins, then the earliest."""
    spans: list[tuple[int, int]] = []  # kept spans, sorted and disjoint
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        i = bisect_left(spans, (f.start, f.end))
        if (i and spans[i - 1][1] > f.start) or (i < len(spans) and spans[i][0] < f.end):
            continue
        insort(spans, (f.start, f.end))
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)
