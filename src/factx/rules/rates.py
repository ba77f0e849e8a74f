"""What an amount is per: "a day", "в сутки", "/ người", "per barrel", "за тонну".

A rate keeps its "per" part. A QUANTITY per a unit of time or measure takes a compound
unit ("1.2 million barrels a day" → bbl/d, "8 km an hour" → km/h); MONEY keeps its ISO
4217 code as the unit and says what it is per in the ``per`` column ("$78.40 a barrel" →
USD per "bbl", "2 triệu đồng / người" → VND per "person"). What follows the marker must be
a unit of ``lang/<code>/units.toml`` or one of its ``per_words``/``per_things``, so "10 km
на север" or "$5 a lot" stay plain amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from factx import lang as langdata
from factx.rules import compiled, numbers


@dataclass(frozen=True)
class Per:
    """The "per" part after an amount: where it ends and what it is per."""

    end: int
    symbol: str  # "d", "h", "bbl", "t", "person"
    measure: bool  # a unit pint reads, so a quantity may take "unit/symbol"


@dataclass(frozen=True)
class Rates:
    pattern: regex.Pattern[str] | None
    forms: dict[str, str]  # folded word or exact symbol → what it is per
    counted: frozenset[str]  # symbols that are things, not units ("person", "share")
    short: dict[str, str]  # a unit's symbol in a rate: "barrel" → "bbl"


@cache
def rates(lang: str) -> Rates:
    data: dict[str, Any] = langdata.load(lang, "units")
    markers = data.get("rate_markers", ())
    counted = {numbers.fold(k): v for k, v in data.get("per_things", {}).items()}
    words = {numbers.fold(k): v for k, v in data.get("per_words", {}).items()} | counted
    symbols: dict[str, str] = {}
    short: dict[str, str] = {}
    for entry in data.get("units", ()):
        if entry.get("rate_symbol"):
            short[entry["unit"]] = entry["rate_symbol"]
        if "/" in entry["unit"] or entry.get("needs"):
            continue  # a rate already ("km/h"), or a unit only in context ("thùng dầu")
        symbol = entry.get("rate_symbol", entry["unit"])
        for form in entry.get("words", ()):
            words.setdefault(numbers.fold(form), symbol)
        for form in entry.get("symbols", ()):
            symbols.setdefault(form, symbol)
    if not markers or not (words or symbols):
        return Rates(None, {}, frozenset(), short)
    gap = ""
    if "rate_noun_before" in data:
        # "баррелей нефти в сутки", "barrels of oil a day": what is measured may come first.
        lead = data["rate_noun_before"]
        joins = langdata.load(lang, "numbers").get("list_joiners", ())
        no_join = rf"(?!(?i:{numbers.word(joins)}))" if joins else ""
        lead_source = rf"(?i:{regex.escape(lead)})[ \u00a0]+" if lead else ""
        gap = rf"(?:[ \u00a0]+{lead_source}{no_join}\p{{L}}+)?"
    spelt = [m for m in markers if regex.search(r"\w", m)]
    signs = "".join(regex.escape(m) for m in markers if m not in spelt)
    marker = rf"(?:[{signs}]" if signs else "(?:(?!)"
    marker += rf"|(?i:{numbers.word(spelt)})[ \u00a0]+)" if spelt else ")"
    source = rf"{gap}[ \u00a0]*{marker}[ \u00a0]*(?P<den>{numbers.forms_pattern(words, symbols)})"
    return Rates(compiled.pattern(source), words | symbols, frozenset(counted.values()), short)


def per_after(text: str, end: int, lang: str) -> Per | None:
    """The "per" part right after ``end`` ("a day", "/ người"), if there is one."""
    r = rates(lang)
    m = r.pattern.match(text, end) if r.pattern is not None else None
    if m is None:
        return None
    symbol = r.forms.get(m["den"]) or r.forms.get(numbers.fold(m["den"]))
    if symbol is None:
        return None
    return Per(m.end(), symbol, symbol not in r.counted)


def compound(unit: str, per: Per, lang: str) -> str:
    """The unit of a quantity per ``per``: "bbl/d", "km/h", "kg/ha"."""
    return f"{rates(lang).short.get(unit, unit)}/{per.symbol}"
