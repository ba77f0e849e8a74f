from __future__ import annotations

import pytest

from factx.model import Document, Label
from factx.pipeline import PipelineError, Pipelines, load_config


def write(tmp_path, text):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_news_pipeline_names_ner_for_each_language():
    config = load_config("news")
    assert {"ru", "vi", "en"} <= set(config.languages)
    names = {lang: [s.name for s in specs] for lang, specs in config.languages.items()}
    assert "natasha" in names["ru"] and "underthesea" in names["vi"] and "spacy" in names["en"]


ERRORS = [
    ("", "nothing to run"),
    ("[[lang.ru.extractors]]\noptions = {}\n", "has no name"),
    ("[[lang.ru.extractors]\n", "not valid TOML"),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_config_errors_name_the_file(tmp_path, text, message):
    with pytest.raises(PipelineError, match=message) as info:
        load_config(write(tmp_path, text))
    assert "p.toml" in str(info.value)


def test_missing_pipeline_says_how_to_pass_one():
    with pytest.raises(PipelineError, match="Pass a path"):
        load_config("no-such-pipeline")


def test_unknown_language_names_the_fix(tmp_path):
    pipes = Pipelines(load_config(write(tmp_path, '[[lang.ru.extractors]]\nname = "natasha"\n')))
    with pytest.raises(PipelineError, match=r"\[\[lang.xx.extractors\]\]"):
        pipes.get("xx")


def test_bad_options_name_the_extractor_and_file(tmp_path):
    pytest.importorskip("natasha", reason="the ru extra is not installed")
    text = '[[lang.ru.extractors]]\nname = "natasha"\noptions = { colour = "red" }\n'
    pipes = Pipelines(load_config(write(tmp_path, text)))
    with pytest.raises(PipelineError, match="options for extractor 'natasha'"):
        pipes.get("ru")


def test_extractor_for_another_language_is_refused(tmp_path):
    pytest.importorskip("natasha", reason="the ru extra is not installed")
    pipes = Pipelines(load_config(write(tmp_path, '[[lang.vi.extractors]]\nname = "natasha"\n')))
    with pytest.raises(PipelineError, match="not 'vi'"):
        pipes.get("vi")


def test_pipeline_is_built_once_and_records_the_extractor(tools, natasha_ner):
    ru = tools.pipelines.get("ru")
    assert tools.pipelines.get("ru") is ru
    mentions = ru.run(Document("d", "Владимир Путин прибыл в Россию.", "ru"))
    assert {(m.text, m.label, m.norm, m.extractor) for m in mentions} >= {
        ("Владимир Путин", Label.PERSON, "Vladimir Putin", "natasha"),
        ("Россию", Label.COUNTRY, "RU", "natasha"),
    }


def test_header_is_invisible_to_extractors(tools, natasha_ner):
    text = " date 2025-11-05 Путин прибыл в Россию."
    mentions = tools.pipelines.get("ru").run(Document("d", text, "ru", body_start=17))
    assert all(m.start >= 17 for m in mentions) and mentions


def test_extractors_of_one_language_share_one_amount_scan(tmp_path):
    text = "".join(f'[[lang.en.extractors]]\nname = "{n}"\n' for n in ("money", "percent"))
    text += '[[lang.en.extractors]]\nname = "quantities"\n[[lang.ru.extractors]]\nname = "money"\n'
    pipes = Pipelines(load_config(write(tmp_path, text)))
    en = [extractor.amounts for _, extractor in pipes.get("en").extractors]
    ru = dict(pipes.get("ru").extractors)["money"].amounts
    assert en[0] is en[1] is en[2] and en[0].lang == "en"
    assert ru is not en[0] and ru.lang == "ru"
