"""Extractor plugins, found through the ``factx.extractors`` entry-point group.

Built-in extractors register in factx's own pyproject exactly as third-party packages do,
so there is one way in and no hidden registry to keep in sync.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any, ClassVar, Protocol, runtime_checkable

from factx.model import Document, Mention

GROUP = "factx.extractors"


@runtime_checkable
class Extractor(Protocol):
    """What a plugin class provides.

    ``languages`` lists ISO 639-1 codes, or ``("*",)`` for any language. The constructor
    takes the document language and the options written in the pipeline config, and is
    where models load, so a pipeline built once per process loads each model once.

    An extractor that runs faster on many documents at once (a neural tagger batching its
    matrix products) may also define ``extract_many(docs) -> list[list[Mention]]``, one
    list per document in order; the pipeline then hands it each batch of documents.

    An extractor may name tools it shares with others in ``shared``, a dict of keyword
    argument → class (``{"amounts": Amounts}``): the pipeline builds one of each class per
    language, as ``tool(lang)``, and passes the same one to every extractor naming it, so
    the rule extractors read a text once.

    An extractor whose heavy libraries are imported in its constructor (so that listing
    plugins stays fast) may name them in ``requires``; a missing one is then reported when
    the class is looked up, as a failed import at module top would be.
    """

    languages: ClassVar[tuple[str, ...]]
    labels: ClassVar[tuple[str, ...]]

    def __init__(self, lang: str, **options: Any) -> None: ...

    def extract(self, doc: Document) -> Iterable[Mention]: ...


class PluginError(LookupError):
    """A pipeline names an extractor that is not installed or cannot load."""


def installed(group: str = GROUP) -> dict[str, EntryPoint]:
    """The registered plugins of ``group`` by name. Scanning every installed distribution
    takes a few milliseconds and a run asks a dozen times, so the scan is kept for as long
    as ``sys.path`` (where distributions are found) is unchanged."""
    return dict(_scan(group, tuple(sys.path)))


@lru_cache(maxsize=8)
def _scan(group: str, path: tuple[str, ...]) -> tuple[tuple[str, EntryPoint], ...]:
    return tuple((ep.name, ep) for ep in entry_points(group=group))


def load(name: str, group: str = GROUP, kind: str = "extractor") -> type[Any]:
    """The class registered as ``name`` in ``group``, or an error that says how to get it.

    ``kind`` names the plugin kind in messages; linkers (``factx.linkers``) load here too.
    """
    eps = installed(group)
    if name not in eps:
        have = ", ".join(sorted(eps)) or "none"
        raise PluginError(
            f"Could not find {kind} '{name}'. Installed {kind}s: {have}. "
            f"Ensure that you've installed the package providing the '{name}' entry point "
            f"in the '{group}' group, or fix the name in the pipeline config."
        )
    try:
        cls = eps[name].load()
        missing(cls)
        return cls
    except ImportError as exc:
        dist = eps[name].dist.name if eps[name].dist else "its package"
        raise PluginError(
            f"{kind.capitalize()} '{name}' is registered by {dist} but cannot be imported: "
            f"{exc}. Install its optional dependencies, e.g. pip install 'factx[all]'."
        ) from exc


def missing(cls: type) -> None:
    """Raise ImportError if a module ``cls.requires`` names is not installed; finding it
    does not import it."""
    for module in getattr(cls, "requires", ()):
        if importlib.util.find_spec(module) is None:
            raise ModuleNotFoundError(f"No module named '{module}'", name=module)


def describe() -> list[dict[str, str]]:
    """One row per installed extractor, for ``factx plugins``."""
    rows = []
    for name, ep in sorted(installed().items()):
        dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist else ""
        try:
            cls = ep.load()
            missing(cls)
            langs = ", ".join(cls.languages)
            labels = ", ".join(cls.labels)
        except ImportError as exc:
            langs, labels = "", f"(not importable: {exc.name or exc})"
        rows.append({"name": name, "package": dist, "languages": langs, "labels": labels})
    return rows
