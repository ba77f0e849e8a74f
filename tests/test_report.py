"""The HTML report: its payload, that it is self-contained and safe, and how it behaves
in a real headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from report_runs import EVIL, write_run

from factx import tables
from factx.cli import main
from factx.report import dates as report_dates
from factx.report import render, write_report
from factx.report.data import build
from factx.report.load import ReportError, unescape_cell
from factx.report.texts import TextReader

ALL_LABELS = [
    "PERSON",
    "ORG",
    "COUNTRY",
    "LOCATION",
    "DATE",
    "DURATION",
    "QUANTITY",
    "MONEY",
    "PERCENT",
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    return write_run(tmp_path_factory.mktemp("run"), n_docs=30)


@pytest.fixture(scope="module")
def report(run_dir) -> Path:
    return write_report(run_dir)


# ---- payload -------------------------------------------------------------------------


def test_payload_holds_every_label_and_the_document_texts(run_dir):
    p = build(run_dir)
    assert p["labels"] == ALL_LABELS
    ids = p["docs"]["id"]
    texts = dict(zip(ids, p["docs"]["text"], strict=True))
    assert texts["news/0000"].startswith(" date 2025-01-01 ")
    assert p["docs"]["body"][ids.index("news/0000")] == len(" date 2025-01-01 ")
    assert texts["feed-1"] == "Putin spoke."  # the JSONL record's text, by its line
    gone = ids.index("gone")
    assert texts["gone"] is None and "not found" in p["docs"]["problem"][gone]
    m = p["m"]
    placed = [i for i, d in enumerate(m["doc"]) if texts[ids[d]] is not None]
    # Placed mentions drop their text (the page slices it); unplaced ones keep it.
    assert all(m["text"][i] is None for i in placed)
    assert m["text"][m["doc"].index(gone)] == "Vanished Inc"
    values = [i for i in placed if p["labels"][m["label"][i]] in ("MONEY", "QUANTITY")]
    assert values and all(m["value"][i] is not None and m["sent"][i] >= 0 for i in values)


def test_offsets_after_astral_characters_are_utf16(run_dir):
    p = build(run_dir)
    d = p["docs"]["id"].index("emoji")
    text = p["docs"]["text"][d]
    units = text.encode("utf-16-le")
    spans = [
        (s, e)
        for doc, s, e in zip(p["m"]["doc"], p["m"]["start"], p["m"]["end"], strict=True)
        if doc == d
    ]
    found = {units[2 * s : 2 * e].decode("utf-16-le") for s, e in spans}
    assert found == {"Elon Musk", "Vietnam", "$7 billion"}


def test_top_countries_read_as_names(run_dir):
    top = build(run_dir)["top"]["COUNTRY"]
    assert {row[1] for row in top} >= {"Russia (RU)", "Vietnam (VN)"}
    assert top == sorted(top, key=lambda r: -r[2]) and len(top) <= 12


def test_changed_source_is_reported_not_mishighlighted(tmp_path):
    out = write_run(tmp_path, n_docs=3)
    source = tmp_path / "src" / "news" / "0000.txt"
    source.write_text("completely different text " * 20, encoding="utf-8")
    p = build(out)
    d = p["docs"]["id"].index("news/0000")
    assert "changed since the run" in p["docs"]["problem"][d]
    assert all(s == -1 for doc, s in zip(p["m"]["doc"], p["m"]["start"], strict=True) if doc == d)


@pytest.mark.parametrize(
    ("norm", "first", "last", "kind"),
    [
        ("2025-11-05", "2025-11-05", "2025-11-05", "day"),
        ("2025-02", "2025-02-01", "2025-02-28", "month"),
        ("2024-Q4", "2024-10-01", "2024-12-31", "quarter"),
        ("2025", "2025-01-01", "2025-12-31", "year"),
        ("2025-W01", "2024-12-30", "2025-01-05", "week"),
        ("2025-05/2025-07", "2025-05-01", "2025-07-31", "range"),
        ("2025-11-05T10:00", "2025-11-05", "2025-11-05", "day"),
    ],
)
def test_date_norms_become_day_spans(norm, first, last, kind):
    a, b, k = report_dates.parse(norm)
    assert (a.isoformat(), b.isoformat(), k) == (first, last, kind)


@pytest.mark.parametrize(
    "norm", [None, "", "2025-13", "2025-02-30", "2025-07/2025-05", "../2025", "yesterday", "P2Y"]
)
def test_unparseable_date_norms_are_skipped(norm):
    assert report_dates.parse(norm) is None


def test_text_reader_finds_relative_sources_from_any_base(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("\ufeffhello", encoding="utf-8")
    reader = TextReader([tmp_path / "elsewhere", tmp_path])
    assert reader.read("seeds/a.txt") == ("hello", None)  # BOM dropped, as factx.sources does
    text, why = reader.read("seeds/b.txt")
    assert text is None and "seeds/b.txt" in why


def test_spreadsheet_escaping_is_undone():
    escape = getattr(tables, "escape_cell", None)
    if escape is None:
        pytest.skip("factx.tables does not escape CSV cells")
    for value in ["=SUM(A1)", "+7 tonnes", "-", "@home", "-5", "plain", "'quoted"]:
        assert unescape_cell(escape(value)) == value


# ---- the HTML file -------------------------------------------------------------------


def test_page_is_one_self_contained_file(report):
    html = report.read_text(encoding="utf-8")
    # Only XML namespace names may look like URLs; nothing is ever fetched.
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls
    assert not re.search(r"<(link|script|img|iframe)\b[^>]*\s(src|href)=\"(?!data:)", html)
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html  # the CSP forbids any load the page might attempt


def payload_of(report: Path) -> dict:
    html = report.read_text(encoding="utf-8")
    data = html.split('<script id="factx-data" type="application/json">')[1].split("</script>")[0]
    return json.loads(data)


def test_document_text_cannot_break_out_of_the_data_block(report):
    html = report.read_text(encoding="utf-8")
    assert html.count("<script") == 2 and html.count("</script>") == 2
    assert "<b>Mallory" not in html and "<img src=x" not in html
    payload = payload_of(report)
    assert EVIL in payload["docs"]["text"][payload["docs"]["id"].index("evil")]


def test_markers_in_document_text_are_not_expanded():
    payload = {"run": {"dir": "/tmp/x"}, "docs": {"text": ["/*__JS__*/ __DATA__ /*__CSS__*/"]}}
    html = render(payload)
    assert html.count("/*__JS__*/") == 1 and html.count("__DATA__") == 1


def test_report_on_a_folder_without_tables_says_what_to_do(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "factx run" in err and "--out" in err
    with pytest.raises(ReportError, match="not a folder"):
        write_report(tmp_path / "missing")


def test_report_command_writes_report_html(run_dir, capsys):
    assert main(["report", str(run_dir)]) == 0
    assert (run_dir / "report.html").stat().st_size > 10_000
    assert str(run_dir / "report.html") in capsys.readouterr().out


def test_run_with_report_flag_writes_it_after_the_tables(tmp_path, seeds, all_languages):
    out = tmp_path / "out"
    assert main(["run", str(seeds), "--out", str(out), "--report"]) == 0
    payload = payload_of(out / "report.html")
    assert sorted(payload["docs"]["id"]) == ["000_2937e06c744ea3c2", "003_11e9db3739fcbb72"]
    assert None not in payload["docs"]["text"]  # the seeds' sources were found again
    assert len(payload["m"]["doc"]) == len(pd.read_csv(out / "mentions.csv"))


# ---- in a real browser ---------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Debian Chromium driven by Playwright; skipped only if either is missing
    (CI installs both, and there a missing one fails instead of skipping)."""
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed: pip install factx[test]"
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if missing is None and not Path(executable).exists():
        missing = "chromium is not installed: apt-get install -y chromium chromium-driver"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        yield context
        context.close()


