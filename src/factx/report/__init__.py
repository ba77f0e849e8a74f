"""The analyst's report: one self-contained HTML page built from a run's tables.

Everything is inlined (CSS, JS, data) and the page draws its own SVG, so the file can be
mailed or opened offline. A Content-Security-Policy forbids any network access and
allows only the script built here (by hash), so untrusted document text can never run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from factx.report.data import build
from factx.report.load import ReportError

__all__ = ["ReportError", "render", "write_report"]

# Inlined in this order: helpers first, the app (which starts the page) last.
SCRIPTS = ("util.js", "charts.js", "table.js", "overview.js", "docs.js", "app.js")


def write_report(out_dir: str | Path, output: str | Path | None = None) -> Path:
    """Write ``out_dir/report.html`` (or ``output``) from the tables in ``out_dir``."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ReportError(f"{out_dir} is not a folder; run `factx run INPUT... --out {out_dir}`")
    target = Path(output) if output else out_dir / "report.html"
    html = render(build(out_dir))
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(target)
    return target


def render(payload: dict[str, Any]) -> str:
    """The page for ``payload``; the JSON is escaped so no text can close its script tag."""
    # One function scope for all scripts: nothing leaks into the page's globals.
    js = "(() => {\n" + "\n".join(_asset(name) for name in SCRIPTS) + "\n})();"
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    title = f"factx report — {Path(payload['run']['dir']).name}"
    values = {
        "__TITLE__": _escape_html(title),
        "__SCRIPT_HASH__": f"sha256-{digest}",
        "/*__CSS__*/": _asset("report.css"),
        "__DATA__": to_json(payload),
        "/*__JS__*/": js,
    }
    # One pass, so text inserted for one marker is never searched for the next.
    pattern = re.compile("|".join(re.escape(k) for k in values))
    return pattern.sub(lambda m: values[m.group(0)], _asset("template.html"))


def to_json(payload: dict[str, Any]) -> str:
    """JSON safe inside <script type="application/json">: no "<", ">" or "&" left raw."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
