"""The ITA coordinator's view: completeness and staleness per OIT item, the ITAS answer
sheet (page, CSV, JSON), the build's report of gaps, the crosswalk and ``itas`` command."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from prongsai import DataError, load_site
from prongsai.cli import main
from prongsai.completeness import assess_year
from prongsai.site import Site

from .conftest import REPO, build, make_project, write


@pytest.fixture(scope="module")
def example() -> Site:
    return load_site(REPO / "data", REPO / "docs")


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("itas-example") / "site"
    mkdocs_build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def _rows(site_dir: Path, ita: int) -> list[dict[str, str]]:
    raw = (site_dir / "itas" / f"{ita}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to show Thai"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text("utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), "utf-8")


def _twelve_month_2567(project: Path) -> None:
    """The mini fixture's only gap: its report on fiscal 2567 stops at six months."""
    _edit(project, "data/years/2567/rounds/r6.yml", "kind: six_month", "kind: twelve_month")
    _edit(project, "data/years/2567/rounds/r6.yml", "end: 2567-03-31}", "end: 2567-09-30}")


# --- completeness and staleness -------------------------------------------------------


def test_the_example_s_deliberate_gaps_are_found_with_their_reasons(example: Site) -> None:
    statuses = {st.item.code: st for st in assess_year(example, 2569)}
    gaps = {code: st.state for code, st in statuses.items() if not st.scores}
    assert gaps == {"O1": "incomplete", "O19": "missing", "O24": "stale"}
    assert "ขาดองค์ประกอบที่ ๒ หน้าที่และอำนาจ" in statuses["O1"].reason
    assert "ต้องเป็นข้อมูลปีงบประมาณ ๒๕๖๘ แต่เอกสารที่มีเป็นข้อมูลปีงบประมาณ ๒๕๖๗" in statuses["O24"].reason
    # what is missing is public; what to do, with the editor's file, is the staff's hint
    assert "data/years/2569/disclosures.yml" in statuses["O19"].hint
    assert "ให้เพิ่ม covers: 2568" in statuses["O24"].hint
    for st in statuses.values():
        assert "data/" not in st.reason and "ให้เพิ่ม" not in st.reason and "covers:" not in st.reason, st.reason
        assert st.scores or st.hint, st.item.code
    # the two role items are judged from the data: measures of 2569, the 12-month round of 2568
    assert statuses["O25"].source_year.year == 2569 and statuses["O25"].scores  # type: ignore[union-attr]
    assert statuses["O26"].source_year.year == 2568 and statuses["O26"].scores  # type: ignore[union-attr]


def test_a_document_s_year_comes_from_covers_or_else_from_its_date(mini: Path) -> None:
    # the fixture's O28 report covers 2567 (ITA 2568 asks for the previous year) but stops at six months
    site = load_site(mini / "data", mini / "docs")
    o28 = next(st for st in assess_year(site, 2568) if st.item.code == "O28")
    assert o28.state == "stale" and "รอบ ๖ เดือน" in o28.reason and "๓๐ กันยายน ๒๕๖๗" in o28.reason
    _twelve_month_2567(mini)
    _edit(
        mini, "data/catalog/ita-2568.yml", "subgroup: ข้อมูลพื้นฐาน, covers: none", "subgroup: ข้อมูลพื้นฐาน, covers: current"
    )
    site = load_site(mini / "data", mini / "docs")
    assert all(st.scores for st in assess_year(site, 2568))  # dated 1 Nov 2567 = fiscal 2568
    _edit(mini, "data/years/2568/disclosures.yml", "date: 2567-11-01", "date: 2567-09-30")
    o1 = assess_year(load_site(mini / "data", mini / "docs"), 2568)[0]
    assert o1.state == "stale" and "ปีงบประมาณ ๒๕๖๗" in o1.reason and "covers: 2568" in o1.hint
    _edit(mini, "data/years/2568/disclosures.yml", "date: 2567-09-30", "date: 2567-09-30, covers: 2568")
    assert assess_year(load_site(mini / "data", mini / "docs"), 2568)[0].scores


ELEMENTS = 'covers: none, elements: ["แผนผังโครงสร้าง", "หน้าที่และอำนาจ"]'


def test_elements_written_as_an_editor_writes_them(mini: Path) -> None:
    _edit(mini, "data/catalog/ita-2568.yml", "covers: none", ELEMENTS)
    docs = "data/years/2568/disclosures.yml"
    _edit(mini, docs, 'url: "https://test.example/structure"', 'url: "https://test.example/structure", elements: [1]')
    o1 = assess_year(load_site(mini / "data", mini / "docs"), 2568)[0]
    assert o1.state == "incomplete" and [e.ok for e in o1.elements] == [True, False]
    assert "ขาดองค์ประกอบที่ ๒ หน้าที่และอำนาจ" in o1.reason
    current = "[1]"
    for written in ('"1, 2"', '"๑ และ ๒"', "[1, 2]"):
        _edit(mini, docs, "elements: " + current, "elements: " + written)
        current = written
        assert assess_year(load_site(mini / "data", mini / "docs"), 2568)[0].scores, written


