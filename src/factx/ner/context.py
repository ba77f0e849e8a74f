"""Organisations told by the words around them, where the tagger read a person or a place.

A company in a business story is often named with nothing that marks it as one ("Newmont",
"Bre-X"), and a tagger guesses from the name's look. The story's words decide:

- a business phrase before or after it: "shares of X", "a stake in X", "X shares rose",
  "X said its profit ..." (not a person's full name, and not where a determiner makes the
  phrase a verb's: "Norman shares the lead");
- a sports phrase or a score next to a town: "Leeds beat Hull 2-1", "a draw with Leeds"
  name clubs (a country's team stays a location, by CoNLL-2003's conventions);
- an organisation's role before a person: "X CEO Tim Cook", "X striker Lee Bowyer" name
  X's organisation, which a tagger often misses altogether; before a capitalised title
  ("Finance Director") only a name the tagger or the gazetteer knows, or an abbreviation
  ("ADB President ..."), is one. A country there is its
  national team or state, a location ("Kenya coach ..."), and a city a club ("Leeds").

The phrases are ``lang/<code>/names.toml`` data: ``company_before``, ``company_after``,
``determiners``, ``team_before``, ``team_after``, ``org_roles``, ``team_roles`` (after
which a town the tagger took for a person is its club) and ``role_modifiers``
(capitalised words before a role that name no one: "Former CEO ...").
"""

from __future__ import annotations

from typing import Protocol

import regex

from factx.ner.descriptors import Span
from factx.ner.phrases import Phrases, fold

WORD = regex.compile(r"[\w.&'’-]*\w[.+]?|\S")
POSSESSIVE = regex.compile(r"['’]s?$")


class Places(Protocol):
    """What the rules ask a gazetteer (``factx.ner.gazetteer.Gazetteer`` answers)."""

    def is_country(self, text: str) -> bool: ...

    def is_place(self, text: str) -> bool: ...


SCORE = regex.compile(r"^\d{1,3}[-–:]\d{1,3}$")
# A capitalised name of one to three words right before or after a sports phrase.
_RUN = r"\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){0,2}"
RUN_BEFORE = regex.compile(rf"(?<![\w'’.-])({_RUN}) $")
RUN_AFTER = regex.compile(rf" ({_RUN})(?![\w'’-])")
# How far before a person to look for an organisation's name and role.
WINDOW = 80
# An organisation's name before a role has at most this many words.
MAX_WORDS = 4


