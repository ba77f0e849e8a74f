"""Reading the value of a matched number: digits, spelt-out words and scale words.

Split from :mod:`factx.rules.numbers` because parsing is its own job: it takes a string
the grammar of :mod:`factx.rules.numbers_grammar` matched and turns it into a float, with
the same language data ("1.250" is 1250 in Vietnamese, "hai mươi" is 20).
"""

from __future__ import annotations

import regex

from factx.rules.numbers_grammar import ENGLISH_GROUPED, SPACES, VULGAR, Grammar, grammar


def parse_scale(text: str, lang: str) -> float | None:
    """The factor of a scale run ("nghìn tỷ" → 1e12), or None if a word is unknown."""
    w = grammar(lang).words
    factor = 1.0
    for part in SPACES.split(text.strip()):
        value = w.abbreviations.get(part) or w.suffixes.get(part) or w.scales.get(part.casefold())
        if value is None:
            value = w.abbreviations.get(part.casefold()) or w.abbreviations.get(part + ".")
        if value is None:
            return None
        factor *= value
    return factor


def parse_number(text: str, lang: str) -> float | None:
    """The value of a string matched by :func:`number_pattern`, or None if it is not one."""
    g = grammar(lang)
    text = text.strip()
    if not text:
        return None
    if g.spaced != "(?!)" and regex.fullmatch(g.spaced, text):
        text = SPACES.sub("", text)  # "350 . 000" as tokenised text writes 350.000
    sign = 1.0
    if text[0] in "-−":
        sign, text = -1.0, text[1:].lstrip()
    lowered = text.casefold()
    for neg in g.words.negative:
        if lowered.startswith(neg.casefold()):
            sign, text = -1.0, text[len(neg) :].lstrip()
            break
    value = parse_digits(text, g) if text[:1].isdigit() else None
    if value is None:
        value = parse_words(text, g)
    return None if value is None else sign * value


def parse_digits(text: str, g: Grammar) -> float | None:
    w = g.words
    fraction = 0.0
    if text[-1] in VULGAR:
        fraction = VULGAR[text[-1]]
        text = text[:-1].rstrip()
    if not text:
        return fraction
    match = g.digit_run.fullmatch(text)
    if match is None:
        return None
    if w.decimal == "," and "," not in w.thousands and regex.fullmatch(ENGLISH_GROUPED, text):
        return float(text.replace(",", "")) + fraction
    if "/" in text:
        head, den = text.split("/")
        whole, _, num = head.replace("-", " ").replace("\u00a0", " ").rpartition(" ")
        if whole and not float(num) < float(den):
            return None  # "8-5/4" is no mixed number
        return float(whole or 0) + float(num) / float(den) if float(den) else None
    lowered = text.casefold()
    for dec_word in w.decimal_words:
        if f" {dec_word.casefold()} " in SPACES.sub(" ", lowered):
            whole, _, part = SPACES.sub(" ", lowered).partition(f" {dec_word.casefold()} ")
            base = parse_digits(whole, g)
            return None if base is None else base + float("0." + part)
    for sep in w.thousands:
        # A separator that is also a decimal mark ("." in Vietnamese) groups thousands only
        # where every group after it has three digits, which the pattern already checked.
        if sep in (w.decimal, w.decimal_alt) and not grouped(text, sep):
            continue
        text = text.replace(sep, "")
    text = text.replace(w.decimal, ".")
    if w.decimal_alt:
        text = text.replace(w.decimal_alt, ".")
    try:
        return float(text) + fraction
    except ValueError:
        return None


def grouped(text: str, sep: str) -> bool:
    head, *groups = text.split(sep)
    return bool(groups) and 1 <= len(head) <= 3 and all(len(gr[:3]) == 3 for gr in groups)


def parse_words(text: str, g: Grammar) -> float | None:
    """Numbers spelt out, read left to right: additive words add to the current group,
    multipliers ("hundred", "mươi") multiply the last word, scales close the group."""
    w = g.words
    lowered = SPACES.sub(" ", text.casefold())
    half = next((h for h in w.half_suffix if lowered.endswith(" " + h.casefold())), None)
    if half:
        lowered = lowered[: -len(half) - 1]
    total, current, last, top_scale = 0.0, 0.0, None, 0.0
    seen = False
    tokens = [t.casefold() for t in g.token.findall(lowered)]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok in VULGAR:
            current += VULGAR[tok]
            seen = True
        elif tok in w.fraction_words:
            current += w.fraction_words[tok]
            last, seen = None, True
        elif tok in (a.casefold() for a in w.articles):
            last = None
        elif tok in (d.casefold() for d in w.decimal_words) and i < len(tokens):
            nxt = tokens[i]
            i += 1
            digits = nxt if nxt.isdigit() else str(int(w.units.get(nxt, 0)))
            current += float("0." + digits)
        elif tok in w.units:
            current += w.units[tok]
            last, seen = w.units[tok], True
        elif tok in w.multipliers:
            factor = w.multipliers[tok]
            base = 1.0 if last is None else last
            current = current - (last or 0.0) + base * factor
            last, seen = base * factor, True
        elif tok in w.scales:
            factor = w.scales[tok]
            group = current if seen and current else 1.0
            if factor > top_scale:
                total, top_scale = (total + group) * factor, factor
            else:
                total += group * factor
            current, last, seen = 0.0, None, True
        elif tok[:1].isdigit():
            current += float(tok.replace(",", "."))
            last, seen = None, True
    if not seen:
        return None
    value = total + current
    return value + 0.5 * (top_scale or 1.0) if half else value
