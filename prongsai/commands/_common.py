"""Shared pieces of the editors' commands: arguments, loading, Thai errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DataError
from ..load import load_site
from ..site import FiscalYear, Site
from ..thai import to_arabic_digits
from ..types import _date, _year


def add_data(p: argparse.ArgumentParser, *, docs: bool = False) -> None:
    p.add_argument("--data", default="data", help="โฟลเดอร์ข้อมูล (ค่าเริ่มต้น: data)")
    if docs:
        p.add_argument("--docs", default="docs", help="โฟลเดอร์ docs/ ที่เก็บไฟล์แนบ (ค่าเริ่มต้น: docs)")


def year_arg(text: str) -> int:
    try:
        return int(_year(to_arabic_digits(text)))
    except Exception:
        raise argparse.ArgumentTypeError(f"ปี '{text}' ไม่ถูกต้อง ให้เขียนปี พ.ศ. 4 หลัก เช่น 2570") from None


def date_arg(text: str):  # type: ignore[no-untyped-def]
    try:
        return _date(text)
    except Exception:
        raise argparse.ArgumentTypeError(f"วันที่ '{text}' ไม่ถูกต้อง ให้เขียนแบบ 2568-03-31 หรือ 31 มีนาคม 2568") from None


def load(data: str, docs: str | None = None, *, hint: str | None = None, drafts: bool = False) -> Site | None:
    """The validated site, or ``None`` after printing what to fix (commands never write over bad data).

    ``docs``: the folder of attachments, checked when it exists. ``drafts``: text left to
    fill in by the scaffolding commands is accepted (they add to files still being written).
    """
    docs_dir = Path(docs) if docs and Path(docs).is_dir() else None
    try:
        return load_site(Path(data), docs_dir, drafts=drafts)
    except DataError as exc:
        print(exc, file=sys.stderr)
        print(
            "\n" + (hint or "แก้ข้อมูลให้ถูกต้องก่อน (python -m prongsai validate) แล้วสั่งอีกครั้ง (fix the data first)"),
            file=sys.stderr,
        )
        return None


def load_year(data: str, year: int | None, *, drafts: bool = False) -> tuple[Site, FiscalYear] | None:
    """The site and one of its fiscal years (default: the current one), or ``None`` after saying why."""
    site = load(data, drafts=drafts)
    if site is None:
        return None
    fy = pick_year(site, year)
    return None if fy is None else (site, fy)


def pick_year(site: Site, year: int | None) -> FiscalYear | None:
    fy = site.years.get(year) if year else site.current_year
    if fy is None:
        have = ", ".join(str(y) for y in sorted(site.years)) or "ไม่มี"
        print(f"ไม่มีข้อมูลปีงบประมาณ {year} (ปีที่มี: {have}) ให้สร้างด้วย python -m prongsai new-year", file=sys.stderr)
    return fy


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
