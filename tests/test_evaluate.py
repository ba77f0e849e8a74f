"""`factx evaluate`: gold reading and its errors, NER and facts figures worked out by hand,
and the command end to end. Scoring tests build the run's tables directly from mentions,
so they need no model; the end-to-end tests run rule-only or "caps" pipelines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from factx.batch.runner import Tables, collect, located
from factx.cli import main
from factx.evaluate import gold as goldfile
from factx.evaluate import match
from factx.evaluate.iso import seconds
from factx.evaluate.output import as_json, table
from factx.evaluate.run import evaluate
from factx.evaluate.score import Line, Score
from factx.evaluate.scorers import score_facts, score_ner
from factx.model import Document, Mention

RULES = ("dates", "durations", "money", "percent", "quantities")


def write(path: Path, lines: list[object]) -> Path:
    text = "".join(
        (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines
    )
    path.write_text(text, encoding="utf-8")
    return path


def tables(found: dict[str, tuple[str, list[Mention]]]) -> Tables:
    """The run's tables for documents {id: (text, mentions)}, as runner builds them."""
    return collect(located(Document(i, text, "en"), ms) for i, (text, ms) in found.items())


def figures(lines, lang: str, label: str, name: str) -> tuple[float, float, float]:
    line = next(x for x in lines if (x.lang, x.label) == (lang, label))
    s = dict(line.scores)[name]
    return round(s.precision, 4), round(s.recall, 4), round(s.f1, 4)


# --- NER ----------------------------------------------------------------------------------

NER_TEXT = "Anna Berg met Ivo in Bergen."
NER_GOLD = {
    "id": "n1",
    "lang": "en",
    "text": NER_TEXT,
    "entities": [
        {"start": 0, "end": 9, "label": "PER", "text": "Anna Berg"},
        {"start": 14, "end": 17, "label": "PER", "text": "Ivo"},
        {"start": 21, "end": 27, "label": "LOC", "text": "Bergen"},
    ],
}
# "Anna" overlaps "Anna Berg" (partial only), "Ivo" is exact, "Bergen" has the wrong label.
NER_FOUND = [
    Mention("PERSON", 0, 4, "Anna"),
    Mention("PERSON", 14, 17, "Ivo"),
    Mention("ORG", 21, 27, "Bergen"),
]


@pytest.mark.parametrize(
    ("label", "name", "want"),
    [
        ("PER", "exact", (0.5, 0.5, 0.5)),
        ("PER", "partial", (1.0, 1.0, 1.0)),
        ("LOC", "exact", (0.0, 0.0, 0.0)),
        ("LOC", "partial", (0.0, 0.0, 0.0)),
        ("ORG", "exact", (0.0, 0.0, 0.0)),
        ("micro", "exact", (0.3333, 0.3333, 0.3333)),
        ("micro", "partial", (0.6667, 0.6667, 0.6667)),
    ],
)
def test_ner_figures_by_hand(tmp_path, label, name, want):
    gold = goldfile.read(write(tmp_path / "g.jsonl", [NER_GOLD]))
    scored = score_ner(gold, tables({"n1": (NER_TEXT, NER_FOUND)}), {"n1": "en"})
    assert figures(scored.lines, "en", label, name) == want


def test_overlap_pairs_spans_one_to_one(tmp_path):
    """One found span running two gold names together finds one of them (recall 1/2) and
    is itself right (precision 1/1)."""
    text = "Le Van Minh and Tran Thi Lan spoke."
    item = {
        "id": "v",
        "text": text,
        "entities": [
            {"start": 0, "end": 11, "label": "PER"},
            {"start": 16, "end": 27, "label": "PER"},
        ],
    }
    gold = goldfile.read(write(tmp_path / "g.jsonl", [item]))
    found = tables({"v": (text, [Mention("PERSON", 0, 27, text[:27])])})
    scored = score_ner(gold, found, {"v": "vi"})
    line = next(x for x in scored.lines if x.label == "PER")
    partial = dict(line.scores)["partial"]
    assert (partial.gold_hit, partial.gold, partial.found_hit, partial.found) == (1, 2, 1, 1)
    assert figures(scored.lines, "vi", "PER", "exact") == (0.0, 0.0, 0.0)


