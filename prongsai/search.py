"""Thai full-text search: the index is made at build time, the query is matched in the browser.

Thai is written without spaces between words, so a search that splits on spaces (Material's
lunr) finds nothing. Here every page's text is cut into words by PyThaiNLP's ``newmm``
(dictionary maximal matching, offline) and published as one JSON file with, for each word,
the pages that contain it and how (title, heading, body). The search page
(``overrides/assets/prongsai-search.js``) cuts the query with the browser's own
``Intl.Segmenter('th')`` and then reconciles the two segmenters through the index's own
vocabulary: a query word matches the index words equal to it, starting with it or
containing it, and a word the index does not know is split into index words (dynamic
programming) or, at the end of the query, read as the start of a word. So a phrase typed
without spaces, a partial word and mixed Thai/Arabic digits (``๒๕๖๘``, ``O27``) all find
their page. The index is fetched only when someone searches: other pages carry no script
for it.

:func:`normalise` and :func:`tokens` have a twin in the script; ``tests/test_search.py``
checks that both give the same words.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re

import yaml
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from . import thai
from .output import Output, StaticFile
from .pages import Page, Renderer
from .site import Site

INDEX_PATH = "search/th-index.json"
PAGE_SRC = "search/index.md"

# How much a word counts where it is found: the title first, then headings, then the text.
TITLE, HEADING, BODY = 8.0, 3.0, 1.0
SNIPPET_CHARS = 160

_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")  # Thai letters and marks (digits are made Arabic first)
_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*|[\u0e01-\u0e4e]+")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")  # a word needs a consonant: drops ๆ, ฯ and stray marks


def normalise(text: str) -> str:
    """The form both the index and the query are compared in.

    NFC, lower case, Thai digits as Arabic (``๒๕๖๘`` finds ``2568``), zero-width
    characters removed and the two spellings of sara am (``ำ`` and ``ํ`` + ``า``) made one.
    """
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text).replace("\u0e4d\u0e32", "\u0e33").lower()
    return thai.to_arabic_digits(text)


_newmm: Any = None


@functools.lru_cache(maxsize=200_000)
def _segment_thai(run: str) -> tuple[str, ...]:
    """newmm words of one run of Thai letters. Cached: a pure function of its text, and the
    same text stands on several pages (a measure on its page, its issue, the report ...)."""
    global _newmm
    if _newmm is None:
        from pythainlp.tokenize import word_tokenize  # imported on first use: loading the dictionary takes a while

        _newmm = word_tokenize
    return tuple(w for w in _newmm(run, engine="newmm", keep_whitespace=False) if w.strip())


def tokens(text: str) -> list[str]:
    """Words of ``text`` (normalised): Latin/digit codes whole (``o27``, ``9.1``), Thai by newmm."""
    out: list[str] = []
    for m in _WORD.finditer(normalise(text)):
        word = m.group(0)
        if _THAI_RUN.fullmatch(word):
            out += [w for w in _segment_thai(word) if _THAI_LETTER.search(w)]
        else:
            out.append(word)
    return out


# --- the text of a page -----------------------------------------------------------------


class _Text(HTMLParser):
    """Collects the text of a page's HTML blocks, headings apart."""

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


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#[^}]*\})?\s*$", re.M)
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MD_MARKS = re.compile(r"\\(.)|[*_`\[\]]")


def page_text(markdown: str) -> tuple[list[str], str]:
    """(headings, body text) of a page's Markdown with HTML blocks; the h1 is left out."""
    body_md = _FRONT_MATTER.sub("", markdown, count=1)
    headings: list[str] = []

    def heading(m: re.Match[str]) -> str:
        if len(m.group(1)) > 1:
            headings.append(html.unescape(_MD_MARKS.sub(r"\1", m.group(2))))
        return "\n"

    body_md = _MD_HEADING.sub(heading, body_md)
    body_md = _MD_MARKS.sub(r"\1", _MD_LINK_TARGET.sub("]", body_md))
    parser = _Text()
    parser.feed(body_md)
    parser.close()
    headings += parser.headings
    body = re.sub(r"\s+", " ", "".join(parser.body)).strip()
    return headings, body


