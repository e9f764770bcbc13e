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
import hashlib
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
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from . import thai
from .pages import Renderer
from .parts import Page, Part, StaticFile
from .site import Site
from .urls import SEARCH, SEARCH_FILES, SEARCH_INDEX

INDEX_PATH = SEARCH_INDEX  # the table of pages and words: fetched first
SHARD_DIR = SEARCH_FILES  # the shards, the titles and the texts
PAGE_SRC = SEARCH

# How much a word counts where it is found: the title first, then headings, then the text.
TITLE, HEADING, BODY = 8.0, 3.0, 1.0

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
    """Collects the text of a page's HTML: headings apart, and all of it in reading order.

    html.parser only (a regular-expression twin of it saved about half a second of a
    ten-year archive's 7-8 s build, under the 10% that would pay for two implementations)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._in_heading = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HEADING_TAGS:
            self._in_heading += 1
            self.text.append(" ")
        elif tag in _BLOCK_TAGS:
            self.body.append(" ")
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADING_TAGS and self._in_heading:
            self._in_heading -= 1
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        (self.headings if self._in_heading else self.body).append(data)
        self.text.append(data)


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#[^}]*\})?\s*$", re.M)
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MD_MARKS = re.compile(r"\\(.)|[*_`\[\]]")


@dataclass(frozen=True)
class PageText:
    """What search reads of a page: its headings, the rest (body) and all of it in reading
    order (the text the snippet is cut from)."""

    headings: list[str]
    body: str
    text: str


def _md_heading(m: re.Match[str]) -> str:
    """A Markdown heading as the HTML heading it becomes; the h1 (the title) is left out."""
    if len(m.group(1)) == 1:
        return "\n"
    return f"\n<h2>{html.escape(html.unescape(m.group(2)), quote=False)}</h2>\n"


def page_text(markdown: str) -> PageText:
    """The text of a page's Markdown with HTML blocks, its markup left out."""
    body_md = _MD_LINK_TARGET.sub("]", _FRONT_MATTER.sub("", markdown, count=1))
    if "\\" in body_md:
        body_md = _MD_MARKS.sub(r"\1", body_md)
    else:  # the same without backslash escapes, in a tenth of the time
        for mark in "*_`[]":
            body_md = body_md.replace(mark, "")
    parser = _Text()
    parser.feed(_MD_HEADING.sub(_md_heading, body_md))
    parser.close()
    return PageText(parser.headings, " ".join("".join(parser.body).split()), " ".join("".join(parser.text).split()))


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


# Where a page's year comes from: the first part of its URL (``2568/...``: a fiscal year) or
# the second after ``oit/`` or ``itas/`` (an ITA year). The results page writes the label.
NO_YEAR, FISCAL_YEAR, ITA_YEAR = 0, 1, 2


def _year_of(url: str) -> tuple[int, int]:
    """(kind of year, year) of a page's URL, for the label under its title and the ranking."""
    parts = url.split("/")
    if parts[0].isdigit():
        return FISCAL_YEAR, int(parts[0])
    if parts[0] in ("oit", "itas") and len(parts) > 1 and parts[1].isdigit():
        return ITA_YEAR, int(parts[1])
    return NO_YEAR, 0


_OIT_ITEM_URL = re.compile(r"oit/(\d+)/([a-z]+\d+)/")
_YEAR_IN_TITLE = re.compile(r"(?:พ\.ศ\.\s*)?(?<![0-9])[0-9]{4}(?![0-9])")


def _continuations(site: Site) -> dict[tuple[int, str], tuple[int, str]]:
    """OIT items that continue one item of the previous ITA year one to one (O16 of ITA 2569 is
    O17 of 2568 and O27 of 2567): (year, code) -> (previous year, code), from the catalogues'
    ``previous`` codes. An item made of several, or split into several, starts anew."""
    links: dict[tuple[int, str], tuple[int, str]] = {}
    for year, catalog in site.catalogs.items():
        before = site.catalogs.get(catalog.data.previous_year or year - 1)
        if before is None:
            continue
        continued_by = catalog.continuing
        for item in catalog.items:
            codes = item.previous.codes if item.previous else ()
            if len(codes) == 1 and len(continued_by.get(codes[0], ())) == 1 and before.item(codes[0]):
                links[(year, item.code.lower())] = (before.ita_year, codes[0].lower())
    return links


