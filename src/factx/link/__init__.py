"""Linkers: from a document's resolved mentions to facts (amount, measured, holder, when).

A linker is a plugin kind beside the extractors, found through the ``factx.linkers``
entry-point group and named per language in the pipeline TOML (``[[lang.xx.linkers]]``).
"""

from factx.link.base import GROUP, Linker
from factx.link.fact import AMOUNTS, Change, Fact, Phrase

__all__ = ["AMOUNTS", "GROUP", "Change", "Fact", "Linker", "Phrase"]
