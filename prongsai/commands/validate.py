"""``python -m prongsai validate``: check every data file and the links between records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DataError
from ..load import load_site
from ..thai import digits

NAME = "validate"
HELP = "ตรวจข้อมูลทั้งหมดในโฟลเดอร์ data/"
DESCRIPTION = "ตรวจไฟล์ข้อมูลทุกไฟล์และความเชื่อมโยงระหว่างข้อมูล แจ้งข้อผิดพลาดพร้อมชื่อไฟล์ บรรทัด และหัวข้อ"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล (ค่าเริ่มต้น: data)")
    p.add_argument("--docs", default="docs", help="โฟลเดอร์ docs/ ที่เก็บไฟล์แนบ (ค่าเริ่มต้น: docs)")


def run(args: argparse.Namespace) -> int:
    docs = Path(args.docs)
    try:
        site = load_site(Path(args.data), docs if docs.is_dir() else None)
    except DataError as exc:
        print(exc, file=sys.stderr)
        print("\nแก้ไขตามรายการข้างบนแล้วตรวจอีกครั้ง (fix the items above and run again)", file=sys.stderr)
        return 1
    n = site.numerals
    measures = sum(len(fy.measures) for fy in site.years.values())
    rounds = sum(len(fy.rounds) for fy in site.years.values())
    print(
        f"ข้อมูลถูกต้อง: {site.organization.name} ปีงบประมาณ {digits(len(site.years), n)} ปี "
        f"มาตรการ {digits(measures, n)} รายการ รายงาน {digits(rounds, n)} รอบ "
        f"รายการ OIT {digits(len(site.catalogs), n)} ปี (data is valid)"
    )
    return 0
