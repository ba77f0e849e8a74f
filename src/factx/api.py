"""The Python entry point: texts or documents in, the mentions DataFrame out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from factx.batch.runner import Tools, run
from factx.model import Document
from factx.pipeline import Pipelines, check, load_config
from factx.sources import make_document


def load(pipeline: str | Path = "news") -> Tools:
    """Build a pipeline's tools once; pass the result to :func:`extract` to reuse models."""
    config = load_config(pipeline)
    check(config)
    return Tools(Pipelines(config))


def extract(
    inputs: str | Document | Iterable[str | Document],
    *,
    lang: str | None = None,
    date: dt.date | str | None = None,
    pipeline: str | Path | Tools = "news",
) -> pd.DataFrame:
    """The same mentions table ``factx run`` writes, for strings or Documents.

    Strings become documents ``doc0``, ``doc1``… with the given ``lang`` (detected when
    None) and ``date`` (what relative dates resolve against). Errors raise ValueError,
    since a caller holding one string wants to hear why it failed.
    """
    tools = pipeline if isinstance(pipeline, Tools) else load(pipeline)
    if isinstance(inputs, str | Document):
        inputs = [inputs]
    day = date.isoformat() if isinstance(date, dt.date) else date
    docs = []
    for i, item in enumerate(inputs):
        doc = item if isinstance(item, Document) else make_document(f"doc{i}", item, "", lang, day)
        if not isinstance(doc, Document):
            raise ValueError(f"input {i}: {doc.error}")
        docs.append(doc)
    result = run(docs, tools)
    if len(result.errors):
        raise ValueError("; ".join(result.errors["error"].tolist()))
    return result.mentions
