"""``python -m prongsai new-measure``: add a measure to a fiscal year: its own file
``measures/<id>.yml`` (or, in a year not yet split, the end of its ``measures.yml``)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from .. import scaffold
from ..model import Measure
from ..placeholders import fill_in
from ..thai import FiscalYearSpan
from ._common import load_year, add_data, fail, year_arg

NAME = "new-measure"
HELP = "เพิ่มมาตรการใหม่ของปีงบประมาณ (ไฟล์ measures/<รหัส>.yml)"
DESCRIPTION = (
    "สร้างไฟล์ data/years/<ปี>/measures/<รหัสมาตรการ>.yml พร้อมคำอธิบายทุกหัวข้อ "
    "(ปีที่ยังใช้ไฟล์ measures.yml เดียว: เพิ่มท้ายไฟล์นั้น ความคิดเห็นและลำดับเดิมคงอยู่) แล้วให้กรอกรายละเอียดต่อในไฟล์"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=year_arg, help="ปีงบประมาณ (ค่าเริ่มต้น: ปีปัจจุบัน)")
    p.add_argument("--title", required=True, help="ชื่อมาตรการ")
    p.add_argument("--group", required=True, help="ประเด็นหรือตัวชี้วัดที่มาตรการนี้อยู่ เช่น 1")
    p.add_argument("--id", help="รหัสมาตรการ (ค่าเริ่มต้น: m ตามด้วยเลขถัดไป เช่น m12)")
    p.add_argument(
        "--responsible", action="append", help="รหัสส่วนราชการผู้รับผิดชอบ (ใส่ได้หลายครั้ง ค่าเริ่มต้น: หน่วยแรกใน units)"
    )
    add_data(p)


def next_id(ids: list[str]) -> str:
    numbers = [int(m[1]) for i in ids if (m := re.fullmatch(r"m(\d+)", i))]
    return f"m{max(numbers, default=0) + 1:02d}"


def run(args: argparse.Namespace) -> int:
    found = load_year(args.data, args.year, drafts=True)
    if found is None:
        return 1
    site, fy = found
    ids = [m.id for m in fy.measures]
    measure_id = args.id or next_id(ids)
    if measure_id in ids:
        return fail(f"มีมาตรการรหัส '{measure_id}' ในปี {fy.year} อยู่แล้ว ให้ใช้รหัสอื่น (duplicate id)")
    group = str(args.group).strip()
    if group not in fy.taxonomy.keys():
        return fail(f"ไม่มี{fy.taxonomy.label} {group} ในปี {fy.year} ให้ใช้หนึ่งใน: {', '.join(fy.taxonomy.keys())}")
    units = fy.units
    responsible = args.responsible or [next(iter(units))]
    unknown = [u for u in responsible if u not in units]
    if unknown:
        return fail(f"ไม่มีหน่วยงานรหัส {', '.join(unknown)} ใน year.yml รหัสที่มี: {', '.join(units)}")
    span = FiscalYearSpan(fy.year)
    data: dict[str, Any] = {
        "id": measure_id,
        "group": int(group) if group.isdigit() else group,
        "title": args.title,
        "period": {"start": scaffold.be_date(span.start), "end": scaffold.be_date(span.end)},
        "responsible": responsible,
        "steps": [fill_in("ขั้นตอนที่ 1")],
        "targets": [{"text": fill_in("เป้าหมายของมาตรการ")}],
    }
    ydir = Path(args.data) / "years" / str(fy.year)
    path = ydir / "measures.yml"
    note = (
        f"มาตรการ {measure_id} เพิ่มด้วยคำสั่ง new-measure: ระยะเวลาตั้งไว้ทั้งปีงบประมาณ ให้แก้ตามจริง\n"
        "หัวข้ออื่นที่เพิ่มได้: findings, approach, responsible_note, monitoring, reporting, oit_items (ดูคู่มือผู้ดูแลข้อมูล)"
    )
    if not path.is_file():  # one file per measure (a year not split keeps its measures.yml)
        scaffold.measures_folder(ydir, fy.year)
        path = scaffold.write_measure(ydir, data, note, Path(args.data))
        print(f"เพิ่มมาตรการ {measure_id} เป็นไฟล์ {path.as_posix()} แล้ว ให้เปิดไฟล์กรอกรายละเอียดต่อ")
        return 0
    doc = scaffold.load(path)
    if doc.get("measures") is None:
        doc["measures"] = []
    seq = doc["measures"]
    if not isinstance(seq, scaffold.CommentedSeq):
        doc["measures"] = seq = scaffold.CommentedSeq(seq)
    scaffold.append_item(seq, scaffold.commented(Measure, data, 4, skip_first=True), note)
    scaffold.dump(doc, path)
    print(f"เพิ่มมาตรการ {measure_id} ใน {path.as_posix()} แล้ว ให้เปิดไฟล์กรอกรายละเอียดต่อ")
    return 0
