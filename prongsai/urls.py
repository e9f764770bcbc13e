"""The URL scheme: where every generated page and file of the site lives. The only place.

URLs are made of years, codes and ids, never list positions, so a URL given to ITAS stays
valid when records are added or reordered (README, "Pages and their URLs"). Every page is
an ``index.md`` in the folder of its URL (a *source path*, as if it were a file under
``docs/``), so the folder of the source and of the URL are one: a relative link means the
same to every engine (MkDocs reads links in HTML from the page's URL, Zensical from the
source file's folder). Files that are not pages (CSV, JSON, the search index) have a path
relative to the site root.
"""

from __future__ import annotations

import functools
import posixpath
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin

if TYPE_CHECKING:
    from .site import FiscalYear

HOME = "index.md"
OPEN_DATA = "open-data/index.md"
SEARCH = "search/index.md"
SEARCH_INDEX = "search/th-index.json"


# --- pages of a fiscal year -----------------------------------------------------------


def year_src(fy: int) -> str:
    return f"{fy}/index.md"


def measures_doc_src(fy: int) -> str:
    return f"{fy}/measures/index.md"


def measure_src(fy: int, measure_id: str) -> str:
    return f"{fy}/measures/{measure_id}/index.md"


def group_src(fy: FiscalYear, key: str) -> str:
    """An issue (``2568/issues/3/``) or an indicator (``2566/indicators/3/``): the year's grouping names the folder."""
    return f"{fy.year}/{fy.taxonomy.key}/{key}/index.md"


def report_src(fy: int) -> str:
    return f"{fy}/report/index.md"


def assessment_src(fy: int) -> str:
    return f"{fy}/assessment/index.md"


def limitations_src(fy: int) -> str:
    return f"{fy}/limitations/index.md"


def analysis_src(fy: int) -> str:
    """Part 2 of the measures document: the overview of the analysis and its comparison table
    (each issue's own analysis stands on the issue's page)."""
    return f"{fy}/analysis/index.md"


def print_src(fy: int, doc: str) -> str:
    """The whole measures document (``doc="measures"``) or progress report (``"report"``) on one
    page for reading straight through and printing: a table of contents whose parts the
    browser fetches from their own pages (overrides/assets/prongsai-print.js), so that no
    page carries a whole document (issue 6: every page under 40 KB of HTML)."""
    return f"{fy}/print/{doc}/index.md"


# --- OIT and ITAS, by ITA year ----------------------------------------------------------


def oit_index_src(ita: int) -> str:
    return f"oit/{ita}/index.md"


def oit_item_src(ita: int, code: str) -> str:
    return f"oit/{ita}/{code.lower()}/index.md"


def itas_src(ita: int) -> str:
    """The ITAS answer sheet of an ITA year (prongsai.itas)."""
    return f"itas/{ita}/index.md"


def itas_csv_path(ita: int) -> str:
    return f"itas/{ita}.csv"


def itas_json_path(ita: int) -> str:
    return f"itas/{ita}.json"


# --- open data, the staff guide ---------------------------------------------------------


def measures_csv_path(fy: int) -> str:
    return f"{fy}/measures.csv"


def measures_json_path(fy: int) -> str:
    return f"{fy}/measures.json"


def progress_csv_path(fy: int) -> str:
    return f"{fy}/progress.csv"


def progress_json_path(fy: int) -> str:
    return f"{fy}/progress.json"


def reference_src(folder: str, file: str | None = None) -> str:
    """The field reference of the editor guide under the staff folder (``staff/reference/``),
    one page per kind of data file (``staff/reference/measures/``)."""
    return f"{folder}/reference/{file}/index.md" if file else f"{folder}/reference/index.md"


# --- from source paths to URLs ----------------------------------------------------------


def url_of(src: str) -> str:
    """Directory URL of a source path: ``2568/measures/m01.md`` -> ``2568/measures/m01/``."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"


def dest_of(rel: str) -> str:
    """Where a file of ``docs/`` lands in the built site (directory URLs, README.md as index)."""
    if not rel.endswith(".md"):
        return rel
    if rel == "README.md" or rel.endswith("/README.md"):
        rel = rel[: -len("README.md")] + "index.md"
    return url_of(rel) + "index.html"


@functools.lru_cache(maxsize=65536)
def relative_url(from_src: str, to_src: str, anchor: str = "") -> str:
    """A pure function of two paths, asked ~10 times per page (posixpath.relpath is slow)."""
    here = url_of(from_src) or "."
    there = url_of(to_src) or "."
    rel = posixpath.relpath(there, here.rstrip("/") or ".")
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def relative_src(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link between two source paths (``../index.md``): the engine turns it into the page's URL."""
    rel = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def relative_file(from_src: str, file: str) -> str:
    """Link from a page to a file relative to the site root (``files/x.pdf``, ``2568/measures.csv``)."""
    here = url_of(from_src).rstrip("/") or "."
    return posixpath.relpath(file, here)


def absolute(site_url: str, path: str) -> str:
    """``https://www.town.go.th/ita/`` + ``oit/2568/o1/`` (non-ASCII percent-encoded)."""
    rel = quote(path, safe="/#?=&")
    if not site_url:
        return "/" + rel
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", rel)


class Paths:
    """Source paths of generated pages, for templates (``paths.measure(fy.year, m.id)``)."""

    year = staticmethod(year_src)
    measures_doc = staticmethod(measures_doc_src)
    measure = staticmethod(measure_src)
    group = staticmethod(group_src)
    report = staticmethod(report_src)
    assessment = staticmethod(assessment_src)
    limitations = staticmethod(limitations_src)
    analysis = staticmethod(analysis_src)
    print = staticmethod(print_src)
    oit_index = staticmethod(oit_index_src)
    oit_item = staticmethod(oit_item_src)
    itas = staticmethod(itas_src)
    itas_csv = staticmethod(itas_csv_path)
    itas_json = staticmethod(itas_json_path)
    measures_csv = staticmethod(measures_csv_path)
    measures_json = staticmethod(measures_json_path)
    progress_csv = staticmethod(progress_csv_path)
    progress_json = staticmethod(progress_json_path)