# --- the index --------------------------------------------------------------------------


def _weights(title: str, headings: list[str], body: str) -> dict[str, int]:
    """Per word, an integer weight for one page: title 8, a heading 3, the text 1 + log2(count) (at most 4)."""
    in_title = set(tokens(title))
    in_headings = set(tokens(" ".join(headings)))
    counts = Counter(tokens(body))
    out: dict[str, int] = {}
    for word in in_title | in_headings | set(counts):
        w = TITLE * (word in in_title) + HEADING * (word in in_headings)
        if counts[word]:
            w += BODY + min(math.log2(counts[word]), 3)  # a long page repeating a word is no better match
        out[word] = round(w * 10)
    return out


def _year_and_context(page: Page) -> tuple[int, str]:
    """The year of a page's URL and where it lives, shown under its title in the results."""
    parts = page.url.split("/")
    if parts[0].isdigit():
        return int(parts[0]), f"ปีงบประมาณ พ.ศ. {parts[0]}"
    if parts[0] == "oit" and len(parts) > 1 and parts[1].isdigit():
        return int(parts[1]), f"OIT ITA {parts[1]}"
    return 0, ""


def build_index(pages: list[Page], numerals: thai.Numerals = "thai") -> dict[str, Any]:
    """The published index: ``docs`` (url, title, context, snippet, year) and ``terms`` (word ->
    flat list ``[doc, weight, doc, weight, ...]``). The year lets the same item of several
    years (``O2 ข้อมูลผู้บริหาร`` exists every year) come newest first."""
    docs: list[list[str | int]] = []
    terms: dict[str, list[int]] = {}
    for n, page in enumerate(pages):
        headings, body = page_text(page.markdown)
        snippet = body if len(body) <= SNIPPET_CHARS else body[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        year, context = _year_and_context(page)
        docs.append([page.url, page.title, thai.digits(context, numerals), snippet, year])
        for word, w in _weights(page.title, headings, body).items():
            terms.setdefault(word, []).extend((n, w))
    return {"version": 1, "docs": docs, "terms": dict(sorted(terms.items()))}


def hand_written_pages(docs_dir: Path) -> list[Page]:
    """The Markdown pages under ``docs/`` (about.md ...), so that search finds them too."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text("utf-8")
        src = path.relative_to(docs_dir).as_posix()
        m = re.search(r"^#\s+(.+?)\s*$", _FRONT_MATTER.sub("", text, count=1), re.M)
        pages.append(Page(src, m.group(1) if m else path.stem, "docs", text))
    return pages


def excluded(markdown: str) -> bool:
    """A page whose front matter says ``search: {exclude: true}`` (the staff guide) is not indexed."""
    m = _FRONT_MATTER.match(markdown)
    if not m:
        return False
    try:
        meta = yaml.safe_load(m.group(0).strip().strip("-"))
    except yaml.YAMLError:
        return False
    search = meta.get("search") if isinstance(meta, dict) else None
    return isinstance(search, dict) and search.get("exclude") is True


def contribute(site: Site, out: Output, options: dict[str, Any]) -> None:
    """Add the search page and its index (``search/th-index.json``)."""
    searchable = [p for p in out.pages if p.kind != "search"]
    docs_dir = options.get("docs_dir")
    if docs_dir and Path(docs_dir).is_dir():
        searchable += hand_written_pages(Path(docs_dir))
    searchable = [p for p in searchable if not excluded(p.markdown)]
    index = build_index(searchable, site.numerals)
    out.files.append(StaticFile(INDEX_PATH, json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()))
    r = Renderer(site)
    out.pages.append(r.page(PAGE_SRC, "ค้นหา", "search", "search.md.j2", index_file=INDEX_PATH.rsplit("/", 1)[1]))
