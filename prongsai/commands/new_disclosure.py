"""``python -m prongsai new-disclosure``: add a document to an OIT item in disclosures.yml."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .. import completeness, scaffold
from ..model import Disclosure, DisclosuresFile, Document
from ..types import OitCode
from ._common import load, load_year, add_data, date_arg, fail, year_arg

NAME = "new-disclosure"
HELP = "เพิ่มเอกสารหรือลิงก์ของข้อ OIT ในไฟล์ disclosures.yml"
DESCRIPTION = (
    "เพิ่มเอกสาร (ลิงก์เว็บ หรือไฟล์ใน docs/files/) ให้ข้อ OIT หนึ่งข้อในไฟล์ data/years/<ปี>/disclosures.yml "
    "ถ้ายังไม่มีข้อนั้นจะเพิ่มข้อใหม่ตามลำดับรหัส ความคิดเห็นและลำดับเดิมในไฟล์คงอยู่"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("item", help="รหัสข้อ OIT เช่น O1 หรือ O27")
    p.add_argument("--title", required=True, help="ชื่อเอกสาร")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="ลิงก์เว็บของเอกสาร (https://...)")
    where.add_argument("--file", help="ไฟล์ในโฟลเดอร์ docs/ เช่น files/2569/แผน.pdf")
    p.add_argument("--date", type=date_arg, help="วันที่ของเอกสาร")
    p.add_argument(
        "--covers",
        type=year_arg,
        help="ปีงบประมาณที่เอกสารนี้เป็นข้อมูลของ (พ.ศ.) เช่น 2569: ข้อ OIT ที่กำหนดปีต้องมีเอกสารของปีนั้น "
        "(ถ้าไม่ระบุ ใช้ปีงบประมาณของ --date)",
    )
    p.add_argument("--year", type=year_arg, help="ปีงบประมาณ (ค่าเริ่มต้น: ปีปัจจุบัน)")
    add_data(p)


def run(args: argparse.Namespace) -> int:
    try:
        code = TypeAdapter(OitCode).validate_python(args.item)
    except ValidationError:
        return fail(f"รหัสข้อ OIT '{args.item}' ไม่ถูกต้อง ให้เขียนเช่น O1 หรือ O27")
    found = load_year(args.data, args.year, drafts=True)
    if found is None:
        return 1
    site, fy = found
    item = fy.catalog.item(code)
    if item is None:
        return fail(f"ไม่มีข้อ {code} ในรายการ OIT ของปี ITA {fy.ita_year} (มีข้อ O1 ถึง {fy.catalog.items[-1].code})")
    document: dict[str, Any] = {"title": args.title}
    document["url" if args.url else "file"] = args.url or args.file
    if args.date:
        document["date"] = scaffold.be_date(args.date)
    if args.covers:
        document["covers"] = args.covers
    try:
        Document.model_validate({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in document.items()})
    except ValidationError as exc:
        return fail("เอกสารไม่ถูกต้อง: " + "; ".join(str(e["msg"]) for e in exc.errors()))
    path = Path(args.data) / "years" / str(fy.year) / "disclosures.yml"
    new_doc = scaffold.commented(Document, document, 8, skip_first=True)
    order = [i.code for i in fy.catalog.items]
    if path.is_file():
        doc = scaffold.load(path)
        if doc.get("disclosures") is None:
            doc["disclosures"] = scaffold.CommentedSeq()
        seq = doc["disclosures"]
        existing = next((d for d in seq if TypeAdapter(OitCode).validate_python(d["item"]) == code), None)
        if existing is not None:
            if existing.get("documents") is None:
                existing["documents"] = scaffold.CommentedSeq()
            scaffold.append_item(existing["documents"], new_doc, "เพิ่มด้วยคำสั่ง new-disclosure", column=6)
        else:
            entry = scaffold.commented(Disclosure, {"item": code, "documents": []}, 4, comments=False)
            entry["documents"].append(new_doc)
            later = [n for n, d in enumerate(seq) if order.index(TypeAdapter(OitCode).validate_python(d["item"])) > order.index(code)]
            scaffold.insert_item(seq, later[0] if later else len(seq), entry, f"{code} {item.title}")
        scaffold.dump(doc, path)
    else:
        top = scaffold.commented(DisclosuresFile, {"disclosures": []})
        entry = scaffold.commented(Disclosure, {"item": code, "documents": []}, 4, comments=False)
        entry["documents"].append(new_doc)
        scaffold.append_item(top["disclosures"], entry, f"{code} {item.title}")
        scaffold.write_new(path, top, [f"การเปิดเผยข้อมูลสาธารณะ (OIT) ที่ใช้ตอบการประเมิน ITA {fy.ita_year}"], Path(args.data), "disclosures")
    print(f"เพิ่มเอกสาร '{args.title}' ในข้อ {code} ของปี {fy.year} ({path.as_posix()}) แล้ว")
    return _report(args.data, fy.ita_year, code)


def _report(data: str, ita_year: int, code: str) -> int:
    """Say at once whether the item would score now, and what to do when it would not."""
    site = load(data, drafts=True)
    if site is None:
        return 1
    catalog = site.catalogs[ita_year]
    item = catalog.item(code)
    assert item is not None
    st = completeness.assess(site, catalog, item)
    print(f"ข้อ {code} ตอนนี้: {st.label}" + (f" {st.staff_text}" if not st.scores else ""))
    return 0
