"""``python -m prongsai export-markdown OUT``: the site as a plain project that builds without the hook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DataError
from ..export import export_markdown

NAME = "export-markdown"
HELP = "ส่งออกเว็บไซต์ทั้งหมดเป็นไฟล์ Markdown ที่สร้างได้โดยไม่ต้องใช้ hook"
DESCRIPTION = (
    "เขียนโครงการใหม่ที่สมบูรณ์ในตัวลงในโฟลเดอร์ OUT: mkdocs.yml ที่มีเมนูครบ, docs/ ที่มีหน้าที่เขียนเอง "
    "หน้าที่สร้างจากข้อมูล ไฟล์แนบ และไฟล์ส่งออก, และ overrides/ ของธีม "
    "สร้างเว็บไซต์จากโฟลเดอร์นี้ได้ด้วย mkdocs build, properdocs build หรือ zensical build"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT", help="โฟลเดอร์ปลายทาง (ว่าง หรือเคยส่งออกไว้แล้ว)")
    p.add_argument("--config", default="mkdocs.yml", help="ไฟล์ตั้งค่าของโครงการ (ค่าเริ่มต้น: mkdocs.yml)")


def run(args: argparse.Namespace) -> int:
    dest = Path(args.out)
    try:
        out = export_markdown(Path(args.config), dest)
    except DataError as exc:
        print(exc, file=sys.stderr)
        print("\nยังไม่ได้ส่งออก แก้ไขตามรายการข้างบนแล้วลองอีกครั้ง (nothing exported; fix the items above)", file=sys.stderr)
        return 1
    for warning in out.warnings:
        print(f"คำเตือน: {warning}", file=sys.stderr)
    print(
        f"ส่งออกแล้วที่ {dest}: {len(out.pages)} หน้า ไฟล์อื่น {len(out.files)} ไฟล์ "
        f"(exported {len(out.pages)} pages, {len(out.files)} files)"
    )
    return 0
