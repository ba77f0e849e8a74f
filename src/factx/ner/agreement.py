"""Document-wide label agreement over refined spans: abbreviations and majority labels.

Split from :mod:`factx.ner.refine` because these passes look at a whole document's spans
at once rather than at one span: "Full Name (ABBR)" lends its label to ABBR everywhere,
and one string keeps one label (the majority). The Vietnamese backend runs :func:`agree`
on its own spans too, without the rest of the refiner.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import regex

from factx.ner.descriptors import Span
from factx.ner.gazetteer import Gazetteer

# Capitals in brackets right after a name: its abbreviation, "Full Name (ABBR)".
BRACKETED = regex.compile(r"\s*\((\p{Lu}[\p{Lu}\d&.+-]{1,9})\)")


def abbreviations(text: str, spans: list[Span]) -> list[Span]:
    """ "Full Name (ABBR)": ABBR takes the full name's label wherever it stands alone.

    Capitals in brackets after a person are a country, party or team ("Уильям Макартур
    (США)"), never the person's abbreviation."""
    found: dict[str, str] = {}
    taken = {(s, e) for _, s, e in spans}
    for label, _, e in spans:
        if label == "PER":
            continue
        m = BRACKETED.match(text, e, e + 16)
        if m:
            found[m.group(1)] = label
    if not found:
        return spans
    out = [(found.get(text[s:e], label), s, e) for label, s, e in spans]
    pattern = regex.compile(r"(?<![\w-])(" + "|".join(map(regex.escape, found)) + r")(?![\w-])")
    busy = sorted((s, e) for _, s, e in spans)
    for m in pattern.finditer(text):
        if (m.start(), m.end()) not in taken and not any(
            s < m.end() and m.start() < e for s, e in busy
        ):
            out.append((found[m.group()], m.start(), m.end()))
    return sorted(out, key=lambda x: x[1])


def agree(text: str, spans: list[Span], gazetteer: Gazetteer | None = None) -> list[Span]:
    """``spans`` relabelled so that one string has one label throughout ``text``.

    A lone word of a person's full name elsewhere in the document becomes PER, unless the
    gazetteer knows it as a place ("Đức" is Germany as well as a given name).
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for label, s, e in spans:
        votes[text[s:e]][label] += 1
    persons = set()
    for label, s, e in spans:
        parts = text[s:e].split()
        if label == "PER" and len(parts) > 1:
            persons.update((parts[0], parts[-1]))
    out: list[Span] = []
    for label, s, e in spans:
        name = text[s:e]
        ranked = votes[name].most_common()
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            label = ranked[0][0]
        elif (
            len(ranked) == 1
            and label != "PER"
            and name in persons
            and not (gazetteer and gazetteer.is_place(name))
        ):
            label = "PER"
        out.append((label, s, e))
    return out
