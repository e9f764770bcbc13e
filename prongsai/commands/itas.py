"""``python -m prongsai itas``: would each OIT item score today? For the coordinator and for CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..completeness import STATE_LABELS, assess_year, summary
from ..itas import absolute, site_url_of
from ..urls import oit_item_src, url_of
from ..thai import digits, normalise_year, to_arabic_digits
from ._common import add_data, load

NAME = "itas"
HELP = "รายงานความครบถ้วนของข้อ OIT สำหรับกรอกแบบ ITAS"
DESCRIPTION = (
    "แสดงสถานะของทุกข้อ OIT ในปี ITA หนึ่งปี (ครบถ้วน องค์ประกอบไม่ครบ ข้อมูลไม่ตรงปี ยังไม่มีข้อมูล) "
    "พร้อมที่อยู่เว็บ (URL) ของแต่ละข้อสำหรับวางในระบบ ITAS สิ่งที่ต้องแก้ จำนวนข้อที่จะได้ 100 คะแนนถ้าตรวจวันนี้ "
    "และที่อยู่ของไฟล์ CSV ของแบบตอบ"
)

_MARK = {"complete": "✓", "incomplete": "!", "stale": "!", "missing": "✗"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", help="ปี ITA (พ.ศ.) เช่น 2568 (ค่าเริ่มต้น: ปี ITA ของปีงบประมาณปัจจุบัน)")
    p.add_argument(
        "--fail-on-gaps",
        action="store_true",
        help="จบด้วยรหัสผิดพลาด (1) ถ้ามีข้อที่จะไม่ได้คะแนน (สำหรับ CI)",
    )
    p.add_argument("--site-url", help="ที่อยู่ของเว็บไซต์ (ค่าเริ่มต้น: site_url ใน mkdocs.yml)")
    p.add_argument("--config", default="mkdocs.yml", help="ไฟล์ตั้งค่าเว็บไซต์ที่อ่าน site_url (ค่าเริ่มต้น: mkdocs.yml)")
    p.add_argument("--site", default="site", help="โฟลเดอร์ของเว็บไซต์ที่สร้างแล้ว (ค่าเริ่มต้น: site)")
    add_data(p, docs=True)


def run(args: argparse.Namespace) -> int:
    site = load(args.data, args.docs, hint="แก้ไขข้อมูลตามรายการข้างบนก่อน แล้วเรียกคำสั่งนี้อีกครั้ง (fix the data first)")
    if site is None:
        return 1
    n = site.numerals
    if args.year:
        try:
            ita = normalise_year(int(to_arabic_digits(str(args.year)).strip()))
        except ValueError:
            ita = 0
    else:
        ita = site.current_year.ita_year if site.current_year else 0
    if ita not in site.catalogs or site.year_for_ita(ita) is None:
        known = ", ".join(str(y) for y in site.ita_years()) or "ไม่มี"
        print(
            f"ไม่มีข้อมูลที่ตอบการประเมิน ITA {args.year or ''} ปีที่มี: {known} (no data answers this ITA year)",
            file=sys.stderr,
        )
        return 2
    statuses = assess_year(site, ita)
    fy = site.year_for_ita(ita)
    assert fy is not None
    print(
        f"การเปิดเผยข้อมูลสาธารณะ (OIT) ITA {digits(ita, n)} {site.organization.name} (ข้อมูลปีงบประมาณ {digits(fy.year, n)})"
    )
    site_url = args.site_url or site_url_of(Path(args.config))
    for st in statuses:
        print(f"{_MARK[st.state]} {st.item.code:<4} {st.label:<16} {st.item.title}")
        print(f"         {absolute(site_url, url_of(oit_item_src(ita, st.item.code)))}")
        for reason in st.reasons:
            print(f"         {reason}")
        for hint in st.hints:
            print(f"         → {hint}")
    s = summary(statuses)
    extra = "".join(f" {STATE_LABELS[k]} {digits(s[k], n)} ข้อ" for k in ("incomplete", "stale", "missing") if s[k])
    print(
        f"\nครบตามเกณฑ์ (ได้ {digits(100, n)} คะแนนถ้าตรวจวันนี้) {digits(s['complete'], n)} จาก {digits(s['total'], n)} ข้อ{extra}"
    )
    csv_name = f"itas/{ita}.csv"
    built = Path(args.site) / csv_name
    print(
        f"แบบตอบ ITAS ทุกข้อ (คำตอบ URL และคำอธิบายตำแหน่งของข้อมูล) เป็นไฟล์ CSV เปิดด้วย Excel ได้: "
        f"{absolute(site_url, csv_name)}"
        + (f" และในเครื่องนี้ที่ {built.as_posix()}" if built.is_file() else " (สร้างเว็บไซต์ก่อนด้วย scripts/site.sh แล้วไฟล์จะอยู่ที่ " + built.as_posix() + ")")
    )
    if not site_url:
        print("ยังไม่ได้ตั้ง site_url ใน mkdocs.yml URL ข้างบนจึงยังไม่ใช่ที่อยู่เต็ม (set site_url)", file=sys.stderr)
    gaps = s["total"] - s["complete"]
    if args.fail_on_gaps and gaps:
        print(f"มี {digits(gaps, n)} ข้อที่จะไม่ได้คะแนน (OIT items would not score)", file=sys.stderr)
        return 1
    return 0
