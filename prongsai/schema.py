"""JSON Schemas of the data files, generated from the records in :mod:`prongsai.model`.

The models are the one source: ``python -m prongsai schema`` writes ``schema/<name>.schema.json``
(committed, so the GitHub web editor, github.dev and VS Code find them through the
``# yaml-language-server: $schema=...`` line at the top of every data file), and the
field reference page of the editor guide is rendered from the same schemas.

What is added to pydantic's output: Thai titles (the part of a field's description before
" เช่น", " (" or ":"), examples (what follows " เช่น", kept only when the build accepts it),
and the shared value types (date, year, score, codes, enums) hoisted into ``$defs`` under
Thai titles, so an editor's hover and the guide name them the same way.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import model, types
from .privacy import AllowlistFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"

FILES: dict[str, type[BaseModel]] = {
    "organization": model.OrganizationFile,
    "year": model.YearFile,
    "assessment": model.AssessmentFile,
    "measures": model.MeasuresFile,
    "measure": model.Measure,
    "round": model.ProgressRound,
    "disclosures": model.DisclosuresFile,
    "catalog": model.CatalogFile,
    "privacy-allowlist": AllowlistFile,
}
"""Schema name -> record of one data file; ``schema/<name>.schema.json``."""

WHERE: dict[str, str] = {
    "organization": "data/organization.yml",
    "year": "data/years/<ปี>/year.yml",
    "assessment": "data/years/<ปี>/assessment.yml",
    "measures": "data/years/<ปี>/measures.yml",
    "measure": "data/years/<ปี>/measures/<รหัสมาตรการ>.yml",
    "round": "data/years/<ปี>/rounds/<รอบ>.yml",
    "disclosures": "data/years/<ปี>/disclosures.yml",
    "catalog": "data/catalog/ita-<ปี>.yml",
    "privacy-allowlist": "data/privacy-allowlist.yml",
}

# Shared value types: key in $defs, the type, its Thai name and how to write it.
# Types whose schemas are equal share one entry (the first listed wins).
VALUE_TYPES: list[tuple[str, Any, str, str]] = [
    ("date", types.Date, "วันที่", "เขียนแบบ 2568-03-31 (ปี-เดือน-วัน), 31/3/2568 หรือ 31 มีนาคม 2568 ปี พ.ศ. หรือ ค.ศ. ก็ได้"),
    ("year", types.Year, "ปี พ.ศ.", "ปี 4 หลัก เช่น 2568 หรือ ๒๕๖๘ (ปี ค.ศ. เช่น 2025 จะแปลงเป็น พ.ศ.)"),
    ("score", types.Score, "ตัวเลข 0–100", "ตัวเลขตั้งแต่ 0 ถึง 100 เลขไทยหรือเลขอารบิกก็ได้ เช่น 90.65 หรือ ๙๐.๖๕"),
    (
        "written_score",
        types.WrittenScore,
        "คะแนนตามที่เอกสารเขียน",
        "ตัวเลข 0–100 ตามที่เอกสารเขียน เช่น 91, 90.65 หรือ ๙๐.๖๕ หรือหลายค่า เช่น ๙๔.๒๔ และ ๙๖.๗๐",
    ),
    ("integer", types.Int, "จำนวนเต็ม", "จำนวนเต็ม เลขไทยหรือเลขอารบิกก็ได้ เช่น 9 หรือ ๙"),
    ("slug", types.Slug, "รหัส", "ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด - เช่น m01 (เป็นส่วนหนึ่งของที่อยู่หน้าเว็บ)"),
    ("oit_code", types.OitCode, "รหัสข้อ OIT", "ตัว O ตามด้วยหมายเลข เช่น O27"),
    ("question_code", types.QuestionCode, "รหัสข้อคำถาม", "เช่น i1 (IIT) e5 (EIT) หรือ O14 (OIT)"),
    ("url", types.Url, "ที่อยู่เว็บ", "ขึ้นต้นด้วย https:// หรือ http://"),
    ("file", types.FileRef, "ไฟล์ในโฟลเดอร์ docs/", "เช่น files/2568/รายงาน.pdf (ห้ามขึ้นต้นด้วย / หรือใช้ ..)"),
    ("text", types.Text, "ข้อความ", "ข้อความ เขียน Markdown ได้ ขึ้นย่อหน้าใหม่ด้วยบรรทัดว่าง"),
    ("status", model.Status, "สถานะ", "; ".join(f"{k} = {v}" for k, v in model.STATUS_LABELS.items())),
    ("round_kind", model.RoundKind, "ชนิดของรอบรายงาน", "; ".join(f"{k} = {v}" for k, v in model.ROUND_KIND_LABELS.items())),
    ("org_type", model.OrgType, "ประเภทหน่วยงาน", "; ".join(f"{k} = {v}" for k, v in model.ORG_TYPES.items())),
    ("confidence", model.Confidence, "ระดับความเชื่อมั่น", "; ".join(f"{k} = {v}" for k, v in model.CONFIDENCE_LABELS.items())),
    ("covers", model.Covers, "ปีที่ข้อมูลต้องครอบคลุม", "; ".join(f"{k} = {v}" for k, v in model.COVERS_LABELS.items())),
    ("role", model.Role, "บทบาทของข้อ", "measures = มาตรการ; measures_report = รายงานผลตามมาตรการ"),
    ("instrument", model.InstrumentCode, "แบบวัด", "IIT, EIT หรือ OIT"),
    ("numerals", model.Numerals, "รูปแบบตัวเลข", "thai = เลขไทย; arabic = เลขอารบิก"),
    ("section_kind", model.SectionKind, "ชนิดของหัวข้อ", "; ".join(f"{k} = {v}" for k, v in model.SECTION_KINDS.items())),
    (
        "measure_column",
        model.MeasureColumnField,
        "คอลัมน์ของตารางมาตรการ",
        "รหัสคอลัมน์ (ชื่อมาตรฐาน): " + ", ".join(f"{k} ({v})" for k, v in model.MEASURE_COLUMNS.items()),
    ),
    (
        "report_column",
        model.ReportColumnField,
        "คอลัมน์ของตารางรายงานผล",
        "รหัสคอลัมน์ (ชื่อมาตรฐาน): " + ", ".join(f"{k} ({v})" for k, v in model.REPORT_COLUMNS.items()),
    ),
]

_CUT = re.compile(r" เช่น |: | \(|:$")


def title_of(description: str) -> str:
    """The short Thai title of a field: its description up to " เช่น", ": " or " (".

    >>> title_of("ชื่อเต็มของหน่วยงาน เช่น เทศบาลตำบลบ้านสวน")
    'ชื่อเต็มของหน่วยงาน'
    """
    return _CUT.split(description, maxsplit=1)[0].strip()


def examples_of(description: str, annotation: Any) -> list[Any]:
    """What follows " เช่น " in a description, split on " หรือ " and ", ", kept if the build accepts it."""
    if " เช่น " not in description:
        return []
    tail = description.split(" เช่น ", 1)[1]
    tail = re.split(r" \(|\)", tail, maxsplit=1)[0]
    adapter = TypeAdapter(annotation)
    out: list[Any] = []
    for candidate in re.split(r" หรือ |, ", tail):
        candidate = candidate.strip()
        if not candidate:
            continue
        try:
            adapter.validate_python(candidate)
        except ValidationError:
            continue
        out.append(candidate)
    return out


def _type_defs() -> list[tuple[str, dict[str, Any], str, str]]:
    seen: list[tuple[str, dict[str, Any], str, str]] = []
    for key, typ, title, description in VALUE_TYPES:
        schema = TypeAdapter(typ).json_schema()
        if not any(schema == s for _, s, _, _ in seen):
            seen.append((key, schema, title, description))
    return seen


def _hoist(node: Any, defs: list[tuple[str, dict[str, Any], str, str]], used: set[str]) -> Any:
    """Replace every inline value-type schema by a ``$ref`` to its entry in ``$defs``."""
    if isinstance(node, list):
        return [_hoist(n, defs, used) for n in node]
    if not isinstance(node, dict):
        return node
    core = {k: v for k, v in node.items() if k not in ("title", "description", "default", "examples")}
    null = {"type": "null"}
    for key, schema, _, _ in defs:
        if core == schema:
            used.add(key)
            rest = {k: v for k, v in node.items() if k not in core}
            return {"$ref": f"#/$defs/{key}", **rest}
        # pydantic flattens ``X | None`` of a type that is itself an anyOf into one list
        if set(core) == {"anyOf"} and null in core["anyOf"] and [b for b in core["anyOf"] if b != null] == schema.get("anyOf"):
            used.add(key)
            return {**node, "anyOf": [{"$ref": f"#/$defs/{key}"}, null]}
    return {k: _hoist(v, defs, used) for k, v in node.items()}


def _annotate(schema: dict[str, Any], record: type[BaseModel]) -> None:
    """Thai titles and examples on a record's schema and its properties."""
    doc = (record.__doc__ or "").strip()
    if doc:
        schema["description"] = doc
        schema["title"] = title_of(doc)
    else:
        schema.pop("title", None)
    for name, prop in schema.get("properties", {}).items():
        info = record.model_fields[name]
        description = info.description or ""
        if not description:
            inner = _records_in(info.annotation)
            description = (inner[0].__doc__ or "").strip() if inner else ""
        if description:
            prop["title"] = title_of(description)
            prop["description"] = description
        else:
            prop.pop("title", None)
        examples = examples_of(description, info.annotation) if description else []
        if examples:
            prop["examples"] = examples


