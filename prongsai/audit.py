"""Nothing dropped: every record of the data, and every text field in it, must be on
the built site, on the page where a reader would look for it.

The audit walks the validated records (the loader has already refused unknown files
and unknown keys, so nothing in ``data/`` escapes them) and, for every field, derives
the text a reader should see: user text as rendered (Markdown removed), dates in the
Buddhist era, numbers with the site's numerals, statuses by their Thai label, links
by their address. It then looks for each piece in the page's visible text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import thai
from .model import ORG_TYPES, STATUS_LABELS
from .urls import (
    HOME,
    analysis_src,
    assessment_src,
    group_src,
    limitations_src,
    measure_src,
    measures_doc_src,
    oit_item_src,
    report_src,
    url_of,
    year_src,
)
from .site import Site
from .text import TextRenderer

# Fields that are keys into other records (checked through the page that exists for
# them, or the name they resolve to), settings, or catalogue provenance.
_KEYS = {"id", "measure", "group", "item", "grouping", "key", "responsible", "numerals", "current_fiscal_year"}
_PROVENANCE = {"confidence", "source", "name_en", "weight", "previous", "min", "rule", "role", "covers"}
_TWO_DECIMALS = {"score", "previous_score"}


@dataclass(frozen=True)
class Missing:
    file: str
    path: str
    expected: str
    page: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: ไม่พบ “{self.expected}” ในหน้า {self.page} (not on the built page)"


class _Pages:
    """Visible text of built pages, read once each."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._text: dict[str, str] = {}
        self._html: dict[str, str] = {}

    def html(self, src: str) -> str:
        if src not in self._html:
            path = self.site_dir / url_of(src) / "index.html"
            self._html[src] = path.read_text("utf-8") if path.is_file() else ""
        return self._html[src]

    def text(self, src: str) -> str:
        if src not in self._text:
            self._text[src] = visible_text(self.html(src))
        return self._text[src]


def visible_text(page_html: str) -> str:
    body = re.search(r"<article[^>]*>(.*)</article>", page_html, re.S)
    fragment = body.group(1) if body else page_html
    fragment = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", fragment, flags=re.S)
    return _norm(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Expect:
    def __init__(self, numerals: thai.Numerals) -> None:
        self.n = numerals
        self.text = TextRenderer()

    def pieces(self, name: str, value: Any) -> list[str]:
        """What a reader must find on the page for field ``name`` holding ``value``."""
        if value is None or name in _KEYS or name in _PROVENANCE:
            return []
        if isinstance(value, dt.date):
            return [thai.format_date(value, self.n)]
        if isinstance(value, bool):
            return []
        if name == "elements" and isinstance(value, int):  # a document's element numbers, shown as chips
            return [f"องค์ประกอบที่ {thai.digits(value, self.n)}"]
        if isinstance(value, (int, float)):
            if name.endswith("year"):
                return [thai.digits(value, self.n)]
            if name in _TWO_DECIMALS:
                return [thai.format_number(value, self.n, decimals=2)]
            return [thai.format_number(value, self.n)]
        if name == "status":
            return [STATUS_LABELS[value]]
        if name == "kind":
            return []  # shown through the round's title (checked by the caller)
        if name == "type":
            return [ORG_TYPES[value]]
        if name in ("url", "website"):
            return [f'href="{html.escape(value)}"']
        if name == "file":
            return []  # checked as a file in the site
        rendered = re.sub(r"<[^>]+>", "\n", str(self.text.block(value)))
        return [p for p in (_norm(html.unescape(line)) for line in rendered.split("\n")) if p]


def _walk(record: BaseModel, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, field name, value) for every leaf of a record."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        here = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from _walk(value, here)
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, f"{here}[{i}]")
                else:
                    yield here + f"[{i}]", name, item
        else:
            yield here, name, value


def audit_site(site: Site, site_dir: Path) -> list[Missing]:
    """Every piece of every record that cannot be found where it belongs."""
    pages = _Pages(site_dir)
    expect = _Expect(site.numerals)
    missing: list[Missing] = []

    def check(file: str, record: BaseModel, srcs: list[str], prefix: str = "") -> None:
        text = " ".join(pages.text(s) for s in srcs)
        raw = " ".join(pages.html(s) for s in srcs)
        for path, name, value in _walk(record, prefix):
            if isinstance(value, str) and name not in _KEYS and _norm(value) in text:
                continue  # shown exactly as typed (titles and labels are escaped, not rendered)
            for piece in expect.pieces(name, value):
                haystack = raw if piece.startswith("href=") else text
                if piece not in haystack:
                    missing.append(Missing(file, path, piece, ", ".join("/" + url_of(s) for s in srcs)))
            if name == "file" and value and not (site_dir / value).is_file():
                missing.append(Missing(file, path, value, "(ไฟล์แนบ)"))

    check("data/organization.yml", site.organization, [HOME])
    for fy in site.years.values():
        y = fy.year
        base = f"data/years/{y}"
        check(f"{base}/year.yml", fy.info, [measures_doc_src(y), year_src(y), limitations_src(y)])
        if fy.assessment:
            # scores on the assessment page, the overview on the analysis page, each issue's
            # analysis on the page (parts of the measures document, see pages.print_src)
            groups = [group_src(fy, g.key) for g in fy.taxonomy.groups]
            check(f"{base}/assessment.yml", fy.assessment, [assessment_src(y), analysis_src(y), *groups])
        for i, m in enumerate(fy.measures):
            src = measure_src(y, m.id)
            check(f"{base}/measures.yml", m, [src], f"measures[{i}]")
            for unit in m.responsible:
                if fy.units[unit].name not in pages.text(src):
                    missing.append(Missing(f"{base}/measures.yml", f"measures[{i}].responsible", fy.units[unit].name, src))
        for rnd in fy.rounds:
            # the round's own text on the report; each entry's on its measure's page (below)
            check(f"{base}/rounds/{rnd.id}", rnd, [report_src(y), *(measure_src(y, e.measure) for e in rnd.entries)])
            title = rnd.title_in(site.numerals)
            for e in rnd.entries:
                check(f"{base}/rounds/{rnd.id}", e, [measure_src(y, e.measure)], f"entries[{e.measure}]")
                if title not in pages.text(measure_src(y, e.measure)):
                    missing.append(Missing(f"{base}/rounds/{rnd.id}", "title", title, measure_src(y, e.measure)))
        for d in fy.disclosures:
            check(f"{base}/disclosures.yml", d, [oit_item_src(fy.ita_year, d.item)], f"disclosures[{d.item}]")
    for ita in site.ita_years():
        for item in site.catalogs[ita].items:
            check(f"data/catalog/ita-{ita}.yml", item, [oit_item_src(ita, item.code)], f"items[{item.code}]")
    return missing


EXPORT_AUDITS: tuple[Callable[[Site, Path], list[Missing]], ...] = ()
"""The checks of published exports that hold records elsewhere than on the pages: each
``(site, site_dir) -> list[Missing]`` checks its own files in ``site_dir``. Listed here, by
name: ``python -m prongsai audit`` and the tests then run it with no other change."""


def audit_all(site: Site, site_dir: Path) -> list[Missing]:
    """The pages' audit, then each published export's (:data:`EXPORT_AUDITS`)."""
    missing = audit_site(site, site_dir)
    for check in EXPORT_AUDITS:
        missing += check(site, site_dir)
    return missing
