"""A run's tables → one compact JSON payload that the page renders client-side.

Columns are stored as parallel arrays and repeated strings (labels, extractors,
sentences) as indexes into lists: a 1,000-document run then embeds in a few MB, and the
page only builds DOM for the rows it shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from factx import __version__, tables
from factx.model import Label
from factx.report import dates
from factx.report.load import load
from factx.report.texts import TextReader, utf16_offsets
from factx.sources import HEADER

VALUE_LABELS = ("QUANTITY", "MONEY", "PERCENT")
TOP_LABELS = ("PERSON", "ORG", "COUNTRY")
TOP_N = 12
TIMELINE_MAX = 150


def build(out_dir: Path) -> dict[str, Any]:
    """The payload for ``out_dir``; document texts are read from the run's sources."""
    t = load(out_dir)
    docs, mentions = t["documents"], t["mentions"]
    reader = TextReader([Path.cwd(), out_dir, out_dir.parent, out_dir.parent.parent])
    labels = _labels(mentions)
    doc_index = {d: i for i, d in enumerate(docs["doc_id"])}
    m = _mentions(mentions, doc_index, labels)
    texts, problems, bodies = [], [], []
    for i, source in enumerate(docs["source"]):
        text, problem = reader.read(_str(source))
        texts.append(text)
        bodies.append(_body_start(text))
        problems.append(problem)
        if text is not None:
            bad = _place(text, m, m["by_doc"].get(i, []))
            if bad:
                problems[i] = f"{bad} mentions no longer match the source; it changed since the run"
    del m["by_doc"]
    return {
        "version": 1,
        "run": {
            "dir": str(out_dir),
            "generated": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "factx": __version__,
        },
        "labels": labels,
        "docs": {
            "id": _list(docs["doc_id"]),
            "lang": _list(docs["lang"]),
            "date": _list(docs["doc_date"]),
            "source": _list(docs["source"]),
            "text": texts,
            "body": bodies,
            "problem": problems,
        },
        "m": m,
        "f": _facts(t["facts"], mentions, doc_index),
        "top": _top(t["entities"]),
        "dates": _dates(mentions),
        "errors": [_list(t["errors"][c]) for c in tables.ERRORS],
    }


def _labels(mentions: pd.DataFrame) -> list[str]:
    """Built-in labels in their usual order, then plugin labels alphabetically."""
    present = set(mentions["label"].dropna())
    known = [str(label) for label in Label if str(label) in present]
    return known + sorted(present - set(known))


def _mentions(df: pd.DataFrame, doc_index: dict[str, int], labels: list[str]) -> dict[str, Any]:
    """Parallel arrays, one entry per mention; labels, extractors and sentences as indexes.

    Sentences are kept only for value labels (the quantities table shows them): for the
    others the page shows the document itself.
    """
    extractors = sorted(set(df["extractor"].dropna()))
    values = df["label"].isin(VALUE_LABELS) & df["sentence"].notna()
    sentences = list(dict.fromkeys(df.loc[values, "sentence"]))
    sentence_index = {s: i for i, s in enumerate(sentences)}
    doc = [doc_index.get(d, -1) for d in _list(df["doc_id"])]
    by_doc: dict[int, list[int]] = {}
    for i, d in enumerate(doc):
        by_doc.setdefault(d, []).append(i)
    return {
        "doc": doc,
        "label": _codes(df["label"], labels),
        "start": _list(df["start"]),
        "end": _list(df["end"]),
        "text": _list(df["text"]),
        "norm": _list(df["norm"]),
        "value": _list(df["value"]),
        "unit": _list(df["unit"]),
        "ext": _codes(df["extractor"], extractors),
        "sent": [
            sentence_index[s] if v else -1
            for s, v in zip(_list(df["sentence"]), values.tolist(), strict=True)
        ],
        "extractors": extractors,
        "sentences": sentences,
        "by_doc": by_doc,
    }


