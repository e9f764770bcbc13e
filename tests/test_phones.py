"""Citizens on 360 px phones (issue 15): every page type of the example and of the
real-length fixture agencies reads without a Thai word cut in two, a column cut off or
squeezed under its longest word, or the page scrolling sideways. Measured in Chromium
(tests/phone_layout.js), not guessed from the stylesheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import FIXTURES, build, make_project
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


# --- the real-length fixture agencies (issue 13) --------------------------------------------

REAL_LENGTH = sorted(p.name for p in FIXTURES.iterdir() if p.name != "mini" and (p / "data").is_dir())


def _page_types(site: Path) -> dict[str, str]:
    """One page of each type of a built fixture site, for its newest and its oldest fiscal year."""
    years = sorted((p.name for p in site.iterdir() if p.name.isdigit()), reverse=True)
    out: dict[str, str] = {"home": ""}
    for y in dict.fromkeys([years[0], years[-1]]):
        out[f"{y} year"] = f"{y}/"
        for part in ("measures", "assessment", "analysis", "limitations", "report"):
            if (site / y / part / "index.html").is_file():
                out[f"{y} {part}"] = f"{y}/{part}/"
        for grouping in ("issues", "indicators"):
            groups = sorted((site / y / grouping).glob("*/index.html")) if (site / y / grouping).is_dir() else []
            if groups:
                out[f"{y} {grouping}"] = f"{y}/{grouping}/{groups[0].parent.name}/"
        measures = (
            sorted(p for p in (site / y / "measures").glob("*/index.html")) if (site / y / "measures").is_dir() else []
        )
        if measures:
            longest = max(measures, key=lambda p: p.stat().st_size)  # the real-length text
            out[f"{y} measure"] = f"{y}/measures/{longest.parent.name}/"
    for ita in sorted((p.name for p in (site / "oit").iterdir() if p.name.isdigit()), reverse=True)[:1]:
        out[f"OIT {ita}"] = f"oit/{ita}/"
        items = sorted((site / "oit" / ita).glob("*/index.html"))
        if items:
            out[f"OIT {ita} item"] = f"oit/{ita}/{max(items, key=lambda p: p.stat().st_size).parent.name}/"
    return out


@pytest.fixture(scope="module")
def real_sites(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str]) -> dict[str, tuple[Path, str]]:
    built: dict[str, tuple[Path, str]] = {}
    for name in REAL_LENGTH:
        project = make_project(tmp_path_factory.mktemp("phones") / name, name)
        site = build(project)
        built[name] = (site, serve(site))
    return built


@pytest.mark.parametrize("fixture", REAL_LENGTH)
def test_every_page_type_of_a_real_length_fixture_reads_on_a_360px_phone(
    browser: Any, real_sites: dict[str, tuple[Path, str]], fixture: str
) -> None:
    site, base = real_sites[fixture]
    problems: list[str] = []
    for kind, path in _page_types(site).items():
        page = _open(browser, base, path, viewport=PHONE)
        problems += [f"{kind} ({path}): {p}" for p in page.evaluate(LAYOUT)]
        page.close()
    assert problems == [], f"{fixture} at 360 px:\n" + "\n".join(problems[:25])
