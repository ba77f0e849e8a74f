"""Language-general corrections to a statistical tagger's spans, in one stated order.

A tagger trained on one newspaper's years confuses companies with people, glues articles and
possessives to names, and labels each mention on its own. These rules use only the words of
``lang/<code>/names.toml`` (titles, organisation heads and suffixes, articles) and the place
gazetteer, and run in this order, each on the previous step's output:

 0. layout (``factx.ner.layout``): a dateline's place is a location, the names of a results
    or standings row are teams, and column heads ("W D L") are no names;
 1. trim: leading articles ("the"), trailing possessives ("'s") and a bracket or quote opened
    after the name leave the span, and so do a score after it ("Riverton Hawks 109-97"), a
    dangling dash and lowercase words ending a place or organisation ("Yonhap news agency");
    a "+" glued to the end joins it ("OPEC+"); a person's
    span is split at commas ("Кулагин, Дроздов");
 2. split: descriptor words leave the name (``factx.ner.descriptors``: "ОАО «Газпром»",
    "Тверской площади"), and a country before a state body is its own location ("[US]
    [Department of Defense]");
 3. drop: words that are never entities alone ("LNG"), a word that only qualifies a
    following title ("[Energy] Minister"), a person with digits ("Формулы-1"), a domain
    (".РФ") and a span without letters;
 4. titles: a name right after a title is a person's ("envoy [Ramtane Lamamra]");
 5. organisations: a name that starts with an organisation head or ends with an
    organisation word is an organisation ("Talvor Energy", "Ministry of Energy");
 6. places: a name ending in a kind of building ("Stadium") is a location; a gazetteer
    country, or a large or capital city, or a city after "in/at", is a location, whatever
    the tagger said;
 7. context (``factx.ner.context``): business phrases make a company ("shares of X"), and
    the name before "<role> <Person>" is an organisation ("Apple CEO Tim Cook");
    descriptors again: an organisation takes the adjective of place before it and the name
    that ends it ("чешского МИДа", "Театра им. Августа Крейна");
    abbreviations: "Name (ABBR)" gives ABBR the name's label, in the whole document (a
    person's bracket holds a country or team, no abbreviation);
 8. echoes: a headline in capitals names what its story names (``factx.ner.layout``),
    and a person's surname alone is that person where the tagger missed it
    (``factx.ner.repeats``);
    agreement: one string has one label in a document (the majority), and a word of a
    person's full name alone is that person (``factx.ner.agreement``).
"""

from __future__ import annotations

import regex

from factx import lang as langdata
from factx.ner.agreement import abbreviations, agree
from factx.ner.context import Context
from factx.ner.descriptors import Descriptors, Span
from factx.ner.gazetteer import Gazetteer
from factx.ner.layout import column_heads, datelines, echoes, table_rows
from factx.ner.phrases import Phrases, StemRuns, fold
from factx.ner.repeats import surnames

WORD = regex.compile(r"[\w.&'’-]*\w[.+]?|\S")
POSSESSIVE = regex.compile(r"['’]s?$")
# A name with its abbreviation or original spelling glued on, and a closing quote its
# opening one left: "компания» (СЗЛК)", "Даниэля Кросса (Daniel Cross)".
ABBREVIATED = regex.compile(r"(?<=[\w.])([»”\"]?\s*)\((\p{Lu}[^()]{1,60}?)\)$")
LIST_MARK = regex.compile(r"[•·|;\n]")
ITEM = regex.compile(r"[^\s•·|;][^•·|;\n]*?(?=\s*(?:[•·|;\n]|$))")
PERSON_ITEM = regex.compile(r"[^\s•·|;,][^•·|;,\n]*?(?=\s*(?:[•·|;,\n]|$))")
# A person's name holds no digit ("Формулы-1"); a word glued after a dot is a domain (".РФ").
DIGIT = regex.compile(r"\d")
SCORE_TAIL = regex.compile(r"\s+\d+[-–:]\d+$")
NUMBER_TAIL = regex.compile(r"\s+\d+$")
SCORE_NEXT = regex.compile(r"\s*[-–:]\s*\d")
DASH_TAIL = regex.compile(r"\s+[-–—]+$")
LOWER_TAIL = regex.compile(r"(?:\s+\p{Ll}+)+$")
LETTER = regex.compile(r"\p{L}")
CAPITAL = regex.compile(r"\p{Lu}")


def _words(text: str) -> list[str]:
    return WORD.findall(text)