class Context:
    """The context rules for one language's phrases; without them, spans pass unchanged."""

    def __init__(self, data: dict) -> None:
        self.before = Phrases(data.get("company_before", ()))
        self.after = Phrases(data.get("company_after", ()))
        self.team_before = Phrases(data.get("team_before", ()))
        self.team_after = Phrases(data.get("team_after", ()))
        self.team_roles = Phrases(data.get("team_roles", ()))
        self.roles = Phrases([*data.get("org_roles", ()), *data.get("team_roles", ())])
        self.modifiers = frozenset(fold(w) for w in data.get("role_modifiers", ()))
        self.determiners = frozenset(fold(w) for w in data.get("determiners", ()))
        words = sorted({*data.get("team_before", ()), *data.get("team_after", ())}, key=len)
        self.team_words = (
            regex.compile(
                r"(?<![\w-])(?:"
                + "|".join(regex.escape(w) for w in reversed(words))
                + r"|\d{1,3}[-–]\d{1,3})(?![\w-])"
            )
            if words
            else None
        )

    def __call__(
        self, text: str, spans: list[Span], misc: list[Span], places: Places
    ) -> list[Span]:
        """``spans`` with companies relabelled and role owners found; ``misc`` are names
        that are no entity ("French" in "French President ..."), never taken for one."""
        out = spans
        if self.before.by_len or self.after.by_len or self.team_after.by_len:
            out = [self._company(text, sp, places) for sp in spans]
        if self.team_words:
            out = self._teams(text, out, misc, places)
        if self.roles.by_len:
            out = self._owners(text, out, misc, places)
        return out

    def _teams(self, text: str, spans: list[Span], misc: list[Span], places: Places) -> list[Span]:
        """Spans with the towns and countries next to a sports phrase or a score that the
        tagger missed ("Leeds beat Hull 2-1"), as clubs and national teams."""
        assert self.team_words is not None
        busy = [(s, e) for _, s, e in (*spans, *misc)]
        found: list[Span] = []
        for m in self.team_words.finditer(text):
            before = RUN_BEFORE.search(text, max(0, m.start() - WINDOW), m.start())
            after = RUN_AFTER.match(text, m.end())
            for run, tails in ((before, True), (after, False)):
                if not run:
                    continue
                team = _team(text, run.start(1), run.end(1), tails, places)
                if team and not any(s < team[2] and team[1] < e for s, e in busy):
                    found.append(team)
                    busy.append((team[1], team[2]))
        return sorted([*spans, *found], key=lambda sp: sp[1]) if found else spans

    def _company(self, text: str, span: Span, places: Places) -> Span:
        """A company by its business phrases, or a town's club by its sports phrases."""
        label, s, e = span
        if label == "ORG":
            return span
        before = WORD.findall(text, max(0, s - WINDOW // 4), s)
        after = WORD.findall(text, e, min(len(text), e + WINDOW // 2))
        if after and after[0] in ("'", "’", "'s", "’s"):
            after = after[1:]  # "Newmont's shares"
        n = self.after.match(after, 0)
        if n and (
            (label == "PER" and len(text[s:e].split()) > 1)
            or (len(after) > n and fold(after[n]) in self.determiners)
        ):
            n = 0  # "Greg Norman shares the lead": a person, and "shares" a verb
        company = self.before.ends_at(before, len(before)) or n
        if company:
            return span if places.is_place(text[s:e]) else ("ORG", s, e)
        team = (
            self.team_before.ends_at(before, len(before))
            or self.team_after.match(after, 0)
            or (after and SCORE.match(after[0]))
        )
        if team and places.is_place(text[s:e]) and not places.is_country(text[s:e]):
            return ("ORG", s, e)  # "Leeds beat Hull 2-1": clubs named after their towns
        return span

    def _owners(self, text: str, spans: list[Span], misc: list[Span], places: Places) -> list[Span]:
        """Spans with the organisation named before "<role> <Person>" found or relabelled."""
        out = list(spans)
        for label, s, _ in spans:
            if label != "PER":
                continue
            toks = list(WORD.finditer(text, max(0, s - WINDOW), s))
            words = [t.group() for t in toks]
            n = self.roles.ends_at(words, len(words))
            if not n or text[toks[-1].end() : s].strip():
                continue
            owner = self._owner(text, toks[: len(toks) - n])
            if owner is None:
                continue
            os, oe = owner
            same = [sp for sp in out if sp[1] < oe and os < sp[2]]
            if any(sp[1] < oe and os < sp[2] for sp in misc):
                continue
            role = words[len(words) - n]
            name = text[os:oe]
            if role.istitle() and not same and not places.is_place(name) and not name.isupper():
                continue  # "Finance Director Ann Lee": a capitalised title's own words
            team = bool(self.team_roles.ends_at(words, len(words)))
            people = [sp for sp in same if sp[0] == "PER"]
            if any(sp[1] < os for sp in same) or (
                people and not (team and all(places.is_place(text[a:b]) for _, a, b in people))
            ):
                continue  # "Obama spokesman ...": a person's aide; a longer name is kept
            out = [sp for sp in out if sp not in same]
            out.append(("LOC" if places.is_country(text[os:oe]) else "ORG", os, oe))
        return sorted(out, key=lambda sp: sp[1])

    def _owner(self, text: str, toks: list[regex.Match]) -> tuple[int, int] | None:
        """The capitalised run of words ending ``toks`` (before the role), if it names one."""
        run: list[regex.Match] = []
        if toks and toks[-1].group() in ("'", "’") and len(toks) > 1:
            toks = toks[:-1]  # "Leeds' striker"
        for t in reversed(toks):
            w = t.group()
            gap = text[t.end() : run[0].start()] if run else ""
            if len(run) == MAX_WORDS or (run and gap != " ") or not w[:1].isupper():
                break
            if run and w.endswith(".") and w.count(".") == 1:
                break  # "Saturday. Leeds striker": the sentence before ends there
            run.insert(0, t)
        if not run:
            return None
        s, e = run[0].start(), run[-1].end()
        tail = POSSESSIVE.search(text, s, e)
        if tail and tail.start() > s:
            e = tail.start()
        if any(fold(t.group()) in self.modifiers for t in run):
            return None
        return s, e


def _team(
    text: str,
    s: int,
    e: int,
    tails: bool,
    places: Places,
) -> Span | None:
    """The longest end (``tails``) or start of the words at ``s:e`` that names a country
    (its team, LOC) or starts with a town ("Aston Villa": its club, ORG); else None."""
    words = list(regex.finditer(r"\S+", text[s:e]))
    cuts = range(len(words)) if tails else range(len(words), 0, -1)
    for k in cuts:
        first, last = (words[k], words[-1]) if tails else (words[0], words[k - 1])
        a, b = s + first.start(), s + last.end()
        if text[b - 1] == "." and not places.is_country(text[a:b]):
            b -= 1  # "a draw with Kenya.": the sentence's full stop
        head = text[a : s + first.end()].rstrip(".")
        if places.is_country(text[a:b]):
            return ("LOC", a, b)
        if places.is_place(head) and not places.is_country(head):
            return ("ORG", a, b)
    return None
