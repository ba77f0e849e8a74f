"""Test kit for batch runs: a fast extractor plugin, a pipeline using it, and a corpus.

The batch tests are about engines, resume and output files, not NER, so they run a tiny
regex extractor ("caps") registered through a real entry point: a dist-info folder on
PYTHONPATH, which spawned workers and Dask workers inherit. Its options let a test slow
it down (to kill a run midway), make it fail, hang or kill its process on a marker, or
record each construction.
With ``rendezvous=N`` a recorded construction waits until N processes have recorded one,
so a test of N workers sees N workers at work however the scheduler hands out batches.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factx.sources import HEADER

PLUGIN = """
import os
import time

import regex

from factx.model import Mention

WORD = regex.compile(r"\\b\\p{Lu}\\p{L}+")
FORMULA = regex.compile(r"(?<!\\S)[=+\\-@]\\S+")


# Block until n processes have written to pidfile: while this worker holds its batch, the
# pool must hand the next one to another worker. The deadline only ends a run whose workers
# never start, rather than hanging the test suite.
def wait_for_processes(pidfile, n, deadline=300.0):
    end = time.monotonic() + deadline
    while n and time.monotonic() < end:
        with open(pidfile) as fh:
            if len({line.split()[0] for line in fh if line.strip()}) >= n:
                return
        time.sleep(0.05)


class Caps:
    languages = ("*",)
    labels = ("CAPS", "FORMULA")

    def __init__(self, lang, delay=0.0, fail_on=None, pidfile=None, rendezvous=0, hang_on=None,
                 die_on=None):
        self.lang, self.delay, self.fail_on = lang, delay, fail_on
        self.hang_on, self.die_on = hang_on, die_on
        if pidfile:
            with open(pidfile, "a") as fh:
                threads = os.environ.get("OPENBLAS_NUM_THREADS", "-")
                fh.write(f"{os.getpid()} {lang} {threads}\\n")
            wait_for_processes(pidfile, rendezvous)

    def extract(self, doc):
        if self.fail_on and self.fail_on in doc.text:
            raise RuntimeError(f"found {self.fail_on}")
        if self.hang_on and self.hang_on in doc.text:
            time.sleep(3600)  # a stalled document: only the time budget ends it
        if self.die_on and self.die_on in doc.text:
            os.kill(os.getpid(), 9)  # a crash no exception handler sees
        time.sleep(self.delay)
        for m in WORD.finditer(doc.text):
            yield Mention("CAPS", m.start(), m.end(), m.group(), norm=m.group().lower())
        for m in FORMULA.finditer(doc.text):
            value = float(m.group()) if regex.fullmatch(r"[+-]\\d+", m.group()) else None
            yield Mention("FORMULA", m.start(), m.end(), m.group(), value=value)
"""

LANGS = ("ru", "vi", "en")
EN = (
    "Officials in Canberra said on Monday that Lynas would expand its plant. "
    "Analysts at Morgan Stanley expect prices to rise. "
    "The ministry in Jakarta declined to comment."
)


def install(site: Path) -> Path:
    """Write the plugin and its dist-info (the entry point) into ``site``."""
    site.mkdir(parents=True, exist_ok=True)
    (site / "factx_caps.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "factx_caps-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: factx-caps\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[factx.extractors]\ncaps = factx_caps:Caps\n")
    return site


@contextmanager
def plugin_on_path(site: Path) -> Iterator[None]:
    """The plugin visible here and to every process started meanwhile."""
    old_path, old_env = list(sys.path), os.environ.get("PYTHONPATH")
    sys.path.insert(0, str(site))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), old_env]))
    try:
        yield
    finally:
        sys.path[:] = old_path
        sys.modules.pop("factx_caps", None)
        if old_env is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old_env


def pipeline(path: Path, **options: object) -> Path:
    """A pipeline TOML running only "caps", with ``options``, for ru, vi and en."""
    opts = ", ".join(f"{k} = {json.dumps(v)}" for k, v in options.items())
    table = f"\noptions = {{ {opts} }}" if opts else ""
    path.write_text(
        "".join(f'[[lang.{lang}.extractors]]\nname = "caps"{table}\n\n' for lang in LANGS),
        encoding="utf-8",
    )
    return path


def corpus(root: Path, seeds: Path, copies: int = 20) -> Path:
    """The seeds, ``copies`` edited copies of them in a subfolder, and a JSONL in three
    languages: documents in several files and folders, in a known order."""
    root.mkdir(parents=True, exist_ok=True)
    texts = sorted(seeds.glob("*.txt"))
    for seed in texts:
        (root / seed.name).write_bytes(seed.read_bytes())
    (root / "copies").mkdir(exist_ok=True)
    for i in range(copies):
        seed = texts[i % len(texts)].read_text(encoding="utf-8")
        cut = HEADER.match(seed).end()
        header, body = seed[:cut], seed[cut:]
        sentences = body.split(". ")
        shift = i % len(sentences)
        edited = f"{header}Copy {i}. " + ". ".join(sentences[shift:] + sentences[:shift])
        (root / "copies" / f"c{i:03d}.txt").write_text(edited, encoding="utf-8")
    lines = [
        {"id": f"j{i}", "text": f"{EN} Report {i} from -{i} to =SUM(A{i}).", "lang": "en"}
        for i in range(copies // 2)
    ]
    (root / "feed.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8"
    )
    return root


def outputs(out: Path) -> dict[str, bytes]:
    """The bytes of every output table a run writes (run.json holds timings, so not it)."""
    names = ("mentions.csv", "documents.csv", "errors.csv", "entities.csv")
    return {name: (out / name).read_bytes() for name in names}
