"""NER accuracy: factx's whole pipeline against the raw backend alone, on gold JSONL files.

Exact-span precision, recall and F1 for PER, ORG and LOC (factx's COUNTRY + LOCATION),
side by side in one run. Usage: python benchmarks/ner.py [FILE.jsonl ...] [--details]
Files default to ../shared/benchmarks/ner/*.jsonl beside this repository.
"""

from __future__ import annotations

import argparse
import inspect
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import factx
from factx import registry
from factx.model import Document
from factx.pipeline import load_config

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = sorted((ROOT.parent / "shared" / "benchmarks" / "ner").glob("*.jsonl"))
GOLD_LABEL = {"PERSON": "PER", "ORG": "ORG", "COUNTRY": "LOC", "LOCATION": "LOC"}
KINDS = ("PER", "ORG", "LOC")

Span = tuple[str, int, int, str]  # doc id, start, end, gold label


def gold_spans(items: list[dict]) -> set[Span]:
    return {(it["id"], e["start"], e["end"], e["label"]) for it in items for e in it["entities"]}


def factx_spans(items: list[dict], lang: str, tools) -> tuple[set[Span], dict]:
    docs = [Document(it["id"], it["text"], lang) for it in items]
    df = factx.extract(docs, pipeline=tools)
    df = df[df["label"].isin(list(GOLD_LABEL))]
    spans = {(r.doc_id, r.start, r.end, GOLD_LABEL[r.label]) for r in df.itertuples()}
    codes = {(r.doc_id, r.start, r.end): r.norm for r in df.itertuples() if r.label == "COUNTRY"}
    return spans, codes


def raw_spans(items: list[dict], lang: str) -> set[Span]:
    """The backend the pipeline names first for this language, alone: its model without rules."""
    spec = next(s for s in load_config("news").languages[lang] if s.name in NER_BACKENDS)
    cls = registry.load(spec.name)
    options = dict(spec.options)
    if "rules" in inspect.signature(cls).parameters:
        options["rules"] = False
    extractor = cls(lang, **options)
    return {
        (it["id"], m.start, m.end, GOLD_LABEL[str(m.label)])
        for it in items
        for m in extractor.extract(Document(it["id"], it["text"], lang))
        if str(m.label) in GOLD_LABEL
    }


NER_BACKENDS = ("natasha", "underthesea", "spacy", "stanza")


def scores(gold: set[Span], found: set[Span], kind: str | None) -> tuple[float, float, float]:
    g = {s for s in gold if kind in (None, s[3])}
    f = {s for s in found if kind in (None, s[3])}
    tp = len(g & f)
    p = tp / len(f) if f else 0.0
    r = tp / len(g) if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def country_accuracy(items: list[dict], codes: dict) -> tuple[int, int]:
    want = [
        ((it["id"], e["start"], e["end"]), e["country"])
        for it in items
        for e in it["entities"]
        if e.get("country")
    ]
    return sum(codes.get(k) == c for k, c in want), len(want)


def table(rows: Iterable[list[str]]) -> str:
    rows = list(rows)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--details", action="store_true", help="print factx's misses and extras")
    args = ap.parse_args()
    tools = factx.api.load("news")
    rows = [
        [
            "file",
            "lang",
            "label",
            "n",
            "raw P",
            "raw R",
            "raw F1",
            "factx P",
            "factx R",
            "factx F1",
            "ΔF1",
        ]
    ]
    notes = []
    for path in args.files:
        by_lang: dict[str, list[dict]] = defaultdict(list)
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            by_lang[item["lang"]].append(item)
        for lang, items in sorted(by_lang.items()):
            gold = gold_spans(items)
            ours, codes = factx_spans(items, lang, tools)
            raw = raw_spans(items, lang)
            counts = Counter(s[3] for s in gold)
            for kind in (*KINDS, None):
                rp, rr, rf = scores(gold, raw, kind)
                fp, fr, ff = scores(gold, ours, kind)
                n = counts[kind] if kind else sum(counts.values())
                rows.append(
                    [
                        path.name,
                        lang,
                        kind or "micro",
                        str(n),
                        f"{rp:.3f}",
                        f"{rr:.3f}",
                        f"{rf:.3f}",
                        f"{fp:.3f}",
                        f"{fr:.3f}",
                        f"{ff:.3f}",
                        f"{ff - rf:+.3f}",
                    ]
                )
            ok, total = country_accuracy(items, codes)
            if total:
                notes.append(f"{path.name} {lang}: country codes {ok}/{total} = {ok / total:.3f}")
            if args.details:
                text = {it["id"]: it["text"] for it in items}
                for tag, spans in (("miss", gold - ours), ("extra", ours - gold)):
                    for d, s, e, k in sorted(spans):
                        print(f"{tag:5} {lang} {k:3} {text[d][s:e]!r:40} {d}")
    print(table(rows))
    print("\n".join(notes))


if __name__ == "__main__":
    main()
