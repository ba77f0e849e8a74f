"""Throughput of `factx run` against raw natasha, side by side with the issue's targets.

    python benchmarks/throughput.py [--articles 480] [--repeat 1] [--texts FILE.jsonl]
    python benchmarks/throughput.py --only models,workers,memory,imports,stages [--docs 100]

The default part, ``targets``, runs on 480 Russian articles of 1,600–2,300 characters (the
seed article's sentences rotated and cut, each copy numbered so that no two are alike; or
the ``text`` of each line of ``--texts``, repeated as needed) and prints one table of the
targets, each measured in the same run:

- factx with one worker (the packaged news pipeline, ``--lang ru``) against raw natasha
  (``Doc.segment`` + ``Doc.tag_ner`` in a plain script), whole processes from launch to
  exit, start-up included: ≥ 0.85× by wall clock;
- two workers against one: ≥ 1.7× by wall clock (with Amdahl's projection from CPU times,
  which is what two idle cores would give when others share the machine: the documents'
  work, from the stage table, on two cores, the rest of the one-worker run's CPU time on
  one);
- all rule extractors together: ≤ 2 ms per article; journal and tables: ≤ 1 ms per
  article (in one process on one thread, by ``stages.py``, by wall clock and CPU time);
- start-up (imports, then models and patterns) of factx beside natasha's.

Every figure is given by wall clock and by CPU time (user + system): on a shared machine
the wall clock measures the neighbours too, the CPU time does not. The tables are written
to ``benchmarks/results/throughput-<date>T<time>.md`` as well, with the machine's core
count and load average, so that a later run can be compared.

The other parts compare each language's raw model (natasha, underthesea, spaCy) at
``--sizes``, one worker against two on the three languages mixed, peak memory as the
corpus grows, and ``import spacy`` with torch visible or hidden.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from workload import (
    IMPORT_SPACY,
    RAW,
    RAW_STARTUP,
    Measure,
    factx,
    measure,
    write_corpus,
    write_model_only,
    write_texts,
)

from factx.batch.threads import ONE_THREAD

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PARTS = ("targets", "models", "workers", "memory", "imports", "stages")
STAGE_COLUMNS = ("ner", "ner rules", "rules", "resolvers", "rows", "journal")
EXTRACT = ("ner", "ner rules", "rules")  # the stages a batch's extractors run


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=480, help="articles for the targets")
    p.add_argument("--texts", type=Path, help="take the targets' articles from this JSONL")
    p.add_argument("--docs", type=int, default=100, help="documents per language (default 100)")
    p.add_argument(
        "--sizes",
        default="100,400",
        help="corpus sizes for the rows against the raw models (default 100,400); the target "
        "is read at the largest, where start-up weighs as it does in a batch job",
    )
    p.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    p.add_argument("--keep", type=Path, help="keep the corpora and outputs here")
    p.add_argument("--only", default="targets", help=f"some of {','.join(PARTS)}")
    p.add_argument("--langs", default="ru,vi,en", help="languages of the per-model rows")
    p.add_argument("--no-save", action="store_true", help=f"do not write to {RESULTS}")
    args = p.parse_args()
    parts = set(args.only.split(","))
    compiled()
    work = args.keep or Path(tempfile.mkdtemp(prefix="factx-bench-"))
    load_before = os.getloadavg()
    sizes = tuple(int(x) for x in args.sizes.split(","))
    bench = Bench(work, args.docs, args.repeat, tuple(args.langs.split(",")), sizes)
    bench.articles, bench.texts = args.articles, args.texts
    for part in PARTS:
        if part in parts:
            getattr(bench, part)()
    load_after = os.getloadavg()
    lines = [
        f"factx throughput, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit()}: "
        f"{os.cpu_count()} cores, load average {fmt_load(load_before)} before and "
        f"{fmt_load(load_after)} after (1, 5, 15 min); `{' '.join(sys.argv[1:]) or 'defaults'}`.",
        "Whole processes from launch to exit, model loading included. Ratios are the other's "
        "time over factx's (≥ 1: factx is faster; for workers, 1-worker over 2-worker time), "
        "by wall clock and by CPU time (user + system, children included); the CPU ratio "
        "holds when other processes share the machine, the wall one does not.",
    ]
    if bench.target_rows:
        lines += ["", "Targets (issue 13), measured in this run:", ""]
        lines += table(("target", "goal", "wall", "CPU", "met (wall)", "met (CPU)"),
                       bench.target_rows)  # fmt: skip
    if bench.rows:
        lines += [""]
        lines += table(("run", "docs", "wall s", "docs/s", "CPU s", "peak RSS MB", "ratio wall",
                        "ratio CPU", "target"), bench.rows)  # fmt: skip
    if bench.stage_rows:
        lines += [
            "",
            "Where an article's time goes, in one process, news pipeline, batches of 16, one "
            "BLAS thread (benchmarks/stages.py), as wall / CPU; journal+tables includes fsync:",
            "",
        ]
        lines += table(("lang", "chars", "imports s", "build s", "NER model ms/doc",
                        "NER span rules ms/doc", "rule extractors ms/doc", "resolvers ms/doc",
                        "sentences+rows ms/doc", "journal+tables ms/doc"),
                       bench.stage_rows)  # fmt: skip
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        saved = RESULTS / f"throughput-{datetime.now(UTC):%Y-%m-%dT%H%M}.md"
        saved.write_text(text, encoding="utf-8")
        print(f"written to {saved}")
    if not args.keep:
        shutil.rmtree(work)


def compiled() -> None:
    """factx's modules compiled to bytecode before anything is timed, as installing its
    wheel does for site-packages, where natasha's modules are. An editable install run
    with PYTHONDONTWRITEBYTECODE set (as on some CI machines) would otherwise have every
    process compile factx's sources again, about 0.2 s each."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("factx")
    for folder in spec.submodule_search_locations or () if spec else ():
        compileall.compile_dir(folder, quiet=1)


