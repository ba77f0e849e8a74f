"""What a run was, for DIR/run.json: versions, pipeline, models, counts and timings.

An analyst holding last year's tables should be able to tell which models made them.
Extractors are described duck-typed, from the outside: a ``model_name`` attribute when
the extractor has one, and the installed distributions its module draws on, so no plugin
has to implement anything for its versions to be recorded.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata as md
import json
import platform
import sys
from pathlib import Path
from typing import Any

from factx import files, registry
from factx.pipeline import Config


def version(dist: str) -> str | None:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def libraries(module_name: str) -> dict[str, str]:
    """Versions of the third-party packages ``module_name`` imports names from.

    A package is looked up as the distribution of the same name (natasha, spacy, regex…),
    else by its ``__version__``: importlib's full module-to-distribution map costs seconds.
    """
    module = sys.modules.get(module_name)
    tops = set()
    for value in vars(module).values() if module else ():
        origin = getattr(value, "__module__", None) or getattr(value, "__name__", None)
        if isinstance(origin, str):
            tops.add(origin.partition(".")[0])
    tops -= {"factx", "builtins", "__future__", *sys.stdlib_module_names}
    found = {}
    for top in sorted(tops):
        v = version(top) or getattr(sys.modules.get(top), "__version__", None)
        if isinstance(v, str):
            found[top] = v
    return found


def describe(name: str, extractor: object, group: str = registry.GROUP) -> dict[str, Any]:
    cls = type(extractor)
    entry = registry.installed(group).get(name)
    info: dict[str, Any] = {
        "class": f"{cls.__module__}.{cls.__qualname__}",
        "package": f"{entry.dist.name} {entry.dist.version}" if entry and entry.dist else None,
        "libraries": libraries(cls.__module__),
    }
    model = getattr(extractor, "model_name", None)
    if isinstance(model, str):
        info["model"] = model
        info["model_version"] = version(model)
    return info


def pipeline(config: Config) -> dict[str, Any]:
    return {
        "path": str(config.path),
        "text": config.path.read_text(encoding="utf-8"),
        "languages": {
            lang: [{"name": s.name, "options": s.options} for s in specs]
            for lang, specs in config.languages.items()
        },
    }


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def write(path: Path, info: dict[str, Any]) -> None:
    from factx import __version__  # here: factx/__init__ imports this module's importers

    info = {"factx": __version__, "python": platform.python_version(), **info}
    with files.atomic(path, "w", encoding="utf-8") as fh:
        json.dump(info, fh, ensure_ascii=False, indent=2, default=str)
        fh.write("\n")
