"""Fact triples: does each amount find what it measures, who holds it, and when?

Runs the news pipeline (extractors, resolvers and linkers) on the triple gold
(../shared/benchmarks/triples/realnews_dev.jsonl) and scores facts.csv's rows with
``factx.link.scoring`` (NewsQuant's partial/complete rule for the measured phrase), per
language. Then times whole articles with and without the linkers: the FactRuEval devset
documents for ru, GUM's Wikinews documents (their sentences joined) for en and groups of
20 VTB sentences for vi, by CPU time of this process after the models have loaded, with
numpy's BLAS on one thread as in factx's workers (idle BLAS threads spinning after each model
call would otherwise be billed to whatever runs next).

Usage: python benchmarks/triples.py [--details] [--lang ru] [--no-timing]
"""

# ruff: noqa: E402  (BLAS threads are set before numpy loads)
from __future__ import annotations

import os

# As in factx's worker processes (batch/engines.py); set before numpy loads.
for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(name, "1")

import argparse
import dataclasses
import datetime as dt
import json
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

from factx.batch.runner import Tools, chunked, collect, process_many
from factx.link.scoring import TripleScores, score_triples
from factx.model import Document
from factx.pipeline import Pipelines, load_config

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
GOLD = SHARED / "triples" / "realnews_dev.jsonl"
LANGS = ("ru", "vi", "en")
TARGETS = {"measured partial": 0.75, "holder": 0.70}


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def documents(items: list[dict]) -> list[Document]:
    return [
        Document(d["id"], d["text"], d["lang"], dt.date.fromisoformat(d["doc_date"]))
        for d in items
    ]


def run(docs: list[Document], tools: Tools):
    return collect(r for batch in chunked(docs, 16) for r in process_many(batch, tools))


def articles(lang: str) -> list[Document]:
    """Whole news articles of one language, for timing."""
    if lang == "ru":
        items = read(SHARED / "ner" / "ru_factru_dev.jsonl")
        return [Document(d["id"], d["text"], "ru") for d in items]
    if lang == "en":
        groups: dict[str, list[str]] = defaultdict(list)
        for d in read(SHARED / "ner" / "en_wikinews_dev.jsonl"):
            groups[d["source"].split(" doc ")[-1].split(" ")[0]].append(d["text"])
        return [Document(k, " ".join(v), "en") for k, v in groups.items()]
    texts = [d["text"] for d in read(SHARED / "ner" / "vi_vtb_dev.jsonl")]
    return [
        Document(f"vi{i}", " ".join(texts[i : i + 20]), "vi") for i in range(0, len(texts), 20)
    ]


def seconds_per_article(docs: list[Document], tools: Tools) -> float:
    run(docs[:2], tools)  # models load outside the clock
    start = time.process_time()
    run(docs, tools)
    return (time.process_time() - start) / len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print each amount's fact")
    parser.add_argument("--lang", choices=LANGS, action="append")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    langs = args.lang or list(LANGS)
    config = load_config("news")
    linked = Tools(Pipelines(config))
    gold = [d for d in read(GOLD) if d["lang"] in langs]
    tables = run(documents(gold), linked)
    scores = score_triples(gold, tables.facts, tables.mentions)
    if args.details:
        details(gold, tables.facts)
    rows = {}
    plain = Tools(Pipelines(dataclasses.replace(config, linkers={})))
    for lang in langs:
        row = scores.get(lang, TripleScores()).row()
        if not args.no_timing:
            docs = articles(lang)
            # Alternated and the best of two, so neither side pays for a noisy moment.
            without = min(seconds_per_article(docs, plain) for _ in range(2))
            with_links = min(seconds_per_article(docs, linked) for _ in range(2))
            row["ms/article"] = round(1000 * without, 1)
            row["ms/article linked"] = round(1000 * with_links, 1)
            row["linking cost"] = f"{100 * (with_links / without - 1):+.0f}%"
        rows[lang] = row
    print(markdown(rows))
    for lang in langs:
        missed = [k for k, v in TARGETS.items() if rows[lang][k] < v]
        if missed:
            print(f"{lang}: below target on {', '.join(missed)}")


def markdown(rows: dict[str, dict]) -> str:
    """The table as Markdown, one row per language."""
    heads = ["lang", *next(iter(rows.values()))]
    lines = ["| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads)]
    for lang, row in rows.items():
        lines.append("| " + " | ".join([lang, *(str(v) for v in row.values())]) + " |")
    return "\n".join(lines)


def details(gold: list[dict], facts: pd.DataFrame) -> None:
    cols = ["amount", "measured", "holder", "holder_norm", "predicate", "change", "date"]
    for item in gold:
        print(f"\n{item['id']}: {item['text'][:200]}")
        ours = facts[facts["doc_id"] == item["id"]]
        for t in item["triples"]:
            print("  gold:", {k: t.get(k) for k in cols if k in t})
        for _, f in ours.iterrows():
            print("  ours:", {k: (None if pd.isna(f[k]) else f[k]) for k in cols})


if __name__ == "__main__":
    main()
