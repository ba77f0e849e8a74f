"""Read a run folder's tables back, exactly as ``factx run`` meant them.

The CSVs are written for spreadsheets: text cells that a spreadsheet would run as a
formula get a leading apostrophe (``tables.escape_cell``), and run.json says so. The
report undoes that, and prefers mentions.parquet where the run wrote one, so that mention
texts compare equal to the document text again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from factx import entities, tables


class ReportError(Exception):
    """A run folder the report cannot be built from; the message says what to do."""


def unescape_cell(value: object) -> object:
    """The inverse of ``tables.escape_cell``."""
    if isinstance(value, str) and value.startswith("'"):
        rest = value[1:]
        if rest.startswith(tables.FORMULA_START) and not tables.PLAIN_NUMBER.fullmatch(rest):
            return rest
    return value


def read_table(path: Path, columns: dict[str, str], escaped: bool) -> pd.DataFrame:
    """A table typed as in ``factx.tables``; only empty cells are missing values.

    "NA" and "None" are words in some documents, so pandas' default NA strings are off.
    """
    if path.suffix == ".parquet":
        df = pd.read_parquet(path)
    else:
        df = pd.read_csv(
            path, dtype="string", keep_default_na=False, na_values=[""], encoding="utf-8-sig"
        )
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ReportError(
            f"{path} has no column {', '.join(missing)}; it was not written by this "
            f"factx: rerun `factx run ... --out {path.parent}`"
        )
    df = df[list(columns)].copy()
    if escaped and path.suffix == ".csv":
        for column, dtype in columns.items():
            if dtype == "string":
                df[column] = df[column].map(unescape_cell, na_action="ignore")
    return df.astype(columns)


def load(out_dir: Path) -> dict[str, pd.DataFrame]:
    """mentions, documents, errors and entities of a run; entities rebuilt if absent."""
    if not (out_dir / "mentions.csv").is_file():
        raise ReportError(
            f"{out_dir} has no mentions.csv; run `factx run INPUT... --out {out_dir}` first"
        )
    if not (out_dir / "documents.csv").is_file():
        raise ReportError(
            f"{out_dir} has mentions.csv but no documents.csv; "
            f"rerun `factx run INPUT... --out {out_dir}`"
        )
    escaped = _escaped(out_dir)
    parquet = out_dir / "mentions.parquet"
    found = {
        "mentions": read_table(
            parquet if parquet.is_file() else out_dir / "mentions.csv", tables.MENTIONS, escaped
        )
    }
    for name, columns in (
        ("documents", tables.DOCUMENTS),
        ("errors", tables.ERRORS),
        ("entities", entities.COLUMNS),
    ):
        path = out_dir / f"{name}.csv"
        if path.is_file():
            found[name] = read_table(path, columns, escaped)
    found.setdefault("errors", tables.frame([], tables.ERRORS))
    facts = out_dir / "facts.parquet"  # runs from before factx linked facts have none
    if facts.is_file() or (out_dir / "facts.csv").is_file():
        path = facts if facts.is_file() else out_dir / "facts.csv"
        found["facts"] = read_table(path, tables.FACTS, escaped)
    else:
        found["facts"] = tables.frame([], tables.FACTS)
    if "entities" not in found:
        found["entities"] = entities.build(found["mentions"])
    return found


def _escaped(out_dir: Path) -> bool:
    """Whether run.json says the CSV cells were escaped for spreadsheets."""
    try:
        info = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
        return bool(info.get("csv", {}).get("escaped", False))
    except (OSError, ValueError, AttributeError):
        return False
