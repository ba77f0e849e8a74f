"""Patterns compiled when first used.

A worker process compiled every pattern of its rule extractors before its first document,
yet many are asked only after a rarer match (the words before a date core, "18" before
"февраля"; the count before a duration's unit; a clock time around an hour count), and a
date pattern is tried only on a text holding one of its first words ("closest", "FY").
Each is a regex of up to thousands of characters over number and date words, costing
milliseconds to compile; a process that never needs one should not pay for it. One it
needs comes from the disk cache of :mod:`factx.rules.compiled` after the first run.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

import regex

from factx.rules import compiled


class LazyPattern:
    """A regex source and flags, compiled on the first ``search`` or ``match``."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        return compiled.pattern(self.source, self.flags)

    def search(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self.pattern.search(text, *args, **kwargs)

    def match(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self.pattern.match(text, *args, **kwargs)

    def finditer(self, text: str, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]:
        return self.pattern.finditer(text, *args, **kwargs)
