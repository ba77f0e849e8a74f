"""Shared models: one object per process for every plugin that asks, each made once; a
plugin that does not ask is built exactly as before."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from factx.model import Document
from factx.pipeline import BuildError, ExtractorSpec, Pipelines, build, load_config
from factx.registry import GROUP
from factx.resources import Resources, shared, takes_resources


class Counted:
    """A "model" whose constructions are counted."""

    made = 0

    def __init__(self) -> None:
        type(self).made += 1


class Tagged:
    def __init__(self, lang: str) -> None:
        self.lang = lang


class Asks:
    def __init__(self, lang: str, resources: Resources | None = None) -> None: ...


class AsksByKeyword:
    def __init__(self, lang: str, *, size: int = 1, resources: Resources | None = None): ...


class TakesAnything:
    def __init__(self, lang: str, **options: Any) -> None: ...


class Plain:
    def __init__(self, lang: str, model: str = "x") -> None: ...


@pytest.mark.parametrize(
    ("cls", "asks"),
    [(Asks, True), (AsksByKeyword, True), (TakesAnything, False), (Plain, False), (int, False)],
)
def test_only_a_constructor_naming_resources_gets_them(cls, asks):
    # **options alone does not count: the object would land among a plugin's options
    assert takes_resources(cls) is asks


def test_each_shared_object_is_made_once_per_resources():
    Counted.made = 0
    one, other = Resources(), Resources()
    assert one.get(Counted) is one.get(Counted)
    assert Counted.made == 1
    assert other.get(Counted) is not one.get(Counted)  # nothing global between two
    assert Counted.made == 2


def test_objects_made_with_arguments_are_shared_per_argument():
    resources = Resources()
    ru, vi = resources.get(Tagged, "ru"), resources.get(Tagged, "vi")
    assert (ru.lang, vi.lang) == ("ru", "vi")
    assert resources.get(Tagged, "ru") is ru


def test_without_resources_a_plugin_makes_its_own():
    Counted.made = 0
    assert shared(None, Counted) is not shared(None, Counted)
    assert Counted.made == 2


def test_resources_is_not_an_option_a_pipeline_may_set(tmp_path):
    spec = ExtractorSpec("money", {"resources": "mine"})
    with pytest.raises(BuildError, match="'resources' in the options of extractor 'money'"):
        build(spec, "en", tmp_path / "p.toml", GROUP, "extractor", Resources())


def test_the_russian_pipeline_loads_natasha_s_embedding_once(monkeypatch):
    natasha = pytest.importorskip("natasha", reason="the ru extra is not installed")
    from factx.ner import natasha as backend

    loads = []

    def counted(make):
        def load() -> Any:
            loads.append(make)
            return make()

        return load

    # however a plugin gets the embedding (factx's loader, or natasha's class), it counts
    monkeypatch.setattr(backend, "news_embedding", counted(backend.news_embedding))
    monkeypatch.setattr(natasha, "NewsEmbedding", counted(natasha.NewsEmbedding))
    pipeline = Pipelines(load_config("news")).get("ru")
    assert [n for n, _ in pipeline.linkers] == ["syntax"]
    assert "natasha" in [n for n, _ in pipeline.extractors]
    assert len(loads) == 1
    # and the two read razdel's tokens through one memory
    ner = dict(pipeline.extractors)["natasha"]
    linker = dict(pipeline.linkers)["syntax"]
    assert ner.packed.tokenize is linker.parser.tokenize


def test_the_english_pipeline_loads_spacy_s_pipeline_once(monkeypatch):
    pytest.importorskip("spacy", reason="the en extra is not installed")
    from factx.ner import spacy as backend

    loads = []
    real = backend.load_pipeline

    def counted(name: str, exclude: tuple[str, ...] = ()) -> Any:
        loads.append(exclude)
        return real(name, exclude)

    from factx.link import parse_en

    # wherever it is called from (the parser holds its own reference to the loader)
    monkeypatch.setattr(backend, "load_pipeline", counted)
    monkeypatch.setattr(parse_en, "load_pipeline", counted)
    config = load_config("news")
    pipeline = Pipelines(config).get("en")
    ner = dict(pipeline.extractors)["spacy"]
    linker = dict(pipeline.linkers)["syntax"]
    assert loads == [()]  # once, whole
    assert ner.nlp is linker.parser.nlp
    # the extractor still runs the NER alone, the parser everything else
    text = "Angela Merkel said Siemens shares rose 5% in Berlin."
    doc = Document("d", text, "en")
    assert {m.text for m in ner.extract(doc)} >= {"Angela Merkel", "Siemens", "Berlin"}
    (tree,) = linker.parser.parse(text, [(0, len(text))], [])
    assert any(t.head not in (t.i, -1) for t in tree.tokens)  # parsed, not left flat
    # without a linker, the NER alone is loaded
    loads.clear()
    alone = Pipelines(dataclasses.replace(config, linkers={})).get("en")
    assert loads == [backend.NER_ONLY]
    assert dict(alone.extractors)["spacy"].nlp.pipe_names == ["ner"]
