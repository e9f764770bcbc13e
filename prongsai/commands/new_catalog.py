"""``python -m prongsai new-catalog 2565``: a provisional catalogue for an ITA year the
project ships none for (a past year of an agency's archive, or a year not announced yet).

The catalogue is data, never code: this copies the nearest known one (data/catalog/ita-<year>.yml),
renames its year and marks it ``provisional`` (with the year it was made from and confidence I),
so the staff pages and ``status`` say it must be checked against that year's NACC manual,
while citizens' pages show the items as any other year's.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from .. import scaffold
from ..site import Catalog
from ._common import add_data, fail, load, year_arg

NAME = "new-catalog"
HELP = "สร้างรายการ OIT ฉบับชั่วคราวของปี ITA ที่ยังไม่มี (เช่น ปีที่ผ่านมาแล้ว) โดยคัดลอกจากปีที่ใกล้ที่สุด"
DESCRIPTION = (
    "สร้างไฟล์ data/catalog/ita-<ปี>.yml ของปี ITA ที่ยังไม่มีรายการ โดยคัดลอกจากรายการของปีที่ใกล้ที่สุด "
    "และทำเครื่องหมายว่าเป็นฉบับชั่วคราว (provisional) ซึ่งแสดงเฉพาะในหน้าผู้ดูแลข้อมูลและคำสั่ง status "
    "ให้ตรวจทุกข้อกับคู่มือการประเมิน ITA ของปีนั้น แล้วลบหัวข้อ provisional ออก"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("year", type=year_arg, help="ปีการประเมิน ITA (พ.ศ.) ที่ต้องการรายการ เช่น 2565")
    p.add_argument("--from", dest="source", type=year_arg, help="ปี ITA ที่คัดลอกมา (ค่าเริ่มต้น: ปีที่ใกล้ที่สุดที่มี)")
    add_data(p)


def nearest(catalogs: dict[int, Catalog], year: int) -> Catalog:
    """The known catalogue closest to ``year`` (the later one on a tie: it is better documented)."""
    return catalogs[min(catalogs, key=lambda y: (abs(y - year), -y))]


def provisional_catalog(data_dir: Path, source: Catalog, ita_year: int, command: str = NAME) -> Path:
    """Copy ``source``'s file as ITA ``ita_year``'s, marked provisional.

    A later year continues the source item for item (``previous``: its own code, confidence I);
    an earlier year has no earlier catalogue, so the copy keeps no ``previous`` codes."""
    src = data_dir / "catalog" / f"ita-{source.ita_year}.yml"
    dest = data_dir / "catalog" / f"ita-{ita_year}.yml"
    doc = scaffold.load(src)
    doc["ita_year"] = ita_year
    doc["title"] = re.sub(rf"\b{source.ita_year}\b", str(ita_year), str(doc["title"]))
    position = list(doc).index("title") + 1
    doc.insert(
        position,
        "provisional",
        {
            "made_from": source.ita_year,
            "confidence": "I",
            "note": f"คัดลอกจากรายการ ITA {source.ita_year} ด้วยคำสั่ง {command} "
            f"ให้ตรวจรหัสข้อ ชื่อข้อ องค์ประกอบ และเกณฑ์กับคู่มือการประเมิน ITA {ita_year} แล้วลบหัวข้อ provisional ออก",
        },
    )
    if ita_year > source.ita_year:
        doc["previous_year"] = source.ita_year
    else:
        doc.pop("previous_year", None)
    for item in doc["items"]:
        if ita_year > source.ita_year:
            item["previous"] = {"codes": [item["code"]], "confidence": "I"}
        else:
            item.pop("previous", None)
        item["confidence"] = "I"
    doc.yaml_set_start_comment(
        f"ฉบับชั่วคราว: คัดลอกจากรายการ ITA {source.ita_year} ด้วยคำสั่ง {command}\n"
        f"ให้ตรวจทุกข้อกับคู่มือการประเมิน ITA {ita_year} ของสำนักงาน ป.ป.ช. แล้วลบหัวข้อ provisional ออก"
    )
    schema_line = src.read_text("utf-8").splitlines()[0]
    scaffold.dump(doc, dest)
    dest.write_text(schema_line + "\n" + dest.read_text("utf-8"), "utf-8")
    return dest


def run(args: argparse.Namespace) -> int:
    site = load(args.data)
    if site is None:
        return 1
    data_dir = Path(args.data)
    year: int = args.year
    if year in site.catalogs:
        return fail(f"มีรายการ OIT ของปี ITA {year} อยู่แล้ว (data/catalog/ita-{year}.yml) ไม่เขียนทับ (catalogue exists)")
    if not site.catalogs:
        return fail(
            "ไม่มีรายการ OIT ของปีใดใน data/catalog/ ให้คัดลอกมา ให้คัดลอกไฟล์ ita-<ปี>.yml จากโปรแกรมมาก่อน (no catalogue to copy)"
        )
    if args.source and args.source not in site.catalogs:
        have = ", ".join(str(y) for y in sorted(site.catalogs))
        return fail(f"ไม่มีรายการ OIT ของปี ITA {args.source} ปีที่มี: {have} (no such catalogue)")
    source = site.catalogs[args.source] if args.source else nearest(site.catalogs, year)
    path = provisional_catalog(data_dir, source, year)
    if load(args.data) is None:  # never leave a tree that does not load
        path.unlink()
        return 1
    print(f"สร้างรายการ OIT ฉบับชั่วคราวของปี ITA {year} แล้วที่ {path.as_posix()} (คัดลอกจาก ITA {source.ita_year})")
    print(f"  ให้ตรวจทุกข้อกับคู่มือการประเมิน ITA {year} แล้วลบหัวข้อ provisional ออก")
    print(f"  ขั้นต่อไป: python -m prongsai new-year {year} (ปีงบประมาณที่ตอบการประเมินปีนี้)")
    return 0
