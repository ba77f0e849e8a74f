"""The thin command line: parse arguments, call the library, turn its errors into one line.

The batch and evaluation modules import pandas, pyarrow and pint (about half a second), so
each is imported by the command that needs it: `factx plugins` answers without them.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from factx import __version__, registry

if TYPE_CHECKING:
    from factx.batch.job import Summary

COMMANDS = ("run", "plugins", "report", "evaluate")

# What `factx --help` says of the tool (the module docstring above is for developers).
ABOUT = (
    "factx: people, countries, organisations, dates, durations, quantities, money and "
    "percentages from folders of multilingual news (ru, vi, en), as tidy tables."
)
EPILOG = "Start with: factx run FOLDER --out data/out   (then: factx report data/out)"


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` just that command's (whose options then need
    no import of the modules the others' defaults come from)."""
    p = argparse.ArgumentParser(prog="factx", description=ABOUT, epilog=EPILOG)
    p.add_argument("--version", action="version", version=f"factx {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    if only in (None, "run"):
        add_run_parser(sub)
    if only in (None, "plugins"):
        sub.add_parser("plugins", help="list the installed extractor plugins")
    if only in (None, "report"):
        rep = sub.add_parser("report", help="write DIR/report.html from the tables of a run")
        rep.add_argument("dir", type=Path, help="the --out folder of a `factx run`")
    if only in (None, "evaluate"):
        from factx.evaluate import cli as evaluate_cli

        evaluate_cli.add_parser(sub)
    return p


def add_run_parser(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("run", help="extract mentions from .txt/.jsonl files or folders")
    r.add_argument("inputs", nargs="+", type=Path, help="files or folders (read recursively)")
    r.add_argument(
        "--out", type=Path, default=Path("data/out"), help="output folder (default: data/out)"
    )
    r.add_argument("--lang", help="language of every document (default: detect per document)")
    r.add_argument(
        "--pipeline",
        default="news",
        help="a packaged pipeline's name or a TOML file's path (default: news, the packaged "
        "src/factx/pipelines/news.toml)",
    )
    add_batch_options(r)
    r.add_argument("--report", action="store_true", help="also write OUT/report.html at the end")


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, not {text}")
    return value


def add_batch_options(r: argparse.ArgumentParser) -> None:
    """Options of `factx run` for batches at scale: workers, engine, resume, CSV, limits."""
    from factx.batch.engines import available_cores
    from factx.batch.runner import DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_CHARS, DEFAULT_WORKER_MEMORY

    r.add_argument(
        "--workers",
        type=positive,
        default=available_cores(),
        help="worker processes, each loading the models once (default: the cores available)",
    )
    r.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (default: local)",
    )
    r.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: a running scheduler, e.g. tcp://10.0.0.5:8786 "
        "(default: start a LocalCluster of --workers processes)",
    )
    r.add_argument(
        "--scheduler-timeout",
        type=float,
        default=10,
        metavar="SECONDS",
        help="how long to try reaching --scheduler before giving up (default: 10)",
    )
    r.add_argument("--quiet", action="store_true", help="no progress bar and no error list")
    r.add_argument(
        "--force",
        action="store_true",
        help="start over instead of continuing an interrupted run in --out",
    )
    r.add_argument("--bom", action="store_true", help="write CSVs as UTF-8 with a BOM, for Excel")
    r.add_argument(
        "--max-chars",
        type=positive,
        default=DEFAULT_MAX_CHARS,
        help=f"longest text run in one piece (default: {DEFAULT_MAX_CHARS:,})",
    )
    r.add_argument(
        "--too-long",
        choices=("split", "error"),
        default="split",
        help="a longer document is run in pieces with offsets into the whole text "
        "(split, the default) or reported in errors.csv (error); never truncated",
    )
    r.add_argument(
        "--doc-timeout",
        type=seconds,
        default=DEFAULT_DOC_TIMEOUT,
        metavar="SECONDS",
        help="a batch, then a document, taking longer becomes an errors.csv row and its "
        f"worker is replaced; 0: no budget (default: {DEFAULT_DOC_TIMEOUT:g})",
    )
    r.add_argument(
        "--max-worker-memory",
        type=positive,
        default=DEFAULT_WORKER_MEMORY,
        metavar="MB",
        help="a worker with more resident memory after a batch is replaced by a fresh one "
        f"(default: {DEFAULT_WORKER_MEMORY})",
    )
    r.add_argument(
        "--chunk-size",
        type=positive,
        default=16,
        help="documents per batch sent to a worker and per resume checkpoint (default: 16)",
    )


