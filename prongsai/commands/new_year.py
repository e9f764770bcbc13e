"""``python -m prongsai new-year 2570``: start a fiscal year from the one before it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import scaffold
from ..model import STATUS_LABELS, DisclosuresFile, Measure, YearFile
from ..site import Catalog, FiscalYear
from ..thai import FiscalYearSpan
from ._common import add_data, fail, load, year_arg
from .new_catalog import nearest, provisional_catalog

NAME = "new-year"
HELP = "เริ่มปีงบประมาณใหม่ โดยยกหน่วยงาน การจัดกลุ่ม และมาตรการที่ยังไม่เสร็จจากปีก่อน"
DESCRIPTION = (
    "สร้างโฟลเดอร์ data/years/<ปี>/ พร้อม year.yml, โฟลเดอร์ measures/ (ไฟล์ละหนึ่งมาตรการ) และ disclosures.yml "
    "โดยยกส่วนราชการ (units) การจัดกลุ่ม (grouping, taxonomy) จากปีก่อน "
    "และยกมาตรการที่สถานะล่าสุดยังไม่ใช่ 'ดำเนินการแล้วเสร็จ' หรือ 'ยกเลิก' มาไว้ในปีใหม่"
)

FINISHED = ("completed", "cancelled")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("year", type=year_arg, help="ปีงบประมาณใหม่ (พ.ศ.) เช่น 2570")
    p.add_argument("--from", dest="source", type=year_arg, help="ปีที่ยกข้อมูลมา (ค่าเริ่มต้น: ปีล่าสุดที่มี)")
    p.add_argument("--ita-year", type=year_arg, help="ปีการประเมิน ITA ที่ปีนี้ตอบ (ค่าเริ่มต้น: เท่ากับปีงบประมาณ)")
    p.add_argument(
        "--provisional-catalog",
        action="store_true",
        help="ถ้ายังไม่มีรายการ OIT ของปี ITA นี้ ให้คัดลอกจากปีที่ใกล้ที่สุดไว้ใช้ชั่วคราว (เหมือนคำสั่ง new-catalog ทุกข้อต้องตรวจ)",
    )
    p.add_argument(
        "--grouping",
        help="วิธีจัดกลุ่มมาตรการ: issues (๗ ประเด็น) หรือ indicators (๑๐ ตัวชี้วัด) (ค่าเริ่มต้น: ตามปีที่ยกมา)",
    )
    add_data(p)


def unfinished(fy: FiscalYear) -> list[tuple[Measure, str | None]]:
    """Measures whose latest progress is neither completed nor cancelled, with that status
    (None: the report states no status, so the measure is not known to be finished)."""
    out: list[tuple[Measure, str | None]] = []
    for m in fy.measures:
        latest = fy.latest_progress(m.id)
        status = latest[1].status if latest else "not_started"
        if status not in FINISHED:
            out.append((m, status))
    return out


def carried_codes(codes: list[str], old: Catalog, new: Catalog) -> tuple[list[str], list[str]]:
    """OIT codes of the old ITA year in the new year's numbering (by ``previous``); the rest dropped."""
    kept, dropped = [], []
    for code in codes:
        if old.ita_year == new.ita_year:
            found = [code] if new.item(code) else []
        else:
            found = [i.code for i in new.items if i.previous and code in i.previous.codes]
        (kept.extend(found) if found else dropped.append(code))
    return list(dict.fromkeys(kept)), dropped


