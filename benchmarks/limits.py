"""What pathological input costs `factx run`: time, memory, rows and cell sizes, as a table.

    python benchmarks/limits.py [--scale 1.0] [--workers 2] [--doc-timeout 600]
                                [--only NAME,...] [--keep DIR] [--mixed]

Scraped text will sooner or later hold a file of control characters, a page without a
single sentence end, a megabyte of numbers or a flood of tiny records. This builds such
inputs itself (made-up words, never gold text) and runs the news pipeline on each as a
whole process with ``--workers`` workers, printing per input: its size, wall time, CPU
time (workers included), CPU time per MB beyond the start-up of a run on one short
article, the peak resident memory of the whole process tree (sampled every 50 ms),
mentions, errors and the largest cell of mentions.csv and errors.csv. Targets (issue
#15): time roughly linear in length, peak RSS under 2.5 GB with two workers, no cell over
the documented limit
(``factx.segment.CONTEXT_CHARS``; a mention's own text aside, which is the document's).

``--mixed`` then runs every input together with normal articles (with factx's default
time budget), and checks that each
file is accounted for in documents.csv or errors.csv and that the articles' rows equal
those of a run on the articles alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import table
from workload import factx, write_corpus

from factx.segment import CONTEXT_CHARS

csv.field_size_limit(sys.maxsize)
# Run-on text: these words over and over, with no sentence end anywhere.
WORDS = {
    "ru": "в городе прошло совещание по вопросам торговли и транспорта где представители "
    "компании Северный Ветер обсуждали поставки угля а директор Иван Петров сообщил что "
    "объем вырос на 12 процентов и составил 3,5 млн тонн",
    "vi": "các bộ trưởng đã thảo luận về thương mại và vận tải biển trong khi ông Nguyễn Văn "
    "An cho biết sản lượng tăng 12 phần trăm lên 3,5 triệu tấn tại tỉnh Quảng Ninh",
    "en": "the ministers talked about trade and shipping while director John Miller of "
    "Northwind Holdings said output rose 12 percent to 3.5 million tonnes in the port of Easton",
}
SCRIPTS = [
    "Москва", "Hà Nội", "Ελλάδα", "القاهرة", "東京都", "서울", "मुंबई", "ירושלים", "ქართული",
    "👩‍👩‍👧‍👦", "🇻🇳", "👍🏽", "🏳️‍🌈", "Zürich", "naïve", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﬁnance",
]  # fmt: skip


def controls(size: int, rnd: random.Random) -> str:
    """Control characters and combining marks, no space and no sentence end."""
    cc = [chr(c) for c in [*range(1, 9), *range(14, 32), 127]]
    marks = [chr(c) for c in range(0x300, 0x370)]
    return "".join(rnd.choice(cc) + rnd.choice(marks) for _ in range(size // 2))


def run_on(lang: str) -> Callable[[int, random.Random], str]:
    def make(size: int, rnd: random.Random) -> str:
        words = WORDS[lang].split()
        out, n = [], 0
        while n < size:
            word = rnd.choice(words)
            out.append(word)
            n += len(word) + 1
        return " ".join(out)[:size]

    return make


def digits(size: int, rnd: random.Random) -> str:
    """Digit groups and separators, with a space now and then."""
    seps = list(",.-/:;%+()") + [" "] * 3
    out, n = [], 0
    while n < size:
        part = str(rnd.randrange(10 ** rnd.randint(1, 6))) + rnd.choice(seps)
        out.append(part)
        n += len(part)
    return "".join(out)[:size]


def scripts(size: int, rnd: random.Random) -> str:
    """Words of many scripts and emoji (ZWJ sequences, flags, skin tones) mixed."""
    out, n = [], 0
    while n < size:
        word = rnd.choice(SCRIPTS) + rnd.choice(["", "", ",", ".", "!"])
        out.append(word)
        n += len(word) + 1
    return " ".join(out)[:size]


@dataclass(frozen=True)
class Input:
    name: str
    lang: str
    make: Callable[[int, random.Random], str]
    chars: int


INPUTS = [
    *(Input(f"controls-{lang}", lang, controls, 200_000) for lang in ("ru", "vi", "en")),
    *(Input(f"run-on-{lang}", lang, run_on(lang), 100_000) for lang in ("ru", "vi", "en")),
    Input("digits", "en", digits, 1_000_000),
    Input("scripts", "en", scripts, 100_000),
]
TINY = 20_000  # documents of the "tiny" input
TINY_TEXTS = {"ru": "Рост {i}%.", "vi": "Tăng {i}%.", "en": "Up {i}%."}


def write_inputs(folder: Path, scale: float, only: set[str] | None) -> dict[str, Path]:
    rnd = random.Random(15)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for spec in INPUTS:
        if only and spec.name not in only:
            continue
        path = folder / f"{spec.name}.jsonl"
        text = spec.make(int(spec.chars * scale), rnd)
        record = {"id": spec.name, "text": text, "lang": spec.lang}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        paths[spec.name] = path
    if not only or "tiny" in only:
        path = folder / "tiny.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(int(TINY * scale)):
                lang = ("ru", "vi", "en")[i % 3]
                record = {"id": f"t{i}", "text": TINY_TEXTS[lang].format(i=i), "lang": lang}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths["tiny"] = path
    return paths


@dataclass(frozen=True)
class Measure:
    seconds: float
    cpu: float
    peak_mb: float


def measure(command: list[str]) -> Measure:
    """Wall time, CPU time (user + system, workers included) and the peak of the summed
    RSS of the process and its descendants. On a shared machine the CPU time is the
    figure to compare: the wall time grows with everyone else's load."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root, peak = psutil.Process(proc.pid), 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: every document in errors.csv
        raise SystemExit(f"{' '.join(command)} failed:\n{proc.stderr.read().decode()}")
    return Measure(seconds, usage.ru_utime + usage.ru_stime, peak / 2**20)


