from __future__ import annotations

import pandas as pd
import pytest

from factx import entities, tables


def mentions(rows):
    cols = ["doc_id", "lang", "label", "text", "norm"]
    df = pd.DataFrame(rows, columns=cols)
    for c in tables.MENTIONS:
        if c not in df:
            df[c] = None
    return df[list(tables.MENTIONS)].astype(tables.MENTIONS)


def test_entities_group_by_norm_across_documents_and_languages():
    df = mentions(
        [
            ("a", "ru", "COUNTRY", "России", "RU"),
            ("a", "ru", "COUNTRY", "Россия", "RU"),
            ("b", "vi", "COUNTRY", "Nga", "RU"),
            ("b", "vi", "COUNTRY", "Nga", "RU"),
            ("b", "vi", "DATE", "tháng trước", "2025-10"),
            ("b", "vi", "PERSON", "Putin", None),
        ]
    )
    table = entities.build(df)
    ru = table[table.norm == "RU"].iloc[0]
    assert (ru.mentions, ru.documents, ru.languages) == (4, 2, "ru;vi")
    assert ru.forms == "Nga; России; Россия"  # by count, then alphabetical
    assert "2025-10" not in set(table.norm)
    assert ("Putin", "PERSON") in set(zip(table.norm, table.label, strict=True))


def test_no_named_mentions_give_an_empty_table_with_columns():
    table = entities.build(mentions([("a", "en", "DATE", "2024", "2024")]))
    assert table.empty and list(table.columns) == list(entities.COLUMNS)


def test_unify_joins_one_person_across_scripts_and_documents():
    df = mentions(
        [
            ("a", "ru", "PERSON", "Дональд Трамп", "Donald Tramp"),
            ("a", "ru", "PERSON", "Владимир Путин", "Vladimir Putin"),
            ("b", "vi", "PERSON", "Trump", "Trump"),
            ("b", "vi", "PERSON", "Putin", "Putin"),
            ("c", "en", "PERSON", "Joe Biden", "Joe Biden"),
        ]
    )
    out = entities.unify(df)
    assert list(out["norm"]) == [
        "Donald Trump",
        "Vladimir Putin",
        "Donald Trump",
        "Vladimir Putin",
        "Joe Biden",
    ]


def test_seeds_list_putin_once_with_mentions_from_both_articles(seeds, all_languages, tmp_path):
    from factx.cli import main

    assert main(["run", str(seeds), "--out", str(tmp_path)]) == 0
    table = pd.read_csv(tmp_path / "entities.csv")
    people = table[table["label"] == "PERSON"]
    putin = people[people["forms"].str.contains("Путин|Putin")]
    assert len(putin) == 1
    assert putin.iloc[0]["documents"] == 2 and putin.iloc[0]["languages"] == "ru;vi"


ONE_ROW = [
    ("ORG", ["Microsoft", "Microsoft Corp."]),
    ("ORG", ["ЦБ", "Центральный банк"]),
    ("COUNTRY", ["США"]),  # inside "8,2 млрд долларов США"
]


@pytest.fixture(scope="module")
def small_run(all_languages, tmp_path_factory):
    from factx.cli import main

    folder = tmp_path_factory.mktemp("news")
    texts = {
        "en1.txt": "Microsoft Corp. reported higher quarterly revenue on Tuesday.",
        "en2.txt": "Shares of Microsoft rose 3% after the results, analysts said.",
        "ru1.txt": "ЦБ оставил ключевую ставку на уровне 18%, сообщил регулятор.",
        "ru2.txt": "Центральный банк России ожидает замедления инфляции. Минфин РФ "
        "разместил облигации на 8,2 млрд долларов США.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(folder), "--out", str(out)]) == 0
    return pd.read_csv(out / "entities.csv")


@pytest.mark.parametrize(("label", "forms"), ONE_ROW)
def test_short_and_full_forms_of_one_entity_are_one_row(small_run, label, forms):
    rows = small_run[small_run["label"] == label]
    holding = rows[rows["forms"].map(lambda f: any(x in f.split("; ") for x in forms))]
    assert len(holding) == 1
    assert set(forms) <= set(holding.iloc[0]["forms"].split("; "))