class Page:
    """A browser tab that records console errors, page errors and network requests."""

    def __init__(self, context, report: Path) -> None:
        self.page = context.new_page()
        self.report = report
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on(
            "dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss())
        )
        self.page.on("request", self._request)

    def _console(self, msg) -> None:
        if msg.type in ("error", "warning"):
            self.problems.append(f"console {msg.type}: {msg.text}")

    def _request(self, request) -> None:
        if not request.url.startswith(("file:", "data:")):
            self.problems.append(f"network request: {request.url}")

    def open(self, route: str = "#/overview"):
        self.page.goto(f"{self.report.as_uri()}{route}")
        self.page.wait_for_selector("body[data-ready]", state="attached", timeout=15_000)
        return self.page


@pytest.fixture
def tab(browser, report):
    tab = Page(browser, report)
    yield tab
    tab.page.close()
    assert tab.problems == []


def test_overview_draws_every_chart(tab):
    page = tab.open()
    for chart, marks in [
        ("doc-dates", 5),
        ("doc-langs", 3),
        ("labels", 9),
        ("top-PERSON", 4),
        ("top-ORG", 5),
        ("top-COUNTRY", 4),
    ]:
        assert page.locator(f'[data-chart="{chart}"] svg a.mark').count() >= marks, chart
    assert page.locator('[data-chart="timeline"] svg a.mark').count() == 6  # distinct norms
    assert page.locator("table.values tbody tr").count() == 15  # one page of values