def largest_cell(out: Path) -> tuple[int, str]:
    """The longest cell of mentions.csv and errors.csv, and its column (mention text aside)."""
    best = (0, "")
    for name in ("mentions.csv", "errors.csv"):
        with (out / name).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for column, cell in row.items():
                    if column != "text" and len(cell or "") > best[0]:
                        best = (len(cell), column)
    return best


def counts(out: Path) -> dict[str, int]:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--scale", type=float, default=1.0, help="multiplies every input's size")
    p.add_argument("--workers", default="2")
    p.add_argument(
        "--doc-timeout",
        default="600",
        help="passed to factx run; above its default of 120 s, so that the table shows what "
        "each input costs on a loaded machine rather than the budget ending it",
    )
    p.add_argument("--only", help="comma-separated input names (default: all)")
    p.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    p.add_argument("--mixed", action="store_true", help="also run all inputs with articles")
    args = p.parse_args()
    only = set(args.only.split(",")) if args.only else None
    work = args.keep or Path(tempfile.mkdtemp(prefix="factx-limits-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        run(work, args, only)
    finally:
        if not args.keep:
            shutil.rmtree(work)


def run(work: Path, args: argparse.Namespace, only: set[str] | None) -> None:
    inputs = write_inputs(work / "in", args.scale, only)
    opts = ("--workers", args.workers, "--doc-timeout", args.doc_timeout)
    article = write_corpus(work / "article", "en", 1)
    base = measure(factx(article, work / "out-base", *opts))
    rows = []
    for name, path in inputs.items():
        out = work / f"out-{name}"
        m = measure(factx([path], out, *opts))
        mb = path.stat().st_size / 2**20
        c = counts(out)
        cell, column = largest_cell(out)
        per_mb = max(m.cpu - base.cpu, 0) / mb
        rows.append((name, f"{mb:.2f}", f"{c['documents'] + c['errors']}", f"{m.seconds:.1f}",
                     f"{m.cpu:.1f}", f"{per_mb:.0f}", f"{m.peak_mb:.0f}", str(c["mentions"]),
                     str(c["errors"]), f"{cell} ({column or '-'})"))  # fmt: skip
    print(f"start-up (one short article, {args.workers} workers): {base.seconds:.1f} s wall, "
          f"{base.cpu:.1f} s CPU, {base.peak_mb:.0f} MB; CPU s/MB is beyond that start-up; "
          f"sentence cells at most {CONTEXT_CHARS} characters")  # fmt: skip
    header = ("input", "MB", "docs", "wall s", "CPU s", "CPU s/MB", "peak RSS MB", "mentions",
              "errors", "largest cell")  # fmt: skip
    print("\n".join(table(header, rows)))
    if args.mixed:  # as an analyst would run it: factx's own budget
        mixed(work, inputs, ("--workers", args.workers))


def mixed(work: Path, inputs: dict[str, Path], opts: tuple[str, ...]) -> None:
    """Every input among 40 normal articles in one folder, against the articles alone."""
    articles = work / "articles"
    for lang in ("ru", "vi", "en"):
        write_corpus(articles, lang, 14 if lang == "en" else 13)
    folder = work / "mixed"
    shutil.copytree(articles, folder, dirs_exist_ok=True)
    for name, path in inputs.items():
        shutil.copy(path, folder / f"{name}.jsonl")
    alone, together = work / "out-articles", work / "out-mixed"
    m = measure(factx([articles], alone, *opts))
    t = measure(factx([folder], together, *opts))
    files = sorted(p.name for p in folder.iterdir())
    with (together / "documents.csv").open(encoding="utf-8") as fh:
        docs = list(csv.DictReader(fh))
    with (together / "errors.csv").open(encoding="utf-8") as fh:
        errors = list(csv.DictReader(fh))
    seen = {Path(r["source"].split(":")[0]).name for r in docs + errors}
    expected_docs = sum(1 for line in _lines(folder) if line)
    print(
        f"\nmixed: {len(files)} files, {expected_docs} documents: {len(docs)} in "
        f"documents.csv, {len(errors)} in errors.csv; {t.seconds:.1f} s, peak "
        f"{t.peak_mb:.0f} MB (articles alone: {m.seconds:.1f} s, {m.peak_mb:.0f} MB)"
    )
    print(
        f"every file accounted for: {seen == set(files)}; "
        f"documents + errors = documents in: {len(docs) + len(errors) == expected_docs}"
    )
    ids = {r["doc_id"] for r in docs if ".jsonl" not in r["source"]}
    ref = _rows(alone / "mentions.csv")
    kept = [row for row in _rows(together / "mentions.csv") if row["doc_id"] in ids]
    print(
        f"the articles' mentions.csv rows identical to a run without the bad inputs: "
        f"{kept == ref} ({len(ref)} rows)"
    )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _lines(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".jsonl":
            out += path.read_text(encoding="utf-8").splitlines()
        else:
            out.append(path.name)
    return out


if __name__ == "__main__":
    main()
