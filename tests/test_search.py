"""Thai search: a single word, a phrase typed without spaces, the start of a word or a code
with Thai or Arabic digits finds its page, in real Chromium (Debian's) over the built site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from prongsai.parts import Page
from prongsai.search import build_index, normalise, page_text, tokens

QUERIES = Path(__file__).with_name("search_queries.tsv")


def _queries() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in QUERIES.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, query, expected = line.split("\t")
            rows.append((kind, query, expected.split()))
    return rows


def test_normalise_reads_thai_digits_and_both_spellings_of_sara_am() -> None:
    assert normalise("O๒๗ ๒๕๖๘") == "o27 2568"
    assert normalise("ทํางาน") == normalise("ทำงาน")
    assert normalise("ข้อ\u200bมูล") == "ข้อมูล"


def test_tokens_cut_thai_into_words_and_keep_codes_whole() -> None:
    assert tokens("มาตรการส่งเสริมคุณธรรม O27 ข้อ 9.1 ปี ๒๕๖๘") == [
        "มาตรการ", "ส่งเสริม", "คุณธรรม", "o27", "ข้อ", "9.1", "ปี", "2568",
    ]  # fmt: skip
    assert "ๆ" not in tokens("ต่าง ๆ")


def test_page_text_separates_headings_and_drops_markup() -> None:
    md = '---\ntitle: "x"\n---\n\n# หัวเรื่อง\n\n## ส่วนที่ ๑ {#part-1}\n\n<p class="a">ข้อความ <a href="x/">ลิงก์</a> &amp; **หนา**</p>\n'
    headings, body = page_text(md)
    assert headings == ["ส่วนที่ ๑"]
    assert body == "ข้อความ ลิงก์ & หนา"


def test_the_index_weighs_a_title_above_the_text() -> None:
    pages = [
        Page("a.md", "ข่าวและกิจกรรม", "x", "# ข่าวและกิจกรรม\n\nเนื้อหา"),
        Page("b.md", "อื่น ๆ", "x", "# อื่น ๆ\n\nมีข่าวในเนื้อหา ข่าว ข่าว"),
    ]
    index = build_index(pages)
    assert [d[0] for d in index["docs"]] == ["a/", "b/"]
    postings = index["terms"]["ข่าว"]
    weights = dict(zip(postings[::2], postings[1::2], strict=True))
    assert weights[0] > weights[1] > 0


@pytest.fixture(scope="module")
def search_page(browser: Any, example_base: str) -> Any:
    page = browser.new_page()
    page.goto(example_base + "search/")
    page.wait_for_function("window.prongsaiSearch !== undefined")
    page.evaluate("window.prongsaiSearch.ready()")
    yield page
    page.close()


def test_thai_queries_find_their_page_in_the_top_three(search_page: Any, capsys: pytest.CaptureFixture[str]) -> None:
    queries = _queries()
    assert len(queries) >= 40
    misses = []
    by_kind: dict[str, list[int]] = {}
    for kind, query, expected in queries:
        top = search_page.evaluate("q => window.prongsaiSearch.urls(q).slice(0, 3)", query)
        hit = any(u in top for u in expected)
        by_kind.setdefault(kind, []).append(hit)
        if not hit:
            misses.append(f"{query!r}: expected {expected}, got {top}")
    hits = sum(sum(v) for v in by_kind.values())
    figure = f"Thai search: {hits}/{len(queries)} queries ({100 * hits / len(queries):.1f}%) have the expected page in the top 3"
    detail = ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in by_kind.items())
    with capsys.disabled():
        print(f"\n{figure} [{detail}]")
        for miss in misses:
            print("  miss:", miss)
    assert hits / len(queries) >= 0.95, "\n".join(misses)


def test_the_browser_cuts_a_phrase_into_the_words_the_index_has(search_page: Any) -> None:
    phrase = "ลดขั้นตอนการขออนุญาตก่อสร้างอาคาร"
    pieces = search_page.evaluate("q => window.prongsaiSearch.pieces(q)", phrase)
    assert [p[0] for p in pieces] == tokens(phrase)


def test_a_citizen_searches_from_the_header_box_and_opens_a_result(browser: Any, example_base: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(example_base + "2568/")
    box = page.get_by_role("searchbox", name="ค้นหาในเว็บไซต์")
    box.fill("ห้องประชุม")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    first = page.locator("#ps-search-results li a").first
    first.wait_for()
    assert "ห้องประชุม" in first.inner_text()
    assert "พบ" in page.locator("#ps-search-status").inner_text()
    first.click()
    page.wait_for_url("**/2569/measures/m06/")
    page.close()


def test_no_result_says_so_in_thai(search_page: Any, example_base: str) -> None:
    search_page.goto(example_base + "search/?q=" + "ฮิปโปโปเตมัส")
    search_page.wait_for_function("document.querySelector('#ps-search-status').textContent.includes('ไม่พบ')")
    assert search_page.locator("#ps-search-results li").count() == 0


def test_the_index_covers_every_page_of_the_site(example_dir: Path) -> None:
    index = json.loads((example_dir / "search" / "th-index.json").read_text("utf-8"))
    urls = {d[0] for d in index["docs"]}
    built = {p.parent.relative_to(example_dir).as_posix() + "/" for p in example_dir.rglob("index.html")}
    built = {"" if u == "./" else u for u in built} - {"search/", "admin/"}  # admin/: the editors' forms
    staff = {u for u in built if u.startswith("staff/")}  # the editors' guide is kept out on purpose
    assert staff and not staff & urls
    # so are the print editions: lists of their parts, each part indexed on its own page
    printed = {u for u in built if "/print/" in u}
    assert printed and not printed & urls
    assert built - staff - printed - urls == set()


def test_the_browser_and_the_build_cut_titles_alike(
    search_page: Any, example_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Why the query is cut over the index's vocabulary rather than by Intl.Segmenter alone:
    the two dictionaries disagree on most titles, the vocabulary reproduces newmm."""
    titles = [d[1] for d in json.loads((example_dir / "search" / "th-index.json").read_text("utf-8"))["docs"]]
    same = icu_same = 0
    for title in titles:
        expected = tokens(title)
        same += [p[0] for p in search_page.evaluate("q => window.prongsaiSearch.pieces(q)", title)] == expected
        icu = search_page.evaluate(
            "q => Array.from(new Intl.Segmenter('th', {granularity: 'word'}).segment(q))"
            ".filter(s => s.isWordLike).map(s => s.segment)",
            normalise(title),
        )
        icu_same += [w for w in icu if tokens(w)] == expected
    with capsys.disabled():
        print(
            f"\nquery cutting agrees with newmm on {same}/{len(titles)} titles (Intl.Segmenter alone: {icu_same}/{len(titles)})"
        )
    assert same / len(titles) >= 0.95
