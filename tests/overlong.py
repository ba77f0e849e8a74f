"""Over-long sentences for the NER backends' tests: a model must get them in pieces of
bounded length, and the sentences around them must come out as they would alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from factx.model import Document, Mention


def sandwich(sentence: str, filler: str, chars: int) -> tuple[str, int]:
    """``sentence``, a run-on sentence of about ``chars`` characters with no sentence end,
    and ``sentence`` again; with the offset of the second copy."""
    run_on = (filler * (chars // len(filler) + 1))[:chars].rstrip() + ". "
    text = f"{sentence} {run_on}{sentence}"
    return text, len(text) - len(sentence)


def recording(call: Callable[..., Any], lengths: list[int]) -> Callable[..., Any]:
    """``call`` noting the length of each text it is given (a text, or an iterable of them)."""

    def wrapper(texts: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(texts, str):
            lengths.append(len(texts))
        else:
            texts = list(texts)
            lengths.extend(map(len, texts))
        return call(texts, *args, **kwargs)

    return wrapper


def spans(found: Iterable[Mention], lo: int = 0) -> set[tuple[str, int, str]]:
    return {(str(m.label), m.start - lo, m.text) for m in found if m.start >= lo}


def check(extract: Callable[[Document], Iterable[Mention]], lang: str, sentence: str,
          filler: str, chars: int, lengths: list[int], limit: int) -> None:  # fmt: skip
    """The model saw nothing longer than ``limit``; both copies of the sentence gave what
    the sentence gives alone, at their own offsets."""
    alone = spans(extract(Document("alone", sentence, lang)))
    lengths.clear()
    text, second = sandwich(sentence, filler, chars)
    found = list(extract(Document("long", text, lang)))
    assert lengths and max(lengths) <= limit
    assert all(text[m.start : m.end] == m.text for m in found)
    assert alone and alone <= spans(found)
    assert spans(found, second) == alone
