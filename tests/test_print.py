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


@pytest.mark.parametrize(
    ("path", "table", "least", "header"),
    # a table per issue / per round; a header short enough never to wrap in its column
    [("2568/print/measures/", "ps-measures", 3, "ระยะเวลา"), ("2568/print/report/", "ps-report", 2, "สถานะ")],
)
def test_printed_on_a4_with_repeated_headers_page_numbers_and_no_navigation(
    browser: Any, example_base: str, example_dir: Path, tmp_path: Path, path: str, table: str, least: int, header: str
) -> None:
    # the print edition is the whole document as built: no script needed to print it (issue 13)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_base + path, wait_until="networkidle")
    tables = page.locator(f"table.{table}").count()
    assert tables >= least
    # every row names its measure: the steps, periods and units are in the page itself
    assert page.evaluate(f"[...document.querySelectorAll('table.{table} td.ps-col-steps')].every(td => td.textContent.trim() !== '')")
    page.emulate_media(media="print")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-typeset .ps-prose p')).fontSize") == "21.3333px"
    )  # 16 pt
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
        .replace('"', "")
        .startswith("Sarabun")
    )
    # no step is squeezed to a word or two a line: its column is at least a sixth of the table
    narrow = page.evaluate(
        f"""[...document.querySelectorAll('table.{table}')].map(t => {{
            const th = t.querySelector('th.ps-col-steps'); return th ? th.offsetWidth / t.offsetWidth : 1 }})
            .filter(share => share < 0.16).length"""
    )
    assert narrow == 0
    pdf = tmp_path / "doc.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    context.close()

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
    printed = sum(text.count(header) for text in pages)
    assert printed > tables, (printed, tables)


def test_without_javascript_the_print_edition_is_the_whole_document(browser: Any, example_base: str, example_dir: Path) -> None:
    """The print edition is rendered at build time: without JavaScript it holds every part
    and every measure of the document, and it fetches no other page."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(example_base + "2568/print/measures/", wait_until="networkidle")
        assert [u for u in requested if u.endswith("/")] == [example_base + "2568/print/measures/"]  # no other page
        text = page.evaluate("document.querySelector('article').innerText")
        for part in ("คำนำ", "บทสรุปผู้บริหาร", "ส่วนที่ ๑", "ส่วนที่ ๒", "ส่วนที่ ๓", "ส่วนที่ ๔"):
            assert part in text
        html = (example_dir / "2568/print/measures/index.html").read_text("utf-8")
        assert "data-ps-include" not in html and "data-ps-table" not in html
        from prongsai import load_site

        from .conftest import REPO

        for m in load_site(REPO / "data", REPO / "docs").years[2568].measures:
            assert m.title in text, m.id
        script = (example_dir / "assets/prongsai-print.js").read_text("utf-8")
        assert "fetch(" not in script and "DOMParser" not in script
    finally:
        context.close()
