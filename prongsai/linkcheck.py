"""Nothing broken: every link and anchor inside the built site leads somewhere.

Works on the build output (any engine's): each HTML page is parsed once for its ids and
its links (``a``/``link`` href, ``script``/``img``/``source``/``iframe`` src), plus the
sitemap's addresses. A link inside the site must reach a file of the site (a folder means
its ``index.html``) and, with ``#anchor``, an element of that page with that id. Links to
other sites are collected for :func:`check_external`, which needs the network and is run
apart from the build (a remote server being down must not stop a municipality publishing).
"""

from __future__ import annotations

import posixpath
import re
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
_IGNORED_SCHEMES = ("mailto:", "tel:", "data:")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page's path in the site, e.g. 2568/measures/m01/index.html
    target: str  # the link as written
    reason: str  # Thai, with an English gloss

    def __str__(self) -> str:
        return f"{self.page}: {self.target}: {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(str(values[key]))
        attr = _LINK_ATTRS.get(tag)
        if attr and values.get(attr) is not None:
            self.links.append(str(values[attr]))


@dataclass
class SiteLinks:
    """The ids and links of every page of a built site."""

    site_dir: Path
    prefix: str  # the path of the site on its server, e.g. /ita/
    base_url: str  # site_url, e.g. https://www.saithan.example/ita/
    ids: dict[str, set[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)

    def page_ids(self, rel: str) -> set[str] | None:
        if rel not in self.ids:
            path = self.site_dir / rel
            if not path.is_file():
                return None
            parser = _PageParser()
            parser.feed(path.read_text("utf-8", errors="replace"))
            self.ids[rel] = parser.ids
            self.links[rel] = parser.links
        return self.ids[rel]


def site_url_of(site_dir: Path) -> str:
    """The address the site is built for, from the home page's canonical link ('' if none)."""
    home = site_dir / "index.html"
    if home.is_file():
        m = re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text("utf-8", errors="replace"))
        if m:
            return m.group(1)
    return ""


def _load(site_dir: Path, site_url: str | None) -> SiteLinks:
    base = site_url if site_url is not None else site_url_of(site_dir)
    prefix = urlsplit(base).path or "/"
    site = SiteLinks(site_dir, prefix if prefix.endswith("/") else prefix + "/", base)
    for path in sorted(site_dir.rglob("*.html")):
        site.page_ids(path.relative_to(site_dir).as_posix())
    return site


def _resolve(site: SiteLinks, page: str, target: str) -> tuple[str | None, str, str | None]:
    """(file in the site or None, fragment, reason when it cannot be in the site)."""
    parts = urlsplit(target)
    fragment = unquote(parts.fragment)
    if parts.scheme or parts.netloc:
        return None, fragment, None  # handled by the caller
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(site.prefix) and path + "/" != site.prefix:
            return None, fragment, f"ชี้ออกนอกเว็บไซต์ (นอก {site.prefix}) (root-relative link outside the site)"
        joined = path[len(site.prefix) :]
    elif path == "":
        return page, fragment, None
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    normal = posixpath.normpath(joined) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return None, fragment, "ชี้ออกนอกโฟลเดอร์ของเว็บไซต์ (link above the site root)"
    if normal == ".":
        normal = ""
    candidate = site.site_dir / normal
    if candidate.is_dir():
        normal = posixpath.join(normal, "index.html") if normal else "index.html"
    return normal, fragment, None


def check_site(site_dir: Path, site_url: str | None = None) -> list[BrokenLink]:
    """Every broken internal link or anchor of the built site in ``site_dir``."""
    site = _load(site_dir, site_url)
    broken: list[BrokenLink] = []
    for page in sorted(site.links):
        for target in dict.fromkeys(site.links[page]):
            broken += _check_one(site, page, target)
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text("utf-8")):
            broken += _check_one(site, "sitemap.xml", loc)
    return broken


def _check_one(site: SiteLinks, page: str, written: str) -> list[BrokenLink]:
    target = written.strip()
    if not target or target == "#" or target.lower().startswith(_IGNORED_SCHEMES):
        return []
    if target.lower().startswith("javascript:"):
        return [BrokenLink(page, written, "ลิงก์แบบ javascript: ใช้ไม่ได้ (script link)")]
    if urlsplit(target).scheme in ("http", "https"):
        if site.base_url and target.startswith(site.base_url):
            target = site.prefix + target[len(site.base_url) :].lstrip("/")
        else:
            return []  # another site: check_external
    rel, fragment, reason = _resolve(site, page, target)
    if reason:
        return [BrokenLink(page, written, reason)]
    assert rel is not None
    if not (site.site_dir / rel).is_file():
        return [BrokenLink(page, written, f"ไม่พบหน้าหรือไฟล์ {rel} ในเว็บไซต์ที่สร้าง (target not found)")]
    if fragment and rel.endswith(".html"):
        ids = site.page_ids(rel) or set()
        if fragment not in ids:
            return [BrokenLink(page, written, f"ไม่พบตำแหน่ง #{fragment} ในหน้า {rel} (anchor not found)")]
    return []


# --- other sites ----------------------------------------------------------------------


def external_links(site_dir: Path, site_url: str | None = None) -> dict[str, list[str]]:
    """Links to other sites: address -> pages that carry it."""
    site = _load(site_dir, site_url)
    found: dict[str, list[str]] = {}
    for page in sorted(site.links):
        for target in dict.fromkeys(site.links[page]):
            if urlsplit(target).scheme not in ("http", "https"):
                continue
            if site.base_url and target.startswith(site.base_url):
                continue
            found.setdefault(target, []).append(page)
    return found


@dataclass(frozen=True)
class ExternalResult:
    url: str
    ok: bool
    detail: str  # the HTTP status or the error


def _fetch(url: str, timeout: float) -> ExternalResult:
    headers = {"User-Agent": "prongsai-linkcheck/1 (+ITA disclosures site)"}
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method=method, headers=headers), timeout=timeout) as r:
                return ExternalResult(url, True, str(r.status))
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return ExternalResult(url, False, f"HTTP {exc.code}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return ExternalResult(url, False, str(reason))
    return ExternalResult(url, False, "no answer")


def check_external(urls: Iterable[str], timeout: float = 10.0, workers: int = 4) -> list[ExternalResult]:
    """Ask each address once (a few at a time); the order of ``urls`` is kept."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda u: _fetch(u, timeout), list(urls)))