def test_ner_cases_name_misses_extras_and_the_span_that_overlaps(tmp_path):
    gold = goldfile.read(write(tmp_path / "g.jsonl", [NER_GOLD]))
    scored = score_ner(gold, tables({"n1": (NER_TEXT, NER_FOUND)}), {"n1": "en"})
    got = {(c.kind, c.label, c.text, c.found) for c in scored.cases}
    assert got == {
        ("missed", "PER", "Anna Berg", "Anna"),
        ("missed", "LOC", "Bergen", ""),
        ("spurious", "PER", "Anna", "Anna"),
        ("spurious", "ORG", "Bergen", "Bergen"),
    }
    assert all(c.sentence == NER_TEXT for c in scored.cases)


def test_scores_are_per_language(tmp_path):
    items = [NER_GOLD, {**NER_GOLD, "id": "n2", "lang": "ru"}]
    gold = goldfile.read(write(tmp_path / "g.jsonl", items))
    found = tables({"n1": (NER_TEXT, NER_FOUND), "n2": (NER_TEXT, [])})
    scored = score_ner(gold, found, {"n1": "en", "n2": "ru"})
    assert figures(scored.lines, "en", "micro", "exact") == (0.3333, 0.3333, 0.3333)
    assert figures(scored.lines, "ru", "micro", "exact") == (0.0, 0.0, 0.0)
    assert (
        dict(next(x for x in scored.lines if x.lang == "ru" and x.label == "micro").scores)[
            "exact"
        ].gold
        == 3
    )


@pytest.mark.parametrize(
    ("label_map", "labels"),
    [
        (["GPE=LOC", "PERSON=PER", "NORP="], ["PER", "LOC", "LOC"]),
        (["GPE=ORG", "PERSON=PER", "NORP=LOC"], ["PER", "ORG", "LOC", "ORG"]),
    ],
)
def test_label_map_maps_and_drops_other_schemes(tmp_path, label_map, labels):
    item = {
        "id": "m",
        "text": "Ada from Peru, a Peruvian, in Lima.",
        "entities": [
            {"start": 0, "end": 3, "label": "PERSON"},
            {"start": 9, "end": 13, "label": "GPE"},
            {"start": 17, "end": 25, "label": "NORP"},
            {"start": 30, "end": 34, "label": "GPE"},
        ],
    }
    gold = goldfile.read(write(tmp_path / "g.jsonl", [item]), goldfile.parse_label_map(label_map))
    assert [e.label for e in gold.items[0].entities] == labels


@pytest.mark.parametrize(
    ("pairs", "fragment"),
    [(["GPE"], "write FROM=TO"), (["GPE=PLACE"], "map to one of PER, ORG, LOC")],
)
def test_bad_label_map_says_how_to_write_it(pairs, fragment):
    with pytest.raises(goldfile.GoldError, match=fragment):
        goldfile.parse_label_map(pairs)


# --- facts --------------------------------------------------------------------------------

FACT_GOLD = [
    {
        "id": "f1",
        "lang": "en",
        "text": "made-up",
        "expected": [
            {"label": "QUANTITY", "value": 28.5, "unit": "Mt"},
            {"label": "MONEY", "value": 350e9, "unit": "USD"},
            {"label": "DURATION", "norm": "P2W"},
            {"label": "DATE", "norm": "2024-05"},
        ],
    },
    {"id": "f2", "lang": "en", "text": "a trap", "expected": []},
]
FACT_FOUND = {
    # 28.5 Mt in tonnes (SI), the wrong currency, two weeks in days, the wrong precision, and
    # a percentage nobody asked for.
    "f1": (
        "made-up",
        [
            Mention("QUANTITY", 0, 1, "m", value=28_500_000, unit="t"),
            Mention("MONEY", 1, 2, "a", value=350e9, unit="EUR"),
            Mention("DURATION", 2, 3, "d", norm="P14D"),
            Mention("DATE", 3, 4, "e", norm="2024"),
            Mention("PERCENT", 4, 5, "-", value=5.0, unit="%"),
        ],
    ),
    "f2": ("a trap", [Mention("DATE", 0, 1, "a", norm="2024")]),
}


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("QUANTITY", (1.0, 1.0, 1.0)),
        ("MONEY", (0.0, 0.0, 0.0)),
        ("DURATION", (1.0, 1.0, 1.0)),
        ("DATE", (0.0, 0.0, 0.0)),
        ("PERCENT", (0.0, 1.0, 0.0)),  # nothing expected: recall is vacuously 1
        ("all", (0.3333, 0.5, 0.4)),
    ],
)
def test_fact_figures_by_hand(tmp_path, label, want):
    gold = goldfile.read(write(tmp_path / "g.jsonl", FACT_GOLD))
    scored = score_facts(gold, tables(FACT_FOUND), {"f1": "en", "f2": "en"})
    assert figures(scored.lines, "en", label, "facts") == want


