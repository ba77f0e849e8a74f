"""Currency names, symbols and codes per language, as :mod:`factx.rules.money` reads them.

Each language's ``lang/<code>/currencies.toml`` gives its names; every ISO 4217 code is read
too, active ones from pycountry and the withdrawn ones news still uses. Names written in
another script are read in every language ("10 млн USD", "500 рублей" in an English text,
"100 dollars" in a Russian one), since mixed text keeps a currency in its own script.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import pycountry
import regex

from factx import lang as langdata
from factx.rules import numbers

# Codes ISO 4217 has withdrawn (pycountry lists only active ones), which news and archives
# still use: "57 BGN", "50 million DEM".
# fmt: off
WITHDRAWN = (
    "ATS", "BEF", "BGN", "BYR", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GRD", "HRK", "IEP",
    "ITL", "LTL", "LUF", "LVL", "MTL", "NLG", "PTE", "SIT", "SKK", "SLL", "VEF", "ZWL",
)
# fmt: on
CYRILLIC = regex.compile(r"\p{Cyrillic}")


@dataclass(frozen=True)
class Currency:
    code: str | None
    factor: float = 1.0
    needs: regex.Pattern[str] | None = None
    # Words among the three before the amount that make the form no money ("weighed 20
    # pounds"), and whether the form needs a scale before it ("50 million marks").
    not_after: frozenset[str] = frozenset()
    after_scale: bool = False


@dataclass(frozen=True)
class Currencies:
    """One language's ``currencies.toml`` plus the ISO 4217 codes."""

    symbols: dict[str, Currency]
    words: dict[str, Currency]
    prefix_words: dict[str, Currency]
    bare: dict[str, Currency]
    sub_symbols: dict[str, Currency]
    sub_words: dict[str, Currency]
    after_amount: dict[str, Currency]
    joiners: tuple[str, ...]
    range_words: frozenset[str]
    articles: tuple[str, ...]

    @classmethod
    def load(cls, lang: str) -> Currencies:
        data = langdata.require(lang, "currencies", "currencies", key="currencies")
        foreign = foreign_words(lang)
        excluded = set(data.get("not_codes", ()))
        codes = [*(c.alpha_3 for c in pycountry.currencies), *WITHDRAWN]
        symbols = {code: Currency(code) for code in codes if code not in excluded}
        words: dict[str, Currency] = dict(foreign)
        prefix: dict[str, Currency] = {}
        bare: dict[str, Currency] = {}
        for entry in data["currencies"]:
            cur = currency(entry)
            symbols.update((s, cur) for s in entry.get("symbols", ()))
            words.update((numbers.fold(w), cur) for w in entry.get("words", ()))
            prefix.update((numbers.fold(w), cur) for w in entry.get("prefix", ()))
            bare.update((numbers.fold(w), cur) for w in entry.get("bare", ()))
        sub_symbols: dict[str, Currency] = {}
        sub_words: dict[str, Currency] = {}
        after_amount: dict[str, Currency] = {}
        for entry in data.get("subunits", ()):
            cur = currency(entry, default_factor=0.01)
            sub_symbols.update((s, cur) for s in entry.get("symbols", ()))
            after_amount.update((s, cur) for s in entry.get("after_amount", ()))
            sub_words.update((numbers.fold(w), cur) for w in entry.get("words", ()))
        return cls(
            symbols=symbols,
            words=words,
            prefix_words=prefix,
            bare=bare,
            sub_symbols=sub_symbols,
            sub_words=sub_words,
            after_amount=after_amount,
            joiners=tuple(data.get("joiners", ())),
            range_words=frozenset(w.casefold() for w in data.get("range_words", ())),
            articles=tuple(data.get("articles", ())),
        )

    def main(self, form: str) -> Currency | None:
        return self.symbols.get(form) or self.words.get(numbers.fold(form))

    def sub(self, form: str) -> Currency | None:
        return (
            self.sub_symbols.get(form)
            or self.sub_words.get(numbers.fold(form))
            or self.after_amount.get(form)
        )


def currency(entry: dict[str, Any], default_factor: float = 1.0) -> Currency:
    code = entry.get("code") or None
    if code is not None and not regex.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"currencies.toml: '{code}' is not an ISO 4217 code like 'USD'.")
    needs = regex.compile(entry["needs"]) if entry.get("needs") else None
    not_after = frozenset(numbers.fold(w) for w in entry.get("not_after", ()))
    factor = float(entry.get("factor", default_factor))
    return Currency(code, factor, needs, not_after, bool(entry.get("after_scale", False)))


def script(word: str) -> str:
    return "Cyrillic" if CYRILLIC.search(word) else "Latin"


def foreign_words(lang: str) -> dict[str, Currency]:
    """Currency words of the other languages written in another script than most of this
    one's ("dollars" for Russian, "рублей" for English and Vietnamese)."""
    entries = langdata.load(lang, "currencies").get("currencies", ())
    scripts = Counter(script(w) for e in entries for w in e.get("words", ()))
    own = scripts.most_common(1)[0][0] if scripts else "Latin"
    out: dict[str, Currency] = {}
    for folder in sorted(files(langdata.__name__).iterdir(), key=lambda f: f.name):
        other = folder.name
        if other == lang or not langdata.path(other, "currencies").is_file():
            continue
        for entry in langdata.load(other, "currencies").get("currencies", ()):
            cur = currency(entry)
            for w in entry.get("words", ()):
                if script(w) != own:
                    out.setdefault(numbers.fold(w), cur)
    return out


@cache
def vocabulary(lang: str) -> Currencies:
    return Currencies.load(lang)
