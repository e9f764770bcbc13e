"""Citizens' pages carry nothing meant for staff (issue 15): no editor file path, no hint
about YAML keys, no catalogue confidence note. Those belong in the staff guide, the status
command and the build log. Also: one title per page, a description on every page, the
staff guide out of search engines and the sitemap."""

from __future__ import annotations

import re
from pathlib import Path

from .citizens import REPO

# what only an editor can act on, as it would appear in a page's text
STAFF_TEXT = {
    "a data file path": re.compile(r"data/(years|catalog)|\.ya?ml\b"),
    "a YAML key to fill in": re.compile(r"\b(elements|covers|disclosures)\s*[:\]]|ใน elements|ใส่ covers|เพิ่ม covers"),
    "a catalogue confidence note": re.compile(r"ความเชื่อมั่น|จากความจำของผู้รวบรวม|สันนิษฐาน"),
    "an instruction to editors": re.compile(r"ให้เพิ่มใน|ให้แก้ไฟล์|python -m prongsai"),
}
STAFF_FOLDERS = ("staff", "admin")


def _text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def citizens_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in STAFF_FOLDERS]


def test_no_citizens_page_shows_text_meant_for_staff(example_dir: Path) -> None:
    pages = citizens_pages(example_dir)
    assert len(pages) > 200
    found = []
    for page in pages:
        text = _text(page.read_text("utf-8"))
        for what, pattern in STAFF_TEXT.items():
            m = pattern.search(text)
            if m:
                found.append(
                    f"{page.relative_to(example_dir)}: {what}: ...{text[max(0, m.start() - 40) : m.end() + 40].strip()}..."
                )
    assert found == [], f"{len(found)} staff texts on citizens' pages:\n" + "\n".join(found[:15])


def test_the_scan_finds_a_file_path_and_a_confidence_note() -> None:
    sample = "<p>ยังไม่มีเอกสาร ให้เพิ่มใน data/years/2569/disclosures.yml</p><p>(ความเชื่อมั่นของข้อมูลรายการ: C)</p>"
    hits = [what for what, pattern in STAFF_TEXT.items() if pattern.search(_text(sample))]
    assert hits == ["a data file path", "a catalogue confidence note", "an instruction to editors"]


def test_the_staff_guide_is_noindex_and_out_of_the_sitemap(example_dir: Path) -> None:
    staff = sorted((example_dir / "staff").rglob("index.html"))
    assert len(staff) >= 5
    for page in staff:
        assert '<meta name="robots" content="noindex">' in page.read_text("utf-8"), page
    sitemap = (example_dir / "sitemap.xml").read_text("utf-8")
    assert "/staff/" not in sitemap and "/admin/" not in sitemap
    assert "/oit/2568/o27/" in sitemap
    for page in citizens_pages(example_dir)[:50]:
        assert 'name="robots"' not in page.read_text("utf-8"), page


def test_every_page_has_one_title_and_a_description(example_dir: Path) -> None:
    name = "เทศบาลตำบลห้วยสายธาร"
    home = (example_dir / "index.html").read_text("utf-8")
    assert re.search(r"<title>([^<]*)</title>", home).group(1) == name  # type: ignore[union-attr]
    for page in citizens_pages(example_dir):
        html = page.read_text("utf-8")
        title = re.search(r"<title>([^<]*)</title>", html)
        assert title and title.group(1).count(name) <= 1, page
        desc = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert desc and len(desc.group(1)) > 30, page


def test_no_generated_sentence_repeats_the_year_a_title_already_says(example_dir: Path) -> None:
    repeated = re.compile(r"พ\.ศ\. ?([0-9๐-๙]{4}) ปีงบประมาณ(?: พ\.ศ\.)? ?[0-9๐-๙]{4}")
    found = [
        f"{p.relative_to(example_dir)}: {m.group(0)}"
        for p in citizens_pages(example_dir)
        for m in repeated.finditer(_text(p.read_text("utf-8")))
    ]
    assert found == [], "\n".join(found[:10])


def test_cards_count_the_oit_items_that_would_score(example_dir: Path) -> None:
    # ITA 2569 of the example: 26 items, 23 complete (O1 incomplete, O19 missing, O24 stale)
    for page in ("index.html", "2569/index.html"):
        assert "ครบตามเกณฑ์ ๒๓ จาก ๒๖ ข้อ" in (example_dir / page).read_text("utf-8"), page
    assert REPO.is_dir()
