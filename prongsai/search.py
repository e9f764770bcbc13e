"""Thai full-text search: the index is made at build time, the query is matched in the browser.

Thai is written without spaces between words, so a search that splits on spaces (Material's
lunr) finds nothing. Here every page's text is cut into words by PyThaiNLP's ``newmm``
(dictionary maximal matching, offline; run by nlpO3, PyThaiNLP's Rust port of it, where it is
installed) and published as one JSON file with, for each word,
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
import importlib.util
import itertools
import json
import math
import re

import yaml
import unicodedata
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from . import thai
from .pages import Renderer
from .parts import Page, Part, StaticFile
from .site import Site
from .urls import SEARCH, SEARCH_INDEX

INDEX_PATH = SEARCH_INDEX
PAGE_SRC = SEARCH

# How much a word counts where it is found: the title first, then headings, then the text.
TITLE, HEADING, BODY = 8.0, 3.0, 1.0
SNIPPET_CHARS = 160

_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*|[\u0e01-\u0e4e]+")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")  # a word needs a consonant: drops ๆ, ฯ and stray marks


def normalise(text: str) -> str:
    """The form both the index and the query are compared in.

    NFC, lower case, Thai digits as Arabic (``๒๕๖๘`` finds ``2568``), zero-width
    characters removed and the two spellings of sara am (``ำ`` and ``ํ`` + ``า``) made one.
    """
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text).replace("\u0e4d\u0e32", "\u0e33").lower()
    for thai_digit, arabic in _ARABIC_DIGITS:  # thai.to_arabic_digits, without str.translate's
        if thai_digit in text:  # per-character lookups (a second on a ten-year archive)
            text = text.replace(thai_digit, arabic)
    return text


_ARABIC_DIGITS = tuple(zip(thai.THAI_DIGITS, "0123456789", strict=True))


# The dictionary PyThaiNLP's newmm uses; nlpO3 (PyThaiNLP's Rust port of newmm) is given the
# same file, so both cut Thai into the same words (tests/test_search_index_build.py compares them).
_DICT_NAME = "prongsai-words_th"


def _dictionary_file() -> Path | None:
    """PyThaiNLP's ``corpus/words_th.txt``, found without importing PyThaiNLP (0.3 s)."""
    spec = importlib.util.find_spec("pythainlp")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder, "corpus", "words_th.txt")
        if path.is_file():
            return path
    return None


def _nlpo3_segmenter() -> Callable[[str], list[str]] | None:
    """nlpO3's newmm over PyThaiNLP's dictionary, or None where nlpO3 has no wheel."""
    try:
        import nlpo3
    except ImportError:
        return None
    path = _dictionary_file()
    if path is None:
        return None
    # a second load under the same name is refused ("already exists") and the first stays: fine
    nlpo3.load_dict(str(path), _DICT_NAME)
    try:
        nlpo3.segment("ทดสอบ", _DICT_NAME)
    except Exception:  # the dictionary did not load (RuntimeError: no such dictionary)
        return None
    return functools.partial(nlpo3.segment, dict_name=_DICT_NAME)


def _pythainlp_segmenter() -> Callable[[str], list[str]]:
    """PyThaiNLP's own newmm (pure Python, about ten times slower, 1 s to load its dictionary)."""
    from pythainlp.tokenize import word_tokenize

    return functools.partial(word_tokenize, engine="newmm", keep_whitespace=False)


_newmm: Callable[[str], list[str]] | None = None


@functools.lru_cache(maxsize=200_000)
def _segment_thai(run: str) -> tuple[str, ...]:
    """Words of one run of Thai letters that have a consonant (drops ``ๆ``, ``ฯ``, stray marks).
    Cached: a pure function of its text, and the same text stands on several pages (a measure
    on its page, its issue, the report ...)."""
    global _newmm
    if _newmm is None:  # chosen on first use: loading a dictionary takes a while
        _newmm = _nlpo3_segmenter() or _pythainlp_segmenter()
    return tuple(filter(_THAI_LETTER.search, _newmm(run)))  # a run has no white space


@functools.lru_cache(maxsize=400_000)
def _words_of(token: str) -> tuple[str, ...]:
    """The index words of one :data:`_WORD` match: a Thai run cut by newmm, a code whole."""
    if token[0] >= "\u0e01":  # a run of Thai letters (the other kind starts with a-z or 0-9)
        return _segment_thai(token)
    return (token,)


@functools.lru_cache(maxsize=200_000)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    """The words of a piece of text between two spaces: the same text recurs across pages."""
    return tuple(itertools.chain.from_iterable(map(_words_of, _WORD.findall(normalise(chunk)))))


def tokens(text: str) -> list[str]:
    """Words of ``text`` (normalised): Latin/digit codes whole (``o27``, ``9.1``), Thai by newmm.

    Cut at spaces first, which changes nothing (no word, sara am or composed character spans
    a space) and lets the pieces be cached."""
    return list(itertools.chain.from_iterable(map(_chunk_words, text.split(" "))))


# --- the text of a page -----------------------------------------------------------------


_HEADING_TAGS = frozenset({"h2", "h3", "h4", "caption"})
_BLOCK_TAGS = frozenset({"p", "li", "td", "th", "br", "dt", "dd", "div", "tr"})


