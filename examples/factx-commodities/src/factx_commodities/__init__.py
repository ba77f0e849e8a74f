"""factx-commodities: rare-earth elements and metals as COMMODITY mentions.

An example of a third-party factx plugin. Everything factx needs is the entry point in
pyproject.toml and the class below; the words live in ``terms/<lang>.toml``, so adding a
language or a metal is an edit to data, not to code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from factx.model import Document, Mention

from factx_commodities import lexicon

__all__ = ["LABEL", "CommodityExtractor"]

LABEL = "COMMODITY"


class CommodityExtractor:
    """Commodity names by term list; ``norm`` is one English name across languages, so a
    Russian "неодима" and a Vietnamese "neodim" count as the same row in a table."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (LABEL,)

    def __init__(self, lang: str, extra_terms: dict[str, str] | None = None) -> None:
        """``extra_terms`` maps more terms, written like those in the term files and using
        their endings, to norms; they override the file's terms of the same spelling."""
        if lang not in self.languages:
            raise ValueError(
                f"factx-commodities has terms for {', '.join(self.languages)}, not {lang!r}."
            )
        self.lexicon = lexicon.build(lang, tuple((extra_terms or {}).items()))

    def extract(self, doc: Document) -> Iterator[Mention]:
        for start, end, norm in self.lexicon.find(doc.text):
            yield Mention(LABEL, start, end, doc.text[start:end], norm=norm)
