"""``python -m prongsai <command>``: the one entry point for editors and CI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import DataError
from .load import load_site
from .thai import digits


class _ThaiParser(argparse.ArgumentParser):
    def format_help(self) -> str:
        text = super().format_help()
        return (
            text.replace("usage:", "วิธีใช้:")
            .replace("positional arguments:", "อาร์กิวเมนต์:")
            .replace("options:", "ตัวเลือก:")
            .replace("show this help message and exit", "แสดงวิธีใช้แล้วจบ")
        )

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"ข้อผิดพลาด: {message}\nดูวิธีใช้: python -m prongsai --help\n")


def _parser() -> argparse.ArgumentParser:
    p = _ThaiParser(prog="python -m prongsai", description="โปร่งใส (prongsai): ตรวจและเผยแพร่ข้อมูลคุณธรรมและความโปร่งใสของหน่วยงาน")
    sub = p.add_subparsers(dest="command", metavar="คำสั่ง", parser_class=_ThaiParser)
    v = sub.add_parser("validate", help="ตรวจข้อมูลทั้งหมดในโฟลเดอร์ data/", description="ตรวจไฟล์ข้อมูลทุกไฟล์และความเชื่อมโยงระหว่างข้อมูล แจ้งข้อผิดพลาดพร้อมชื่อไฟล์ บรรทัด และหัวข้อ")
    v.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล (ค่าเริ่มต้น: data)")
    v.add_argument("--docs", default="docs", help="โฟลเดอร์ docs/ ที่เก็บไฟล์แนบ (ค่าเริ่มต้น: docs)")
    return p


def _validate(args: argparse.Namespace) -> int:
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    parser.print_help()
    return 2
