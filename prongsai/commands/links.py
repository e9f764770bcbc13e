"""``python -m prongsai links``: no broken link or anchor in the built site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..linkcheck import check_external, check_site, external_links

NAME = "links"
HELP = "ตรวจลิงก์เสียในเว็บไซต์ที่สร้างแล้ว"
DESCRIPTION = (
    "ตรวจทุกลิงก์และทุกจุดยึด (#) ภายในเว็บไซต์ที่สร้างแล้ว (โฟลเดอร์ site/) ว่าไปถึงหน้าที่มีอยู่จริง "
    "ถ้าใส่ --external จะตรวจลิงก์ไปเว็บไซต์อื่นด้วย (ต้องต่ออินเทอร์เน็ต และแจ้งเป็นคำเตือน ไม่ทำให้ล้มเหลว "
    "เว้นแต่ใส่ --strict)"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", default="site", help="โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (ค่าเริ่มต้น: site)")
    p.add_argument("--site-url", default=None, help="ที่อยู่ของเว็บไซต์ (ค่าเริ่มต้น: อ่านจากหน้าแรก)")
    p.add_argument("--external", action="store_true", help="ตรวจลิงก์ไปเว็บไซต์อื่นแทน (ต้องต่ออินเทอร์เน็ต)")
    p.add_argument("--timeout", type=float, default=15.0, help="เวลารอแต่ละเว็บไซต์ (วินาที)")
    p.add_argument("--strict", action="store_true", help="ให้ลิงก์ภายนอกที่เสียทำให้คำสั่งล้มเหลว")


def run(args: argparse.Namespace) -> int:
    site_dir = Path(args.site)
    if not (site_dir / "index.html").is_file():
        print(f"ไม่พบเว็บไซต์ที่สร้างแล้วในโฟลเดอร์ {site_dir} ให้สร้างก่อนด้วย mkdocs build (no built site)", file=sys.stderr)
        return 2
    if args.external:
        return _external(site_dir, args)
    broken = check_site(site_dir, args.site_url)
    if broken:
        print(f"พบลิงก์เสียภายในเว็บไซต์ {len(broken)} รายการ (broken internal links):", file=sys.stderr)
        for b in broken:
            print(f"  {b}", file=sys.stderr)
        return 1
    print("ลิงก์ภายในเว็บไซต์ใช้ได้ทั้งหมด (no broken internal links)")
    return 0


def _external(site_dir: Path, args: argparse.Namespace) -> int:
    found = external_links(site_dir, args.site_url)
    results = check_external(found, timeout=args.timeout)
    bad = [r for r in results if not r.ok]
    for r in bad:
        pages = ", ".join(found[r.url][:3]) + (" ..." if len(found[r.url]) > 3 else "")
        print(f"คำเตือน: ลิงก์ภายนอกเปิดไม่ได้ ({r.detail}): {r.url} ในหน้า {pages} (external link failed)", file=sys.stderr)
    print(f"ตรวจลิงก์ภายนอก {len(results)} ลิงก์ เปิดไม่ได้ {len(bad)} ลิงก์ (external links checked)")
    return 1 if bad and args.strict else 0