def test_fact_cases_list_missed_facts_and_extra_mentions(tmp_path):
    gold = goldfile.read(write(tmp_path / "g.jsonl", FACT_GOLD))
    scored = score_facts(gold, tables(FACT_FOUND), {"f1": "en", "f2": "en"})
    got = sorted((c.doc_id, c.kind, c.expected or c.found) for c in scored.cases)
    assert got == [
        ("f1", "missed", "DATE 2024-05"),
        ("f1", "missed", "MONEY 3.5e+11 USD"),
        ("f1", "spurious", "DATE 2024"),
        ("f1", "spurious", "MONEY 3.5e+11 EUR"),
        ("f1", "spurious", "PERCENT 5 %"),
        ("f2", "spurious", "DATE 2024"),
    ]


@pytest.mark.parametrize(
    ("want", "got", "same"),
    [
        (goldfile.Fact("QUANTITY", value=2.5, unit="km"), ("QUANTITY", 2500.0, "m", None), True),
        (goldfile.Fact("QUANTITY", value=2.5, unit="km"), ("QUANTITY", 2500.0, "g", None), False),
        (goldfile.Fact("MONEY", value=7.0, unit="USD"), ("MONEY", 7.0, "USD", None), True),
        (goldfile.Fact("PERCENT", value=12.5, unit="%"), ("PERCENT", 12.5, "%", None), True),
        (goldfile.Fact("DURATION", norm="P1M"), ("DURATION", None, None, "P30D"), True),
        (goldfile.Fact("DURATION", value=3, unit="month"), ("DURATION", None, None, "P3M"), True),
        (
            goldfile.Fact("DURATION", value=90, unit="minute"),
            ("DURATION", None, None, "PT1.5H"),
            True,
        ),
        (goldfile.Fact("DATE", norm="2024-Q2"), ("DATE", None, None, "2024-Q2"), True),
        (goldfile.Fact("DATE", norm="2024-Q2"), ("DURATION", None, None, "2024-Q2"), False),
    ],
)
def test_fact_match_rules(want, got, same):
    label, value, unit, norm = got
    assert match.fact_match(want, match.Found("d", label, "x", value, unit, norm)) is same


@pytest.mark.parametrize(
    ("norm", "want"),
    [("P1Y", 365 * 86400), ("PT90M", 5400), ("P1.5M", 45 * 86400), ("P", None), ("soon", None)],
)
def test_iso_durations_in_seconds(norm, want):
    assert seconds(norm) == want


# --- bad gold -----------------------------------------------------------------------------

GOOD_NER = {"id": "ok", "text": "Ada left.", "entities": [{"start": 0, "end": 3, "label": "PER"}]}
GOOD_FACT = {"id": "ok", "text": "In 2024.", "expected": [{"label": "DATE", "norm": "2024"}]}


@pytest.mark.parametrize(
    ("mention", "shown"),
    [
        (Mention("PERCENT", 0, 4, "x=5%", value=5.0, unit="%"), "PERCENT 5 %"),
        (Mention("DATE", 0, 7, "a=2024=", norm="2024"), "DATE 2024"),
        (Mention("MONEY", 0, 6, "$=3bn", value=3e9, unit="USD"), "MONEY 3e+09 USD"),
    ],
)
def test_an_extra_mention_shows_its_value_whatever_its_text(tmp_path, mention, shown):
    """An "=" in the mention's text is no separator: the value is shown as it is."""
    gold = goldfile.read(write(tmp_path / "g.jsonl", [{**GOOD_FACT, "expected": []}]))
    scored = score_facts(gold, tables({"ok": (GOOD_FACT["text"], [mention])}), {"ok": "en"})
    assert [(c.kind, c.text, c.found) for c in scored.cases] == [("spurious", mention.text, shown)]


