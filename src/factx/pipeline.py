"""Pipelines: per language, the extractors a config names, built once per process.

A config is TOML (``pipelines/news.toml``). Extractors load their models in their
constructors, so a :class:`Pipelines` object is the one place models live: build it once
and pass it to whatever runs documents.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factx import registry
from factx.link import GROUP as LINKERS
from factx.link import Fact, Linker
from factx.link.bare import complete
from factx.model import Document, Mention
from factx.resolve.countries import CountryResolver
from factx.resolve.names import NameResolver
from factx.resolve.overlaps import resolve_overlaps

PACKAGED = Path(__file__).parent / "pipelines"


class PipelineError(ValueError):
    """A pipeline config that cannot be used as written."""


@dataclass(frozen=True)
class ExtractorSpec:
    name: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: Path
    languages: dict[str, tuple[ExtractorSpec, ...]]
    # Per language, the linkers (``[[lang.xx.linkers]]``) that turn amounts into facts.
    linkers: dict[str, tuple[ExtractorSpec, ...]] = field(default_factory=dict)


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
        f"(packaged: {have}). Pass a path to a TOML file, e.g. --pipeline pipelines/news.toml."
    )


def load_config(name: str | Path = "news") -> Config:
    path = find_config(name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PipelineError(f"{path}: not valid TOML: {exc}") from exc
    langs: dict[str, tuple[ExtractorSpec, ...]] = {}
    linkers: dict[str, tuple[ExtractorSpec, ...]] = {}
    for lang, section in data.get("lang", {}).items():
        langs[lang] = specs(path, lang, section, "extractor")
        linkers[lang] = specs(path, lang, section, "linker")
    if not langs:
        raise PipelineError(f"{path}: no [[lang.<code>.extractors]] tables; nothing to run.")
    return Config(path, langs, linkers)


def specs(path: Path, lang: str, section: dict, kind: str) -> tuple[ExtractorSpec, ...]:
    """The ``[[lang.<lang>.<kind>s]]`` entries of one language, in order."""
    out = []
    for i, entry in enumerate(section.get(f"{kind}s", [])):
        if "name" not in entry:
            raise PipelineError(f"{path}: [lang.{lang}] {kind} #{i + 1} has no name.")
        out.append(ExtractorSpec(entry["name"], dict(entry.get("options", {}))))
    return tuple(out)


def build(spec: ExtractorSpec, lang: str, source: Path, group: str, kind: str) -> Any:
    """One plugin of a pipeline, its class checked against the language, built with its
    options; what goes wrong is said in terms of the config file."""
    cls = registry.load(spec.name, group, kind)
    if "*" not in cls.languages and lang not in cls.languages:
        raise PipelineError(
            f"{source}: {kind} '{spec.name}' supports {', '.join(cls.languages)}, "
            f"not '{lang}'. Remove it from [lang.{lang}]."
        )
    try:
        return cls(lang, **spec.options)
    except (TypeError, ValueError) as exc:
        raise PipelineError(
            f"{source}: options for {kind} '{spec.name}' in [lang.{lang}] do not "
            f"fit: {exc}. Fix its options table."
        ) from exc


class Pipeline:
    """The extractors and resolvers of one language."""

    def __init__(
        self,
        lang: str,
        specs: tuple[ExtractorSpec, ...],
        source: Path,
        linkers: tuple[ExtractorSpec, ...] = (),
    ) -> None:
        self.lang = lang
        self.extractors: list[tuple[str, registry.Extractor]] = [
            (spec.name, build(spec, lang, source, registry.GROUP, "extractor")) for spec in specs
        ]
        self.linkers: list[tuple[str, Linker]] = [
            (spec.name, build(spec, lang, source, LINKERS, "linker")) for spec in linkers
        ]
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

    def link(self, doc: Document, mentions: list[Mention]) -> list[Fact]:
        """One fact per amount among ``mentions``: the first linker that speaks for an
        amount wins, and amounts no linker speaks for get a bare fact."""
        view = doc.body_view()
        found: list[Fact] = []
        for name, linker in self.linkers:
            found.extend(
                f if f.linker else dataclasses.replace(f, linker=name)
                for f in linker.link(view, mentions)
            )
        return complete(mentions, found)


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
            self._built[lang] = Pipeline(
                lang,
                self.config.languages[lang],
                self.config.path,
                self.config.linkers.get(lang, ()),
            )
        return self._built[lang]
