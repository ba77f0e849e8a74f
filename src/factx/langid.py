"""Language identification with lingua, among the languages a pipeline can handle.

Candidates are limited to the configured languages: lingua then loads only their models
(about a second), where all 75 would take ten seconds and a gigabyte. A document in a
language outside the set is read as the closest candidate, so give --lang for such corpora.
"""

from __future__ import annotations

from lingua import Language, LanguageDetectorBuilder


class LanguageIdentifier:
    def __init__(self, languages: list[str]) -> None:
        known = {lang.iso_code_639_1.name.lower(): lang for lang in Language.all()}
        chosen = [known[code] for code in languages if code in known]
        self.detector = None
        if len(chosen) >= 2:
            self.detector = LanguageDetectorBuilder.from_languages(*chosen).build()
        self.only = chosen[0] if len(chosen) == 1 else None

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of ``text``'s language, or None when it cannot tell."""
        if self.only is not None:
            return self.only.iso_code_639_1.name.lower()
        if self.detector is None:
            return None
        lang = self.detector.detect_language_of(text[:2000])
        return lang.iso_code_639_1.name.lower() if lang else None
