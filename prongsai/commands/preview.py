"""``python -m prongsai preview``: a copy of the built site to open from disk (a pull request's artifact)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..preview import make_preview
from ._common import fail

NAME = "preview"
HELP = "ทำสำเนาเว็บไซต์ที่สร้างแล้วให้เปิดจากเครื่องได้โดยดับเบิลคลิก index.html (ตัวอย่างเว็บไซต์ของ Pull Request)"
DESCRIPTION = (
    "คัดลอกโฟลเดอร์เว็บไซต์ที่สร้างแล้ว (site/) ไปเป็นโฟลเดอร์ตัวอย่าง ที่ลิงก์ทุกลิงก์ชี้ไปที่ไฟล์ index.html "
    "จึงเปิดด้วยเบราว์เซอร์จากไฟล์ในเครื่องได้โดยไม่ต้องมีเครื่องแม่ข่าย (การค้นหาและหน้าพิมพ์ทั้งฉบับใช้ได้บนเว็บไซต์จริงเท่านั้น)"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", default="site", help="โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (ค่าเริ่มต้น: site)")
    p.add_argument("--out", default="preview", help="โฟลเดอร์ตัวอย่างที่จะเขียน (ค่าเริ่มต้น: preview)")


def run(args: argparse.Namespace) -> int:
    site, out = Path(args.site), Path(args.out)
    if not (site / "index.html").is_file():
        return fail(f"ไม่พบเว็บไซต์ที่สร้างแล้วใน {site.as_posix()}/ ให้สร้างก่อนด้วย mkdocs build (no built site)")
    pages = make_preview(site, out)
    print(f"เขียนตัวอย่างเว็บไซต์ไว้ที่ {out.as_posix()}/ ({pages} หน้า) เปิดไฟล์ {out.as_posix()}/index.html ด้วยเบราว์เซอร์")
    return 0
