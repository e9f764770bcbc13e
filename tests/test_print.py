"""The measures document and the progress report print on A4 like a Thai official document:
Sarabun at 16 pt, no navigation, table headers repeated on every page, page numbers from
page 2 on. Printed to PDF by Chromium (what a citizen's "print" does) and read back with
poppler's pdftotext."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROME_TEXT = ["ข้ามไปที่เนื้อหา", "ค้นหาในเว็บไซต์", "เกี่ยวกับเว็บไซต์นี้", "ดาวน์โหลดเป็นข้อมูลเปิด", "ปรับปรุงข้อมูลล่าสุด"]


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.parametrize(("path", "table"), [("2568/print/measures/", "ps-measures"), ("2568/print/report/", "ps-report")])
def test_printed_on_a4_with_repeated_headers_page_numbers_and_no_navigation(
    browser: Any, example_base: str, example_dir: Path, tmp_path: Path, path: str, table: str
) -> None:
    page = browser.new_page()
    page.goto(example_base + path, wait_until="networkidle")
    # the print edition puts its parts together from their own pages (prongsai-print.js)
    page.wait_for_selector("html[data-ps-print]", timeout=30_000)
    assert page.evaluate("document.documentElement.dataset.psPrint") == "ready"
    assert page.locator("[data-ps-table], [data-ps-include]").count() == 0  # every part is in
    tables = page.locator(f"table.{table}").count()
    assert tables >= 3
    # the cells came from the measure pages: steps, periods and units are filled in
    empty = page.evaluate(f"[...document.querySelectorAll('table.{table} td')].filter(td => td.textContent.trim() === '').length")
    assert empty == 0
    page.emulate_media(media="print")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-typeset .ps-prose p')).fontSize") == "21.3333px"
    )  # 16 pt
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
        .replace('"', "")
        .startswith("Sarabun")
    )
    pdf = tmp_path / "doc.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+841\.\d+ x 594\.\d+ pts \(A4\)", info), info  # A4 landscape for wide tables
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Sarabun" in fonts
    pages = _pdf_pages(pdf)
    assert len(pages) >= 4
    for text in pages:
        for chrome in CHROME_TEXT:
            assert chrome not in text
    assert not re.search(r"-\s*๑\s*-", pages[0])  # the first page carries no number
    for n, text in enumerate(pages[1:], start=2):
        number = "".join("๐๑๒๓๔๕๖๗๘๙"[int(d)] for d in str(n))
        assert re.search(rf"-\s*{number}\s*-", text), f"page {n} has no page number"
    # each table's header row is printed more often than there are tables: it repeats
    header = "ระยะเวลา"  # a header short enough never to wrap in its column
    printed = sum(text.count(header) for text in pages)
    assert printed > tables, (printed, tables)


def test_without_javascript_the_print_edition_links_every_part(browser: Any, example_base: str, example_dir: Path) -> None:
    """The print edition is put together by a script; without it, a reader still reaches every
    part and every measure from it, in the document's order."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(example_base + "2568/print/measures/")
        hrefs = page.eval_on_selector_all("article a", "els => els.map(a => new URL(a.href).pathname)")
        measures = sorted(p.parent.name for p in (example_dir / "2568/measures").glob("*/index.html"))
        assert measures and all(f"/2568/measures/{m}/" in hrefs for m in measures)
        for part in ("/2568/measures/", "/2568/assessment/", "/2568/analysis/", "/2568/limitations/"):
            assert part in hrefs
        assert page.locator("[data-ps-status]").is_visible()
    finally:
        context.close()
