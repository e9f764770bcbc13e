"""The search index is built fast and is the same index: nlpO3 cuts Thai as PyThaiNLP's newmm
does, the regular-expression reading of a page gives what html.parser gives, the front-matter
check without YAML excludes the same pages, and the published index of the example is the one
the previous (slow) implementation, kept here as the reference, publishes."""

from __future__ import annotations

import functools
import html
import json
import random
import re
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from prongsai import load_site, search, thai
from prongsai.options import Options
from prongsai.output import Output, generate
from prongsai.parts import Page

from .conftest import REPO
from .test_hostile import CASES, apply_case, expected

# --- the reference: the implementation before the index build was made fast ---------------

_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*|[\u0e01-\u0e4e]+")
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#[^}]*\})?\s*$", re.M)
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MD_MARKS = re.compile(r"\\(.)|[*_`\[\]]")


def ref_normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text).replace("\u0e4d\u0e32", "\u0e33").lower()
    return thai.to_arabic_digits(text)


@functools.cache
def _pythainlp() -> Callable[..., list[str]]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize


def ref_tokens(text: str) -> list[str]:
    out: list[str] = []
    for m in _WORD.finditer(ref_normalise(text)):
        word = m.group(0)
        if _THAI_RUN.fullmatch(word):
            cut = _pythainlp()(word, engine="newmm", keep_whitespace=False)
            out += [w for w in cut if w.strip() and _THAI_LETTER.search(w)]
        else:
            out.append(word)
    return out


class _RefText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.headings: list[str] = []
        self._in_heading = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h2", "h3", "h4", "caption"}:
            self._in_heading += 1
        elif tag in {"p", "li", "td", "th", "br", "dt", "dd", "div", "tr"}:
            self.body.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"h2", "h3", "h4", "caption"} and self._in_heading:
            self._in_heading -= 1

    def handle_data(self, data: str) -> None:
        (self.headings if self._in_heading else self.body).append(data)


def ref_page_text(markdown: str) -> tuple[list[str], str]:
    body_md = _FRONT_MATTER.sub("", markdown, count=1)
    headings: list[str] = []

    def heading(m: re.Match[str]) -> str:
        if len(m.group(1)) > 1:
            headings.append(html.unescape(_MD_MARKS.sub(r"\1", m.group(2))))
        return "\n"

    body_md = _MD_HEADING.sub(heading, body_md)
    body_md = _MD_MARKS.sub(r"\1", _MD_LINK_TARGET.sub("]", body_md))
    parser = _RefText()
    parser.feed(body_md)
    parser.close()
    headings += parser.headings
    body = re.sub(r"\s+", " ", "".join(parser.body)).strip()
    return headings, body


def ref_excluded(markdown: str) -> bool:
    m = _FRONT_MATTER.match(markdown)
    if not m:
        return False
    try:
        meta = yaml.safe_load(m.group(0).strip().strip("-"))
    except yaml.YAMLError:
        return False
    s = meta.get("search") if isinstance(meta, dict) else None
    return isinstance(s, dict) and s.get("exclude") is True


# --- what is compared -----------------------------------------------------------------------


def _options() -> Options:
    extra = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["extra"]["prongsai"]
    return Options.from_config(extra, site_url="", docs_dir=str(REPO / "docs"))


@pytest.fixture(scope="module")
def example_output() -> Output:
    return generate(load_site(REPO / "data", REPO / "docs"), _options())


@pytest.fixture(scope="module")
def example_pages(example_output: Output) -> list[Page]:
    """Every page of the example, generated and hand-written (the staff guide too)."""
    return [p for p in example_output.pages if p.kind != "search"] + search.hand_written_pages(REPO / "docs")


def _accepted_hostile_pages(tmp: Path) -> Iterator[Page]:
    """The pages of the hostile corpus' trees that are accepted (BOM, CRLF, Thai digits ...)."""
    for case in CASES:
        if not expected(case):
            project = apply_case(case, tmp / case)
            yield from generate(load_site(project / "data", project / "docs")).pages


def _thai_runs(texts: list[str]) -> list[str]:
    return sorted({w for t in texts for w in _WORD.findall(ref_normalise(t)) if w[0] >= "\u0e01"})


