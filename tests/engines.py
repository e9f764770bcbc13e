"""What a reader gets from a built site, engine-neutral: used to compare MkDocs, ProperDocs and Zensical.

A page is reduced to what citizens read and follow: its ``<title>``, the text of its
``<article>`` (whitespace collapsed, heading permalinks left out), the links in the
article and in the main navigation (resolved to site paths), and whether the table of
contents is hidden. Everything else (scripts, class names, asset hashes) may differ.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class PageView:
    title: str
    text: str
    links: tuple[tuple[str, str], ...]
    nav: tuple[tuple[str, str], ...]
    toc_hidden: bool


class _Reader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, str]] = []
        self.title = ""
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.nav: list[tuple[str, str]] = []
        self.toc_hidden = False
        self._link: tuple[bool, str, list[str]] | None = None
        self._skip_depth = 0  # inside a heading's permalink

    def _inside(self, tag: str, cls: str = "") -> bool:
        return (
            any(t == tag and cls in c.split() for t, c in self.stack) if cls else any(t == tag for t, _ in self.stack)
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        cls = a.get("class", "")
        if a.get("data-md-type") == "toc" and "hidden" in a:
            self.toc_hidden = True
        if tag in _VOID:
            return
        self.stack.append((tag, cls))
        if tag == "a" and "headerlink" in cls.split():
            self._skip_depth = len(self.stack)
        elif tag == "a" and "href" in a:
            in_nav = self._inside("nav", "md-nav--primary")
            if in_nav or self._inside("article"):
                self._link = (in_nav, _resolve(self.page, a["href"]), [])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "a" and self._link is not None:
            in_nav, href, parts = self._link
            (self.nav if in_nav else self.links).append((" ".join("".join(parts).split()), href))
            self._link = None
        while self.stack:
            depth = len(self.stack)
            t, _ = self.stack.pop()
            if depth == self._skip_depth:
                self._skip_depth = 0
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._inside("title") and not self._inside("body"):
            self.title += data
        if self._skip_depth:
            return
        if self._link is not None:
            self._link[2].append(data)
        if self._inside("article"):
            self.text.append(data)


def _resolve(page: str, href: str) -> str:
    if href.startswith(("http:", "https:", "mailto:", "tel:", "data:")):
        return href
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page, path)) if path else page
    return target + (f"#{fragment}" if fragment else "")


def read_site(site: Path) -> dict[str, PageView]:
    """Every page of a built site (``index.html`` files), keyed by its directory URL (``""`` is home)."""
    views: dict[str, PageView] = {}
    for file in sorted(site.rglob("index.html")):
        url = file.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        r = _Reader(url or ".")
        r.feed(file.read_text("utf-8"))
        views[url] = PageView(
            title=" ".join(r.title.split()),
            text=" ".join("".join(r.text).split()),
            links=tuple(r.links),
            nav=tuple(r.nav),
            toc_hidden=r.toc_hidden,
        )
    return views


def differences(reference: dict[str, PageView], other: dict[str, PageView], name: str) -> list[str]:
    """What a reader would notice between two builds, one line each (empty when they agree)."""
    out = [f"{name}: missing page /{u}" for u in sorted(set(reference) - set(other))]
    out += [f"{name}: extra page /{u}" for u in sorted(set(other) - set(reference))]
    for url in sorted(set(reference) & set(other)):
        a, b = reference[url], other[url]
        if a.title != b.title:
            out.append(f"{name}: /{url}: title {a.title!r} != {b.title!r}")
        if a.text != b.text:
            i = next(
                (i for i, (x, y) in enumerate(zip(a.text, b.text, strict=False)) if x != y),
                min(len(a.text), len(b.text)),
            )
            out.append(
                f"{name}: /{url}: text differs at {i}: {a.text[max(0, i - 40) : i + 40]!r} != {b.text[max(0, i - 40) : i + 40]!r}"
            )
        for label, x, y in (("links", a.links, b.links), ("navigation", a.nav, b.nav)):
            if x != y:
                missing = [e for e in x if e not in y][:3]
                extra = [e for e in y if e not in x][:3]
                out.append(f"{name}: /{url}: {label} differ: missing {missing}, extra {extra}")
        if a.toc_hidden != b.toc_hidden:
            out.append(
                f"{name}: /{url}: table of contents {'hidden' if a.toc_hidden else 'shown'} != {'hidden' if b.toc_hidden else 'shown'}"
            )
    return out