def _facts(
    facts: pd.DataFrame, mentions: pd.DataFrame, doc_index: dict[str, int]
) -> dict[str, Any]:
    """Parallel arrays, one entry per fact; ``m`` is the index of its amount's mention (for
    the sentence and the link into the document), -1 when the mention is not there."""
    at = {
        (d, s, e): i
        for i, (d, s, e) in enumerate(
            zip(_list(mentions["doc_id"]), _list(mentions["start"]), _list(mentions["end"]),
                strict=True)
        )
    }  # fmt: skip
    keys = zip(_list(facts["doc_id"]), _list(facts["start"]), _list(facts["end"]), strict=True)
    columns = ("amount", "value", "unit", "measured", "holder", "holder_label", "holder_norm",
               "predicate", "change", "date", "source", "score")  # fmt: skip
    return {
        "doc": [doc_index.get(d, -1) for d in _list(facts["doc_id"])],
        "m": [at.get(k, -1) for k in keys],
        **{c: _list(facts[c]) for c in columns},
    }


def _codes(series: pd.Series, names: list[str]) -> list[int]:
    index = {name: i for i, name in enumerate(names)}
    return [-1 if v is None else index[v] for v in _list(series)]


def _place(text: str, m: dict[str, Any], rows: list[int]) -> int:
    """Turn offsets into the page's UTF-16 offsets; unplaceable mentions get -1.

    Returns how many mentions do not match the text. Their ``text`` is kept; the text of
    placed mentions is dropped, since the page slices it from the document.
    """
    table = utf16_offsets(text)
    bad = 0
    for i in rows:
        start, end = m["start"][i], m["end"][i]
        if start is None or end is None or text[start:end] != m["text"][i]:
            m["start"][i] = m["end"][i] = -1
            bad += 1
            continue
        if table is not None:
            m["start"][i], m["end"][i] = table[start], table[end]
        m["text"][i] = None
    return bad


def _top(ents: pd.DataFrame) -> dict[str, list[list[Any]]]:
    """Top entities per label: [key, display name, mentions, documents, forms]."""
    out: dict[str, list[list[Any]]] = {}
    for label in TOP_LABELS:
        rows = ents[ents["label"] == label].sort_values(
            ["mentions", "norm"], ascending=[False, True]
        )
        out[label] = [
            [r.norm, _display(label, r.norm), int(r.mentions), int(r.documents), _str(r.forms)]
            for r in rows.head(TOP_N).itertuples()
        ]
    return out


def _display(label: str, norm: str) -> str:
    """Country codes read as names: analysts know "Russia" better than "RU"."""
    if label != "COUNTRY" or not isinstance(norm, str) or len(norm) != 2:
        return norm
    from babel import Locale

    name = Locale("en").territories.get(norm.upper())
    return f"{name} ({norm})" if name else norm


def _dates(mentions: pd.DataFrame) -> dict[str, Any]:
    """Distinct DATE norms, most mentioned first, with their day spans for the timeline."""
    rows = mentions[mentions["label"] == "DATE"]
    counts = rows.groupby(rows["norm"].fillna("")).agg(
        n=("doc_id", "size"), docs=("doc_id", "nunique")
    )
    counts = counts.sort_values("n", ascending=False, kind="stable")
    items, unparsed = [], 0
    for norm, row in counts.iterrows():
        span = dates.parse(norm)
        if span is None:
            unparsed += int(row.n)
        elif len(items) < TIMELINE_MAX:
            items.append(
                [norm, span[0].isoformat(), span[1].isoformat(), span[2], int(row.n), int(row.docs)]
            )
    return {"items": items, "unparsed": unparsed, "distinct": len(counts), "total": len(rows)}


def _body_start(text: str | None) -> int:
    if not text:
        return 0
    header = HEADER.match(text)
    return header.end() if header else 0


def _str(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _list(series: pd.Series) -> list[Any]:
    """Plain Python values, None where missing: iterating a nullable array is 10x slower."""
    return series.astype(object).where(series.notna(), None).tolist()