def group_pages(pages: list[Page], site: Site) -> list[int]:
    """Per page, the number of its group: the same item in other years (an OIT item and the
    items that continue it, a measure of the same title, the report or the issue of the same
    name of each year). The results page shows a group once, its other years beside it.
    A group has at most one page per year; a page with no year is a group of its own."""
    links = _continuations(site)

    def root(year: int, code: str) -> tuple[int, str]:
        while (year, code) in links:
            year, code = links[(year, code)]
        return year, code

    per_year = Counter(p.kind for p in pages if _year_of(p.url)[0] != NO_YEAR)
    years_of_kind: dict[str, set[int]] = {}
    for p in pages:
        years_of_kind.setdefault(p.kind, set()).add(_year_of(p.url)[1])
    groups: list[int] = []
    first: dict[tuple[Any, ...], int] = {}
    taken: set[tuple[int, int]] = set()  # (group, year)
    for n, page in enumerate(pages):
        kind, year = _year_of(page.url)
        oit = _OIT_ITEM_URL.fullmatch(page.url)
        if kind == NO_YEAR:
            key: tuple[Any, ...] = ("page", n)
        elif oit:
            key = ("oit", *root(int(oit.group(1)), oit.group(2)))
        elif per_year[page.kind] == len(years_of_kind[page.kind]):  # one page of this kind a year
            key = (page.kind,)
        else:
            key = (page.kind, _YEAR_IN_TITLE.sub("", normalise(page.title)).replace(" ", ""))
        group = first.setdefault(key, n)
        if (group, year) in taken:  # two pages of one year alike: each is its own result
            group = n
        taken.add((group, year))
        groups.append(group)
    return groups


# The words of the index are cut into shards of about this many bytes, in the order of the
# words: the results page fetches only the shards of the query's words, so what a phone
# downloads for a query stays about the same as the archive grows.
SHARD_BYTES = 24_000


@dataclass(frozen=True)
class Index:
    """The published index.

    ``table`` (``search/th-index.json``, fetched first): ``docs`` per page
    ``[url, kind of year, year, group, length of the title]``, ``words`` (every word,
    sorted), ``shards`` (the position in ``words`` where each shard starts), ``current`` (the
    current fiscal year and its ITA year) and ``version`` (a digest of everything, added to
    the other files' addresses so a browser never mixes two builds).
    ``shards`` (``search/th/<n>.json``): ``w``, per word of the shard in order, the flat list
    ``[page, weight, where, ...]`` (where: two times the part of the page's text where the
    word is first, plus one if the title has it); ``p``, per two words that stand together
    on a page (``"word word"``, filed with the first word), the pages, so that a phrase
    ranks the pages that have it as it stands first (words on more than :data:`COMMON` of
    the pages, การ, ที่, make no pair); ``t``, the same for the titles (all their words).
    ``titles`` (``search/th/titles/<year>.json``): page -> title, per year (0: no year); the
    results page fetches the years of the results it shows.
    ``texts`` (``search/th/text/<page>-<part>.txt``): each page's text in reading order, in
    parts of about :data:`CHUNK` characters, for the snippet around the match."""

    table: dict[str, Any]
    shards: list[dict[str, Any]]
    titles: dict[int, dict[str, str]]
    texts: list[list[str]]

    def files(self) -> list[StaticFile]:
        out = [StaticFile(INDEX_PATH, _json(self.table))]
        out += [StaticFile(f"{SHARD_DIR}/{n}.json", _json(s)) for n, s in enumerate(self.shards)]
        out += [StaticFile(f"{SHARD_DIR}/titles/{y}.json", _json(t)) for y, t in sorted(self.titles.items())]
        out += [
            StaticFile(f"{SHARD_DIR}/text/{n}-{k}.txt", chunk.encode())
            for n, chunks in enumerate(self.texts)
            for k, chunk in enumerate(chunks)
        ]
        return out


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


# A word is also found in the longer words that start with it or contain it (newmm keeps
# การกำกับ whole where a citizen types กำกับ): the longer words' pages are added to its own,
# at a lower weight, when the index is built, so that a query fetches only its words' shards.
STARTS, INSIDE = 0.8, 0.6
COMMON = 0.3  # a word on more than this share of the pages says little (the page ranks it too)
CHUNK = 1200  # characters of a page's text per file: the snippet needs one of them


def _with_longer_words(terms: dict[str, dict[int, int]]) -> dict[str, dict[int, int]]:
    """``terms`` with, under each word of two letters or more, the pages of the longer words
    that start with it (weight x 0.8) or contain it (x 0.6), where that is more than its own."""
    out = {word: dict(pages) for word, pages in terms.items()}
    for longer, pages in terms.items():
        n = len(longer)
        for i in range(n - 1):
            factor = STARTS if i == 0 else INSIDE
            for j in range(i + 2, n + 1 if i else n):  # every shorter word inside it
                found = out.get(longer[i:j])
                if found is None:
                    continue
                for doc, weight in pages.items():
                    w = round(weight * factor)
                    if w > found.get(doc, 0):
                        found[doc] = w
    return out