def amdahl(one: Measure, docs: int, stages: dict) -> float:
    """What two workers would give on two idle cores, from CPU times, which a shared
    machine does not distort: the documents' own work (the stage table's per-article CPU,
    journal excluded, times the articles) halves, and everything else in the one-worker
    run's CPU time (start-up of both processes, tables at the end) does not. Twice one's
    CPU over two's, as this row once said, took the second worker's start-up for work
    and flattered."""
    ms = stages["ms_per_doc"]
    work = docs * sum(ms[k]["cpu"] for k in STAGE_COLUMNS if k != "journal") / 1000
    work = min(work, one.cpu)
    return one.cpu / (one.cpu - work / 2)


def fmt_load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{x:.1f}" for x in load)


def commit() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True)  # fmt: skip
    return done.stdout.strip() or "unknown"


def pair(seconds: dict[str, float], digits: int = 1) -> str:
    return f"{seconds['wall']:.{digits}f} / {seconds['cpu']:.{digits}f}"


def met(ok: bool) -> str:
    return "ok" if ok else "MISSED"


class Bench:
    def __init__(
        self, work: Path, docs: int, repeat: int, langs: tuple[str, ...], sizes: tuple[int, ...]
    ) -> None:
        self.work, self.n, self.repeat, self.langs, self.sizes = work, docs, repeat, langs, sizes
        self.corpora = {lang: work / "corpus" / lang for lang in ("ru", "vi", "en")}
        self.files = {lang: write_corpus(f, lang, docs) for lang, f in self.corpora.items()}
        self.rows: list[tuple[str, ...]] = []
        self.stage_rows: list[tuple[str, ...]] = []
        self.target_rows: list[tuple[str, ...]] = []
        self.articles, self.texts = 480, None

    def targets(self) -> None:
        """The issue's targets on one Russian corpus, in one run. With ``--repeat``, the
        commands take turns and each keeps its best run by wall clock."""
        n, folder = self.articles, self.work / "articles" / "ru"
        if self.texts:
            files = write_texts(folder, self.texts, n)
        else:
            files = write_corpus(folder, "ru", n, chars=(1600, 2300))
        raw = [sys.executable, "-c", RAW["ru"], *map(str, files)]
        # Raw natasha as a user runs it, and on one BLAS thread, where the idle threads'
        # spinning (which costs a loaded machine) is gone: how much of factx's lead is that.
        commands = {
            "raw": (raw, None),
            "raw1": (raw, {**os.environ, **dict.fromkeys(ONE_THREAD, "1")}),
            "one": (factx([folder], self.work / "out-1", "--workers", "1", "--lang", "ru"), None),
            "two": (factx([folder], self.work / "out-2", "--workers", "2", "--lang", "ru"), None),
        }
        runs: dict[str, list[Measure]] = {name: [] for name in commands}
        for _ in range(self.repeat):
            for name, (command, env) in commands.items():
                runs[name].append(measure(command, env=env))
        natasha, natasha1, one, two = (min(runs[k], key=lambda m: m.seconds) for k in commands)
        self.row("ru: raw natasha (Doc.segment + Doc.tag_ner)", n, natasha)
        self.row("ru: raw natasha, one BLAS thread", n, natasha1)
        self.row("ru: factx 1 worker, news pipeline", n, one, natasha)
        self.row("ru: factx 2 workers, news pipeline", n, two, one)
        for base, what, goal in ((natasha, "", "≥ 0.85×"), (natasha1, " on one BLAS thread", "")):
            wall, cpu = base.seconds / one.seconds, base.cpu / one.cpu
            self.target_rows.append((f"factx 1 worker / raw natasha{what}, start-up included",
                                     goal, f"{wall:.2f}×", f"{cpu:.2f}×",
                                     met(wall >= 0.85) if goal else "",
                                     met(cpu >= 0.85) if goal else ""))  # fmt: skip
        st = self.stage("ru", folder)
        scale = (one.seconds / two.seconds, amdahl(one, n, st))
        self.target_rows.append(("2 workers / 1 worker (CPU: Amdahl on 2 idle cores)",
                                 "≥ 1.7×", f"{scale[0]:.2f}×", f"{scale[1]:.2f}×",
                                 met(scale[0] >= 1.7), met(scale[1] >= 1.7)))  # fmt: skip
        per_article = (
            ("rules", "all rule extractors, ms per article", 2.0),
            ("journal", "journal and tables, ms per article", 1.0),
        )
        for stage, what, goal in per_article:
            ms = st["ms_per_doc"][stage]
            wall, cpu = ms["wall"], ms["cpu"]
            self.target_rows.append(
                (
                    what,
                    f"≤ {goal:g}",
                    f"{wall:.2f}",
                    f"{cpu:.2f}",
                    met(wall <= goal),
                    met(cpu <= goal),
                )
            )
        env = {**os.environ, **dict.fromkeys(ONE_THREAD, "1")}
        done = subprocess.run([sys.executable, "-c", RAW_STARTUP], capture_output=True,
                              text=True, check=True, env=env)  # fmt: skip
        natasha = json.loads(done.stdout.splitlines()[-1])
        for part, what in (("imports", "imports"), ("build", "models and patterns")):
            ours, theirs = st[part], natasha[part]
            wall = f"{ours['wall']:.2f} ({theirs['wall']:.2f})"
            cpu = f"{ours['cpu']:.2f} ({theirs['cpu']:.2f})"
            self.target_rows.append(
                (f"start-up, {what}, s: factx (natasha)", "", wall, cpu, "", "")
            )
        first = st["first_batch"]
        steady = {k: first["docs"] * sum(st["ms_per_doc"][s][k] for s in EXTRACT) / 1000
                  for k in ("wall", "cpu")}  # fmt: skip
        self.target_rows.append(
            (
                f"start-up, first batch ({first['docs']} articles) beyond its steady cost "
                "(patterns compiled on first use, caches), s",
                "",
                f"{first['wall'] - steady['wall']:.2f}",
                f"{first['cpu'] - steady['cpu']:.2f}",
                "",
                "",
            )
        )

    def row(self, what: str, docs: int, m: Measure, base: Measure | None = None, target="") -> None:
        ratios = ("", "")
        if base:
            ratios = (f"{base.seconds / m.seconds:.2f}×", f"{base.cpu / m.cpu:.2f}×")
        self.rows.append((what, str(docs), f"{m.seconds:.1f}", f"{docs / m.seconds:.2f}",
                          f"{m.cpu:.1f}", f"{m.peak_mb:.0f}", *ratios, target))  # fmt: skip
        print(" | ".join(self.rows[-1]), file=sys.stderr, flush=True)

    def models(self) -> None:
        """factx with one worker against the raw model, per language and corpus size. With
        ``--repeat``, the three commands take turns, so a machine that slows down for a
        while slows all three, and each keeps its best run."""
        work = self.work
        model_only = write_model_only(work / "model-only.toml")
        for lang in self.langs:
            for n in sorted(self.sizes):
                folder = work / f"corpus-{n}" / lang
                files = write_corpus(folder, lang, n)
                commands = {"raw": [sys.executable, "-c", RAW[lang], *map(str, files)]}
                for name, pipeline in (("model-only pipeline", model_only),
                                       ("news pipeline", "news")):  # fmt: skip
                    commands[name] = factx([folder], work / f"out-{lang}", "--workers", "1",
                                           "--lang", lang, "--pipeline", str(pipeline))  # fmt: skip
                runs: dict[str, list[Measure]] = {name: [] for name in commands}
                for _ in range(self.repeat):
                    for name, command in commands.items():
                        runs[name].append(measure(command))
                best = {name: min(ms, key=lambda m: m.seconds) for name, ms in runs.items()}
                raw = best.pop("raw")
                self.row(f"{lang}: raw NER model alone", n, raw)
                for name, ours in best.items():
                    ok = "ok" if raw.cpu / ours.cpu >= 0.85 else "MISSED"
                    target = (
                        f"≥0.85× {ok} (CPU)" if n == max(self.sizes) else "(start-up weighs more)"
                    )
                    self.row(f"{lang}: factx 1 worker, {name}", n, ours, raw, target)

    def workers(self) -> None:
        """Two workers against one, on four times the documents: each worker pays about
        8 s of set-up (importing the NER libraries, building three pipelines, lingua), which
        a corpus of tens of thousands of articles would not notice."""
        n, work = self.n, self.work
        more = {lang: work / "corpus2" / lang for lang in self.corpora}
        for lang, folder in more.items():
            write_corpus(folder, lang, 3 * n, first=n)
        everything = [*self.corpora.values(), *more.values()]
        one = measure(factx(everything, work / "out-mixed-1", "--workers", "1"), self.repeat)
        two = measure(factx(everything, work / "out-mixed-2", "--workers", "2"), self.repeat)
        self.row("ru+vi+en: factx 1 worker", 12 * n, one)
        ok = "ok" if one.seconds / two.seconds >= 1.6 else "MISSED"
        projected = 2 * one.cpu / two.cpu
        self.row("ru+vi+en: factx 2 workers", 12 * n, two, one,
                 f"≥1.6× {ok} (wall; {projected:.2f}× from CPU on idle cores)")  # fmt: skip

    def memory(self) -> None:
        n, work = self.n, self.work
        small = [self.corpora["ru"], self.corpora["en"]]
        big = [work / "corpus4" / lang for lang in ("ru", "en")]
        for lang, folder in zip(("ru", "en"), big, strict=True):
            write_corpus(folder, lang, 4 * n)
        base = measure(factx(small, work / "out-mem-1", "--workers", "1"))
        four = measure(factx(big, work / "out-mem-4", "--workers", "1"))
        self.row("ru+en: factx 1 worker", 2 * n, base)
        grow = four.peak_mb / base.peak_mb
        self.row("ru+en ×4: factx 1 worker", 8 * n, four, None,
                 f"RSS {grow:.2f}× ≤1.2× {'ok' if grow <= 1.2 else 'MISSED'}")  # fmt: skip

    def imports(self) -> None:
        for what, code in IMPORT_SPACY.items():
            m = measure([sys.executable, "-c", code], self.repeat)
            self.rows.append((f"import spacy, {what}", "", f"{m.seconds:.1f}", "",
                              f"{m.cpu:.1f}", f"{m.peak_mb:.0f}", "", "", ""))  # fmt: skip

    def stage(self, lang: str, folder: Path) -> dict:
        """benchmarks/stages.py on ``folder``, in a fresh process with one BLAS thread."""
        command = [sys.executable, str(ROOT / "benchmarks" / "stages.py"), lang, str(folder),
                   str(self.work / "stages")]  # fmt: skip
        env = {**os.environ, **dict.fromkeys(ONE_THREAD, "1")}
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        st = json.loads(done.stdout.splitlines()[-1])
        ms = st["ms_per_doc"]
        self.stage_rows.append((lang, str(st["chars"]), pair(st["imports"]), pair(st["build"]),
                                *(pair(ms[k]) for k in STAGE_COLUMNS)))  # fmt: skip
        return st

    def stages(self) -> None:
        for lang in self.langs:
            self.stage(lang, self.corpora[lang])


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """A markdown table, as lines."""
    widths = [max(len(x[i]) for x in [header, *rows]) for i in range(len(header))]
    return [
        "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in [header, tuple("-" * w for w in widths), *rows]
    ]


if __name__ == "__main__":
    main()
