"""``python -m prongsai new-round``: a progress report round with an entry for every measure."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from .. import scaffold
from pydantic import TypeAdapter, ValidationError

from ..model import ROUND_KIND_LABELS, STATUS_LABELS, ProgressEntry, ProgressRound, RoundKind
from ..thai import FiscalYearSpan, format_date
from ._common import load_year, add_data, date_arg, fail, year_arg

NAME = "new-round"
HELP = "สร้างรายงานผลรอบใหม่ (รอบ 6 เดือน 12 เดือน ...) ที่มีหัวข้อของทุกมาตรการในปี"
DESCRIPTION = (
    "สร้างไฟล์ data/years/<ปี>/rounds/<รหัส>.yml ที่มีผลการดำเนินการของทุกมาตรการในปี "
    "(สถานะและร้อยละยกมาจากรอบก่อน) ให้แก้สถานะ ร้อยละ ผลการดำเนินการ และแนบหลักฐาน"
)

_KIND: TypeAdapter[str] = TypeAdapter(RoundKind)
DEFAULT_IDS = {"six_month": "r6m", "twelve_month": "r12m"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", help="ชนิดของรอบ: six_month (หรือ 6), twelve_month (หรือ 12), quarter หรือ other")
    p.add_argument("--year", type=year_arg, help="ปีงบประมาณ (ค่าเริ่มต้น: ปีปัจจุบัน)")
    p.add_argument("--id", help="รหัสรอบ (ค่าเริ่มต้น: r6m หรือ r12m)")
    p.add_argument("--start", type=date_arg, help="วันเริ่มของช่วงที่รายงาน (ค่าเริ่มต้น: วันเริ่มปีงบประมาณ)")
    p.add_argument("--end", type=date_arg, help="วันสิ้นสุดของช่วงที่รายงาน (ค่าเริ่มต้น: 31 มีนาคม หรือ 30 กันยายน)")
    p.add_argument("--as-of", type=date_arg, help="ข้อมูล ณ วันที่ (ค่าเริ่มต้น: วันสิ้นสุดของรอบ)")
    add_data(p)


def run(args: argparse.Namespace) -> int:
    try:
        kind = _KIND.validate_python(args.kind)
    except ValidationError:
        return fail(f"ชนิดของรอบ '{args.kind}' ใช้ไม่ได้ ให้ใช้ six_month, twelve_month, quarter หรือ other")
    found = load_year(args.data, args.year)
    if found is None:
        return 1
    site, fy = found
    span = FiscalYearSpan(fy.year)
    start: dt.date = args.start or span.start
    end: dt.date | None = args.end or {"six_month": dt.date(span.end.year, 3, 31), "twelve_month": span.end}.get(kind)
    if end is None:
        return fail("รอบชนิดนี้ต้องระบุ --end (วันสิ้นสุดของช่วงที่รายงาน) เช่น --end 2569-12-31")
    round_id = args.id or DEFAULT_IDS.get(kind)
    if not round_id:
        return fail("รอบชนิดนี้ต้องระบุ --id เช่น --id q1")
    if any(r.id == round_id for r in fy.rounds):
        return fail(f"มีรอบรหัส '{round_id}' ในปี {fy.year} อยู่แล้ว (round exists)")
    if not fy.measures:
        return fail(f"ปี {fy.year} ยังไม่มีมาตรการ ให้เพิ่มมาตรการก่อน (python -m prongsai new-measure)")
    as_of: dt.date = args.as_of or end
    entries = []
    for m in fy.measures:
        entry: dict[str, Any] = {"measure": m.id}
        latest = fy.latest_progress(m.id)
        entry["status"] = latest[1].status if latest else "not_started"
        if latest and latest[1].percent is not None:
            entry["percent"] = latest[1].percent
        entry["output"] = "ผลการดำเนินการในรอบนี้ (แก้ข้อความนี้)"
        entries.append((m, latest, entry))
    data: dict[str, Any] = {
        "id": round_id,
        "kind": kind,
        "period": {"start": scaffold.be_date(start), "end": scaffold.be_date(end)},
        "as_of": scaffold.be_date(as_of),
        "summary": "สรุปภาพรวมของรอบ (แก้ข้อความนี้)",
        "entries": [],
    }
    doc = scaffold.commented(ProgressRound, data)
    for n, (m, latest, entry) in enumerate(entries):
        was = f" รอบก่อน: {STATUS_LABELS[latest[1].status]}" if latest else " ยังไม่เคยรายงาน"
        item = scaffold.commented(ProgressEntry, entry, 4, comments=False)
        scaffold.append_item(doc["entries"], item, f"{m.id} {m.title} ({was.strip()})")
    path = Path(args.data) / "years" / str(fy.year) / "rounds" / f"{round_id}.yml"
    scaffold.write_new(
        path,
        doc,
        [
            f"{ROUND_KIND_LABELS[kind]} ปีงบประมาณ {fy.year} ข้อมูล ณ วันที่ {format_date(as_of, 'arabic')}",
            "แต่ละมาตรการ: แก้ status และ percent ใส่ output (ผลการดำเนินการ) outcome problems suggestions",
            "และแนบหลักฐานใน evidence: ไฟล์ไว้ใน docs/files/<ปี>/ แล้วเขียน file: files/<ปี>/<ชื่อไฟล์>",
        ],
        Path(args.data),
        "round",
    )
    print(f"สร้างรอบ {round_id} ใน {path.as_posix()} แล้ว มีหัวข้อของมาตรการ {len(entries)} รายการ")
    return 0
