"""Fixture sites built as a user builds them: the HTML citizens get, the errors editors get."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, build, write


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def test_every_page_type_exists_at_a_stable_url(mini: Path) -> None:
    site = build(mini)
    for url in [
        "",
        "2568",
        "2568/measures",
        "2568/measures/m01",
        "2568/measures/m02",
        "2568/issues/1",
        "2568/issues/2",
        "2568/report",
        "2568/assessment",
        "2568/limitations",
        "2567/indicators/1",
        "2567/indicators/9",
        "oit/2568",
        "oit/2568/o1",
        "oit/2568/o27",
        "oit/2568/o28",
        "oit/2567/o42",
    ]:
        assert (site / url / "index.html").is_file(), url


def test_pages_are_thai_with_buddhist_era_dates_and_thai_numerals(mini: Path) -> None:
    site = build(mini)
    html = page(site, "2568/measures/m01")
    assert '<html lang="th"' in html
    assert "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘" in html
    assert "อยู่ระหว่างดำเนินการ (๖๐%)" in html
    assert "สำนักปลัดเทศบาล, กองคลัง" in html
    assert "ปรับปรุงข้อมูลล่าสุด ๓๑ มีนาคม ๒๕๖๘" in html


def test_arabic_numerals_by_one_setting(mini: Path) -> None:
    org = mini / "data/organization.yml"
    org.write_text(org.read_text("utf-8").replace("numerals: thai", "numerals: arabic"), "utf-8")
    site = build(mini)
    html = page(site, "2568/measures/m01")
    assert "1 ตุลาคม 2567 – 30 กันยายน 2568" in html
    assert "๒๕๖๘" not in re.sub(r"<[^>]+>", "", html)


def test_text_from_yaml_is_escaped_and_scripts_never_run(mini: Path) -> None:
    m = mini / "data/years/2568/measures.yml"
    m.write_text(
        m.read_text("utf-8").replace(
            "title: ปรับปรุงระบบ E-Service",
            'title: "ระบบ <img src=x onerror=alert(1)> E-Service"',
        ),
        "utf-8",
    )
    site = build(mini)
    for url in ["2568", "2568/measures/m02", "2568/issues/2"]:
        html = page(site, url)
        assert "<img src=x" not in html, url  # never a live tag: in nav, title, headings or text
        assert "<script>alert" not in html, url
    assert "ระบบ &lt;img" in page(site, "2568/measures/m02")  # the heading shows the text, escaped
    assert "<strong>ตัวหนา</strong>" in page(site, "2568/measures")  # Markdown is allowed


def test_oit_item_pages_carry_the_documents_and_the_measures_documents(mini: Path) -> None:
    site = build(mini)
    o1 = page(site, "oit/2568/o1")
    assert 'href="https://test.example/structure"' in o1
    assert "แผนผังโครงสร้างอยู่ในหน้านี้" in o1
    o27 = page(site, "oit/2568/o27")  # the measures item shows this year's measures document:
    assert "ส่วนที่ ๓ การนำผลการวิเคราะห์ไปสู่การปฏิบัติ" in o27  # its contents, every part linked
    assert "เผยแพร่ขั้นตอนการให้บริการ" in o27
    assert 'href="../../../2568/print/measures/"' in o27  # and the whole document on one page
    o28 = page(site, "oit/2568/o28")  # the report item of ITA 2568 covers fiscal year 2567
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๗" in o28
    assert 'href="../../../2567/report/#status"' in o28  # every measure's status, on the report
    assert 'href="../../../2567/print/report/"' in o28
    assert "ปรับปรุงคู่มือครบทุกกอง" in page(site, "2567/measures/m01")


def test_navigation_is_grouped_by_year_then_issue(mini: Path) -> None:
    site = build(mini)
    html = page(site, "2568/measures/m01")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    assert nav.index("ปีงบประมาณ พ.ศ. ๒๕๖๘") < nav.index("ปีงบประมาณ พ.ศ. ๒๕๖๗")
    assert "ประเด็นที่ ๑ กระบวนการปฏิบัติงาน" in nav


def test_site_under_a_sub_path_links_correctly(mini: Path) -> None:
    site = build(mini)
    html = page(site, "2568/issues/1")
    assert 'href="../../measures/m01/"' in html
    assert '<link rel="canonical" href="https://test.example/sub/path/2568/issues/1/">' in html


def test_evidence_files_are_linked_relative_to_the_page(mini: Path) -> None:
    site = build(mini)
    assert 'href="../../../files/guide.pdf"' in page(site, "2568/measures/m01")
    assert (site / "files/guide.pdf").is_file()


def test_the_build_never_writes_into_docs(mini: Path) -> None:
    before = sorted(p.relative_to(mini) for p in (mini / "docs").rglob("*"))
    build(mini)
    assert sorted(p.relative_to(mini) for p in (mini / "docs").rglob("*")) == before


def _mkdocs(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(project / "out")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_broken_tree_fails_the_build_with_the_editors_message(mini: Path) -> None:
    r = mini / "data/years/2568/rounds/r6.yml"
    r.write_text(r.read_text("utf-8").replace("percent: ๖๐", "percent: 120"), "utf-8")
    result = _mkdocs(mini)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert (
        "data/years/2568/rounds/r6.yml:8: entries[0].percent: ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120" in out
    )
    assert "Traceback" not in out
    assert not (mini / "out" / "index.html").exists()  # no half site


def test_a_yaml_syntax_error_fails_the_build_cleanly(mini: Path) -> None:
    write(mini, "data/years/2568/disclosures.yml", "disclosures:\n\t- item: O1\n")
    result = _mkdocs(mini)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "data/years/2568/disclosures.yml:2: รูปแบบ YAML ไม่ถูกต้อง: มีตัวอักษรแท็บ (Tab)" in out
    assert "Traceback" not in out


def test_a_hand_written_page_cannot_shadow_a_generated_one(mini: Path) -> None:
    write(mini, "docs/2568/report.md", "# mine\n")
    result = _mkdocs(mini)
    assert result.returncode == 1
    assert "docs/2568/report.md ซ้ำกับหน้าที่ระบบสร้างจากข้อมูล" in result.stdout + result.stderr


def test_the_core_imports_nothing_from_mkdocs() -> None:
    code = (
        "import sys; sys.modules['mkdocs'] = None; sys.modules['material'] = None\n"
        "import prongsai, prongsai.pages, prongsai.audit, prongsai.cli\n"
        "from pathlib import Path\n"
        "site = prongsai.load_site(Path('tests/fixtures/mini/data'))\n"
        "pages, nav = prongsai.pages.build_pages(site)\n"
        "print(len(pages))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert int(out.stdout) > 20
