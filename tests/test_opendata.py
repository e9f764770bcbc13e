"""Open data: every fiscal year's measures and progress as CSV (UTF-8 with BOM) and JSON,
linked from the pages, described field by field in Thai, and read back to the same records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from prongsai import load_site, opendata
from prongsai.site import Site

from .conftest import REPO


@pytest.fixture(scope="module")
def example() -> Site:
    return load_site(REPO / "data", REPO / "docs")


def test_export_then_read_back_gives_the_same_records_for_every_year(example: Site) -> None:
    for fy in example.years.values():
        assert opendata.read_measures_csv(opendata.measures_csv(fy)) == list(fy.measures), fy.year
        assert opendata.read_progress_csv(opendata.progress_csv(fy)) == list(fy.rounds), fy.year
        assert opendata.read_measures_json(opendata.measures_json(fy, example)) == list(fy.measures), fy.year
        assert opendata.read_progress_json(opendata.progress_json(fy, example)) == list(fy.rounds), fy.year


def test_the_round_trip_notices_a_changed_cell(example: Site) -> None:
    fy = example.years[2568]
    content = opendata.measures_csv(fy).decode("utf-8-sig")
    title = fy.measures[0].title
    changed = content.replace(title, title + "x", 1).encode("utf-8-sig")
    assert opendata.read_measures_csv(changed) != list(fy.measures)


def test_csv_is_utf8_with_bom_one_row_per_measure_with_thai_readable_columns(example: Site) -> None:
    fy = example.years[2568]
    content = opendata.measures_csv(fy)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [m.id for m in fy.measures]
    assert rows[0]["title"] == fy.measures[0].title
    assert rows[0]["responsible_names"].startswith(fy.units[fy.measures[0].responsible[0]].name)
    progress = list(csv.DictReader(io.StringIO(opendata.progress_csv(fy).decode("utf-8-sig"))))
    assert len(progress) == sum(len(r.entries) for r in fy.rounds)
    assert {p["status_label"] for p in progress} <= {
        "ดำเนินการแล้วเสร็จ",
        "อยู่ระหว่างดำเนินการ",
        "ดำเนินการต่อเนื่อง",
        "ล่าช้ากว่าแผน",
        "ยังไม่ดำเนินการ",
        "ยกเลิก",
    }


def test_every_column_is_described_in_thai_from_the_model() -> None:
    for c in opendata.MEASURE_COLUMNS + opendata.PROGRESS_COLUMNS:
        assert any("\u0e01" <= ch <= "\u0e59" for ch in c.description()), c.name
    assert opendata.MEASURE_COLUMNS[3].description() == "ชื่อมาตรการ"  # Measure.title's Field(description=...)


def test_the_built_site_publishes_and_links_the_files(example: Site, example_dir: Path) -> None:
    for fy in example.years.values():
        for name in ("measures.csv", "measures.json", "progress.csv", "progress.json"):
            assert (example_dir / str(fy.year) / name).is_file()
        year_page = (example_dir / str(fy.year) / "index.html").read_text("utf-8")
        assert 'href="measures.csv"' in year_page and 'href="progress.json"' in year_page
        report = (example_dir / str(fy.year) / "report" / "index.html").read_text("utf-8")
        assert 'href="../progress.csv"' in report
    data = json.loads((example_dir / "2568" / "measures.json").read_text("utf-8"))
    assert data["fiscal_year"] == 2568 and data["organization"] == example.organization.name
    dictionary = (example_dir / "open-data" / "index.html").read_text("utf-8")
    for c in opendata.MEASURE_COLUMNS + opendata.PROGRESS_COLUMNS:
        assert f"<code>{c.name}</code>" in dictionary
    assert "ปรับปรุงข้อมูลล่าสุด" in dictionary