class Refiner:
    """The rules above for one language; a language without a names file gets only 1, 7, 8."""

    def __init__(self, lang: str, gazetteer: Gazetteer | None = None) -> None:
        data = langdata.load(lang, "names")
        self.titles = Phrases(data.get("titles", ()))
        self.org_heads = Phrases(data.get("org_heads", ()))
        self.agency_heads = Phrases(data.get("agency_heads", ()))
        self.org_suffixes = Phrases(data.get("org_suffixes", ()))
        self.articles = frozenset(fold(a) for a in data.get("articles", ()))
        self.not_entities = frozenset(fold(w) for w in data.get("not_entities", ()))
        # Stems for inflected languages: a word starting with one is an organisation word.
        self.org_stems = StemRuns(data.get("org_stems", ()))
        self.org_stem_exceptions = StemRuns(data.get("org_stem_exceptions", ()))
        self.possessives = tuple(data.get("possessives", ()))
        self.org_words = Phrases(data.get("org_words", ()))
        self.place_preps = frozenset(fold(w) for w in data.get("place_prepositions", ()))
        self.place_nouns = frozenset(fold(w) for w in data.get("place_nouns", ()))
        self.facilities = Phrases(data.get("facility_suffixes", ()))
        # Whether every word of a name is capitalised but its inner "of", "and", "the".
        self.capitalised = bool(data.get("names_end_capitalised", False))
        self.gaz = gazetteer or Gazetteer(lang)
        self.descriptors = Descriptors(data) if data.get("org_descriptors") else None
        self.context = Context(data)

    def __call__(self, text: str, spans: list[Span]) -> list[Span]:
        """The tagger's spans corrected; MISC spans (nationalities) only stop rule 7 from
        taking a word of theirs for an organisation, and are never returned."""
        misc = [sp for sp in spans if sp[0] == "MISC"]
        spans = datelines(text, [sp for sp in spans if sp[0] != "MISC"])
        spans = table_rows(text, spans, self.gaz.is_country, self.gaz.is_place)
        spans = column_heads(text, spans)
        out: list[Span] = []
        for piece in (p for span in spans for p in _list_items(text, span)):
            piece = self._trim(text, piece)
            names = self.descriptors.split(text, piece) if self.descriptors else [piece]
            for label, s, e in (n for name in names for n in self._split(text, name)):
                label = self._relabel(text, label, s, e)
                if label and s < e:
                    out.append((label, s, e))
        out = self.context(text, out, misc, self.gaz)
        if self.descriptors:
            out = self.descriptors.extend(text, out, self.gaz.is_country)
        out = echoes(text, abbreviations(text, out))
        out = surnames(text, out, self.gaz.is_place, self._is_title)
        return agree(text, out, self.gaz)

    def _is_title(self, word: str) -> bool:
        return self.titles.match([word], 0) == 1

    def _trim(self, text: str, span: Span) -> Span:
        label, s, e = span
        first = WORD.match(text, s, e)
        if (
            first
            and fold(first.group()) in self.articles
            and first.end() < e
            # "the United States" loses its article, and so does a country at a sentence
            # start ("The Philippines said"); "in The Hague" keeps a capital one
            and (
                first.group().islower()
                or not self.gaz.is_place(text[s:e])
                or self.gaz.is_country(text[first.end() : e].strip())
            )
        ):
            s = first.end()
            while s < e and text[s].isspace():
                s += 1
        if self.possessives and text[s:e].endswith(self.possessives):
            tail = POSSESSIVE.search(text, s, e)
            if tail and tail.start() > s:
                e = tail.start()
        score = SCORE_TAIL.search(text, s, e)
        if not score and SCORE_NEXT.match(text, e):
            score = NUMBER_TAIL.search(text, s, e)  # "Sweden 1" before "– 0"
        if score and score.start() > s:
            e = score.start()  # "Riverton Hawks 109-97": a score ends no name
        dash = DASH_TAIL.search(text, s, e)
        if dash and dash.start() > s:
            e = dash.start()  # "United States -": a dateline's dash
        if label != "PER" and self.capitalised:
            lower = LOWER_TAIL.search(text, s, e)
            if lower and CAPITAL.search(text, s, lower.start()):
                e = lower.start()  # "Yonhap news agency": a name ends capitalised
        if text[e : e + 1] == "+" and (e + 1 == len(text) or not text[e + 1].isalnum()):
            e += 1
        if text[s:e].count("(") > text[s:e].count(")") and text[e : e + 1] == ")":
            e += 1  # the tagger stopped inside "(ILO)"
        while e > s and (text[e - 1] in OPENING or text[e - 1].isspace()):
            e -= 1  # "ПАСЕ (": a bracket or quote opened after the name
        while e > s and _unbalanced(text[s:e], text[e - 1]):
            e -= 1  # "В.Л.)": a bracket the name never opened
            while e > s and text[e - 1].isspace():
                e -= 1
        return label, s, e

    def _split(self, text: str, span: Span) -> list[Span]:
        label, s, e = span
        inner = ABBREVIATED.search(text, s, e)
        if inner:  # "Уральская горно-металлургическая компания» (УГМК)": two names
            return [(label, s, inner.start(1)), (label, inner.start(2), inner.end(2))]
        if label != "ORG":
            return [span]
        words = _words(text[s:e])
        for n in range(1, min(4, len(words))):
            if self.agency_heads.match(words, n) and self.gaz.is_country(" ".join(words[:n])):
                cut = s + len(text[s:e]) - len(text[s:e].lstrip())
                for w in words[:n]:
                    cut = text.index(w, cut) + len(w)
                rest = cut + len(text[cut:e]) - len(text[cut:e].lstrip())
                return [("LOC", s, cut), ("ORG", rest, e)]
        if len(words) > 1 and fold(words[-1]) in self.not_entities:
            cut = s + text[s:e].rindex(words[-1])
            if self.gaz.is_country(text[s:cut].strip()):  # "its [Mozambique] LNG project"
                return [("LOC", s, s + len(text[s:cut].rstrip()))]
        return [span]

    def _relabel(self, text: str, label: str, s: int, e: int) -> str | None:
        name = text[s:e]
        words = _words(name)
        if not words or fold(name) in self.not_entities or not LETTER.search(name):
            return None  # "«5 мыслей об...»": a name has letters
        if (label == "PER" and DIGIT.search(name)) or (
            text[s - 1 : s] == "." and (s == 1 or text[s - 2].isspace())
        ):
            return None
        after = _words(text[e : e + 40])
        if (
            label == "ORG"
            and len(words) == 1
            and after
            and after[0][:1].isupper()
            and self.titles.match(after, 0)
        ):
            return None  # "[Trade] Secretary Helen Marsh": the title's own word
        before = _words(text[max(0, s - 40) : s])
        place = self.gaz.is_place(name)
        org = (
            self.org_heads.match(words, 0)
            # a known place ending so stays one: "Mexico City", "West Bank"
            or (self.org_suffixes.ends_at(words, len(words), 1) and not place)
            or self.org_words.match(words, 0) == len(words)
            or (self.org_stems.found(words) and not self.org_stem_exceptions.found(words))
        )
        if (
            label != "PER"
            and before
            and self.titles.ends_at(before, len(before))
            and not place
            and not org
            and len(words) <= 4
            and all(w[:1].isupper() for w in words)
        ):
            return "PER"
        if org and label != "ORG" and not (label == "LOC" and self.gaz.country(name)):
            return "ORG"
        if label != "LOC" and not org and self.facilities.ends_at(words, len(words), 1):
            return "LOC"  # "Port Elden Stadium": a building named as a place
        if label != "LOC" and place:
            after_prep = (bool(before) and fold(before[-1]) in self.place_preps) or (
                bool(after) and fold(after[0].rstrip(".")) in self.place_nouns
            )
            if (
                self.gaz.is_country(name)
                or (label == "ORG" and (self.gaz.is_big_city(name) or after_prep))
                or (label == "PER" and (after_prep or len(words) > 1))
            ):
                return "LOC"
        return label


def _list_items(text: str, span: Span) -> list[Span]:
    """A span run across list bullets ("Туркмения • Уганда"), or a person's across commas,
    as one span per item: a name holds neither."""
    label, s, e = span
    if not LIST_MARK.search(text, s, e) and not (label == "PER" and "," in text[s:e]):
        return [span]
    items = PERSON_ITEM if label == "PER" else ITEM  # "Лапин (Кулагин, Дроздов)"
    return [(label, m.start(), m.end()) for m in items.finditer(text, s, e)]


PAIRS = {")": "(", "»": "«", "”": "“"}
OPENING = frozenset("([«„")


def _unbalanced(name: str, last: str) -> bool:
    """Whether ``last``, a closing bracket or quote, closes nothing opened in ``name``."""
    return last in PAIRS and name.count(PAIRS[last]) < name.count(last)