BLANK_NER = Line("en", "ORG", (("exact", Score()), ("partial", Score())))
BLANK_FACTS = Line("en", "all", (("facts", Score(empty=1.0)),))


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        (BLANK_NER, ["en", "ORG", "0", "0", *["-"] * 6]),
        (BLANK_FACTS, ["en", "all", "0", "0", "-", "-", "-"]),
        # a figure is still given where there is something to count
        (
            Line("en", "PER", (("exact", Score(2, 0)), ("partial", Score(2, 0)))),
            ["en", "PER", "2", "0", *["0.000"] * 6],
        ),
        (Line("en", "all", (("facts", Score(0, 2, 0, 1, empty=1.0)),)), ["en", "all", "0", "2"]),
    ],
)
def test_a_label_with_nothing_to_score_prints_no_figure(line, cells):
    """Neither NER's 0 nor facts' 1 for 0 of 0: a dash in the table, null in JSON."""
    row = table([line]).splitlines()[1].split()
    assert row[: len(cells)] == cells
    blank = all(c == "-" for c in cells[4:]) and len(cells) > 4
    for figures_ in (v for v in as_json([line])[0].values() if isinstance(v, dict)):
        got = (figures_["precision"], figures_["recall"], figures_["f1"])
        assert (got == (None, None, None)) == blank


def test_ner_labels_absent_from_gold_and_output_are_blank(tmp_path):
    gold = goldfile.read(write(tmp_path / "g.jsonl", [{**GOOD_NER, "lang": "en"}]))
    found = tables({"ok": ("Ada left.", [Mention("PERSON", 0, 3, "Ada")])})
    scored = score_ner(gold, found, {"ok": "en"})
    rows = {r.split()[1]: r.split()[4:] for r in table(scored.lines).splitlines()[1:]}
    right, blank = ["1.000"] * 6, ["-"] * 6
    assert rows == {"PER": right, "ORG": blank, "LOC": blank, "micro": right}


def ner_line(**entity) -> dict:
    return {
        "id": "x",
        "text": "Ada Lovelace",
        "entities": [{"start": 0, "end": 3, "label": "PER", **entity}],
    }


def fact_line(**fact) -> dict:
    return {"id": "x", "text": "made-up", "expected": [fact]}


@pytest.mark.parametrize(
    ("first", "bad", "fragment"),
    [
        (GOOD_NER, '{"id": "x", "text": ', "line 2: not valid JSON"),
        (GOOD_NER, "[1, 2]", "line 2: a JSON object"),
        (
            GOOD_NER,
            ner_line(text="Ada Lovelace"),
            "line 2, entity 1: text[0:3] is 'Ada', not 'Ada Lovelace'",
        ),
        (GOOD_NER, ner_line(end=40), "line 2, entity 1: span 0-40 is outside the text"),
        (
            GOOD_NER,
            ner_line(label="NORP"),
            "line 2, entity 1: unknown label 'NORP'; use PER, ORG, LOC, or map it with "
            "--label-map NORP=PER|ORG|LOC (NORP= leaves it out)",
        ),
        (
            GOOD_NER,
            ner_line(start="0"),
            'line 2, entity 1: "start" and "end" must be whole numbers',
        ),
        (
            GOOD_NER,
            ner_line(country="Vietnam"),
            "line 2, entity 1: \"country\" 'Vietnam' is not an ISO",
        ),
        (GOOD_NER, {"id": "x", "entities": []}, 'line 2: "text" must be a non-empty string'),
        (
            GOOD_NER,
            {"id": "x", "text": "t", "labels": []},
            "line 2: no 'entities', 'expected', 'triples' field",
        ),
        (GOOD_NER, {"id": "x", "text": "t", "entities": {}}, "line 2: 'entities' must be a list"),
        (GOOD_NER, {**GOOD_FACT, "id": "y"}, "line 2: a facts item in a ner file (line 1)"),
        (GOOD_NER, GOOD_NER, "line 2: id 'ok' was used on line 1"),
        (GOOD_FACT, fact_line(label="TIME", norm="10:00"), "line 2, fact 1: unknown label 'TIME'"),
        (
            GOOD_FACT,
            fact_line(label="DATE", norm="May 2024"),
            "line 2, fact 1: DATE norm 'May 2024' is not ISO",
        ),
        (
            GOOD_FACT,
            fact_line(label="DURATION", norm="3 months"),
            "line 2, fact 1: DURATION norm '3 months' is not ISO 8601",
        ),
        (
            GOOD_FACT,
            fact_line(label="QUANTITY", value=3),
            'line 2, fact 1: a QUANTITY value needs its "unit"',
        ),
        (
            GOOD_FACT,
            fact_line(label="MONEY", value="3", unit="USD"),
            'line 2, fact 1: give a numeric "value"',
        ),
        (
            GOOD_FACT,
            {**GOOD_FACT, "id": "y", "doc_date": "15/01/2016"},
            "line 2: \"doc_date\" '15/01/2016' is not a date",
        ),
    ],
)
def test_bad_gold_line_is_named_with_the_fix(tmp_path, first, bad, fragment):
    path = write(tmp_path / "g.jsonl", [first, bad])
    with pytest.raises(goldfile.GoldError) as err:
        goldfile.read(path)
    assert fragment in str(err.value)
    assert "1 bad gold line(s)" in str(err.value)