def cmd_run(args: argparse.Namespace) -> int:
    from factx.batch import job as batch
    from factx.batch import progress
    from factx.batch.runner import Settings

    if args.scheduler and args.engine != "dask":
        print("factx: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    job = batch.Job(
        inputs=tuple(args.inputs),
        out=args.out,
        lang=args.lang,
        pipeline=args.pipeline,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        scheduler_timeout=args.scheduler_timeout,
        settings=Settings(args.max_chars, args.too_long, args.doc_timeout, args.max_worker_memory),
        chunk_size=args.chunk_size,
        bom=args.bom,
        force=args.force,
    )
    bar = progress.reporter(args.inputs, args.quiet)
    try:
        summary = batch.run(job, bar)
    except KeyboardInterrupt:
        bar.close()
        print(
            f"factx: interrupted; run the same command again to continue where it stopped "
            f"(or add --force to start over in {args.out})",
            file=sys.stderr,
        )
        return 130
    bar.close()
    print(summary_line(summary, args.out))
    if not args.quiet:
        for source, error in summary.first_errors:
            print(f"  error: {source}: {error}", file=sys.stderr)
        if summary.errors > len(summary.first_errors):
            more = summary.errors - len(summary.first_errors)
            print(f"  … and {more} more in {args.out}/errors.csv", file=sys.stderr)
    if args.report and (code := cmd_report(argparse.Namespace(dir=args.out))):
        return code
    if summary.documents == 0:
        print(f"factx: no document could be processed; see {args.out}/errors.csv", file=sys.stderr)
        return 1
    return 0


def summary_line(s: Summary, out: Path) -> str:
    by_label = ", ".join(f"{k} {v}" for k, v in s.labels.items()) or "none"
    notes = [f"{s.reused} reused"] * bool(s.reused) + [f"{s.split} split"] * bool(s.split)
    notes += ["settings changed: started over"] * s.restarted
    extra = f" ({', '.join(notes)})" if notes else ""
    return (
        f"factx: {plural(s.documents, 'document')}{extra}, {plural(s.mentions, 'mention')} "
        f"({by_label}), {plural(s.facts, 'fact')}, {plural(s.errors, 'error')}, "
        f"{s.seconds:.1f} s → {out}/mentions.csv"
    )


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_report(args: argparse.Namespace) -> int:
    from factx.report import ReportError, write_report

    try:
        path = write_report(args.dir)
    except ReportError as exc:
        print(f"factx: {exc}", file=sys.stderr)
        return 2
    print(f"factx: report → {path}")
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    rows = registry.describe()
    width = max((len(r["name"]) for r in rows), default=4)
    for r in rows:
        print(f"{r['name']:<{width}}  {r['languages']:<10}  {r['labels']:<30}  {r['package']}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from factx.evaluate import cli as evaluate_cli

    return evaluate_cli.command(args)


def user_errors() -> tuple[type[Exception], ...]:
    """The errors that are the user's to fix, told in one line. Their modules are imported
    only once something was raised: the batch ones import pandas."""
    from factx.batch.journal import StateError
    from factx.batch.work import EngineError
    from factx.pipeline import PipelineError

    return PipelineError, registry.PluginError, StateError, EngineError


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The command is the first word (factx's own options take no value): only its options
    # are built; a misspelt one gets the whole parser, and its list of commands.
    first = next((a for a in argv if not a.startswith("-")), None)
    only = first if first in COMMANDS else None
    if only == "run":
        from factx.batch.threads import one_blas_thread

        with one_blas_thread():  # before the run's modules load numpy, which reads it once
            return dispatch(only, argv)
    return dispatch(only, argv)


def dispatch(only: str | None, argv: list[str]) -> int:
    args = parser(only).parse_args(argv)
    try:
        commands = {
            "run": cmd_run,
            "plugins": cmd_plugins,
            "report": cmd_report,
            "evaluate": cmd_evaluate,
        }
        return commands[args.command](args)
    except user_errors() as exc:
        print(f"factx: {exc}", file=sys.stderr)
        return 2


def entry() -> NoReturn:
    """The ``factx`` command: :func:`main`, then out without the interpreter's teardown.

    A run leaves pandas, pyarrow and thousands of table objects behind, and freeing them
    one by one, module by module, took a tenth of a second after the summary was printed,
    every file being closed by then. The exit handlers still run and the standard streams
    are flushed; a failed flush (a full disk) is said and gives status 120, as Python's own
    exit does. A thread still running (a plugin's) gets the usual way out, which waits for it.
    """
    try:
        code = main()
    except BrokenPipeError:  # `factx plugins | head`: the reader went before the end
        # What is left unwritten must not fail again at exit (Python's documented way).
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or running_threads():
        sys.exit(code)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with the stream closed
            continue
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # `factx ... | head`, or closed by a plugin
            pass
        except OSError as exc:
            with contextlib.suppress(Exception):
                print(f"factx: could not write the output: {exc}", file=sys.__stderr__)
            code = code or 120
    os._exit(code)


def running_threads() -> bool:
    """Whether a thread other than this one runs and would be waited for at exit."""
    main_thread = threading.main_thread()
    return any(t is not main_thread and not t.daemon for t in threading.enumerate())


if __name__ == "__main__":
    entry()
