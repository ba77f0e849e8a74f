"""factx: people, countries, organisations, dates and quantities from multilingual news."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from factx.model import DocError, Document, Label, Mention

if TYPE_CHECKING:
    from factx.api import extract

__version__ = "0.1.0"
__all__ = ["DocError", "Document", "Label", "Mention", "__version__", "extract"]


def __getattr__(name: str) -> Any:
    """``factx.extract`` (and ``factx.api``, as the README uses it) is imported on first
    use: it brings pandas, which `factx plugins` and the other quick commands never need."""
    if name in ("extract", "api"):
        api = importlib.import_module("factx.api")
        return api if name == "api" else api.extract
    raise AttributeError(f"module 'factx' has no attribute {name!r}")
