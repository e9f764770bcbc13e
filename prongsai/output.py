"""Everything a build publishes, computed from a loaded site: one call for any engine.

``generate`` returns the pages, the navigation, extra files (exports such as CSV and
JSON) and warnings for editors. Engines (the MkDocs hook today, a Markdown export
tomorrow) only place these; they decide nothing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from .pages import NavNode, Page, build_pages
from .site import Site


@dataclass(frozen=True)
class StaticFile:
    """A published file that is not a page: ``path`` is relative to the site root."""

    path: str
    content: bytes


@dataclass
class Output:
    pages: list[Page] = field(default_factory=list)
    nav: list[NavNode] = field(default_factory=list)
    files: list[StaticFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # informational lines for the build log


# search last: it indexes the pages the other contributors add
CONTRIBUTORS: tuple[str, ...] = ("itas", "opendata", "guide", "admin", "search")
"""Features that add to the output after the core pages exist (exports, reports ...):
modules of this package, each with ``contribute(site, out, options) -> None``."""


def engine_options(extra: dict[str, Any] | None, *, site_url: str | None, docs_dir: str) -> dict[str, Any]:
    """The options every engine passes to :func:`generate`: ``extra.prongsai`` of the
    project's configuration, plus where the site is published and where its docs are."""
    options: dict[str, Any] = {"docs_dir": docs_dir, **(extra or {})}
    options.setdefault("site_url", site_url or "")
    return options


def generate(site: Site, options: dict[str, Any] | None = None) -> Output:
    """Pages, navigation, files and warnings for ``site``.

    ``options`` come from the engine's configuration (``extra.prongsai`` in mkdocs.yml).
    """
    pages, nav = build_pages(site)
    out = Output(pages=pages, nav=nav)
    for name in CONTRIBUTORS:
        importlib.import_module(f"prongsai.{name}").contribute(site, out, options or {})
    return out