def test_wrong_element_numbers_are_thai_errors_with_the_line(mini: Path) -> None:
    docs = "data/years/2568/disclosures.yml"
    _edit(mini, docs, 'url: "https://test.example/structure"', 'url: "https://test.example/structure", elements: [3]')
    with pytest.raises(DataError) as no_list:
        load_site(mini / "data", mini / "docs")
    assert "disclosures.yml:5: disclosures[0].documents[0].elements: ข้อ O1 ของ ITA 2568 ไม่มีรายการองค์ประกอบ" in str(
        no_list.value
    )
    _edit(mini, "data/catalog/ita-2568.yml", "covers: none", ELEMENTS)
    with pytest.raises(DataError) as out_of_range:
        load_site(mini / "data", mini / "docs")
    assert "มีองค์ประกอบที่ 1 ถึง 2 แต่พบหมายเลข 3" in str(out_of_range.value)


# --- the answer sheet ------------------------------------------------------------------


def test_the_answer_sheet_lists_every_item_of_every_ita_year(example: Site, example_site: Path) -> None:
    for ita in example.ita_years():
        rows = _rows(example_site, ita)
        assert [r["ข้อ"] for r in rows] == [i.code for i in example.catalogs[ita].items]
        assert (example_site / "itas" / str(ita) / "index.html").is_file()
        data = json.loads((example_site / "itas" / f"{ita}.json").read_text("utf-8"))
        assert [i["code"] for i in data["items"]] == [r["ข้อ"] for r in rows]
    rows = {r["ข้อ"]: r for r in _rows(example_site, 2569)}
    # มี only where the item would score today; the others say what is missing in the same row
    # and still show that a document is there
    answers = {code: (r["คำตอบ (มี/ไม่มี)"], r["มีเอกสารหรือข้อมูลแล้ว"]) for code, r in rows.items()}
    assert {code: a for code, a in answers.items() if a != ("มี", "มี")} == {
        "O1": ("ไม่มี", "มี"),
        "O19": ("ไม่มี", "ไม่มี"),
        "O24": ("ไม่มี", "มี"),
    }
    assert rows["O24"]["สถานะ"] == "ข้อมูลไม่ตรงปี"
    assert rows["O24"]["สิ่งที่ยังขาด"] == "ต้องเป็นข้อมูลปีงบประมาณ ๒๕๖๘ แต่เอกสารที่มีเป็นข้อมูลปีงบประมาณ ๒๕๖๗"
    assert rows["O1"]["สิ่งที่ยังขาด"].startswith("ขาดองค์ประกอบที่ ๒ หน้าที่และอำนาจ")
    items = {i["code"]: i for i in json.loads((example_site / "itas/2569.json").read_text("utf-8"))["items"]}
    assert (items["O1"]["answer"], items["O1"]["has_document"]) == ("ไม่มี", True)
    assert (items["O19"]["answer"], items["O19"]["has_document"]) == ("ไม่มี", False)
    assert rows["O1"]["คำอธิบายเพิ่มเติม (ตำแหน่งของข้อมูล)"] == (
        "หน้าแรก (https://www.saithan.example/ita/) → ปีงบประมาณ พ.ศ. ๒๕๖๙ → "
        "การเปิดเผยข้อมูลสาธารณะ (OIT) ITA ๒๕๖๙ → ข้อมูลพื้นฐาน → O1 โครงสร้าง หน้าที่และอำนาจ (หัวข้อ เอกสารและลิงก์)"
    )
    assert rows["O25"]["URL เอกสารหลักฐาน"].splitlines()[0] == "https://www.saithan.example/ita/2569/measures/"
    assert rows["O26"]["URL เอกสารหลักฐาน"].splitlines()[0] == "https://www.saithan.example/ita/2568/report/"
    page = (example_site / "itas/2569/index.html").read_text("utf-8")
    assert "ครบตามเกณฑ์ (ได้ ๑๐๐ คะแนนถ้าตรวจวันนี้) <strong>๒๓ จาก ๒๖ ข้อ</strong>" in page
    assert re.search(r"<td[^>]*>ไม่มี</td><td[^>]*>มีแล้ว</td>", page) and "ต้องเป็นข้อมูลปีงบประมาณ ๒๕๖๘ แต่เอกสารที่มี" in page
    assert 'href="../2569.csv"' in page


