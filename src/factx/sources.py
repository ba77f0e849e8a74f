"""Files and folders → Documents; anything unreadable → a DocError, never an exception.

A .txt file is one document; its id is its path relative to the input root, without the
extension. It may start with a `` date YYYY-MM-DD `` header, as the seed articles do. A
.jsonl file holds one document per line: ``{"id"?, "text", "lang"?, "date"?}``; a line
without an id is known as ``FILE#LINE``. Ids are unique in a run: a repeat is an error
naming where the id was first seen, since two rows of documents.csv with one id could
not be told apart.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

from factx.model import DocError, Document

HEADER = regex.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)")
SUFFIXES = (".txt", ".jsonl")
SNIFF = 8192

Item = Document | DocError


def read(paths: Iterable[str | Path], lang: str | None = None) -> Iterator[Item]:
    """Every document under ``paths`` (files or folders, folders read recursively); the
    first document with a given id is read, each later one is an error."""
    first: dict[str, str] = {}
    for item in read_all(paths, lang):
        if isinstance(item, Document):
            if item.id in first:
                item = DocError(
                    item.source,
                    f"id {item.id!r} was already used by {first[item.id]}; give each "
                    f"document its own id (that one was processed, this one was not)",
                    item.id,
                )
            else:
                first[item.id] = item.source
        yield item


def read_all(paths: Iterable[str | Path], lang: str | None = None) -> Iterator[Item]:
    for root in map(Path, paths):
        if not root.exists():
            yield DocError(str(root), "no such file or folder; check the path")
        elif root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in path.relative_to(root).parts):
                    yield from read_file(path, root, lang)
        else:
            yield from read_file(root, root.parent, lang)


def read_file(path: Path, root: Path, lang: str | None = None) -> Iterator[Item]:
    doc_id = path.relative_to(root).with_suffix("").as_posix()
    if path.suffix.lower() not in SUFFIXES:
        yield DocError(
            str(path),
            f"unsupported file type '{path.suffix}'; factx reads "
            f"{' and '.join(SUFFIXES)} files (convert it to UTF-8 text)",
            doc_id,
        )
        return
    text = decode(path)
    if isinstance(text, DocError):
        yield DocError(text.source, text.error, doc_id)
    elif path.suffix.lower() == ".jsonl":
        yield from parse_jsonl(text, path, doc_id, lang)
    else:
        yield make_document(doc_id, text, str(path), lang)


def decode(path: Path) -> str | DocError:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return DocError(str(path), f"cannot read the file: {exc.strerror}; check its permissions")
    if b"\x00" in data[:SNIFF]:
        return DocError(str(path), "binary file (it holds NUL bytes); factx reads UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return DocError(
            str(path),
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save "
            f"it as UTF-8, e.g. iconv -f cp1251 -t utf-8 '{path.name}'",
        )


def make_document(
    doc_id: str, text: str, source: str, lang: str | None = None, date: str | None = None
) -> Item:
    """A Document with its header date read, or a DocError saying what is wrong."""
    body_start = 0
    header = HEADER.match(text)
    if header and date is None:
        date, body_start = header.group(1), header.end()
    if not text[body_start:].strip():
        return DocError(source, "empty document: no text after the header", doc_id)
    try:
        day = dt.date.fromisoformat(date) if date else None
    except (TypeError, ValueError):
        return DocError(source, f"date {date!r} is not a YYYY-MM-DD date; fix it", doc_id)
    return Document(doc_id, text, lang, day, source, body_start)


def parse_jsonl(text: str, path: Path, stem: str, lang: str | None) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocError(
                where,
                f"malformed JSON ({exc.msg} at column {exc.colno}); "
                f"each line must be one JSON object",
                f"{stem}#{number}",
            )
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield DocError(
                where,
                'each line needs a "text" string, as in '
                '{"id": "a1", "text": "...", "lang": "ru", "date": "2025-11-05"}',
                f"{stem}#{number}",
            )
            continue
        given = record.get("id")
        doc_id = f"{stem}#{number}" if given is None or given == "" else str(given)
        doc_lang = record.get("lang") or lang
        yield make_document(doc_id, record["text"], where, doc_lang, record.get("date"))
