"""Reading a user's gold file: one format per file, every line checked, errors that say
which line is wrong and how to fix it.

Three formats are told apart by the field each item carries (the formats of
``benchmarks/README.md``): ``entities`` (NER spans), ``expected`` (normalised facts) and
``triples`` (what an amount measures and who holds it). A bad line stops the evaluation
before any model loads: scoring against a half-read gold file would print wrong figures
with a straight face, so every problem is listed at once, each with its line number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factx.evaluate.iso import DATE_NORM, seconds

NER_LABELS = ("PER", "ORG", "LOC")
FACT_LABELS = ("QUANTITY", "MONEY", "PERCENT", "DATE", "DURATION")
# The field that names each format, in the order they are looked for.
FORMATS = {"entities": "ner", "expected": "facts", "triples": "triples"}
MAX_REPORTED = 20  # problems listed in one error; the rest are counted


class GoldError(ValueError):
    """The gold file cannot be scored; the message lists each bad line and the fix."""


@dataclass(frozen=True)
class Entity:
    """A gold span; ``country`` is the ISO 3166-1 alpha-2 code a LOC may carry."""

    start: int
    end: int
    label: str
    country: str | None = None


@dataclass(frozen=True)
class Fact:
    """One expected fact: a ``norm`` (DATE, DURATION) or a ``value`` with its ``unit``."""

    label: str
    norm: str | None = None
    value: float | None = None
    unit: str | None = None

    def show(self) -> str:
        what = self.norm if self.norm is not None else f"{self.value:g} {self.unit or ''}"
        return f"{self.label} {what.strip()}"


@dataclass(frozen=True)
class Item:
    """One gold line. ``entities`` or ``facts`` is filled as the format says; a triples
    file keeps its triples as read (``triples``), for the scorer that will read them."""

    id: str
    text: str
    line: int
    lang: str | None = None
    doc_date: dt.date | None = None
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    triples: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True)
class Gold:
    path: Path
    format: str
    items: tuple[Item, ...]


def parse_label_map(pairs: Iterable[str]) -> dict[str, str]:
    """``["GPE=LOC", "MISC="]`` → ``{"GPE": "LOC", "MISC": ""}``; an empty target drops
    the label from scoring."""
    out: dict[str, str] = {}
    for pair in pairs:
        source, sep, target = pair.partition("=")
        if not sep or not source.strip():
            raise GoldError(f"--label-map {pair!r}: write FROM=TO, e.g. GPE=LOC (or MISC= to drop)")
        target = target.strip()
        if target and target not in NER_LABELS:
            raise GoldError(f"--label-map {pair!r}: map to one of {', '.join(NER_LABELS)}")
        out[source.strip()] = target
    return out


def read(path: Path, label_map: Mapping[str, str] | None = None) -> Gold:
    """Every line of ``path``, checked; raises GoldError listing what to fix."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse(path, lines, label_map or {})


def parse(path: Path, lines: list[str], label_map: Mapping[str, str]) -> Gold:
    problems: list[str] = []
    items: list[Item] = []
    fmt: tuple[str, int] | None = None  # the format and the line that set it
    seen: dict[str, int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            problems.append(
                f"line {n}: a JSON object {{...}} is needed, not {type(record).__name__}"
            )
            continue
        kind = next((FORMATS[k] for k in FORMATS if k in record), None)
        if kind is None:
            problems.append(
                f"line {n}: no {', '.join(map(repr, FORMATS))} field, so there is "
                f"nothing to score; add one (an empty list for a text with none)"
            )
            continue
        if fmt is None:
            fmt = (kind, n)
        elif kind != fmt[0]:
            problems.append(
                f"line {n}: a {kind} item in a {fmt[0]} file (line {fmt[1]}); "
                f"keep one format per file"
            )
            continue
        try:
            item = make_item(record, n, kind, label_map)
        except GoldError as exc:
            problems.append(str(exc))
            continue
        if item.id in seen:
            problems.append(
                f"line {n}: id {item.id!r} was used on line {seen[item.id]}; "
                f"give each item its own id"
            )
            continue
        seen[item.id] = n
        items.append(item)
    if problems:
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        tail = [f"… and {more} more"] if more else []
        raise GoldError("\n".join([f"{path}: {len(problems)} bad gold line(s)", *shown, *tail]))
    if fmt is None:
        raise GoldError(f"{path}: no gold items; see `factx evaluate --help` for the formats")
    return Gold(path, fmt[0], tuple(items))


def make_item(record: dict, n: int, kind: str, label_map: Mapping[str, str]) -> Item:
    where = f"line {n}"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f'{where}: "text" must be a non-empty string')
    raw_id = record.get("id", f"line{n}")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool):
        raise GoldError(f'{where}: "id" must be a string or a number')
    lang = record.get("lang")
    if lang is not None and (not isinstance(lang, str) or not lang):
        raise GoldError(f'{where}: "lang" must be a language code such as "en", or left out')
    date = record.get("doc_date")
    try:
        doc_date = dt.date.fromisoformat(date) if date is not None else None
    except (TypeError, ValueError):
        raise GoldError(f'{where}: "doc_date" {date!r} is not a date; write YYYY-MM-DD') from None
    field = next(k for k, v in FORMATS.items() if v == kind)
    parts = record[field]
    if not isinstance(parts, list):
        raise GoldError(f"{where}: {field!r} must be a list (empty for a text with none)")
    item = Item(str(raw_id), text, n, lang, doc_date)
    if kind == "ner":
        ents = [entity(e, text, f"{where}, entity {i + 1}", label_map) for i, e in enumerate(parts)]
        return dataclasses.replace(item, entities=tuple(e for e in ents if e is not None))
    if kind == "facts":
        facts = tuple(fact(f, f"{where}, fact {i + 1}") for i, f in enumerate(parts))
        return dataclasses.replace(item, facts=facts)
    if not all(isinstance(t, dict) for t in parts):
        raise GoldError(f"{where}: each triple must be a JSON object")
    return dataclasses.replace(item, triples=tuple(parts))


