"""``python -m prongsai import-docx FILE.docx --year 2568``: a Word document becomes the year's YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..load import load_site
from ..scaffold import load as load_yaml
from ._common import add_data, fail, year_arg

NAME = "import-docx"
HELP = "นำเข้าเอกสารมาตรการหรือรายงานผลจากไฟล์ Word (.docx) เป็นไฟล์ข้อมูล YAML"
DESCRIPTION = (
    "อ่านไฟล์ Word (.docx) ของเอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส หรือรายงานผลการดำเนินการตามมาตรการ "
    "แล้วเขียน year.yml, assessment.yml, มาตรการไฟล์ละหนึ่งมาตรการ (measures/<รหัส>.yml) และไฟล์รอบรายงาน (rounds/) ลงใน data/years/<ปี>/ "
    "(หรือโฟลเดอร์ที่ระบุด้วย --out) ไม่เขียนทับไฟล์ที่มีอยู่ถ้าไม่ใช้ --force "
    "และเขียน import-report.md บอกว่าข้อความใดไปอยู่ที่ใด ข้อความใดไม่ได้นำเข้า (พร้อมตำแหน่งในเอกสาร) "
    "และสิ่งที่ต้องกรอกหรือตรวจ ค่าที่เอกสารไม่ได้ระบุจะไม่ถูกเดาใส่ให้"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="ไฟล์.docx", help="ไฟล์ Word ที่จะนำเข้า")
    p.add_argument("--year", type=year_arg, required=True, help="ปีงบประมาณ (พ.ศ.) ของเอกสาร เช่น 2568")
    p.add_argument(
        "--kind",
        choices=["measures", "report", "auto"],
        default="auto",
        help="ชนิดเอกสาร: measures (มาตรการ), report (รายงานผล) หรือ auto (ดูจากหัวตาราง ค่าเริ่มต้น)",
    )
    p.add_argument("--out", help="เขียนลงโฟลเดอร์นี้แทน data/years/<ปี>/ (เช่น เพื่อดูผลก่อน)")
    p.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่แล้ว")
    add_data(p)


def _raw(path: Path) -> Any:
    try:
        return load_yaml(path) if path.is_file() else None
    except Exception:
        return None


def run(args: argparse.Namespace) -> int:
    from ..docximport import Context, ImportRefused, NotADocx, existing_measures, import_docx, write_all

    data = Path(args.data)
    out = Path(args.out) if args.out else data / "years" / str(args.year)
    year_raw = _raw(out / "year.yml") or {}
    ita_year = int(year_raw.get("ita_year") or args.year) if isinstance(year_raw, dict) else args.year
    catalog = _raw(data / "catalog" / f"ita-{ita_year}.yml")
    if not isinstance(catalog, dict):
        return fail(
            f"ไม่มีรายการ OIT ของปี ITA {ita_year} ({(data / 'catalog' / f'ita-{ita_year}.yml').as_posix()}) "
            "ระบบต้องใช้ชื่อประเด็นและตัวชี้วัดของปีนั้นในการอ่านเอกสาร ให้ตรวจ --year หรือ --data (no catalogue)"
        )
    measures = existing_measures(out)
    ctx = Context(
        fiscal_year=args.year,
        catalog=catalog,
        existing_units=[dict(u) for u in year_raw.get("units", [])] if isinstance(year_raw, dict) else [],
        existing_measures=measures,
    )
    source = Path(args.file)
    try:
        result = import_docx(source, ctx, args.kind)
    except NotADocx as exc:
        print(f"ข้อผิดพลาด: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a layout the importer has never met: say so, no traceback
        print(
            f"ข้อผิดพลาด: {source.as_posix()}: อ่านโครงสร้างของเอกสารนี้ไม่สำเร็จ ({type(exc).__name__}: {str(exc)[:200]}) "
            "ไม่ได้เขียนไฟล์ใด ให้แจ้งผู้ดูแลระบบพร้อมไฟล์นี้ หรือกรอกข้อมูลด้วยคำสั่ง new-measure (import failed)",
            file=sys.stderr,
        )
        return 1
    if not result.ledger.entries:
        return fail(f"{source.as_posix()}: ไม่พบข้อความในเอกสาร (empty document)")
    if (
        not result.measures
        and not (result.round and result.round["entries"])
        and not any(t.startswith("ตารางที่") and "ไม่รู้จัก" not in t for t in result.tables)
    ):
        kind = "รายงานผล" if result.kind == "report" else "มาตรการ"
        why = "ไม่มีตารางเลย" if not result.tables else "ไม่มีตารางที่ระบบรู้จักหัวคอลัมน์"
        print(
            f"ข้อผิดพลาด: {source.as_posix()}: {why} จึงอ่านเป็นเอกสาร{kind}ไม่ได้ "
            "(ระบบอ่านมาตรการจากตารางที่มีหัวคอลัมน์ เช่น มาตรการ / ขั้นตอน / ระยะเวลา / ผู้รับผิดชอบ) "
            "ถ้าเอกสารเป็นภาพสแกนหรือ PDF ให้จัดทำเป็นตารางใน Word ก่อน หรือกรอกด้วยคำสั่ง new-measure (no tables)",
            file=sys.stderr,
        )
        return 1
    try:
        written = write_all(
            result,
            out,
            source,
            data.parent / "schema",
            force=args.force,
            have_year=bool(year_raw),
            have_measures=bool(measures),
        )
    except ImportRefused as exc:
        return fail(f"ข้อผิดพลาด: {exc}")
    led = result.ledger
    total = led.chars() or 1
    print(f"นำเข้า {source.name} ({'รายงานผล' if result.kind == 'report' else 'มาตรการ'}) แล้ว:")
    for p in written:
        print(f"  เขียน {p.as_posix()}")
    print(
        f"  นำข้อความไปใส่ในข้อมูล {led.chars('placed'):,} จาก {led.chars():,} อักขระ (ร้อยละ {100 * led.chars('placed') / total:.1f}) "
        f"ไม่ได้นำเข้า {len(led.unplaced())} รายการ ต้องกรอก {len(result.to_fill)} ต้องตรวจ {len(result.to_check)}"
    )
    print(f"  รายละเอียด: {(out / 'import-report.md').as_posix()}")
    if args.out:
        print("  ตรวจผลแล้วย้ายไฟล์ไปไว้ใน data/years/<ปี>/ แล้วสั่ง python -m prongsai validate")
        return 0
    try:
        load_site(data)
    except DataError as exc:
        print(exc, file=sys.stderr)
        print(
            "\nไฟล์ที่นำเข้ายังต้องแก้ตามรายการด้านบน (ดู import-report.md หัวข้อ 'ต้องกรอก') แล้วสั่ง python -m prongsai validate",
            file=sys.stderr,
        )
        return 1
    print("  ตรวจข้อมูลแล้ว: ผ่าน (python -m prongsai validate)")
    return 0
