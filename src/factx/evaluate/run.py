"""``factx evaluate`` as a library call: read the gold, run the pipeline on its texts the
way ``factx run`` does, score, and keep the tables when asked."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from factx import tables
from factx.batch.runner import Tables, Tools, run
from factx.evaluate import gold as goldfile
from factx.evaluate.output import cases_frame
from factx.evaluate.scorers import NOT_YET, SCORERS, Scored
from factx.model import Document
from factx.pipeline import Config

UNKNOWN_LANG = "?"  # a text whose language could not be told; it failed, see errors


@dataclass(frozen=True)
class Evaluation:
    gold: goldfile.Gold
    scored: Scored
    run: Tables
    seconds: float


def check(gold: goldfile.Gold) -> None:
    """Refuse a format no scorer reads before any model loads."""
    if gold.format not in SCORERS:
        reason = NOT_YET.get(gold.format, "no scorer reads it")
        raise goldfile.GoldError(f"{gold.path}: a {gold.format} gold file; {reason}")


def covered(gold: goldfile.Gold, config: Config) -> None:
    """Refuse, before any model loads, items whose language the pipeline has no table for:
    they would only fail at run time and score as missed. One line names the first."""
    bad = [i for i in gold.items if i.lang is not None and i.lang not in config.languages]
    if bad:
        more = f" (and {len(bad) - 1} more line(s))" if len(bad) > 1 else ""
        raise goldfile.GoldError(
            f"{gold.path}: line {bad[0].line}{more}: \"lang\" is '{bad[0].lang}', which "
            f"{config.path} has no pipeline for (it has {', '.join(config.languages)}). "
            f'Fix the item\'s "lang", or add a [[lang.{bad[0].lang}.extractors]] table.'
        )


def documents(gold: goldfile.Gold, lang: str | None) -> list[Document]:
    """The gold texts as documents; ``lang`` fills in where an item names none."""
    return [
        Document(i.id, i.text, i.lang or lang, i.doc_date, f"{gold.path}:{i.line}")
        for i in gold.items
    ]


def languages(gold: goldfile.Gold, run: Tables, lang: str | None) -> dict[str, str]:
    """Each item's language: its own, --lang, else the one factx identified."""
    told = dict(zip(run.documents["doc_id"], run.documents["lang"], strict=True))
    return {i.id: i.lang or lang or told.get(i.id) or UNKNOWN_LANG for i in gold.items}


def evaluate(gold: goldfile.Gold, tools: Tools, lang: str | None = None) -> Evaluation:
    check(gold)
    start = time.perf_counter()
    result = run(documents(gold, lang), tools)
    seconds = time.perf_counter() - start
    scored = SCORERS[gold.format](gold, result, languages(gold, result, lang))
    return Evaluation(gold, scored, result, seconds)


def keep(evaluation: Evaluation, out: Path) -> Mapping[str, Path]:
    """The run's tables and the cases under ``out``, as ``factx run`` names them."""
    paths = {
        "mentions": out / "mentions.csv",
        "documents": out / "documents.csv",
        "errors": out / "errors.csv",
        "cases": out / "errors_by_case.csv",
    }
    tables.write_csv(evaluation.run.mentions, paths["mentions"])
    tables.write_csv(evaluation.run.documents, paths["documents"])
    tables.write_csv(evaluation.run.errors, paths["errors"])
    tables.write_csv(cases_frame(evaluation.scored.cases), paths["cases"])
    return paths