class _Text(HTMLParser):
    """Collects the text of a page's HTML blocks, headings apart (any HTML: see :func:`_plain_html_text`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.headings: list[str] = []
        self._in_heading = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HEADING_TAGS:
            self._in_heading += 1
        elif tag in _BLOCK_TAGS:
            self.body.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADING_TAGS and self._in_heading:
            self._in_heading -= 1

    def handle_data(self, data: str) -> None:
        (self.headings if self._in_heading else self.body).append(data)


# Tags as html.parser reads them, written plainly (as templates and nh3 write them): a start
# tag with well-formed attributes (self-closing or not) or an end tag. Whitespace is ASCII, as
# html.parser's; a quoted "<" is left to html.parser.
_WS = "[\t\n\r\f ]"
_ATTRS = rf"""(?:{_WS}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:{_WS}*={_WS}*(?:"[^"<]*"|'[^'<]*'|[^\t\n\r\f "'=<>`]+))?)*{_WS}*"""
_ANY_TAG = re.compile(rf"<(?:[a-zA-Z][a-zA-Z0-9]*{_ATTRS}/?|/[a-zA-Z][a-zA-Z0-9]*{_WS}*)>")
_HEADING_TAG = re.compile(rf"<(?:(h2|h3|h4|caption){_ATTRS}(/?)|/(h2|h3|h4|caption){_WS}*)>", re.I)
_BLOCK_START = re.compile(rf"<(?:p|li|td|th|br|dt|dd|div|tr){_ATTRS}/?>", re.I)
# elements whose content html.parser (in some Python version) reads as raw text
_RAW_TEXT_START = re.compile(r"<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)[\t\n\r\f />]", re.I)


def _plain_html_text(text: str) -> tuple[list[str], list[str]] | None:
    """What :class:`_Text` collects (headings, body pieces), read with regular expressions:
    html.parser costs a Python call per tag, four seconds on a ten-year archive. None when the
    text has anything but plain tags (a comment, a stray ``<``, ``<script>``, a NUL): html.parser
    reads those pages."""
    if "\0" in text or _RAW_TEXT_START.search(text):
        return None
    headings: list[str] = []
    body: list[str] = []
    tags = 0  # every "<" must open a plain tag

    def region(part: str, in_heading: int) -> None:
        nonlocal tags
        if in_heading:  # each piece of text a heading of its own, as html.parser hands them
            pieces = _ANY_TAG.split(part)
            tags += len(pieces) - 1
            headings.extend(html.unescape(t) for t in pieces if t)
            body.append(" " * len(_BLOCK_START.findall(part)))
            return
        part, blocks = _BLOCK_START.subn(" ", part)
        part, others = _ANY_TAG.subn("\0", part)
        tags += blocks + others
        if "&" in part:  # a NUL ends a character reference as a tag does (html.unescape's rules)
            part = html.unescape(part)
        body.append(part.replace("\0", ""))

    in_heading = 0
    pos = 0
    for m in _HEADING_TAG.finditer(text):
        region(text[pos : m.start()], in_heading)
        start, closed, _end = m.groups()
        if start:
            in_heading += 1
            if closed:  # <h2/>: a start and an end, as html.parser reads it
                in_heading -= 1
        elif in_heading:
            in_heading -= 1
        pos = m.end()
        tags += 1
    region(text[pos:], in_heading)
    return (headings, body) if tags == text.count("<") else None


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

    body_md = _MD_LINK_TARGET.sub("]", _MD_HEADING.sub(heading, body_md))
    if "\\" in body_md:
        body_md = _MD_MARKS.sub(r"\1", body_md)
    else:  # the same without backslash escapes, in a tenth of the time
        for mark in "*_`[]":
            body_md = body_md.replace(mark, "")
    plain = _plain_html_text(body_md)
    if plain is None:
        parser = _Text()
        parser.feed(body_md)
        parser.close()
        plain = parser.headings, parser.body
    headings += plain[0]
    body = " ".join("".join(plain[1]).split())  # runs of white space as one space, none at the ends
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
    front = m.group(0)
    if "search" not in front and "\\" not in front:
        # YAML has no other way to spell the key (generated pages' front matter never has it):
        # no need to parse, which cost more than a second on a ten-year archive
        return False
    try:
        meta = yaml.safe_load(front.strip().strip("-"))
    except yaml.YAMLError:
        return False
    search = meta.get("search") if isinstance(meta, dict) else None
    return isinstance(search, dict) and search.get("exclude") is True


def build(site: Site, pages: list[Page], docs_dir: str | None) -> Part:
    """The search page and its index (``search/th-index.json``) of ``pages`` and the hand-written pages of ``docs_dir``."""
    searchable = [p for p in pages if p.kind != "search"]
    if docs_dir and Path(docs_dir).is_dir():
        searchable += hand_written_pages(Path(docs_dir))
    searchable = [p for p in searchable if not excluded(p.markdown)]
    index = build_index(searchable, site.numerals)
    file = StaticFile(INDEX_PATH, json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode())
    r = Renderer(site)
    page = r.page(PAGE_SRC, "ค้นหา", "search", "search.md.j2", index_file=INDEX_PATH.rsplit("/", 1)[1])
    return Part(pages=(page,), files=(file,))
