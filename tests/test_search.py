"""Thai search: a single word, a phrase typed without spaces, the start of a word or a code
with Thai or Arabic digits finds its page, in real Chromium (Debian's) over the built site."""

from __future__ import annotations

import json
from types import SimpleNamespace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from prongsai.parts import Page
from prongsai.search import SHARD_BYTES, Index, build_index, group_pages, normalise, page_text, tokens

from .test_search_heldout import published_titles

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
    read = page_text(md)
    assert read.headings == ["ส่วนที่ ๑"]
    assert read.body == "ข้อความ ลิงก์ & หนา"
    assert read.text == "ส่วนที่ ๑ ข้อความ ลิงก์ & หนา"  # in reading order, for the snippet


def _weights(index: Index, word: str) -> dict[int, int]:
    """Page -> weight of ``word`` in the published shards."""
    n = index.table["words"].index(word)
    shard = max(k for k, start in enumerate(index.table["shards"]) if start <= n)
    postings = index.shards[shard]["w"][n - index.table["shards"][shard]]
    return dict(zip(postings[::3], postings[1::3], strict=True))


def test_the_index_weighs_a_title_above_the_text() -> None:
    pages = [
        Page("a.md", "ข่าวและกิจกรรม", "x", "# ข่าวและกิจกรรม\n\nเนื้อหา"),
        Page("b.md", "อื่น ๆ", "x", "# อื่น ๆ\n\nมีข่าวในเนื้อหา ข่าว ข่าว"),
    ]
    index = build_index(pages)
    assert [d[0] for d in index.table["docs"]] == ["a/", "b/"]
    weights = _weights(index, "ข่าว")
    assert weights[0] > weights[1] > 0


def test_a_word_finds_the_longer_words_that_contain_it() -> None:
    """newmm keeps การกำกับ whole: a citizen typing กำกับ still finds the page, below a page
    that has the word itself."""
    pages = [
        Page("a.md", "ก", "x", "# ก\n\nกระบวนการกำกับดูแล"),
        Page("b.md", "ข", "x", "# ข\n\nกำกับ"),
    ]
    index = build_index(pages)
    assert "การกำกับ" in tokens("กระบวนการกำกับดูแล")
    weights = _weights(index, "กำกับ")
    assert weights[1] > weights[0] > 0


def test_the_index_is_in_shards_of_about_the_same_size() -> None:
    words = [f"o{n}" for n in range(3000)]
    pages = [Page(f"p{n}.md", f"หน้า {n}", "x", "# x\n\n" + " ".join(words[n * 10 : n * 10 + 40])) for n in range(300)]
    index = build_index(pages)
    sizes = [len(f.content) for f in index.files() if f.path.startswith("search/th/") and "/text/" not in f.path]
    assert len(sizes) > 3
    assert max(sizes) < 2 * SHARD_BYTES


def test_the_same_measure_of_two_years_is_one_result_and_two_alike_of_one_year_are_two() -> None:
    def page(src: str, title: str) -> Page:
        return Page(src, title, "measure", f"# {title}\n\nข้อความ")

    pages = [
        page("2569/measures/m01.md", "มาตรการลดขั้นตอนการขออนุญาต"),
        page("2568/measures/m03.md", "มาตรการลดขั้นตอนการขออนุญาต"),  # the same measure, a year before
        page("2568/measures/m04.md", "มาตรการลดขั้นตอนการขออนุญาต"),  # the same title twice in 2568
        page("2569/measures/m02.md", "มาตรการอื่น"),
        Page("about.md", "เกี่ยวกับเว็บไซต์นี้", "docs", "# เกี่ยวกับ\n\nข้อความ"),
    ]
    groups = group_pages(pages, SimpleNamespace(catalogs={}))  # type: ignore[arg-type]
    assert groups == [0, 0, 2, 3, 4]


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
        top = search_page.evaluate("q => window.prongsaiSearch.urls(q).then(u => u.slice(0, 3))", query)
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
    titles = list(published_titles(example_dir).values())
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


