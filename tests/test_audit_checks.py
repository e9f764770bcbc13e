"""The audit as an editor relies on it: quiet on a normal early-year tree, loud when a page
shows a number, a heading or a list marker other than the one in the data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from prongsai import load_site
from prongsai.audit import audit_site, visible_text

from .conftest import build, make_project, write

# A measure whose text carries the agency's own numbering, as real documents do.
OWN_NUMBERS = """\
measures:
  - id: m01
    group: 1
    title: ๓.จัดทำคู่มือขั้นตอนการให้บริการฉบับประชาชน
    approach: |
      ### ๒ ผลการวิเคราะห์ที่นำมาใช้

      ๔. จัดทำคู่มือการให้บริการแยกตามงานให้ครบทุกงานบริการ
      ๕. เผยแพร่คู่มือทางเว็บไซต์และบอร์ดหน้าสำนักงาน
    steps:
      - ๑) สำรวจงานบริการที่ยังไม่มีคู่มือภายในเดือนแรก
      - ๒) ประชุมเจ้าหน้าที่ผู้ให้บริการเพื่อร่างขั้นตอน
    period: {start: 2567-10-01, end: 2568-09-30}
    responsible: [clerk]
"""


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = make_project(tmp_path_factory.mktemp("numbered") / "p")
    write(project, "data/years/2568/measures.yml", OWN_NUMBERS)
    (project / "data/years/2568/rounds/r6.yml").unlink()
    return project, build(project)


def _audit(project: Path, site_dir: Path) -> list[str]:
    return [str(m) for m in audit_site(load_site(project / "data", project / "docs"), site_dir)]


PAGES = ("2568/measures/m01", "2568/issues/1")  # the measure's page, and its row in the table


def _tampered(site_dir: Path, tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the site where both pages that show the measure show ``new`` for ``old``."""
    victim = tmp_path / "site"
    shutil.copytree(site_dir, victim)
    hits = 0
    for page in PAGES:
        path = victim / page / "index.html"
        text = path.read_text("utf-8")
        hits += old in text
        path.write_text(text.replace(old, new), "utf-8")
    assert hits, old
    return victim


def test_the_audit_passes_on_a_year_with_measures_and_no_round_yet(tmp_path: Path) -> None:
    # early in a fiscal year: measures published, no progress report (and no earlier year)
    project = make_project(tmp_path / "p")
    shutil.rmtree(project / "data/years/2567")
    (project / "data/years/2568/rounds/r6.yml").unlink()
    site_dir = build(project)
    assert _audit(project, site_dir) == []
    # the report item still tells the coordinator what it will need
    report_item = visible_text((site_dir / "oit/2568/o28/index.html").read_text("utf-8"))
    assert "ผลการดำเนินการ" in report_item and "ยังไม่มีรายงานผลการดำเนินการตามมาตรการ" in report_item


def test_the_agencys_own_numbers_pass_the_audit(numbered: tuple[Path, Path]) -> None:
    assert _audit(*numbered) == []


def test_the_audit_fails_when_a_list_renumbers_the_agencys_items(numbered: tuple[Path, Path], tmp_path: Path) -> None:
    project, site_dir = numbered
    # what Python-Markdown did with "๔. ": <ol start="๔">, which a browser numbers 1., 2.
    html = (site_dir / "2568/measures/m01/index.html").read_text("utf-8")
    block = re.search(r'data-ps-field="approach"[^>]*>(.*?)</div>', html, re.S)
    assert block, "the approach is shown in its own block"
    renumbered = (
        '<h3>๒ ผลการวิเคราะห์ที่นำมาใช้</h3><ol start="๔"><li>จัดทำคู่มือการให้บริการแยกตามงานให้ครบทุกงานบริการ</li>'
        "<li>เผยแพร่คู่มือทางเว็บไซต์และบอร์ดหน้าสำนักงาน</li></ol>"
    )
    victim = _tampered(site_dir, tmp_path, block.group(1), renumbered)
    missing = _audit(project, victim)
    assert any("measures[0].approach" in m and "“๔. จัดทำคู่มือการให้บริการ" in m for m in missing), missing
    assert any("“๕. เผยแพร่คู่มือ" in m for m in missing), missing


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("๒ ผลการวิเคราะห์ที่นำมาใช้", "๓ ผลการวิเคราะห์ที่นำมาใช้", "measures[0].approach"),  # a heading's number
        ("๑) สำรวจงานบริการ", "1) สำรวจงานบริการ", "measures[0].steps[0]"),  # Thai digits turned Arabic
        ("๓.จัดทำคู่มือขั้นตอน", "จัดทำคู่มือขั้นตอน", "measures[0].title"),  # a number dropped
    ],
)
def test_the_audit_fails_when_a_number_or_heading_differs(
    numbered: tuple[Path, Path], tmp_path: Path, old: str, new: str, field: str
) -> None:
    project, site_dir = numbered
    missing = _audit(project, _tampered(site_dir, tmp_path, old, new))
    assert any(f": {field}" in m and "ไม่พบ" in m for m in missing), missing


def test_visible_text_draws_list_markers_as_a_browser_does() -> None:
    page = "<article>{}</article>"
    assert visible_text(page.format('<ol start="๔"><li>ก</li><li>ข</li></ol>')) == "1. ก 2. ข"  # start must be ASCII
    assert visible_text(page.format('<ol start="4"><li>ก</li><li>ข</li></ol>')) == "4. ก 5. ข"
    assert visible_text(page.format("<ol><li>ก<ol><li>ข</li></ol></li></ol>")) == "1. ก a. ข"  # Material's nested style
    assert visible_text(page.format('<ol start="4" style="list-style-type: thai"><li>ก</li></ol>')) == "๔. ก"
    assert visible_text(page.format('<ol class="own"><li>๔. ก</li></ol>'), frozenset({"own"})) == "๔. ก"
    assert visible_text(page.format("<ul><li>ก</li></ul><script>x()</script>")) == "ก"