# Text a segmenter might trip on: marks and vowels without a consonant, repeat marks, long and
# very long runs, digits (Thai and Arabic, inside words), sara am both ways, zero-width spaces,
# a Latin code inside Thai, Thai abbreviations.
ODD_TEXTS = [
    "่", "่่่", "ั้", "ๆ", "ๆๆๆ", "ฯ", "ฯลฯ", "ฯพณฯ", "฿", "฿๑๐๐", "ำ", "ํา", "ทํางาน", "ะ", "ะะะ", "เ", "เเ", "แ",
    "ไใ", "ๅ", "ฺ", "็", "์", "๎", "กั", "ก่่่่่", "เก", "เกะ", "ฦ", "ฤๅ", "ก" * 3000, "่" * 2000,
    "มาตรการ" * 500, "ไปมาไปมา" * 200, "ตากลม" * 300, "การประชุมการประชุม" * 150,
    "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ" * 40,
    "ปี๒๕๖๘ข้อ๙.๑O27ประจำปีงบประมาณ2568", "ข้อ\u200bมูล\u200cข่าว\ufeffสาร", "ร.ร.", "ก.พ.ร.", "พ.ศ.๒๕๖๘",
    "ลดขั้นตอนการขออนุญาตก่อสร้างอาคาร", "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
    "เปลี่ยนแปลงเตรียมความพร้อมเฉลี่ยเหนียวแน่นเปรียบเทียบ", "ภาพยนตร์ธุรกิจพันธุ์ข้าวกรรมการจันทร์",
]  # fmt: skip

# Where nlpO3 1.4.0 and PyThaiNLP 5.4 newmm cut differently: only text that is not Thai words
# (the dictionary settles real words). nlpO3's character-cluster rules lack PyThaiNLP's
# look-ahead rules for เ◌◌ีย and เ◌ุย/เ◌ูย (it tries "เ◌" first), so where no dictionary word
# covers the letters, PyThaiNLP keeps the cluster whole and nlpO3 cuts it.
KNOWN_DIFFERENCES = {
    "เปรีย": (["เป", "รี", "ย"], ["เปรีย"]),
    "เหนีย": (["เห", "นีย"], ["เหนีย"]),
    "เอุย": (["เอ", "ุย"], ["เอุย"]),
}


# --- the tests ------------------------------------------------------------------------------


def test_nlpo3_is_what_the_build_uses_where_it_has_a_wheel() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    nlpo3 = next(Requirement(r) for r in project["dependencies"] if r.startswith("nlpo3"))
    if nlpo3.marker and not nlpo3.marker.evaluate():
        pytest.skip("no nlpo3 wheel for this platform: the build uses PyThaiNLP's newmm")
    assert search._nlpo3_segmenter() is not None, "nlpo3 is pinned in requirements.txt: install it"
    search.tokens("ทดสอบ")
    assert isinstance(search._newmm, functools.partial) and search._newmm.func.__module__.startswith("nlpo3")


@pytest.fixture
def without_nlpo3(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The build on a platform without nlpo3's wheel: importing it fails."""
    caches = (search._segment_thai, search._words_of, search._chunk_words)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setitem(sys.modules, "nlpo3", None)
    monkeypatch.setattr(search, "_newmm", None)
    yield
    for cache in caches:
        cache.cache_clear()


def test_without_nlpo3_the_build_uses_pythainlp_and_gives_the_same_words(without_nlpo3: None) -> None:
    assert search._nlpo3_segmenter() is None
    text = "มาตรการส่งเสริมคุณธรรม O27 ข้อ 9.1 ปี ๒๕๖๘ ต่าง ๆ " + " ".join(ODD_TEXTS[:40])
    assert search.tokens(text) == ref_tokens(text)
    assert search._newmm is not None and search._newmm.func.__module__.startswith("pythainlp")


def test_nlpo3_and_pythainlp_cut_every_thai_run_of_the_example_alike(
    example_pages: list[Page], tmp_path: Path
) -> None:
    pages = example_pages + list(_accepted_hostile_pages(tmp_path))
    texts = [p.title for p in pages] + [t for p in pages for h, b in [ref_page_text(p.markdown)] for t in (*h, b)]
    runs = _thai_runs(texts) + _thai_runs(ODD_TEXTS)
    nlpo3, pythainlp = search._nlpo3_segmenter(), search._pythainlp_segmenter()
    assert nlpo3 is not None
    differ = [(run, nlpo3(run), pythainlp(run)) for run in runs if nlpo3(run) != pythainlp(run)]
    assert len(runs) > 1000
    assert differ == []


def test_the_cases_where_they_differ_are_the_known_ones() -> None:
    """Fails when an nlpO3 or PyThaiNLP upgrade changes them: then update the list above."""
    nlpo3, pythainlp = search._nlpo3_segmenter(), search._pythainlp_segmenter()
    assert nlpo3 is not None
    assert {run: (nlpo3(run), pythainlp(run)) for run in KNOWN_DIFFERENCES} == KNOWN_DIFFERENCES


def test_tokens_are_the_reference_tokens_on_odd_text() -> None:
    for text in [*ODD_TEXTS, " ".join(ODD_TEXTS), "O๒๗ ๒๕๖๘ ข้อ 9.1 ต่าง ๆ", "ΣΑΣ Σ İstanbul ﬁ", "ก\u0301 \u0301ข"]:
        assert search.tokens(text) == ref_tokens(text), text[:40]
        assert search.normalise(text) == ref_normalise(text)


# Pieces of the Markdown with HTML blocks that pages are made of: text, references, plain tags ...
PLAIN_PIECES = [
    "ข้อมูล", "การจัดซื้อ", " ", "\n", "\n\n", "  \t", "\xa0", "\u3000", "\x1c", "O27", "๒๕๖๘", "&amp;", "&amp", "&lt;",
    "&#3585;", "&#x0E01", "&nbsp;", "&bogus;", "&", "&am", "p;", ";", ">", "<p>", "</p>", "<p class=\"a b\">", "<P>",
    "<br>", "<br/>", "<br />", "<h2>", "</h2>", "<H3 id='x'>", "</h3>", "<h4/>", "<caption>", "</caption>", "<td>",
    "</td>", "<tr>", "<li>", "<dt>", "<dd>", "<div>", "</div>", "<span>", "</span>", "<a href=\"../x/\">", "</a>",
    "<strong>", "</strong>", "<table class=ps-grid>", "<th scope=\"col\">", "<em title=\"a>b\">", "<p\nclass='x'>",
    "\n## หัวข้อ {#id}\n", "\n### **หนา** _x_\n", "#", "\\*", "\\", "*", "_", "`", "[ลิงก์](x/)", "]", "(", ")", "\r\n",
]  # fmt: skip
# ... and what html.parser has to read: comments, declarations, stray "<", raw-text elements, odd tags
HOSTILE_PIECES = [
    "<!-- note -->", "<!DOCTYPE html>", "<?pi?>", "< p>", "a < b", "<", "<script>x<y</script>", "<style>p{}</style>",
    "<textarea>t</textarea>", "<p a=\"x\"b>", "<h2-x>", "<p title=\"a<b\">", "\x00", "</p class>", "<p\x0bclass>",
]  # fmt: skip


def _random_markup(rng: random.Random) -> str:
    pieces = PLAIN_PIECES if rng.random() < 0.6 else PLAIN_PIECES + HOSTILE_PIECES
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))


