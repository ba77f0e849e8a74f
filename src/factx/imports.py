"""Importing a library without the torch it would pull in but not use.

thinc, under spaCy, imports torch at import time whenever torch is installed, only to
offer PyTorch-backed layers; spaCy's CNN pipelines (en_core_web_sm and its kin) never use
them. With torch installed for stanza that costs about 2 s and 190 MB per process, paid
again by every worker. Hiding torch while the library imports avoids it; stanza, which
imports torch itself later, still gets it, since only thinc's probe is skipped.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from types import ModuleType

# Installed, these mean spaCy pipelines may really run on torch: then leave it visible.
TORCH_USERS = ("spacy_transformers", "spacy_curated_transformers", "spacy_llm")
# Set to 1 to let thinc see torch anyway, for a custom pipeline with PyTorch layers.
ENV = "FACTX_SPACY_TORCH"


def needs_torch() -> bool:
    return os.environ.get(ENV) == "1" or any(
        importlib.util.find_spec(name) is not None for name in TORCH_USERS
    )


def import_without_torch(name: str) -> ModuleType:
    """``import name``, with ``import torch`` failing meanwhile unless torch is loaded or
    needed already."""
    if "torch" in sys.modules or needs_torch():
        return importlib.import_module(name)
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        return importlib.import_module(name)
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
