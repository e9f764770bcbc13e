"""``python -m prongsai status``: what is missing or late in the current fiscal year."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .. import status
from ._common import add_data, date_arg, load, year_arg

NAME = "status"
HELP = "สรุปสิ่งที่ยังขาดหรือล่าช้าของปีงบประมาณปัจจุบัน (ใช้แสดงใน Pull Request ได้)"
DESCRIPTION = (
    "สรุปข้อมูลที่ยังขาดหรือล่าช้าของปีงบประมาณ: ข้อมูลหลักของปี รายงานผลรอบ 6 และ 12 เดือนที่ถึงกำหนดแล้ว "
    "มาตรการที่ไม่มีผลในรอบล่าสุดหรือเลยกำหนด และข้อ OIT ที่ยังไม่มีเอกสารเลย "
    "ใช้ --format markdown เพื่อนำไปแสดงเป็นความคิดเห็นใน Pull Request"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=year_arg, help="ปีงบประมาณ (ค่าเริ่มต้น: ปีงบประมาณของวันนี้ หรือปีล่าสุดที่มีข้อมูล)")
    p.add_argument("--format", choices=["text", "markdown"], default="text", help="รูปแบบผลลัพธ์ (ค่าเริ่มต้น: text)")
    p.add_argument("--today", type=date_arg, help="ตรวจเสมือนวันนี้เป็นวันที่นี้ (ค่าเริ่มต้น: วันนี้)")
    p.add_argument("--output", help="เขียนผลลงไฟล์นี้แทนการแสดงบนจอ")
    add_data(p)


def run(args: argparse.Namespace) -> int:
    reports = sorted(Path(args.data).glob(f"years/*/{status.IMPORT_REPORT}"))
    hint = "แก้ข้อมูลให้ถูกต้องก่อน (python -m prongsai validate) แล้วสั่งอีกครั้ง (fix the data first)" + "".join(
        f"\nสิ่งที่การนำเข้าไฟล์ Word ให้กรอกหรือตรวจ: {p.as_posix()}" for p in reports
    )
    site = load(args.data, hint=hint)
    if site is None:
        return 1
    st = status.year_status(site, args.today or dt.date.today(), args.year)
    if st is None:
        print(f"ไม่มีข้อมูลปีงบประมาณ {args.year} (no such year)", file=sys.stderr)
        return 1
    if (imported := status.import_items(Path(args.data) / "years" / str(st.year))) is not None:
        st.sections.append(imported)
    text = status.render(st, markdown=args.format == "markdown")
    if args.output:
        Path(args.output).write_text(text, "utf-8")
    else:
        print(text, end="")
    return 0
