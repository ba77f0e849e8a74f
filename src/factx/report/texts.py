"""Document texts for the report, read back from the run's sources.

The tables keep only offsets, so the report re-reads each source exactly as
``factx.sources`` did (same decoding, same JSONL line numbering); otherwise the offsets
would point into a different string. Sources are stored as given on the command line,
often relative to the folder ``factx run`` was started in, so several bases are tried.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from factx.model import DocError
from factx.sources import decode

JSONL_SOURCE = re.compile(r"^(?P<path>.+\.jsonl):(?P<line>\d+)$", re.IGNORECASE)


class TextReader:
    """Reads document texts, each JSONL file once however many records it holds."""

    def __init__(self, bases: Sequence[Path]) -> None:
        self.bases = list(dict.fromkeys(bases))
        self._files: dict[Path, str | DocError] = {}

    def read(self, source: str) -> tuple[str | None, str | None]:
        """``(text, None)``, or ``(None, why)`` when the text cannot be had."""
        jsonl = JSONL_SOURCE.match(source or "")
        name = jsonl.group("path") if jsonl else source
        path = self._locate(name)
        if path is None:
            return None, f"source {name!r} not found; run `factx report` from where the run was"
        text = self._decode(path)
        if isinstance(text, DocError):
            return None, text.error
        if not jsonl:
            return text, None
        lines = text.splitlines()
        number = int(jsonl.group("line"))
        try:
            record = json.loads(lines[number - 1])
            return str(record["text"]), None
        except (IndexError, ValueError, KeyError, TypeError):
            return None, f"line {number} of {name} is no longer a JSON record with a text"

    def _locate(self, name: str) -> Path | None:
        if not name:
            return None
        path = Path(name)
        candidates = [path] if path.is_absolute() else [base / path for base in self.bases]
        return next((c for c in candidates if c.is_file()), None)

    def _decode(self, path: Path) -> str | DocError:
        key = path.resolve()
        if key not in self._files:
            self._files[key] = decode(path)
        return self._files[key]


def utf16_offsets(text: str) -> list[int] | None:
    """Code-point offset → UTF-16 offset, or None when they agree (no astral characters).

    Python counts code points, JavaScript strings count UTF-16 units: one emoji before a
    mention would shift every highlight after it.
    """
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return None
    table = [0]
    for ch in text:
        table.append(table[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return table
