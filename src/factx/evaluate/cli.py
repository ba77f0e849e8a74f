"""`factx evaluate`: its options, and the command that prints the scores."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from factx.api import load
from factx.evaluate import gold as goldfile
from factx.evaluate.output import as_json, table
from factx.evaluate.run import check, covered, evaluate, keep
from factx.pipeline import check as check_pipeline
from factx.pipeline import load_config

DESCRIPTION = """Score factx on your own gold data (JSON Lines, one item per line):
  NER:   {"id", "lang"?, "text", "entities": [{"start", "end", "label"}]}, labels PER, ORG, LOC
  facts: {"id", "lang"?, "doc_date"?, "text", "expected": [{"label", "norm"|"value", "unit"?}]}
NER gets exact and partial (overlap) P/R/F1 per label and micro; facts get recall and
precision per label. Both per language."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser(
        "evaluate",
        help="score factx on your own gold JSONL (NER spans or facts)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("gold", type=Path, help="gold JSON Lines file")
    e.add_argument("--pipeline", default="news", help="pipeline name or TOML path")
    e.add_argument("--lang", help="language of items that name none (default: detect)")
    e.add_argument(
        "--out", type=Path, help="also write the run's tables and errors_by_case.csv here"
    )
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument(
        "--label-map",
        action="extend",
        nargs="+",
        default=[],
        metavar="FROM=TO",
        help="map gold labels to PER/ORG/LOC, e.g. GPE=LOC PERSON=PER (MISC= drops MISC)",
    )


def command(args: argparse.Namespace) -> int:
    """Everything that can be refused is refused before any model loads: the gold file,
    then each item's language and --lang against the pipeline (a PipelineError exits 2 in
    :func:`factx.cli.main`)."""
    try:
        gold = goldfile.read(args.gold, goldfile.parse_label_map(args.label_map))
        check(gold)
        config = load_config(args.pipeline)
        covered(gold, config)
        check_pipeline(config, args.lang)
    except goldfile.GoldError as exc:
        print(f"factx: {exc}", file=sys.stderr)
        return 2
    result = evaluate(gold, load(args.pipeline), args.lang)
    failed = len(result.run.errors)
    if args.json:
        payload = {
            "gold": str(gold.path),
            "format": gold.format,
            "items": len(gold.items),
            "failed": failed,
            "scores": as_json(result.scored.lines),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(
            f"factx evaluate: {gold.path} ({gold.format}, {len(gold.items)} items, "
            f"{result.seconds:.1f} s)"
        )
        print(table(result.scored.lines))
    if args.out:
        paths = keep(result, args.out)
        print(f"factx: {len(result.scored.cases)} cases → {paths['cases']}", file=sys.stderr)
    if failed:
        where = f"{args.out}/errors.csv" if args.out else "--out DIR/errors.csv"
        print(
            f"factx: {failed} item(s) could not be processed and count as missed; see {where}",
            file=sys.stderr,
        )
    return 0
