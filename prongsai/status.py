"""What is missing or late in a fiscal year's records, for editors and pull-request comments.

Covers the year-level records, the progress rounds and the measures. For OIT it only
lists items with no disclosure at all: whether a disclosure is complete (its elements,
the year it covers) is the ITAS completeness report's job, not repeated here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .model import STATUS_LABELS
from .completeness import assess_year
from .site import FiscalYear, Site
from .thai import FiscalYearSpan, fiscal_year_of, format_date

FINISHED = ("completed", "cancelled")


@dataclass
class Section:
    title: str
    items: list[str] = field(default_factory=list)


@dataclass
class Status:
    year: int
    today: dt.date
    notes: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(s.items) for s in self.sections)


def _d(day: dt.date) -> str:
    return format_date(day, "arabic")


def year_status(site: Site, today: dt.date, year: int | None = None) -> Status | None:
    """The status of ``year`` (default: the fiscal year of ``today`` if it has data, else the newest)."""
    calendar_year = fiscal_year_of(today)
    fy = site.years.get(year or calendar_year) or (site.current_year if year is None else None)
    if fy is None:
        return None
    out = Status(fy.year, today)
    if year is None and calendar_year not in site.years and calendar_year > max(site.years):
        extra = "" if calendar_year in site.catalogs else " --provisional-catalog"
        out.notes.append(
            f"วันนี้ ({_d(today)}) อยู่ในปีงบประมาณ {calendar_year} แต่ยังไม่มีข้อมูลของปีนี้ "
            f"ให้เริ่มปีใหม่ด้วยคำสั่ง python -m prongsai new-year {calendar_year}{extra} (รายการด้านล่างเป็นของปี {fy.year})"
        )
    if (mark := fy.catalog.data.provisional) is not None:
        out.notes.append(
            f"รายการ OIT ของปี ITA {fy.ita_year} เป็นฉบับชั่วคราว (คัดลอกจาก ITA {mark.made_from}) "
            f"ให้ตรวจกับคู่มือ ITA {fy.ita_year} แล้วลบหัวข้อ provisional ใน data/catalog/ita-{fy.ita_year}.yml"
        )
    out.sections = [_year_records(fy), _rounds(fy, today), _measures(fy, today), _oit(site, fy)]
    return out


def _year_records(fy: FiscalYear) -> Section:
    s = Section("ข้อมูลหลักของปี")
    if fy.assessment is None:
        s.items.append(f"ยังไม่มีผลการประเมินที่นำมาวิเคราะห์ (data/years/{fy.year}/assessment.yml)")
    if not fy.measures:
        s.items.append(f"ยังไม่มีมาตรการ ({fy.measures_place}) เพิ่มด้วยคำสั่ง new-measure")
    if fy.info.announcement is None:
        s.items.append("ยังไม่ได้บันทึกการประกาศใช้มาตรการ (announcement ใน year.yml)")
    for key, label in (("preface", "คำนำ"), ("summary", "บทสรุปผู้บริหาร")):
        if getattr(fy.info, key) is None:
            s.items.append(f"ยังไม่มี{label} ({key} ใน year.yml)")
    return s


def _rounds(fy: FiscalYear, today: dt.date) -> Section:
    s = Section("รายงานผลการดำเนินการ")
    span = FiscalYearSpan(fy.year)
    half = dt.date(span.end.year, 3, 31)
    due = [("six_month", "รอบ 6 เดือน", half, "6"), ("twelve_month", "รอบ 12 เดือน", span.end, "12")]
    for kind, label, end, arg in due:
        if today > end and not any(r.kind == kind or r.period.end == end for r in fy.rounds):
            s.items.append(
                f"ยังไม่มีรายงาน{label} (สิ้นสุด {_d(end)}) สร้างด้วยคำสั่ง python -m prongsai new-round {arg} --year {fy.year}"
            )
    if fy.rounds:
        latest = fy.rounds[-1]
        reported = {e.measure for e in latest.entries}
        for m in fy.measures:
            if m.id not in reported:
                s.items.append(f"มาตรการ {m.id} {m.title}: ไม่มีผลการดำเนินการในรอบล่าสุด ({latest.id})")
        for e in latest.entries:
            if e.status == "completed" and not e.evidence:
                s.items.append(f"มาตรการ {e.measure}: รายงานว่าแล้วเสร็จในรอบ {latest.id} แต่ยังไม่มีหลักฐาน (evidence)")
    return s


def _measures(fy: FiscalYear, today: dt.date) -> Section:
    s = Section("มาตรการที่ต้องติดตาม")
    for m in fy.measures:
        latest = fy.latest_progress(m.id)
        status = latest[1].status if latest else None
        if status == "delayed":
            s.items.append(f"มาตรการ {m.id} {m.title}: {STATUS_LABELS['delayed']} (รอบ {latest[0].id})")  # type: ignore[index]
        elif m.period and m.period.end and m.period.end < today and status not in FINISHED:
            now = STATUS_LABELS[status] if status else ("ไม่ได้ระบุสถานะ" if latest else "ยังไม่เคยรายงานผล")
            s.items.append(f"มาตรการ {m.id} {m.title}: สิ้นสุดระยะเวลา {_d(m.period.end)} แล้ว แต่สถานะล่าสุดคือ {now}")
    return s


def _oit(site: Site, fy: FiscalYear) -> Section:
    """Items of this year's ITA that would not score today, with the completeness check's reason."""
    s = Section(f"การเปิดเผยข้อมูล OIT (ITA {fy.ita_year})")
    for st in assess_year(site, fy.ita_year):
        if not st.scores:
            s.items.append(f"{st.item.code} {st.item.title}: {st.label} {st.staff_text}".rstrip())
    return s


IMPORT_REPORT = "import-report.md"
TODO = "- [ ] "


def import_items(year_dir: Path) -> Section | None:
    """What an import from Word left for the editor: the unticked items of the year's import report."""
    path = year_dir / IMPORT_REPORT
    if not path.is_file():
        return None
    items = [line[len(TODO) :] for line in path.read_text("utf-8").splitlines() if line.startswith(TODO)]
    rel = path.as_posix()
    s = Section(f"งานที่ค้างจากการนำเข้าไฟล์ Word ({rel} ทำเครื่องหมาย [x] เมื่อแก้แล้ว)")
    s.items = items
    return s


HANDOFF = "รายละเอียดทุกข้อ OIT และที่อยู่สำหรับกรอกในระบบ ITAS: python -m prongsai itas"


def render(st: Status, markdown: bool = False) -> str:
    lines: list[str] = []
    head = f"สถานะข้อมูลปีงบประมาณ {st.year} (ตรวจเมื่อ {_d(st.today)})"
    lines.append(f"## {head}" if markdown else head)
    lines.append("")
    for note in st.notes:
        lines += [f"> {note}" if markdown else f"! {note}", ""]
    total = st.count
    lines.append(f"พบ {total} รายการที่ต้องทำ" if total else "ไม่พบรายการที่ขาดหรือล่าช้า")
    for section in st.sections:
        lines.append("")
        lines.append(f"### {section.title} ({len(section.items)})" if markdown else f"{section.title} ({len(section.items)})")
        if not section.items:
            lines.append("- ครบถ้วน" if markdown else "  - ครบถ้วน")
        for item in section.items:
            lines.append(f"- [ ] {item}" if markdown else f"  - {item}")
    lines += ["", f"_{HANDOFF}_" if markdown else f"({HANDOFF})"]
    return "\n".join(lines) + "\n"
