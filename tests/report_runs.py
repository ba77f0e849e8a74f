"""Synthetic run folders for the report tests: every label, hostile text, any size.

A real run needs the NER models and the rule extractors; the report only needs tables
and source files, so these are written directly, with offsets computed as factx would.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from factx import entities, tables

Part = str | tuple  # plain text, or (label, text, norm, value, unit)

PEOPLE = [
    ("Vladimir Putin", None),
    ("Donald Trump", None),
    ("Tô Lâm", None),
    ("Ursula von der Leyen", None),
]
ORGS = [("Rosatom", None), ("Vinacomin", None), ("the World Bank", None), ("Gazprom", None)]
COUNTRIES = [("Russia", "RU"), ("Vietnam", "VN"), ("China", "CN"), ("the United States", "US")]
PLACES = ["Hanoi", "Siberia", "the Urals"]
DATES = [
    ("5 November 2025", "2025-11-05"),
    ("November 2025", "2025-11"),
    ("2024", "2024"),
    ("the third quarter of 2025", "2025-Q3"),
    ("May to July 2025", "2025-05/2025-07"),
    ("12 March 2023", "2023-03-12"),
]
MONEY = [
    ("$1.5 billion", 1.5e9, "USD"),
    ("2 trillion roubles", 2e12, "RUB"),
    ("€40 million", 4e7, "EUR"),
]
QUANTITIES = [
    ("40,000 tonnes", 40000.0, "t"),
    ("12 km", 12.0, "km"),
    ("3.5 million barrels", 3.5e6, "bbl"),
]


def sentence(rng: random.Random) -> list[Part]:
    person, org, country = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(COUNTRIES)
    date, money, qty = rng.choice(DATES), rng.choice(MONEY), rng.choice(QUANTITIES)
    return [
        ("PERSON", person[0], person[1], None, None),
        " of ",
        ("ORG", org[0], None, None, None),
        " said on ",
        ("DATE", date[0], date[1], None, None),
        " that ",
        ("COUNTRY", country[0], country[1], None, None),
        " would spend ",
        ("MONEY", money[0], None, money[1], money[2]),
        " to mine ",
        ("QUANTITY", qty[0], None, qty[1], qty[2]),
        " near ",
        ("LOCATION", rng.choice(PLACES), None, None, None),
        ", up ",
        ("PERCENT", "15%", None, 15.0, "%"),
        " over ",
        ("DURATION", "two years", "P2Y", None, None),
        ".",
    ]


def layout(doc_id: str, lang: str, date: str | None, sentences: list[list[Part]], head: str = ""):
    """The document text and its mention rows, offsets counted in code points."""
    text = f" date {date} " if date else ""
    text += head
    rows = []
    for parts in sentences:
        start_of_sentence = len(text)
        spans = []
        for part in parts:
            if isinstance(part, str):
                text += part
            else:
                label, surface, norm, value, unit = part
                spans.append(
                    (label, surface, len(text), len(text) + len(surface), norm, value, unit)
                )
                text += surface
        sent = text[start_of_sentence:]
        for label, surface, start, end, norm, value, unit in spans:
            rows.append(
                (
                    doc_id,
                    lang,
                    date,
                    label,
                    surface,
                    start,
                    end,
                    norm,
                    value,
                    unit,
                    None,  # per
                    sent,
                    "synthetic",
                )
            )
        text += " "
    return text, rows


def write_run(root: Path, n_docs: int = 6, seed: int = 7) -> Path:
    """A run folder ``root/out`` whose sources live in ``root/src``; returns the folder."""
    rng = random.Random(seed)
    src, out = root / "src", root / "out"
    src.mkdir(parents=True, exist_ok=True)
    docs, mentions = [], []
    for i in range(n_docs):
        lang = ("en", "ru", "vi")[i % 3]
        date = f"2025-{1 + i % 11:02d}-{1 + i % 27:02d}" if i % 10 != 9 else None
        doc_id = f"news/{i:04d}"
        text, rows = layout(doc_id, lang, date, [sentence(rng) for _ in range(1 + i % 4)])
        path = src / f"{doc_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        docs.append((doc_id, str(path), lang, date, len(text), len(rows)))
        mentions += rows
    for doc_id, head, parts in special_documents():
        text, rows = layout(doc_id, "en", "2025-11-13", [parts], head)
        path = src / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        docs.append((doc_id, str(path), "en", "2025-11-13", len(text), len(rows)))
        mentions += rows
    feed = src / "feed.jsonl"
    records = [{"id": f"feed-{k}", "text": t} for k, t in enumerate(("Hello.", "Putin spoke."))]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    docs.append(("feed-1", f"{feed}:2", "en", None, 12, 1))
    mentions.append(
        (
            "feed-1",
            "en",
            None,
            "PERSON",
            "Putin",
            0,
            5,
            None,
            None,
            None,
            None,
            "Putin spoke.",
            "synthetic",
        )
    )
    docs.append(("gone", str(src / "gone.txt"), "en", None, 10, 1))
    mentions.append(
        (
            "gone",
            "en",
            None,
            "ORG",
            "Vanished Inc",
            0,
            12,
            None,
            None,
            None,
            None,
            "Vanished Inc.",
            "synthetic",
        )
    )
    m = tables.frame(mentions, tables.MENTIONS)
    tables.write_csv(m, out / "mentions.csv")
    tables.write_csv(synthetic_facts(m), out / "facts.csv")
    tables.write_csv(tables.frame(docs, tables.DOCUMENTS), out / "documents.csv")
    errors = [
        (
            str(src / "broken.bin"),
            "broken",
            "binary file (it holds NUL bytes); factx reads UTF-8 text",
        )
    ]
    tables.write_csv(tables.frame(errors, tables.ERRORS), out / "errors.csv")
    tables.write_csv(entities.build(m), out / "entities.csv")
    return out


EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def special_documents() -> list[tuple[str, str, list[Part]]]:
    """Hostile and awkward texts: HTML in the text and in a mention, astral characters."""
    return [
        (
            "long",
            "A filler sentence that says nothing. " * 80,
            [("MONEY", "$9 billion", None, 9e9, "USD"), " at the very end."],
        ),
        (
            "evil",
            EVIL + " ",
            [
                ("PERSON", "<b>Mallory</b>", None, None, None),
                " wrote </script> to ",
                ("ORG", "Evil & Co", None, None, None),
                ".",
            ],
        ),
        (
            "emoji",
            "🚀🚀 Launch day. ",
            [
                ("PERSON", "Elon Musk", None, None, None),
                " flew to ",
                ("COUNTRY", "Vietnam", "VN", None, None),
                " for ",
                ("MONEY", "$7 billion", None, 7e9, "USD"),
                ".",
            ],
        ),
    ]


def synthetic_facts(m):
    """A fact per amount mention, held by Russia, with scores 0.5 to 0.9 in turn."""
    amounts = m[m["label"].isin(["MONEY", "QUANTITY", "PERCENT"])]
    rows = [
        (r.doc_id, k + 1, r.label, r.text, r.start, r.end, r.value, r.unit, r.norm,
         None, None, None, "Russia", "COUNTRY", "RU", "holds", ("none", "up")[k % 2],
         None, None, r.sentence, 0.5 + (k % 5) / 10, r.lang, "synthetic")
        for k, r in enumerate(amounts.itertuples())
    ]  # fmt: skip
    return tables.frame(rows, tables.FACTS)