def test_every_bad_line_is_listed_at_once(tmp_path):
    path = write(tmp_path / "g.jsonl", ["{oops", GOOD_NER, "", ner_line(label="MISC")])
    with pytest.raises(goldfile.GoldError) as err:
        goldfile.read(path)
    message = str(err.value)
    assert "2 bad gold line(s)" in message
    assert "line 1: not valid JSON" in message and "line 4, entity 1: unknown label" in message


def test_a_good_file_reads_ids_languages_dates_and_spans(tmp_path):
    item = {**GOOD_FACT, "lang": "en", "doc_date": "2024-03-01", "id": 7}
    gold = goldfile.read(write(tmp_path / "g.jsonl", [item]))
    assert gold.format == "facts"
    (only,) = gold.items
    assert (only.id, only.lang, str(only.doc_date), only.line) == ("7", "en", "2024-03-01", 1)
    assert only.facts == (goldfile.Fact("DATE", norm="2024"),)


# --- the command --------------------------------------------------------------------------


@pytest.fixture
def rules_pipeline(tmp_path) -> Path:
    """The rule extractors alone, for English: real facts, no model to load."""
    path = tmp_path / "rules.toml"
    path.write_text(
        "".join(f'[[lang.en.extractors]]\nname = "{n}"\n\n' for n in RULES), encoding="utf-8"
    )
    return path


