"""factx: people, countries, organisations, dates and quantities from multilingual news."""

from factx.api import extract
from factx.model import DocError, Document, Label, Mention

__version__ = "0.1.0"
__all__ = ["DocError", "Document", "Label", "Mention", "__version__", "extract"]
