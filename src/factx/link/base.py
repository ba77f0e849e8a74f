"""The linker plugin contract, registered under the ``factx.linkers`` entry-point group."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

from factx.link.fact import Fact
from factx.model import Document, Mention

GROUP = "factx.linkers"


@runtime_checkable
class Linker(Protocol):
    """What a linker class provides.

    ``languages`` lists ISO 639-1 codes, or ``("*",)``. The constructor takes the document
    language and the options written in the pipeline config, and is where models load:
    a pipeline is built once per process per language. ``link`` receives the document (its
    header blanked) and its mentions after the resolvers ran, and returns one fact per
    amount it can speak for; amounts it skips get a bare fact from the pipeline.
    """

    languages: ClassVar[tuple[str, ...]]

    def __init__(self, lang: str, **options: Any) -> None: ...

    def link(self, doc: Document, mentions: Sequence[Mention]) -> Iterable[Fact]: ...