def test_evaluate_command_end_to_end(tmp_path, rules_pipeline):
    """As a user runs it: the console command on a made-up facts file, a quantity given in
    kilograms that factx reports in tonnes, and a date the text does not give."""
    gold = write(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a",
                "lang": "en",
                "doc_date": "2024-06-10",
                "text": "The mill shipped 2,500 tonnes of steel in March 2024.",
                "expected": [
                    {"label": "QUANTITY", "value": 2_500_000, "unit": "kg"},
                    {"label": "DATE", "norm": "2024-03"},
                ],
            },
            {
                "id": "b",
                "lang": "en",
                "doc_date": "2024-06-10",
                "text": "Sales rose 12% over the spring.",
                "expected": [
                    {"label": "PERCENT", "value": 12, "unit": "%"},
                    {"label": "DATE", "norm": "2024"},
                ],
            },
        ],
    )
    out = tmp_path / "out"
    args = [
        sys.executable,
        "-m",
        "factx.cli",
        "evaluate",
        str(gold),
        "--pipeline",
        str(rules_pipeline),
    ]
    proc = subprocess.run(
        [*args, "--out", str(out), "--json"], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    scores = {(s["lang"], s["label"]): s["facts"] for s in json.loads(proc.stdout)["scores"]}
    assert scores[("en", "QUANTITY")]["recall"] == 1.0
    assert scores[("en", "DATE")] == {
        "gold": 2,
        "found": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    assert scores[("en", "all")]["recall"] == 0.75
    cases = pd.read_csv(out / "errors_by_case.csv", keep_default_na=False)
    assert cases[["doc_id", "kind", "expected"]].values.tolist() == [["b", "missed", "DATE 2024"]]
    assert cases["sentence"].tolist() == ["Sales rose 12% over the spring."]
    assert (out / "mentions.csv").exists() and (out / "documents.csv").exists()

    table = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert table.returncode == 0, table.stderr
    assert "lang  label     gold  found  P      R      F1" in table.stdout
    assert "en    DATE      2     1      1.000  0.500  0.667" in table.stdout


def test_a_failing_document_counts_as_missed_and_the_rest_is_scored(tmp_path, caps, capsys):
    """The caps plugin fails on a marker: that item is reported, not fatal."""
    import batchkit

    pipeline = batchkit.pipeline(tmp_path / "caps.toml", fail_on="BOOM")
    gold = write(tmp_path / "g.jsonl", [GOOD_NER, {**GOOD_NER, "id": "bad", "text": "Ada BOOM."}])
    assert main(["evaluate", str(gold), "--pipeline", str(pipeline), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert "1 item(s) could not be processed and count as missed" in captured.err
    assert "en    micro  2     0" in captured.out


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        ([GOOD_NER, "{oops"], "line 2: not valid JSON"),
    ],
)
def test_unscorable_gold_stops_before_any_model_loads(tmp_path, capsys, lines, fragment):
    gold = write(tmp_path / "g.jsonl", lines)
    assert main(["evaluate", str(gold), "--pipeline", "no-such-pipeline"]) == 2
    assert fragment in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lines", "options", "fragments"),
    [
        ([GOOD_NER], ["--lang", "xx"], ["--lang xx:", "no pipeline for 'xx'", "it has en"]),
        (
            [{**GOOD_NER, "lang": "en"}, {**GOOD_NER, "id": "two", "lang": "xx"}],
            [],
            ["g.jsonl: line 2:", "\"lang\" is 'xx'", "it has en", "[[lang.xx.extractors]]"],
        ),
        (
            [{**GOOD_NER, "lang": "xx"}, {**GOOD_NER, "id": "two", "lang": "yy"}],
            ["--lang", "en"],
            ["line 1 (and 1 more line(s)):", "'xx'"],
        ),
    ],
)
def test_a_language_without_a_pipeline_stops_before_any_model_loads(
    tmp_path, capsys, lines, options, fragments
):
    """The pipeline's only extractor cannot even be found, so reaching it would fail
    otherwise: the language is refused first, in one line, instead of all-zero scores."""
    pipeline = tmp_path / "p.toml"
    pipeline.write_text('[[lang.en.extractors]]\nname = "no-such-extractor"\n', encoding="utf-8")
    gold = write(tmp_path / "g.jsonl", lines)
    assert main(["evaluate", str(gold), "--pipeline", str(pipeline), *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert all(f in captured.err for f in fragments), captured.err


ROOT = Path(__file__).resolve().parents[1]


def readme_example() -> list[str]:
    """The lines of README.md's "Measure it on your data" example block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Measure it on your data") :]
    block = section[section.index("```\n") + 4 :]
    return block[: block.index("```")].splitlines()


def test_the_readme_example_prints_what_the_readme_shows(spacy_ner, tools):
    """The README's table is what `factx evaluate` prints on its example, so it cannot go
    stale silently: when English NER changes, this fails until README.md shows the new
    figures. (The seconds are the machine's, so only the rest of the header is compared.)"""
    lines = readme_example()
    command, header = lines[0].split(), lines[1]
    assert command[:3] == ["$", "factx", "evaluate"]
    gold = goldfile.read(ROOT / command[3])
    assert header.startswith(f"factx evaluate: {command[3]} (ner, {len(gold.items)} items, ")
    result = evaluate(gold, tools)
    rows = table(result.scored.lines).splitlines()
    assert lines[2 : 2 + len(rows)] == rows
    assert lines[2 + len(rows)].startswith(f"factx: {len(result.scored.cases)} cases → ")


def test_triples_are_scored_as_shares_per_language(tmp_path):
    """Two gold amounts: the first found with its measured phrase, holder and change right,
    the second not found at all (wrong on every field)."""
    from factx import tables
    from factx.evaluate.scorers import score_triples

    text = "Acme spent $5 million on steel, and Bolt lost 3%."
    item = {
        "id": "d1", "lang": "en", "text": text,
        "triples": [
            {"amount": "$5 million", "label": "MONEY", "measured": "steel", "holder": "Acme",
             "predicate": "spent", "change": "none", "date": None},
            {"amount": "3%", "label": "PERCENT", "measured": None, "holder": "Bolt",
             "predicate": "lost", "change": "down", "date": None},
        ],
    }  # fmt: skip
    gold = goldfile.read(write(tmp_path / "t.jsonl", [item]))
    assert gold.format == "triples"
    fact = dict.fromkeys(tables.FACTS)
    fact.update(
        doc_id="d1", fact_id=1, label="MONEY", amount="$5 million", start=11, end=21,
        measured="steel", measured_start=25, measured_end=30, holder="Acme",
        holder_label="ORG", holder_norm="Acme", predicate="spent", change="none",
    )  # fmt: skip
    facts = pd.DataFrame([fact], columns=list(tables.FACTS))
    run = Tables(pd.DataFrame(columns=["doc_id", "start", "end", "norm"]), None, None, facts)
    lines = {line.label: line.scores[0][1] for line in score_triples(gold, run, {"d1": "en"}).lines}
    assert (lines["amount found"].gold, lines["amount found"].gold_hit) == (2, 1)
    assert lines["measured partial"].recall == 1.0  # one gold measured phrase, found
    assert lines["holder"].recall == 0.5 and lines["predicate"].recall == 0.5
    assert lines["change"].recall == 0.5 and lines["date"].recall == 0.5
