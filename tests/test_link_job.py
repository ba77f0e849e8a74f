"""facts.csv and facts.parquet from `factx run`, end to end through the CLI: one row per
amount, the seeds' facts, and a resumed run that writes the same bytes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from factx import tables
from factx.pipeline import PipelineError, Pipelines, load_config
from factx.registry import PluginError

COLUMNS = ["doc_id", "fact_id", "label", "amount", "start", "end", "value", "unit", "norm",
           "measured", "measured_start", "measured_end", "holder", "holder_label",
           "holder_norm", "predicate", "change", "date", "source", "sentence", "score"]  # fmt: skip


def factx_run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factx.cli", "run", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def facts_run(tmp_path_factory, seeds, all_languages) -> Path:
    out = tmp_path_factory.mktemp("facts")
    proc = factx_run(str(seeds), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert " facts, " in proc.stdout
    return out


def test_one_row_per_amount_with_the_promised_columns(facts_run):
    facts = pd.read_csv(facts_run / "facts.csv", keep_default_na=False)
    mentions = pd.read_csv(facts_run / "mentions.csv", keep_default_na=False)
    assert list(facts.columns[: len(COLUMNS)]) == COLUMNS
    amounts = mentions[mentions["label"].isin(["MONEY", "QUANTITY", "PERCENT"])]
    assert sorted(zip(facts["doc_id"], facts["start"], strict=True)) == sorted(
        zip(amounts["doc_id"], amounts["start"], strict=True)
    )
    typed = pd.read_parquet(facts_run / "facts.parquet")
    assert dict(typed.dtypes.astype(str)) == tables.FACTS
    assert typed["score"].between(0, 1).all()


@pytest.mark.parametrize(
    ("amount", "measured", "holder", "norm"),
    [
        ("658 triệu tấn", "kim loại hiếm", "Nga", "RU"),
        ("28,5 triệu tấn", "đất hiếm", "Nga", "RU"),
        ("350 tỷ đô la", None, "Mỹ", "US"),
    ],
)
def test_the_seed_facts(facts_run, amount, measured, holder, norm):
    facts = pd.read_parquet(facts_run / "facts.parquet")
    (row,) = facts[facts["amount"] == amount].to_dict("records")
    if measured:
        assert measured in row["measured"]
    assert (row["holder"], row["holder_norm"]) == (holder, norm)
    assert row["holder_label"] == "COUNTRY"


def test_the_seed_source_is_the_ministry(facts_run):
    facts = pd.read_parquet(facts_run / "facts.parquet")
    (row,) = facts[facts["amount"] == "658 triệu tấn"].to_dict("records")
    assert row["source"] == "Bộ Tài nguyên thiên nhiên"


def test_a_resumed_run_writes_the_same_facts(facts_run, seeds):
    before = (facts_run / "facts.csv").read_bytes()
    proc = factx_run(str(seeds), "--out", str(facts_run))
    assert proc.returncode == 0 and "2 reused" in proc.stdout, proc.stdout + proc.stderr
    assert (facts_run / "facts.csv").read_bytes() == before


def test_an_unknown_linker_names_the_fix(tmp_path):
    config = tmp_path / "p.toml"
    config.write_text('[lang.en]\nextractors = []\n\n[[lang.en.linkers]]\nname = "nope"\n')
    with pytest.raises(PluginError, match=r"Could not find linker 'nope'.*factx.linkers"):
        Pipelines(load_config(config)).get("en")


def test_a_linker_for_another_language_is_refused(tmp_path):
    config = tmp_path / "p.toml"
    config.write_text('[lang.de]\nextractors = []\n\n[[lang.de.linkers]]\nname = "syntax"\n')
    with pytest.raises(PipelineError, match="linker 'syntax' supports ru, vi, en, not 'de'"):
        Pipelines(load_config(config)).get("de")
