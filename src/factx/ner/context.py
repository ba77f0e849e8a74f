"""Organisations told by the words around them, where the tagger read a person or a place.

A company in a business story is often named with nothing that marks it as one ("Newmont",
"Bre-X"), and a tagger guesses from the name's look. The story's words decide:

- a business phrase before or after it: "shares of X", "a stake in X", "X shares rose",
  "X said its profit ...";
- an organisation's role before a person: "X CEO Tim Cook", "X striker Lee Bowyer" name
  X's organisation, which a tagger often misses altogether. A country there is its
  national team or state, a location ("Kenya coach ..."), and a city a club ("Leeds").

The phrases are ``lang/<code>/names.toml`` data: ``company_before``, ``company_after``,
``org_roles``, ``team_roles`` (after which a town the tagger took for a person is its club)
and ``role_modifiers`` (capitalised words before a role that name no one:
"Former CEO ...").
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from factx.ner.descriptors import Span
from factx.ner.phrases import Phrases, fold

WORD = regex.compile(r"[\w.&'’-]*\w[.+]?|\S")
POSSESSIVE = regex.compile(r"['’]s?$")
# How far before a person to look for an organisation's name and role.
WINDOW = 80
# An organisation's name before a role has at most this many words.
MAX_WORDS = 4


class Context:
    """The context rules for one language's phrases; without them, spans pass unchanged."""

    def __init__(self, data: dict) -> None:
        self.before = Phrases(data.get("company_before", ()))
        self.after = Phrases(data.get("company_after", ()))
        self.team_roles = Phrases(data.get("team_roles", ()))
        self.roles = Phrases([*data.get("org_roles", ()), *data.get("team_roles", ())])
        self.modifiers = frozenset(fold(w) for w in data.get("role_modifiers", ()))

    def __call__(
        self,
        text: str,
        spans: list[Span],
        misc: list[Span],
        is_country: Callable[[str], bool],
        is_place: Callable[[str], bool],
    ) -> list[Span]:
        """``spans`` with companies relabelled and role owners found; ``misc`` are names
        that are no entity ("French" in "French President ..."), never taken for one."""
        out = spans
        if self.before.by_len or self.after.by_len:
            out = [self._company(text, sp, is_place) for sp in spans]
        if self.roles.by_len:
            out = self._owners(text, out, misc, is_country, is_place)
        return out

    def _company(self, text: str, span: Span, is_place: Callable[[str], bool]) -> Span:
        label, s, e = span
        if label == "ORG":
            return span
        before = WORD.findall(text, max(0, s - WINDOW // 4), s)
        after = WORD.findall(text, e, min(len(text), e + WINDOW // 2))
        if after and after[0] in ("'", "’", "'s", "’s"):
            after = after[1:]  # "Newmont's shares"
        if (
            self.before.ends_at(before, len(before)) or self.after.match(after, 0)
        ) and not is_place(text[s:e]):
            return ("ORG", s, e)
        return span

    def _owners(
        self,
        text: str,
        spans: list[Span],
        misc: list[Span],
        is_country: Callable[[str], bool],
        is_place: Callable[[str], bool],
    ) -> list[Span]:
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
            team = bool(self.team_roles.ends_at(words, len(words)))
            if any(sp[1] < os for sp in same) or any(
                sp[0] == "PER" and not (team and is_place(text[sp[1] : sp[2]])) for sp in same
            ):
                continue  # "Obama spokesman ...": a person's aide; a longer name is kept
            out = [sp for sp in out if sp not in same]
            out.append(("LOC" if is_country(text[os:oe]) else "ORG", os, oe))
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