def _chunks(text: str) -> list[str]:
    """``text`` in pieces of about CHUNK characters, cut at a space where there is one."""
    out = []
    while len(text) > CHUNK:
        cut = text.rfind(" ", CHUNK // 2, CHUNK)
        cut = cut if cut > 0 else CHUNK
        out.append(text[:cut])
        text = text[cut:].lstrip(" ")
    return [*out, text]


def _pairs(words_in_order: list[list[str]], merged: dict[str, dict[int, int]]) -> dict[str, list[int]]:
    """The pages of each pair of neighbouring words, neither of them common."""
    limit = COMMON * len(words_in_order)
    rare = {w for w, pages in merged.items() if len(pages) <= limit}
    found: dict[str, list[int]] = {}
    for n, words in enumerate(words_in_order):
        for pair in sorted({f"{a} {b}" for a, b in itertools.pairwise(words) if a in rare and b in rare}):
            found.setdefault(pair, []).append(n)
    return found


def _shards(
    words: list[str], postings: dict[str, list[int]], pairs: dict[str, list[int]], title_pairs: dict[str, list[int]]
) -> list[dict[str, Any]]:
    """Consecutive words (with the pairs they begin) in shards of about SHARD_BYTES."""
    pairs_of: dict[str, list[tuple[str, dict[str, list[int]]]]] = {}
    for key, found in (("p", pairs), ("t", title_pairs)):
        for pair, docs in found.items():
            pairs_of.setdefault(pair.split(" ", 1)[0], []).append((key, {pair: docs}))
    shards: list[dict[str, Any]] = []
    size = 0
    for word in words:
        own = pairs_of.get(word, [])
        cost = len(word.encode()) + 4 + len(postings[word]) * 3
        cost += sum(len(p.encode()) + 6 + 4 * len(d) for _, one in own for p, d in one.items())
        if not shards or (size and size + cost > SHARD_BYTES):
            shards.append({"w": [], "p": {}, "t": {}})
            size = 0
        shards[-1]["w"].append(postings[word])
        for key, one in own:
            shards[-1][key].update(one)
        size += cost
    return shards


def squeezed(text: str) -> str:
    """A title as the results page compares a query with it: normalised, without spaces or "พ.ศ."."""
    return "".join(normalise(text).replace("พ.ศ.", "").split())


def build_index(pages: list[Page], groups: list[int] | None = None, current: tuple[int, int] = (0, 0)) -> Index:
    """The index of ``pages``; ``groups`` as :func:`group_pages` gives them (default: each page
    alone); ``current`` the current fiscal year and its ITA year, ranked first."""
    docs: list[list[str | int]] = []
    titles: dict[int, dict[str, str]] = {}
    squeezed_titles: list[str] = []
    texts: list[list[str]] = []
    in_order: list[list[str]] = []
    title_pairs: dict[str, list[int]] = {}
    terms: dict[str, dict[int, int]] = {}
    for n, page in enumerate(pages):
        read = page_text(page.markdown)
        kind, year = _year_of(page.url)
        squeezed_titles.append(squeezed(page.title))
        docs.append([page.url, kind, year, groups[n] if groups else n, len(squeezed_titles[-1])])
        titles.setdefault(year, {})[str(n)] = page.title
        texts.append(_chunks(unicodedata.normalize("NFC", read.text)))  # as shown; marks in one order
        title_words = tokens(page.title)
        in_order.append([*title_words, "", *tokens(read.text)])  # "": no pair across the two
        for pair in sorted({f"{a} {b}" for a, b in itertools.pairwise(title_words)}):
            title_pairs.setdefault(pair, []).append(n)
        for word, w in _weights(page.title, read.headings, read.body).items():
            terms.setdefault(word, {})[n] = w
    merged = _with_longer_words(terms)
    searched = [[normalise(c) for c in chunks] for chunks in texts]  # as the results page looks

    def where(word: str, doc: int) -> int:
        """The part of the page's text where ``word`` is first, times two, plus one if the title has it."""
        chunk = next((k for k, c in enumerate(searched[doc]) if word in c), 0)
        return 2 * chunk + (word in squeezed_titles[doc])

    words = sorted(merged)
    postings = {w: [x for doc in sorted(merged[w]) for x in (doc, merged[w][doc], where(w, doc))] for w in words}
    shards = _shards(words, postings, _pairs(in_order, merged), title_pairs)
    starts = list(itertools.accumulate((len(s["w"]) for s in shards[:-1]), initial=0))
    table: dict[str, Any] = {"docs": docs, "words": words, "shards": starts, "current": list(current)}
    digest = hashlib.sha256(_json([table, shards, titles, texts])).hexdigest()[:12]
    return Index({"version": digest, **table}, shards, titles, texts)


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
    """The search page and its index (``search/th-index.json``, ``search/th/``) of ``pages``
    and the hand-written pages of ``docs_dir``."""
    searchable = [p for p in pages if p.kind != "search"]
    if docs_dir and Path(docs_dir).is_dir():
        searchable += hand_written_pages(Path(docs_dir))
    searchable = [p for p in searchable if not excluded(p.markdown)]
    fy = site.current_year
    index = build_index(searchable, group_pages(searchable, site), (fy.year, fy.ita_year) if fy else (0, 0))
    r = Renderer(site)
    page = r.page(PAGE_SRC, "ค้นหา", "search", "search.md.j2", index_file=INDEX_PATH.rsplit("/", 1)[1])
    return Part(pages=(page,), files=tuple(index.files()))
