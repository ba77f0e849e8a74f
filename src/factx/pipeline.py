"""Pipelines: per language, the extractors a config names, built once per process.

A config is TOML (the packaged ``src/factx/pipelines/news.toml``, or any file). Extractors
load their models in their constructors, so a :class:`Pipelines` object is the one place
models live: build it once and pass it to whatever runs documents.
"""

from __future__ import annotations

import dataclasses
import inspect
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factx import registry
from factx.model import Document, Mention
from factx.resolve.countries import CountryResolver
from factx.resolve.names import NameResolver
from factx.resolve.overlaps import resolve_overlaps

PACKAGED = Path(__file__).parent / "pipelines"


class PipelineError(ValueError):
    """A pipeline config that cannot be used as written."""


class BuildError(PipelineError):
    """An extractor of a valid config could not be built (a model missing, an option's
    value refused): a setting to fix, so it ends the run instead of failing every document."""


@dataclass(frozen=True)
class ExtractorSpec:
    name: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: Path
    languages: dict[str, tuple[ExtractorSpec, ...]]


def find_config(name: str | Path) -> Path:
    """A path as given, else a packaged pipeline by name ("news")."""
    path = Path(name)
    if path.is_file():
        return path
    packaged = PACKAGED / f"{name}.toml"
    if packaged.is_file():
        return packaged
    have = ", ".join(sorted(p.stem for p in PACKAGED.glob("*.toml")))
    raise PipelineError(
        f"Pipeline '{name}' not found: no such file, and no packaged pipeline of that name "
        f"(packaged: {have}). Pass a path to a TOML file, e.g. --pipeline my.toml, "
        f"starting from a copy of {PACKAGED / 'news.toml'}."
    )


def load_config(name: str | Path = "news") -> Config:
    path = find_config(name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PipelineError(f"{path}: not valid TOML: {exc}") from exc
    langs: dict[str, tuple[ExtractorSpec, ...]] = {}
    for lang, section in data.get("lang", {}).items():
        specs = []
        for i, entry in enumerate(section.get("extractors", [])):
            if "name" not in entry:
                raise PipelineError(f"{path}: [lang.{lang}] extractor #{i + 1} has no name.")
            specs.append(ExtractorSpec(entry["name"], dict(entry.get("options", {}))))
        langs[lang] = tuple(specs)
    if not langs:
        raise PipelineError(f"{path}: no [[lang.<code>.extractors]] tables; nothing to run.")
    return Config(path, langs)


def check(config: Config, lang: str | None = None) -> None:
    """What can be known of a pipeline before any document is read: that ``lang`` (the
    run's --lang) has a pipeline, and that each extractor is installed, serves its
    language and takes the options written for it. A bad setting then fails once, up
    front, instead of as one error row per document."""
    if lang is not None and lang not in config.languages:
        raise PipelineError(
            f"--lang {lang}: {config.path} has no pipeline for '{lang}' (it has "
            f"{', '.join(config.languages)}). Add a [[lang.{lang}.extractors]] table to it, "
            f"or pass one of those languages."
        )
    for code, specs in config.languages.items():
        if lang is not None and code != lang:
            continue
        for spec in specs:
            try:
                cls = registry.load(spec.name)
            except registry.PluginError as exc:
                raise PipelineError(f"{config.path}: [lang.{code}]: {exc}") from exc
            supported(cls, spec.name, code, config.path)
            try:
                inspect.signature(cls).bind(code, **spec.options)
            except TypeError as exc:
                raise PipelineError(
                    f"{config.path}: options for extractor '{spec.name}' in [lang.{code}] do "
                    f"not fit: {exc}. Fix its options table."
                ) from exc


def supported(cls: type, name: str, lang: str, source: Path) -> None:
    if "*" not in cls.languages and lang not in cls.languages:
        raise PipelineError(
            f"{source}: extractor '{name}' supports {', '.join(cls.languages)}, "
            f"not '{lang}'. Remove it from [lang.{lang}]."
        )


class Pipeline:
    """The extractors and resolvers of one language."""

    def __init__(self, lang: str, specs: tuple[ExtractorSpec, ...], source: Path) -> None:
        self.lang = lang
        self.extractors: list[tuple[str, registry.Extractor]] = []
        for spec in specs:
            cls = registry.load(spec.name)
            supported(cls, spec.name, lang, source)
            try:
                self.extractors.append((spec.name, cls(lang, **spec.options)))
            except (TypeError, ValueError) as exc:
                raise BuildError(
                    f"{source}: options for extractor '{spec.name}' in [lang.{lang}] do not "
                    f"fit: {exc}. Fix its options table."
                ) from exc
            except Exception as exc:
                raise BuildError(
                    f"{source}: extractor '{spec.name}' for [lang.{lang}] could not be built: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
        self.countries = CountryResolver(lang)
        self.names = NameResolver(lang)

    def run(self, doc: Document) -> list[Mention]:
        return self.run_many([doc])[0]

    def run_many(self, docs: Sequence[Document]) -> list[list[Mention]]:
        """The mentions of each document. An extractor with ``extract_many`` gets the
        documents together: a neural tagger pads a batch into one matrix product, which is
        far cheaper than one product per document (spaCy's ``nlp.pipe``)."""
        views = [doc.body_view() for doc in docs]
        found: list[list[Mention]] = [[] for _ in views]
        for name, extractor in self.extractors:
            many = getattr(extractor, "extract_many", None)
            results = many(views) if many else [extractor.extract(view) for view in views]
            for mentions, result in zip(found, results, strict=True):
                mentions.extend(
                    dataclasses.replace(m, extractor=m.extractor or name) for m in result
                )
        # Resolvers, in this order: one reading per span, then countries, then names.
        names = [n for n, _ in self.extractors]
        return [
            self.names(view, self.countries(resolve_overlaps(mentions, names)))
            for view, mentions in zip(views, found, strict=True)
        ]


class Pipelines:
    """Pipelines by language, each built the first time a document needs it."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._built: dict[str, Pipeline] = {}

    @property
    def languages(self) -> list[str]:
        return list(self.config.languages)

    def get(self, lang: str) -> Pipeline:
        if lang not in self._built:
            if lang not in self.config.languages:
                raise PipelineError(
                    f"No pipeline for language '{lang}' in {self.config.path} (it has "
                    f"{', '.join(self.languages)}). Add a [[lang.{lang}.extractors]] table."
                )
            self._built[lang] = Pipeline(lang, self.config.languages[lang], self.config.path)
        return self._built[lang]
