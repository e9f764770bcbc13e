"""What the builders of a site return: pages, files, navigation entries, notices. All frozen.

Each builder (``pages``, ``itas``, ``opendata``, ``guide``, ``search``) returns a
:class:`Part`; :func:`prongsai.output.generate` puts them together in a visible order.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from .urls import url_of


@dataclass(frozen=True)
class Page:
    """One generated page: ``src`` is its path as if it were a file under ``docs/`` (prongsai.urls)."""

    src: str
    title: str
    kind: str
    markdown: str
    updated: dt.date | None = None  # the newest date in the page's data (the sitemap's lastmod)
    templated: bool = False  # made by Renderer.page: the Markdown subset of templates (headings, HTML blocks)

    @property
    def url(self) -> str:
        return url_of(self.src)


@dataclass(frozen=True)
class NavNode:
    title: str
    src: str | None = None  # a page, or the index page of a section
    children: tuple[NavNode, ...] = ()

    def to_mkdocs(self) -> Any:
        """The node in ``mkdocs.yml`` ``nav`` form.

        Themes print nav titles as HTML (they expect titles taken from rendered
        headings), so a title from YAML is HTML-escaped here.
        """
        title = html.escape(self.title, quote=False)
        if not self.children:
            return {title: self.src}
        inner: list[Any] = [self.src] if self.src else []
        inner += [c.to_mkdocs() for c in self.children]
        return {title: inner}

    def sources(self) -> list[str]:
        """Source paths of this node and all below it."""
        return ([self.src] if self.src else []) + [s for c in self.children for s in c.sources()]


@dataclass(frozen=True)
class StaticFile:
    """A published file that is not a page: ``path`` is relative to the site root."""

    path: str
    content: bytes


@dataclass(frozen=True)
class Part:
    """What one builder adds to the site. ``nav``: its top-level navigation entries, after the earlier parts'."""

    pages: tuple[Page, ...] = ()
    files: tuple[StaticFile, ...] = ()
    nav: tuple[NavNode, ...] = ()
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