def test_value_table_sorts_by_value(tab):
    page = tab.open()
    first = lambda: page.locator("table.values tbody tr td.num").first.inner_text()  # noqa: E731
    assert first() == "2,000,000,000,000"  # largest first
    page.locator("table.values th", has_text="Value").click()
    assert first() == "12"


def test_fact_table_sorts_filters_and_links_to_the_document(tab):
    page = tab.open()
    rows = page.locator("table.facts tbody tr")
    assert rows.count() == 15  # one page of facts
    assert rows.first.locator("td.num").nth(1).inner_text() == "0.90"  # best score first
    total = page.locator("table.facts").locator("xpath=../..").inner_text()
    page.fill('input[aria-label="Filter facts"]', "tonnes")
    kept = rows.all_inner_texts()
    assert kept and all("tonnes" in row for row in kept)
    assert page.locator("table.facts").locator("xpath=../..").inner_text() != total
    rows.first.locator("a").click()
    assert "#/doc/" in page.url


def test_documents_are_highlighted_with_hover_and_label_filter(tab):
    page = tab.open("#/docs")
    assert page.locator("article.doc").count() == 20  # one page, not the whole run
    marks = page.locator("mark.ent")
    assert set(marks.evaluate_all("ms => ms.map(m => m.dataset.label)")) == set(ALL_LABELS)
    tip = page.locator("#tip")
    page.locator('mark.ent[data-label="COUNTRY"]').first.hover()
    assert tip.is_visible() and "norm" in tip.inner_text()
    page.locator('mark.ent[data-label="MONEY"]').first.hover()
    assert tip.is_visible() and re.search(r"value [\d,.]+ (USD|RUB|EUR)", tip.inner_text())
    page.mouse.move(1, 1)
    assert not tip.is_visible()
    page.goto(f"{tab.report.as_uri()}#/docs?label=MONEY")
    page.wait_for_selector('mark.ent[data-label="MONEY"]')
    assert set(marks.evaluate_all("ms => ms.map(m => m.dataset.label)")) == {"MONEY"}


def test_chart_bars_link_to_their_documents(tab):
    page = tab.open()
    page.locator('[data-chart="top-COUNTRY"] svg a.mark').first.click()
    page.wait_for_selector("mark.ent.focus")
    focused = page.locator("mark.ent.focus").evaluate_all("ms => ms.map(m => m.dataset.label)")
    assert focused and set(focused) == {"COUNTRY"}
    assert "ent=COUNTRY" in page.url


def test_a_long_document_previews_where_the_filter_points(tab):
    page = tab.open("#/docs?label=MONEY&q=filler")
    box = page.locator("article.doc .doc-text.clamped").bounding_box()
    mark = page.locator('article.doc mark.ent[data-label="MONEY"]').bounding_box()
    assert box["y"] <= mark["y"] and mark["y"] + mark["height"] <= box["y"] + box["height"]
    page.get_by_role("button", name="Show full text").click()
    shown = page.locator("article.doc .doc-text").inner_text()
    assert shown.startswith(" date 2025-11-13 A filler")


def test_hostile_text_is_shown_not_run(tab):
    page = tab.open("#/docs?q=mallory")
    page.wait_for_selector("article.doc")
    text = page.locator("article.doc .doc-text").first.inner_text()
    assert "<script>window.__pwned = 1</script>" in text and "</script>" in text
    assert (
        page.locator('mark.ent[data-label="PERSON"]')
        .first.inner_text()
        .startswith("<b>Mallory</b>")
    )
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article.doc img").count() == 0


def test_missing_text_still_lists_its_mentions(tab):
    page = tab.open("#/docs?q=gone")
    assert "Text unavailable" in page.locator("article.doc").inner_text()
    assert page.locator("article.doc mark.ent").inner_text().startswith("Vanished Inc")


def test_thousand_document_run_stays_responsive(browser, tmp_path_factory):
    out = write_run(tmp_path_factory.mktemp("big"), n_docs=1000)
    started = time.perf_counter()
    report = write_report(out)
    built = time.perf_counter() - started
    tab = Page(browser, report)
    started = time.perf_counter()
    page = tab.open("#/docs")
    loaded = time.perf_counter() - started
    assert page.locator("article.doc").count() == 20
    started = time.perf_counter()
    page.goto(f"{report.as_uri()}#/docs?page=40&label=DATE")
    page.wait_for_selector('mark.ent[data-label="DATE"]')
    paged = time.perf_counter() - started
    tab.page.close()
    assert tab.problems == []
    assert built < 20 and loaded < 10 and paged < 3, (built, loaded, paged)
