"""The thin command line: parse arguments, call the library, turn its errors into one line."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from factx import __version__, entities, registry, sources, tables
from factx.pipeline import PipelineError, Pipelines, load_config
from factx.runner import Tools, run


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factx", description=__doc__)
    p.add_argument("--version", action="version", version=f"factx {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="extract mentions from .txt/.jsonl files or folders")
    r.add_argument("inputs", nargs="+", type=Path, help="files or folders (read recursively)")
    r.add_argument("--out", type=Path, default=Path("data/out"), help="output folder")
    r.add_argument("--lang", help="language of every document (default: detect per document)")
    r.add_argument("--pipeline", default="news", help="pipeline name or TOML path")
    sub.add_parser("plugins", help="list the installed extractor plugins")
    return p


def cmd_run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    tools = Tools(Pipelines(load_config(args.pipeline)))
    result = run(sources.read(args.inputs, args.lang), tools)
    for name, df in (
        ("mentions", result.mentions),
        ("documents", result.documents),
        ("errors", result.errors),
        ("entities", entities.build(result.mentions)),
    ):
        tables.write_csv(df, args.out / f"{name}.csv")
    labels = result.mentions["label"].value_counts().sort_index()
    by_label = ", ".join(f"{k} {v}" for k, v in labels.items()) or "none"
    print(
        f"factx: {len(result.documents)} documents, {len(result.mentions)} mentions "
        f"({by_label}), {len(result.errors)} errors, {time.perf_counter() - started:.1f} s "
        f"→ {args.out}/mentions.csv"
    )
    for row in result.errors.itertuples():
        print(f"  error: {row.source}: {row.error}", file=sys.stderr)
    if len(result.documents) == 0:
        print(f"factx: no document could be processed; see {args.out}/errors.csv", file=sys.stderr)
        return 1
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    rows = registry.describe()
    width = max((len(r["name"]) for r in rows), default=4)
    for r in rows:
        print(f"{r['name']:<{width}}  {r['languages']:<10}  {r['labels']:<30}  {r['package']}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return {"run": cmd_run, "plugins": cmd_plugins}[args.command](args)
    except (PipelineError, registry.PluginError) as exc:
        print(f"factx: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
