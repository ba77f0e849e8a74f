"""Models that several plugins of one process share, each loaded once.

natasha's NER tagger and its syntax parser and morph tagger all read the same word
embedding (``NewsEmbedding``, a quarter of a second to load and 50 MB held); natasha's own
examples build it once and hand it to each model. The Russian pipeline has the NER
extractor and the syntax linker, which would each load their own. A :class:`Resources`
is built by :class:`factx.pipeline.Pipelines`, one per process, and passed to every plugin
whose constructor takes a ``resources`` keyword: no module-level cache, so two pipelines
(two tests, two configs) never share anything they did not ask to. The tools extractors
name in ``shared`` (one per language, such as the rule extractors' amount scan) are kept
here too, as ``get(tool, lang)``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

# The constructor keyword by which a plugin asks for the process's Resources.
KEYWORD = "resources"


class Resources:
    """Shared objects by the function that makes them and its arguments:
    ``get(news_embedding)`` builds one embedding on the first call and returns that same
    one to every later caller; ``get(Scanner, "ru")`` one scanner per language."""

    def __init__(self) -> None:
        self._made: dict[tuple[Callable[..., Any], tuple[Hashable, ...]], Any] = {}

    def get(self, make: Callable[..., T], *args: Hashable) -> T:
        key = (make, args)
        if key not in self._made:
            self._made[key] = make(*args)
        return self._made[key]

    def made(self, make: Callable[..., T], *args: Hashable) -> T | None:
        """What ``get(make, *args)`` has made already, else None: for a plugin that can
        use a bigger model another has loaded, but would load a smaller one itself."""
        return self._made.get((make, args))


def shared(resources: Resources | None, make: Callable[..., T], *args: Hashable) -> T:
    """``make(*args)`` from ``resources`` when given, else a fresh one: a plugin built on
    its own (a test, a third-party script) loads its own model, as before."""
    return resources.get(make, *args) if resources is not None else make(*args)


def takes_resources(cls: type) -> bool:
    """Whether ``cls``'s constructor declares the ``resources`` keyword. Plugins that do
    not are built exactly as before, so a third-party constructor needs no change."""
    try:
        params = inspect.signature(cls).parameters
    except (TypeError, ValueError):  # a builtin or C class: nothing to inspect
        return False
    param = params.get(KEYWORD)
    return param is not None and param.kind in (param.KEYWORD_ONLY, param.POSITIONAL_OR_KEYWORD)
