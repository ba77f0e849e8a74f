"""A place's name without the administrative unit written before it.

"huyện Nghi Sơn" and "Nghi Sơn" are one place, and so are "Thành phố Hồ Chí Minh",
"TP. Hồ Chí Minh", "TP.HCM" and "TP HCM": the norm leaves out the unit (``place_units`` in
``lang/<code>/names.toml``, abbreviated forms such as "TP." or "Q." included) and maps the
few official short forms of a name (``place_aliases``: "HCM") to the name itself. One
function for every backend, so a place gets one norm whoever found it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factx import lang as langdata
from factx.resolve.orgs import key


@dataclass(frozen=True)
class PlaceUnits:
    """One language's unit words and short forms of place names."""

    unit: regex.Pattern  # a unit at the start of a name, with what separates it
    aliases: dict[tuple[str, ...], str]

    def bare(self, text: str) -> str:
        """``text`` without a unit before its capitalised name, short forms spelt out. A
        number or a letter names nothing without its unit ("quận 5", "phường B"): such a
        name stays whole."""
        text = text.strip()
        rest = self.unit.sub("", text, count=1).strip()
        for form in (rest, text):
            if key(form) in self.aliases:
                return self.aliases[key(form)]
        return rest if len(rest) > 1 and not rest.isdigit() else text


@cache
def place_units(lang: str) -> PlaceUnits:
    """Unit words are matched in any case ("Huyện", "TP") before a capital, after a space
    or a dot ("TP.HCM"); one listed with its dot ("Q.") is only a unit with it."""
    data = langdata.load(lang, "names")
    units = sorted(data.get("place_units", ()), key=len, reverse=True)
    aliases = {key(short): full for short, full in data.get("place_aliases", ())}
    plain = [regex.escape(u) for u in units if not u.endswith(".")]
    dotted = [regex.escape(u[:-1]) for u in units if u.endswith(".")]
    ways = ([rf"(?:{'|'.join(plain)})(?:\s+|\.\s*)"] if plain else []) + (
        [rf"(?:{'|'.join(dotted)})\.\s*"] if dotted else []
    )
    if not ways:
        return PlaceUnits(regex.compile(r"(?!)"), aliases)
    return PlaceUnits(regex.compile(rf"^(?i:{'|'.join(ways)})(?=\p{{Lu}})"), aliases)


def bare_place(text: str, lang: str) -> str:
    """The norm of a place's name in ``lang``: see :class:`PlaceUnits`."""
    return place_units(lang).bare(text)