def test_page_text_is_what_html_parser_gives(example_pages: list[Page], tmp_path: Path) -> None:
    pages = example_pages + list(_accepted_hostile_pages(tmp_path))
    for page in pages:
        assert search.page_text(page.markdown) == ref_page_text(page.markdown), page.src
    rng = random.Random(6)
    for _ in range(4000):
        text = _random_markup(rng)
        assert search.page_text(text) == ref_page_text(text), repr(text)


def test_the_fast_reading_is_the_one_used_on_generated_pages(example_pages: list[Page]) -> None:
    """Proof the comparison above exercised the new code: html.parser is only a fallback."""
    generated = [p for p in example_pages if p.templated]
    plain = [p for p in generated if search._plain_html_text(search._FRONT_MATTER.sub("", p.markdown)) is not None]
    assert len(plain) == len(generated) > 100


def test_excluded_reads_front_matter_as_yaml_does(example_pages: list[Page]) -> None:
    staff = [p for p in example_pages if p.src.startswith("staff/")]
    assert staff and all(search.excluded(p.markdown) for p in staff)
    for page in example_pages:
        assert search.excluded(page.markdown) == ref_excluded(page.markdown), page.src
    fronts = [
        "search:\n  exclude: true", "search: {exclude: true}", '"search": {"exclude": true}', "? search\n: {exclude: true}",
        '"\\x73earch": {exclude: true}', "'search': {exclude: yes}", "search: {exclude: 'true'}", "research: {exclude: true}",
        "title: search", "search: [exclude]", "search:\n  exclude: false", "a: &x {exclude: true}\nsearch: *x",
        "search: {exclude: true", "title: \"sear\\\nch\"",
    ]  # fmt: skip
    for front in fronts:
        md = f"---\n{front}\n---\n\n# x\n"
        assert search.excluded(md) == ref_excluded(md), front
    assert search.excluded("---\n\"\\x73earch\": {exclude: true}\n---\n")  # the escape is read


def test_the_published_index_is_the_reference_index(
    example_output: Output, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = next(f.content for f in example_output.files if f.path == search.INDEX_PATH)
    site = load_site(REPO / "data", REPO / "docs")
    monkeypatch.setattr(search, "page_text", ref_page_text)
    monkeypatch.setattr(search, "tokens", ref_tokens)
    monkeypatch.setattr(search, "excluded", ref_excluded)
    reference_part = search.build(site, [p for p in example_output.pages if p.kind != "search"], _options().docs_dir)
    reference = next(f.content for f in reference_part.files if f.path == search.INDEX_PATH)
    assert len(json.loads(published)["docs"]) > 200
    assert published == reference
