from __future__ import annotations

import pandas as pd

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
