"""An archive that keeps growing: the navigation lists the newest three fiscal years, then
one section of older years in fixed five-year blocks, so a page does not carry a link per
year of the whole archive (issue 6)."""

from __future__ import annotations

import sys
from pathlib import Path

from prongsai import load_site
from prongsai.itas import nav_trails
from prongsai.pages import build_pages
from prongsai.urls import oit_item_src

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import build_archive  # noqa: E402


def test_older_years_sit_in_five_year_blocks(tmp_path: Path) -> None:
    build_archive.synth(tmp_path, 8)  # fiscal years 2562-2569
    pages, nav = build_pages(load_site(tmp_path, REPO / "docs"))
    titles = [n.title for n in nav]
    assert titles == ["หน้าแรก", "ปีงบประมาณ พ.ศ. ๒๕๖๙", "ปีงบประมาณ พ.ศ. ๒๕๖๘", "ปีงบประมาณ พ.ศ. ๒๕๖๗", "ปีงบประมาณก่อนหน้า"]
    archive = nav[-1]
    assert [(b.title, [y.title for y in b.children]) for b in archive.children] == [
        ("ปีงบประมาณ พ.ศ. ๒๕๖๕–๒๕๖๖", ["ปีงบประมาณ พ.ศ. ๒๕๖๖", "ปีงบประมาณ พ.ศ. ๒๕๖๕"]),
        ("ปีงบประมาณ พ.ศ. ๒๕๖๒–๒๕๖๔", ["ปีงบประมาณ พ.ศ. ๒๕๖๔", "ปีงบประมาณ พ.ศ. ๒๕๖๓", "ปีงบประมาณ พ.ศ. ๒๕๖๒"]),
    ]
    # every page of every year is still reachable from the navigation, none twice
    listed = [src for node in nav for src in node.sources()]
    assert len(listed) == len(set(listed))
    assert {p.src for p in pages if p.kind not in ("measures_print", "report_print")} <= set(listed)
    # the ITAS "where to find it" text follows the same path
    trail = nav_trails(nav)[oit_item_src(2563, "O1")]
    assert trail[:3] == ["ปีงบประมาณก่อนหน้า", "ปีงบประมาณ พ.ศ. ๒๕๖๒–๒๕๖๔", "ปีงบประมาณ พ.ศ. ๒๕๖๓"]


def test_a_short_archive_lists_its_years_without_blocks(tmp_path: Path) -> None:
    build_archive.synth(tmp_path, 5)  # 2565-2569: two older years, both in one block
    _, nav = build_pages(load_site(tmp_path, REPO / "docs"))
    assert [y.title for y in nav[-1].children] == ["ปีงบประมาณ พ.ศ. ๒๕๖๖", "ปีงบประมาณ พ.ศ. ๒๕๖๕"]
