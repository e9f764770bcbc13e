"""Write what was imported: the year's YAML files and ``import-report.md``.

The YAML goes through the scaffolding's ruamel.yaml writer (the layout of the bundled data,
``# yaml-language-server: $schema=`` first, each field's Thai description as its comment).
No file is written over unless the editor asked for it (``--force``); the import report is
added to, never replaced, so the notes of an earlier import stay.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import scaffold
from ..model import AssessmentFile, Measure, MeasuresFile, RoundFile, YearFile
from ..load import measure_files
from ..site import MEASURES_FOLDER
from ..thai import format_date
from .interpret import Result

from ..status import IMPORT_REPORT as REPORT_NAME
from ..status import TODO


class ImportRefused(Exception):
    """The import would write over a file; the message is Thai."""


def _be(value: Any) -> Any:
    """Dates as the Buddhist-era ``2568-03-31`` the bundled files use; recursively."""
    if isinstance(value, dt.date):
        return scaffold.be_date(value)
    if isinstance(value, dict):
        return {k: _be(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_be(v) for v in value]
    if isinstance(value, str):
        return "\n".join(line.rstrip() for line in value.replace("\t", " ").split("\n"))
    return value


def existing_measures(out: Path) -> list[dict[str, Any]]:
    """The measures already in a year's folder, as written (``measures/<id>.yml`` in file-name
    order, or a ``measures.yml`` not split yet): a report's rows are matched to them."""
    paths = measure_files(out)
    raw = [_raw(p) for p in paths] if paths else (_raw(out / "measures.yml") or {}).get("measures", [])
    return [dict(m) for m in raw if isinstance(m, dict)]


def _raw(path: Path) -> Any:
    try:
        return scaffold.load(path) if path.is_file() else None
    except Exception:  # a broken file: validate names it, the import does without it
        return None


def plan_files(
    result: Result, out: Path, have_year: bool, have_measures: bool
) -> list[tuple[Path, type[BaseModel], str, Any]]:
    """``(path, model, schema name, data)`` of every file the import writes."""
    files: list[tuple[Path, type[BaseModel], str, Any]] = []
    if result.kind == "measures" or not have_year:
        files.append((out / "year.yml", YearFile, "year", result.year))
    if result.assessment is not None:
        files.append((out / "assessment.yml", AssessmentFile, "assessment", result.assessment))
    if result.measures and (result.kind == "measures" or not have_measures):
        if (out / "measures.yml").is_file():  # a year not split yet keeps its layout (split-measures)
            files.append((out / "measures.yml", MeasuresFile, "measures", {"measures": result.measures}))
        else:  # one file per measure; the measures already there and not in the document stay
            files += [(out / MEASURES_FOLDER / f"{m['id']}.yml", Measure, "measure", m) for m in result.measures]
    if result.round is not None:
        files.append((out / "rounds" / f"{result.round['id']}.yml", RoundFile, "round", result.round))
    return files


def _schema_line(path: Path, schema_dir: Path, name: str) -> str:
    rel = os.path.relpath(schema_dir.resolve() / f"{name}.schema.json", path.parent.resolve())
    return scaffold.SCHEMA_LINE.format(Path(rel).as_posix())


def write_all(
    result: Result, out: Path, source: Path, schema_dir: Path, *, force: bool, have_year: bool, have_measures: bool
) -> list[Path]:
    files = plan_files(result, out, have_year, have_measures)
    existing = [p for p, *_ in files if p.exists()]
    if existing and not force:
        names = ", ".join(p.as_posix() for p in existing)
        raise ImportRefused(
            f"มีไฟล์อยู่แล้ว: {names} ไม่เขียนทับ ให้ระบุ --out โฟลเดอร์อื่น หรือใช้ --force ถ้าต้องการเขียนทับ (files exist)"
        )
    header = [
        f"# นำเข้าจากไฟล์ Word {source.name} เมื่อ {format_date(dt.date.today(), 'arabic')} (python -m prongsai import-docx)",
        f"# สิ่งที่ต้องตรวจหรือกรอกเพิ่ม: {REPORT_NAME} ในโฟลเดอร์นี้",
    ]
    written = []
    for path, model, name, data in files:
        doc = scaffold.commented(model, _be(data))
        doc.yaml_set_start_comment(
            "\n".join([_schema_line(path, schema_dir, name)[2:], "", *(h[2:] for h in header), ""])
        )
        scaffold.dump(doc, path)
        written.append(path)
    if out / MEASURES_FOLDER in {p.parent for p in written}:
        scaffold.measures_folder(out, int(result.year["fiscal_year"]))
    _write_report(result, out, source, written)
    return written