def test_the_public_answer_sheet_carries_no_editor_file_path_or_field(example: Site, example_site: Path) -> None:
    for ita in example.ita_years():
        published = [
            (example_site / f"itas/{ita}/index.html").read_text("utf-8"),
            (example_site / f"itas/{ita}.csv").read_text("utf-8-sig"),
            (example_site / f"itas/{ita}.json").read_text("utf-8"),
        ]
        for text in published:
            for staff in ("data/years", "disclosures.yml", "measures.yml", "rounds/", "covers:", "elements ของ", "python -m"):
                assert staff not in text, (ita, staff)


def test_the_staff_view_keeps_what_to_do_with_the_file(example_site: Path) -> None:
    staff = (example_site / "staff/itas/index.html").read_text("utf-8")
    assert "ให้เพิ่มใน data/years/2569/disclosures.yml (python -m prongsai new-disclosure O19 ...)" in staff
    assert "ให้เพิ่ม covers: 2568 ในเอกสารนั้น" in staff
    guide = (example_site / "staff/index.html").read_text("utf-8")
    assert 'href="itas/"' in guide
    assert "staff/itas" not in (example_site / "itas/2569/index.html").read_text("utf-8")  # not linked from the public sheet


def test_every_url_of_the_csv_answers_200_from_the_served_site(example: Site, example_site: Path, serve: Any) -> None:
    base = serve(example_site)
    prefix = "https://www.saithan.example/ita/"
    theirs = {d.url for fy in example.years.values() for x in fy.disclosures for d in x.documents if d.url}
    fetched = 0
    for ita in example.ita_years():
        for row in _rows(example_site, ita):
            for url in [row["URL หน้าข้อมูล"], *row["URL เอกสารหลักฐาน"].splitlines()]:
                if not url.startswith(prefix):
                    assert url in theirs, url  # an editor's own link, never one we made up
                    continue
                with urllib.request.urlopen(base + url[len(prefix) :]) as resp:  # noqa: S310 (localhost)
                    assert resp.status == 200 and resp.read(), url
                fetched += 1
    assert fetched > 140  # every item page of four ITA years, the files and the measures/report pages


@pytest.mark.parametrize("site_url", ["https://www.town.go.th/a/b/ita/", "https://ita.town.go.th"])
def test_urls_follow_site_url_even_under_a_sub_path(tmp_path: Path, site_url: str) -> None:
    site_dir = build(make_project(tmp_path / "p", site_url=site_url))
    rows = _rows(site_dir, 2568)
    root = site_url.rstrip("/") + "/"
    assert rows[0]["URL หน้าข้อมูล"] == root + "oit/2568/o1/"
    assert rows[2]["URL เอกสารหลักฐาน"].splitlines() == [root + "2567/report/", root + "2567/print/report/"]
    for row in rows:
        rel = row["URL หน้าข้อมูล"][len(root) :]
        assert (site_dir / rel / "index.html").is_file()
    assert f"หน้าแรก ({root})" in rows[0]["คำอธิบายเพิ่มเติม (ตำแหน่งของข้อมูล)"]


# --- pages: index, item banner, crosswalk ---------------------------------------------------


def test_item_pages_show_a_banner_and_the_elements_checklist(example_site: Path) -> None:
    o1 = (example_site / "oit/2569/o1/index.html").read_text("utf-8")
    assert 'class="ps-gap ps-gap--incomplete"' in o1
    assert "ข้อนี้ยังมีองค์ประกอบไม่ครบ" in o1 and "ยังไม่มีเอกสารที่แสดงองค์ประกอบนี้" in o1
    assert '<span class="ps-chip">องค์ประกอบที่ ๑</span>' in o1
    o24 = (example_site / "oit/2569/o24/index.html").read_text("utf-8")
    assert "ข้อมูลของข้อนี้ไม่ใช่ปีงบประมาณ ๒๕๖๘ ที่การประเมินกำหนด" in o24
    assert "ps-gap--complete" in (example_site / "oit/2569/o2/index.html").read_text("utf-8")
    index = (example_site / "oit/2569/index.html").read_text("utf-8")
    assert "ครบตามเกณฑ์ (ได้ ๑๐๐ คะแนนถ้าตรวจวันนี้) ๒๓ ข้อ · องค์ประกอบไม่ครบ ๑ ข้อ · ข้อมูลไม่ตรงปี ๑ ข้อ · ยังไม่มีข้อมูล ๑ ข้อ" in index


