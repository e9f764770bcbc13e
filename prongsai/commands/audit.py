"""``python -m prongsai audit``: nothing in data/ is missing from the built site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..audit import audit_all
from ..thai import digits
from ._common import add_data, load

NAME = "audit"
HELP = "ตรวจว่าข้อมูลทุกรายการใน data/ ปรากฏบนเว็บไซต์ที่สร้างแล้ว"
DESCRIPTION = (
    "ตรวจเว็บไซต์ที่สร้างแล้ว (โฟลเดอร์ site/) ว่าทุกรายการและทุกข้อความในโฟลเดอร์ data/ "
    "ปรากฏในหน้าที่ควรอยู่ ไม่มีข้อมูลใดตกหล่น ใช้หลังคำสั่ง mkdocs build"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_data(p, docs=True)
    p.add_argument("--site", default="site", help="โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (ค่าเริ่มต้น: site)")


def run(args: argparse.Namespace) -> int:
    site_dir = Path(args.site)
    if not (site_dir / "index.html").is_file():
        print(
            f"ไม่พบเว็บไซต์ที่สร้างแล้วในโฟลเดอร์ {site_dir} ให้สร้างก่อนด้วย mkdocs build (no built site)",
            file=sys.stderr,
        )
        return 2
    site = load(args.data, args.docs)
    if site is None:
        return 1
    missing = audit_all(site, site_dir)
    if missing:
        print(f"ข้อมูล {len(missing)} รายการไม่ปรากฏบนเว็บไซต์ (not on the built site):", file=sys.stderr)
        for m in missing:
            print(f"  {m}", file=sys.stderr)
        return 1
    n = site.numerals
    records = sum(len(fy.measures) + len(fy.rounds) + len(fy.disclosures) for fy in site.years.values())
    print(f"ครบถ้วน: ข้อมูลทุกรายการ ({digits(records, n)} ระเบียนของปีงบประมาณ) อยู่บนเว็บไซต์ (nothing dropped)")
    return 0
