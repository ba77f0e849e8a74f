"""Canonical names: how often a multi-word person mention gets a norm that is not its own.

A person's norm may grow (a short form takes the full name's norm), but it should never
lose or swap the mention's own words: "Hoàng Thị Minh" → "Nghĩa Thị Minh" is an invented
identity. For every PERSON mention of two or more words, this counts the share whose norm
does not contain all of its words (case and diacritics aside; Russian words are compared
in their nominative Latin spelling, with vowels aside, since that is how names are
transliterated). Also shows how many PERSON and ORG rows entities.csv would get.

Each file's sentences are grouped into their source documents where the ``source`` field
names one ("… doc NAME sent_id=…"); otherwise every line is its own document in one
corpus, the harder case, since only the corpus-level join can then merge names.
Usage: python benchmarks/names.py [FILE.jsonl ...] [--seeds DIR] [--details]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import pandas as pd
import regex

import factx
from factx import entities
from factx.model import Document
from factx.resolve.names import CYRILLIC, fold, latin, person_lemma
from factx.sources import make_document

ROOT = Path(__file__).resolve().parents[1]
NER = ROOT.parent / "shared" / "benchmarks" / "ner"
DEFAULT = [NER / f for f in ("vi_vtb_dev.jsonl", "en_wikinews_dev.jsonl", "ru_factru_dev.jsonl")]
DOC = regex.compile(r"\bdoc (\S+)")
WORD = regex.compile(r"[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*")
VOWELS = regex.compile(r"[aeiouy]+")


def documents(path: Path) -> list[tuple[str, list[Document]]]:
    """The file's documents, one per source document where the lines name theirs, and
    always one per line (every name then meets its short forms only across documents)."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    groups: dict[str, list[dict]] = defaultdict(list)
    for it in items:
        doc = DOC.search(it.get("source", ""))
        groups[doc.group(1) if doc else it["id"]].append(it)
    lines = [Document(it["id"], it["text"], it["lang"]) for it in items]
    if len(groups) == len(items):
        return [("one per line", lines)]
    grouped = [
        Document(key, "\n".join(it["text"] for it in group), group[0]["lang"])
        for key, group in groups.items()
    ]
    return [("by source doc", grouped), ("one per line", lines)]


def seed_documents(folder: Path) -> list[Document]:
    docs = []
    for path in sorted(folder.glob("*.txt")):
        doc = make_document(path.stem, path.read_text(encoding="utf-8"), str(path))
        if isinstance(doc, Document):
            docs.append(doc)
    return docs


def own_words(text: str, lang: str) -> list[str]:
    """The mention's words as its norm should hold them (nominative, Latin letters)."""
    words = " ".join(WORD.findall(text))
    if CYRILLIC.search(words):
        words = latin(person_lemma(words, lang), lang)
    return [fold(w) for w in words.split(" ") if w]


def keeps_own_words(text: str, lang: str, norm: str | None) -> bool:
    if not norm:
        return False
    have = {fold(w) for w in WORD.findall(norm)}
    loose = {VOWELS.sub("", w) for w in have}
    cyrillic = bool(CYRILLIC.search(text))
    return all(
        w in have or (cyrillic and VOWELS.sub("", w) in loose) for w in own_words(text, lang)
    )


def measure(name: str, mode: str, df: pd.DataFrame, details: bool) -> list[str]:
    people = df[df["label"] == "PERSON"]
    multi = people[people["text"].map(lambda t: len(WORD.findall(t)) > 1)]
    bad = multi[
        [
            not keeps_own_words(t, lang, n)
            for t, lang, n in zip(multi["text"], multi["lang"], multi["norm"], strict=True)
        ]
    ]
    if details:
        for t, n in zip(bad["text"], bad["norm"], strict=True):
            print(f"  {name}: {t!r} → {n!r}")
    table = entities.build(df)
    rows = {k: int((table["label"] == k).sum()) for k in ("PERSON", "ORG")}
    share = len(bad) / len(multi) if len(multi) else 0.0
    return [
        name,
        mode,
        str(len(people)),
        str(len(multi)),
        str(len(bad)),
        f"{share:.1%}",
        str(rows["PERSON"]),
        str(rows["ORG"]),
    ]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--details", action="store_true", help="print each norm that lost words")
    args = ap.parse_args()
    tools = factx.api.load("news")
    head = ["corpus", "grouped as", "PERSON", "multi-word", "lost words", "share"]
    rows = [[*head, "PERSON rows", "ORG rows"]]
    for path in args.files:
        for mode, docs in documents(path):
            df = factx.extract(docs, pipeline=tools)
            rows.append(measure(path.name, mode, df, args.details))
    if args.seeds.is_dir():
        df = factx.extract(seed_documents(args.seeds), pipeline=tools)
        rows.append(measure("seeds", "one per file", df, args.details))
    print(table(rows))


if __name__ == "__main__":
    main()