def test_the_crosswalk_links_the_same_item_in_every_ita_year(example_site: Path) -> None:
    o25 = (example_site / "oit/2569/o25/index.html").read_text("utf-8")
    for href in ('href="../../2566/o42/"', 'href="../../2567/o42/"', 'href="../../2568/o27/"'):
        assert href in o25
    o27 = (example_site / "oit/2568/o27/index.html").read_text("utf-8")
    assert 'href="../../2569/o25/"' in o27  # forwards too
    o1 = (example_site / "oit/2568/o1/index.html").read_text("utf-8")
    assert "O1 + O3 รวมเป็นข้อ O1 ใน ITA ๒๕๖๘" in o1  # a merge
    o6 = (example_site / "oit/2567/o6/index.html").read_text("utf-8")
    assert "ข้อ O6 ของ ITA ๒๕๖๗ ไม่มีในรายการ ITA ๒๕๖๘" in o6 and "ไม่มีข้อที่ตรงกัน" in o6  # a code that disappears


# --- the build: info / warn / fail ------------------------------------------------------


def _mkdocs(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


def _gaps(project: Path, level: str) -> None:
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write(f"extra: {{prongsai: {{gaps: {level}}}}}\n")


GAP_LINE = "OIT ITA ๒๕๖๘ ข้อ O28 ข้อมูลไม่ตรงปี: ต้องเป็นรายงานผลทั้งปีงบประมาณ ๒๕๖๗"


def test_by_default_gaps_are_logged_and_the_strict_build_succeeds(mini: Path) -> None:
    out = _mkdocs(mini)
    assert out.returncode == 0, out.stderr
    assert "INFO" in out.stderr and GAP_LINE in out.stderr
    assert (mini / "site/itas/2568.csv").is_file()


def test_gaps_warn_makes_the_strict_build_stop_through_mkdocs_logger(mini: Path) -> None:
    _gaps(mini, "warn")
    out = _mkdocs(mini)
    assert out.returncode != 0
    assert "WARNING" in out.stderr and GAP_LINE in out.stderr
    _twelve_month_2567(mini)
    assert _mkdocs(mini).returncode == 0  # nothing missing, nothing to warn about


def test_gaps_fail_stops_the_build_and_a_wrong_setting_is_a_thai_error(mini: Path) -> None:
    _gaps(mini, "fail")
    out = _mkdocs(mini)
    assert out.returncode != 0 and "data/years/2567/rounds/: O28:" in out.stderr and "Traceback" not in out.stderr
    write(mini, "mkdocs.yml", (mini / "mkdocs.yml").read_text("utf-8").replace("gaps: fail", "gaps: loud"))
    out = _mkdocs(mini)
    assert "ค่า gaps ต้องเป็นหนึ่งใน: info, warn, fail, off แต่พบ 'loud'" in out.stderr


# --- python -m prongsai itas -------------------------------------------------------------


def test_the_itas_command_reports_in_thai_and_fails_on_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["itas", "--data", str(REPO / "data"), "--docs", str(REPO / "docs")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "OIT) ITA ๒๕๖๙" in out and "✗ O19" in out and "! O24" in out
    # each item's URL to paste into ITAS, the staff's hint, and where the CSV is
    lines = out.splitlines()
    o19 = lines.index(next(line for line in lines if line.startswith("✗ O19")))
    assert lines[o19 + 1].strip() == "https://www.saithan.example/ita/oit/2569/o19/"
    assert lines[o19 + 3].strip() == "→ ให้เพิ่มใน data/years/2569/disclosures.yml (python -m prongsai new-disclosure O19 ...)"
    assert sum(line.strip().startswith("https://www.saithan.example/ita/oit/2569/o") for line in lines) == 26
    assert "เป็นไฟล์ CSV เปิดด้วย Excel ได้: https://www.saithan.example/ita/itas/2569.csv" in out
    assert "ครบตามเกณฑ์ (ได้ ๑๐๐ คะแนนถ้าตรวจวันนี้) ๒๓ จาก ๒๖ ข้อ" in out
    assert main([*args, "--fail-on-gaps"]) == 1
    assert main([*args, "--year", "2568"]) == 0
    assert "ITA ๒๕๖๘" in capsys.readouterr().out
    assert main([*args, "--year", "2550"]) == 2
    assert "ไม่มีข้อมูลที่ตอบการประเมิน ITA 2550" in capsys.readouterr().err


def test_the_itas_command_passes_when_nothing_is_missing(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _twelve_month_2567(mini)
    assert main(["itas", "--data", str(mini / "data"), "--docs", str(mini / "docs"), "--fail-on-gaps"]) == 0
    assert "๓ จาก ๓ ข้อ" in capsys.readouterr().out


# --- in Chromium -----------------------------------------------------------------------------


def test_answer_sheet_and_gap_banner_fit_a_phone(browser: Any, example_site: Path, serve: Any) -> None:
    base = serve(example_site)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    for path in ("itas/2569/", "oit/2569/o1/"):
        assert page.goto(base + path).status == 200
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    banner = page.locator(".ps-gap")
    assert banner.is_visible() and "องค์ประกอบไม่ครบ" in banner.inner_text()
    page.close()