def run(args: argparse.Namespace) -> int:
    site = load(args.data, drafts=True)
    if site is None:
        return 1
    data_dir = Path(args.data)
    year: int = args.year
    folder = data_dir / "years" / str(year)
    if folder.exists():
        return fail(f"มีปีงบประมาณ {year} อยู่แล้ว ({folder.as_posix()}) (year exists)")
    if args.source and args.source not in site.years:
        return fail(f"ไม่มีปีงบประมาณ {args.source} ให้ยกข้อมูลมา (no such year)")
    # a year older than every year in the data starts an archive's past: it takes the units and
    # grouping of the nearest later year and carries no measures (those go forward in time)
    past = bool(site.years) and args.source is None and year < min(site.years)
    source: FiscalYear | None = None
    if args.source:
        source = site.years[args.source]
    elif site.years:
        source = site.years[min(site.years)] if past else site.years_desc()[0]
    ita_year = args.ita_year or year
    catalog = site.catalogs.get(ita_year)
    if catalog is None and args.provisional_catalog and site.catalogs:
        path = provisional_catalog(
            data_dir, nearest(site.catalogs, ita_year), ita_year, "new-year --provisional-catalog"
        )
        print(f"คัดลอกรายการ OIT ชั่วคราวไว้ที่ {path.as_posix()} ให้ตรวจกับคู่มือ ITA {ita_year} เมื่อประกาศ")
        site = load(args.data, drafts=True)
        if site is None:
            return 1
        catalog = site.catalogs[ita_year]
        source = site.years.get(source.year) if source else None
    if catalog is None:
        have = ", ".join(str(y) for y in sorted(site.catalogs)) or "ไม่มี"
        return fail(
            f"ยังไม่มีรายการ OIT ของปี ITA {ita_year} (data/catalog/ita-{ita_year}.yml) ปีที่มี: {have} "
            f"ให้สร้างด้วยคำสั่ง python -m prongsai new-catalog {ita_year} (คัดลอกจากปีที่ใกล้ที่สุดเป็นฉบับชั่วคราว) "
            f"หรือใช้ --provisional-catalog (no catalogue for ITA {ita_year})"
        )
    taken = [y for y, other in site.years.items() if other.ita_year == ita_year]
    if taken:
        return fail(
            f"ปีงบประมาณ {taken[0]} ตอบการประเมิน ITA {ita_year} อยู่แล้ว ปีละหนึ่งชุดเท่านั้น "
            "ให้ใช้ --provisional-catalog กับปี ITA ใหม่ (ITA year already answered)"
        )
    available = catalog.taxonomies()
    grouping = args.grouping or (source.taxonomy.key if source else "issues")
    if args.grouping and args.grouping not in available:
        return fail(f"ไม่รู้จักวิธีจัดกลุ่ม '{args.grouping}' ให้ใช้หนึ่งใน: {', '.join(available)} (unknown grouping)")
    if grouping not in available:
        grouping = "indicators"
    span = FiscalYearSpan(year)

    info: dict[str, Any] = {"fiscal_year": year}
    if args.ita_year and args.ita_year != year:
        info["ita_year"] = ita_year
    info["grouping"] = grouping
    if source and source.info.taxonomy and grouping == source.taxonomy.key:
        info["taxonomy"] = [g.model_dump(exclude_defaults=True) for g in source.info.taxonomy]
    # the first year of a site has no units to take over: one to rename, so the file loads
    info["units"] = (
        [u.model_dump() for u in source.info.units]
        if source
        else [{"id": "office", "name": "สำนักปลัด (แก้ชื่อและเพิ่มส่วนราชการ)"}]
    )
    origin = f"จากปี {source.year}" if source else "เป็นปีแรกของข้อมูล"
    scaffold.write_new(
        folder / "year.yml",
        scaffold.commented(YearFile, info),
        [
            f"ข้อมูลหลักของปีงบประมาณ พ.ศ. {year} สร้างด้วยคำสั่ง new-year {origin}",
            "ยังต้องเพิ่ม: preface (คำนำ), summary (บทสรุปผู้บริหาร), announcement (การประกาศใช้) "
            "และ limitations (ข้อจำกัด) ตามคู่มือผู้ดูแลข้อมูล",
        ],
        data_dir,
        "year",
    )

    keys = (
        [g.key for g in catalog.taxonomies()[grouping].groups]
        if not info.get("taxonomy")
        else [g.key for g in (source.info.taxonomy if source else None) or []]
    )
    carried = []
    for m, status in unfinished(source) if source and not past else []:
        assert source is not None
        data = m.model_dump(mode="json", exclude_defaults=True)
        if str(data["group"]).isdigit():
            data["group"] = int(data["group"])
        if "steps" in data:  # a step with nothing but its text is written as the text
            data["steps"] = [s["text"] if list(s) == ["text"] else s for s in data["steps"]]
        data["period"] = {"start": scaffold.be_date(span.start), "end": scaffold.be_date(span.end)}
        codes, dropped = carried_codes(list(m.oit_items), source.catalog, catalog)
        if codes:
            data["oit_items"] = codes
        else:
            data.pop("oit_items", None)
        note = [f"ยกมาจากปีงบประมาณ {source.year} (สถานะล่าสุด: {STATUS_LABELS[status] if status else 'ไม่ได้ระบุ'}) ให้ทบทวนชื่อ ขั้นตอน และระยะเวลา"]
        if dropped:
            note.append(
                f"ข้อ OIT {', '.join(dropped)} ของปี ITA {source.ita_year} ไม่มีข้อที่สืบต่อในปี ITA {ita_year} จึงไม่ได้ยกมา"
            )
        if m.group not in keys:
            note.append(f"กลุ่มเดิม {m.group} ไม่มีในการจัดกลุ่มของปีนี้ ใช้กลุ่ม {keys[0]} แทน ให้ตรวจแก้")
            data["group"] = keys[0]
        scaffold.write_measure(folder, data, "\n".join(note), data_dir, comments=False)
        carried.append(m.id)
    # one file per measure: the year's rules in the folder's README (a form's save keeps it)
    scaffold.measures_folder(
        folder,
        year,
        [
            f"วันที่ใน period ต้องอยู่ระหว่าง 1 ตุลาคม {year - 1} ถึง 30 กันยายน {year}",
            "เพิ่มมาตรการใหม่ด้วยคำสั่ง: python -m prongsai new-measure --year " + str(year),
        ],
    )
    scaffold.write_new(
        folder / "disclosures.yml",
        scaffold.commented(DisclosuresFile, {"disclosures": []}),
        [
            f"การเปิดเผยข้อมูลสาธารณะ (OIT) ที่ใช้ตอบการประเมิน ITA {ita_year}",
            "เพิ่มเอกสารของแต่ละข้อด้วยคำสั่ง: python -m prongsai new-disclosure --year " + str(year),
        ],
        data_dir,
        "disclosures",
    )
    if source is None:
        print(f"สร้างปีงบประมาณ {year} แล้วใน {folder.as_posix()}/ (ปีแรกของข้อมูล ตอบการประเมิน ITA {ita_year})")
        print(f"  การจัดกลุ่ม: {grouping} ให้แก้ส่วนราชการ (units) ใน year.yml ให้ตรงกับหน่วยงาน")
    else:
        print(f"สร้างปีงบประมาณ {year} แล้วใน {folder.as_posix()}/ (ยกข้อมูลจากปี {source.year})")
        print(f"  ส่วนราชการ {len(source.info.units)} หน่วย การจัดกลุ่ม: {grouping}")
        if past:
            print(f"  ปี {year} อยู่ก่อนปีที่มีทั้งหมด จึงไม่ได้ยกมาตรการมา ให้เพิ่มมาตรการของปีนั้นด้วยคำสั่ง new-measure")
        else:
            print(f"  มาตรการที่ยังไม่เสร็จยกมา {len(carried)} รายการ: {', '.join(carried) or '-'}")
    print("  ขั้นต่อไป: เพิ่ม assessment.yml (ผลการประเมินปีก่อน) แล้วตรวจด้วย python -m prongsai validate")
    return 0
