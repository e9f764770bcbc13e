"""Citizens on 360 px phones (issue 15): every page type of the example and of the
real-length fixture agencies reads without a Thai word cut in two, a column cut off or
squeezed under its longest word, or the page scrolling sideways. Measured in Chromium
(tests/phone_layout.js), not guessed from the stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .test_citizens import PAGE_TYPES, _open

LAYOUT = (Path(__file__).parent / "phone_layout.js").read_text("utf-8")
PHONE = {"width": 360, "height": 740}

# search results need the index fetched; the 404 page is tested elsewhere
EXAMPLE_PAGES = {kind: path for kind, path in PAGE_TYPES.items() if kind != "not found (404)"}
EXAMPLE_PAGES |= {
    "assessment": "2568/assessment/",
    "limitations": "2568/limitations/",
    "indicator (ten-indicator year)": "2566/indicators/1/",
    "ITA 2567 OIT index (43 items)": "oit/2567/",
}


@pytest.mark.parametrize("kind", EXAMPLE_PAGES)
def test_every_page_type_of_the_example_reads_on_a_360px_phone(browser: Any, example_base: str, kind: str) -> None:
    page = _open(browser, example_base, EXAMPLE_PAGES[kind], viewport=PHONE)
    problems = page.evaluate(LAYOUT)
    page.close()
    assert problems == [], f"{kind} at 360 px:\n" + "\n".join(problems[:20])


def test_the_measure_notices_a_word_cut_in_two(browser: Any) -> None:
    """The measure itself can fail: a link allowed to break anywhere in a narrow column."""
    page = browser.new_page(viewport=PHONE)
    page.set_content(
        '<article class="md-content__inner"><table><tr><td style="width:40px">'
        '<a style="overflow-wrap:anywhere">โครงสร้าง</a></td><td>ข้อมูลพื้นฐาน</td></tr></table></article>'
    )
    problems = page.evaluate(LAYOUT)
    page.close()
    assert any("โครงสร้าง" in p for p in problems), problems


def test_bold_latin_and_digits_are_set_in_sarabun_bold(browser: Any, example_base: str) -> None:
    """Codes (O1), ITA and digits in bold headings and table heads: Sarabun's own bold,
    not a faked bold or another font (the Latin 700 subset is self-hosted too)."""
    page = _open(browser, example_base, "oit/2568/", viewport=PHONE)
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, '') + ' ' + f.weight + ' ' + f.unicodeRange.slice(0, 14))"
    )
    page.close()
    assert any(f.startswith("Sarabun 700 U+0-FF") for f in loaded), loaded
