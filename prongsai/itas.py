"""The ITAS answer sheet of each ITA year, and the build's report of OIT items that would not score.

For each OIT item the agency gives ITAS (itas.nacc.go.th) the answer มี/ไม่มี, the URL(s)
on its main website and a text telling the assessors where the information is. This
module writes that sheet from the data: a page ``itas/<ITA year>/``, the same rows as
``itas/<ITA year>.csv`` (UTF-8 with BOM, so Excel shows Thai) and ``.json``. URLs are
absolute, made from ``site_url`` (passed in ``options`` by the engine), so they stay right
when the site lives under a sub-path of the municipality's domain; the "where" text
follows the site's real navigation.

The answer is มี only for an item that would score today (:attr:`OitStatus.scores`): an
item with a document that misses an element or is of the wrong year scores 0 as surely as
one with nothing, so its row says ไม่มี, what is missing (the public reasons, never the
editors' file paths) and, in a column of its own, that a document is there.

Options (``extra.prongsai`` in mkdocs.yml): ``gaps`` says what the build does with an item
of the current ITA year that would not score: ``info`` (default: a line in the build log,
the site is still published), ``warn`` (a warning: ``mkdocs build --strict`` stops),
``fail`` (the build stops) or ``off``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from . import completeness, thai
from .completeness import OitStatus
from .errors import DataError, Problem
from .options import GAP_LEVELS, Options
from .pages import Renderer
from .parts import NavNode, Page, Part, StaticFile
from .site import Site
from .urls import (
    HOME,
    absolute,
    itas_csv_path,
    itas_json_path,
    itas_src,
    measures_doc_src,
    oit_item_src,
    print_src,
    report_src,
    staff_itas_src,
    url_of,
)

__all__ = ["GAP_LEVELS", "absolute", "answer_sheet", "build", "site_url_of"]

ANSWER_YES = "มี"
ANSWER_NO = "ไม่มี"

CSV_HEADER = (
    "ข้อ",
    "ชื่อข้อ",
    "คำตอบ (มี/ไม่มี)",
    "มีเอกสารหรือข้อมูลแล้ว",
    "สถานะ",
    "สิ่งที่ยังขาด",
    "URL หน้าข้อมูล",
    "URL เอกสารหลักฐาน",
    "คำอธิบายเพิ่มเติม (ตำแหน่งของข้อมูล)",
)


@dataclass(frozen=True)
class AnswerRow:
    """One OIT item as it is typed into ITAS."""

    code: str
    title: str
    answer: str  # มี (would score today) / ไม่มี
    has_document: bool  # something is published, complete or not
    state: str  # complete / incomplete / stale / missing
    status: str  # the Thai label of the state
    reasons: tuple[str, ...]
    url: str  # the item's page
    evidence: tuple[str, ...]  # documents' own URLs, files on this site, the measures/report pages
    where: str  # where the assessors find it, along the site's navigation


@dataclass(frozen=True)
class ItasAnswerSheet:
    ita_year: int
    organization: str
    site_url: str
    rows: tuple[AnswerRow, ...]
    summary: dict[str, int]

    def csv_bytes(self) -> bytes:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(CSV_HEADER)
        for r in self.rows:
            w.writerow(
                (
                    r.code,
                    r.title,
                    r.answer,
                    ANSWER_YES if r.has_document else ANSWER_NO,
                    r.status,
                    " ".join(r.reasons),
                    r.url,
                    "\n".join(r.evidence),
                    r.where,
                )
            )
        return buf.getvalue().encode("utf-8-sig")

    def json_bytes(self) -> bytes:
        data = {
            "ita_year": self.ita_year,
            "organization": self.organization,
            "site_url": self.site_url,
            "summary": self.summary,
            "items": [asdict(r) for r in self.rows],
        }
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def site_url_of(config: Path) -> str:
    """``site_url`` of mkdocs.yml, read as a line: the file may hold tags only MkDocs resolves."""
    if not config.is_file():
        return ""
    found = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text("utf-8"), re.MULTILINE)
    return found[1] if found else ""


def nav_trails(nav: tuple[NavNode, ...] | list[NavNode]) -> dict[str, list[str]]:
    """For every page in the navigation, the titles from the top down to it (one pass)."""
    trails: dict[str, list[str]] = {}

    def walk(nodes: tuple[NavNode, ...] | list[NavNode], trail: list[str]) -> None:
        for node in nodes:
            here = [*trail, node.title]
            if node.src is not None:
                trails.setdefault(node.src, here)
            walk(node.children, here)

    walk(nav, [])
    return trails


def nav_titles(nav: tuple[NavNode, ...] | list[NavNode], src: str) -> list[str] | None:
    """Titles from the top of the navigation down to the page ``src``."""
    return nav_trails(nav).get(src)


def _plain(text: str) -> str:
    """A Markdown note as one line of plain text for ITAS."""
    text = re.sub(r"[*_`#>]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def answer_sheet(site: Site, ita_year: int, nav: tuple[NavNode, ...] | list[NavNode], site_url: str) -> ItasAnswerSheet:
    statuses = completeness.assess_year(site, ita_year)
    answering = site.year_for_ita(ita_year)
    home = next((n.title for n in nav if n.src == HOME), "หน้าแรก")
    rows = []
    trails = nav_trails(nav)
    for st in statuses:
        item = st.item
        src = oit_item_src(ita_year, item.code)
        titles = trails.get(src) or [f"{item.code} {item.title}"]
        where = f"{home} ({absolute(site_url, '')}) → " + " → ".join(titles)
        disclosure = answering.disclosure(item.code) if answering else None
        evidence: list[str] = []
        if item.role == "measures" and st.source_year and st.published:
            evidence.append(absolute(site_url, url_of(measures_doc_src(st.source_year.year))))
            evidence.append(absolute(site_url, url_of(print_src(st.source_year.year, "measures"))))
            where += " (หน้านี้แสดงคำนำ บทสรุปผู้บริหาร และสารบัญของมาตรการ ทุกส่วนเปิดได้จากสารบัญ และอ่านทั้งฉบับในหน้าเดียวได้ที่ลิงก์ อ่านหรือพิมพ์เอกสารทั้งฉบับในหน้าเดียว)"
        elif item.role == "measures_report" and st.source_year and st.published:
            evidence.append(absolute(site_url, url_of(report_src(st.source_year.year))))
            evidence.append(absolute(site_url, url_of(print_src(st.source_year.year, "report"))))
            where += " (หน้านี้แสดงสถานะของทุกมาตรการในแต่ละรอบ รายละเอียดของแต่ละมาตรการเปิดได้จากตาราง และอ่านทั้งฉบับในหน้าเดียวได้ที่ลิงก์ อ่านหรือพิมพ์รายงานทั้งฉบับในหน้าเดียว)"
        elif st.documents:
            where += " (หัวข้อ เอกสารและลิงก์)"
        for d in disclosure.documents if disclosure else ():
            evidence.append(d.url if d.url else absolute(site_url, d.file or ""))
        if disclosure and disclosure.note:
            where += " " + _plain(disclosure.note)
        rows.append(
            AnswerRow(
                code=item.code,
                title=item.title,
                answer=ANSWER_YES if st.scores else ANSWER_NO,
                has_document=st.published,
                state=st.state,
                status=st.label,
                reasons=st.reasons,
                url=absolute(site_url, url_of(src)),
                evidence=tuple(dict.fromkeys(evidence)),
                where=where,
            )
        )
    return ItasAnswerSheet(ita_year, site.organization.name, site_url, tuple(rows), completeness.summary(statuses))


def gap_message(st: OitStatus, numerals: thai.Numerals) -> str:
    return (
        f"OIT ITA {thai.digits(st.ita_year, numerals)} ข้อ {st.item.code} {st.label}: {st.staff_text} "
        "(this OIT item would not score)"
    )


def _gap_file(site: Site, st: OitStatus) -> str:
    fy = site.year_for_ita(st.ita_year)
    if st.item.role == "measures":
        return fy.measures_place if fy else f"data/years/{st.ita_year}/measures/"
    if st.item.role == "measures_report":
        return f"data/years/{st.required_year}/rounds/"
    return f"data/years/{fy.year if fy else st.ita_year}/disclosures.yml"


def build(site: Site, nav: tuple[NavNode, ...], options: Options) -> Part:
    """The answer sheet of every ITA year (page, CSV, JSON), and the OIT gaps of the current year.

    ``nav`` is the site's navigation (prongsai.pages puts each sheet under its OIT index):
    the sheet's "where" text follows it.
    """
    level = options.gaps
    site_url = options.site_url
    n = site.numerals
    warnings: list[str] = []
    notices: list[str] = []
    if not site_url:
        warnings.append(
            "ยังไม่ได้ตั้ง site_url ใน mkdocs.yml แบบตอบ ITAS จึงไม่มีที่อยู่เว็บแบบเต็ม "
            "ให้ตั้งเป็นที่อยู่ของเว็บไซต์นี้บนเว็บไซต์หลักของหน่วยงาน (site_url is needed for absolute ITAS URLs)"
        )
    r = Renderer(site)
    pages: list[Page] = []
    files: list[StaticFile] = []
    for ita in site.ita_years():
        sheet = answer_sheet(site, ita, nav, site_url)
        src = itas_src(ita)
        title = f"แบบตอบ ITAS การเปิดเผยข้อมูลสาธารณะ (OIT) ITA {thai.digits(ita, n)}"
        csv_path, json_path = itas_csv_path(ita), itas_json_path(ita)
        pages.append(
            r.page(
                src,
                title,
                "itas",
                "itas.md.j2",
                sheet=sheet,
                catalog=site.catalogs[ita],
                csv_path=csv_path,
                json_path=json_path,
                state_labels=completeness.STATE_LABELS,
            )
        )
        files += [StaticFile(csv_path, sheet.csv_bytes()), StaticFile(json_path, sheet.json_bytes())]

    if options.staff_guide:
        pages.append(Page(staff_itas_src(options.staff_guide), STAFF_TITLE, "staff", staff_markdown(site)))

    current = site.current_year
    if current is not None and level != "off" and current.ita_year in site.catalogs:
        gaps = [st for st in completeness.assess_year(site, current.ita_year) if not st.scores]
        if level == "fail" and gaps:
            raise DataError([Problem(_gap_file(site, st), None, st.item.code, gap_message(st, n), "") for st in gaps])
        (warnings if level == "warn" else notices).extend(gap_message(st, n) for st in gaps)
    return Part(pages=tuple(pages), files=tuple(files), warnings=tuple(warnings), notices=tuple(notices))


STAFF_TITLE = "สิ่งที่ต้องแก้ของข้อ OIT แต่ละปี (สำหรับผู้ดูแลข้อมูล)"


def _cell(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def staff_markdown(site: Site) -> str:
    """The staff's view of the answer sheets: each item that would not score, what is missing
    and what to do, in which file and field (kept off the public sheet)."""
    n = site.numerals
    lines = ["---\nsearch:\n  exclude: true\n---\n", f"# {STAFF_TITLE}", ""]
    lines.append(
        "ข้อที่ยังไม่ได้คะแนนถ้าตรวจวันนี้ พร้อมวิธีแก้และไฟล์ที่ต้องแก้ หน้าแบบตอบ ITAS สำหรับประชาชนแสดงเฉพาะสิ่งที่ยังขาด "
        "ผลเดียวกันนี้ดูได้ด้วยคำสั่ง `python -m prongsai itas --year <ปี>`"
    )
    for ita in sorted(site.ita_years(), reverse=True):
        gaps = [st for st in completeness.assess_year(site, ita) if not st.scores]
        lines += ["", f"## ITA {thai.digits(ita, n)}", ""]
        if not gaps:
            lines.append("ครบตามเกณฑ์ทุกข้อ")
            continue
        lines += ["| ข้อ | สถานะ | สิ่งที่ยังขาด | วิธีแก้ |", "|---|---|---|---|"]
        lines += [
            f"| {st.item.code} {_cell(st.item.title)} | {st.label} | {_cell(st.reason)} | {_cell(st.hint)} |" for st in gaps
        ]
    return "\n".join(lines) + "\n"
