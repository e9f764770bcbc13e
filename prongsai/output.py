"""Everything a build publishes, computed from a loaded site: one call for any engine.

``generate(site, options)`` calls the builders in the order written below and returns one
frozen :class:`Output`: the pages, the extra files (CSV, JSON, the search index), the
navigation, the notices and warnings for editors, and the :class:`SiteConfig` every
engine applies (the MkDocs hook in ``prongsai_mkdocs``, ``export-markdown`` in
``prongsai.export``). Engines only place these; they decide nothing. No builder edits
another's output: each returns a :class:`Part`, and this module puts the parts together.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import admin, guide, itas, opendata, pages, search
from .options import Options
from .parts import NavNode, Page, Part, StaticFile
from .site import Site

__all__ = ["Output", "Part", "SiteConfig", "StaticFile", "generate"]


@dataclass(frozen=True)
class SiteConfig:
    """The settings of the engine's configuration that come from the data, as the engine wants them.

    Themes print ``site_name`` and ``copyright`` as raw HTML (in the header, ``<title>``,
    attributes and the footer), so the organisation's name is HTML-escaped here, once, for
    every engine.
    """

    site_name: str
    copyright: str  # used when the project's configuration sets none
    description: str  # the meta description of pages that set none (hand-written ones)
    nav: tuple[NavNode, ...]  # the generated navigation, before the project's own entries
    not_in_nav: tuple[str, ...]  # generated pages deliberately outside the navigation (search results)

    def settings(self, project: Mapping[str, Any]) -> dict[str, Any]:
        """``site_name``, ``copyright`` and ``nav`` to set in the project's configuration ``project``."""
        return {
            "site_name": self.site_name,
            "copyright": project.get("copyright") or self.copyright,
            "site_description": project.get("site_description") or self.description,
            "nav": [node.to_mkdocs() for node in self.nav] + list(project.get("nav") or []),
        }

    def not_in_nav_patterns(self, project: Mapping[str, Any]) -> str:
        """The project's ``not_in_nav`` gitignore-style patterns followed by the generated pages out of the navigation."""
        patterns = [line for line in str(project.get("not_in_nav") or "").splitlines() if line.strip()]
        return "\n".join(patterns + ["/" + src for src in self.not_in_nav]) + "\n"


@dataclass(frozen=True)
class Output:
    pages: tuple[Page, ...]
    files: tuple[StaticFile, ...]
    nav: tuple[NavNode, ...]
    warnings: tuple[str, ...]
    notices: tuple[str, ...]  # informational lines for the build log
    config: SiteConfig

    @classmethod
    def of(cls, site: Site, parts: Iterable[Part]) -> Output:
        """The parts put together in their order (pages, files, top-level navigation entries)."""
        parts = list(parts)
        nav = tuple(node for part in parts for node in part.nav)
        all_pages = tuple(p for part in parts for p in part.pages)
        in_nav = {src for node in nav for src in node.sources()}
        name = html.escape(site.organization.name)
        return cls(
            pages=all_pages,
            files=tuple(f for part in parts for f in part.files),
            nav=nav,
            warnings=tuple(w for part in parts for w in part.warnings),
            notices=tuple(n for part in parts for n in part.notices),
            config=SiteConfig(
                name,
                name,
                html.escape(pages.site_description(site)),
                nav,
                tuple(sorted(p.src for p in all_pages if p.src not in in_nav)),
            ),
        )


def generate(site: Site, options: Options | None = None) -> Output:
    """Pages, files, navigation, notices and the engine's settings for ``site``.

    ``options`` come from the engine's configuration (:meth:`Options.from_config` of
    ``extra.prongsai`` in mkdocs.yml).
    """
    options = options or Options()
    core = pages.build(site)  # home, fiscal years, documents, issues, measures, OIT items; the navigation
    answers = itas.build(site, core.nav, options)  # ITAS answer sheets: their "where" text follows the navigation
    open_data = opendata.build(site)  # CSV and JSON per fiscal year, the field dictionary
    reference = guide.build(site, options.staff_guide)  # the editor guide's field reference
    editors_forms = admin.build(site, options)  # the editors' forms at /admin/ (files only, no page)
    parts = [core, answers, open_data, reference, editors_forms]
    # last: the search index covers the pages above and the hand-written ones
    found = search.build(site, [p for part in parts for p in part.pages], options.docs_dir)
    return Output.of(site, [*parts, found])
