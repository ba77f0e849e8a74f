"""NER accuracy: factx's whole pipeline against the raw backend alone, on gold JSONL files.

Precision, recall and F1 for PER, ORG and LOC (factx's COUNTRY + LOCATION), exact-span
and partial (a span overlapping a gold span of its label: pF1), side by side in one run.
Files are read and scored by ``factx.evaluate``, the code behind ``factx evaluate``.
Usage: python benchmarks/ner.py [FILE.jsonl ...] [--details]
Files default to ../shared/benchmarks/ner/*.jsonl beside this repository.
"""

from __future__ import annotations

import argparse
import inspect
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import factx
from factx import registry
from factx.evaluate import gold
from factx.evaluate.gold import NER_LABELS, Item
from factx.evaluate.ner import GOLD_LABEL, Span, score
from factx.evaluate.output import text_table
from factx.model import Document
from factx.pipeline import load_config

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = sorted((ROOT.parent / "shared" / "benchmarks" / "ner").glob("*.jsonl"))
NER_BACKENDS = ("natasha", "underthesea", "spacy", "stanza")
HEADER = ["file", "lang", "label", "n", "raw P", "raw R", "raw F1", "raw pF1"]
HEADER += ["factx P", "factx R", "factx F1", "factx pF1", "ΔF1", "ΔpF1"]


def gold_spans(items: Sequence[Item]) -> set[Span]:
    return {(it.id, e.start, e.end, e.label) for it in items for e in it.entities}


def factx_spans(items: Sequence[Item], lang: str, tools) -> tuple[set[Span], dict]:
    docs = [Document(it.id, it.text, lang) for it in items]
    df = factx.extract(docs, pipeline=tools)
    df = df[df["label"].isin(list(GOLD_LABEL))]
    spans = {(r.doc_id, r.start, r.end, GOLD_LABEL[r.label]) for r in df.itertuples()}
    codes = {(r.doc_id, r.start, r.end): r.norm for r in df.itertuples() if r.label == "COUNTRY"}
    return spans, codes


def raw_spans(items: Sequence[Item], lang: str) -> set[Span]:
    """The backend the pipeline names first for this language, alone: its model without rules."""
    spec = next(s for s in load_config("news").languages[lang] if s.name in NER_BACKENDS)
    cls = registry.load(spec.name)
    options = dict(spec.options)
    if "rules" in inspect.signature(cls).parameters:
        options["rules"] = False
    extractor = cls(lang, **options)
    return {
        (it.id, m.start, m.end, GOLD_LABEL[str(m.label)])
        for it in items
        for m in extractor.extract(Document(it.id, it.text, lang))
        if str(m.label) in GOLD_LABEL
    }


def country_accuracy(items: Sequence[Item], codes: dict) -> tuple[int, int]:
    want = [((it.id, e.start, e.end), e.country) for it in items for e in it.entities if e.country]
    return sum(codes.get(k) == c for k, c in want), len(want)


def figures(gold: set[Span], raw: set[Span], ours: set[Span], kind: str | None) -> list[str]:
    """raw P R F1 pF1, factx P R F1 pF1, and the two differences."""
    cells = []
    f1s = []
    for found in (raw, ours):
        exact, part = score(gold, found, kind, False), score(gold, found, kind, True)
        cells += [f"{x:.3f}" for x in (exact.precision, exact.recall, exact.f1, part.f1)]
        f1s.append((exact.f1, part.f1))
    (rf, rp), (ff, fp) = f1s
    return [*cells, f"{ff - rf:+.3f}", f"{fp - rp:+.3f}"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--details", action="store_true", help="print factx's misses and extras")
    args = ap.parse_args()
    tools = factx.api.load("news")
    rows = [HEADER]
    notes = []
    for path in args.files:
        by_lang: dict[str, list[Item]] = defaultdict(list)
        for item in gold.read(path).items:
            by_lang[item.lang or "?"].append(item)
        for lang, items in sorted(by_lang.items()):
            spans = gold_spans(items)
            ours, codes = factx_spans(items, lang, tools)
            raw = raw_spans(items, lang)
            counts = Counter(s[3] for s in spans)
            for kind in (*NER_LABELS, None):
                n = counts[kind] if kind else sum(counts.values())
                rows.append(
                    [path.name, lang, kind or "micro", str(n), *figures(spans, raw, ours, kind)]
                )
            ok, total = country_accuracy(items, codes)
            if total:
                notes.append(f"{path.name} {lang}: country codes {ok}/{total} = {ok / total:.3f}")
            if args.details:
                text = {it.id: it.text for it in items}
                for tag, found in (("miss", spans - ours), ("extra", ours - spans)):
                    for d, s, e, k in sorted(found):
                        print(f"{tag:5} {lang} {k:3} {text[d][s:e]!r:40} {d}")
    print(text_table(rows))
    print("\n".join(notes))


if __name__ == "__main__":
    main()