def _results_page(browser: Any, base: str, query: str, width: int = 360) -> Any:
    """The results page for ``query`` as a citizen opens it, snippets loaded."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base + "search/?q=" + quote(query))
    page.locator("#ps-search-results > li").first.wait_for()
    page.locator(".ps-search-snippet[data-ready]").first.wait_for()
    return page


def _shown(page: Any) -> list[dict[str, Any]]:
    """Each result as shown: its link, the year under it, its other years (text and link)."""
    return page.evaluate(
        """[...document.querySelectorAll('#ps-search-results > li')].map(li => ({
            url: new URL(li.querySelector('a').href).pathname.replace(/^\\//, ''),
            year: (li.querySelector('.ps-search-context') || {}).textContent || '',
            others: [...li.querySelectorAll('.ps-search-years a')].map(a => [a.textContent, new URL(a.href).pathname.replace(/^\\//, '')]),
        }))"""
    )


def test_the_current_complaint_channel_comes_first_with_its_other_years_beside_it(
    browser: Any, example_base: str
) -> None:
    """Before: ITA 2567's item came first and the current complaint channel seventh."""
    page = _results_page(browser, example_base, "ร้องเรียนการทุจริต")
    shown = _shown(page)
    page.close()
    first = shown[:3]
    assert all(r["year"] == "OIT ITA ๒๕๖๙" for r in first), first
    channel = next(r for r in first if r["url"] == "oit/2569/o17/")  # ช่องทางแจ้งเรื่องร้องเรียน...
    # the same item in the other ITA years (O18 of 2568, O28 of 2567 and 2566): one result
    assert channel["others"] == [["๒๕๖๘", "oit/2568/o18/"], ["๒๕๖๗", "oit/2567/o28/"], ["๒๕๖๖", "oit/2566/o28/"]]
    listed = [r["url"] for r in shown]
    assert not {"oit/2568/o18/", "oit/2567/o28/", "oit/2566/o28/", "oit/2567/o27/"} & set(listed)


def test_a_query_that_names_a_year_gets_that_year_first(search_page: Any) -> None:
    results = search_page.evaluate("q => window.prongsaiSearch.results(q)", "O27 2567")
    assert results[0]["url"] == "oit/2567/o27/"
    assert "oit/2569/o16/" in results[0]["others"]  # the item as the current ITA year numbers it
    results = search_page.evaluate("q => window.prongsaiSearch.results(q)", "ข้อมูลผู้บริหาร")
    assert results[0]["url"] == "oit/2569/o2/"  # no year named: the current one
    assert results[0]["others"] == ["oit/2568/o2/", "oit/2567/o2/", "oit/2566/o2/"]


def _text(site_dir: Path, url: str) -> str:
    """A page's text as the index publishes it (its parts joined)."""
    table = json.loads((site_dir / "search" / "th-index.json").read_text("utf-8"))
    n = next(i for i, d in enumerate(table["docs"]) if d[0] == url)
    parts = sorted((site_dir / "search" / "th" / "text").glob(f"{n}-*.txt"), key=lambda p: int(p.stem.split("-")[1]))
    return " ".join(p.read_text("utf-8") for p in parts)


def test_the_snippet_is_the_text_around_the_match_with_the_words_marked(
    browser: Any, example_base: str, example_dir: Path
) -> None:
    text = _text(example_dir, "2569/issues/4/")
    word = "สมุดบันทึก"  # far from the start of the page's text
    assert text.index(word) > 100
    page = _results_page(browser, example_base, word, width=1280)
    li = page.locator("#ps-search-results > li").filter(has=page.locator('a[href$="2569/issues/4/"]')).first
    li.scroll_into_view_if_needed()
    snippet = li.locator(".ps-search-snippet[data-ready]")
    snippet.wait_for()
    assert snippet.locator("mark").all_inner_texts() == [word]
    shown = snippet.inner_text()
    assert shown.startswith("… ") and not shown.startswith("… " + text[:20])
    assert shown.strip("… ") in text  # the agency's own words, cut at their ends only
    # only text and <mark>: nothing from the data is read as HTML
    assert snippet.evaluate("p => [...p.childNodes].every(c => c.nodeType === 3 || c.tagName === 'MARK')")
    page.close()


def test_a_first_query_downloads_a_small_part_of_the_index(
    browser: Any, example_base: str, example_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table, the shards of the query's words and the texts of the results on the screen
    (a 360 px phone shows two or three), nothing else of the index."""
    files = [
        example_dir / "search" / "th-index.json",
        *(p for p in (example_dir / "search" / "th").rglob("*") if p.is_file()),
    ]
    whole = sum(p.stat().st_size for p in files)
    context = browser.new_context(viewport={"width": 360, "height": 740})  # nothing cached
    page = context.new_page()
    fetched: dict[str, int] = {}
    page.on(
        "response", lambda r: fetched.__setitem__(r.url.split("?")[0], len(r.body())) if "/search/th" in r.url else None
    )
    page.goto(example_base + "search/?q=" + quote("ร้องเรียนการทุจริต"))
    page.locator(".ps-search-snippet[data-ready]").first.wait_for()
    page.wait_for_load_state("networkidle")
    first = sum(fetched.values())
    shown = page.locator("#ps-search-results > li").count()
    ready = page.locator(".ps-search-snippet[data-ready]").count()
    for n in range(shown):  # reading on, down the page
        page.locator("#ps-search-results > li").nth(n).scroll_into_view_if_needed()
        page.locator(".ps-search-snippet[data-ready]").nth(n).wait_for()
    context.close()
    shards = [u for u in fetched if "/th/" in u and "/text/" not in u]
    texts = [u for u in fetched if "/th/text/" in u]
    with capsys.disabled():
        print(
            f"\nfirst query: {first / 1024:.0f} KB of the {whole / 1024:.0f} KB index ({len(shards)} shards, {ready} texts)"
        )
    assert any(u.endswith("/search/th-index.json") for u in fetched)
    assert 0 < len(shards) < len([p for p in files if p.parent.name == "th"]) / 2
    assert 0 < ready < shown == 10  # at first, only the texts of what is on the screen ...
    assert len(texts) == shown  # ... the others' as the reader scrolls to them
    assert first < whole / 5
