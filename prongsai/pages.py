"""Generate the site's pages (Markdown with sanitized HTML blocks) and its navigation.

Plain Python over :class:`~prongsai.site.Site`: no MkDocs import. Layouts are Jinja
templates in ``prongsai/templates``; this module only decides which pages of the records
exist, under which path of the URL scheme (``prongsai.urls``), and what each template
receives. Called first by ``prongsai.output.generate``.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import completeness, document, tables, thai
from .completeness import STATE_LABELS, OitStatus
from .crosswalk import crosswalk
from .model import COVERS_LABELS, ORG_TYPES, STATUS_LABELS, Measure, OitItem, ProgressRound
from .parts import NavNode, Page, Part
from .site import Catalog, FiscalYear, Site
from .text import TextRenderer, heading
from .urls import (
    HOME,
    Paths,
    analysis_src,
    assessment_src,
    group_src,
    itas_src,
    limitations_src,
    measure_src,
    measures_doc_src,
    oit_index_src,
    oit_item_src,
    print_src,
    relative_file,
    relative_url,
    report_src,
    year_src,
)

from .types import score_values

NOT_STATED = "ไม่ได้ระบุ"  # where a reader expects a value the document does not state

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Layout:
    """How the theme lays a page out (its front matter): the parts it hides, whether search indexes it."""

    hide: tuple[str, ...] = ()
    searchable: bool = True


READING = Layout()
WIDE_TABLE = Layout(hide=("toc",))  # one wide table per section: give it the room
# a wide sheet: all the width, and no navigation to carry on a page that is already the
# heaviest of its year (issue 6: 40 KB per page)
SHEET = Layout(hide=("navigation", "toc"))
# a whole document on one page, rendered at build time (see urls.print_src): a sheet, exempt
# from the page-weight budget, and its parts are indexed on their own pages
WHOLE_DOCUMENT = Layout(hide=("navigation", "toc"), searchable=False)
LAYOUTS: dict[str, Layout] = {
    "measures_print": WHOLE_DOCUMENT,
    "report_print": WHOLE_DOCUMENT,
    "itas": SHEET,
    "report": WIDE_TABLE,
    "oit_index": WIDE_TABLE,
}
"""The layout of each kind of page; a kind not listed reads as text (:data:`READING`)."""

# Fiscal years shown at the top of the navigation; older ones sit in one archive section,
# so that every page does not carry a link per year of a growing archive (issue 6).
RECENT_YEARS = 3
ARCHIVE_BLOCK = 5


def place(prefix: str, name: str) -> Markup:
    """``place("อำเภอ", "วังทอง")`` -> ``อำเภอวังทอง`` on one line (a place's name is one word to
    the reader; the browser's dictionary cut "นครวารินทร์" as นครวาริ|นทร์); a name already
    prefixed stays as it is."""
    text = name if name.startswith(prefix) else f"{prefix}{name}"
    return Markup('<span class="ps-name">{}</span>').format(text)


def name_html(org: Any) -> Markup:
    """The organisation's name, its proper name kept on one line ("เทศบาลตำบล" may wrap before
    "ห้วยสายธาร", never inside it: the browser's dictionary would cut it as ห้วย|สาย|ธาร)."""
    kind = ORG_TYPES.get(org.type, "")
    name = org.name
    if kind and name.startswith(kind) and len(name) > len(kind):
        return Markup(f'{html.escape(kind)}<wbr><span class="ps-name">{html.escape(name[len(kind):])}</span>')
    return Markup(f'<span class="ps-name">{html.escape(name)}</span>') if len(name) <= 24 else Markup(html.escape(name))


def names_year(text: str, year: int) -> bool:
    """Whether ``text`` writes the year ``year`` (in Thai or Arabic digits)."""
    return str(year) in thai.digits(text, "arabic")


def site_description(site: Site) -> str:
    """What the whole site is, in one Thai sentence: the meta description of hand-written pages."""
    org = site.organization
    return f"ข้อมูลคุณธรรมและความโปร่งใสของ{org.name} จังหวัด{org.province}: มาตรการ รายงานผล และการเปิดเผยข้อมูลสาธารณะ (OIT) ตามการประเมิน ITA"


def page_description(site: Site, title: str) -> str:
    """A generated page's meta description: its title, whose it is, and what the site is."""
    org = site.organization
    if title == org.name:
        return site_description(site)
    return f"{title} ของ{org.name} จังหวัด{org.province}: ข้อมูลคุณธรรมและความโปร่งใสตามการประเมิน ITA"


def instrument(fy: FiscalYear, code: str) -> Any:
    return next((i for i in fy.catalog.data.instruments if i.code == code), None)


def _groupby_subgroup(statuses: list[OitStatus]) -> list[tuple[str, list[OitStatus]]]:
    """Group OIT rows by sub-group, keeping catalogue order."""
    out: dict[str, list[OitStatus]] = {}
    for st in statuses:
        out.setdefault(st.item.subgroup, []).append(st)
    return list(out.items())


# --- the renderer --------------------------------------------------------------------


class Renderer:
    """Everything a template may call, bound to one site and one page at a time."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.n = site.numerals
        self.text = TextRenderer()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            # Markdown heading anchors are written {#id}: Jinja comments use {## ##} instead
            comment_start_string="{##",
            comment_end_string="##}",
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            md=self.text.block,
            md_inline=self.text.inline,
            h=lambda s: Markup(heading(str(s))),
            num=lambda v: thai.digits(v, self.n),
            score=self.score,
            pct=lambda v: thai.format_number(v, self.n) if v is not None else "–",
            date=lambda d: thai.format_date(d, self.n) if d else "",
            groupby_ordered=_groupby_subgroup,
        )
        self.env.globals.update(
            site=site,
            org=site.organization,
            org_type=ORG_TYPES[site.organization.type],
            org_name_html=name_html(site.organization),
            status_label=STATUS_LABELS,
            covers_label=COVERS_LABELS,
            state_label=STATE_LABELS,
            period=self.period,
            not_stated=NOT_STATED,
            score_change=self.score_change,
            question_text=document.question_text,
            part_title=self.part_title,
            question_score=document.question_score,
            doc_targets=self.doc_targets,
            measure_label=document.measure_label,
            document=document,
            round_title=self.round_title,
            unit_names=self.unit_names,
            group_title=self.group_title,
            fy_title=self.fy_title,
            of_year=self.of_year,
            names_year=names_year,
            measures_doc_title=self.measures_doc_title,
            report_title=self.report_title,
            paths=Paths,
            place=place,
            asset=self.asset,
            instrument=instrument,
            oit_years=site.ita_years(),
        )
        self.current_src = HOME

    # helpers exposed to templates -----------------------------------------------------

    def link(self, to_src: str, anchor: str = "") -> str:
        return relative_url(self.current_src, to_src, anchor)

    def asset(self, file: str) -> str:
        """Link from the current page to a file under ``docs/``."""
        return relative_file(self.current_src, file)

    def score(self, written: str | None) -> str:
        """A score as the document wrote it (``91`` stays ``91``, ``๙๔.๒๔ และ ๙๖.๗๐`` stays two),
        in the site's numerals; a score not stated says so."""
        return NOT_STATED if written is None else thai.digits(written, self.n)

    def score_change(self, score: str, previous: str) -> str:
        """`` เพิ่มขึ้น 2.97 คะแนน`` between two single scores, with the decimals they were written with."""
        now, before = score_values(score), score_values(previous)
        if len(now) != 1 or len(before) != 1:
            return ""
        places = max(len(w.partition(".")[2]) for w in (thai.to_arabic_digits(score), thai.to_arabic_digits(previous)))
        diff = now[0] - before[0]
        word = "เพิ่มขึ้น" if diff >= 0 else "ลดลง"
        return f" {word} {thai.format_number(abs(diff), self.n, decimals=places)} คะแนน"

    def part_title(self, fy: FiscalYear, kind: str, default: str) -> str:
        """A part page's title: the document's own heading of that part, else ``default``."""
        found = document.section(fy, kind)
        return found.title if found and found.own else default

    def doc_targets(self, fy: FiscalYear) -> dict[str, str]:
        """Where each section of the document stands on the site, by its anchor and its kind:
        the cover page holds the preface, summary, contents and free sections; each part
        its own page."""
        pages = {
            "assessment": (assessment_src(fy.year), ""),
            "analysis": (analysis_src(fy.year), ""),
            "comparison": (analysis_src(fy.year), "comparison"),
            "limitations": (limitations_src(fy.year), ""),
        }
        if fy.taxonomy.groups:
            pages["measures"] = (group_src(fy, fy.taxonomy.groups[0].key), "")
        out: dict[str, str] = {}
        for s in document.sections(fy):
            src, anchor = pages.get(s.kind, (measures_doc_src(fy.year), s.anchor))
            if s.kind in ("assessment", "analysis", "comparison") and not fy.assessment:
                continue
            out[s.anchor] = out[s.kind] = self.link(src, anchor)
        return out

    def period(self, p: Any) -> str:
        if p is None:
            return NOT_STATED
        dates = thai.format_period(p.start, p.end, self.n)
        if p.text and dates:
            return f"{p.text} ({dates})"
        return p.text or dates

    def round_title(self, r: ProgressRound) -> str:
        return r.title_in(self.n)

    def unit_names(self, fy: FiscalYear, ids: list[str]) -> str:
        units = fy.units
        return ", ".join(units[i].name for i in ids if i in units)

    def group_title(self, fy: FiscalYear, key: str) -> str:
        return fy.taxonomy.group_title(key, self.n)

    def fy_title(self, year: int) -> str:
        return f"ปีงบประมาณ พ.ศ. {thai.digits(year, self.n)}"

    def of_year(self, title: str, year: int) -> str:
        """``title`` with its fiscal year, unless the title (the agency's own) already says it:
        a generated sentence never repeats what the data says ("... พ.ศ. 2569 ปีงบประมาณ พ.ศ. ๒๕๖๙")."""
        if names_year(title, year):
            return title
        return f"{title} {self.fy_title(year)}"

    def measures_doc_title(self, fy: FiscalYear) -> str:
        return fy.info.title or "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"

    def report_title(self, fy: FiscalYear) -> str:
        return fy.info.report_title or "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"

    # page assembly --------------------------------------------------------------------

    def page(
        self,
        src: str,
        title: str,
        kind: str,
        template: str,
        updated: dt.date | None = None,
        layout: Layout | None = None,
        **ctx: Any,
    ) -> Page:
        """A page of ``template``; its layout is ``layout``, or that of its ``kind`` (:data:`LAYOUTS`)."""
        self.current_src = src
        layout = layout or LAYOUTS.get(kind, READING)
        meta: dict[str, Any] = {"title": html.escape(title, quote=False), "kind": kind}  # themes print it as HTML
        meta["numerals"] = self.n  # printed page numbers follow the site's numerals
        # search engines show it under the title (Lighthouse SEO); themes print it raw
        meta["description"] = html.escape(page_description(self.site, title))
        if src == "index.md":
            meta["home"] = True  # the theme prints the home page's title once (every engine reads meta)
        if updated:
            meta["updated"] = thai.format_date(updated, self.n)
        body = tables.label_cells(self.env.get_template(template).render(link=self.link, title=title, **ctx))
        if layout.hide:
            meta["hide"] = list(layout.hide)
        if not layout.searchable:
            meta["search"] = {"exclude": True}
        front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
        return Page(src, title, kind, f"---\n{front}\n---\n\n{body}", updated, templated=True)


def build(site: Site) -> Part:
    """All pages of the records and the navigation tree, newest fiscal year first."""
    pages, nav = build_pages(site)
    return Part(pages=tuple(pages), nav=tuple(nav))


def build_pages(site: Site) -> tuple[list[Page], list[NavNode]]:
    """All pages of the records and the navigation tree, newest fiscal year first."""
    r = Renderer(site)
    pages: list[Page] = []
    nav: list[NavNode] = [NavNode("หน้าแรก", HOME)]
    pages.append(
        r.page(
            HOME,
            site.organization.name,
            "home",
            "home.md.j2",
            current=site.current_year,
            years=site.years_desc(),
            latest=_latest_assessment(site),
            oit_summary={ita: _oit_summary(site, ita) for ita in site.ita_years()},
            updated=max((d for fy in site.years.values() if (d := fy.last_updated())), default=None),
        )
    )
    older: list[tuple[int, NavNode]] = []
    answered: set[int] = set()  # the ITAS answer sheet sits under the first (newest) OIT index of its ITA year
    for n, fy in enumerate(site.years_desc()):
        year_pages, year_nav = _year_pages(r, site, fy, with_itas=fy.ita_year not in answered)
        answered.add(fy.ita_year)
        pages += year_pages
        if n < RECENT_YEARS:
            nav.append(year_nav)
        else:
            older.append((fy.year, year_nav))
    if older:
        nav.append(NavNode("ปีงบประมาณก่อนหน้า", children=tuple(_archive_blocks(r, older))))
    return pages, nav


def _archive_blocks(r: Renderer, older: list[tuple[int, NavNode]]) -> list[NavNode]:
    """Older fiscal years (newest first) in fixed five-year blocks (2560-2564, 2565-2569 ...):
    a year always lands in the same block, and a page of an old year lists a few blocks and
    the years of its own, not every year of a growing archive (issue 6). One block alone:
    the years themselves."""
    blocks = [list(group) for _, group in itertools.groupby(older, key=lambda pair: pair[0] // ARCHIVE_BLOCK)]
    if len(blocks) == 1:
        return [node for _, node in blocks[0]]
    out = []
    for block in blocks:
        newest, oldest = block[0][0], block[-1][0]
        span = thai.digits(oldest, r.n) + (f"–{thai.digits(newest, r.n)}" if newest != oldest else "")
        out.append(NavNode(f"ปีงบประมาณ พ.ศ. {span}", children=tuple(node for _, node in block)))
    return out


def _latest_assessment(site: Site) -> tuple[FiscalYear, Any] | None:
    found = [(fy, fy.assessment.assessment) for fy in site.years.values() if fy.assessment]
    return max(found, key=lambda pair: pair[1].ita_year) if found else None


def _year_pages(r: Renderer, site: Site, fy: FiscalYear, with_itas: bool) -> tuple[list[Page], NavNode]:
    y = fy.year
    updated = fy.last_updated()
    latest = {m.id: fy.latest_progress(m.id) for m in fy.measures}
    common: dict[str, Any] = {"fy": fy, "latest": latest, "updated": updated}
    doc = measures_doc_src(y)
    pages = [
        r.page(year_src(y), r.fy_title(y), "year", "year.md.j2", **common, oit=_oit_summary(site, fy.ita_year)),
        r.page(doc, r.of_year(r.measures_doc_title(fy), y), "measures", "measures_doc.md.j2", **common),
        r.page(report_src(y), r.of_year(fy.info.report_title or "รายงานผลการดำเนินการตามมาตรการ", y), "report", "report.md.j2", **common),
        r.page(assessment_src(y), r.part_title(fy, "assessment", f"ผลการประเมิน ITA ที่นำมาวิเคราะห์ {r.fy_title(y)}"), "assessment", "assessment.md.j2", **common),
        r.page(limitations_src(y), r.part_title(fy, "limitations", f"ข้อจำกัดของหน่วยงาน {r.fy_title(y)}"), "limitations", "limitations.md.j2", **common),
        r.page(print_src(y, "measures"), f"{r.of_year(r.measures_doc_title(fy), y)} (ฉบับเต็ม)", "measures_print", "print_measures.md.j2", **common),
        r.page(print_src(y, "report"), f"{r.of_year(fy.info.report_title or 'รายงานผลการดำเนินการตามมาตรการ', y)} (ฉบับเต็ม)", "report_print", "print_report.md.j2", **common),
    ]
    # the measures document's own parts sit under it: one entry of the year's navigation
    # instead of four on every other page of the year (page weight, issue 6), each under the
    # heading the agency gave it (its number too), the product's label only where it gave none
    doc_parts = [NavNode(r.part_title(fy, "assessment", "ผลการประเมินที่นำมาวิเคราะห์"), assessment_src(y))]
    if fy.assessment:
        pages.append(r.page(analysis_src(y), r.part_title(fy, "analysis", f"การวิเคราะห์ผลการประเมิน {r.fy_title(y)}"), "analysis", "analysis.md.j2", **common))
        doc_parts.append(NavNode(r.part_title(fy, "analysis", "การวิเคราะห์ผลการประเมิน"), analysis_src(y)))
    doc_parts.append(NavNode(r.part_title(fy, "limitations", "ข้อจำกัดของหน่วยงาน"), limitations_src(y)))
    children = [NavNode("มาตรการ (เอกสารฉบับเต็ม)", doc, tuple(doc_parts)), NavNode("รายงานผลการดำเนินการ", report_src(y))]
    for group in fy.taxonomy.groups:
        src = group_src(fy, group.key)
        measures = fy.measures_in(group.key)
        analysis = (
            next((g for g in fy.assessment.analysis.groups if g.group == group.key), None) if fy.assessment else None
        )
        title = r.group_title(fy, group.key)
        pages.append(
            r.page(src, title, "issue", "group.md.j2", **common, group=group, measures=measures, analysis=analysis)
        )
        pages += [_measure_page(r, fy, m, common) for m in measures]
        children.append(NavNode(title, src, tuple(NavNode(m.title, measure_src(y, m.id)) for m in measures)))
    oit_pages, oit_nav = _oit_pages(r, site, fy, with_itas)
    pages += oit_pages
    children.append(oit_nav)
    return pages, NavNode(r.fy_title(y), year_src(y), tuple(children))


def _measure_page(r: Renderer, fy: FiscalYear, m: Measure, common: dict[str, Any]) -> Page:
    return r.page(
        measure_src(fy.year, m.id),
        m.title,
        "measure",
        "measure.md.j2",
        **common,
        m=m,
        progress=fy.progress_of(m.id),
    )


# --- OIT -----------------------------------------------------------------------------


def oit_status(site: Site, catalog: Catalog, item: OitItem) -> OitStatus:
    """Whether an item would score today, and for the two measures items, which year it shows."""
    return completeness.assess(site, catalog, item)


def _oit_summary(site: Site, ita: int) -> dict[str, int]:
    return completeness.summary(completeness.assess_year(site, ita))


def _oit_pages(r: Renderer, site: Site, fy: FiscalYear, with_itas: bool) -> tuple[list[Page], NavNode]:
    catalog = fy.catalog
    ita = catalog.ita_year
    statuses = [oit_status(site, catalog, i) for i in catalog.items]
    updated = fy.last_updated()  # once for the year, not once per item page
    index_title = f"การเปิดเผยข้อมูลสาธารณะ (OIT) ITA {thai.digits(ita, r.n)}"
    pages = [
        r.page(
            oit_index_src(ita),
            index_title,
            "oit_index",
            "oit_index.md.j2",
            fy=fy,
            catalog=catalog,
            statuses=statuses,
            updated=updated,
        )
    ]
    # items sit under their sub-group, as on the OIT index: an item page then carries the
    # few items of its group in the navigation, not every item of the year (page weight)
    subgroups: dict[str, list[NavNode]] = {}
    for st in statuses:
        item = st.item
        related = [m for m in fy.measures if item.code in m.oit_items]
        src = oit_item_src(ita, item.code)
        source = st.source_year
        pages.append(
            r.page(
                src,
                f"{item.code} {item.title}",
                "oit_item",
                "oit_item.md.j2",
                layout=WIDE_TABLE if item.role == "measures_report" else READING,  # the report's status table
                fy=fy,
                catalog=catalog,
                st=st,
                item=item,
                crosswalk=crosswalk(site.catalogs, ita, item.code, r.n),
                disclosure=fy.disclosure(item.code),
                related=related,
                source=source,
                latest={m.id: source.latest_progress(m.id) for m in source.measures} if source else {},
                updated=updated,
            )
        )
        subgroups.setdefault(item.subgroup, []).append(NavNode(f"{item.code} {item.title}", src))
    # the ITAS answer sheet of the ITA year (its page is prongsai.itas's) first
    children = [NavNode(f"แบบตอบ ITAS (ITA {thai.digits(ita, r.n)})", itas_src(ita))] if with_itas else []
    children += [NavNode(title, children=tuple(items)) for title, items in subgroups.items()]
    return pages, NavNode(index_title, oit_index_src(ita), tuple(children))