def entity(e: object, text: str, where: str, label_map: Mapping[str, str]) -> Entity | None:
    """The span, checked against the text; None when the label map drops its label."""
    if not isinstance(e, dict):
        raise GoldError(f'{where}: an object {{"start", "end", "label"}} is needed')
    start, end, label = e.get("start"), e.get("end"), e.get("label")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise GoldError(
            f'{where}: "start" and "end" must be whole numbers (character offsets into "text")'
        )
    if not 0 <= start < end <= len(text):
        raise GoldError(
            f"{where}: span {start}-{end} is outside the text (0-{len(text)}) or "
            f"empty; offsets are Python character offsets, end exclusive"
        )
    want = e.get("text")
    if want is not None and text[start:end] != want:
        found = text.find(want) if isinstance(want, str) else -1
        hint = f"; {want!r} is at {found}-{found + len(want)}" if found >= 0 else ""
        raise GoldError(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {want!r}{hint}")
    label = label_map.get(label, label) if isinstance(label, str) else label
    if label == "":
        return None
    if label not in NER_LABELS:
        raise GoldError(
            f"{where}: unknown label {e.get('label')!r}; use {', '.join(NER_LABELS)}, or map "
            f"it with --label-map {e.get('label')}=PER|ORG|LOC ({e.get('label')}= leaves it out)"
        )
    country = e.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2):
        raise GoldError(
            f'{where}: "country" {country!r} is not an ISO 3166-1 alpha-2 code '
            f'such as "VN"; leave it out when there is none'
        )
    return Entity(start, end, label, country)


def fact(f: object, where: str) -> Fact:
    """An expected fact, checked: DATE and DURATION need an ISO norm, amounts a value and
    (but for PERCENT) a unit. A norm on an amount (a range's "3/5") compares as text."""
    if not isinstance(f, dict):
        raise GoldError(f'{where}: an object {{"label", "norm" or "value"}} is needed')
    label, norm, value, unit = f.get("label"), f.get("norm"), f.get("value"), f.get("unit")
    if label not in FACT_LABELS:
        raise GoldError(f"{where}: unknown label {label!r}; use one of {', '.join(FACT_LABELS)}")
    if label == "DATE" and not (isinstance(norm, str) and DATE_NORM.fullmatch(norm)):
        raise GoldError(
            f"{where}: DATE norm {norm!r} is not ISO; write 2024, 2024-05, 2024-05-17, "
            f"2024-Q2, 2024-W20 or a span such as 2004/2009"
        )
    if norm is not None:
        if label == "DURATION" and seconds(norm) is None:
            raise GoldError(f"{where}: DURATION norm {norm!r} is not ISO 8601; write P3M, PT90M…")
        if not isinstance(norm, str) or not norm:
            raise GoldError(f'{where}: "norm" must be a non-empty string')
        return Fact(label, norm=norm)
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise GoldError(f'{where}: give a numeric "value" (with its "unit") or a "norm"')
    if unit is not None and not isinstance(unit, str):
        raise GoldError(f'{where}: "unit" must be a string such as "t", "USD" or "%"')
    if label != "PERCENT" and not unit:
        raise GoldError(
            f'{where}: a {label} value needs its "unit": a pint symbol (t, km, bbl/d), an '
            f"ISO 4217 code (USD) or a time unit (month)"
        )
    return Fact(label, value=float(value), unit=unit)
