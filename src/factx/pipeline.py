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
from factx.link import GROUP as LINKERS
from factx.link import Fact, Linker
from factx.link.bare import complete
from factx.model import Document, Mention
from factx.resolve.overlaps import resolve_overlaps
from factx.resources import KEYWORD, Resources, takes_resources

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


def build(
    spec: ExtractorSpec,
    lang: str,
    source: Path,
    group: str,
    kind: str,
    resources: Resources | None = None,
) -> Any:
    """One plugin of a pipeline, its class checked against the language, built with its
    options, the tools it shares (``shared``, see :class:`registry.Extractor`: one per
    language, from ``resources``) and, if its constructor takes them, the process's shared
    ``resources`` themselves; what goes wrong is said in terms of the config file. A
    plugin that cannot be built is a setting to fix, so it raises BuildError, which ends
    the run."""
    cls = registry.load(spec.name, group, kind)
    supported(cls, spec.name, lang, source, kind)
    resources = Resources() if resources is None else resources
    options = dict(spec.options)
    if KEYWORD in options:
        raise BuildError(
            f"{source}: '{KEYWORD}' in the options of {kind} '{spec.name}' in [lang.{lang}] "
            f"is not an option (factx passes it); remove it."
        )
    if takes_resources(cls):
        options[KEYWORD] = resources
    try:
        for key, tool in getattr(cls, "shared", {}).items():
            if key not in options:
                options[key] = resources.get(tool, lang)
        return cls(lang, **options)
    except (TypeError, ValueError) as exc:
        raise BuildError(
            f"{source}: options for {kind} '{spec.name}' in [lang.{lang}] do not "
            f"fit: {exc}. Fix its options table."
        ) from exc
    except Exception as exc:
        raise BuildError(
            f"{source}: {kind} '{spec.name}' for [lang.{lang}] could not be built: "
            f"{type(exc).__name__}: {exc}"
        ) from exc


def check(config: Config, lang: str | None = None) -> None:
    """What can be known of a pipeline before any document is read: that ``lang`` (the
    run's --lang) has a pipeline, and that each extractor and linker is installed, serves
    its language and takes the options written for it. A bad setting then fails once, up
    front, instead of as one error row per document."""
    if lang is not None and lang not in config.languages:
        raise PipelineError(
            f"--lang {lang}: {config.path} has no pipeline for '{lang}' (it has "
            f"{', '.join(config.languages)}). Add a [[lang.{lang}.extractors]] table to it, "
            f"or pass one of those languages."
        )
    for code, extractors in config.languages.items():
        if lang is not None and code != lang:
            continue
        plugins = [(s, registry.GROUP, "extractor") for s in extractors]
        plugins += [(s, LINKERS, "linker") for s in config.linkers.get(code, ())]
        for spec, group, kind in plugins:
            try:
                cls = registry.load(spec.name, group, kind)
            except registry.PluginError as exc:
                raise PipelineError(f"{config.path}: [lang.{code}]: {exc}") from exc
            supported(cls, spec.name, code, config.path, kind)
            try:
                inspect.signature(cls).bind(code, **spec.options)
            except TypeError as exc:
                raise PipelineError(
                    f"{config.path}: options for {kind} '{spec.name}' in [lang.{code}] do "
                    f"not fit: {exc}. Fix its options table."
                ) from exc


def supported(cls: type, name: str, lang: str, source: Path, kind: str = "extractor") -> None:
    if "*" not in cls.languages and lang not in cls.languages:
        raise PipelineError(
            f"{source}: {kind} '{name}' supports {', '.join(cls.languages)}, "
            f"not '{lang}'. Remove it from [lang.{lang}]."
        )


class Pipeline:
    """The extractors and resolvers of one language."""

    def __init__(
        self,
        lang: str,
        specs: tuple[ExtractorSpec, ...],
        source: Path,
        linkers: tuple[ExtractorSpec, ...] = (),
        resources: Resources | None = None,
    ) -> None:
        self.lang = lang
        # One Resources for all of this pipeline's plugins, even when built on its own, so
        # the extractors that declare a shared tool still read each text once.
        resources = Resources() if resources is None else resources
        # Linkers first: one that loads a whole model (the English parser, spaCy's whole
        # pipeline) leaves it in ``resources``, where an extractor that needs only part of
        # it (spaCy's NER) finds it instead of loading that part again.
        self.linkers: list[tuple[str, Linker]] = [
            (spec.name, build(spec, lang, source, LINKERS, "linker", resources)) for spec in linkers
        ]
        self.extractors: list[tuple[str, registry.Extractor]] = [
            (spec.name, build(spec, lang, source, registry.GROUP, "extractor", resources))
            for spec in specs
        ]
        # Imported here: a process that only reads and checks configs (the parent of the
        # workers, which it starts first thing) never loads Babel, pycountry and Snowball.
        from factx.resolve.countries import CountryResolver
        from factx.resolve.names import NameResolver

        self.countries = CountryResolver(lang)
        self.names = NameResolver(lang, resources)

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
                    m if m.extractor else dataclasses.replace(m, extractor=name) for m in result
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
    """Pipelines by language, each built the first time a document needs it; their
    plugins share one :class:`~factx.resources.Resources` (a model loads once per process
    even when two plugins use it)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.resources = Resources()
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
                self.resources,
            )
        return self._built[lang]
