"""``python -m prongsai validate``: check every data file and the links between records."""

from __future__ import annotations

import argparse

from ..thai import digits
from ._common import add_data, load

NAME = "validate"
HELP = "ตรวจข้อมูลทั้งหมดในโฟลเดอร์ data/"
DESCRIPTION = "ตรวจไฟล์ข้อมูลทุกไฟล์และความเชื่อมโยงระหว่างข้อมูล แจ้งข้อผิดพลาดพร้อมชื่อไฟล์ บรรทัด และหัวข้อ"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_data(p, docs=True)


def run(args: argparse.Namespace) -> int:
    site = load(args.data, args.docs, hint="แก้ไขตามรายการข้างบนแล้วตรวจอีกครั้ง (fix the items above and run again)")
    if site is None:
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
