"""Scores as a text table, as JSON, and the cases as a DataFrame for errors_by_case.csv."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, fields
from typing import Any

import pandas as pd

from factx.evaluate.score import Case, Line

CASE_COLUMNS = [f.name for f in fields(Case)]


def headers(line: Line) -> list[str]:
    names = [name for name, _ in line.scores]
    if len(names) == 1:
        return ["P", "R", "F1"]
    return [f"{name} {m}" for name in names for m in ("P", "R", "F1")]


def table(lines: Sequence[Line]) -> str:
    """One row per language and label: gold count, found count, then P, R, F1 per score
    ("-" where the label has nothing in the gold and nothing found)."""
    if not lines:
        return "(nothing to score)"
    rows = [["lang", "label", "gold", "found", *headers(lines[0])]]
    for line in lines:
        first = line.scores[0][1]
        cells = [
            "-" if s.blank else f"{x:.3f}"
            for _, s in line.scores
            for x in (s.precision, s.recall, s.f1)
        ]
        rows.append([line.lang, line.label, str(first.gold), str(first.found), *cells])
    return "\n".join(row.rstrip() for row in text_table(rows).splitlines())


def text_table(rows: Sequence[Sequence[str]], sep: str = "  ") -> str:
    """Left-aligned columns (the benchmark scripts print with it too)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(sep.join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def as_json(lines: Sequence[Line]) -> list[dict[str, Any]]:
    return [
        {"lang": line.lang, "label": line.label, **{name: s.as_dict() for name, s in line.scores}}
        for line in lines
    ]


def cases_frame(cases: Sequence[Case]) -> pd.DataFrame:
    df = pd.DataFrame.from_records([astuple(c) for c in cases], columns=CASE_COLUMNS)
    return df.astype({"start": "Int64", "end": "Int64"})