def _md(text: str) -> str:
    """Document text inside the report: one line, Markdown-inert."""
    one = " ".join(text.split())
    return one.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "'")


def _write_report(result: Result, out: Path, source: Path, written: list[Path]) -> None:
    led = result.ledger
    total, placed, frame = led.chars(), led.chars("placed"), led.chars("frame")
    unplaced = led.unplaced()
    share = 100 * placed / total if total else 100.0
    accounted = 100 * (placed + frame) / total if total else 100.0
    lines = [
        f"# รายงานการนำเข้าจากไฟล์ Word: {_md(source.name)}",
        "",
        f"นำเข้าเมื่อ {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} ชนิดเอกสาร: {'รายงานผลการดำเนินการ' if result.kind == 'report' else 'มาตรการ'}",
        "",
        f"- นำข้อความไปใส่ในข้อมูลแล้ว {placed:,} จาก {total:,} อักขระ (ร้อยละ {share:.1f})",
        f"- เป็นโครงของเอกสาร (หัวตาราง สารบัญ หัวข้อส่วน ชื่อหน่วยงานบนปก) {frame:,} อักขระ: ระบบแสดงเอง",
        f"- ไม่ได้นำเข้า {sum(len(e.text) for e in unplaced):,} อักขระ ({len(unplaced)} รายการ ดูหัวข้อ 'ข้อความที่ไม่ได้นำเข้า') รวมแล้วทราบที่ไปของข้อความร้อยละ {accounted:.1f}",
        "",
        "ไฟล์ที่เขียน:",
        "",
        *[f"- `{p.relative_to(out).as_posix()}`" for p in written],
        "",
        "ทำเครื่องหมาย [x] เมื่อแก้แล้ว (คำสั่ง python -m prongsai status แสดงรายการที่ยังไม่ได้ทำเครื่องหมาย)",
        "",
        f"## ต้องกรอก ({len(result.to_fill)})",
        "",
        "เอกสารไม่ได้ระบุค่าที่ระบบต้องมี ระบบไม่เดาค่าแทน: กรอกตามความจริง หรือเว้นไว้ให้ validate แจ้งตำแหน่ง",
        "",
        *[f"{TODO}{_md(x)}" for x in result.to_fill],
        "",
        f"## ต้องตรวจ ({len(result.to_check)})",
        "",
        *[f"{TODO}{_md(x)}" for x in result.to_check],
        "",
        f"## ข้อความที่ไม่ได้นำเข้า ({len(unplaced)})",
        "",
        "ข้อความเหล่านี้อยู่ในเอกสารแต่ยังไม่ได้อยู่ในข้อมูล: ย้ายไปใส่ในหัวข้อที่เหมาะสมเอง หรือทำเครื่องหมายถ้าไม่ต้องการ",
        "",
        *[f"{TODO}{e.where}{': ' + e.target if e.target else ''}: \"{_md(e.text)}\"" for e in unplaced],
        "",
        "## ตารางในเอกสาร",
        "",
        *[f"- {_md(x)}" for x in result.tables],
        "",
        "## ที่ไปของข้อความ",
        "",
        "| ตำแหน่งในเอกสาร | ไปที่ | ข้อความ |",
        "|---|---|---|",
        *[
            f"| {e.where} | {_md(e.target)} | {_md(e.text[:60])}{'...' if len(e.text) > 60 else ''} |"
            for e in led.entries.values()
            if e.status != "unplaced"
        ],
        "",
    ]
    path = out / REPORT_NAME
    out.mkdir(parents=True, exist_ok=True)
    previous = path.read_text("utf-8") + "\n---\n\n" if path.is_file() else ""
    path.write_text(previous + "\n".join(lines), "utf-8")