def _records_in(annotation: Any) -> list[type[BaseModel]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [r for arg in typing.get_args(annotation) for r in _records_in(arg)]


def _all_records(record: type[BaseModel], out: dict[str, type[BaseModel]]) -> dict[str, type[BaseModel]]:
    out[record.__name__] = record
    for info in record.model_fields.values():
        for sub in _records_in(info.annotation):
            if sub.__name__ not in out:
                _all_records(sub, out)
    return out


def build_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one data file (``name`` is a key of :data:`FILES`)."""
    record = FILES[name]
    raw = record.model_json_schema(ref_template="#/$defs/{model}")
    records = _all_records(record, {})
    for def_name, sub in raw.get("$defs", {}).items():
        _annotate(sub, records[def_name])
    _annotate(raw, record)
    defs = _type_defs()
    used: set[str] = set()
    body = _hoist(raw, defs, used)
    record_defs = body.pop("$defs", {})
    value_defs = {
        key: {"title": title, "description": description, **schema}
        for key, schema, title, description in defs
        if key in used
    }
    return {
        "$schema": DIALECT,
        "title": f"{body.pop('title', name)} ({WHERE[name]})",
        **body,
        "$defs": {**record_defs, **value_defs},
    }


def render(name: str) -> str:
    return json.dumps(build_schema(name), ensure_ascii=False, indent=2) + "\n"


def write_all(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name in FILES:
        path = folder / f"{name}.schema.json"
        text = render(name)
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            changed.append(path)
    return changed


def stale(folder: Path) -> list[str]:
    """Names of the schema files in ``folder`` that differ from the models (or are missing)."""
    out = []
    for name in FILES:
        path = folder / f"{name}.schema.json"
        if not path.is_file() or path.read_text("utf-8") != render(name):
            out.append(path.name)
    extra = sorted(p.name for p in folder.glob("*.schema.json") if p.name.removesuffix(".schema.json") not in FILES)
    return out + extra
